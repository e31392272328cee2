"""Chinese short forms of a kind ("跑鞋" for 跑步鞋): found in the catalog's own Chinese names, then searched by the
full form's words. "跑鞋" had no BM25 word in common with 跑步鞋 (jieba: 跑鞋 | 跑步 + 鞋)."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.models import SearchQuery
from knowledge.search.short_forms import full_form

NAMES = ["Nike Pegasus 40 女款跑步鞋", "Saucony Ride 17 男款跑步鞋", "Kurgo 跑步免手持牵引绳", "Hunter 儿童雨靴",
         "Stride Rite 儿童魔术贴运动鞋", "Fellow Stagg 手冲电热壶", "Bodum Chambord 法压壶"]


def test_the_full_form_comes_from_the_catalog_names() -> None:
    assert full_form("跑鞋", NAMES) == "跑步鞋"
    assert full_form("运鞋", NAMES) == "运动鞋"
    # The head must be a word of its own and the rest the word asked for: 童 + 雨靴 is not a 童鞋.
    assert full_form("童鞋", NAMES) is None
    assert full_form("耳机", NAMES) is None and full_form("鞋", NAMES) is None and full_form("abc", NAMES) is None


def test_a_short_form_finds_the_kind_by_its_words(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.25))
    engine.build([ProductDoc(i, f"P{i}", title, title_zh=zh, category_path=category,
                             variants=(VariantDoc(f"P{i}-STD", 9999, "USD", 5, True, {}),))
                  for i, (title, zh, category) in enumerate([
                      ("Nike Pegasus 40 Running Shoes, Women's", "Nike Pegasus 40 女款跑步鞋", "Shoes > Running"),
                      ("Saucony Ride 17 Running Shoes, Men's", "Saucony Ride 17 男款跑步鞋", "Shoes > Running"),
                      ("Kurgo Hands-Free Running Leash", "Kurgo 跑步免手持牵引绳", "Pets > Leashes"),
                      ("Hunter Kids' Rain Boots", "Hunter 儿童雨靴", "Shoes > Kids"),
                  ], start=1)])
    hits = engine.search(SearchQuery("跑鞋")).hits
    assert {h.external_id for h in hits[:2]} == {"P1", "P2"}
    assert all(h.bm25 for h in hits[:2])                      # by their words, not the vector alone
    assert "P3" not in [h.external_id for h in hits]           # 跑步 alone is not a running shoe
