"""What the e2e bot waits on: every asyncio task's chain of awaits, written on ``kill -USR1 <bot pid>``.

WHY: ``Task.print_stack`` shows only a suspended task's outer frame, and py-spy only threads; what a slow or
quiet bot waits on (the writer queue, a pool, Redis) is an await deep in a handler, and this names it. Mind the
phases: the two bots alternate, so "ours" idles through every echo phase.
"""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["dump_tasks"]


def dump_tasks(path: str) -> None:
    """Each asyncio task's chain of awaits, innermost last (``Task.print_stack`` shows only the outer frame)."""
    with open(path, "w", encoding="utf-8") as out:
        for task in asyncio.all_tasks():
            out.write(f"=== {task.get_name()}\n")
            coro: Any = task.get_coro()
            while coro is not None:
                frame = getattr(coro, "cr_frame", None) or getattr(coro, "ag_frame", None) \
                    or getattr(coro, "gi_frame", None)
                if frame is not None:
                    out.write(f"  {frame.f_code.co_filename}:{frame.f_lineno} {frame.f_code.co_name}\n")
                coro = getattr(coro, "cr_await", None) or getattr(coro, "ag_await", None) \
                    or getattr(coro, "gi_yieldfrom", None)
