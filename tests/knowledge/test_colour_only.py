"""A colour said alone ("鼠尾草绿", sage green): the products that come in it, not a product that has the colour's
words in its name. "鼠尾草绿" listed only a sea salt & sage candle: the Chinese words matched its Chinese title
(海盐鼠尾草香薰蜡烛) and nothing searched the catalog's own colour name, "Sage"."""

from __future__ import annotations

from knowledge.encoders.fake import FakeEncoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import EngineConfig, SearchEngine
from knowledge.search.models import SearchQuery
from knowledge.search.preferences import Preferences

CATALOG = [
    ("Tidepool Vegan Leather Folio Phone Case", "Tidepool 纯素皮革翻盖手机壳", "Electronics > Phone Cases", "Sage"),
    ("Muji Porcelain Mug, 300 ml", "无印良品 瓷马克杯 300毫升", "Home > Kitchen > Mugs", "Sage"),
    ("Yoga Mat, 6 mm", "瑜伽垫 6毫米", "Sports > Yoga", "Olive"),
    ("Boy Smells Sea Salt & Sage Scented Candle", "Boy Smells 海盐鼠尾草香薰蜡烛", "Home > Candles", "Natural"),
    ("Linen Slip Dress", "亚麻吊带连衣裙", "Fashion > Dresses", "Red"),
]


def test_a_colour_alone_lists_the_products_in_it(fake_encoder: FakeEncoder) -> None:
    engine = SearchEngine(fake_encoder, EngineConfig(min_cosine=0.25))
    engine.build([ProductDoc(i, f"P{i}", title, title_zh=zh, category_path=category,
                             variants=(VariantDoc(f"P{i}-{colour[:3].upper()}", 2000, "USD", 5, True,
                                                  {"color": colour}),))
                  for i, (title, zh, category, colour) in enumerate(CATALOG, start=1)])
    # The dialogue's reading of "鼠尾草绿": colour sage preferred, no product words left.
    query = SearchQuery("鼠尾草绿", prefer=Preferences(colour="sage"), product_text="")
    ids = [h.external_id for h in engine.search(query).hits]
    assert set(ids[:2]) == {"P1", "P2"}, ids                    # exactly sage first
    assert "P5" not in ids                                       # a red dress is not sage green
    if "P3" in ids:                                              # a close shade (olive) may follow them
        assert ids.index("P3") > 1
