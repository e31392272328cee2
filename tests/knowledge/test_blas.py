"""BLAS threads: limited around each small product, or once for a serving process (knowledge/blas.py).

Each case runs in a fresh interpreter: the limit is process-wide state that must not leak into other tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_PROBE = """
import json
from threadpoolctl import threadpool_info
import numpy  # loads OpenBLAS
from knowledge import blas

def blas_threads():
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

out = {"before": blas_threads()}
%s
print(json.dumps(out))
"""


def _run(body: str) -> dict[str, list[int]]:
    done = subprocess.run([sys.executable, "-c", _PROBE % body], capture_output=True, text=True, check=True)
    out: dict[str, list[int]] = json.loads(done.stdout.strip().splitlines()[-1])
    if not out["before"]:
        pytest.skip("numpy here is not linked to a BLAS threadpoolctl can see")
    return out


def test_a_small_product_runs_on_one_thread_and_the_count_comes_back() -> None:
    out = _run("""
blas.blas_threads(2).__enter__()  # a known starting count, whatever the machine's default
with blas.one_blas_thread():
    out["inside"] = blas_threads()
out["after"] = blas_threads()
""")
    assert out["inside"] == [1] * len(out["inside"])
    assert out["after"] == [2] * len(out["after"])


def test_a_serving_process_stays_on_one_thread_and_a_large_batch_still_gets_more() -> None:
    out = _run("""
blas.serve_single_threaded()
out["serving"] = blas_threads()
with blas.one_blas_thread():
    out["small"] = blas_threads()
with blas.blas_threads(2):
    out["batch"] = blas_threads()
out["after"] = blas_threads()
out["no_op"] = [int(type(blas.one_blas_thread()).__name__ == "nullcontext")]
""")
    assert set(out["serving"]) == {1} and set(out["small"]) == {1} and set(out["after"]) == {1}
    assert set(out["batch"]) == {2}
    assert out["no_op"] == [1]  # nothing to set per product once the process serves on one thread
