"""Vocabulary tables for Women's Fashion.

Every garment states its fit (``fit`` attribute) and care, because "does it run small?" and "can I
tumble dry it?" are the questions shoppers actually ask before buying clothes.
"""

from __future__ import annotations

from store.demo.catalog_data_apparel import ALPHA_SIZES, FIT_NOTES, FIT_SENTENCES, FIT_SENTENCES_ZH
from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="dress",
        label="Dress",
        path="Women's Fashion > Clothing > Dresses",
        count=6,
        brands=("Reformation", "& Other Stories", "Mango", "Willow & Thread", "Everlane", "Uniqlo"),
        titles=("{brand} {material} {style} Dress, {sleeve}",),
        words={
            "style": (
                ("Midi Wrap", "中长款裹身"),
                ("Slip", "吊带"),
                ("Shirt", "衬衫式"),
                ("A-Line", "A字"),
                ("Tiered Maxi", "层叠长款"),
                ("Smocked Sundress", "褶皱度假"),
            ),
            "sleeve": (
                ("Short Sleeve", "短袖"),
                ("Sleeveless", "无袖"),
                ("Long Sleeve", "长袖"),
                ("Puff Sleeve", "泡泡袖"),
            ),
        },
        attrs={
            "material": (
                ("Linen", "亚麻"),
                ("Satin", "缎面"),
                ("Cotton Poplin", "棉府绸"),
                ("Viscose Crepe", "粘胶绉"),
            ),
            "fit": FIT_NOTES,
        },
        variants={"color": ("Black", "Navy", "Sage", "Burgundy", "Cream", "Coral", "Blush"), "size": ALPHA_SIZES},
        price=(39, 189),
        desc=(
            ("A {style} dress in {material} with {sleeve}.",),
            ("Easy to dress up with heels or down with sandals, for work, weddings and weekends.",),
            FIT_SENTENCES,
            ("Machine wash cold on gentle, hang to dry and steam to refresh; do not tumble dry.",),
        ),
        desc_zh=(
            ("{material}面料{style}连衣裙，{sleeve}设计。",),
            ("配高跟鞋精致得体，配凉鞋轻松随性，通勤、婚礼、周末都适合。",),
            FIT_SENTENCES_ZH,
            ("冷水轻柔档机洗，悬挂晾干，可用蒸汽挂烫恢复平整；请勿烘干。",),
        ),
        zh="{brand} {sleeve}{material}{style}连衣裙",
        tags=("dress", "womens", "{material}"),
    ),
    ProductType(
        key="blouse",
        label="Top",
        path="Women's Fashion > Clothing > Tops & Blouses",
        count=5,
        brands=("Everlane", "Uniqlo", "Willow & Thread", "COS", "Madewell"),
        titles=("{brand} {material} {style}, {fit_word} Fit",),
        words={
            "style": (
                ("Button-Up Blouse", "衬衫"),
                ("Crew Neck T-Shirt", "圆领T恤"),
                ("V-Neck Top", "V领上衣"),
                ("Ribbed Tank Top", "罗纹背心"),
                ("Boat Neck Top", "一字领上衣"),
            ),
            "fit_word": (("Relaxed", "宽松"), ("Slim", "修身"), ("Boxy", "廓形"), ("Regular", "常规")),
        },
        attrs={
            "material": (("Silk", "真丝"), ("Organic Cotton", "有机棉"), ("Linen", "亚麻"), ("Modal Jersey", "莫代尔")),
            "fit": FIT_NOTES,
        },
        variants={"color": ("White", "Black", "Cream", "Sky Blue", "Blush", "Sage", "Navy"), "size": ALPHA_SIZES},
        price=(19, 98),
        desc=(
            ("A {fit_word}-fit {style} in {material}.",),
            ("Layers under a blazer or tucks into jeans.",),
            FIT_SENTENCES,
            ("Machine wash cold, inside out; silk should be hand washed and dried flat.",),
        ),
        desc_zh=(
            ("{fit_word}版型{style}，采用{material}面料。",),
            ("可内搭西装外套，也可扎进牛仔裤。",),
            FIT_SENTENCES_ZH,
            ("翻面冷水机洗；真丝款请手洗并平铺晾干。",),
        ),
        zh="{brand} {material}{style}",
        tags=("top", "womens", "{material}"),
    ),
    ProductType(
        key="sweater_w",
        label="Sweater",
        path="Women's Fashion > Clothing > Sweaters & Cardigans",
        count=5,
        brands=("Naadam", "Uniqlo", "J.Crew", "Willow & Thread", "COS"),
        titles=("{brand} {material} {style}",),
        words={
            "style": (
                ("Crewneck Sweater", "圆领毛衣"),
                ("V-Neck Cardigan", "V领开衫"),
                ("Turtleneck", "高领毛衣"),
                ("Oversized Cable Knit Sweater", "宽松麻花毛衣"),
            )
        },
        attrs={
            "material": (
                ("Cashmere", "羊绒"),
                ("Merino Wool", "美利奴羊毛"),
                ("Cotton Blend", "棉混纺"),
                ("Alpaca Blend", "羊驼毛混纺"),
            ),
            "fit": FIT_NOTES,
        },
        variants={"color": ("Cream", "Camel", "Grey", "Black", "Burgundy", "Sage"), "size": ALPHA_SIZES},
        price=(49, 199),
        desc=(
            ("A soft {material} {style} knitted in a mid-weight gauge.",),
            FIT_SENTENCES,
            ("Hand wash cold or use the wool cycle, then dry flat; store folded, not on a hanger.",),
        ),
        desc_zh=(
            ("柔软{material}{style}，中等厚度针织。",),
            FIT_SENTENCES_ZH,
            ("冷水手洗或用羊毛洗程序，平铺晾干；请折叠收纳，不要挂放。",),
        ),
        zh="{brand} {material}{style}",
        tags=("sweater", "knitwear", "womens", "winter"),
    ),
    ProductType(
        key="jeans_w",
        label="Jeans",
        path="Women's Fashion > Clothing > Jeans",
        count=4,
        brands=("Levi's", "Madewell", "AGOLDE", "Everlane"),
        titles=("{brand} {style} Jeans, {rise} Rise, {wash} Wash",),
        words={
            "style": (
                ("Straight Leg", "直筒"),
                ("Wide Leg", "阔腿"),
                ("Skinny", "紧身"),
                ("Mom", "老爹"),
                ("Bootcut", "微喇"),
            ),
            "rise": (("High", "高"), ("Mid", "中")),
            "wash": ("Light", "Mid", "Dark", "Black"),
        },
        attrs={
            "material": (("98% cotton, 2% elastane", "98%棉、2%氨纶"),),
            "fit": FIT_NOTES,
            "inseam_cm": (71, 76, 81),
        },
        variants={"size": ("24", "25", "26", "27", "28", "29", "30", "31", "32")},
        price=(59, 198),
        desc=(
            ("{style} jeans in stretch denim ({material}) with a {rise} rise and {inseam_cm} cm inseam.",),
            ("Sizes are waist sizes in inches, {sizes}. {fit}.",),
            ("Wash inside out in cold water and line dry to keep the colour.",),
        ),
        desc_zh=(
            ("{rise}腰{style}牛仔裤，弹力牛仔布（{material}），内长{inseam_cm}cm。",),
            ("尺码为腰围英寸数：{sizes}。{fit}。",),
            ("翻面冷水洗涤并悬挂晾干，防止褪色。",),
        ),
        zh="{brand} {rise}腰{style}牛仔裤",
        tags=("jeans", "denim", "womens"),
    ),
    ProductType(
        key="leggings",
        label="Leggings",
        path="Women's Fashion > Activewear > Leggings",
        count=4,
        brands=("Lululemon", "Girlfriend Collective", "Alo Yoga", "Stride Lab"),
        titles=("{brand} {model} High-Rise Leggings, {inseam_cm} cm, {feature}",),
        words={"feature": ("Side Pockets", "Squat Proof", "Buttery Soft", "Sweat Wicking")},
        attrs={
            "model": ("Studio", "Sculpt", "Pace", "Everyday", "Flow"),
            "inseam_cm": (63, 71),
            "material": (("Recycled nylon and elastane", "再生尼龙与氨纶"),),
            "fit": (
                ("True to size", "按平时尺码选购即可"),
                ("Compressive, size up if between sizes", "压缩贴身版型，介于两个尺码之间建议选大一码"),
            ),
        },
        variants={"color": ("Black", "Navy", "Olive", "Charcoal", "Burgundy"), "size": ALPHA_SIZES},
        price=(49, 118),
        desc=(
            ("High-rise leggings in a four-way stretch {material} fabric with a {inseam_cm} cm inseam.",),
            ("Made for yoga, pilates and running.",),
            FIT_SENTENCES,
            ("Machine wash cold, no fabric softener, and hang to dry.",),
        ),
        desc_zh=(
            ("高腰瑜伽裤，四面弹力{material}面料，内长{inseam_cm}cm。",),
            ("适合瑜伽、普拉提和跑步。",),
            FIT_SENTENCES_ZH,
            ("冷水机洗，勿用柔顺剂，悬挂晾干。",),
        ),
        zh="{brand} 高腰瑜伽裤 {inseam_cm}厘米",
        tags=("leggings", "activewear", "yoga", "womens"),
    ),
    ProductType(
        key="coat_w",
        label="Coat",
        path="Women's Fashion > Clothing > Coats & Jackets",
        count=4,
        brands=("Mango", "Arc'teryx", "Patagonia", "Willow & Thread", "Uniqlo"),
        titles=("{brand} {style}, {material}",),
        words={"style": ()},
        models=(
            {"style": ("Wool-Blend Longline Coat", "羊毛混纺长款大衣"), "material": ("Wool blend", "羊毛混纺")},
            {
                "style": ("Quilted Puffer Jacket", "绗缝羽绒服"),
                "material": ("Recycled polyester, down fill", "再生涤纶面料、羽绒填充"),
            },
            {"style": ("Trench Coat", "风衣"), "material": ("Water-repellent cotton gabardine", "防泼水棉华达呢")},
            {
                "style": ("Rain Jacket", "防雨夹克"),
                "material": ("Recycled nylon, waterproof membrane", "再生尼龙面料、防水膜"),
            },
        ),
        attrs={"fit": FIT_NOTES},
        variants={"color": ("Black", "Camel", "Navy", "Olive", "Beige"), "size": ALPHA_SIZES},
        price=(89, 349),
        desc=(
            ("A {style} in {material}.",),
            FIT_SENTENCES,
            ("Roomy enough to layer over a sweater.",),
            ("Dry clean wool; machine wash synthetic jackets cold and tumble dry low with dryer balls.",),
        ),
        desc_zh=(
            ("{style}，采用{material}。",),
            FIT_SENTENCES_ZH,
            ("空间宽裕，里面可叠穿毛衣。",),
            ("羊毛款请干洗；合成面料外套可冷水机洗，加烘干球低温烘干。",),
        ),
        zh="{brand} {style}",
        tags=("coat", "outerwear", "womens", "winter"),
    ),
    ProductType(
        key="handbag",
        label="Handbag",
        path="Women's Fashion > Handbags > Totes & Shoulder Bags",
        count=5,
        brands=("Coach", "Cuyana", "Longchamp", "Marlow & Finch", "Baggu"),
        titles=("{brand} {material} {style}, {feature}",),
        words={
            "style": (
                ("Tote Bag", "托特包"),
                ("Crossbody Bag", "斜挎包"),
                ("Shoulder Bag", "单肩包"),
                ("Bucket Bag", "水桶包"),
            ),
            "feature": (
                ("Zip Closure", "拉链开合"),
                ("Laptop Sleeve", "电脑隔层"),
                ("Adjustable Strap", "可调节肩带"),
                ("Interior Pockets", "内置口袋"),
            ),
        },
        attrs={
            "material": (
                ("Pebbled Leather", "荔枝纹皮革"),
                ("Nylon", "尼龙"),
                ("Canvas", "帆布"),
                ("Vegan Leather", "素皮"),
            )
        },
        variants={"color": ("Black", "Tan", "Brown", "Navy", "Cream", "Burgundy")},
        price=(29, 395),
        desc=(
            ("A {material} {style} with a {feature}.",),
            ("Fits a 13-inch laptop, a water bottle and the day's essentials.",),
            ("Wipe with a damp cloth; condition leather twice a year and keep out of direct sunlight.",),
        ),
        desc_zh=(
            ("{material}{style}，{feature}设计。",),
            ("可装下13英寸笔记本电脑、水杯和一天的随身物品。",),
            ("用湿布擦拭；皮革每年保养两次，避免阳光直射。",),
        ),
        zh="{brand} {material}{style}",
        tags=("handbag", "bag", "womens", "gift"),
    ),
    ProductType(
        key="scarf",
        label="Scarf",
        path="Women's Fashion > Accessories > Scarves & Hats",
        count=4,
        brands=("Acne Studios", "Naadam", "Willow & Thread", "Uniqlo"),
        titles=("{brand} {material} {style}, {dims}",),
        words={
            "style": (("Scarf", "围巾"), ("Blanket Scarf", "披肩围巾"), ("Beanie", "毛线帽")),
            "dims": ("One Size", "180 x 30 cm", "200 x 70 cm"),
        },
        attrs={
            "material": (
                ("Cashmere", "羊绒"),
                ("Merino Wool", "美利奴羊毛"),
                ("Silk", "真丝"),
                ("Alpaca Wool", "羊驼毛"),
            )
        },
        variants={"color": ("Camel", "Grey", "Cream", "Black", "Burgundy", "Navy")},
        price=(25, 189),
        desc=(
            ("A {material} {style}, warm without bulk.",),
            ("Hand wash cold with wool detergent and dry flat.",),
        ),
        desc_zh=(
            ("{material}{style}，保暖而不臃肿。",),
            ("使用羊毛洗涤剂冷水手洗，平铺晾干。",),
        ),
        zh="{brand} {material}{style}",
        tags=("scarf", "accessories", "womens", "winter", "gift"),
    ),
    ProductType(
        key="jewelry",
        label="Jewelry",
        path="Women's Fashion > Jewelry > Necklaces & Earrings",
        count=6,
        brands=("Mejuri", "Pandora", "Monica Vinader", "Aurelia Fine", "Ana Luisa"),
        titles=("{brand} {material} {piece}, {feature}",),
        words={
            "piece": (
                ("Huggie Hoop Earrings", "耳环"),
                ("Pendant Necklace", "吊坠项链"),
                ("Chain Bracelet", "手链"),
                ("Stacking Ring", "叠戴戒指"),
                ("Pearl Stud Earrings", "珍珠耳钉"),
            ),
            "feature": ("Hypoallergenic", "Gift Box Included", "Tarnish Resistant", "Adjustable Length"),
        },
        attrs={
            "material": (
                ("14k Gold Vermeil", "14K金镀层"),
                ("Sterling Silver", "925银"),
                ("Solid 14k Gold", "14K实金"),
                ("Gold-Plated Brass", "镀金黄铜"),
            )
        },
        variants={"color": ("Gold", "Silver", "Rose Gold")},
        price=(35, 420),
        desc=(
            ("{piece} in {material}, nickel-free and suitable for sensitive skin.",),
            ("Arrives in a gift box with a polishing cloth.",),
            ("Take off before swimming or showering and store in the pouch to prevent scratches.",),
        ),
        desc_zh=(
            ("{material}{piece}，不含镍，敏感肌也可佩戴。",),
            ("礼盒包装，附赠抛光布。",),
            ("游泳或淋浴前请摘下，收纳在首饰袋中以防刮花。",),
        ),
        zh="{brand} {material}{piece}",
        tags=("jewelry", "womens", "gift"),
    ),
)
