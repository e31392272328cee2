"""Vocabulary tables for Grocery & Gourmet.

Food carries origin, weight, shelf life (``best_before_months``) and allergen notes, since grocery
questions are about freshness and ingredients. Coffee beans share the ``coffee`` tag with mugs and
coffee makers.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

_FOOD_CARE = (
    "Store in a cool, dry place away from sunlight; reseal after opening.",
    "Keep sealed in a cool, dry cupboard and use within a few weeks of opening.",
)
_FOOD_CARE_ZH = (
    "存放于阴凉干燥处，避免阳光直射；开封后请重新封好。",
    "密封存放于阴凉干燥的橱柜中，开封后请在几周内用完。",
)

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="coffee_beans",
        label="Coffee Beans",
        path="Grocery & Gourmet > Coffee & Tea > Coffee Beans",
        count=7,
        brands=("Lavazza", "Stumptown", "Counter Culture", "Bean & Barrel", "Blue Bottle", "Yunnan Highlands"),
        titles=(
            "{brand} {origin} {roast} Roast Whole Bean Coffee, {notes}",
            "{brand} {origin} Single-Origin Coffee Beans, {roast} Roast",
        ),
        words={
            "notes": (
                ("Chocolate & Caramel Notes", "巧克力焦糖风味"),
                ("Berry & Citrus Notes", "莓果柑橘风味"),
                ("Nutty & Smooth", "坚果风味，口感顺滑"),
                ("Floral & Bright", "花香明亮"),
            )
        },
        attrs={
            "origin": (
                ("Ethiopia Yirgacheffe", "埃塞俄比亚耶加雪菲"),
                ("Colombia Huila", "哥伦比亚慧兰"),
                ("Yunnan Pu'er", "云南普洱"),
                ("Brazil Cerrado", "巴西喜拉多"),
                ("Guatemala Antigua", "危地马拉安提瓜"),
                ("Espresso Blend", "意式拼配"),
            ),
            "roast": (("Light", "浅烘"), ("Medium", "中烘"), ("Dark", "深烘")),
            "best_before_months": (9,),
            "ground": ("Whole bean",),
        },
        variants={"weight_g": (250, 500, 1000)},
        steps={"weight_g": (0, 900, 2400)},
        price=(12, 22),
        desc=(
            ("{origin} beans, {roast} roast ({notes}), roasted in small batches and packed within 24 hours.",),
            ("Great for espresso, pour-over and French press; grind just before brewing.",),
            (
                "Packed in a resealable bag with a one-way valve; best within {best_before_months} months of roasting "
                "and 4 weeks after opening.",
            ),
        ),
        desc_zh=(
            ("{origin}咖啡豆，{roast}（{notes}），小批量烘焙，烘焙后24小时内包装。",),
            ("适合意式浓缩、手冲和法压壶；建议冲煮前现磨。",),
            (("采用带单向排气阀的可重复密封袋包装；烘焙后{best_before_months}个月内、开封后4周内饮用风味最佳。"),),
        ),
        zh="{brand} {origin}{roast}咖啡豆",
        tags=("coffee", "coffee-beans", "grocery", "gift"),
    ),
    ProductType(
        key="tea",
        label="Tea",
        path="Grocery & Gourmet > Coffee & Tea > Tea",
        count=6,
        brands=("Twinings", "Harney & Sons", "Xihu Tea Co.", "Anxi Heritage", "Jade Leaf"),
        titles=("{brand} {tea}, {form}, {weight_g} g",),
        words={"form": (("Loose Leaf", "散装"), ("20 Tea Bags", "袋泡茶20包"), ("Gift Tin", "礼盒装"))},
        attrs={
            "tea": (
                ("West Lake Longjing Green Tea", "西湖龙井绿茶"),
                ("Tieguanyin Oolong", "安溪铁观音"),
                ("Earl Grey", "伯爵红茶"),
                ("Aged Pu'er", "陈年普洱"),
                ("Jasmine Pearls", "茉莉龙珠"),
                ("Ceremonial Matcha", "仪式级抹茶"),
                ("English Breakfast", "英式早餐茶"),
            ),
            "weight_g": (50, 100, 125),
            "best_before_months": (24,),
        },
        price=(8, 45),
        desc=(
            ("{tea}, {form}, {weight_g} g.",),
            ("Brew green and white teas at 80°C for 2-3 minutes, black and oolong at 95°C for 3-4 minutes.",),
            _FOOD_CARE,
        ),
        desc_zh=(
            ("{tea}，{form}，{weight_g}g。",),
            ("绿茶、白茶用80°C水冲泡2-3分钟，红茶、乌龙茶用95°C水冲泡3-4分钟。",),
            _FOOD_CARE_ZH,
        ),
        zh="{brand} {tea} {form} {weight_g}克",
        tags=("tea", "grocery", "gift"),
    ),
    ProductType(
        key="chocolate",
        label="Chocolate",
        path="Grocery & Gourmet > Snacks > Chocolate & Sweets",
        count=5,
        brands=("Lindt", "Tony's Chocolonely", "Godiva", "Cacao & Co.", "Ghirardelli"),
        titles=("{brand} {kind}, {weight_g} g",),
        words={
            "kind": (
                ("70% Dark Chocolate Bar", "70%黑巧克力"),
                ("Sea Salt Caramel Milk Chocolate", "海盐焦糖牛奶巧克力"),
                ("Assorted Truffles Gift Box", "松露巧克力礼盒"),
                ("Hazelnut Pralines", "榛子果仁糖"),
                ("Matcha White Chocolate", "抹茶白巧克力"),
            )
        },
        attrs={"weight_g": (100, 180, 250), "allergens": ("Milk, soy; may contain nuts",), "best_before_months": (12,)},
        price=(4, 39),
        desc=(
            ("{kind}, {weight_g} g, made with sustainably sourced cocoa.",),
            ("Allergens: milk and soy; made in a facility that handles tree nuts.",),
            ("Store at 15-18°C; it may be shipped with an ice pack in summer.",),
        ),
        desc_zh=(
            ("{kind}，{weight_g}g，选用可持续来源的可可制作。",),
            ("过敏原：牛奶、大豆；生产车间同时加工树坚果。",),
            ("请在15-18°C下储存；夏季发货可能附带冰袋。",),
        ),
        zh="{brand} {kind} {weight_g}克",
        tags=("chocolate", "snacks", "grocery", "gift"),
    ),
    ProductType(
        key="nuts",
        label="Nuts & Dried Fruit",
        path="Grocery & Gourmet > Snacks > Nuts & Dried Fruit",
        count=4,
        brands=("Wonderful", "Three Squirrels", "Sun Valley", "Orchard Lane"),
        titles=("{brand} {kind}, {weight_g} g, {feature}",),
        words={"kind": (), "feature": ("Resealable Bag", "No Added Sugar", "Daily Snack Packs", "Non-GMO")},
        models=(
            {"kind": ("Roasted Salted Pistachios", "盐焗开心果"), "allergens": ("Tree nuts", "树坚果")},
            {"kind": ("Mixed Nuts", "每日坚果"), "allergens": ("Tree nuts, peanuts", "树坚果、花生")},
            {
                "kind": ("Dried Mango Slices", "芒果干"),
                "allergens": ("None (packed in a facility that handles nuts)", "无（包装车间同时处理坚果）"),
            },
            {"kind": ("Raw Almonds", "原味巴旦木"), "allergens": ("Tree nuts", "树坚果")},
            {"kind": ("Macadamia Nuts", "夏威夷果"), "allergens": ("Tree nuts", "树坚果")},
        ),
        attrs={"weight_g": (200, 500, 907), "best_before_months": (9,)},
        price=(6, 29),
        desc=(
            ("{kind} ({weight_g} g) for snacking, baking and lunch boxes.",),
            ("Allergens: {allergens}.",),
            _FOOD_CARE,
        ),
        desc_zh=(
            ("{kind}（{weight_g}g），日常零食、烘焙、便当都适用。",),
            ("过敏原：{allergens}。",),
            _FOOD_CARE_ZH,
        ),
        zh="{brand} {kind} {weight_g}克",
        tags=("snacks", "nuts", "grocery"),
    ),
    ProductType(
        key="oil",
        label="Cooking Oil & Vinegar",
        path="Grocery & Gourmet > Pantry > Oils & Vinegars",
        count=4,
        brands=("Colavita", "California Olive Ranch", "Kadoya", "Olivar del Sur"),
        titles=("{brand} {kind}, {volume_ml} ml",),
        words={
            "kind": (
                ("Extra Virgin Olive Oil", "特级初榨橄榄油"),
                ("Toasted Sesame Oil", "芝麻香油"),
                ("Aged Balsamic Vinegar of Modena", "摩德纳陈年香醋"),
                ("Chinkiang Black Vinegar", "镇江香醋"),
            )
        },
        attrs={"volume_ml": (250, 500, 750), "best_before_months": (18,)},
        price=(6, 32),
        desc=(
            ("{kind}, {volume_ml} ml, in a dark glass bottle that protects it from light.",),
            ("Store away from the stove and use within 3 months of opening.",),
        ),
        desc_zh=(
            ("{kind}，{volume_ml}ml，深色玻璃瓶装，避光保存。",),
            ("请远离灶台存放，开封后3个月内用完。",),
        ),
        zh="{brand} {kind} {volume_ml}毫升",
        tags=("pantry", "cooking", "grocery"),
    ),
    ProductType(
        key="sauce",
        label="Sauce & Spice",
        path="Grocery & Gourmet > Pantry > Sauces & Spices",
        count=5,
        brands=("Lee Kum Kee", "Lao Gan Ma", "Fly By Jing", "Kikkoman", "Pantry Provisions"),
        titles=("{brand} {kind}, {size_text}",),
        words={
            "kind": (
                ("Spicy Chili Crisp", "香辣脆油辣椒"),
                ("Premium Light Soy Sauce", "特级生抽"),
                ("Oyster Sauce", "蚝油"),
                ("Sichuan Peppercorns", "四川花椒"),
                ("Five-Spice Powder", "五香粉"),
                ("Doubanjiang Chili Bean Paste", "郫县豆瓣酱"),
            ),
            "size_text": ("150 g", "210 g", "500 ml"),
        },
        attrs={"best_before_months": (18,), "vegan": (True, False)},
        price=(4, 16),
        desc=(
            ("{kind} ({size_text}) for stir-fries, noodles, dumplings and marinades.",),
            ("Refrigerate sauces after opening; keep spices sealed, dry and away from the stove.",),
        ),
        desc_zh=(
            ("{kind}（{size_text}），炒菜、拌面、蘸饺子、腌制都好用。",),
            ("酱料开封后请冷藏；香料请密封干燥保存，远离灶台。",),
        ),
        zh="{brand} {kind} {size_text}",
        tags=("sauce", "pantry", "chinese-cooking", "grocery"),
    ),
    ProductType(
        key="noodles_rice",
        label="Rice & Noodles",
        path="Grocery & Gourmet > Pantry > Rice & Noodles",
        count=4,
        brands=("Nongshim", "Royal Thai", "Wuchang Fields", "Mama Noodle Co."),
        titles=("{brand} {kind}, {size_text}",),
        words={
            "kind": (
                ("Jasmine Rice", "茉莉香米"),
                ("Northeast Short-Grain Rice", "东北大米"),
                ("Shin Ramyun Noodles", "辛拉面"),
                ("Hand-Pulled Wheat Noodles", "手工拉面"),
                ("Rice Vermicelli", "米粉"),
            ),
            "size_text": ("5 x 120 g", "1 kg", "2.5 kg", "5 kg"),
        },
        attrs={"best_before_months": (12,)},
        price=(4, 29),
        desc=(
            ("{kind}, {size_text}.",),
            _FOOD_CARE,
        ),
        desc_zh=(
            ("{kind}，{size_text}。",),
            _FOOD_CARE_ZH,
        ),
        zh="{brand} {kind} {size_text}",
        tags=("pantry", "rice", "noodles", "grocery"),
    ),
    ProductType(
        key="honey",
        label="Honey",
        path="Grocery & Gourmet > Breakfast > Honey & Spreads",
        count=4,
        brands=("Manuka Health", "Bee Hollow", "Wang's Apiary", "Orchard Lane"),
        titles=("{brand} {kind}, {weight_g} g",),
        words={
            "kind": (
                ("Raw Wildflower Honey", "野花蜂蜜"),
                ("Manuka Honey MGO 263+", "麦卢卡蜂蜜MGO263+"),
                ("Acacia Honey", "洋槐蜂蜜"),
                ("Longan Blossom Honey", "龙眼蜂蜜"),
                ("Orange Blossom Honey", "橙花蜂蜜"),
            )
        },
        attrs={"weight_g": (250, 340, 500), "best_before_months": (24,)},
        price=(5, 45),
        desc=(
            ("{kind}, {weight_g} g jar, for tea, toast, yoghurt and baking.",),
            (
                "Honey may crystallise naturally; stand the jar in warm water to soften. Not for babies under 12 "
                "months.",
            ),
        ),
        desc_zh=(
            ("{kind}，{weight_g}g瓶装，可冲茶、抹吐司、拌酸奶或用于烘焙。",),
            ("蜂蜜可能自然结晶；将瓶子放入温水中即可化开。12个月以下婴儿请勿食用。",),
        ),
        zh="{brand} {kind} {weight_g}克",
        tags=("breakfast", "honey", "grocery"),
    ),
    ProductType(
        key="hamper",
        label="Gift Basket",
        path="Grocery & Gourmet > Gourmet Gifts > Gift Baskets",
        count=3,
        brands=("Harry & David", "Orchard Lane", "Bean & Barrel"),
        titles=("{brand} {kind} Gift Basket, {items} Items",),
        words={
            "kind": (
                ("Coffee Lover's", "咖啡爱好者"),
                ("Afternoon Tea", "下午茶"),
                ("Chocolate & Nuts", "巧克力坚果"),
                ("Lunar New Year", "新春"),
            )
        },
        attrs={"items": (6, 9, 12), "best_before_months": (6,), "allergens": ("Milk, tree nuts, wheat",)},
        price=(39, 129),
        desc=(
            ("A {kind} gift basket with {items} curated treats, wrapped and ready to give with a free message card.",),
            ("Contains milk, tree nuts and wheat.",),
        ),
        desc_zh=(
            ("{kind}主题礼篮，精选{items}款美味，已包装好可直接送礼，附赠免费祝福卡。",),
            ("含牛奶、树坚果和小麦。",),
        ),
        zh="{brand} {kind}礼篮 {items}件",
        tags=("gift-basket", "gift", "grocery"),
    ),
)
