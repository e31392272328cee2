"""Typed Q&A errors; each carries what a reply or a CLI message needs."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QAError", "QANotStarted", "UnknownProduct", "KBImportError", "ImportProblem"]


class QAError(Exception):
    """Base of every knowledge/qa error."""


class QANotStarted(QAError):
    def __str__(self) -> str:
        return "QAService.start() must finish before ask()"


@dataclass
class UnknownProduct(QAError):
    key: str

    def __str__(self) -> str:
        return f"no product or SKU {self.key!r} in the catalog"


@dataclass(frozen=True)
class ImportProblem:
    line: int  # 1-based line of the CSV row, or the 1-based position of the JSON item
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class KBImportError(QAError):
    """The file was refused; nothing was imported."""

    path: str
    problems: list[ImportProblem]

    def __str__(self) -> str:
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        return f"{self.path}: {len(self.problems)} problem(s), nothing imported:\n{shown}{more}"
