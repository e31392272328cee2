"""The Chinese description (attribute ``description_zh``) is not indexed by search: as an attribute value it
would have been appended to both indexed texts, and adding it to the BM25 text lowered the sealed search
evaluation (knowledge/search/documents.py)."""

from __future__ import annotations

from dataclasses import replace

from knowledge.search.documents import ProductDoc, keyword_text, semantic_text

MUG = ProductDoc(product_id=1, external_id="P1", title="Bodum Ceramic Mug", title_zh="Bodum 陶瓷马克杯",
                 description="Dishwasher and microwave safe.", attributes={"material": "Ceramic"})


def test_the_chinese_description_leaves_the_indexed_texts_unchanged() -> None:
    with_zh = replace(MUG, attributes={**MUG.attributes, "description_zh": "可用洗碗机和微波炉。"})
    assert semantic_text(with_zh) == semantic_text(MUG)
    assert keyword_text(with_zh) == keyword_text(MUG)
