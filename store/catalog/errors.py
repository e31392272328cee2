"""Typed catalog errors. An import failure carries every bad row (line number + reason) so the operator can
fix the whole file in one go instead of one error per attempt."""

from __future__ import annotations

from dataclasses import dataclass

from store.errors import ErrorCode, StoreError

__all__ = ["RowProblem", "CatalogImportFailed", "CatalogFormatError"]


@dataclass(frozen=True)
class RowProblem:
    """One bad row: ``line`` is the physical line in the file (CSV header = line 1; for JSON the line where the
    object starts); ``index`` is the 1-based position of a JSON object (None for CSV)."""

    line: int
    reason: str
    sku: str | None = None
    index: int | None = None

    def describe(self) -> str:
        where = f"line {self.line}" if self.index is None else f"object {self.index} (line {self.line})"
        sku = f" [sku {self.sku}]" if self.sku else ""
        return f"{where}{sku}: {self.reason}"


@dataclass(eq=False)
class CatalogImportFailed(StoreError):
    """The file had bad rows; nothing was imported."""

    file_name: str
    problems: tuple[RowProblem, ...]
    rows_read: int
    code = ErrorCode.VALIDATION

    def __str__(self) -> str:
        head = f"{self.file_name}: {len(self.problems)} bad row(s) in {self.rows_read}; nothing was imported."
        return "\n".join([head, *(p.describe() for p in self.problems)])


@dataclass(eq=False)
class CatalogFormatError(StoreError):
    """The file as a whole cannot be read (unknown extension, missing required column, not a JSON list)."""

    file_name: str
    message: str
    code = ErrorCode.VALIDATION

    def __str__(self) -> str:
        return f"{self.file_name}: {self.message}"
