"""The shoppers of the end-to-end benchmark: what each simulated user sends next, given the bot's last reply.

WHY scripted sessions and not a flat list of messages: a realistic mix has button presses, and a button press
must carry the callback data of a button the bot really sent to that user (the data is signed per user), and
"add the second one" only means something after a result list. So each shopper walks through sessions of
steps in order; a button step picks its button from the previous step's reply (recorded by the fake Bot API)
and presses it as a callback query on the message that carried it. When the reply has no such button (a search
that found one product has no "Next page"), the step sends its fallback text instead and the miss is counted.

The words are written for this benchmark (shopper phrasing, English and Simplified Chinese) over the demo
catalog and FAQ; they are not taken from any evaluation set. Every run draws the same sequence (fixed seed).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Step", "Shopper", "make_shoppers", "fake_nlu_shoppers", "buttons_of", "pick_button"]


@dataclass(frozen=True)
class Step:
    label: str  # the category the report groups latency by
    text: str = ""  # a message ("/cart" is a command)
    button: str = ""  # press a button of the previous reply: a callback prefix ("pd", "add", "pg"...) or "cq+"/"cq-"
    search: bool = False  # counted in the search latency (runs the search engine), not in the non-search one
    fallback: str = ""  # sent as text when the previous reply has no such button


# -- what shoppers type ---------------------------------------------------------------------------------------
SEARCH_EN = (
    "wireless earbuds under $100", "running shoes for men", "a warm winter jacket", "noise cancelling headphones",
    "cheap phone case", "laptop for students", "dog harness for a small dog", "cotton bed sheets queen size",
    "women's black leggings", "a gift card for a birthday", "coffee beans dark roast", "ergonomic office chair",
    "waterproof hiking shoes", "kids sneakers size 12", "a cozy bathrobe", "smartwatch with gps",
    "bluetooth speaker for the beach", "leather wallet for men", "summer dress with flowers", "a big tote bag",
    "power bank 20000mah", "fast usb c charger", "scented candles", "down comforter", "plush teddy bear",
    "stainless steel water bottle", "espresso machine", "hoodie for men grey", "a red dress for a party",
    "memory foam pillow", "baby sleepsuit", "mechanical keyboard", "4k tv 55 inch", "chew toys for puppies",
)
BARE_EN = (
    "yoga mat", "slippers", "mug", "backpack", "jeans", "sandals", "towels", "notebook", "diapers", "necklace",
    "loafers", "cardigan", "polo shirt", "bath mat", "dog bed", "sneakers", "smartphone", "baskets",
)
FAQ_EN = (
    "what is your return policy?", "how long does shipping take?", "do you ship to Canada?",
    "is shipping free?", "can I pay with cash on delivery?", "how do I change my delivery address?",
    "when will my refund arrive?", "do you have a warranty?", "can I cancel my order?",
    "how do coupons work?",
)
GREET_EN = ("hi", "hello there", "hey!", "good morning")
THANKS_EN = ("thanks!", "thank you so much", "great, thanks")
ORDERS_EN = ("where is my order?", "my orders", "track my order", "/orders")
CART_EN = ("show my cart", "what's in my cart?", "/cart")
HELP_EN = ("/help", "what can you do?", "help")
ADD_REF_EN = ("add the second one", "add the second one to my cart", "I'll take the first one")
DETAIL_REF_EN = ("show me the third one", "tell me more about the first one", "details of the second one")
OUT_OF_SCOPE_EN = ("what's the weather like tomorrow?", "tell me a joke", "who won the football match?")

SEARCH_ZH = ("蓝牙耳机", "跑步鞋", "羽绒服", "手机壳", "咖啡豆", "连衣裙", "保温杯", "狗狗牵引绳", "床单", "双肩包")
FAQ_ZH = ("退货政策是什么？", "运费多少钱？", "多久能送到？", "可以货到付款吗？", "怎么修改收货地址？")


def _session_en(rng: random.Random) -> list[list[Step]]:
    """One English shopping session as units: a unit's button steps need the unit's earlier replies."""
    c = rng.choice
    return [
        [Step("greeting", c(GREET_EN))],
        [Step("search", c(SEARCH_EN), search=True),
         Step("details (button)", button="pd", fallback="tell me more about the first one"),
         Step("add to cart (button)", button="add", fallback="add it to my cart")],
        [Step("search", c(BARE_EN), search=True),
         Step("add by reference", c(ADD_REF_EN))],
        [Step("cart", c(CART_EN)),
         Step("cart +/- (button)", button="cq+", fallback="show my cart"),
         Step("cart +/- (button)", button="cq-", fallback="show my cart")],
        [Step("ask (FAQ)", c(FAQ_EN))],
        [Step("thanks", c(THANKS_EN))],
        [Step("orders / tracking", c(ORDERS_EN))],
        [Step("search", c(SEARCH_EN), search=True),
         Step("next page / more like this (button)", button=c(("pg", "more")), search=True,
              fallback="show me more"),
         Step("details by reference", c(DETAIL_REF_EN))],
        [Step("help", c(HELP_EN))],
        [Step("out of scope", c(OUT_OF_SCOPE_EN))],
    ]


def _session_zh(rng: random.Random) -> list[list[Step]]:
    c = rng.choice
    return [
        [Step("greeting", "你好")],
        [Step("search", c(SEARCH_ZH), search=True),
         Step("details (button)", button="pd", fallback="第一个的详情"),
         Step("add by reference", "把第二个加入购物车")],
        [Step("cart", "我的购物车"),
         Step("cart +/- (button)", button="cq+", fallback="我的购物车")],
        [Step("ask (FAQ)", c(FAQ_ZH))],
        [Step("thanks", "谢谢")],
        [Step("orders / tracking", "我的订单在哪里")],
        [Step("out of scope", "今天天气怎么样")],
    ]


FAKE_NLU_MIX: tuple[Step, ...] = (  # --fake-nlu: the transport + core path, text only (the earlier bench's mix)
    Step("greeting", "hello there"), Step("help", "/help"), Step("start", "/start"), Step("thanks", "thanks a lot"),
    Step("goodbye", "bye"), Step("cart", "show my cart"), Step("orders", "my orders please"),
    Step("search", "red running shoes", search=True), Step("cancel", "/cancel"), Step("unclear", "asdf qwerty"),
)

@dataclass
class Shopper:
    """One simulated user: an endless walk through sessions; at most one update in flight."""

    user_id: int
    language: str
    rng: random.Random
    steps: list[Step] = field(default_factory=list)
    fake_nlu: bool = False
    position: int = 0

    def next_step(self) -> Step:
        while self.position >= len(self.steps):
            self._refill()
        step = self.steps[self.position]
        self.position += 1
        return step

    def skip_to_unit(self, units: int) -> None:
        """Start ``units`` units into the first session, so shoppers cover the whole mix from the start."""
        session = self._units()
        self.steps = [s for unit in session[units % len(session):] for s in unit]

    def _units(self) -> list[list[Step]]:
        if self.fake_nlu:
            return [[s] for s in FAKE_NLU_MIX]
        return _session_zh(self.rng) if self.language.startswith("zh") else _session_en(self.rng)

    def _refill(self) -> None:
        self.steps = [s for unit in self._units() for s in unit]
        self.position = 0


def make_shoppers(count: int, first_user: int, *, zh_share: float = 0.2, seed: int = 6) -> list[Shopper]:
    """``count`` shoppers, ``zh_share`` of them Chinese-speaking, each starting at a different unit."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        language = "zh-hans" if rng.random() < zh_share else "en"
        shopper = Shopper(first_user + i, language, random.Random(rng.random()))
        shopper.skip_to_unit(i)
        out.append(shopper)
    return out


def fake_nlu_shoppers(count: int, first_user: int) -> list[Shopper]:
    out = []
    for i in range(count):
        shopper = Shopper(first_user + i, "en", random.Random(i), fake_nlu=True)
        shopper.skip_to_unit(i)
        out.append(shopper)
    return out


def buttons_of(calls: Sequence[Any]) -> list[tuple[str, int]]:
    """(callback_data, message_id) of every inline button in the recorded replies, in order."""
    found: list[tuple[str, int]] = []
    for call in calls:
        markup = call.get("reply_markup")
        result = call.result
        if not isinstance(markup, dict) or not isinstance(result, dict):
            continue
        for row in markup.get("inline_keyboard") or ():
            for button in row:
                data = button.get("callback_data")
                if isinstance(data, str):
                    found.append((data, int(result.get("message_id", 0))))
    return found


def pick_button(step: Step, buttons: Sequence[tuple[str, int]], rng: random.Random) -> tuple[str, int] | None:
    """The button a shopper would press for ``step``: by callback prefix; "cq+"/"cq-" are the cart's +/-."""
    def body(data: str) -> list[str]:
        return data.rpartition("~")[0].split(":")

    if step.button in ("cq+", "cq-"):
        want = "1" if step.button == "cq+" else "-1"
        matches = [b for b in buttons if body(b[0])[0] == "cq" and body(b[0])[-1] == want]
    elif step.button == "add":  # "add" adds a SKU; "var" asks which option first: both are "Add to cart"
        matches = [b for b in buttons if body(b[0])[0] == "add"] or [b for b in buttons if body(b[0])[0] == "var"]
    else:
        matches = [b for b in buttons if body(b[0])[0] == step.button]
    return rng.choice(matches) if matches else None
