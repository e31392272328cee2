"""A tiny test router for the transport tests: replies of every kind the adapters must render.

WHY: the transports are tested before (and independently of) the checkout, search and group skills; these
handlers return an Invoice, a Photo, an Album, an Edit, a long Text... so each rendering path is exercised
through the real core (dispatcher, state, dedup). Events (PreCheckout, PaymentSucceeded, MembersJoined,
InlineQuery) are routed here even if a real skill registers them, so the assertions stay about rendering.
"""

from __future__ import annotations

from bot.core.callbacks import CallbackCodec, CallbackPayload
from bot.core.events import Event, InlineQuery, MembersJoined, PaymentSucceeded, PreCheckout
from bot.core.replies import (
    Album,
    Button,
    Edit,
    InlineAnswer,
    InlineResult,
    Invoice,
    InvoicePrice,
    Photo,
    PreCheckoutAnswer,
    Reply,
    Text,
    keyboard,
)
from bot.core.router import Router

__all__ = ["transport_test_router", "MEDIA_FILE", "LONG_CAPTION"]

MEDIA_FILE = "images/P0001.png"
LONG_CAPTION = "<b>Aurora mug</b> " + "dishwasher safe stoneware " * 60


def _commands() -> Router:
    r = Router("transport-test-commands")

    @r.command("t_invoice")
    async def invoice(codec: CallbackCodec, user_id: int) -> Reply:
        return Invoice(title="Order SB10042", description="2 items from our shop", payload="test:ok:10042",
                       currency="USD", prices=(InvoicePrice("Aurora mug x2", 2400), InvoicePrice("Shipping", 500)))

    @r.command("t_stars")
    async def stars() -> Reply:
        return Invoice(title="E-book", description="A digital guide", payload="test:ok:stars", currency="XTR",
                       prices=(InvoicePrice("E-book", 50),))

    @r.command("t_photo")
    async def photo(codec: CallbackCodec, user_id: int) -> Reply:
        return Photo(MEDIA_FILE, caption="<b>Aurora mug</b> $12.00",
                     buttons=keyboard([Button("Add", data=codec.encode(user_id, "tedit"))]))

    @r.command("t_photo_url")
    async def photo_url() -> Reply:
        return Photo("https://cdn.example.com/p/P0002.jpg", caption="Remote photo")

    @r.command("t_photo_long")
    async def photo_long() -> Reply:
        return Photo(MEDIA_FILE, caption=LONG_CAPTION)

    @r.command("t_photo_missing")
    async def photo_missing() -> Reply:
        return Photo("images/missing.png", caption="Caption survives")

    @r.command("t_album")
    async def album(codec: CallbackCodec, user_id: int) -> Reply:
        return Album((Photo(MEDIA_FILE, caption="one"), Photo("https://cdn.example.com/p/2.jpg", caption="two")),
                     buttons=keyboard([Button("More", data=codec.encode(user_id, "tedit"))]))

    @r.command("t_long")
    async def long(codec: CallbackCodec, user_id: int) -> Reply:
        return Text("<i>" + "word " * 2000 + "</i>", buttons=keyboard([Button("Ok", data=codec.encode(user_id,
                                                                                                        "tedit"))]))

    @r.command("t_menu")
    async def menu(codec: CallbackCodec, user_id: int) -> Reply:
        return Text("Pick", buttons=keyboard([Button("Edit me", data=codec.encode(user_id, "tedit")),
                                              Button("Boom", data=codec.encode(user_id, "tboom")),
                                              Button("Site", url="https://shop.example.com")]))

    @r.button("tedit")
    async def edit(payload: CallbackPayload) -> Reply:
        return Edit("Edited <b>text</b>")

    @r.button("tboom")
    async def boom() -> Reply:
        raise RuntimeError("a skill crashed")

    return r


def _events() -> Router:
    r = Router("transport-test-events")

    @r.on_event(PreCheckout)
    async def pre_checkout(event: Event) -> Reply:
        assert isinstance(event, PreCheckout)
        if "crash" in event.payload:
            raise RuntimeError("pre-checkout crashed")
        if event.payload.startswith("test:ok"):
            return PreCheckoutAnswer(ok=True)
        return PreCheckoutAnswer(ok=False, error_message="This order has expired.")

    @r.on_event(PaymentSucceeded)
    async def paid(event: Event) -> Reply:
        assert isinstance(event, PaymentSucceeded)
        return Text(f"Paid {event.total_amount} {event.currency} ({event.payload})")

    @r.on_event(MembersJoined)
    async def joined(event: Event) -> Reply:
        assert isinstance(event, MembersJoined)
        return Text("Welcome " + ", ".join(m.first_name for m in event.members))

    @r.on_event(InlineQuery)
    async def inline(event: Event) -> Reply:
        assert isinstance(event, InlineQuery)
        return InlineAnswer((
            InlineResult("P0001", "Aurora mug", "$12.00", f"<b>Aurora mug</b> for “{event.query}”",
                         deep_link="https://t.me/shop_test_bot?start=p_P0001"),
            InlineResult("P0002", "Red shoes", "$40.00", "<b>Red shoes</b>",
                         thumbnail_url="https://cdn.example.com/p/P0002.jpg",
                         deep_link="https://t.me/shop_test_bot?start=p_P0002"),
        ), next_offset="2")

    return r


def transport_test_router() -> Router:
    from bot.core.skills.registry import build_router

    root = build_router()
    root.include(_commands())
    root.events.update(_events().events)  # override: these tests are about rendering, not the skills
    return root
