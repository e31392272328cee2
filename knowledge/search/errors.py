"""Typed search errors carrying what a reply or an operator needs."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SearchError", "IndexMismatch", "SearchNotStarted", "InvalidSearchQuery"]


class SearchError(Exception):
    """Base class for product-search problems."""


@dataclass
class IndexMismatch(SearchError):
    """The index on disk was built by another model or with another dimension: it must be rebuilt."""

    path: str
    expected: str
    found: str

    def __str__(self) -> str:
        return (f"search index at {self.path} was built for {self.found}, but {self.expected} is configured; "
                "run `shopbot index rebuild`")


@dataclass
class SearchNotStarted(SearchError):
    def __str__(self) -> str:
        return "product search is not started yet (await ProductSearch.start() first)"


@dataclass
class InvalidSearchQuery(SearchError):
    message: str

    def __str__(self) -> str:
        return self.message
