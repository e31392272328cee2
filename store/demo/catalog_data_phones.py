"""Vocabulary tables for Electronics > Mobile Phones: phones and the accessories that fit them.

Phones carry a ``phone_model`` attribute and cases, screen protectors list the same names in
``compatible_with`` (and both get the same tag), so the recommender finds "a case for the Pixel 8a"
next to the phone itself.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["PHONE_MODELS", "TYPES"]

PHONE_MODELS = (
    "iPhone 15",
    "iPhone 15 Pro",
    "Galaxy A55",
    "Galaxy S24",
    "Pixel 8a",
    "Redmi Note 13 Pro",
    "Nothing Phone (2a)",
    "OnePlus Nord CE4",
)

_CARE_ELECTRONICS = (
    "Wipe clean with a dry microfibre cloth; keep away from water unless stated otherwise.",
    "Clean with a soft, dry cloth and avoid solvents or sprays.",
)

TYPES: tuple[ProductType, ...] = (
    ProductType(
        key="smartphone",
        label="Smartphone",
        path="Electronics > Mobile Phones > Smartphones",
        count=7,
        brands=("Apple",),
        titles=(
            "{brand} {model} Unlocked Smartphone, {screen_size_in}-inch Display, {battery_mah} mAh Battery",
            '{brand} {model} 5G Smartphone, {screen_size_in}" {display} Display, Dual SIM',
        ),
        attrs={"connectivity": ("5G, Wi-Fi 6, Bluetooth 5.3, NFC",), "warranty_months": (12,)},
        variants={"color": (), "storage": ("128GB", "256GB", "512GB")},
        steps={"storage": (0, 10000, 25000)},
        models=(
            {
                "brand": "Apple",
                "model": "iPhone 15",
                "display": "Super Retina XDR OLED",
                "phone_model": "iPhone 15",
                "screen_size_in": 6.1,
                "battery_mah": 3349,
                "price": 799,
                "color": ["Black", "Blue", "Pink", "Green"],
                "storage": ["128GB", "256GB", "512GB"],
            },
            {
                "brand": "Apple",
                "model": "iPhone 15 Pro",
                "display": "ProMotion OLED",
                "phone_model": "iPhone 15 Pro",
                "screen_size_in": 6.1,
                "battery_mah": 3274,
                "price": 999,
                "color": ["Black", "White", "Silver"],
                "storage": ["128GB", "256GB"],
            },
            {
                "brand": "Samsung",
                "model": "Galaxy A55",
                "display": "Super AMOLED",
                "phone_model": "Galaxy A55",
                "screen_size_in": 6.6,
                "battery_mah": 5000,
                "price": 449,
                "color": ["Navy", "Lavender", "Sky Blue"],
                "storage": ["128GB", "256GB"],
            },
            {
                "brand": "Samsung",
                "model": "Galaxy S24",
                "display": "Dynamic AMOLED 2X",
                "phone_model": "Galaxy S24",
                "screen_size_in": 6.2,
                "battery_mah": 4000,
                "price": 799,
                "color": ["Black", "Grey", "Purple", "Yellow"],
                "storage": ["128GB", "256GB"],
            },
            {
                "brand": "Google",
                "model": "Pixel 8a",
                "display": "Actua OLED",
                "phone_model": "Pixel 8a",
                "screen_size_in": 6.1,
                "battery_mah": 4492,
                "price": 499,
                "color": ["Black", "Sky Blue", "Mint", "White"],
                "storage": ["128GB", "256GB"],
            },
            {
                "brand": "Xiaomi",
                "model": "Redmi Note 13 Pro",
                "display": "120Hz AMOLED",
                "phone_model": "Redmi Note 13 Pro",
                "screen_size_in": 6.67,
                "battery_mah": 5100,
                "price": 329,
                "color": ["Black", "Purple", "White"],
                "storage": ["256GB", "512GB"],
            },
            {
                "brand": "Nothing",
                "model": "Phone (2a)",
                "display": "Flexible AMOLED",
                "phone_model": "Nothing Phone (2a)",
                "screen_size_in": 6.7,
                "battery_mah": 5000,
                "price": 349,
                "color": ["Black", "White"],
                "storage": ["128GB", "256GB"],
            },
        ),
        price=(300, 1000),
        desc=(
            (
                "The {model} pairs a {screen_size_in}-inch display with a {battery_mah} mAh battery that lasts a full "
                "day of mixed use.",
            ),
            (
                "It ships unlocked, works with all major carriers and supports 5G, Wi-Fi 6 and NFC payments.",
                "Unlocked for any carrier, with 5G, dual SIM (nano + eSIM) and NFC for contactless payments.",
            ),
            (
                "Comes with a USB-C cable; the charger is sold separately.",
                "In the box: phone, USB-C cable and SIM tool (no charger).",
            ),
            ("Covered by a 12-month manufacturer warranty.",),
        ),
        desc_zh=(
            ("{model}配备{screen_size_in}英寸屏幕和{battery_mah} mAh大电池，日常混合使用可坚持一整天。",),
            (
                "无锁版，支持各大运营商，支持5G、Wi-Fi 6和NFC支付。",
                "无锁版，适用任意运营商，支持5G、双卡（nano + eSIM）和NFC非接触支付。",
            ),
            ("随附USB-C数据线；充电器需另购。", "包装清单：手机、USB-C数据线、取卡针（不含充电器）。"),
            ("享12个月厂家保修。",),
        ),
        zh="{brand} {model} 全网通5G手机 {screen_size_in}英寸屏",
        tags=("smartphone", "{phone_model}", "5g"),
    ),
    ProductType(
        key="phone_case",
        label="Phone Case",
        path="Electronics > Mobile Phones > Cases & Protection",
        count=10,
        brands=("Spigen", "OtterBox", "ESR", "Caseology", "Harbor & Vale", "Tidepool"),
        titles=(
            "{brand} {style} Case for {compatible_with}, {feature}",
            "{brand} {style} Phone Case Compatible with {compatible_with}, {feature}",
        ),
        words={
            "style": (),
            "feature": (
                "Raised Camera Lip",
                "Drop Tested to 3 m",
                "Anti-Yellowing",
                "Wireless Charging Compatible",
                "Built-in Kickstand",
                "Precise Button Cutouts",
            ),
        },
        cycle=("compatible_with",),
        attrs={"compatible_with": PHONE_MODELS},
        models=(
            {"style": ("Slim Liquid Silicone", "液态硅胶"), "material": "Liquid silicone with microfibre lining"},
            {"style": ("Rugged Armor", "防摔铠甲"), "material": "TPU with carbon-fibre texture"},
            {"style": ("Ultra Hybrid Clear", "透明防摔"), "material": "Polycarbonate back with TPU bumper"},
            {"style": ("Vegan Leather Folio", "翻盖皮套"), "material": "Vegan leather (polyurethane) with card slot"},
            {"style": ("Magnetic Ring", "磁吸支架"), "material": "Polycarbonate with built-in magnet ring"},
        ),
        variants={"color": ("Black", "Clear", "Navy", "Sage", "Pink", "Lavender", "Brown")},
        price=(12, 49),
        desc=(
            ("A {style} case made for the {compatible_with}, in {material}.",),
            (
                "Raised edges protect the screen and camera when the phone is laid face down.",
                "Air-cushioned corners absorb the shock of everyday drops.",
            ),
            ("Only fits the {compatible_with}; please check your model before ordering.",),
            _CARE_ELECTRONICS,
        ),
        desc_zh=(
            ("专为{compatible_with}打造的{style}手机壳。",),
            ("凸起的边框在手机正面朝下放置时保护屏幕和镜头。", "四角气囊缓冲，有效吸收日常跌落的冲击。"),
            ("仅适用于{compatible_with}；下单前请确认手机型号。",),
            ("请用干燥的超细纤维布擦拭；除非另有说明，请避免沾水。", "请用柔软的干布清洁，避免使用溶剂或喷雾。"),
        ),
        zh="{brand} {compatible_with} {style}手机壳",
        tags=("phone-case", "{compatible_with}", "phone-accessory"),
    ),
    ProductType(
        key="screen_protector",
        label="Screen Protector",
        path="Electronics > Mobile Phones > Cases & Protection",
        count=6,
        brands=("Spigen", "ESR", "amFilm", "Belkin", "ZAGG"),
        titles=("{brand} Tempered Glass Screen Protector for {compatible_with}, {pack}-Pack, {feature}",),
        words={"feature": ("Easy Install Frame", "9H Hardness", "Case Friendly", "Privacy Tint"), "pack": ("2", "3")},
        cycle=("compatible_with",),
        attrs={"compatible_with": PHONE_MODELS, "material": ("Tempered glass",)},
        price=(8, 25),
        desc=(
            ("{pack} sheets of 9H tempered glass cut precisely for the {compatible_with}.",),
            ("The included alignment frame makes a bubble-free install in under a minute.",),
            ("Works with most cases and keeps the fingerprint sensor and Face ID fully responsive.",),
        ),
        desc_zh=(
            ("{pack}片装9H钢化玻璃膜，为{compatible_with}精准裁切。",),
            ("随附贴膜定位框，不到一分钟即可无气泡贴好。",),
            ("兼容大多数手机壳，不影响指纹识别和面容ID的灵敏度。",),
        ),
        zh="{brand} {compatible_with} 钢化膜 {pack}片装",
        tags=("screen-protector", "{compatible_with}", "phone-accessory"),
    ),
    ProductType(
        key="charger",
        label="USB-C Charger",
        path="Electronics > Mobile Phones > Chargers & Cables",
        count=7,
        brands=("Anker", "Ugreen", "Belkin", "Baseus", "Voltstream"),
        titles=(
            "{brand} {wattage}W USB-C Charger, {ports}-Port GaN Fast Charger",
            "{brand} {wattage}W GaN Wall Charger with {ports} Ports, Foldable Plug",
        ),
        attrs={
            "wattage": (20, 30, 45, 65, 100),
            "ports": (1, 2, 3),
            "connectivity": ("USB-C PD 3.0",),
            "material": ("Fire-resistant polycarbonate",),
        },
        variants={"color": ("Black", "White")},
        price=(15, 69),
        desc=(
            ("A compact {wattage}W gallium-nitride charger with {ports} USB-C port(s) and a foldable US plug.",),
            (
                "Charges phones, tablets and USB-C laptops; power is shared smartly when several devices are "
                "connected.",
                "Fast-charges an iPhone 15 or Galaxy S24 to about 50% in 30 minutes.",
            ),
            ("Cable not included.", "Includes over-heat and over-current protection."),
        ),
        desc_zh=(
            ("小巧的{wattage}W氮化镓充电器，{ports}个USB-C接口，美规插脚可折叠。",),
            (
                "可为手机、平板和USB-C笔记本电脑充电；多台设备同时连接时智能分配功率。",
                "30分钟可将iPhone 15或Galaxy S24快充至约50%。",
            ),
            ("不含数据线。", "具备过热和过流保护。"),
        ),
        zh="{brand} {wattage}W 氮化镓快充充电器 {ports}口",
        tags=("charger", "usb-c", "phone-accessory", "laptop-accessory"),
    ),
    ProductType(
        key="cable",
        label="Charging Cable",
        path="Electronics > Mobile Phones > Chargers & Cables",
        count=4,
        brands=("Anker", "Ugreen", "Belkin", "Voltstream"),
        titles=("{brand} USB-C to {end} Cable, {wattage}W, Braided Nylon, {length} m",),
        words={"end": (("USB-C", "双头USB-C"), ("Lightning", "USB-C转Lightning"))},
        attrs={"wattage": (60, 100, 240), "length": (1, 2), "material": ("Braided nylon",)},
        variants={"color": ("Black", "White", "Grey")},
        price=(8, 22),
        desc=(
            ("A {length} m braided nylon cable rated for {wattage}W and tested to 25,000 bends.",),
            ("Handles fast charging and data transfer up to 480 Mbps.",),
        ),
        desc_zh=(
            ("{length} m尼龙编织数据线，支持{wattage}W，经25,000次弯折测试。",),
            ("支持快充，数据传输速率最高480 Mbps。",),
        ),
        zh="{brand} {end}快充编织数据线 {wattage}W {length}米",
        tags=("cable", "usb-c", "phone-accessory"),
    ),
    ProductType(
        key="power_bank",
        label="Power Bank",
        path="Electronics > Mobile Phones > Power Banks",
        count=4,
        brands=("Anker", "Baseus", "Xiaomi", "Voltstream"),
        titles=("{brand} {capacity_mah} mAh Power Bank, {wattage}W USB-C Fast Charging, {feature}",),
        words={"feature": ("Slim Design", "LED Display", "Built-in Cable", "Airline Approved")},
        attrs={"capacity_mah": (10000, 20000), "wattage": (20, 30, 65), "connectivity": ("USB-C, USB-A",)},
        variants={"color": ("Black", "White", "Blue")},
        price=(19, 59),
        desc=(
            ("A {capacity_mah} mAh portable battery that outputs up to {wattage}W over USB-C.",),
            ("Carry-on friendly (under 100 Wh) and recharges itself in about 3 hours.",),
            ("Charge it every 3 months if stored, and avoid leaving it in a hot car.",),
        ),
        desc_zh=(
            ("{capacity_mah} mAh移动电源，USB-C输出最高{wattage}W。",),
            ("可随身带上飞机（低于100 Wh），自身约3小时即可充满。",),
            ("长期存放时请每3个月充一次电，避免放在高温的车内。",),
        ),
        zh="{brand} {capacity_mah}毫安 充电宝",
        tags=("power-bank", "travel", "phone-accessory"),
    ),
)
