"""A rich progress bar for long index builds (encoding is the slow part: minutes for 100k products)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

__all__ = ["encoding_progress"]


@contextmanager
def encoding_progress(description: str = "Encoding products") -> Iterator[Callable[[int, int], None]]:
    """Yields a ``(done, total)`` callback that drives a rich bar on stderr."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=False) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
