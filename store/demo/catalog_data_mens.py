"""Vocabulary tables for Men's Fashion.

Like Women's Fashion, every garment states its fit and care; socks and underwear give size charts in
the description because their sizes are not the usual letter sizes.
"""

from __future__ import annotations

from store.demo.catalog_data_apparel import FIT_NOTES, FIT_SENTENCES, FIT_SENTENCES_ZH, MEN_ALPHA_SIZES
from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="tshirt_m",
        label="T-Shirt",
        path="Men's Fashion > Clothing > T-Shirts & Polos",
        count=5,
        brands=("Uniqlo", "Everlane", "Carhartt", "Northbound", "Patagonia", "Lacoste"),
        titles=("{brand} {material} {style}, {fit_word} Fit",),
        words={
            "style": (
                ("Crew Neck T-Shirt", "圆领T恤"),
                ("Pocket Tee", "口袋T恤"),
                ("Piqué Polo Shirt", "珠地网眼Polo衫"),
                ("Long Sleeve Henley", "长袖亨利衫"),
            ),
            "fit_word": (("Regular", "常规"), ("Slim", "修身"), ("Relaxed", "宽松")),
        },
        attrs={
            "material": (
                ("Heavyweight Cotton", "重磅纯棉"),
                ("Organic Cotton", "有机棉"),
                ("Supima Cotton", "长绒棉"),
                ("Merino Wool", "美利奴羊毛"),
            ),
            "fit": FIT_NOTES,
        },
        variants={"color": ("White", "Black", "Navy", "Grey", "Olive", "Khaki"), "size": MEN_ALPHA_SIZES},
        price=(15, 89),
        desc=(
            ("A {fit_word}-fit {style} in {material}.",),
            FIT_SENTENCES,
            ("Machine wash cold and tumble dry low; expect up to 3% shrinkage on the first wash.",),
        ),
        desc_zh=(
            ("{fit_word}版型{style}，采用{material}面料。",),
            FIT_SENTENCES_ZH,
            ("冷水机洗，低温烘干；首次洗涤可能有不超过3%的缩水。",),
        ),
        zh="{brand} 男士{material}{style}",
        tags=("t-shirt", "mens", "basics"),
    ),
    ProductType(
        key="shirt_m",
        label="Shirt",
        path="Men's Fashion > Clothing > Shirts",
        count=5,
        brands=("J.Crew", "Uniqlo", "Brooks Brothers", "Northbound", "Banana Republic"),
        titles=("{brand} {material} {style}, {fit_word} Fit",),
        words={
            "style": (
                ("Oxford Shirt", "牛津纺衬衫"),
                ("Button-Down Shirt", "纽扣领衬衫"),
                ("Overshirt", "衬衫外套"),
                ("Camp Collar Shirt", "古巴领衬衫"),
            ),
            "fit_word": (("Regular", "常规"), ("Slim", "修身"), ("Tailored", "合体")),
        },
        attrs={
            "material": (
                ("Cotton Oxford", "牛津纺棉"),
                ("Linen", "亚麻"),
                ("Brushed Flannel", "磨毛法兰绒"),
                ("Non-Iron Cotton", "免烫棉"),
            ),
            "fit": FIT_NOTES,
        },
        variants={"color": ("White", "Sky Blue", "Navy", "Olive", "Khaki"), "size": MEN_ALPHA_SIZES},
        price=(39, 139),
        desc=(
            ("A {fit_word}-fit {style} in {material}.",),
            FIT_SENTENCES,
            ("Machine wash warm and hang dry; iron on medium while slightly damp.",),
        ),
        desc_zh=(
            ("{fit_word}版型{style}，采用{material}面料。",),
            FIT_SENTENCES_ZH,
            ("温水机洗，悬挂晾干；微潮时用中温熨烫。",),
        ),
        zh="{brand} 男士{material}{style}",
        tags=("shirt", "mens", "workwear"),
    ),
    ProductType(
        key="trousers_m",
        label="Trousers",
        path="Men's Fashion > Clothing > Trousers & Jeans",
        count=5,
        brands=("Levi's", "Dockers", "Uniqlo", "Bonobos", "Northbound"),
        titles=("{brand} {model} {style}, {fit_word} Fit",),
        words={
            "style": (
                ("Jeans", "牛仔裤"),
                ("Chino Trousers", "休闲长裤"),
                ("Stretch Jeans", "弹力牛仔裤"),
                ("Cargo Trousers", "工装裤"),
            ),
            "fit_word": (("Slim", "修身"), ("Straight", "直筒"), ("Athletic Taper", "运动锥形"), ("Relaxed", "宽松")),
        },
        attrs={
            "model": ("Everyday", "Weekend", "Commuter", "Tech", "Heritage"),
            "material": (("99% cotton, 1% elastane", "99%棉、1%氨纶"), ("Cotton twill", "棉斜纹布")),
            "fit": FIT_NOTES,
            "inseam_cm": (76, 81, 86),
        },
        variants={"color": ("Navy", "Khaki", "Black", "Grey", "Olive"), "size": ("30", "32", "34", "36", "38")},
        price=(39, 129),
        desc=(
            ("{fit_word}-fit {style} in {material} with a {inseam_cm} cm inseam.",),
            ("Sizes are waist sizes in inches, {sizes}. {fit}.",),
            ("Machine wash cold inside out; hang dry to prevent shrinkage.",),
        ),
        desc_zh=(
            ("{fit_word}版型{style}，{material}面料，内长{inseam_cm}cm。",),
            ("尺码为腰围英寸数：{sizes}。{fit}。",),
            ("翻面冷水机洗；悬挂晾干，防止缩水。",),
        ),
        zh="{brand} 男士{style}",
        tags=("trousers", "mens", "denim"),
    ),
    ProductType(
        key="hoodie_m",
        label="Hoodie",
        path="Men's Fashion > Clothing > Hoodies & Sweatshirts",
        count=4,
        brands=("Champion", "Carhartt", "Northbound", "Uniqlo", "Nike"),
        titles=("{brand} {material} {style}, {feature}",),
        words={
            "style": (
                ("Pullover Hoodie", "套头连帽卫衣"),
                ("Zip-Up Hoodie", "拉链连帽卫衣"),
                ("Crewneck Sweatshirt", "圆领卫衣"),
            ),
            "feature": ("Kangaroo Pocket", "Brushed Fleece Inside", "Relaxed Fit", "Ribbed Cuffs"),
        },
        attrs={
            "material": (("Cotton Fleece", "棉质抓绒"), ("Reverse Weave Cotton", "反织纯棉"), ("French Terry", "毛圈")),
            "fit": FIT_NOTES,
        },
        variants={"color": ("Grey", "Black", "Navy", "Olive", "Burgundy"), "size": MEN_ALPHA_SIZES},
        price=(35, 99),
        desc=(
            ("A heavyweight {material} {style}.",),
            FIT_SENTENCES,
            ("Machine wash cold inside out, tumble dry low.",),
        ),
        desc_zh=(
            ("重磅{material}{style}。",),
            FIT_SENTENCES_ZH,
            ("翻面冷水机洗，低温烘干。",),
        ),
        zh="{brand} {material}{style}",
        tags=("hoodie", "mens", "casual"),
    ),
    ProductType(
        key="jacket_m",
        label="Jacket",
        path="Men's Fashion > Clothing > Jackets & Coats",
        count=5,
        brands=("The North Face", "Patagonia", "Arc'teryx", "Barbour", "Northbound", "Uniqlo"),
        titles=("{brand} {style}, {feature}",),
        words={"style": (), "feature": ()},
        models=(
            {
                "style": ("Down Puffer Jacket", "羽绒服"),
                "material": ("Recycled nylon shell, 700-fill down", "再生尼龙面料、700蓬松度羽绒填充"),
                "feature": "Packable",
            },
            {
                "style": ("Waxed Cotton Jacket", "油蜡夹克"),
                "material": ("Waxed cotton", "油蜡棉布"),
                "feature": "Corduroy Collar",
            },
            {
                "style": ("Rain Shell Jacket", "冲锋衣"),
                "material": ("Waterproof recycled nylon", "防水再生尼龙"),
                "feature": "Adjustable Hood",
            },
            {
                "style": ("Fleece Jacket", "抓绒外套"),
                "material": ("Recycled polyester fleece", "再生涤纶抓绒"),
                "feature": "Zip Pockets",
            },
            {
                "style": ("Denim Trucker Jacket", "牛仔夹克"),
                "material": ("Cotton denim", "纯棉牛仔布"),
                "feature": "Classic Fit",
            },
        ),
        attrs={"fit": FIT_NOTES},
        variants={"color": ("Black", "Navy", "Olive", "Khaki", "Charcoal"), "size": MEN_ALPHA_SIZES},
        price=(69, 399),
        desc=(
            ("A {style} with a {material} outer.",),
            FIT_SENTENCES,
            ("Cut with room for a mid-layer underneath.",),
            ("Follow the care label: synthetics machine wash cold; waxed cotton is sponge-clean only.",),
        ),
        desc_zh=(
            ("{style}，采用{material}。",),
            FIT_SENTENCES_ZH,
            ("剪裁留有余量，里面可加穿一件中层衣物。",),
            ("请按洗标护理：合成面料可冷水机洗；油蜡棉布仅可用海绵擦拭清洁。",),
        ),
        zh="{brand} 男士{style}",
        tags=("jacket", "outerwear", "mens", "winter"),
    ),
    ProductType(
        key="socks_m",
        label="Socks & Underwear",
        path="Men's Fashion > Clothing > Socks & Underwear",
        count=4,
        brands=("Bombas", "Uniqlo", "Darn Tough", "Calvin Klein", "Northbound"),
        titles=("{brand} {material} {style}, {pack}-Pack",),
        words={
            "style": (
                ("Crew Socks", "中筒袜"),
                ("Ankle Socks", "船袜"),
                ("Boxer Briefs", "平角内裤"),
                ("Hiking Socks", "徒步袜"),
            ),
            "pack": ("3", "4", "6"),
        },
        attrs={"material": (("Merino Wool", "美利奴羊毛"), ("Cotton Stretch", "弹力棉"), ("Bamboo Viscose", "竹纤维"))},
        variants={"size": ("S", "M", "L", "XL")},
        price=(14, 59),
        desc=(
            ("A {pack}-pack of {material} {style} with a cushioned, breathable knit.",),
            (
                "Sizes: S fits US shoe 4-7, M 8-10, L 10.5-13, XL 13+ (underwear by waist: S 28-30 in up to XL 38-40 "
                "in).",
            ),
            ("Machine wash warm and tumble dry low. Underwear is not returnable once opened.",),
        ),
        desc_zh=(
            ("{material}{style}，{pack}件装，针织结构缓震透气。",),
            (("尺码：S码适合美码鞋4-7，M码8-10，L码10.5-13，XL码13以上（内裤按腰围：S码28-30英寸至XL码38-40英寸）。"),),
            ("温水机洗，低温烘干。内裤拆封后不支持退货。",),
        ),
        zh="{brand} 男士{material}{style} {pack}件装",
        tags=("socks", "underwear", "mens", "basics"),
    ),
    ProductType(
        key="wallet_belt",
        label="Wallet or Belt",
        path="Men's Fashion > Accessories > Wallets & Belts",
        count=5,
        brands=("Bellroy", "Fossil", "Tanner Goods", "Ridge", "Marlow & Finch"),
        titles=("{brand} {material} {style}, {feature}",),
        words={
            "style": (
                ("Bifold Wallet", "对折钱包"),
                ("Card Holder", "卡包"),
                ("Dress Belt", "正装皮带"),
                ("Slim Wallet", "薄款钱包"),
            ),
            "feature": (
                ("RFID Blocking", "防RFID盗刷"),
                ("Gift Boxed", "礼盒包装"),
                ("Holds 8 Cards", "可放8张卡"),
                ("Solid Brass Buckle", "实心黄铜扣"),
            ),
        },
        attrs={
            "material": (
                ("Full-Grain Leather", "头层牛皮"),
                ("Vegetable-Tanned Leather", "植鞣皮"),
                ("Aluminium", "铝合金"),
            )
        },
        variants={"color": ("Black", "Brown", "Tan", "Navy")},
        price=(29, 129),
        desc=(
            ("A {material} {style}, {feature}.",),
            ("Arrives gift-boxed.", "Belts fit waist sizes 30-40 in; wallets hold 6-8 cards plus notes."),
            ("Condition leather every few months and keep it away from heat.",),
        ),
        desc_zh=(
            ("{material}{style}，{feature}。",),
            ("礼盒包装发货。", "皮带适合腰围30-40英寸；钱包可放6-8张卡及纸币。"),
            ("皮革每隔几个月保养一次，并远离热源。",),
        ),
        zh="{brand} {material}{style}",
        tags=("wallet", "mens", "accessories", "gift"),
    ),
    ProductType(
        key="watch_m",
        label="Watch",
        path="Men's Fashion > Accessories > Watches",
        count=5,
        brands=("Seiko",),
        titles=("{brand} {model} {movement} Watch, {case_mm} mm, {strap}",),
        models=(
            {
                "brand": "Seiko",
                "model": "Presage Cocktail Time",
                "movement": ("Automatic", "自动机械"),
                "case_mm": 40.5,
                "strap": ("Leather Strap", "真皮表带"),
                "waterproof_rating": "5 ATM",
                "price": 425,
            },
            {
                "brand": "Timex",
                "model": "Marlin",
                "movement": ("Automatic", "自动机械"),
                "case_mm": 40,
                "strap": ("Leather Strap", "真皮表带"),
                "waterproof_rating": "3 ATM",
                "price": 249,
            },
            {
                "brand": "Casio",
                "model": "G-Shock GA-2100",
                "movement": ("Quartz", "石英"),
                "case_mm": 45,
                "strap": ("Resin Strap", "树脂表带"),
                "waterproof_rating": "20 ATM",
                "price": 99,
            },
            {
                "brand": "Orient",
                "model": "Bambino",
                "movement": ("Automatic", "自动机械"),
                "case_mm": 38,
                "strap": ("Leather Strap", "真皮表带"),
                "waterproof_rating": "3 ATM",
                "price": 159,
            },
            {
                "brand": "Tissot",
                "model": "PRX",
                "movement": ("Quartz", "石英"),
                "case_mm": 40,
                "strap": ("Stainless Steel Bracelet", "不锈钢表链"),
                "waterproof_rating": "10 ATM",
                "price": 375,
            },
        ),
        variants={"color": ("Black", "Silver", "Navy", "Gold")},
        price=(59, 495),
        desc=(
            ("A {case_mm} mm {movement} watch on a {strap}, water resistant to {waterproof_rating}.",),
            ("Mineral or sapphire crystal depending on model; two-year warranty.",),
            ("Fine for hand washing and rain; remove before a sauna or hot shower.",),
        ),
        desc_zh=(
            ("{case_mm}mm表径{movement}腕表，配{strap}，防水{waterproof_rating}。",),
            ("依型号配矿物玻璃或蓝宝石镜面；两年质保。",),
            ("洗手、淋雨都没问题；桑拿或热水淋浴前请摘下。",),
        ),
        zh="{brand} {model} 男士{movement}腕表 {case_mm}毫米",
        tags=("watch", "mens", "gift"),
    ),
    ProductType(
        key="cap_m",
        label="Hat",
        path="Men's Fashion > Accessories > Hats & Caps",
        count=4,
        brands=("New Era", "Carhartt", "Patagonia", "Northbound", "Kangol"),
        titles=("{brand} {material} {style}, {feature}",),
        words={
            "style": (
                ("Baseball Cap", "棒球帽"),
                ("Beanie", "毛线帽"),
                ("Bucket Hat", "渔夫帽"),
                ("Trucker Cap", "网帽"),
            ),
            "feature": (
                ("One Size", "均码"),
                ("Embroidered Logo", "刺绣Logo"),
                ("Packable", "可折叠收纳"),
                ("Breathable", "透气"),
            ),
        },
        attrs={
            "material": (("Cotton Twill", "棉斜纹"), ("Acrylic Knit", "腈纶针织"), ("Recycled Polyester", "再生涤纶"))
        },
        variants={"color": ("Black", "Navy", "Khaki", "Olive", "Orange")},
        price=(19, 49),
        desc=(
            ("A {material} {style}, {feature}.",),
            ("One size fits most (head circumference 56-60 cm).",),
            ("Hand wash cold and air dry on a towel.",),
        ),
        desc_zh=(
            ("{material}{style}，{feature}。",),
            ("均码，适合大多数人（头围56-60cm）。",),
            ("冷水手洗，平铺在毛巾上自然晾干。",),
        ),
        zh="{brand} {material}{style}",
        tags=("hat", "mens", "accessories"),
    ),
)
