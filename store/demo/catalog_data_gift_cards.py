"""Vocabulary tables for Gift Cards.

Digital cards are sold for Telegram Stars (XTR) at the demo shop's fixed rate of 50 Stars per US dollar
of face value and are delivered as a code in the chat; printed cards are paid in USD and shipped free.
The FAQ (knowledge/demo/faq.json) states the same rate, so keep the two in step.
"""

from __future__ import annotations

from store.demo.catalog_spec import ProductType

__all__ = ["SHOP_NAME", "STARS_PER_USD", "TYPES"]

SHOP_NAME = "Lumi Market"
STARS_PER_USD = 50

_VALUES = ("$10", "$25", "$50", "$100")
_STARS = {v: int(v[1:]) * STARS_PER_USD for v in _VALUES}
_PRINTED = {v: int(v[1:]) * 100 for v in _VALUES}
_DIGITAL_DESC = (
    ("A {brand} e-gift card with a {design} design and your personal message, available as {value}.",),
    (
        "Paid with Telegram Stars and delivered instantly in this chat as a code you can forward; it never "
        "expires and can be spent on anything in the shop except other gift cards.",
    ),
)
_DIGITAL_DESC_ZH = (
    ("{brand}电子礼品卡，“{design}”主题卡面，可附上您的个人留言，面值可选{value}。",),
    ("使用Telegram Stars支付，以可转发的兑换码形式在本聊天中即时发送；永久有效，"
     "可购买本店除礼品卡以外的任何商品。",),
)


def _digital(
    key: str, label: str, sub: str, designs: tuple[tuple[str, str], ...], tags: tuple[str, ...]
) -> ProductType:
    return ProductType(
        key=key,
        label=label,
        path=f"Gift Cards > {sub}",
        count=len(designs),
        brands=(SHOP_NAME,),
        titles=("{brand} e-Gift Card: {design}",),
        words={"design": designs},
        attrs={"delivery": ("Instant, in Telegram",), "expires": ("Never",)},
        variants={"value": _VALUES},
        price_by={"value": _STARS},
        price=(500, 5000),
        currency="XTR",
        digital=True,
        desc=_DIGITAL_DESC,
        desc_zh=_DIGITAL_DESC_ZH,
        zh="{brand} 电子礼品卡：{design}",
        tags=tags,
    )


TYPES: tuple[ProductType, ...] = (
    _digital(
        "egift_occasion",
        "e-Gift Card",
        "e-Gift Cards > Occasions",
        (
            ("Happy Birthday", "生日快乐"),
            ("Thank You", "谢谢你"),
            ("Congratulations", "恭喜"),
            ("Just Because", "送你的小心意"),
            ("Wedding Wishes", "新婚快乐"),
        ),
        ("gift-card", "e-gift-card", "gift", "digital"),
    ),
    _digital(
        "egift_holiday",
        "Holiday e-Gift Card",
        "e-Gift Cards > Holidays",
        (
            ("Lunar New Year", "新春快乐"),
            ("Merry Christmas", "圣诞快乐"),
            ("Mother's Day", "母亲节快乐"),
        ),
        ("gift-card", "e-gift-card", "holiday", "digital"),
    ),
    ProductType(
        key="egift_entertainment",
        label="Digital Voucher",
        path="Gift Cards > Brand Gift Cards > Entertainment",
        count=3,
        brands=("PlayVerse",),
        titles=("{brand} {plan}, Digital Code",),
        words={"plan": ()},
        models=(
            {"brand": "PlayVerse", "plan": ("Game Store Credit", "游戏商店充值卡")},
            {"brand": "StreamBox", "plan": ("Premium, 3 Months", "高级会员3个月")},
            {"brand": "Melody+", "plan": ("Music Unlimited, 6 Months", "无限音乐6个月")},
        ),
        attrs={"delivery": ("Instant, in Telegram",), "region": ("United States accounts",)},
        price=(400, 2500),
        currency="XTR",
        digital=True,
        desc=(
            ("A {brand} digital code for {plan}, redeemable on US accounts.",),
            ("Paid with Telegram Stars and delivered instantly in this chat; codes cannot be returned once sent.",),
        ),
        desc_zh=(
            ("{brand}{plan}数字兑换码，限美国账户兑换。",),
            ("使用Telegram Stars支付，在本聊天中即时发送；兑换码一经发出不可退货。",),
        ),
        zh="{brand} {plan} 电子兑换码",
        tags=("gift-card", "gaming", "streaming", "digital"),
    ),
    ProductType(
        key="egift_dining",
        label="Dining e-Gift Card",
        path="Gift Cards > Brand Gift Cards > Dining & Coffee",
        count=2,
        brands=("Bean & Barrel Coffee",),
        titles=("{brand} e-Gift Card, Redeem In Store",),
        models=({"brand": "Bean & Barrel Coffee"}, {"brand": "Noodle House"}),
        attrs={"delivery": ("Instant, in Telegram",), "expires": ("24 months",)},
        variants={"value": ("$10", "$25", "$50")},
        price_by={"value": _STARS},
        price=(500, 2500),
        currency="XTR",
        digital=True,
        desc=(
            ("A {brand} e-gift card for food and drinks at any of their US locations.",),
            ("Paid with Telegram Stars and delivered instantly in this chat; valid for 24 months.",),
        ),
        desc_zh=(
            ("{brand}电子礼品卡，可在其美国任一门店消费餐饮。",),
            ("使用Telegram Stars支付，在本聊天中即时发送；有效期24个月。",),
        ),
        zh="{brand} 电子礼品卡",
        tags=("gift-card", "coffee", "dining", "digital"),
    ),
    ProductType(
        key="printed_card",
        label="Printed Gift Card",
        path="Gift Cards > Printed Gift Cards > Greeting Cards",
        count=3,
        brands=(SHOP_NAME,),
        titles=("{brand} Gift Card in a Greeting Card: {design}",),
        words={
            "design": (
                ("Happy Birthday", "生日快乐"),
                ("With Love", "爱你"),
                ("Happy Holidays", "节日快乐"),
                ("Thank You, Teacher", "谢谢老师"),
            )
        },
        attrs={"delivery": ("Shipped free, standard 3-5 business days",), "expires": ("Never",)},
        variants={"value": _VALUES},
        price_by={"value": _PRINTED},
        price=(10, 100),
        desc=(
            ("A physical {brand} gift card tucked inside a {design} greeting card with an envelope.",),
            ("Shipping is free; the card is activated when it ships and never expires.",),
        ),
        desc_zh=(
            ("实体{brand}礼品卡，装在“{design}”贺卡中，附信封。",),
            ("免运费；礼品卡发货时激活，永久有效。",),
        ),
        zh="{brand} 贺卡礼品卡：{design}",
        tags=("gift-card", "gift", "printed"),
    ),
    ProductType(
        key="gift_box",
        label="Gift Card Gift Box",
        path="Gift Cards > Printed Gift Cards > Gift Boxes",
        count=2,
        brands=(SHOP_NAME,),
        titles=("{brand} Gift Card in a {box}",),
        words={"box": (("Keepsake Tin", "纪念铁盒"), ("Gift Box with Mini Candle", "迷你香薰蜡烛礼盒"))},
        attrs={"delivery": ("Shipped free, standard 3-5 business days",)},
        variants={"value": ("$25", "$50", "$100")},
        price_by={"value": {"$25": 3299, "$50": 5799, "$100": 10799}},
        price=(32, 108),
        desc=(
            (
                "A {brand} gift card presented in a {box}; the price includes the packaging ($7.99 on top of the card "
                "value).",
            ),
            ("Gift-wrapped and shipped free with a handwritten message on request.",),
        ),
        desc_zh=(
            ("{brand}礼品卡，装在{box}中；售价含包装费（在卡面值基础上加$7.99）。",),
            ("礼品包装，免费配送，可应要求附手写留言。",),
        ),
        zh="{brand} 礼品卡 {box}",
        tags=("gift-card", "gift", "printed"),
    ),
    ProductType(
        key="experience",
        label="Experience Voucher",
        path="Gift Cards > Experiences > Experience Vouchers",
        count=3,
        brands=("Lumi Experiences",),
        titles=("{brand} {experience} Voucher",),
        words={
            "experience": (
                ("Spa Day for One", "单人水疗日"),
                ("Cooking Class for Two", "双人烹饪课"),
                ("Coffee Tasting Workshop", "咖啡品鉴工作坊"),
                ("Hot Air Balloon Flight", "热气球飞行"),
            )
        },
        attrs={"expires": ("12 months",), "delivery": ("Printed voucher in a gift wallet, shipped free",)},
        price=(59, 299),
        desc=(
            ("A {experience} voucher redeemable at partner venues in 20 US cities; book online with the code.",),
            ("Valid for 12 months; exchangeable once for another experience of equal value.",),
        ),
        desc_zh=(
            ("{experience}体验券，可在美国20个城市的合作场所兑换；凭兑换码在线预约。",),
            ("有效期12个月；可更换一次等值的其他体验项目。",),
        ),
        zh="{brand} {experience}体验券",
        tags=("experience", "gift", "gift-card"),
    ),
    ProductType(
        key="corporate_pack",
        label="Gift Card Multi-Pack",
        path="Gift Cards > Business Gifts > Multi-Packs",
        count=2,
        brands=(SHOP_NAME,),
        titles=("{brand} Gift Card {pack}",),
        words={"pack": ()},
        models=(
            {"pack": ("5-Pack, $50 Each", "5张装 每张50美元"), "price_minor": 25000},
            {"pack": ("10-Pack, $25 Each", "10张装 每张25美元"), "price_minor": 25000},
        ),
        attrs={"delivery": ("Shipped free, standard 3-5 business days",)},
        price=(250, 250),
        desc=(
            ("A {pack} bundle of printed {brand} gift cards for teams and clients.",),
            ("Each card has its own code and envelope; invoices available on request.",),
        ),
        desc_zh=(
            ("{brand}实体礼品卡套装（{pack}），适合送给团队和客户。",),
            ("每张卡都有独立兑换码和信封；可应要求开具发票。",),
        ),
        zh="{brand} 礼品卡套装 {pack}",
        tags=("gift-card", "business-gift", "printed"),
    ),
)
