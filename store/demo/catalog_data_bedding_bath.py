"""Vocabulary tables for Bedding & Bath.

Bedding comes in US bed sizes (Twin to King) priced by size, and states thread count, fill and care,
which is what shoppers compare before buying sheets and duvets.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

_BED_SIZES = ("Twin", "Full", "Queen", "King")

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="duvet_cover",
        label="Duvet Cover Set",
        path="Bedding & Bath > Bedding > Duvet Covers",
        count=6,
        brands=("Parachute", "Brooklinen", "Linen House", "Quiet Harbor", "Muji"),
        titles=(
            "{brand} {material} Duvet Cover Set, {finish}, with 2 Pillow Shams",
            "{brand} {finish} {material} Duvet Cover and Sham Set",
        ),
        words={
            "finish": (
                ("Stone Washed", "水洗"),
                ("Sateen", "缎纹"),
                ("Percale", "平纹"),
                ("Garment Dyed", "成衣染色"),
                ("Waffle Weave", "华夫格"),
            )
        },
        attrs={
            "material": (
                ("Linen", "亚麻"),
                ("Organic Cotton", "有机棉"),
                ("Cotton-Linen Blend", "棉麻"),
                ("Tencel Lyocell", "天丝"),
            ),
            "closure": (("Button closure", "纽扣开合"), ("Hidden zip", "隐形拉链")),
        },
        variants={"color": ("White", "Natural", "Sage", "Grey", "Terracotta", "Navy", "Blush"), "size": _BED_SIZES},
        steps={"size": (0, 2000, 3000, 4000)},
        price=(79, 229),
        desc=(
            ("A breathable {material} duvet cover set with two matching shams and a {closure}.",),
            ("Inner corner ties hold the insert in place; sizes run {sizes} (US standard duvet sizes).",),
            ("Machine wash cold on a gentle cycle and tumble dry low; it softens with every wash.",),
        ),
        desc_zh=(
            ("透气{material}被套套装，含两只同款枕套，{closure}设计。",),
            ("内角系带固定被芯不跑位；尺寸为{sizes}（美标被套尺寸）。",),
            ("可冷水轻柔机洗，低温烘干；越洗越柔软。",),
        ),
        zh="{brand} {finish}{material}被套三件套",
        tags=("bedding", "duvet-cover", "bedroom"),
    ),
    ProductType(
        key="sheet_set",
        label="Sheet Set",
        path="Bedding & Bath > Bedding > Sheets",
        count=6,
        brands=("Brooklinen", "Boll & Branch", "Quiet Harbor", "Threadmill", "Pure Parima"),
        titles=("{brand} {thread_count} Thread Count {material} Sheet Set, {weave}, Deep Pocket",),
        words={"weave": (("Sateen", "缎纹"), ("Percale", "平纹"))},
        attrs={
            "thread_count": (300, 400, 600, 800),
            "material": (("Egyptian Cotton", "埃及棉"), ("Organic Cotton", "有机棉"), ("Supima Cotton", "长绒棉")),
        },
        variants={"color": ("White", "Cream", "Grey", "Sky Blue", "Sage", "Charcoal"), "size": _BED_SIZES},
        steps={"size": (0, 1000, 2000, 3000)},
        price=(59, 189),
        desc=(
            (
                "A {thread_count} thread count {weave} sheet set in {material}: flat sheet, fitted sheet and two "
                "pillowcases.",
            ),
            ("The fitted sheet has 40 cm deep pockets with all-round elastic for mattresses up to 38 cm thick.",),
            ("Machine wash warm, tumble dry low and remove promptly to limit wrinkles.",),
        ),
        desc_zh=(
            ("{thread_count}支{material}{weave}床品套件：床单、床笠各一件，枕套两只。",),
            ("床笠深40 cm，四周全包松紧带，适合厚度不超过38 cm的床垫。",),
            ("温水机洗，低温烘干，及时取出以减少褶皱。",),
        ),
        zh="{brand} {thread_count}支{material}床单四件套",
        tags=("bedding", "sheets", "bedroom"),
    ),
    ProductType(
        key="pillow",
        label="Pillow",
        path="Bedding & Bath > Bedding > Pillows",
        count=5,
        brands=("Coop Home Goods", "Tempur-Pedic", "Quiet Harbor", "Casper", "Silk & Down"),
        titles=("{brand} {fill} Pillow, {firmness}, {feature}",),
        words={"feature": ("Cooling Cover", "Adjustable Loft", "For Side Sleepers", "Hypoallergenic")},
        attrs={
            "fill": ("Shredded Memory Foam", "Down Alternative", "Goose Down", "Latex"),
            "firmness": (("Soft", "偏软"), ("Medium", "软硬适中"), ("Firm", "偏硬")),
            "material": ("Cotton cover",),
        },
        variants={"size": ("Standard", "Queen", "King")},
        steps={"size": (0, 1000, 2000)},
        price=(29, 129),
        desc=(
            ("A {firmness} {fill} pillow with a breathable cotton cover.",),
            ("Supports the neck for back and side sleepers; sizes from {sizes}.",),
            ("Remove the cover to machine wash; spot-clean the pillow itself and fluff daily.",),
        ),
        desc_zh=(
            ("{firmness}的枕头，配透气纯棉枕套。",),
            ("为仰睡和侧睡者支撑颈部；尺寸：{sizes}。",),
            ("枕套可拆下机洗；枕芯请局部清洁，每天拍松。",),
        ),
        zh="{brand} {fill}枕头",
        tags=("pillow", "bedding", "sleep"),
    ),
    ProductType(
        key="comforter",
        label="Comforter",
        path="Bedding & Bath > Bedding > Comforters & Duvets",
        count=4,
        brands=("Quiet Harbor", "Snowe", "Pacific Coast", "Silk & Down"),
        titles=("{brand} {fill} Duvet Insert, {warmth} Weight, Baffle Box Stitching",),
        attrs={
            "fill": ("White Goose Down", "Down Alternative", "Mulberry Silk", "Wool"),
            "warmth": (("Lightweight", "轻薄款"), ("All-Season", "四季款"), ("Winter", "冬季加厚款")),
            "material": ("Cotton shell",),
        },
        variants={"size": _BED_SIZES},
        steps={"size": (0, 2500, 4000, 6000)},
        price=(89, 299),
        desc=(
            ("An {warmth} duvet insert filled with {fill} in a 100% cotton shell.",),
            ("Corner loops keep it in place inside any duvet cover.",),
            ("Use a duvet cover; launder professionally or in a large-capacity machine on delicate.",),
        ),
        desc_zh=(
            ("{warmth}被芯，100%纯棉面料。",),
            ("四角系带，放进任何被套都不跑位。",),
            ("请搭配被套使用；建议专业洗涤，或用大容量洗衣机轻柔模式清洗。",),
        ),
        zh="{brand} {fill}被芯",
        tags=("bedding", "duvet", "sleep", "winter"),
    ),
    ProductType(
        key="throw",
        label="Throw Blanket",
        path="Bedding & Bath > Bedding > Throws & Blankets",
        count=4,
        brands=("Barefoot Dreams", "Pendleton", "Nest & Nook", "Quiet Harbor"),
        titles=("{brand} {material} Throw Blanket, {dims}, {feature}",),
        words={
            "feature": ("Fringed Edges", "Cable Knit", "Reversible", "Sherpa Backed"),
            "dims": ("127 x 152 cm", "130 x 170 cm"),
        },
        attrs={
            "material": (
                ("Chunky Knit Cotton", "粗针棉"),
                ("Merino Wool", "美利奴羊毛"),
                ("Plush Microfibre", "珊瑚绒"),
                ("Waffle Cotton", "华夫格棉"),
            )
        },
        variants={"color": ("Cream", "Grey", "Mustard", "Sage", "Blush", "Charcoal")},
        price=(29, 149),
        desc=(
            ("A soft {material} throw sized {dims} for the sofa or the foot of the bed.",),
            ("Machine wash cold on a wool/delicate cycle and lay flat to dry.",),
        ),
        desc_zh=(
            ("柔软{material}盖毯，尺寸{dims}，适合沙发或床尾。",),
            ("冷水机洗（羊毛/轻柔模式），平铺晾干。",),
        ),
        zh="{brand} {material}盖毯",
        tags=("blanket", "home-decor", "gift", "winter"),
    ),
    ProductType(
        key="mattress",
        label="Mattress",
        path="Bedding & Bath > Bedding > Mattresses & Toppers",
        count=4,
        brands=("Casper",),
        titles=("{brand} {model} {kind}, {height_cm} cm, {firmness}",),
        words={"kind": ()},
        models=(
            {
                "brand": "Casper",
                "model": "Original",
                "kind": ("Hybrid Mattress", "混合床垫"),
                "height_cm": 28,
                "firmness": "Medium",
                "price": 1095,
            },
            {
                "brand": "Nectar",
                "model": "Classic",
                "kind": ("Memory Foam Mattress", "记忆棉床垫"),
                "height_cm": 30,
                "firmness": "Medium-Firm",
                "price": 649,
            },
            {
                "brand": "Quiet Harbor",
                "model": "CloudRest",
                "kind": ("Memory Foam Mattress Topper", "记忆棉床垫褥"),
                "height_cm": 8,
                "firmness": "Soft",
                "price": 149,
            },
            {
                "brand": "Zinus",
                "model": "Green Tea",
                "kind": ("Memory Foam Mattress", "记忆棉床垫"),
                "height_cm": 25,
                "firmness": "Medium",
                "price": 329,
            },
        ),
        attrs={"material": ("CertiPUR-US foam, knit cover",), "trial_nights": (100,)},
        variants={"size": _BED_SIZES},
        steps={"size": (0, 15000, 25000, 40000)},
        price=(149, 1095),
        desc=(
            ("A {height_cm} cm {kind} with a {firmness} feel and a breathable knit cover.",),
            ("Arrives vacuum-rolled in a box; allow 24 hours to fully expand.",),
            ("Spot-clean only and rotate every 3 months.",),
        ),
        desc_zh=(
            ("{height_cm} cm{kind}，透气针织面料。",),
            ("真空卷包装箱发货；拆封后需24小时完全回弹。",),
            ("仅限局部清洁，每3个月调转一次方向。",),
        ),
        zh="{brand} {model} {kind} {height_cm}厘米",
        tags=("mattress", "sleep", "bedroom"),
    ),
    ProductType(
        key="towel",
        label="Bath Towel Set",
        path="Bedding & Bath > Bath > Towels",
        count=6,
        brands=("Parachute", "Brooklinen", "Threadmill", "Riley", "Quiet Harbor", "Muji"),
        titles=("{brand} {material} Bath Towel Set, {pieces} Pieces, {gsm} GSM, {feature}",),
        words={"feature": ("Quick Dry", "Hotel Quality", "Waffle Weave", "Ultra Absorbent")},
        attrs={
            "material": (
                ("Turkish Cotton", "土耳其棉"),
                ("Organic Cotton", "有机棉"),
                ("Bamboo Viscose", "竹纤维"),
                ("Egyptian Cotton", "埃及棉"),
            ),
            "gsm": (500, 600, 700),
            "pieces": (4, 6, 8),
        },
        variants={"color": ("White", "Grey", "Navy", "Sage", "Sky Blue", "Blush", "Charcoal")},
        price=(29, 119),
        desc=(
            ("A {pieces}-piece set of {gsm} GSM {material} towels: bath towels, hand towels and washcloths.",),
            ("Long-staple loops get softer and more absorbent after the first few washes.",),
            ("Machine wash warm with similar colours, no fabric softener, and tumble dry low.",),
        ),
        desc_zh=(
            ("{pieces}件套{gsm} GSM{material}毛巾：浴巾、毛巾和方巾。",),
            ("长绒毛圈，洗过几次后更柔软、更吸水。",),
            ("与相近颜色衣物一起温水机洗，勿用柔顺剂，低温烘干。",),
        ),
        zh="{brand} {material}浴巾毛巾套装 {pieces}件",
        tags=("towel", "bath", "bathroom"),
    ),
    ProductType(
        key="bath_mat",
        label="Bath Mat",
        path="Bedding & Bath > Bath > Bath Mats",
        count=4,
        brands=("Gorilla Grip", "Quiet Harbor", "Muji", "Dorai"),
        titles=("{brand} {material} Bath Mat, {dims}, Non-Slip Backing",),
        words={"dims": ("50 x 80 cm", "60 x 90 cm")},
        attrs={
            "material": (
                ("Memory Foam", "记忆棉"),
                ("Cotton Tufted", "纯棉簇绒"),
                ("Diatomite Stone", "硅藻土"),
                ("Teak Wood", "柚木"),
            )
        },
        variants={"color": ("White", "Grey", "Navy", "Sage", "Natural")},
        price=(15, 59),
        desc=(
            ("A {dims} {material} bath mat that dries fast and stays put.",),
            ("Machine wash cold and air dry (fabric mats); wipe stone and wood mats clean.",),
        ),
        desc_zh=(
            ("{dims}{material}浴室地垫，速干防滑不移位。",),
            ("布艺地垫可冷水机洗、自然晾干；石质和木质地垫擦拭干净即可。",),
        ),
        zh="{brand} {material}浴室防滑地垫",
        tags=("bath-mat", "bathroom"),
    ),
    ProductType(
        key="bathrobe",
        label="Bathrobe",
        path="Bedding & Bath > Bath > Bathrobes",
        count=3,
        brands=("Parachute", "Quiet Harbor", "UGG"),
        titles=("{brand} {material} Bathrobe, Unisex, {feature}",),
        words={"feature": ("Shawl Collar", "Lightweight", "Hooded", "Two Patch Pockets")},
        attrs={"material": (("Waffle Cotton", "华夫格棉"), ("Terry Cotton", "毛圈棉"), ("Plush Fleece", "珊瑚绒"))},
        variants={"color": ("White", "Grey", "Navy", "Blush"), "size": ("S", "M", "L", "XL")},
        price=(49, 119),
        desc=(
            ("A unisex {material} robe with a belt and two pockets.",),
            ("Relaxed fit that falls to mid-calf; take your usual size, sizes {sizes}.",),
            ("Machine wash warm and tumble dry low.",),
        ),
        desc_zh=(
            ("男女同款{material}浴袍，配腰带和两个口袋。",),
            ("宽松版型，长及小腿中部；按平时尺码选购即可，尺码{sizes}。",),
            ("温水机洗，低温烘干。",),
        ),
        zh="{brand} {material}浴袍 男女同款",
        tags=("bathrobe", "bath", "gift"),
    ),
    ProductType(
        key="shower_curtain",
        label="Shower Curtain",
        path="Bedding & Bath > Bath > Shower Curtains",
        count=3,
        brands=("Quiet Harbor", "Nest & Nook", "Umbra"),
        titles=("{brand} {material} Shower Curtain, 180 x 180 cm, {feature}",),
        words={"feature": ("Water Repellent", "Waffle Texture", "With 12 Hooks")},
        attrs={"material": (("Polyester", "涤纶"), ("Linen Blend", "亚麻混纺"), ("PEVA", "PEVA"))},
        variants={"color": ("White", "Grey", "Sage", "Navy")},
        price=(15, 45),
        desc=(
            ("A 180 x 180 cm {material} shower curtain with reinforced grommets.",),
            ("Machine wash cold and hang to dry.",),
        ),
        desc_zh=(
            ("180 x 180 cm的{material}浴帘，加固金属扣眼。",),
            ("冷水机洗，挂起晾干。",),
        ),
        zh="{brand} {material}浴帘 180×180厘米",
        tags=("shower-curtain", "bathroom"),
    ),
)
