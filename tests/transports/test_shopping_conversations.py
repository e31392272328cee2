"""Real shopping conversations against both adapters (python-telegram-bot and aiogram), through the fake Bot API.

WHY: test_conversation.py checks rendering with a tiny test router; here the DEFAULT router (every real skill)
runs over a small seeded catalog with product images, real product search and Q&A over the fake encoder, and
the keyword NLU. Each test is one shopper's conversation as Telegram would carry it (updates over getUpdates,
button presses naming the message they sit on) and asserts on the Bot API calls the bot actually made.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from bot.core.app import ShopBot
from knowledge.encoders.fake import FakeEncoder
from knowledge.search.service import ProductSearch
from store.catalog import upsert_product
from store.demo.groups import load_demo_groups
from store.demo.images import render_product_image
from store.models.orders import OrderStatus, PaymentMethodKind
from store.orders.views import OrderView, list_orders
from tests.helpers.fake_bot_api import ApiCall, FakeBotAPI
from tests.helpers.kb_builders import add_pair, start_qa
from tests.helpers.search_catalog import FIXTURE, product_input, seed_fixture
from tests.helpers.shopping import ShoppingNLU
from tests.helpers.telegram_updates import Updates
from tests.transports.conftest import _USER_IDS, Harness, make_settings, make_transport

STAFF = 4_242
ADDRESS = "Ada Lovelace, 12 Analytical Way, Springfield, 62701, US"
# A small catalog: the mug has a local picture (uploaded), the camping mug a URL (passed through), the rest none.
CATALOG = tuple(p for p in FIXTURE if p.external_id in {"P01", "P02", "P04", "P05", "P09", "P10", "P19"})
IMAGES = {"P01": "images/P01.png", "P02": "https://img.example/p02.jpg"}
SENT = frozenset({"sendMessage", "sendPhoto", "editMessageText", "sendInvoice"})


def body(call: ApiCall) -> str:
    return str(call.get("text") or call.get("caption") or call.get("title") or "")


def buttons(call: ApiCall) -> list[dict[str, Any]]:
    markup = call.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def labels(call: ApiCall) -> list[str]:
    return [b["text"] for b in buttons(call)]


@dataclass
class Shop:
    """One shopper's private chat with the bot over the fake Bot API."""

    h: Harness

    @property
    def api(self) -> FakeBotAPI:
        return self.h.api

    @property
    def u(self) -> Updates:
        return self.h.u

    @property
    def core(self) -> ShopBot:
        return self.h.core

    def mark(self) -> int:
        return len(self.api.calls)

    async def say(self, text: str) -> int:
        """Send a text message; returns the call index its replies start after."""
        since = self.mark()
        await self.h.send(self.u.text(self.h.me, text))
        return since

    async def command(self, name: str, args: str = "") -> int:
        since = self.mark()
        await self.h.send(self.u.command(self.h.me, name, args))
        return since

    async def reply(self, since: int, needle: str, *, methods: frozenset[str] = SENT,
                    chat_id: int | None = None) -> ApiCall:
        """The first call after ``since`` to this chat (or ``chat_id``) whose text/caption contains ``needle``."""
        chat = self.h.me if chat_id is None else chat_id

        def match(c: ApiCall) -> bool:
            return c.method in methods and c.get("chat_id") == chat and needle in body(c)

        return await self.api.wait_for_call(match, since=since)

    def on_screen(self, label: str) -> ApiCall:
        """The latest message in this chat carrying a callback button whose label contains ``label``."""
        for c in reversed(self.api.calls):
            if c.method in SENT and c.get("chat_id") == self.h.me and c.result is not None and any(
                    label in b["text"] and "callback_data" in b for b in buttons(c)):
                return c
        raise AssertionError(f"no button {label!r} on screen; sent: {[(c.method, labels(c)) for c in self.api.calls]}")

    async def press(self, label: str, on: ApiCall | None = None) -> tuple[int, dict[str, Any]]:
        """Press a button as Telegram reports it: a callback query naming the message the button sits on."""
        message = on or self.on_screen(label)
        found = [b["callback_data"] for b in buttons(message) if label in b["text"] and "callback_data" in b]
        assert found, f"no button {label!r} in {labels(message)} ({body(message)[:80]!r})"
        data = found[0]
        since = self.mark()
        update = self.u.callback(self.h.me, data, message_id=int(message.result["message_id"]))
        await self.h.send(update)
        return since, update

    async def answered(self, update: dict[str, Any]) -> ApiCall:
        query_id = update["callback_query"]["id"]
        return await self.api.wait_for_call(
            lambda c: c.method == "answerCallbackQuery" and c.get("callback_query_id") == query_id)

    def count(self, predicate: Callable[[ApiCall], bool]) -> int:
        return sum(1 for c in self.api.calls if predicate(c))

    async def barrier(self) -> None:
        """Everything sent to this chat before is fully handled (one conversation runs in arrival order)."""
        await self.reply(await self.command("help"), "/search")


@pytest.fixture
async def shop(transport_name: str, api: FakeBotAPI, data_dir: Path) -> AsyncIterator[Shop]:
    """The default router with real search and Q&A over the fake encoder, staff ids, demo groups, a FAQ pair."""
    settings = make_settings(data_dir, api, staff_ids=(STAFF,))
    image = settings.media_dir / IMAGES["P01"]
    mug = next(p for p in CATALOG if p.external_id == "P01")
    image.write_bytes(render_product_image({"product_id": "P01", "title": mug.title, "brand": mug.brand,
                                            "category": mug.category, "attributes": {"color": "Red"}}))
    transport = make_transport(transport_name, settings)
    identity = await transport.start()
    encoder = FakeEncoder(dim=256)
    core = ShopBot(settings, transport="telegram", encoder=encoder, nlu=ShoppingNLU(), search=None, qa=None,
                   bot_username=identity.username)
    await core.start()
    try:
        services = core.services
        assert services is not None
        uows = services.uows
        await seed_fixture(uows, CATALOG)
        for p in CATALOG:
            if p.external_id in IMAGES:
                async with uows() as uow:
                    await upsert_product(uow, replace(product_input(p), image_url=IMAGES[p.external_id]))
        await load_demo_groups(uows)
        await add_pair(uows, "Do you ship to Canada?", "Yes, we ship to Canada in 5-8 business days.")
        search = ProductSearch(uows, encoder, settings.index_dir, persist=False)
        await search.start()
        services.search = search  # core.stop() stops it
        services.qa = await start_qa(uows, encoder)
        transport.attach(core)
        await transport.start_polling(poll_timeout=1)
        yield Shop(Harness(transport_name, api, transport, core, Updates(api.bot_id, api.username), settings,
                           next(_USER_IDS)))
    finally:
        await transport.stop()
        await core.stop()


async def add_mug_by_card(s: Shop) -> None:
    since = await s.say("red ceramic coffee mug")
    card = await s.reply(since, "Red Ceramic Coffee Mug", methods=frozenset({"sendPhoto"}))
    since, press = await s.press("Add to cart", on=card)
    await s.answered(press)
    await s.reply(since, "Added 1 ×")


async def checkout_to_payment(s: Shop, method: str) -> int:
    """/cart -> Checkout -> New address -> the address as one message -> confirm -> Standard -> ``method``."""
    await s.reply(await s.command("cart"), "Your cart")
    since, _ = await s.press("Checkout")
    await s.reply(since, "step 1 of 3")
    since, _ = await s.press("New address")
    await s.api.wait_for_call(lambda c: c.method == "answerCallbackQuery", since=since)
    confirm = await s.reply(await s.say(ADDRESS), "Springfield 62701")
    since, _ = await s.press("Use this address", on=confirm)
    shipping = await s.reply(since, "step 2 of 3")
    since, _ = await s.press("Standard", on=shipping)
    summary = await s.reply(since, "Total: $18.98")
    since, _ = await s.press(method, on=summary)
    return since


async def test_search_sends_product_cards_as_photos_with_add_buttons(shop: Shop) -> None:
    s = shop
    since = await s.say("coffee mug")
    summary = await s.reply(since, "Showing 1–", methods=frozenset({"sendMessage"}))
    photos = [c for c in s.api.calls[since:s.api.calls.index(summary)] if c.method == "sendPhoto"]
    assert len(photos) == 2 and "of 2" in summary["text"], [body(c) for c in photos]
    uploaded = next(c for c in photos if "Red Ceramic Coffee Mug" in c["caption"])
    assert uploaded.files["photo"].content == (s.h.settings.media_dir / IMAGES["P01"]).read_bytes()
    assert "$12.99" in uploaded["caption"] and uploaded["parse_mode"] == "HTML"
    by_url = next(c for c in photos if "Blue Enamel Camping Mug" in c["caption"])
    assert by_url["photo"] == IMAGES["P02"] and not by_url.files
    for card in photos:
        assert any("Add to cart" in lbl for lbl in labels(card)) and any("Details" in lbl for lbl in labels(card))
        assert all(b.get("callback_data") for b in buttons(card))
    assert s.api.unknown == []


async def test_add_to_cart_from_the_card_then_the_cart_shows_line_and_total(shop: Shop) -> None:
    s = shop
    since = await s.say("red ceramic coffee mug")
    card = await s.reply(since, "Red Ceramic Coffee Mug", methods=frozenset({"sendPhoto"}))
    since, press = await s.press("Add to cart", on=card)
    answer = await s.answered(press)
    confirm = await s.reply(since, "Added 1 ×")
    assert answer["callback_query_id"] == press["callback_query"]["id"] and not answer.get("show_alert")
    assert "Red Ceramic Coffee Mug" in confirm["text"] and "$12.99" in confirm["text"]
    assert any("Checkout" in lbl for lbl in labels(confirm))
    since, plus = await s.press("➕", on=confirm)  # edits the confirmation in place
    await s.answered(plus)
    edit = await s.reply(since, "2 in your cart", methods=frozenset({"editMessageText"}))
    assert edit["message_id"] == confirm.result["message_id"] and "$25.98" in edit["text"]
    cart = await s.reply(await s.command("cart"), "Your cart")
    assert "1. <b>Red Ceramic Coffee Mug 350 ml</b> (Red)\n   2 × $12.99 = <b>$25.98</b>" in cart["text"]
    assert cart["text"].endswith("<b>Total: $25.98</b>")
    assert any("Checkout" in lbl for lbl in labels(cart)) and any("➕" in lbl for lbl in labels(cart))


async def test_card_checkout_invoice_pre_checkout_and_one_receipt(shop: Shop) -> None:
    s = shop
    await add_mug_by_card(s)
    since = await checkout_to_payment(s, "Card")
    invoice = await s.api.wait_for_call(lambda c: c.method == "sendInvoice", since=since)
    [order] = await orders_of(s)
    assert order.status is OrderStatus.PENDING_PAYMENT
    assert invoice["chat_id"] == s.h.me and invoice["currency"] == "USD" and invoice["title"] == f"Order {order.number}"
    assert invoice["provider_token"] == "284685063:TEST:provider"  # from settings: the core never holds it
    assert invoice["prices"] == [{"label": "Red Ceramic Coffee Mug 350 ml x1", "amount": 1299},
                                 {"label": "Standard delivery", "amount": 599}]
    assert invoice.result["invoice"]["total_amount"] == 1898
    placed = await s.reply(since, "is placed")
    assert order.number in placed["text"] and "Pay with the invoice below" in placed["text"]

    pre = s.u.pre_checkout(s.h.me, invoice["payload"], 1898)
    await s.h.send(pre)
    answer = await s.api.wait_for_call(lambda c: c.method == "answerPreCheckoutQuery")
    assert answer["pre_checkout_query_id"] == pre["pre_checkout_query"]["id"] and answer["ok"] is True

    paid = s.u.successful_payment(s.h.me, invoice["payload"], 1898)
    since = s.mark()
    await s.h.send(paid)
    receipt = await s.reply(since, "Payment received")
    assert "$18.98" in receipt["text"] and "Red Ceramic Coffee Mug" in receipt["text"]
    again = copy.deepcopy(paid)  # Telegram re-delivers the payment: a new update, the same charge
    again["update_id"] = paid["update_id"] + 10_000
    again["message"]["message_id"] += 10_000
    await s.h.send(again)
    await s.barrier()
    assert s.count(lambda c: c.method == "sendMessage" and "Payment received" in c["text"]) == 1
    [order] = await orders_of(s)
    assert order.status is OrderStatus.PAID


async def orders_of(s: Shop) -> list[OrderView]:
    assert s.core.services is not None
    async with s.core.services.uows() as uow:
        return list(await list_orders(uow, s.h.me, limit=10))


async def test_cash_on_delivery_places_the_order_without_an_invoice(shop: Shop) -> None:
    s = shop
    await add_mug_by_card(s)
    since = await checkout_to_payment(s, "Cash on delivery")
    placed = await s.reply(since, "in cash when it arrives")
    assert "is placed" in placed["text"] and "Nothing to pay now: pay $18.98" in placed["text"]
    await s.barrier()
    assert not s.api.calls_to("sendInvoice")
    [order] = await orders_of(s)
    assert order.number in placed["text"] and order.payment_method is PaymentMethodKind.CASH_ON_DELIVERY


async def test_track_after_an_order_shows_status_and_timeline(shop: Shop) -> None:
    s = shop
    await add_mug_by_card(s)
    await s.reply(await checkout_to_payment(s, "Cash on delivery"), "in cash when it arrives")
    [order] = await orders_of(s)
    by_words = await s.reply(await s.say("where is my order"), order.number)
    by_command = await s.reply(await s.command("track"), order.number)
    for tracked in (by_words, by_command):
        text = tracked["text"]
        assert f"<b>Order {order.number}</b> — Cash on delivery" in text  # not "waiting for payment"
        assert "pay $18.98 in cash when it arrives" in text and "Order placed ($18.98)" in text
        assert any("Refresh" in lbl for lbl in labels(tracked))


async def test_question_answered_from_the_knowledge_base_with_its_source(shop: Shop) -> None:
    s = shop
    answer = await s.reply(await s.say("Do you ship to Canada?"), "5-8 business days")
    assert "From our FAQ" in answer["text"] and any("Helpful" in lbl for lbl in labels(answer))


async def test_groups_lists_join_links_as_url_buttons(shop: Shop) -> None:
    s = shop
    listing = await s.reply(await s.command("groups"), "")
    urls = [b.get("url") for b in buttons(listing)]
    assert urls == ["https://t.me/+demoShopDeals", "https://t.me/+demoShopZhCommunity"]
    assert all("callback_data" not in b for b in buttons(listing))


async def test_support_hand_off_tells_the_shopper_and_the_staff_chat(shop: Shop) -> None:
    s = shop
    told = await s.reply(await s.say("I want to talk to a human"), "ticket T1001")
    card = await s.reply(0, "New ticket T1001", chat_id=STAFF)
    assert "Subject: I want to talk to a human" in card["text"] and f"id {s.h.me}" in card["text"]
    assert labels(card) == ["Reply", "Close"] and all(b.get("callback_data") for b in buttons(card))
    prompt = await s.reply(await s.command("support"), "what you need help with")
    opened = await s.reply(await s.say("My parcel is late"), "T1002")
    staff_card = await s.reply(s.api.calls.index(prompt), "New ticket T1002", chat_id=STAFF)
    assert "Subject: My parcel is late" in staff_card["text"]
    assert told["chat_id"] == opened["chat_id"] == s.h.me


async def test_inline_query_answers_products_with_deep_links(shop: Shop) -> None:
    s = shop
    query = s.u.inline_query(s.h.me, "running shoes")
    await s.h.send(query)
    answer = await s.api.wait_for_call(lambda c: c.method == "answerInlineQuery")
    assert answer["inline_query_id"] == query["inline_query"]["id"]
    results = answer["results"]
    assert results and results[0]["title"] == "Men's Running Shoes"
    link = "https://t.me/shop_test_bot?start=p_P05"
    first_urls = [b["url"] for row in results[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert any(url.startswith(link) for url in first_urls)
    assert link in results[0]["input_message_content"]["message_text"]
    # Following the deep link opens the product in the private chat.
    start = first_urls[0].split("?start=", 1)[1]
    opened = await s.reply(await s.command("start", start), "Men&#x27;s Running Shoes")
    assert "$79.99" in body(opened)


async def test_a_shoppers_photo_reaches_the_return_request_as_its_largest_size(shop: Shop) -> None:
    """Photos sent to the bot (evidence for a return) are translated by both libraries into the core's photo
    event: the largest size's file id is kept, the caption joins the reason, and outside a return the shopper
    is told what photos are for."""
    from bot.core.state import Conversation, Pending

    s = shop
    since = s.mark()
    await s.h.send(s.u.photo(s.h.me))
    told = await s.reply(since, "Thanks for the photo")
    assert "return" in told["text"]
    states = s.core.services.states  # type: ignore[union-attr]
    await states.save(s.h.me, s.h.me, Conversation(pending=Pending(kind="ret_photo", data={"order_id": 1})))
    since = s.mark()
    await s.h.send(s.u.photo(s.h.me, caption="the handle is cracked"))
    await s.reply(since, "Photo added")
    state = await states.load(s.h.me, s.h.me)
    assert state.pending is not None and state.pending.data["photos"] == ["AgACAgIAAxkBAAIBlarge"]
    assert "the handle is cracked" in state.pending.data["reason"]
