"""Vocabulary tables for Sports & Outdoors.

Gear that comes in coherent real-world specs (a 1-person ultralight tent is light, a 6-person cabin
tent is not) is described with models, so attributes never contradict each other.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="yoga_mat",
        label="Yoga Mat",
        path="Sports & Outdoors > Fitness > Yoga & Pilates",
        count=5,
        brands=("Manduka", "Lululemon", "Gaiam", "Liforme", "Stride Lab"),
        titles=("{brand} {material} Yoga Mat, {thickness_mm} mm, {feature}",),
        words={"feature": ("Non-Slip", "Alignment Lines", "Carry Strap Included", "Extra Long 200 cm")},
        attrs={
            "material": (
                ("Natural Rubber", "天然橡胶"),
                ("TPE", "TPE"),
                ("PU Leather Top", "PU面层"),
                ("Cork", "软木"),
            ),
            "thickness_mm": (4, 5, 6, 8),
        },
        variants={"color": ("Black", "Sage", "Lavender", "Navy", "Teal", "Blush")},
        price=(25, 140),
        desc=(
            ("A {thickness_mm} mm {material} yoga mat measuring 183 x 61 cm, with grip that improves as you sweat.",),
            ("Cushioned for knees in pilates and stable enough for balance poses.",),
            ("Wipe with a mild soap-and-water spray after practice and dry flat out of direct sunlight.",),
        ),
        desc_zh=(
            ("{thickness_mm}mm厚{material}瑜伽垫，尺寸183×61cm，越出汗越防滑。",),
            ("做普拉提时缓冲护膝，做平衡体式也足够稳。",),
            ("练习后用温和的肥皂水喷雾擦拭，平放晾干，避免阳光直射。",),
        ),
        zh="{brand} {material}瑜伽垫 {thickness_mm}毫米",
        tags=("yoga", "fitness", "home-gym"),
    ),
    ProductType(
        key="dumbbells",
        label="Weights",
        path="Sports & Outdoors > Fitness > Weights",
        count=4,
        brands=("Bowflex", "CAP Barbell", "Ironform", "Amazon Basics"),
        titles=("{brand} {kind}, {weight_text}",),
        words={"kind": (), "weight_text": ()},
        models=(
            {"kind": ("Adjustable Dumbbell", "可调节哑铃"), "weight_text": "2-24 kg", "price": 349},
            {"kind": ("Neoprene Dumbbell Pair", "浸塑哑铃一对"), "weight_text": "2 x 3 kg", "price": 29},
            {"kind": ("Cast Iron Kettlebell", "铸铁壶铃"), "weight_text": "12 kg", "price": 45},
            {"kind": ("Hex Rubber Dumbbell Pair", "六角橡胶哑铃一对"), "weight_text": "2 x 5 kg", "price": 49},
        ),
        attrs={"material": ("Cast iron with rubber or neoprene coating",)},
        price=(19, 349),
        desc=(
            ("{kind} ({weight_text}) for strength training at home.",),
            ("Knurled handles give a secure grip; the coating protects floors.",),
            ("Wipe down after use and store off the floor in a dry place.",),
        ),
        desc_zh=(
            ("{kind}（{weight_text}），适合居家力量训练。",),
            ("滚花握把抓握牢靠；外涂层保护地板。",),
            ("使用后擦拭干净，离地存放在干燥处。",),
        ),
        zh="{brand} {kind} {weight_text}",
        tags=("weights", "fitness", "home-gym"),
    ),
    ProductType(
        key="fitness_acc",
        label="Fitness Accessory",
        path="Sports & Outdoors > Fitness > Fitness Accessories",
        count=4,
        brands=("TheraBand", "Rogue", "Stride Lab", "Crossrope", "Gaiam"),
        titles=("{brand} {kind}",),
        words={
            "kind": (
                ("Resistance Bands Set, 5 Levels", "弹力带套装 5档"),
                ("Speed Jump Rope, Adjustable", "可调节跳绳"),
                ("Foam Roller, 45 cm", "泡沫轴 45厘米"),
                ("Ab Roller Wheel with Knee Pad", "健腹轮"),
                ("Pull-Up Bar for Doorways", "门框引体向上杆"),
            )
        },
        attrs={"material": ("Latex, steel, EVA foam",)},
        price=(9, 49),
        desc=(
            ("{kind} for full-body workouts at home or in the gym.",),
            ("Check for wear before each session and store out of sunlight.",),
        ),
        desc_zh=(
            ("{kind}，居家或健身房全身训练皆宜。",),
            ("每次训练前检查有无磨损，存放时避免阳光直射。",),
        ),
        zh="{brand} {kind}",
        tags=("fitness", "home-gym", "workout"),
    ),
    ProductType(
        key="tent",
        label="Tent",
        path="Sports & Outdoors > Camping > Tents",
        count=4,
        brands=("Coleman", "MSR", "Big Agnes", "REI Co-op", "Trailhead"),
        titles=("{brand} {capacity_people}-Person {kind} Tent, {feature}",),
        words={
            "kind": (),
            "feature": ("Waterproof Rainfly", "Sets Up in 10 Minutes", "Two Doors and Vestibules", "3-Season"),
        },
        models=(
            {"kind": ("Ultralight", "超轻"), "capacity_people": 1, "weight_kg": 1.1, "price": 349},
            {"kind": ("Backpacking", "徒步轻量"), "capacity_people": 2, "weight_kg": 1.9, "price": 249},
            {"kind": ("Dome", "圆顶"), "capacity_people": 4, "weight_kg": 5.2, "price": 149},
            {"kind": ("Instant Cabin", "速开"), "capacity_people": 6, "weight_kg": 8.6, "price": 229},
        ),
        attrs={"material": ("Ripstop polyester, aluminium poles",)},
        variants={"color": ("Green", "Orange", "Grey", "Olive")},
        price=(79, 499),
        desc=(
            ("A {capacity_people}-person {kind} tent weighing {weight_kg} kg, with a fully taped waterproof fly.",),
            ("Colour-coded poles make pitching quick, even alone.",),
            ("Always dry the tent completely before storing to prevent mildew; never machine wash.",),
        ),
        desc_zh=(
            ("{capacity_people}人{kind}帐篷，重{weight_kg}kg，外帐全压胶防水。",),
            ("帐杆颜色区分，一个人也能快速搭好。",),
            ("收纳前务必彻底晾干以防发霉；切勿机洗。",),
        ),
        zh="{brand} {capacity_people}人{kind}帐篷",
        tags=("camping", "tent", "outdoor"),
    ),
    ProductType(
        key="sleeping_bag",
        label="Sleeping Bag",
        path="Sports & Outdoors > Camping > Sleeping Bags & Mats",
        count=4,
        brands=("Coleman", "Sea to Summit", "Therm-a-Rest", "Trailhead", "Kelty"),
        titles=("{brand} {kind}, Comfort {temp_c}°C, {feature}",),
        words={
            "kind": (
                ("Mummy Sleeping Bag", "木乃伊睡袋"),
                ("Rectangular Sleeping Bag", "信封睡袋"),
                ("Self-Inflating Sleeping Pad", "自动充气睡垫"),
            ),
            "feature": ("Compression Sack", "Down Fill", "Synthetic Fill", "Double Zip"),
        },
        attrs={"temp_c": (-5, 0, 5, 10), "weight_kg": (0.9, 1.3, 1.8)},
        variants={"color": ("Navy", "Orange", "Green", "Grey")},
        price=(39, 299),
        desc=(
            ("A {kind} rated to a comfort temperature of {temp_c}°C, weighing {weight_kg} kg.",),
            ("Fits people up to 185 cm.",),
            ("Store loose, not compressed, and wash with down or tech wash on a gentle cycle.",),
        ),
        desc_zh=(
            ("{kind}，舒适温度{temp_c}°C，重{weight_kg}kg。",),
            ("适合身高185cm以内的人使用。",),
            ("请蓬松存放，不要压缩收纳，用羽绒或功能面料专用洗涤剂以轻柔程序清洗。",),
        ),
        zh="{brand} {kind} 舒适温度{temp_c}°C",
        tags=("camping", "sleeping-bag", "outdoor"),
    ),
    ProductType(
        key="backpack",
        label="Backpack",
        path="Sports & Outdoors > Hiking > Backpacks",
        count=5,
        brands=("Osprey", "Deuter", "Patagonia", "The North Face", "Trailhead", "Gregory"),
        titles=("{brand} {model} {capacity_l} L {kind}, {feature}",),
        words={
            "kind": (("Hiking Backpack", "登山背包"), ("Daypack", "双肩包"), ("Travel Pack", "旅行背包")),
            "feature": ("Rain Cover Included", "Ventilated Back Panel", "Hydration Compatible", "Laptop Sleeve"),
        },
        attrs={
            "model": ("Talon", "Futura", "Refugio", "Borealis", "Summit", "Zulu"),
            "capacity_l": (22, 28, 36, 48),
            "material": ("Recycled nylon, water-repellent coating",),
        },
        variants={"color": ("Black", "Navy", "Green", "Orange", "Grey")},
        price=(49, 229),
        desc=(
            ("A {capacity_l} L {kind} with padded hip belt and adjustable torso length.",),
            ("Fits torso lengths 40-53 cm; the side pockets take a 1 L bottle.",),
            ("Hand wash with mild soap and hang to dry; do not machine wash.",),
        ),
        desc_zh=(
            ("{capacity_l}L{kind}，配加厚腰带，背长可调。",),
            ("适合背长40-53cm；侧袋可放1L水瓶。",),
            ("用温和肥皂手洗，悬挂晾干；请勿机洗。",),
        ),
        zh="{brand} {capacity_l}升{kind}",
        tags=("backpack", "hiking", "travel", "outdoor"),
    ),
    ProductType(
        key="cycling",
        label="Cycling Gear",
        path="Sports & Outdoors > Cycling > Helmets & Lights",
        count=4,
        brands=("Giro", "Bell", "Lezyne", "Knog", "Trailhead"),
        titles=("{brand} {kind}, {feature}",),
        words={
            "kind": (
                ("Road Bike Helmet", "公路骑行头盔"),
                ("Commuter Helmet with MIPS", "通勤头盔"),
                ("USB Rechargeable Bike Light Set", "USB充电车灯套装"),
                ("Mini Floor Pump", "打气筒"),
                ("U-Lock with Cable", "U型锁"),
            ),
            "feature": ("Lightweight", "CPSC Certified", "Fits 54-61 cm", "Reflective Details"),
        },
        attrs={"material": ("Polycarbonate and EPS foam / aluminium",)},
        variants={"color": ("Black", "White", "Blue", "Red")},
        price=(19, 129),
        desc=(
            ("{kind} for commuting and weekend rides.",),
            ("Helmets fit head sizes 54-61 cm with a dial adjuster; replace any helmet after an impact.",),
        ),
        desc_zh=(
            ("{kind}，通勤、周末骑行皆宜。",),
            ("头盔适合头围54-61cm，配旋钮调节；头盔受过撞击后请务必更换。",),
        ),
        zh="{brand} {kind}",
        tags=("cycling", "bike", "outdoor"),
    ),
    ProductType(
        key="ball",
        label="Sports Ball",
        path="Sports & Outdoors > Team Sports > Balls",
        count=4,
        brands=("Spalding", "Wilson", "Molten", "Mikasa", "Adidas"),
        titles=("{brand} {kind}, Official Size {size_no}, {surface}",),
        words={"kind": (), "surface": (("Indoor/Outdoor", "室内外"), ("Outdoor", "室外"), ("Indoor", "室内"))},
        models=(
            {"kind": ("Basketball", "篮球"), "size_no": 7, "material": ("Composite leather", "复合皮革")},
            {"kind": ("Soccer Ball", "足球"), "size_no": 5, "material": "PU"},
            {"kind": ("Youth Soccer Ball", "青少年足球"), "size_no": 4, "material": "PU"},
            {"kind": ("Volleyball", "排球"), "size_no": 5, "material": ("Synthetic leather", "合成皮革")},
        ),
        price=(15, 69),
        desc=(
            ("A size {size_no} {kind} with a {material} cover for {surface} play.",),
            ("Ships deflated; inflate to the pressure printed by the valve.",),
        ),
        desc_zh=(
            ("{size_no}号{kind}，{material}表皮，适合{surface}使用。",),
            ("未充气发货；请按气门旁标注的气压充气。",),
        ),
        zh="{brand} {size_no}号{kind}",
        tags=("ball", "team-sports", "kids"),
    ),
    ProductType(
        key="racket",
        label="Racket",
        path="Sports & Outdoors > Racket Sports > Badminton & Tennis",
        count=4,
        brands=("Yonex", "Li-Ning", "Wilson", "Babolat", "Head"),
        titles=("{brand} {kind}, {weight_g} g, {feature}",),
        words={"kind": (), "feature": ("Cover Included", "Beginner Friendly", "Lightweight", "Tournament Grade")},
        models=(
            {"kind": ("Badminton Racket", "羽毛球拍"), "weight_g": 83, "material": ("Graphite", "石墨")},
            {"kind": ("Tennis Racket", "网球拍"), "weight_g": 300, "material": ("Graphite", "石墨")},
            {"kind": ("Table Tennis Bat", "乒乓球拍"), "weight_g": 170, "material": ("Wood and carbon", "木材与碳素")},
            {"kind": ("Pickleball Paddle", "匹克球拍"), "weight_g": 230, "material": ("Carbon fibre", "碳纤维")},
        ),
        price=(19, 229),
        desc=(
            ("A {weight_g} g {kind} with a {material} frame.",),
            ("Balanced for control; a good choice from beginner to club level.",),
        ),
        desc_zh=(
            ("{weight_g}g{kind}，{material}框架。",),
            ("平衡设计便于控球；从入门到俱乐部水平都适用。",),
        ),
        zh="{brand} {kind} {weight_g}克",
        tags=("racket", "racket-sports"),
    ),
    ProductType(
        key="swim",
        label="Swim Gear",
        path="Sports & Outdoors > Swimming > Goggles & Caps",
        count=3,
        brands=("Speedo", "Arena", "TYR", "Aqua Sphere"),
        titles=("{brand} {kind}, {feature}",),
        words={
            "kind": (("Anti-Fog Swim Goggles", "防雾泳镜"), ("Silicone Swim Cap", "硅胶泳帽"), ("Kickboard", "浮板")),
            "feature": ("UV Protection", "Adult Fit", "Junior Fit", "Mirrored Lenses"),
        },
        attrs={"material": ("Silicone, polycarbonate",)},
        variants={"color": ("Black", "Blue", "Pink", "Clear")},
        price=(9, 35),
        desc=(
            ("{kind} made from chlorine-resistant materials.",),
            ("Rinse in fresh water after chlorine or salt water and dry in the shade.",),
        ),
        desc_zh=(
            ("{kind}，采用耐氯材料制成。",),
            ("接触泳池氯水或海水后请用清水冲洗，阴凉处晾干。",),
        ),
        zh="{brand} {kind}",
        tags=("swimming", "summer"),
    ),
)
