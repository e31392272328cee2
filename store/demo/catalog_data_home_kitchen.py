"""Vocabulary tables for Home & Kitchen: kitchenware, coffee gear and drinkware.

Mugs, coffee makers and grinders carry the ``coffee`` tag that coffee beans in Grocery also carry, so
"customers who bought beans also look at mugs" has material to work with.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="mug",
        label="Mug",
        path="Home & Kitchen > Kitchen > Mugs",
        count=8,
        brands=("Hearth & Kiln", "Stoneleaf", "Le Creuset", "Fenwick Pottery", "Muji", "Bodum"),
        titles=(
            "{brand} {finish} {material} Coffee Mug, {capacity_ml} ml, {set}",
            "{brand} {material} Mug with Handle, {capacity_ml} ml, {finish} Glaze, {set}",
        ),
        words={
            "finish": (
                ("Speckled", "斑点釉"),
                ("Matte", "哑光"),
                ("Reactive", "窑变釉"),
                ("Glossy", "亮光"),
                ("Two-Tone", "撞色"),
            ),
            "set": (("Single", "单只装"), ("Set of 2", "2只装"), ("Set of 4", "4只装")),
        },
        attrs={
            "material": (("Stoneware", "粗陶"), ("Porcelain", "白瓷"), ("Ceramic", "陶瓷")),
            "capacity_ml": (300, 350, 400, 450),
            "dishwasher_safe": (True,),
            "microwave_safe": (True,),
        },
        variants={"color": ("White", "Cream", "Sage", "Charcoal", "Terracotta", "Navy", "Blush")},
        price=(9, 42),
        desc=(
            (
                "A {capacity_ml} ml {material} mug with a comfortable loop handle, sized for a flat white or a big "
                "mug of tea.",
                "Thick-walled {material} keeps coffee hot for longer; each mug holds {capacity_ml} ml.",
            ),
            (
                "Dishwasher and microwave safe; avoid sudden temperature shocks such as pouring boiling water into a "
                "frozen mug.",
            ),
            ("Each piece is glazed by hand, so small variations in colour make every mug unique.", ""),
        ),
        desc_zh=(
            (
                "{capacity_ml} ml{material}马克杯，环形把手握感舒适，大小刚好装一杯馥芮白或一大杯茶。",
                "厚壁{material}让咖啡保温更久；每只容量{capacity_ml} ml。",
            ),
            ("可用洗碗机和微波炉；避免骤冷骤热，例如往冰冻过的杯子里倒开水。",),
            ("每只杯子均为手工上釉，颜色略有差异，每只都独一无二。", ""),
        ),
        zh="{brand} {finish}{material}马克杯 {capacity_ml}毫升 {set}",
        tags=("mug", "coffee", "tea", "kitchen", "gift"),
    ),
    ProductType(
        key="travel_mug",
        label="Travel Mug",
        path="Home & Kitchen > Kitchen > Mugs",
        count=4,
        brands=("Yeti", "Stanley", "Contigo", "Thermos", "Hearth & Kiln"),
        titles=("{brand} Insulated Travel Mug, {capacity_ml} ml, Leak-Proof Lid, {finish}",),
        words={"finish": (("Powder Coat", "粉末喷涂"), ("Brushed Steel", "拉丝钢"), ("Soft-Touch", "磨砂"))},
        attrs={
            "capacity_ml": (350, 470, 590),
            "material": (("18/8 stainless steel", "不锈钢"),),
            "dishwasher_safe": (True, False),
        },
        variants={"color": ("Black", "Stainless Steel", "Navy", "Sage", "Coral", "Cream")},
        price=(19, 45),
        desc=(
            ("Double-wall vacuum-insulated {material} keeps coffee hot for 6 hours and iced drinks cold for 12.",),
            ("The {capacity_ml} ml mug fits most car cup holders and coffee-machine spouts.",),
            ("Hand-wash the lid; the body is fine in a dishwasher only if stated on the base.",),
        ),
        desc_zh=(
            ("双层真空{material}杯身，咖啡可保温6小时，冰饮可保冷12小时。",),
            ("{capacity_ml} ml杯身可放入大多数车载杯架，也能放在咖啡机出液口下。",),
            ("杯盖请手洗；杯底标明可用洗碗机时，杯身才可放入洗碗机。",),
        ),
        zh="{brand} 保温随行杯 {capacity_ml}毫升",
        tags=("travel-mug", "coffee", "commute"),
    ),
    ProductType(
        key="coffee_maker",
        label="Coffee Maker",
        path="Home & Kitchen > Kitchen > Coffee Makers",
        count=7,
        brands=("Bodum",),
        titles=("{brand} {model} {kind}, {feature}",),
        words={"kind": (), "feature": ()},
        models=(
            {
                "brand": "Bodum",
                "model": "Chambord",
                "kind": ("French Press Coffee Maker, 1 L", "法压壶"),
                "feature": "Borosilicate Glass",
                "capacity_ml": 1000,
                "material": "Borosilicate glass, stainless steel",
                "price": 39,
                "color": ["Black", "Stainless Steel", "Gold"],
            },
            {
                "brand": "Hario",
                "model": "V60",
                "kind": ("Pour-Over Coffee Dripper, Size 02", "手冲滤杯"),
                "feature": "Ceramic with 40 Paper Filters",
                "material": "Ceramic",
                "price": 29,
                "color": ["White", "Red", "Black"],
            },
            {
                "brand": "Fellow",
                "model": "Stagg EKG",
                "kind": ("Electric Pour-Over Kettle, 0.9 L", "手冲电热壶"),
                "feature": "Variable Temperature",
                "capacity_ml": 900,
                "wattage": 1200,
                "price": 165,
                "material": "Stainless steel",
                "color": ["Black", "White", "Stainless Steel"],
            },
            {
                "brand": "Breville",
                "model": "Bambino Plus",
                "kind": ("Espresso Machine", "意式咖啡机"),
                "feature": "Automatic Milk Frother",
                "wattage": 1560,
                "price": 499,
                "material": "Brushed stainless steel",
                "color": ["Stainless Steel", "Black", "Cream"],
            },
            {
                "brand": "De'Longhi",
                "model": "Dedica Arte EC885",
                "kind": ("Espresso Machine", "意式咖啡机"),
                "feature": "15-Bar Pump, Steam Wand",
                "wattage": 1300,
                "price": 329,
                "material": "Stainless steel",
                "color": ["Stainless Steel", "Black"],
            },
            {
                "brand": "Baratza",
                "model": "Encore ESP",
                "kind": ("Conical Burr Coffee Grinder", "锥刀磨豆机"),
                "feature": "40 Grind Settings",
                "wattage": 150,
                "price": 199,
                "material": "Steel burrs",
                "color": ["Black", "White"],
            },
            {
                "brand": "OXO",
                "model": "Brew 8-Cup",
                "kind": ("Drip Coffee Maker", "滴滤咖啡机"),
                "feature": "SCA Certified, Thermal Carafe",
                "capacity_ml": 1180,
                "wattage": 1100,
                "price": 199,
                "material": "Stainless steel thermal carafe",
                "color": ["Stainless Steel", "Black"],
            },
        ),
        variants={"color": ()},
        price=(29, 499),
        desc=(
            ("The {brand} {model}: {feature}, made of {material}.",),
            (
                "Pairs well with freshly ground beans; use a medium-coarse grind for press and pour-over, fine for "
                "espresso.",
            ),
            ("Rinse after every use and descale monthly in hard-water areas; removable parts are hand-wash only.",),
        ),
        desc_zh=(
            ("{brand} {model}{kind}，用料扎实，做工考究。",),
            ("搭配现磨咖啡豆效果最佳；法压和手冲用中粗研磨，意式浓缩用细研磨。",),
            ("每次用后冲洗，硬水地区请每月除垢一次；可拆卸部件仅限手洗。",),
        ),
        zh="{brand} {model} {kind}",
        tags=("coffee", "coffee-maker", "kitchen", "barista"),
    ),
    ProductType(
        key="pan",
        label="Frying Pan",
        path="Home & Kitchen > Cookware > Pans & Skillets",
        count=6,
        brands=("Tefal", "Lodge", "All-Clad", "Le Creuset", "Hexclad", "Ironbark"),
        titles=("{brand} {material} {kind}, {diameter_cm} cm, {feature}",),
        words={
            "kind": (("Frying Pan", "煎锅"), ("Skillet", "平底锅"), ("Wok", "炒锅"), ("Sauté Pan with Lid", "深煎锅")),
            "feature": ("Induction Compatible", "Oven Safe to 260°C", "PFOA-Free Non-Stick", "Stay-Cool Handle"),
        },
        attrs={
            "material": (
                ("Non-Stick Aluminium", "不粘铝"),
                ("Cast Iron", "铸铁"),
                ("Tri-Ply Stainless Steel", "三层不锈钢"),
                ("Carbon Steel", "碳钢"),
            ),
            "diameter_cm": (20, 24, 28, 30),
            "dishwasher_safe": (False,),
            "induction": (True,),
        },
        price=(24, 149),
        desc=(
            ("A {diameter_cm} cm {kind} in {material}, suitable for gas, electric and induction hobs.",),
            ("Heats evenly for searing, stir-frying and eggs without hot spots.",),
            (
                "Hand-wash with warm water and a soft sponge, then dry straight away; cast iron and carbon steel "
                "need a thin coat of oil after drying.",
            ),
        ),
        desc_zh=(
            ("{diameter_cm} cm{material}{kind}，适用于燃气灶、电炉和电磁炉。",),
            ("受热均匀无局部过热，煎、炒、煎蛋都得心应手。",),
            ("请用温水和软海绵手洗，洗后立即擦干；铸铁和碳钢锅擦干后需薄涂一层油。",),
        ),
        zh="{brand} {material}{kind} {diameter_cm}厘米",
        tags=("cookware", "pan", "kitchen"),
    ),
    ProductType(
        key="knife",
        label="Kitchen Knife",
        path="Home & Kitchen > Cookware > Knives",
        count=4,
        brands=("Victorinox", "Wüsthof", "Shun", "Zwilling", "Kiritsuke & Co."),
        titles=("{brand} {kind}, {length_cm} cm, {steel} Blade",),
        words={
            "kind": (
                ("Chef's Knife", "主厨刀"),
                ("Santoku Knife", "三德刀"),
                ("Bread Knife", "面包刀"),
                ("Chinese Cleaver", "中式菜刀"),
            )
        },
        attrs={
            "length_cm": (18, 20, 23),
            "steel": (
                ("German Stainless", "德国不锈钢"),
                ("VG-10 Damascus", "VG-10大马士革钢"),
                ("High-Carbon", "高碳钢"),
            ),
            "material": ("Stainless steel blade, POM handle",),
            "dishwasher_safe": (False,),
        },
        price=(29, 169),
        desc=(
            ("A {length_cm} cm {kind} with a {steel} blade sharpened to a 15-degree edge.",),
            ("Balanced for rocking cuts through herbs, vegetables and boneless meat.",),
            ("Hand-wash and dry immediately; never put it in the dishwasher. Hone weekly.",),
        ),
        desc_zh=(
            ("{length_cm} cm{kind}，{steel}刀身，刃口开锋15度。",),
            ("重心平衡，适合摇切香草、蔬菜和无骨肉。",),
            ("请手洗并立即擦干；切勿放入洗碗机。每周磨刀一次。",),
        ),
        zh="{brand} {steel}{kind} {length_cm}厘米",
        tags=("knife", "kitchen", "cookware"),
    ),
    ProductType(
        key="food_storage",
        label="Food Storage Containers",
        path="Home & Kitchen > Kitchen > Food Storage",
        count=4,
        brands=("Pyrex", "Rubbermaid", "OXO", "Lock & Lock", "Fresh Pantry"),
        titles=("{brand} {material} Food Storage Containers with Lids, {pieces}-Piece Set, {feature}",),
        words={"feature": ("Leak-Proof", "Stackable", "Meal Prep", "Airtight Snap Lids")},
        attrs={
            "material": (("Glass", "玻璃"), ("BPA-Free Plastic", "无双酚A塑料")),
            "pieces": (10, 18, 24),
            "dishwasher_safe": (True,),
            "microwave_safe": (True,),
        },
        price=(19, 49),
        desc=(
            ("A {pieces}-piece set of nesting {material} containers with snap-lock lids.",),
            (
                "Great for meal prep, leftovers and lunches; freezer, microwave and dishwasher safe (lids on the "
                "top rack).",
            ),
            ("Remove lids before microwaving.",),
        ),
        desc_zh=(
            ("{pieces}件套{material}保鲜盒，可叠套收纳，配卡扣密封盖。",),
            ("适合备餐、存放剩菜和带午餐；可放冰箱冷冻，可用微波炉和洗碗机（盖子请放上层）。",),
            ("微波加热前请取下盖子。",),
        ),
        zh="{brand} {material}保鲜盒 {pieces}件套",
        tags=("food-storage", "meal-prep", "kitchen"),
    ),
    ProductType(
        key="water_bottle",
        label="Water Bottle",
        path="Home & Kitchen > Kitchen > Water Bottles",
        count=5,
        brands=("Hydro Flask", "Stanley", "Nalgene", "Yeti", "Contigo", "Kleen Kanteen"),
        titles=("{brand} {kind} Water Bottle, {capacity_ml} ml, {feature}",),
        words={
            "kind": (
                ("Insulated Stainless Steel", "不锈钢保温"),
                ("Wide Mouth", "宽口"),
                ("Tritan Sports", "运动"),
                ("Quencher Tumbler", "大容量吸管"),
            ),
            "feature": ("Straw Lid", "Leak-Proof Cap", "BPA-Free", "Keeps Cold 24 Hours"),
        },
        attrs={
            "capacity_ml": (530, 710, 950, 1180),
            "material": (("18/8 stainless steel", "18/8不锈钢"), ("Tritan plastic", "Tritan塑料")),
            "dishwasher_safe": (True,),
        },
        variants={"color": ("Black", "White", "Sky Blue", "Sage", "Pink", "Lavender", "Olive")},
        price=(14, 45),
        desc=(
            ("A {capacity_ml} ml {kind} bottle made of {material}.",),
            ("Built for the gym, office and trail; fits most backpack side pockets.",),
            ("Dishwasher safe; wash the lid and straw separately.",),
        ),
        desc_zh=(
            ("{capacity_ml} ml{kind}水杯，{material}材质。",),
            ("健身、办公、徒步都适用；可放入大多数背包侧袋。",),
            ("可用洗碗机清洗；杯盖和吸管请单独清洗。",),
        ),
        zh="{brand} {kind}水杯 {capacity_ml}毫升",
        tags=("water-bottle", "fitness", "outdoor", "office"),
    ),
)
