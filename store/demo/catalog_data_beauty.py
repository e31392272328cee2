"""Vocabulary tables for Beauty & Personal Care.

Cosmetics state skin or hair type and volume, which is what product-scoped questions ("is it OK for
oily skin?") are answered from.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="moisturizer",
        label="Moisturizer",
        path="Beauty & Personal Care > Skin Care > Moisturizers",
        count=5,
        brands=("CeraVe", "La Roche-Posay", "Clinique", "Kiehl's", "Dewlab", "Shiseido"),
        titles=("{brand} {kind} with {active}, {volume_ml} ml, {feature}",),
        words={
            "kind": (
                ("Daily Moisturizing Lotion", "保湿乳液"),
                ("Moisturizing Cream", "保湿面霜"),
                ("Gel-Cream", "啫喱面霜"),
                ("Night Cream", "晚霜"),
            ),
            "feature": ("Fragrance-Free", "Non-Comedogenic", "Dermatologist Tested", "Oil-Free"),
        },
        attrs={
            "active": ("Ceramides", "Hyaluronic Acid", "Niacinamide", "Squalane"),
            "volume_ml": (50, 100, 236),
            "skin_type": (
                ("All skin types", "所有肤质"),
                ("Dry skin", "干性肌肤"),
                ("Oily and combination skin", "油性及混合性肌肤"),
                ("Sensitive skin", "敏感肌肤"),
            ),
        },
        price=(12, 69),
        desc=(
            ("A {kind} with {active} that hydrates for 24 hours; suited to {skin_type}.",),
            ("Apply morning and evening after cleansing; follow with SPF in the daytime.",),
            ("Store below 30°C and use within 12 months of opening.",),
        ),
        desc_zh=(
            ("{kind}，24小时持续保湿；适合{skin_type}。",),
            ("早晚洁面后使用；白天请再涂防晒。",),
            ("请存放于30°C以下，开封后12个月内用完。",),
        ),
        zh="{brand} {active}{kind} {volume_ml}毫升",
        tags=("skincare", "moisturizer", "beauty"),
    ),
    ProductType(
        key="cleanser",
        label="Cleanser",
        path="Beauty & Personal Care > Skin Care > Cleansers",
        count=4,
        brands=("CeraVe", "Cetaphil", "Fresh", "Dewlab", "Hada Labo"),
        titles=("{brand} {kind}, {volume_ml} ml, for {skin_type}",),
        words={
            "kind": (
                ("Hydrating Facial Cleanser", "保湿洁面乳"),
                ("Foaming Gel Cleanser", "泡沫洁面啫喱"),
                ("Cleansing Balm", "卸妆膏"),
                ("Micellar Water", "卸妆水"),
            )
        },
        attrs={
            "volume_ml": (150, 236, 400),
            "skin_type": (
                ("Normal to Dry Skin", "中性至干性肌肤"),
                ("Oily Skin", "油性肌肤"),
                ("Sensitive Skin", "敏感肌肤"),
            ),
        },
        price=(9, 39),
        desc=(
            ("A gentle {kind} for {skin_type} that removes make-up and sunscreen without tightness.",),
            ("Massage onto damp skin, then rinse with lukewarm water.",),
        ),
        desc_zh=(
            ("温和{kind}，适合{skin_type}，可卸除彩妆和防晒，洗后不紧绷。",),
            ("取适量于湿润肌肤上按摩，再用温水冲净。",),
        ),
        zh="{brand} {kind} {volume_ml}毫升",
        tags=("skincare", "cleanser", "beauty"),
    ),
    ProductType(
        key="sunscreen",
        label="Sunscreen",
        path="Beauty & Personal Care > Skin Care > Sunscreen",
        count=4,
        brands=("La Roche-Posay", "Supergoop!", "Biore", "Anessa", "Dewlab"),
        titles=("{brand} {kind} SPF {spf}, {volume_ml} ml, {feature}",),
        words={
            "kind": (
                ("Invisible Fluid Sunscreen", "清透防晒乳"),
                ("Mineral Sunscreen", "物理防晒霜"),
                ("Aqua Rich Watery Essence", "水感防晒精华"),
            ),
            "feature": ("Water Resistant 80 Minutes", "No White Cast", "Broad Spectrum UVA/UVB", "Reef Friendly"),
        },
        attrs={"spf": (30, 50), "volume_ml": (50, 90)},
        price=(12, 38),
        desc=(
            ("Broad-spectrum SPF {spf} {kind} with a lightweight finish that wears well under make-up.",),
            ("Apply generously 15 minutes before sun exposure and reapply every 2 hours or after swimming.",),
        ),
        desc_zh=(
            ("广谱SPF {spf}{kind}，质地轻薄，适合妆前使用。",),
            ("日晒前15分钟足量涂抹，每2小时或游泳后补涂。",),
        ),
        zh="{brand} {kind} SPF{spf} {volume_ml}毫升",
        tags=("sunscreen", "skincare", "summer", "beach"),
    ),
    ProductType(
        key="serum",
        label="Serum",
        path="Beauty & Personal Care > Skin Care > Serums",
        count=4,
        brands=("The Ordinary", "Estée Lauder", "Dewlab", "Drunk Elephant", "Lumière Lab"),
        titles=("{brand} {active} Serum, {volume_ml} ml",),
        attrs={
            "active": (
                ("Niacinamide 10% + Zinc 1%", "10%烟酰胺+1%锌"),
                ("Vitamin C 15%", "15%维生素C"),
                ("Retinol 0.5%", "0.5%视黄醇"),
                ("Hyaluronic Acid 2% + B5", "2%玻尿酸+B5"),
                ("Peptide Complex", "多肽"),
            ),
            "volume_ml": (30, 50),
        },
        price=(9, 120),
        desc=(
            ("A lightweight serum with {active} to even tone and boost hydration.",),
            ("Use 2-3 drops before moisturiser; introduce retinol slowly and only at night.",),
            ("Keep the cap closed and away from sunlight.",),
        ),
        desc_zh=(
            ("含{active}的轻薄精华，匀净肤色，提升保湿。",),
            ("在乳霜前取2-3滴使用；视黄醇请循序渐进建立耐受，且仅在夜间使用。",),
            ("用后盖紧瓶盖，避免阳光直射。",),
        ),
        zh="{brand} {active}精华液 {volume_ml}毫升",
        tags=("serum", "skincare", "beauty"),
    ),
    ProductType(
        key="lipstick",
        label="Lipstick",
        path="Beauty & Personal Care > Makeup > Lips",
        count=4,
        brands=("MAC", "Fenty Beauty", "Charlotte Tilbury", "Rouge Atelier", "Maybelline"),
        titles=("{brand} {finish} Lipstick, {weight_g} g",),
        words={
            "finish": (("Matte", "哑光"), ("Satin", "缎光"), ("Lip Gloss", "唇彩"), ("Tinted Lip Balm", "润色唇膏"))
        },
        attrs={"weight_g": (3, 3.5)},
        variants={"color": ("Red", "Pink", "Coral", "Burgundy", "Blush", "Brown")},
        price=(9, 38),
        desc=(
            ("A {finish} lip colour with shea butter and vitamin E.",),
            ("Long-wearing, transfer-resistant formula; each shade is named by colour family.",),
        ),
        desc_zh=(
            ("{finish}系列，含乳木果油和维生素E。",),
            ("持久不易沾杯；每个色号按色系命名。",),
        ),
        zh="{brand} {finish}口红",
        tags=("lipstick", "makeup", "beauty", "gift"),
    ),
    ProductType(
        key="shampoo",
        label="Shampoo & Conditioner",
        path="Beauty & Personal Care > Hair Care > Shampoo & Conditioner",
        count=5,
        brands=("Olaplex", "Pantene", "Aveda", "Verdant Roots", "Moroccanoil", "Tsubaki"),
        titles=("{brand} {kind} {product}, {volume_ml} ml",),
        words={
            "kind": (
                ("Repairing", "修护"),
                ("Volumising", "丰盈"),
                ("Moisture", "滋润"),
                ("Anti-Dandruff", "去屑"),
                ("Colour-Protect", "护色"),
            ),
            "product": (("Shampoo", "洗发水"), ("Conditioner", "护发素"), ("Shampoo & Conditioner Set", "洗护套装")),
        },
        attrs={
            "volume_ml": (250, 400, 500),
            "hair_type": (
                ("All hair types", "所有发质"),
                ("Dry or damaged hair", "干枯受损发质"),
                ("Fine hair", "细软发质"),
            ),
            "sulfate_free": (True, False),
        },
        price=(8, 58),
        desc=(
            ("{kind} {product} for {hair_type}.",),
            ("Lather into wet hair, leave for a minute and rinse thoroughly.",),
        ),
        desc_zh=(
            ("{kind}{product}，适合{hair_type}。",),
            ("在湿发上揉出泡沫，停留一分钟后彻底冲净。",),
        ),
        zh="{brand} {kind}{product} {volume_ml}毫升",
        tags=("haircare", "shampoo", "beauty"),
    ),
    ProductType(
        key="hair_dryer",
        label="Hair Dryer",
        path="Beauty & Personal Care > Hair Care > Hair Dryers & Stylers",
        count=4,
        brands=("Dyson",),
        titles=("{brand} {model} {kind}, {wattage}W",),
        words={"kind": ()},
        models=(
            {"brand": "Dyson", "model": "Supersonic", "kind": ("Hair Dryer", "吹风机"), "wattage": 1600, "price": 429},
            {
                "brand": "Revlon",
                "model": "One-Step Volumizer",
                "kind": ("Hot Air Brush", "热风梳"),
                "wattage": 1100,
                "price": 59,
            },
            {
                "brand": "Laifen",
                "model": "Swift",
                "kind": ("High-Speed Hair Dryer", "高速吹风机"),
                "wattage": 1600,
                "price": 159,
            },
            {
                "brand": "ghd",
                "model": "Platinum+",
                "kind": ("Hair Straightener", "直发夹板"),
                "wattage": 90,
                "price": 279,
            },
        ),
        variants={"color": ("Black", "Pink", "Silver", "White")},
        price=(59, 429),
        desc=(
            ("The {model} {kind} with heat control to protect hair from extreme temperatures.",),
            ("Dual voltage is not supported: 120 V US plug only.",),
            ("Clean the filter monthly and store once cool.",),
        ),
        desc_zh=(
            ("{model}{kind}，智能控温，避免高温伤发。",),
            ("不支持双电压：仅限120 V美规插头。",),
            ("每月清洁滤网，冷却后再收纳。",),
        ),
        zh="{brand} {model} {kind} {wattage}W",
        tags=("hair-dryer", "haircare", "beauty", "gift"),
    ),
    ProductType(
        key="toothbrush",
        label="Electric Toothbrush",
        path="Beauty & Personal Care > Oral Care > Electric Toothbrushes",
        count=4,
        brands=("Philips Sonicare",),
        titles=("{brand} {model} Electric Toothbrush, {feature}",),
        words={"feature": ("2-Minute Timer", "Pressure Sensor", "Travel Case Included", "3 Brushing Modes")},
        models=(
            {"brand": "Philips Sonicare", "model": "4100", "battery_life_days": 14, "price": 49},
            {"brand": "Oral-B", "model": "iO Series 5", "battery_life_days": 20, "price": 129},
            {"brand": "Xiaomi", "model": "T302", "battery_life_days": 150, "price": 39},
            {"brand": "Quip", "model": "Smart", "battery_life_days": 90, "price": 45},
        ),
        variants={"color": ("White", "Black", "Pink", "Sky Blue")},
        price=(39, 129),
        desc=(
            ("A rechargeable toothbrush whose battery lasts up to {battery_life_days} days of twice-daily brushing.",),
            ("Replace the brush head every 3 months; compatible heads are sold separately.",),
            ("Rinse the head after use and wipe the handle; the handle is waterproof but not for submerging.",),
        ),
        desc_zh=(
            ("充电式电动牙刷，每天刷两次，续航最长{battery_life_days}天。",),
            ("每3个月更换一次刷头；适配刷头需另购。",),
            ("用后冲洗刷头并擦拭手柄；手柄防水，但请勿浸泡在水中。",),
        ),
        zh="{brand} {model} 电动牙刷",
        tags=("toothbrush", "oral-care", "personal-care"),
    ),
    ProductType(
        key="shaver",
        label="Electric Shaver",
        path="Beauty & Personal Care > Shaving & Grooming > Shavers & Trimmers",
        count=4,
        brands=("Braun", "Philips Norelco", "Panasonic", "Remington", "Xiaomi"),
        titles=("{brand} {kind}, Wet & Dry, {runtime_min}-Minute Runtime",),
        words={
            "kind": (
                ("Electric Foil Shaver", "往复式剃须刀"),
                ("Rotary Shaver", "旋转式剃须刀"),
                ("Beard Trimmer", "胡须修剪器"),
                ("Body Groomer", "身体修剪器"),
            )
        },
        attrs={"runtime_min": (50, 60, 90), "waterproof_rating": ("IPX7",)},
        price=(29, 199),
        desc=(
            ("A rechargeable {kind} for wet or dry use, with up to {runtime_min} minutes per charge.",),
            ("Rinse under the tap after each use and replace the blades every 18 months.",),
        ),
        desc_zh=(
            ("充电式{kind}，干湿两用，充一次电最长可用{runtime_min}分钟。",),
            ("每次用后在水龙头下冲洗，刀头每18个月更换一次。",),
        ),
        zh="{brand} {kind} 干湿两用 续航{runtime_min}分钟",
        tags=("shaver", "grooming", "mens", "gift"),
    ),
    ProductType(
        key="fragrance",
        label="Fragrance",
        path="Beauty & Personal Care > Fragrance > Perfume & Cologne",
        count=4,
        brands=("Jo Malone", "Le Labo", "Atelier Sillage", "Byredo", "Maison Verlaine"),
        titles=("{brand} {scent} {kind}, {volume_ml} ml",),
        words={"kind": (("Eau de Parfum", "香水"), ("Eau de Toilette", "淡香水"), ("Cologne", "古龙水"))},
        attrs={
            "scent": (
                ("Fig Leaf & Cedar", "无花果叶雪松"),
                ("White Tea & Bergamot", "白茶佛手柑"),
                ("Amber Tonka", "琥珀零陵香豆"),
                ("Salted Neroli", "海盐橙花"),
                ("Vetiver Noir", "黑色岩兰草"),
                ("Rose Oud", "玫瑰乌木沉香"),
            ),
            "volume_ml": (30, 50, 100),
        },
        price=(45, 260),
        desc=(
            ("{scent} {kind}: bright top notes that settle into a soft, long-lasting base.",),
            ("Spray on pulse points; store away from heat and light.",),
        ),
        desc_zh=(
            ("{scent}{kind}：前调明亮，后调柔和持久。",),
            ("喷于脉搏处；请避光、避热存放。",),
        ),
        zh="{brand} {scent}{kind} {volume_ml}毫升",
        tags=("fragrance", "perfume", "beauty", "gift"),
    ),
)
