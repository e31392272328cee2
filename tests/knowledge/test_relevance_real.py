"""The shopper walk-through failures, on the real multilingual encoder and a small catalog built like the
demo one: the product type survives colour, price and sort; Chinese reaches English-only products."""

from __future__ import annotations

import pytest

from knowledge.encoders.base import Encoder
from knowledge.search.documents import ProductDoc, VariantDoc
from knowledge.search.engine import SearchEngine
from knowledge.search.filters import Relaxation, SearchFilters
from knowledge.search.models import SearchQuery
from knowledge.search.preferences import Preferences
from knowledge.search.sorting import SortOrder
from knowledge.search.zero_results import with_alternatives

pytestmark = pytest.mark.model

# id, title, Chinese title, brand, category, price (cents), colours
CATALOG: tuple[tuple[str, str, str | None, str, str, int, tuple[str, ...]], ...] = (
    ("D1", "Cotton Poplin Slip Dress, Sleeveless", "无袖棉府绸吊带连衣裙", "Reform", "Women > Clothing > Dresses",
     16499, ("Burgundy", "Sage")),
    ("D2", "Linen Slip Dress, Puff Sleeve", "泡泡袖亚麻吊带连衣裙", "Willow", "Women > Clothing > Dresses", 16499,
     ("Navy", "Cream")),
    ("D3", "Viscose Tiered Maxi Dress", "粘胶层叠长款连衣裙", "Stories", "Women > Clothing > Dresses", 13300,
     ("Coral", "Black")),
    ("L1", "Satin Lipstick, 3.5 g", "缎光口红", "Fenty", "Beauty > Makeup > Lips", 2149, ("Red", "Burgundy")),
    ("B1", "Mini Floor Pump, Reflective Details", None, "Giro", "Sports > Cycling > Gear", 5199, ("Red",)),
    ("B2", "U-Lock with Cable, Lightweight", None, "Lezyne", "Sports > Cycling > Gear", 11799, ("Red", "Black")),
    ("M1", "Glossy Porcelain Coffee Mug, 300 ml", "光面瓷咖啡马克杯 300毫升", "Hearth", "Home > Kitchen > Mugs", 2500,
     ("Terracotta",)),
    ("M2", "Stoneware Coffee Mug, 350 ml", "粗陶咖啡马克杯 350毫升", "Bodum", "Home > Kitchen > Mugs", 1295,
     ("White",)),
    ("E1", "Vibe True Wireless Earbuds, Water Resistant", "真无线蓝牙耳机", "JBL", "Electronics > Audio > Earbuds",
     4999, ("Black",)),
    ("E2", "Pro True Wireless Earbuds, Noise Cancelling", "主动降噪真无线耳机", "Apple",
     "Electronics > Audio > Earbuds", 24999, ("White",)),
    ("E3", "Liberty True Wireless Earbuds, Spatial Audio", "空间音频真无线耳机", "Soundcore",
     "Electronics > Audio > Earbuds", 9999, ("Sky Blue",)),
    ("K1", "Ultra-Slim Wireless Keyboard, Bluetooth", None, "Keychron", "Electronics > Computers > Keyboards", 3999,
     ("Pink",)),
    ("K2", "Wireless Mechanical Keyboard, Hot-Swappable Switches", None, "Keychron",
     "Electronics > Computers > Keyboards", 9999, ("Black",)),
    ("C1", "Vegan Leather Folio Phone Case, Wireless Charging Compatible", None, "Tidepool",
     "Electronics > Phones > Cases", 3395, ("Sage",)),
    ("S1", "Smart Wi-Fi Plug Mini, 2-Pack", "智能插座 两只装", "Kasa", "Electronics > Smart Home", 3999, ()),
    ("Y1", "PU Leather Top Yoga Mat, 4 mm, Non-Slip", "PU面层瑜伽垫 4毫米", "Stride", "Sports > Fitness > Yoga",
     2999, ("Navy",)),
    ("Y2", "Natural Rubber Yoga Mat, 6 mm", "天然橡胶瑜伽垫 6毫米", "Manduka", "Sports > Fitness > Yoga", 7999,
     ("Sage",)),
    ("T1", "Cotton Tufted Bath Mat, Non-Slip Backing", "棉质簇绒浴室防滑地垫", "Dorai", "Bath > Bath Mats", 3699,
     ("Grey",)),
    ("T2", "Cedar Shoe Trees, 1 Pair", None, "Scholl", "Shoes > Shoe Care", 2000, ()),
    ("T3", "Memory Foam Insoles, Trim to Fit", "记忆棉鞋垫", "Superfeet", "Shoes > Shoe Care", 2899, ()),
    ("F1", "Air Fryer, 3.8 L, 1550W", "空气炸锅 3.8升 1550W", "Ninja", "Home > Appliances", 9999, ("White",)),
    ("F2", "Pro Air Fryer, 4.7 L, 1500W", "空气炸锅 4.7升 1500W", "Cosori", "Home > Appliances", 8999, ("Black",)),
    ("P1", "Sichuan Peppercorns, 500 ml", "四川花椒 500毫升", "Kikkoman", "Grocery > Sauces & Spices", 1400, ()),
    ("P2", "Premium Light Soy Sauce, 150 g", "特级生抽 150克", "Fly By Jing", "Grocery > Sauces & Spices", 1599, ()),
    ("U1", "Teak Wood Bath Mat, 50 x 80 cm", None, "Muji", "Bath > Bath Mats", 5099, ("Natural",)),
    ("U2", "Felted Wool House Slippers", "羊毛毡居家拖鞋", "Muji", "Shoes > Slippers", 3999, ("Grey",)),
    ("X1", "Mi Smart Electric Kettle, 1.5 L", "Mi Smart 电热水壶 1.5升", "Xiaomi", "Home > Appliances", 4999,
     ("White",)),
    ("R1", "Smart Rice Cooker, 10 Cups, 860W", "智能电饭煲 10杯", "Midea", "Home > Appliances", 7999, ("White",)),
    ("N1", "Rice Vermicelli, 2.5 kg", "米粉 2.5公斤", "Nongshim", "Grocery > Rice & Noodles", 1299, ()),
    ("N2", "Thin Rice Vermicelli, 1 kg", "细米粉 1公斤", "Royal Thai", "Grocery > Rice & Noodles", 899, ()),
)


@pytest.fixture(scope="module")
def engine(use_encoder: Encoder) -> SearchEngine:
    docs = []
    for i, (pid, title, title_zh, brand, category, price, colours) in enumerate(CATALOG, start=1):
        variants = tuple(VariantDoc(f"{pid}-{c[:3].upper() or 'STD'}", price, "USD", 10, True,
                                    {"color": c} if c else {}) for c in colours or ("",))
        docs.append(ProductDoc(i, pid, f"{brand} {title}", title_zh=f"{brand} {title_zh}" if title_zh else None,
                               brand=brand, category_path=category, variants=variants))
    eng = SearchEngine(use_encoder)
    eng.build(docs)
    return eng


def _ids(engine: SearchEngine, query: SearchQuery) -> list[str]:
    return [h.external_id for h in engine.search(query).hits]


def test_red_dress_lists_dresses_red_family_first_and_says_there_is_no_exact_red(engine: SearchEngine) -> None:
    for text, words in (("红色连衣裙", "连衣裙"), ("red dress", "dress")):
        results = engine.search(SearchQuery(text, prefer=Preferences(colour="red"), product_text=words))
        ids = [h.external_id for h in results.hits]
        assert set(ids) == {"D1", "D2", "D3"}, text          # never the red lipstick, pump or lock
        assert ids[-1] == "D2", text                           # navy/cream after burgundy and coral
        assert results.unmet == ("colour",) and set(results.close_colours) == {"burgundy", "coral"}


def test_red_mug_keeps_the_mugs(engine: SearchEngine) -> None:
    results = engine.search(SearchQuery("red mug", prefer=Preferences(colour="red"), product_text="mug"))
    assert [h.external_id for h in results.hits] == ["M1", "M2"]   # terracotta is a red shade


def test_wireless_earbuds_under_50_are_only_earbuds(engine: SearchEngine) -> None:
    cap = SearchFilters(currency="USD", max_price_minor=5000)
    assert _ids(engine, SearchQuery("wireless earbuds", filters=cap)) == ["E1"]


def test_cheapest_yoga_mat_sorts_yoga_mats_only(engine: SearchEngine) -> None:
    for text in ("yoga mat", "瑜伽垫"):
        assert _ids(engine, SearchQuery(text, sort=SortOrder.PRICE_ASC)) == ["Y1", "Y2"], text


def test_air_fryer_under_a_budget_and_its_alternatives_are_air_fryers(engine: SearchEngine) -> None:
    usd = SearchFilters(currency="USD", max_price_minor=50000)
    assert set(_ids(engine, SearchQuery("空气炸锅", filters=usd))) == {"F1", "F2"}
    tight = SearchQuery("空气炸锅", filters=SearchFilters(currency="USD", max_price_minor=5000))
    vector = engine.encode_query(tight.text)
    empty = engine.search_vector(tight, vector)
    assert empty.hits == ()
    relaxed = with_alternatives(engine, empty, vector)
    assert relaxed.relaxed == (Relaxation.PRICE,) and {h.external_id for h in relaxed.alternatives} == {"F1", "F2"}


def test_chinese_queries_reach_english_only_products_and_brand_aliases(engine: SearchEngine) -> None:
    assert _ids(engine, SearchQuery("机械键盘"))[0] == "K2"
    assert set(_ids(engine, SearchQuery("无印良品"))) == {"U1", "U2"}
    assert _ids(engine, SearchQuery("小米"))[0] == "X1"
    assert set(_ids(engine, SearchQuery("瑜珈垫"))[:2]) == {"Y1", "Y2"}   # 瑜珈: a common slip for 瑜伽


def test_the_product_that_has_every_word_comes_before_closer_vectors(engine: SearchEngine) -> None:
    """The encoder puts rice noodles near "rice cooker"; the one product with both words leads."""
    results = engine.search(SearchQuery("rice cooker"))
    assert results.hits[0].external_id == "R1"
    assert [h.score for h in results.hits] == sorted((h.score for h in results.hits), reverse=True)
