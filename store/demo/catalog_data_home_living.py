"""Vocabulary tables for Home & Kitchen appliances, decor, storage and cleaning.

Appliances state wattage and capacity and carry the plug note (120 V US), which is what buyers of
kettles, air fryers and vacuums ask about.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="small_appliance",
        label="Small Kitchen Appliance",
        path="Home & Kitchen > Appliances > Small Appliances",
        count=7,
        brands=("Cuisinart",),
        titles=("{brand} {model} {kind}, {capacity_text}, {wattage}W",),
        words={"kind": (), "capacity_text": ()},
        models=(
            {
                "brand": "Cuisinart",
                "model": "PerfecTemp",
                "kind": ("Electric Kettle", "电热水壶"),
                "capacity_text": "1.7 L",
                "wattage": 1500,
                "price": 99,
                "material": "Stainless steel",
            },
            {
                "brand": "Xiaomi",
                "model": "Mi Smart",
                "kind": ("Electric Kettle", "电热水壶"),
                "capacity_text": "1.5 L",
                "wattage": 1800,
                "price": 49,
                "material": "Stainless steel",
            },
            {
                "brand": "Ninja",
                "model": "AF101",
                "kind": ("Air Fryer", "空气炸锅"),
                "capacity_text": "3.8 L",
                "wattage": 1550,
                "price": 99,
                "material": "Plastic body, ceramic-coated basket",
            },
            {
                "brand": "Cosori",
                "model": "Pro LE",
                "kind": ("Air Fryer", "空气炸锅"),
                "capacity_text": "4.7 L",
                "wattage": 1500,
                "price": 89,
                "material": "Plastic body, non-stick basket",
            },
            {
                "brand": "Breville",
                "model": "Smart Toaster",
                "kind": ("2-Slice Toaster", "多士炉"),
                "capacity_text": "2 Slices",
                "wattage": 900,
                "price": 149,
                "material": "Brushed stainless steel",
            },
            {
                "brand": "Vitamix",
                "model": "E310 Explorian",
                "kind": ("Blender", "破壁料理机"),
                "capacity_text": "1.4 L",
                "wattage": 1400,
                "price": 349,
                "material": "BPA-free Tritan jar",
            },
            {
                "brand": "Midea",
                "model": "Smart",
                "kind": ("Rice Cooker", "电饭煲"),
                "capacity_text": "10 Cups",
                "wattage": 860,
                "price": 89,
                "material": "Non-stick inner pot",
            },
        ),
        variants={"color": ("Black", "White", "Stainless Steel", "Cream", "Sage")},
        price=(49, 349),
        desc=(
            ("The {brand} {model} {kind}: {capacity_text} capacity, {wattage}W, made of {material}.",),
            ("Automatic shut-off and boil-dry protection; 120 V US plug.",),
            (
                "Unplug and let it cool before cleaning; removable parts are dishwasher safe, the base is wipe-clean "
                "only.",
            ),
        ),
        desc_zh=(
            ("{brand} {model}{kind}，功率{wattage}W。",),
            ("自动断电，防干烧保护；120 V美规插头。",),
            ("清洁前请拔掉插头并等待冷却；可拆卸部件可用洗碗机清洗，底座只能擦拭。",),
        ),
        zh="{brand} {model} {kind} {wattage}W",
        tags=("appliance", "kitchen", "{kind}"),
    ),
    ProductType(
        key="candle",
        label="Scented Candle",
        path="Home & Kitchen > Home Decor > Candles",
        count=5,
        brands=("Yankee Candle", "Boy Smells", "Hearth & Kiln", "Paddywax", "Lumen Lane"),
        titles=("{brand} {scent} Scented Candle, {weight_g} g, {wax} Wax, {burn_time_h}-Hour Burn",),
        words={
            "scent": (
                ("Fig & Cedar", "无花果雪松"),
                ("Sea Salt & Sage", "海盐鼠尾草"),
                ("Vanilla Bean", "香草"),
                ("Lavender Fields", "薰衣草"),
                ("White Tea", "白茶"),
                ("Sandalwood", "檀香"),
            )
        },
        attrs={
            "weight_g": (200, 300, 400),
            "wax": (("Soy", "大豆蜡"), ("Coconut-Soy", "椰子大豆混合蜡"), ("Beeswax Blend", "混合蜂蜡")),
            "burn_time_h": (40, 50, 60),
            "material": ("Glass jar, cotton wick",),
        },
        variants={"color": ("White", "Cream", "Sage", "Charcoal", "Blush")},
        price=(14, 39),
        desc=(
            ("A {weight_g} g {wax} candle with a lead-free cotton wick, scented with {scent}.",),
            ("Burns cleanly for about {burn_time_h} hours.",),
            ("Trim the wick to 5 mm before each burn and never leave it unattended.",),
        ),
        desc_zh=(
            ("{weight_g} g{wax}香薰蜡烛，无铅棉芯，{scent}香调。",),
            ("燃烧洁净，可燃约{burn_time_h}小时。",),
            ("每次点燃前请将烛芯修剪至5 mm，燃烧时切勿无人看管。",),
        ),
        zh="{brand} {scent}香薰蜡烛 {weight_g}克",
        tags=("candle", "home-decor", "gift"),
    ),
    ProductType(
        key="storage_basket",
        label="Storage Basket",
        path="Home & Kitchen > Storage & Organization > Baskets",
        count=4,
        brands=("Lumen Lane", "mDesign", "IKEA", "Nest & Nook"),
        titles=("{brand} {material} Storage Baskets, Set of {pieces}, {feature}",),
        words={"feature": ("With Handles", "Foldable", "Shelf Organiser", "Nursery Storage")},
        attrs={
            "material": (
                ("Seagrass", "海草编织"),
                ("Cotton Rope", "棉绳"),
                ("Felt", "毛毡"),
                ("Water Hyacinth", "水葫芦编织"),
            ),
            "pieces": (2, 3, 4),
        },
        variants={"color": ("Natural", "Grey", "White", "Beige")},
        price=(18, 49),
        desc=(
            ("A set of {pieces} woven {material} baskets for shelves, wardrobes and toy corners.",),
            ("Sturdy enough for blankets, magazines or laundry; fold flat when not in use.",),
            ("Spot-clean with a damp cloth and air dry.",),
        ),
        desc_zh=(
            ("{pieces}只装{material}收纳筐，适合置物架、衣柜和玩具角。",),
            ("结实耐用，可收纳毯子、杂志或待洗衣物；不用时可折叠压平。",),
            ("用湿布局部清洁，自然晾干。",),
        ),
        zh="{brand} {material}收纳筐 {pieces}件套",
        tags=("storage", "organization", "home"),
    ),
    ProductType(
        key="vacuum",
        label="Vacuum Cleaner",
        path="Home & Kitchen > Cleaning > Vacuums",
        count=4,
        brands=("Dyson",),
        titles=("{brand} {model} Cordless Stick Vacuum, {runtime_min}-Minute Runtime, {feature}",),
        words={"feature": ("HEPA Filtration", "Anti-Tangle Brush", "LED Floor Head", "Pet Hair Tool")},
        models=(
            {"brand": "Dyson", "model": "V15 Detect", "runtime_min": 60, "price": 649},
            {"brand": "Shark", "model": "Stratos IZ862H", "runtime_min": 40, "price": 399},
            {"brand": "Dreame", "model": "R10 Pro", "runtime_min": 60, "price": 249},
            {"brand": "Tineco", "model": "Pure One S15", "runtime_min": 50, "price": 329},
        ),
        attrs={"material": ("ABS plastic, aluminium wand",)},
        price=(249, 649),
        desc=(
            ("Up to {runtime_min} minutes of suction on a charge, converting to a handheld for stairs and cars.",),
            ("Sealed HEPA filtration traps fine dust and pollen.",),
            ("Empty the bin after every use and rinse the washable filter monthly; let it dry for 24 hours.",),
        ),
        desc_zh=(
            ("充一次电可持续吸尘最长{runtime_min}分钟，可转换为手持式，清洁楼梯和车内。",),
            ("密封式HEPA过滤，有效拦截细小灰尘和花粉。",),
            ("每次用后请清空尘盒，可水洗滤网每月冲洗一次；冲洗后晾干24小时。",),
        ),
        zh="{brand} {model} 无线手持吸尘器 续航{runtime_min}分钟",
        tags=("vacuum", "cleaning", "pets"),
    ),
)
