"""Vocabulary tables for Office & Stationery.

Furniture states load ratings and warranty, stationery states paper weight and tip size: the specs
people compare when equipping a desk.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["TYPES"]

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="notebook",
        label="Notebook",
        path="Office & Stationery > Paper > Notebooks & Journals",
        count=6,
        brands=("Moleskine", "Leuchtturm1917", "Midori", "Rhodia", "Kokuyo", "Paperline"),
        titles=("{brand} {cover} Notebook, {paper_size}, {ruling}, {pages} Pages",),
        words={"cover": (("Hardcover", "硬面"), ("Softcover", "软面"), ("Linen Cover", "布面"))},
        attrs={
            "paper_size": ("A5", "B5", "A6 Pocket"),
            "ruling": (("Dotted", "点阵"), ("Lined", "横线"), ("Grid", "方格"), ("Blank", "空白")),
            "pages": (192, 240, 251),
            "paper_gsm": (80, 90, 100),
        },
        variants={"color": ("Black", "Navy", "Sage", "Burgundy", "Mustard", "Sky Blue")},
        price=(9, 29),
        desc=(
            ("A {cover} notebook in {paper_size} with {pages} {ruling} pages of {paper_gsm} gsm acid-free paper.",),
            ("Fountain-pen friendly with minimal ghosting; lies flat thanks to the sewn binding.",),
            ("Includes an elastic closure, a ribbon marker and a back pocket.",),
        ),
        desc_zh=(
            ("{paper_size}{cover}笔记本，{pages}页{ruling}内页，{paper_gsm} gsm无酸纸。",),
            ("适合钢笔书写，几乎不透墨；锁线装订，可完全平摊。",),
            ("配有松紧绑带、丝带书签和封底内袋。",),
        ),
        zh="{brand} {paper_size}{cover}笔记本 {pages}页",
        tags=("notebook", "stationery", "journal", "back-to-school"),
    ),
    ProductType(
        key="pen",
        label="Pen",
        path="Office & Stationery > Writing > Pens",
        count=5,
        brands=("Pilot", "Lamy", "Uni-ball", "Zebra", "Muji", "Parker"),
        titles=("{brand} {model} {kind}, {tip_mm} mm, {pack}",),
        words={"kind": (), "pack": (("Single", "单支"), ("Pack of 3", "3支装"), ("Pack of 12", "12支装"))},
        models=(
            {"brand": "Pilot", "model": "G2", "kind": ("Gel Pen", "中性笔")},
            {"brand": "Lamy", "model": "Safari", "kind": ("Fountain Pen", "钢笔")},
            {"brand": "Uni-ball", "model": "Signo 307", "kind": ("Gel Pen", "中性笔")},
            {"brand": "Zebra", "model": "Sarasa Clip", "kind": ("Gel Pen", "中性笔")},
            {"brand": "Parker", "model": "Jotter", "kind": ("Ballpoint Pen", "圆珠笔")},
        ),
        attrs={"tip_mm": (0.38, 0.5, 0.7), "ink_color": ("Black", "Blue", "Assorted")},
        variants={"color": ("Black", "Blue", "Red", "Yellow", "White")},
        price=(3, 39),
        desc=(
            ("{kind} with a {tip_mm} mm tip and quick-drying, smear-resistant ink.",),
            ("Refills are available; fountain pens ship with one blue cartridge.",),
        ),
        desc_zh=(
            ("{tip_mm} mm笔尖{kind}，墨水速干不易晕染。",),
            ("可单独购买替换笔芯；钢笔随附一支蓝色墨囊。",),
        ),
        zh="{brand} {model} {kind} {tip_mm}毫米 {pack}",
        tags=("pen", "stationery", "office"),
    ),
    ProductType(
        key="markers",
        label="Markers & Highlighters",
        path="Office & Stationery > Writing > Markers & Highlighters",
        count=4,
        brands=("Sharpie", "Stabilo", "Tombow", "Zebra", "Paperline"),
        titles=("{brand} {kind}, {count_pcs} Colours",),
        words={
            "kind": (
                ("Pastel Highlighters", "柔和荧光笔"),
                ("Dual Brush Pens", "双头软笔"),
                ("Fine Point Permanent Markers", "细头记号笔"),
                ("Fineliner Pens", "针管笔"),
            )
        },
        attrs={"count_pcs": (6, 10, 24), "non_toxic": (True,)},
        price=(6, 32),
        desc=(
            ("A set of {count_pcs} {kind} for notes, bullet journals and lettering.",),
            ("Water-based, non-toxic ink; cap after use to stop drying out.",),
        ),
        desc_zh=(
            ("{count_pcs}支装{kind}，适合记笔记、子弹笔记和手写字体。",),
            ("水性无毒墨水；用后请盖好笔帽，防止干涸。",),
        ),
        zh="{brand} {kind} {count_pcs}色",
        tags=("markers", "stationery", "journal"),
    ),
    ProductType(
        key="desk_organizer",
        label="Desk Organizer",
        path="Office & Stationery > Desk Accessories > Organizers",
        count=4,
        brands=("Yamazaki", "Poppin", "Deskwell", "Muji"),
        titles=("{brand} {material} {kind}",),
        words={
            "kind": (
                ("Desk Organizer with Drawer", "带抽屉桌面收纳盒"),
                ("Monitor Stand Riser", "显示器增高架"),
                ("Pen Holder Cup", "笔筒"),
                ("Cable Management Box", "理线盒"),
                ("Desk Mat, 80 x 40 cm", "桌垫 80x40厘米"),
            )
        },
        attrs={"material": (("Bamboo", "竹制"), ("Steel", "钢制"), ("Felt", "毛毡"), ("Vegan Leather", "皮革"))},
        variants={"color": ("Black", "White", "Natural", "Grey")},
        price=(12, 59),
        desc=(
            ("A {material} {kind} that keeps the desk tidy.",),
            ("Wipe clean with a dry cloth.",),
        ),
        desc_zh=(
            ("{material}{kind}，让桌面井井有条。",),
            ("用干布擦拭即可。",),
        ),
        zh="{brand} {material}{kind}",
        tags=("desk", "organization", "office"),
    ),
    ProductType(
        key="office_chair",
        label="Office Chair",
        path="Office & Stationery > Office Furniture > Chairs",
        count=4,
        brands=("Herman Miller",),
        titles=("{brand} {model} Ergonomic Office Chair, {feature}",),
        words={"feature": ("Adjustable Lumbar Support", "Breathable Mesh Back", "4D Armrests", "Tilt Lock")},
        models=(
            {"brand": "Herman Miller", "model": "Sayl", "max_load_kg": 159, "warranty_years": 12, "price": 695},
            {"brand": "Steelcase", "model": "Series 1", "max_load_kg": 136, "warranty_years": 12, "price": 495},
            {"brand": "ErgoForm", "model": "Flex Pro", "max_load_kg": 136, "warranty_years": 5, "price": 329},
            {"brand": "Branch", "model": "Ergonomic Chair", "max_load_kg": 125, "warranty_years": 7, "price": 499},
        ),
        attrs={"material": ("Mesh back, foam seat, aluminium base",)},
        variants={"color": ("Black", "Grey", "White", "Navy")},
        price=(329, 695),
        desc=(
            ("An ergonomic chair with adjustable seat height, depth and lumbar support, rated to {max_load_kg} kg.",),
            ("Fits users from about 155 to 193 cm; assembly takes 15 minutes with the included tool.",),
            ("{warranty_years}-year manufacturer warranty. Vacuum the mesh and spot-clean the seat.",),
        ),
        desc_zh=(
            ("人体工学椅，座高、座深和腰托均可调节，承重{max_load_kg} kg。",),
            ("适合身高约155至193 cm的使用者；用随附工具15分钟即可组装完成。",),
            ("享{warranty_years}年厂家保修。网面可用吸尘器清洁，坐垫请局部清洁。",),
        ),
        zh="{brand} {model} 人体工学办公椅",
        tags=("office-chair", "furniture", "office", "work-from-home"),
    ),
    ProductType(
        key="standing_desk",
        label="Standing Desk",
        path="Office & Stationery > Office Furniture > Desks",
        count=3,
        brands=("FlexiSpot", "Uplift", "Deskwell"),
        titles=("{brand} {model} Electric Standing Desk, {top_cm} cm, {feature}",),
        words={"feature": ("Dual Motor", "Memory Presets", "Anti-Collision", "Cable Tray")},
        attrs={
            "model": ("Pro", "Classic", "Rise"),
            "top_cm": (("120 x 60", "120×60"), ("140 x 70", "140×70"), ("160 x 80", "160×80")),
            "height_range_cm": ("62-127", "58-123"),
            "max_load_kg": (100, 125),
            "material": ("Steel frame, laminated top",),
        },
        variants={"color": ("Walnut", "Oak", "White", "Black")},
        price=(299, 699),
        desc=(
            (
                "An electric sit-stand desk with a {top_cm} cm top, height range {height_range_cm} cm "
                "and {max_load_kg} kg capacity.",
            ),
            ("Ships in two boxes; assembly takes about 45 minutes.",),
            ("Wipe the top with a damp cloth; avoid standing hot drinks directly on it.",),
        ),
        desc_zh=(
            ("电动升降桌，桌面{top_cm} cm，升降范围{height_range_cm} cm，承重{max_load_kg} kg。",),
            ("分两箱发货；组装约需45分钟。",),
            ("用湿布擦拭桌面；避免将热饮直接放在桌面上。",),
        ),
        zh="{brand} {model} 电动升降桌 {top_cm}厘米",
        tags=("standing-desk", "furniture", "office", "work-from-home"),
    ),
    ProductType(
        key="laptop_bag",
        label="Laptop Bag",
        path="Office & Stationery > Bags > Laptop Bags & Sleeves",
        count=4,
        brands=("Tomtoc", "Bellroy", "Incase", "Herschel", "Marlow & Finch"),
        titles=("{brand} {kind} for {laptop_in}-inch Laptops, {feature}",),
        words={
            "kind": (("Laptop Sleeve", "电脑内胆包"), ("Laptop Backpack", "电脑双肩包"), ("Messenger Bag", "邮差包")),
            "feature": ("Water Resistant", "Luggage Strap", "360° Protection", "Quick-Access Pocket"),
        },
        attrs={
            "laptop_in": (13, 14, 16),
            "material": (("Recycled polyester", "再生涤纶"), ("Waxed canvas", "油蜡帆布")),
        },
        variants={"color": ("Black", "Grey", "Navy", "Olive")},
        price=(19, 129),
        desc=(
            ("A {kind} in {material} that fits most {laptop_in}-inch laptops, including MacBook Air and Pro.",),
            ("Spot-clean with mild soap; do not machine wash.",),
        ),
        desc_zh=(
            ("{material}{kind}，可容纳大多数{laptop_in}英寸笔记本电脑，包括MacBook Air和Pro。",),
            ("用温和的肥皂局部清洁；请勿机洗。",),
        ),
        zh="{brand} {laptop_in}英寸{kind}",
        tags=("laptop-bag", "office", "travel", "laptop-accessory"),
    ),
    ProductType(
        key="office_electronics",
        label="Office Electronics",
        path="Office & Stationery > Office Electronics > Calculators & Label Makers",
        count=4,
        brands=("Casio", "Brother", "Texas Instruments", "Dymo", "Deli"),
        titles=("{brand} {kind}",),
        words={
            "kind": (
                ("Scientific Calculator, 417 Functions", "科学计算器"),
                ("Label Maker with QWERTY Keyboard", "标签打印机"),
                ("Graphing Calculator", "图形计算器"),
                ("12-Digit Desktop Calculator", "12位台式计算器"),
                ("Thermal Receipt Printer", "热敏打印机"),
            )
        },
        attrs={
            "power": (
                ("Battery", "电池供电"),
                ("Solar and battery", "太阳能与电池双供电"),
                ("USB-C rechargeable", "USB-C充电"),
            )
        },
        price=(12, 129),
        desc=(
            ("{kind}, powered by {power}.",),
            ("Batteries included where needed; one-year manufacturer warranty.",),
        ),
        desc_zh=(
            ("{kind}，{power}。",),
            ("需用电池的型号随附电池；享一年厂家保修。",),
        ),
        zh="{brand} {kind}",
        tags=("office", "calculator", "back-to-school"),
    ),
    ProductType(
        key="planner",
        label="Planner",
        path="Office & Stationery > Paper > Planners & Calendars",
        count=3,
        brands=("Hobonichi", "Papier", "Paperline", "Moleskine"),
        titles=("{brand} {year} {kind}, {paper_size}",),
        words={"kind": (("Weekly Planner", "周计划本"), ("Daily Planner", "日计划本"), ("Wall Calendar", "挂历"))},
        attrs={"year": (2026,), "paper_size": ("A5", "A6", "A3")},
        variants={"color": ("Black", "Blush", "Sage", "Navy")},
        price=(12, 39),
        desc=(
            ("A {year} {kind} (January-December) in {paper_size}, with monthly overviews and notes pages.",),
            ("Printed on smooth 70 gsm paper; holidays for the US and China are marked.",),
        ),
        desc_zh=(
            ("{year}年{kind}（1月至12月），{paper_size}尺寸，含月度总览和笔记页。",),
            ("采用顺滑的70 gsm纸张印刷；标注美国和中国节假日。",),
        ),
        zh="{brand} {year}年{kind}",
        tags=("planner", "stationery", "new-year"),
    ),
    ProductType(
        key="desk_lamp",
        label="Desk Lamp",
        path="Office & Stationery > Desk Accessories > Desk Lamps",
        count=4,
        brands=("BenQ", "Xiaomi", "TaoTronics", "Deskwell", "IKEA"),
        titles=("{brand} {kind}, {wattage}W, {feature}",),
        words={
            "kind": (
                ("LED Desk Lamp", "LED台灯"),
                ("Monitor Light Bar", "屏幕挂灯"),
                ("Architect Swing-Arm Lamp", "摇臂台灯"),
            ),
            "feature": (
                "Dimmable, 5 Colour Temperatures",
                "USB-C Charging Port",
                "Eye-Care, No Flicker",
                "Touch Control",
            ),
        },
        attrs={"wattage": (8, 10, 12), "material": ("Aluminium",)},
        variants={"color": ("Black", "White", "Silver")},
        price=(25, 179),
        desc=(
            ("{kind} drawing {wattage}W, with even, flicker-free light for reading and screen work.",),
            ("Dust with a dry cloth; the LED lasts about 50,000 hours and is not replaceable.",),
        ),
        desc_zh=(
            ("{wattage}W {kind}，光线均匀无频闪，适合阅读和看屏幕工作。",),
            ("用干布除尘；LED光源寿命约50,000小时，不可更换。",),
        ),
        zh="{brand} {kind} {wattage}W",
        tags=("lamp", "desk", "office", "work-from-home"),
    ),
)
