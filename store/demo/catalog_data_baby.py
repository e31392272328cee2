"""Vocabulary tables for Baby.

Baby products state age ranges, materials (BPA-free, organic cotton) and safety standards, because
parents ask about those before anything else.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="diapers",
        label="Diapers",
        path="Baby > Diapering > Diapers",
        count=4,
        brands=("Pampers", "Huggies", "Moony", "Little Sprout"),
        titles=("{brand} {line} Diapers, {count_pcs} Count",),
        words={
            "line": (
                ("Swaddlers", "纸尿裤"),
                ("Little Snugglers", "柔护纸尿裤"),
                ("Natural", "天然系列"),
                ("Overnight", "夜用"),
                ("Pull-Up Training Pants", "拉拉裤"),
            )
        },
        attrs={"count_pcs": (74, 84, 120), "material": ("Plant-based liner, fragrance-free",)},
        variants={"size": ("Newborn", "Size 1", "Size 2", "Size 3", "Size 4", "Size 5")},
        price=(24, 49),
        desc=(
            ("{line} diapers with a wetness indicator and up to 12 hours of leak protection.",),
            ("Sizes by weight: Newborn up to 4.5 kg, 1: 4-6 kg, 2: 5-8 kg, 3: 7-13 kg, 4: 10-17 kg, 5: over 12 kg.",),
            ("Hypoallergenic, fragrance-free and free from parabens and latex.",),
        ),
        desc_zh=(
            ("【{line}】带尿湿显示条，最长可提供12小时防漏保护。",),
            ("按体重选码：新生儿码4.5kg以内，1号4-6kg，2号5-8kg，3号7-13kg，4号10-17kg，5号12kg以上。",),
            ("低敏无香，不含尼泊金酯类防腐剂及乳胶。",),
        ),
        zh="{brand} {line} {count_pcs}片",
        tags=("diapers", "baby", "diapering"),
    ),
    ProductType(
        key="wipes",
        label="Baby Wipes",
        path="Baby > Diapering > Wipes",
        count=3,
        brands=("WaterWipes", "Pampers", "Little Sprout", "Babyganics"),
        titles=("{brand} {kind} Baby Wipes, {count_pcs} Count",),
        words={
            "kind": (("Unscented Sensitive", "无香敏感肌"), ("99.9% Water", "99.9%纯水"), ("Plant-Based", "植物纤维"))
        },
        attrs={"count_pcs": (240, 540, 720)},
        price=(9, 29),
        desc=(
            ("{kind} wipes, gentle enough for newborn skin, dermatologist tested.",),
            ("Reseal the pack after use so wipes stay moist; do not flush.",),
        ),
        desc_zh=(
            ("{kind}婴儿湿巾，温和亲肤，新生儿也能用，经皮肤科测试。",),
            ("用后请封好开口，保持湿巾湿润；请勿丢入马桶冲走。",),
        ),
        zh="{brand} {kind}婴儿湿巾 {count_pcs}抽",
        tags=("wipes", "baby", "diapering"),
    ),
    ProductType(
        key="baby_bottle",
        label="Baby Bottle",
        path="Baby > Feeding > Bottles & Sippy Cups",
        count=4,
        brands=("Philips Avent", "Dr. Brown's", "Comotomo", "Pigeon", "Little Sprout"),
        titles=("{brand} {kind}, {capacity_ml} ml, {pack}",),
        words={
            "kind": (
                ("Anti-Colic Baby Bottle", "防胀气奶瓶"),
                ("Natural Response Bottle", "自然原生奶瓶"),
                ("Silicone Baby Bottle", "硅胶奶瓶"),
                ("Weighted Straw Sippy Cup", "重力球吸管杯"),
            ),
            "pack": (("Pack of 2", "2只装"), ("Pack of 3", "3只装"), ("Single", "单只装")),
        },
        attrs={
            "capacity_ml": (150, 260, 330),
            "material": (("BPA-free polypropylene", "无BPA聚丙烯（PP）"), ("Medical-grade silicone", "医用级硅胶")),
            "dishwasher_safe": (True,),
            "age_range": (("0+ months", "0个月以上"), ("6+ months", "6个月以上")),
        },
        price=(9, 35),
        desc=(
            ("{kind}, {capacity_ml} ml, made of {material}; for ages {age_range}.",),
            ("Anti-colic vent reduces swallowed air; teats are interchangeable by flow rate.",),
            ("Dishwasher safe (top rack) and steriliser safe; replace teats every 2-3 months.",),
        ),
        desc_zh=(
            ("{kind}，容量{capacity_ml}ml，采用{material}材质；适合{age_range}宝宝。",),
            ("防胀气排气阀减少宝宝吸入空气；奶嘴可按流速互换。",),
            ("可放入洗碗机（上层）清洗，可消毒；奶嘴建议每2-3个月更换一次。",),
        ),
        zh="{brand} {kind} {capacity_ml}毫升 {pack}",
        tags=("baby-feeding", "baby", "bottle"),
    ),
    ProductType(
        key="high_chair",
        label="High Chair",
        path="Baby > Feeding > High Chairs",
        count=3,
        brands=("Stokke", "IKEA", "4moms", "Little Sprout"),
        titles=("{brand} {model} High Chair, {feature}",),
        words={"feature": ("Grows with Your Child", "Removable Tray", "Folds Flat", "Wipe-Clean Cushion")},
        models=(
            {
                "brand": "Stokke",
                "model": "Tripp Trapp",
                "material": ("Beech wood", "榉木"),
                "age_range": ("6 months+", "6个月以上"),
                "price": 299,
            },
            {
                "brand": "IKEA",
                "model": "Antilop",
                "material": ("Polypropylene, steel legs", "聚丙烯座椅与钢制椅腿"),
                "age_range": ("6-36 months", "6-36个月"),
                "price": 29,
            },
            {
                "brand": "Little Sprout",
                "model": "Grow-With-Me",
                "material": ("Beech wood, PU cushion", "榉木与PU坐垫"),
                "age_range": ("6 months to 6 years", "6个月至6岁"),
                "price": 149,
            },
        ),
        variants={"color": ("White", "Natural", "Grey", "Walnut")},
        price=(29, 299),
        desc=(
            ("A {material} high chair for ages {age_range}, with a five-point harness.",),
            ("Meets EN 14988 and ASTM F404 safety standards.",),
            ("Wipe clean with warm soapy water; the cushion is machine washable at 30°C.",),
        ),
        desc_zh=(
            ("这款儿童餐椅采用{material}，适用于{age_range}的宝宝，配有五点式安全带。",),
            ("符合EN 14988及ASTM F404安全标准。",),
            ("用温肥皂水擦拭即可清洁；坐垫可在30°C下机洗。",),
        ),
        zh="{brand} {model} 儿童餐椅",
        tags=("baby-feeding", "baby", "high-chair"),
    ),
    ProductType(
        key="stroller",
        label="Stroller",
        path="Baby > Gear > Strollers",
        count=3,
        brands=("UPPAbaby",),
        titles=("{brand} {model} {kind}, {feature}",),
        words={"kind": (), "feature": ("One-Hand Fold", "Reversible Seat", "All-Terrain Wheels", "Cabin-Size Fold")},
        models=(
            {
                "brand": "UPPAbaby",
                "model": "Vista V2",
                "kind": ("Full-Size Stroller", "高景观婴儿车"),
                "weight_kg": 12.2,
                "price": 999,
            },
            {
                "brand": "Babyzen",
                "model": "YOYO2",
                "kind": ("Travel Stroller", "轻便旅行推车"),
                "weight_kg": 6.2,
                "price": 499,
            },
            {
                "brand": "Little Sprout",
                "model": "Cityhop",
                "kind": ("Compact Stroller", "轻便婴儿车"),
                "weight_kg": 7.5,
                "price": 329,
            },
        ),
        attrs={"age_range": ("Birth to 22 kg",)},
        variants={"color": ("Black", "Grey", "Navy", "Olive")},
        price=(329, 999),
        desc=(
            ("A {kind} weighing {weight_kg} kg, suitable from birth to 22 kg with the newborn pack.",),
            ("Large shopping basket, UPF 50+ canopy and a five-point harness; meets ASTM F833.",),
            ("Wipe the frame and spot-clean fabrics; the seat fabric is hand wash only.",),
        ),
        desc_zh=(
            ("{kind}，整车重{weight_kg}kg，搭配新生儿套件，可从出生用到22kg。",),
            ("大容量购物篮、UPF 50+遮阳篷和五点式安全带；符合ASTM F833标准。",),
            ("车架擦拭清洁，布料局部清洗；座椅面料仅可手洗。",),
        ),
        zh="{brand} {model} {kind}",
        tags=("stroller", "baby", "baby-gear"),
    ),
    ProductType(
        key="car_seat",
        label="Car Seat",
        path="Baby > Gear > Car Seats",
        count=3,
        brands=("Graco", "Britax", "Chicco", "Nuna"),
        titles=("{brand} {kind}, {feature}",),
        words={
            "kind": (
                ("Infant Car Seat", "婴儿提篮安全座椅"),
                ("Convertible Car Seat", "双向安全座椅"),
                ("High-Back Booster Seat", "高背增高座椅"),
            ),
            "feature": ("ISOFIX/LATCH", "Side Impact Protection", "Machine-Washable Cover"),
        },
        attrs={
            "age_range": (("Birth to 15 kg", "出生至15kg"), ("2 to 30 kg", "2-30kg"), ("15 to 50 kg", "15-50kg")),
            "safety_standard": ("FMVSS 213",),
        },
        variants={"color": ("Black", "Grey", "Navy")},
        price=(129, 399),
        desc=(
            ("{kind} for children {age_range}, certified to FMVSS 213.",),
            ("Installs with LATCH/ISOFIX or the vehicle belt; check the fit guide for your car.",),
            ("Cover is machine washable cold; never use a seat that has been in a crash.",),
        ),
        desc_zh=(
            ("{kind}，适用于{age_range}的儿童，通过FMVSS 213认证。",),
            ("可通过LATCH/ISOFIX接口或车辆安全带安装；请查阅适配指南，确认是否适合您的车型。",),
            ("座套可冷水机洗；发生过碰撞的座椅请勿再使用。",),
        ),
        zh="{brand} {kind}",
        tags=("car-seat", "baby", "baby-gear"),
    ),
    ProductType(
        key="baby_clothes",
        label="Baby Clothing",
        path="Baby > Clothing > Bodysuits & Sleepwear",
        count=5,
        brands=("Carter's", "Burt's Bees Baby", "Kyte Baby", "Little Sprout", "Muji"),
        titles=("{brand} {material} {kind}, {pack}",),
        words={
            "kind": (
                ("Short-Sleeve Bodysuits", "短袖连体衣"),
                ("Zip Sleep and Play Footie", "拉链连脚睡衣"),
                ("Sleep Sack, 1.0 TOG", "睡袋 1.0TOG"),
                ("Long-Sleeve Bodysuits", "长袖连体衣"),
            ),
            "pack": (("Pack of 1", "单件"), ("Pack of 3", "3件装"), ("Pack of 5", "5件装")),
        },
        attrs={
            "material": (("Organic Cotton", "有机棉"), ("Bamboo Viscose", "竹纤维"), ("Cotton Rib", "罗纹棉")),
            "fit": (("True to size; size up for longer wear", "按平时尺码选购；想多穿一阵可选大一码"),),
        },
        variants={
            "color": ("White", "Sage", "Blush", "Grey", "Mustard"),
            "size": (
                ("0-3 Months", "0-3个月"),
                ("3-6 Months", "3-6个月"),
                ("6-12 Months", "6-12个月"),
                ("12-18 Months", "12-18个月"),
                ("18-24 Months", "18-24个月"),
            ),
        },
        price=(15, 45),
        desc=(
            ("{kind} in soft, breathable {material}, with envelope shoulders or a two-way zip for easy changes.",),
            ("Sizes {sizes}; {fit}.",),
            ("Machine wash warm and tumble dry low; no fabric softener on bamboo.",),
        ),
        desc_zh=(
            ("{kind}，选用柔软透气的{material}，信封式肩口或双向拉链设计，穿脱更换都方便。",),
            ("尺码：{sizes}；{fit}。",),
            ("温水机洗，低温烘干；竹纤维款请勿使用柔顺剂。",),
        ),
        zh="{brand} {material}婴儿{kind} {pack}",
        tags=("baby-clothes", "baby", "gift"),
    ),
    ProductType(
        key="swaddle",
        label="Swaddle & Blanket",
        path="Baby > Nursery > Swaddles & Blankets",
        count=3,
        brands=("aden + anais", "Halo", "Little Sprout", "Kyte Baby"),
        titles=("{brand} {material} {kind}, {feature}",),
        words={
            "kind": (
                ("Muslin Swaddle Blankets, 3-Pack", "纱布包被3条装"),
                ("Swaddle Wrap", "防惊跳襁褓"),
                ("Knit Baby Blanket", "针织婴儿毯"),
            ),
            "feature": ("120 x 120 cm", "0-3 Months", "Gift Boxed"),
        },
        attrs={"material": (("Cotton Muslin", "纯棉纱布"), ("Bamboo", "竹纤维"), ("Organic Cotton", "有机棉"))},
        variants={"color": ("White", "Sage", "Blush", "Sky Blue", "Cream")},
        price=(19, 59),
        desc=(
            ("{kind} in breathable {material} that gets softer with every wash.",),
            ("Machine wash cold and tumble dry low.",),
        ),
        desc_zh=(
            ("{kind}，采用透气{material}，越洗越柔软。",),
            ("冷水机洗，低温烘干。",),
        ),
        zh="{brand} {material}{kind}",
        tags=("swaddle", "baby", "nursery", "gift"),
    ),
    ProductType(
        key="baby_monitor",
        label="Baby Monitor",
        path="Baby > Nursery > Baby Monitors",
        count=3,
        brands=("Nanit", "Owlet", "Infant Optics", "Eufy"),
        titles=("{brand} {model} Baby Monitor, {feature}",),
        words={"feature": ("1080p HD Video", "Night Vision", "Two-Way Talk", "No Wi-Fi Needed")},
        attrs={
            "model": ("Pro", "Plus", "Duo", "Lite"),
            "connectivity": (
                ("Wi-Fi, app", "Wi-Fi连接，配合App使用"),
                ("2.4 GHz closed radio link", "2.4GHz封闭式无线连接"),
            ),
            "battery_life_h": (8, 12, 30),
        },
        price=(89, 299),
        desc=(
            ("A video baby monitor with night vision and two-way talk; the parent unit lasts {battery_life_h} hours.",),
            ("Connection: {connectivity}. Keep cables at least 1 m from the crib.",),
        ),
        desc_zh=(
            ("可视婴儿监视器，支持夜视和双向通话；家长端续航{battery_life_h}小时。",),
            ("连接方式：{connectivity}。线缆请与婴儿床保持至少1m距离。",),
        ),
        zh="{brand} {model} 婴儿监视器",
        tags=("baby-monitor", "baby", "nursery"),
    ),
    ProductType(
        key="teether",
        label="Teether & Rattle",
        path="Baby > Toys > Teethers & Rattles",
        count=3,
        brands=("Sophie la Girafe", "Comotomo", "Little Sprout", "Haakaa"),
        titles=("{brand} {kind}",),
        words={
            "kind": (
                ("Silicone Teething Ring", "硅胶牙胶"),
                ("Natural Rubber Teether", "天然橡胶牙胶"),
                ("Wooden Rattle Set of 3", "木质摇铃3件套"),
                ("Silicone Fruit Feeder", "果蔬咬咬乐"),
            )
        },
        attrs={
            "age_range": (("0+ months", "0个月以上"), ("3+ months", "3个月以上")),
            "material": (("Food-grade silicone", "食品级硅胶"), ("Natural rubber", "天然橡胶"), ("Beech wood", "榉木")),
            "dishwasher_safe": (True, False),
        },
        variants={"color": ("Mint", "Blush", "Lavender", "Mustard")},
        price=(7, 25),
        desc=(
            ("{kind} in {material}, BPA-free, for ages {age_range}.",),
            ("Wash before first use; silicone teethers can be chilled in the fridge (never frozen).",),
        ),
        desc_zh=(
            ("{kind}，{material}材质，不含BPA，适合{age_range}宝宝。",),
            ("首次使用前请清洗；硅胶牙胶可放入冰箱冷藏（切勿冷冻）。",),
        ),
        zh="{brand} {kind}",
        tags=("teether", "baby", "baby-toys"),
    ),
    ProductType(
        key="baby_bath",
        label="Baby Bath",
        path="Baby > Bath & Skin Care > Baby Bath",
        count=3,
        brands=("Skip Hop", "Johnson's", "Mustela", "Little Sprout"),
        titles=("{brand} {kind}",),
        words={
            "kind": (
                ("Foldable Baby Bathtub with Temperature Plug", "可折叠婴儿浴盆"),
                ("Tear-Free Baby Wash & Shampoo, 500 ml", "婴儿无泪洗发沐浴露 500毫升"),
                ("Hooded Baby Towel, Bamboo", "竹纤维婴儿连帽浴巾"),
                ("Gentle Baby Lotion, 300 ml", "婴儿润肤乳 300毫升"),
            )
        },
        attrs={"age_range": ("0+ months",)},
        price=(7, 49),
        desc=(
            ("{kind} for gentle, safe bath time from birth.",),
            ("Always keep one hand on your baby in the bath.",),
        ),
        desc_zh=(
            ("{kind}，从出生起就能用，让宝宝洗澡温和又安全。",),
            ("洗澡时请始终用一只手扶住宝宝。",),
        ),
        zh="{brand} {kind}",
        tags=("baby-bath", "baby"),
    ),
)
