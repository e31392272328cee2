"""How many threads numpy's matrix products (OpenBLAS) use, decided in one place.

WHY: a chat message costs a few small products (a sentence through the encoder, one vector against a few
thousand NLU examples, a handful of words against the Q&A vocabulary). With two OpenBLAS threads each product
wakes the second thread and spin-waits for it, which on a busy 2-core machine cost more than the product itself
(10-25 ms measured), so each of those places limited BLAS to one thread around its product. But a limit is two
library calls on entry and two on exit, and raising the count back wakes the pool again: per message that was
paid three times. A process that serves chats now sets one thread once (``serve_single_threaded``), and the
per-product limits cost nothing there; elsewhere (training, the CLI, tests) they still apply. A large batch
(indexing many documents) asks for more threads with ``blas_threads(n)`` either way.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

__all__ = ["serve_single_threaded", "one_blas_thread", "blas_threads"]

_controller: Any = None
_serving = False


def _limit(threads: int) -> AbstractContextManager[Any]:
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()  # scans the loaded BLAS libraries once, not per call
    limiter: AbstractContextManager[Any] = _controller.limit(limits=threads, user_api="blas")
    return limiter


def serve_single_threaded() -> None:
    """One BLAS thread from now on, for the life of the process (a chat server's small products)."""
    global _serving
    if not _serving:
        _limit(1)  # applied when made; never restored
        _serving = True


def blas_threads(threads: int) -> AbstractContextManager[Any]:
    """``threads`` BLAS threads inside the block (the count before it is restored after)."""
    return nullcontext() if threads == 1 and _serving else _limit(threads)


def one_blas_thread() -> AbstractContextManager[Any]:
    """One BLAS thread inside the block: a small product (see the module's docstring)."""
    return blas_threads(1)
