"""Vocabulary tables for Pet Supplies.

Every product names the ``pet`` it is for (and is tagged with it), so "something for my cat" finds
cat food, litter and cat trees together.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="dog_food",
        label="Dog Food",
        path="Pet Supplies > Dogs > Dog Food",
        count=4,
        brands=("Purina Pro Plan", "Royal Canin", "Blue Buffalo", "Orijen", "Tailwise"),
        titles=("{brand} {recipe} Dry Dog Food, {life_stage}",),
        words={
            "recipe": (
                ("Chicken & Rice", "鸡肉糙米"),
                ("Salmon & Sweet Potato", "三文鱼红薯"),
                ("Lamb & Oatmeal", "羊肉燕麦"),
                ("Grain-Free Turkey", "无谷火鸡"),
            )
        },
        attrs={
            "life_stage": (("Puppy", "幼犬"), ("Adult", "成犬"), ("Senior 7+", "老年犬")),
            "pet": ("Dog",),
            "protein_pct": (24, 26, 30),
        },
        variants={"weight_kg": (2, 6, 12)},
        steps={"weight_kg": (0, 2000, 4500)},
        price=(15, 29),
        desc=(
            ("Complete dry food for {life_stage} dogs: {recipe} with {protein_pct}% protein, no artificial colours.",),
            ("Follow the feeding chart on the bag and keep fresh water available.",),
            ("Store the bag sealed in a cool, dry place.",),
        ),
        desc_zh=(
            ("{life_stage}全价干粮：{recipe}配方，蛋白质含量{protein_pct}%，不含人工色素。",),
            ("请按包装袋上的喂食表喂养，并随时提供清洁饮水。",),
            ("请将粮袋密封，存放于阴凉干燥处。",),
        ),
        zh="{brand} {recipe}{life_stage}狗粮",
        tags=("dog", "dog-food", "pets"),
    ),
    ProductType(
        key="cat_food",
        label="Cat Food",
        path="Pet Supplies > Cats > Cat Food",
        count=4,
        brands=("Purina ONE", "Royal Canin", "Hill's Science Diet", "Ziwi Peak", "Tailwise"),
        titles=("{brand} {recipe} {form} Cat Food, {life_stage}",),
        words={
            "recipe": (
                ("Tuna", "金枪鱼"),
                ("Chicken", "鸡肉"),
                ("Salmon", "三文鱼"),
                ("Indoor Hairball Control", "室内化毛"),
            ),
            "form": (("Dry", "干粮"), ("Wet Pâté 12 x 85 g", "肉酱湿粮罐头（12×85g）")),
        },
        attrs={"life_stage": (("Kitten", "幼猫"), ("Adult", "成猫"), ("Senior 11+", "老年猫")), "pet": ("Cat",)},
        variants={"pack": ("Small", "Large")},
        steps={"pack": (0, 1800)},
        price=(12, 34),
        desc=(
            ("{recipe} {form} food for {life_stage} cats, with taurine for heart and eye health.",),
            ("Small packs are 1.5 kg (dry) or 12 cans; large packs are 4 kg or 24 cans.",),
            ("Refrigerate opened cans and use within 48 hours.",),
        ),
        desc_zh=(
            ("{recipe}{form}，适合{life_stage}，添加牛磺酸，呵护心脏和眼睛健康。",),
            ("小包装为1.5kg（干粮）或12罐；大包装为4kg或24罐。",),
            ("开罐后请冷藏，48小时内吃完。",),
        ),
        zh="{brand} {recipe}{life_stage}猫粮",
        tags=("cat", "cat-food", "pets"),
    ),
    ProductType(
        key="litter",
        label="Cat Litter",
        path="Pet Supplies > Cats > Litter & Boxes",
        count=3,
        brands=("Tidy Cats", "Dr. Elsey's", "Pidan", "Tailwise"),
        titles=("{brand} {kind}, {weight_text}",),
        words={
            "kind": (
                ("Clumping Clay Litter, Unscented", "膨润土结团猫砂"),
                ("Tofu Cat Litter, Flushable", "豆腐猫砂"),
                ("Mixed Tofu & Bentonite Litter", "混合猫砂"),
                ("Self-Cleaning Litter Box", "智能猫砂盆"),
            ),
            "weight_text": ("6 L", "9 kg", "2.4 kg x 3"),
        },
        attrs={"pet": ("Cat",)},
        price=(9, 39),
        desc=(
            ("{kind}: low-dust, clumps fast and locks in odour.",),
            ("Scoop daily and top up to 5-7 cm deep; change completely every 2-3 weeks.",),
        ),
        desc_zh=(
            ("{kind}：低粉尘，结团快，锁住异味。",),
            ("每天铲屎，猫砂保持5-7cm深；每2-3周全部更换一次。",),
        ),
        zh="{brand} {kind} {weight_text}",
        tags=("cat", "litter", "pets"),
    ),
    ProductType(
        key="dog_bed",
        label="Pet Bed",
        path="Pet Supplies > Dogs > Beds & Furniture",
        count=4,
        brands=("Furhaven", "Best Friends by Sheri", "Tailwise", "Cozy Paws"),
        titles=("{brand} {style} Pet Bed, {feature}",),
        words={
            "style": (
                ("Orthopedic Foam", "记忆棉护脊"),
                ("Calming Donut", "甜甜圈安抚"),
                ("Bolster Sofa", "沙发式"),
                ("Elevated Cooling", "离地透气"),
            ),
            "feature": ("Removable Washable Cover", "Non-Slip Bottom", "Waterproof Liner"),
        },
        attrs={
            "pet": ("Dog", "Cat"),
            "material": (
                ("Faux fur and memory foam", "仿皮草与记忆棉"),
                ("Polyester canvas, steel frame", "涤纶帆布与钢架"),
            ),
        },
        variants={"color": ("Grey", "Brown", "Cream", "Navy"), "size": ("S", "M", "L", "XL")},
        steps={"size": (0, 1000, 2000, 3500)},
        price=(25, 79),
        desc=(
            ("A {style} bed in {material} for dogs and cats who love to curl up.",),
            ("Sizes: S up to 9 kg, M up to 18 kg, L up to 32 kg, XL up to 45 kg ({sizes} available).",),
            ("Unzip the cover and machine wash cold; air dry the foam insert.",),
        ),
        desc_zh=(
            ("{style}宠物窝，采用{material}，适合爱蜷着睡的猫狗。",),
            ("尺码：S码9kg以内，M码18kg以内，L码32kg以内，XL码45kg以内（本款可选：{sizes}）。",),
            ("拉开拉链取下外罩，可冷水机洗；海绵内芯请自然晾干。",),
        ),
        zh="{brand} {style}宠物窝",
        tags=("{pet}", "pet-bed", "pets"),
    ),
    ProductType(
        key="leash",
        label="Collar & Leash",
        path="Pet Supplies > Dogs > Collars, Harnesses & Leashes",
        count=4,
        brands=("Ruffwear", "Kurgo", "Wild One", "Tailwise", "Flexi"),
        titles=("{brand} {kind}, {feature}",),
        words={
            "kind": (
                ("No-Pull Dog Harness", "防暴冲胸背"),
                ("Padded Dog Collar", "加厚项圈"),
                ("Retractable Leash, 5 m", "伸缩牵引绳 5米"),
                ("Hands-Free Running Leash", "跑步免手持牵引绳"),
            ),
            "feature": ("Reflective Stitching", "Quick-Release Buckle", "Two Leash Points", "Padded Handle"),
        },
        attrs={
            "pet": ("Dog",),
            "material": (("Recycled nylon webbing, aluminium hardware", "再生尼龙织带与铝合金配件"),),
        },
        variants={"color": ("Black", "Red", "Blue", "Orange", "Sage"), "size": ("XS", "S", "M", "L")},
        price=(15, 49),
        desc=(
            ("{kind} in {material}.",),
            ("Measure the neck or chest girth: XS 30-40 cm, S 40-50 cm, M 50-70 cm, L 70-90 cm (sizes {sizes}).",),
            ("Hand wash with mild soap and air dry.",),
        ),
        desc_zh=(
            ("{kind}，采用{material}。",),
            ("请测量颈围或胸围：XS 30-40cm，S 40-50cm，M 50-70cm，L 70-90cm（可选尺码：{sizes}）。",),
            ("用温和肥皂手洗，自然晾干。",),
        ),
        zh="{brand} {kind}",
        tags=("dog", "leash", "walking", "pets"),
    ),
    ProductType(
        key="pet_toy",
        label="Pet Toy",
        path="Pet Supplies > Toys > Chew & Play Toys",
        count=5,
        brands=("KONG", "Chuckit!", "Petstages", "Cozy Paws", "Tailwise"),
        titles=("{brand} {kind}, {feature}",),
        words={
            "kind": (
                ("Classic Rubber Chew Toy", "经典橡胶啃咬玩具"),
                ("Ball Launcher", "抛球器"),
                ("Feather Wand Cat Toy", "逗猫棒"),
                ("Puzzle Treat Feeder", "漏食益智玩具"),
                ("Squeaky Plush Toy", "发声毛绒玩具"),
                ("Catnip Kicker", "猫薄荷踢踢棒"),
            ),
            "feature": ("For Aggressive Chewers", "Dishwasher Safe", "Pack of 3", "Boredom Buster"),
        },
        attrs={"pet": ("Dog", "Cat")},
        variants={"size": ("S", "M", "L")},
        price=(5, 25),
        desc=(
            ("{kind} that keeps pets busy and active.",),
            ("Supervise play and replace the toy when it shows wear.",),
        ),
        desc_zh=(
            ("{kind}，让宠物玩得专注又活跃。",),
            ("玩耍时请看护，玩具出现磨损请及时更换。",),
        ),
        zh="{brand} {kind}",
        tags=("{pet}", "pet-toy", "pets"),
    ),
    ProductType(
        key="cat_tree",
        label="Cat Tree & Scratcher",
        path="Pet Supplies > Cats > Cat Trees & Scratchers",
        count=3,
        brands=("Frisco", "Catit", "Cozy Paws", "Tailwise"),
        titles=("{brand} {kind}, {height_cm} cm",),
        words={
            "kind": (
                ("Multi-Level Cat Tree with Condo", "多层猫爬架"),
                ("Sisal Scratching Post", "剑麻猫抓柱"),
                ("Cardboard Scratcher Lounge", "瓦楞纸猫抓板"),
            )
        },
        attrs={"height_cm": (45, 86, 150), "pet": ("Cat",), "material": ("Sisal rope, plush, engineered wood",)},
        variants={"color": ("Grey", "Beige", "White")},
        price=(19, 139),
        desc=(
            ("{kind}, {height_cm} cm tall, for healthy claws, stretching and naps.",),
            ("Tools included where assembly is needed; anchor tall cat trees to a wall.",),
        ),
        desc_zh=(
            ("{kind}，高{height_cm}cm，磨爪、伸展、打盹都合适。",),
            ("需组装的款式附带工具；较高的猫爬架请固定在墙上。",),
        ),
        zh="{brand} {kind} {height_cm}厘米",
        tags=("cat", "cat-tree", "pets"),
    ),
    ProductType(
        key="aquarium",
        label="Aquarium",
        path="Pet Supplies > Fish & Aquatics > Aquariums & Filters",
        count=3,
        brands=("Fluval", "Tetra", "Marina"),
        titles=("{brand} {kind}, {volume_l} L",),
        words={
            "kind": (
                ("Glass Aquarium Starter Kit with LED Lid", "玻璃鱼缸套装"),
                ("Nano Aquarium Kit", "桌面小鱼缸"),
                ("Internal Aquarium Filter", "鱼缸内置过滤器"),
            )
        },
        attrs={"volume_l": (20, 38, 75), "pet": ("Fish",)},
        price=(25, 149),
        desc=(
            ("{kind} for tanks up to {volume_l} L with quiet filtration.",),
            ("Cycle the tank for 2-4 weeks before adding fish; rinse filter media in tank water only.",),
        ),
        desc_zh=(
            ("{kind}，适用于{volume_l}L以内的鱼缸，过滤安静。",),
            ("放鱼前先养水2-4周；滤材只能用鱼缸里的水冲洗。",),
        ),
        zh="{brand} {kind} {volume_l}升",
        tags=("fish", "aquarium", "pets"),
    ),
    ProductType(
        key="grooming",
        label="Pet Grooming",
        path="Pet Supplies > Grooming > Brushes & Shampoo",
        count=3,
        brands=("FURminator", "Burt's Bees for Pets", "Hertzko", "Tailwise"),
        titles=("{brand} {kind}",),
        words={
            "kind": (
                ("Deshedding Tool for Long Hair", "长毛脱毛梳"),
                ("Self-Cleaning Slicker Brush", "一键除毛针梳"),
                ("Oatmeal Pet Shampoo, 473 ml", "燕麦宠物沐浴露 473毫升"),
                ("Nail Clippers with Guard", "宠物指甲剪"),
            )
        },
        attrs={"pet": ("Dog", "Cat")},
        price=(8, 39),
        desc=(
            ("{kind} for dogs and cats.",),
            ("Brush 2-3 times a week; bathe no more than once a month unless your vet advises otherwise.",),
        ),
        desc_zh=(
            ("{kind}，猫狗通用。",),
            ("每周梳毛2-3次；除非兽医另有建议，洗澡每月不超过一次。",),
        ),
        zh="{brand} {kind}",
        tags=("{pet}", "grooming", "pets"),
    ),
    ProductType(
        key="pet_bowl",
        label="Bowl & Feeder",
        path="Pet Supplies > Feeding > Bowls & Feeders",
        count=3,
        brands=("PetSafe", "Petlibro", "Tailwise", "Cozy Paws"),
        titles=("{brand} {kind}, {capacity_text}",),
        words={
            "kind": (
                ("Automatic Pet Feeder with Timer", "定时自动喂食器"),
                ("Ceramic Pet Bowl Set of 2", "陶瓷宠物碗两只装"),
                ("Stainless Steel Water Fountain", "不锈钢宠物饮水机"),
                ("Slow Feeder Dog Bowl", "慢食碗"),
            ),
            "capacity_text": ("2 L", "3 L", "4 L"),
        },
        attrs={"pet": ("Dog", "Cat"), "dishwasher_safe": (True,)},
        variants={"color": ("White", "Grey", "Sage")},
        price=(12, 89),
        desc=(
            ("{kind} with a {capacity_text} capacity.",),
            ("Bowls and fountain parts are dishwasher safe (top rack); wipe electronic bases only.",),
        ),
        desc_zh=(
            ("{kind}，容量{capacity_text}。",),
            ("碗和饮水机部件可放入洗碗机（上层）清洗；带电底座只可擦拭。",),
        ),
        zh="{brand} {kind} {capacity_text}",
        tags=("{pet}", "pet-bowl", "pets"),
    ),
)
