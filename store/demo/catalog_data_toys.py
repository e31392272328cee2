"""Vocabulary tables for Toys & Games.

Toys carry an ``age_range`` and a small-parts note where relevant, because gift shoppers ask "is this
OK for a 3-year-old?" more than anything else.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="building_set",
        label="Building Set",
        path="Toys & Games > Building Toys > Building Sets",
        count=5,
        brands=("LEGO", "BrickLab", "Brickmill"),
        titles=("{brand} {theme} Building Set, {pieces} Pieces, Ages {age_range}",),
        words={
            "theme": (
                ("City Fire Station", "城市消防局"),
                ("Space Shuttle Explorer", "太空穿梭机"),
                ("Botanical Flower Bouquet", "植物花束"),
                ("Dinosaur Fossil Museum", "恐龙化石博物馆"),
                ("Castle Adventure", "城堡探险"),
                ("Pirate Ship", "海盗船"),
            )
        },
        attrs={
            "pieces": (32, 100, 250, 520, 756),
            "age_range": (
                ("3+", "3岁以上"),
                ("6+", "6岁以上"),
                ("8+", "8岁以上"),
                ("9+", "9岁以上"),
                ("18+", "18岁以上"),
            ),
            "material": ("ABS plastic",),
        },
        price=(14, 129),
        desc=(
            ("A {pieces}-piece {theme} set with step-by-step instructions, for ages {age_range}.",),
            ("Compatible with other bricks of the same system, so it grows with the collection.",),
            ("Contains small parts: not suitable for children under 3.",),
        ),
        desc_zh=(
            ("{theme}积木套装，共{pieces}颗粒，附分步拼搭说明，适合{age_range}。",),
            ("可与同系列其他积木兼容拼搭，收藏越拼越丰富。",),
            ("含小零件：不适合3岁以下儿童。",),
        ),
        zh="{brand} {theme}拼搭积木 {pieces}颗粒",
        tags=("building-toys", "toys", "gift", "kids"),
    ),
    ProductType(
        key="board_game",
        label="Board Game",
        path="Toys & Games > Games > Board Games",
        count=6,
        brands=("Catan Studio",),
        titles=("{model} Board Game by {brand}, {players} Players, Ages {age_range}",),
        models=(
            {
                "brand": "Catan Studio",
                "model": ("Catan", "卡坦岛"),
                "players": "3-4",
                "age_range": ("10+", "10岁以上"),
                "play_time_min": 90,
                "price": 55,
            },
            {
                "brand": "Days of Wonder",
                "model": ("Ticket to Ride", "车票之旅"),
                "players": "2-5",
                "age_range": ("8+", "8岁以上"),
                "play_time_min": 60,
                "price": 54,
            },
            {
                "brand": "Next Move",
                "model": ("Azul", "花砖物语"),
                "players": "2-4",
                "age_range": ("8+", "8岁以上"),
                "play_time_min": 45,
                "price": 39,
            },
            {
                "brand": "Stonemaier",
                "model": ("Wingspan", "展翅翱翔"),
                "players": "1-5",
                "age_range": ("10+", "10岁以上"),
                "play_time_min": 70,
                "price": 65,
            },
            {
                "brand": "Hasbro",
                "model": ("Monopoly Classic", "大富翁经典版"),
                "players": "2-6",
                "age_range": ("8+", "8岁以上"),
                "play_time_min": 120,
                "price": 24,
            },
            {
                "brand": "Z-Man Games",
                "model": ("Pandemic", "瘟疫危机"),
                "players": "2-4",
                "age_range": ("8+", "8岁以上"),
                "play_time_min": 45,
                "price": 44,
            },
        ),
        price=(24, 65),
        desc=(
            ("{model} for {players} players aged {age_range}; a game takes about {play_time_min} minutes.",),
            ("English-language edition with full rules and a quick-start guide.",),
            ("Contains small parts: not for children under 3.",),
        ),
        desc_zh=(
            ("{model}桌游，{players}人游玩，适合{age_range}；每局约{play_time_min}分钟。",),
            ("英文版，附完整规则和快速入门指南。",),
            ("含小零件：不适合3岁以下儿童。",),
        ),
        zh="{brand} {model} 桌游 {players}人",
        tags=("board-game", "games", "family", "gift"),
    ),
    ProductType(
        key="puzzle",
        label="Jigsaw Puzzle",
        path="Toys & Games > Puzzles > Jigsaw Puzzles",
        count=4,
        brands=("Ravensburger", "Galison", "Piecework", "Buffalo Games"),
        titles=("{brand} {theme} Jigsaw Puzzle, {pieces} Pieces",),
        words={
            "theme": (
                ("Mountain Lake at Dawn", "黎明山湖"),
                ("Vintage Bookshop", "复古书店"),
                ("Koi Pond", "锦鲤池"),
                ("Map of the World", "世界地图"),
                ("Cats in the Garden", "花园里的猫"),
            )
        },
        attrs={"pieces": (300, 500, 1000, 1500), "age_range": ("12+",), "material": ("Recycled cardboard",)},
        price=(14, 35),
        desc=(
            ("A {pieces}-piece jigsaw of {theme} with a poster for reference.",),
            ("Precision-cut pieces lock firmly; finished size about 70 x 50 cm for 1000 pieces.",),
        ),
        desc_zh=(
            ("{pieces}片{theme}拼图，附参考海报。",),
            ("精密切割，拼块咬合牢固；1000片款完成尺寸约70×50cm。",),
        ),
        zh="{brand} {theme}拼图 {pieces}片",
        tags=("puzzle", "games", "gift"),
    ),
    ProductType(
        key="plush",
        label="Plush Toy",
        path="Toys & Games > Soft Toys > Plush Animals",
        count=5,
        brands=("Jellycat", "Squishmallows", "Steiff", "Cuddle Cove"),
        titles=("{brand} {animal} Plush Toy, {height_cm} cm",),
        words={
            "animal": (
                ("Bashful Bunny", "害羞兔"),
                ("Panda", "熊猫"),
                ("Dinosaur", "恐龙"),
                ("Teddy Bear", "泰迪熊"),
                ("Octopus", "章鱼"),
                ("Corgi", "柯基"),
                ("Penguin", "企鹅"),
            )
        },
        attrs={"height_cm": (18, 31, 40), "age_range": ("0+",), "material": ("Polyester plush, polyester fibre fill",)},
        variants={"color": ("Cream", "Grey", "Pink", "Sky Blue", "Brown")},
        price=(12, 59),
        desc=(
            ("A super-soft {animal} plush, {height_cm} cm tall, safe from birth.",),
            ("Surface wash with a damp cloth; do not tumble dry.",),
        ),
        desc_zh=(
            ("超柔软{animal}毛绒公仔，高{height_cm}cm，从出生起即可安全使用。",),
            ("用湿布擦拭表面清洁；请勿烘干。",),
        ),
        zh="{brand} {animal}毛绒公仔 {height_cm}厘米",
        tags=("plush", "toys", "baby", "gift"),
    ),
    ProductType(
        key="rc",
        label="Remote Control Toy",
        path="Toys & Games > Remote Control > RC Cars & Drones",
        count=4,
        brands=("Traxxas", "DJI", "Sky Rover", "Hot Wheels"),
        titles=("{brand} {kind}, {feature}, Ages {age_range}",),
        words={
            "kind": (
                ("1:16 RC Monster Truck", "1:16遥控越野车"),
                ("Mini Drone with HD Camera", "航拍小无人机"),
                ("RC Stunt Car", "遥控特技车"),
                ("Off-Road RC Buggy", "遥控越野赛车"),
            ),
            "feature": ("2.4 GHz Remote", "Two Rechargeable Batteries", "30 km/h Top Speed", "One-Key Return"),
        },
        attrs={"age_range": ("8+", "14+"), "battery_life_min": (15, 20, 25)},
        price=(29, 299),
        desc=(
            ("{kind} with about {battery_life_min} minutes of play per charge.",),
            ("Charges over USB in 90 minutes; adult supervision recommended for under-10s.",),
        ),
        desc_zh=(
            ("{kind}，充一次电约可玩{battery_life_min}分钟。",),
            ("USB充电，90分钟充满；10岁以下儿童建议在成人看护下使用。",),
        ),
        zh="{brand} {kind}",
        tags=("rc", "toys", "kids", "gift"),
    ),
    ProductType(
        key="stem",
        label="STEM Kit",
        path="Toys & Games > Learning > STEM Kits",
        count=4,
        brands=("National Geographic", "Thames & Kosmos", "Snap Circuits", "Little Sprout"),
        titles=("{brand} {kit} Kit, Ages {age_range}",),
        words={
            "kit": (
                ("Crystal Growing", "晶体生长"),
                ("Electronics Circuit", "电路实验"),
                ("Coding Robot", "编程机器人"),
                ("Volcano Science", "火山科学"),
                ("Solar System Model", "太阳系模型"),
            )
        },
        attrs={"age_range": (("6+", "6岁以上"), ("8+", "8岁以上"), ("10+", "10岁以上")), "pieces": (30, 60, 120)},
        price=(19, 89),
        desc=(
            ("A hands-on {kit} kit with {pieces} parts and an illustrated guide for ages {age_range}.",),
            ("Experiments take 20-45 minutes; some need adult supervision.",),
        ),
        desc_zh=(
            ("动手实践{kit}套装，含{pieces}个部件和图解指南，适合{age_range}。",),
            ("每个实验需20-45分钟；部分实验需成人看护。",),
        ),
        zh="{brand} {kit} 科学实验套装",
        tags=("stem", "learning", "toys", "kids", "gift"),
    ),
    ProductType(
        key="doll",
        label="Doll or Figure",
        path="Toys & Games > Dolls & Figures > Dolls & Playsets",
        count=4,
        brands=("Barbie", "Calico Critters", "Playmobil", "Cuddle Cove"),
        titles=("{brand} {kind}, Ages {age_range}",),
        words={
            "kind": (
                ("Doll with Travel Accessories", "旅行娃娃套装"),
                ("Cozy Cottage Playset", "小屋过家家套装"),
                ("Rescue Vet Clinic Playset", "宠物医院套装"),
                ("Soft Rag Doll", "布娃娃"),
            )
        },
        attrs={"age_range": (("3+", "3岁以上"), ("4+", "4岁以上")), "material": ("Plastic and fabric",)},
        price=(15, 69),
        desc=(
            ("{kind} with accessories for imaginative play, ages {age_range}.",),
            ("Contains small parts.",),
        ),
        desc_zh=(
            ("{kind}，附带配件，让孩子尽情发挥想象力，适合{age_range}。",),
            ("含小零件。",),
        ),
        zh="{brand} {kind}",
        tags=("doll", "toys", "kids", "gift"),
    ),
    ProductType(
        key="ride_on",
        label="Scooter or Ride-On",
        path="Toys & Games > Outdoor Play > Scooters & Ride-Ons",
        count=3,
        brands=("Micro Kickboard", "Razor", "Strider", "Little Strides"),
        titles=("{brand} {kind}, Ages {age_range}",),
        words={
            "kind": (
                ("3-Wheel Kick Scooter with LED Wheels", "三轮发光滑板车"),
                ("Balance Bike, 12 Inch", "12寸平衡车"),
                ("Foldable Kick Scooter", "折叠滑板车"),
            )
        },
        attrs={"age_range": (("2-5", "2-5岁"), ("3-6", "3-6岁"), ("6-12", "6-12岁")), "max_load_kg": (20, 50, 100)},
        variants={"color": ("Blue", "Pink", "Red", "Green", "Black")},
        price=(49, 159),
        desc=(
            ("{kind} for ages {age_range}, supporting riders up to {max_load_kg} kg.",),
            ("Always ride with a helmet; tool-free assembly in minutes.",),
        ),
        desc_zh=(
            ("{kind}，适合{age_range}儿童，最大承重{max_load_kg}kg。",),
            ("骑行时请务必佩戴头盔；免工具安装，几分钟即可完成。",),
        ),
        zh="{brand} 儿童{kind}",
        tags=("scooter", "outdoor-play", "kids", "gift"),
    ),
    ProductType(
        key="card_game",
        label="Card Game",
        path="Toys & Games > Games > Card Games",
        count=4,
        brands=("Mattel", "Exploding Kittens", "Gamewright", "Next Move"),
        titles=("{model} Card Game by {brand}, {players} Players",),
        models=(
            {"brand": "Mattel", "model": "UNO", "players": "2-10", "age_range": ("7+", "7岁以上"), "price": 7},
            {
                "brand": "Exploding Kittens",
                "model": ("Exploding Kittens Original Edition", "爆炸猫原版"),
                "players": "2-5",
                "age_range": ("7+", "7岁以上"),
                "price": 20,
            },
            {
                "brand": "Gamewright",
                "model": "Sushi Go!",
                "players": "2-5",
                "age_range": ("8+", "8岁以上"),
                "price": 10,
            },
            {
                "brand": "Asmodee",
                "model": ("Dobble", "Dobble嗒宝"),
                "players": "2-8",
                "age_range": ("6+", "6岁以上"),
                "price": 15,
            },
        ),
        price=(7, 25),
        desc=(
            ("A quick card game ({model}) for {players} players aged {age_range}; rounds take 15-20 minutes.",),
            ("Travel-friendly tin or tuck box.",),
        ),
        desc_zh=(
            ("快节奏卡牌游戏（{model}），适合{players}名{age_range}玩家；每局15-20分钟。",),
            ("铁盒或纸盒包装，方便旅行携带。",),
        ),
        zh="{brand} {model} 卡牌游戏 {players}人",
        tags=("card-game", "games", "family", "travel"),
    ),
    ProductType(
        key="art_kit",
        label="Arts & Crafts Kit",
        path="Toys & Games > Arts & Crafts > Drawing & Craft Kits",
        count=4,
        brands=("Crayola", "Melissa & Doug", "Faber-Castell", "Little Sprout"),
        titles=("{brand} {kit}, {pieces} Pieces, Ages {age_range}",),
        words={
            "kit": (
                ("Washable Markers Art Set", "可水洗马克笔套装"),
                ("Watercolour Paint Set", "水彩颜料套装"),
                ("Air-Dry Clay Kit", "超轻黏土套装"),
                ("Friendship Bracelet Maker", "手链编织套装"),
                ("Sketching Pencils Tin", "素描铅笔铁盒"),
            )
        },
        attrs={
            "pieces": (24, 50, 120),
            "age_range": (("3+", "3岁以上"), ("5+", "5岁以上"), ("8+", "8岁以上")),
            "non_toxic": (True,),
        },
        price=(9, 39),
        desc=(
            ("{kit} with {pieces} pieces for ages {age_range}; all materials are non-toxic.",),
            ("Washable formulas come out of most fabrics with soap and warm water.",),
        ),
        desc_zh=(
            ("{kit}，共{pieces}件，适合{age_range}；所有材料均无毒。",),
            ("可水洗配方，沾到大多数衣物上用肥皂和温水即可洗掉。",),
        ),
        zh="{brand} {kit} {pieces}件",
        tags=("arts-and-crafts", "kids", "gift"),
    ),
)
