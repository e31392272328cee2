"""A 30-product bilingual fixture catalog for search tests: as ``ProductDoc``s (engine tests, no database)
and through the real catalog service (store-following tests)."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.search.documents import ProductDoc, VariantDoc
from store.catalog import ProductInput, VariantInput, upsert_product
from store.money import Money
from store.uow import UnitOfWorkFactory

__all__ = ["FIXTURE", "FixtureProduct", "fixture_docs", "seed_fixture", "product_input"]


@dataclass(frozen=True)
class FixtureProduct:
    external_id: str
    title: str
    title_zh: str
    category: str
    brand: str
    price_minor: int
    colours: tuple[str, ...]
    sizes: tuple[str, ...] = ()
    stock: int = 10
    rating_tenths: int = 40
    sales: int = 10
    description: str = ""


_P = FixtureProduct
FIXTURE: tuple[FixtureProduct, ...] = (
    _P("P01", "Red Ceramic Coffee Mug 350 ml", "红色陶瓷咖啡马克杯", "Home > Kitchen > Mugs", "Hearth", 1299, ("Red",),
       sales=120, description="A glazed stoneware mug for coffee and tea, dishwasher safe."),
    _P("P02", "Blue Enamel Camping Mug", "蓝色搪瓷露营杯", "Home > Kitchen > Mugs", "Trailco", 999, ("Blue",),
       sales=40, description="Light enamel mug for camping trips and the office."),
    _P("P03", "Glass Tea Cup Set of 4", "玻璃茶杯四件套", "Home > Kitchen > Cups", "Hearth", 2499, ("Clear",),
       description="Heat resistant borosilicate glass cups for green tea."),
    _P("P04", "Stainless Steel Water Bottle 750 ml", "不锈钢保温水瓶", "Sports > Outdoor > Bottles", "Trailco", 2199,
       ("Black", "Green"), description="Vacuum insulated bottle keeps drinks cold for 24 hours."),
    _P("P05", "Men's Running Shoes", "男士跑步鞋", "Shoes > Running", "Stride", 7999, ("Black", "Blue"),
       ("41", "42", "43"), sales=300, rating_tenths=46,
       description="Cushioned road running shoes with breathable mesh."),
    _P("P06", "Women's Trail Running Shoes", "女士越野跑鞋", "Shoes > Running", "Stride", 8999, ("Grey", "Pink"),
       ("37", "38", "39"), sales=150, description="Grippy outsole for muddy trails."),
    _P("P07", "Leather Chelsea Boots", "真皮切尔西靴", "Shoes > Boots", "Oakhide", 12999, ("Brown",), ("42", "43"),
       stock=0, description="Classic ankle boots in full-grain leather."),
    _P("P08", "Kids Rain Boots", "儿童雨靴", "Shoes > Boots", "Puddle", 2999, ("Yellow", "Red"), ("30", "32"),
       description="Waterproof rubber boots for children."),
    _P("P09", "Wireless Noise Cancelling Headphones", "无线降噪耳机", "Electronics > Audio > Headphones", "Sonora",
       19999, ("Black", "Silver"), sales=500, rating_tenths=47,
       description="Over-ear Bluetooth headphones with active noise cancellation and 30 hour battery."),
    _P("P10", "True Wireless Earbuds", "真无线蓝牙耳机", "Electronics > Audio > Earbuds", "Sonora", 7999, ("White",),
       sales=800, rating_tenths=44, description="Compact Bluetooth earbuds with charging case."),
    _P("P11", "Portable Bluetooth Speaker", "便携式蓝牙音箱", "Electronics > Audio > Speakers", "Boomly", 4999,
       ("Blue", "Black"), description="Waterproof speaker with deep bass for the beach."),
    _P("P12", "USB-C Fast Charger 65W", "65W USB-C 快速充电器", "Electronics > Accessories > Chargers", "Voltix", 3499,
       ("White",), sales=600, description="GaN wall charger for laptops and phones."),
    _P("P13", "Smartphone Case for iPhone 15", "iPhone 15 手机壳", "Electronics > Accessories > Cases", "Shellz", 1999,
       ("Black", "Clear"), description="Shockproof silicone phone case."),
    _P("P14", "4K Action Camera", "4K运动相机", "Electronics > Cameras", "Vista", 24999, ("Black",),
       description="Waterproof action camera with image stabilisation."),
    _P("P15", "Cotton Crew Neck T-Shirt", "纯棉圆领T恤", "Fashion > Men > T-Shirts", "Basics", 1599,
       ("White", "Black", "Red"), ("S", "M", "L", "XL"), sales=900, description="Soft everyday cotton tee."),
    _P("P16", "Women's Summer Floral Dress", "女士夏季碎花连衣裙", "Fashion > Women > Dresses", "Bloom", 4599,
       ("Blue", "Yellow"), ("S", "M", "L"), description="Light chiffon dress with a floral print."),
    _P("P17", "Wool Winter Scarf", "羊毛冬季围巾", "Fashion > Accessories > Scarves", "Highland", 2999, ("Grey", "Red"),
       description="Warm merino wool scarf."),
    _P("P18", "Denim Jacket", "牛仔夹克", "Fashion > Men > Jackets", "Basics", 6999, ("Blue",), ("M", "L"),
       description="Classic washed denim jacket."),
    _P("P19", "Yoga Mat 6 mm", "瑜伽垫 6毫米", "Sports > Fitness > Yoga", "Zenfit", 2999, ("Purple", "Green"),
       sales=250, description="Non-slip exercise mat for yoga and pilates."),
    _P("P20", "Adjustable Dumbbells Pair", "可调节哑铃一对", "Sports > Fitness > Weights", "Ironworks", 14999,
       ("Black",), description="Quick-change dumbbells from 2 to 24 kg."),
    _P("P21", "Camping Tent for 2 People", "双人露营帐篷", "Sports > Outdoor > Tents", "Trailco", 11999, ("Green",),
       description="Lightweight waterproof tent, sets up in five minutes."),
    _P("P22", "LED Desk Lamp", "LED台灯", "Home > Lighting > Lamps", "Lumo", 3999, ("White", "Black"),
       description="Dimmable reading lamp with USB port."),
    _P("P23", "Scented Soy Candle", "香薰大豆蜡烛", "Home > Decor > Candles", "Hearth", 1499, ("White",),
       description="Lavender scented candle, 40 hour burn."),
    _P("P24", "Non-stick Frying Pan 28 cm", "28厘米不粘煎锅", "Home > Kitchen > Cookware", "Chefline", 3499, ("Black",),
       description="Induction-ready pan for eggs and pancakes."),
    _P("P25", "Electric Kettle 1.7 L", "1.7升电热水壶", "Home > Kitchen > Appliances", "Chefline", 2999,
       ("Silver",), description="Boils water fast with auto shut-off."),
    _P("P26", "Hardcover Notebook A5", "A5精装笔记本", "Office > Stationery > Notebooks", "Paperly", 899, ("Black",),
       description="Dotted pages for journaling."),
    _P("P27", "Gel Pens Pack of 12", "中性笔12支装", "Office > Stationery > Pens", "Paperly", 699,
       ("Black", "Blue"), description="Smooth quick-dry ink pens."),
    _P("P28", "Building Blocks Set 500 Pieces", "积木套装500块", "Toys > Building", "Brickly", 3999, ("Multicolor",),
       description="Creative construction toy for kids aged 6+."),
    _P("P29", "Plush Teddy Bear", "毛绒泰迪熊", "Toys > Plush", "Cuddle", 1999, ("Brown",),
       description="Soft cuddly bear, 40 cm tall."),
    _P("P30", "Face Moisturizer with SPF 30", "SPF30保湿面霜", "Beauty > Skincare", "Glow", 2599, ("White",),
       description="Daily moisturising cream with sun protection."),
)


def _variants(p: FixtureProduct) -> list[tuple[str, str, str | None]]:
    sizes: tuple[str | None, ...] = p.sizes or (None,)
    return [(f"{p.external_id}-{c[:3].upper()}{'-' + s if s else ''}", c, s) for c in p.colours for s in sizes]


def fixture_docs(first_id: int = 1) -> list[ProductDoc]:
    docs = []
    for offset, p in enumerate(FIXTURE):
        variants = tuple(
            VariantDoc(sku, p.price_minor, "USD", p.stock, True, {"color": colour, **({"size": size} if size else {})})
            for sku, colour, size in _variants(p))
        docs.append(ProductDoc(
            product_id=first_id + offset, external_id=p.external_id, title=p.title, title_zh=p.title_zh,
            description=p.description, brand=p.brand, category_path=p.category, attributes={},
            rating_tenths=p.rating_tenths, sales_count=p.sales, variants=variants))
    return docs


def product_input(p: FixtureProduct) -> ProductInput:
    return ProductInput(
        external_id=p.external_id, title=p.title, title_zh=p.title_zh, description=p.description,
        category_path=p.category, brand=p.brand, rating_tenths=p.rating_tenths, sales_count=p.sales,
        variants=[VariantInput(sku, Money(p.price_minor, "USD"), p.stock,
                               {"color": colour, **({"size": size} if size else {})})
                  for sku, colour, size in _variants(p)])


async def seed_fixture(uows: UnitOfWorkFactory, products: tuple[FixtureProduct, ...] = FIXTURE) -> None:
    for p in products:
        async with uows() as uow:
            await upsert_product(uow, product_input(p))
