from __future__ import annotations

from knowledge.search.hybrid import RRF_K, rrf_fuse


def test_documents_in_both_lists_win() -> None:
    fused = rrf_fuse([(1, 0.9), (2, 0.8)], [(2, 12.0), (3, 10.0)])
    assert [h.product_id for h in fused] == [2, 1, 3]
    top = fused[0]
    assert top.vector_rank == 2 and top.keyword_rank == 1 and top.cosine == 0.8 and top.bm25 == 12.0
    assert abs(top.score - (1 / (RRF_K + 2) + 1 / (RRF_K + 1))) < 1e-12


def test_weights_and_empty_lists() -> None:
    assert [h.product_id for h in rrf_fuse([], [(5, 1.0)])] == [5]
    fused = rrf_fuse([(1, 0.9)], [(2, 3.0)], keyword_weight=3.0)
    assert fused[0].product_id == 2
    assert rrf_fuse([], []) == []
