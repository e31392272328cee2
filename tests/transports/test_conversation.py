"""The same conversations against both adapters (python-telegram-bot and aiogram), through the fake Bot API."""

from __future__ import annotations

from typing import Any

from tests.transports.conftest import Harness


def keyboard(call: Any) -> list[list[dict[str, Any]]]:
    return list(call["reply_markup"]["inline_keyboard"])


def button_data(call: Any, label_part: str) -> str:
    for row in keyboard(call):
        for b in row:
            if label_part in b["text"]:
                return str(b["callback_data"])
    raise AssertionError(f"no button {label_part!r} in {keyboard(call)}")


async def test_start_up_calls_go_to_the_configured_root(harness: Harness) -> None:
    ME = harness.me
    api = harness.api
    assert api.methods[:3] == ["getMe", "setMyCommands", "setMyCommands"]
    assert "deleteWebhook" in api.methods
    assert set(api.commands) == {"", "zh"}
    english = {c["command"]: c["description"] for c in api.commands[""]}
    chinese = {c["command"]: c["description"] for c in api.commands["zh"]}
    assert list(english) == ["start", "help", "search", "cart", "orders", "track", "ask", "groups", "support",
                             "language", "privacy", "cancel"]
    assert english["cart"] == "Show my cart" and chinese["cart"] == "查看购物车"
    await harness.send(harness.u.command(ME, "help"))
    await api.wait_for("sendMessage")
    assert api.unknown == [] and all(c.token_ok for c in api.calls)
    assert api.get_updates_calls >= 1


async def test_start_and_help_reply_with_menu_buttons(harness: Harness) -> None:
    ME = harness.me
    await harness.send(harness.u.command(ME, "start"), harness.u.command(ME, "help"))
    start, help_ = await harness.api.wait_for("sendMessage", 2)
    assert start["chat_id"] == ME and start["parse_mode"] == "HTML"
    assert "Welcome" in start["text"] and "/search" in help_["text"]
    for call in (start, help_):
        labels = [b["text"] for row in keyboard(call) for b in row]
        assert "🛒 Cart" in labels and all("callback_data" in b for row in keyboard(call) for b in row)


async def test_button_press_is_answered_and_edits_the_message(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_menu"))
    menu = (await api.wait_for("sendMessage"))[0]
    assert keyboard(menu)[0][2] == {"text": "Site", "url": "https://shop.example.com"}
    press = u.callback(ME, button_data(menu, "Edit me"), message_id=1000)
    await harness.send(press)
    answer = (await api.wait_for("answerCallbackQuery"))[0]
    edit = (await api.wait_for("editMessageText"))[0]
    assert answer["callback_query_id"] == press["callback_query"]["id"]
    assert edit["message_id"] == 1000 and edit["chat_id"] == ME and edit["text"] == "Edited <b>text</b>"


async def test_a_refused_edit_becomes_a_new_message(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_menu"))
    menu = (await api.wait_for("sendMessage"))[0]
    api.fail_next("editMessageText", error_code=400, description="Bad Request: message to edit not found")
    await harness.send(u.callback(ME, button_data(menu, "Edit me")))
    sent = await api.wait_for("sendMessage", 2)
    assert sent[1]["text"] == "Edited <b>text</b>"
    assert len(api.calls_to("answerCallbackQuery")) == 1


async def test_a_crashing_skill_still_answers_the_button(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_menu"))
    menu = (await api.wait_for("sendMessage"))[0]
    await harness.send(u.callback(ME, button_data(menu, "Boom")))
    await api.wait_for("answerCallbackQuery")
    apology = (await api.wait_for("sendMessage", 2))[1]
    assert "something went wrong" in apology["text"]


async def test_foreign_or_forged_button_data_is_answered_with_an_alert(harness: Harness) -> None:
    ME = harness.me
    await harness.send(harness.u.callback(ME, "cart~forged"))
    answer = (await harness.api.wait_for("answerCallbackQuery"))[0]
    assert answer["show_alert"] is True and answer["text"]


async def test_language_switch_by_button(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "language"))
    choose = (await api.wait_for("sendMessage"))[0]
    await harness.send(u.callback(ME, button_data(choose, "中文")))
    await api.wait_for("answerCallbackQuery")
    await harness.send(u.command(ME, "help"))
    help_text = (await api.wait_for("sendMessage", 3))[2]["text"]
    assert _has_cjk(help_text) and "shop assistant" not in help_text
    await harness.send(u.command(ME, "language", "en"), u.command(ME, "help"))
    english = [c["text"] for c in (await api.wait_for("sendMessage", 5))[3:]]
    assert english[0] == "Language set to English." and english[1].startswith("I'm your shop assistant")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


async def test_group_messages_need_a_mention_a_reply_or_a_command(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    group = -1001234567890
    await harness.send(
        u.group_text(ME, "hello everyone", chat_id=group),            # ignored (privacy mode)
        u.group_text(ME, "/help@some_other_bot", chat_id=group),      # for another bot: ignored
        u.group_text(ME, "hello", chat_id=group, mention=True),       # @shop_test_bot hello
        u.group_text(ME, "thanks", chat_id=group, reply_to_bot=True),  # a reply to the bot
        u.group_text(ME, f"/help@{api.username}", chat_id=group),     # a command for us
    )
    sent = await api.wait_for("sendMessage", 3)
    await harness.send(u.command(ME, "help"))  # a private message as a barrier: everything before is done
    await api.wait_for("sendMessage", 4)
    group_replies = [c for c in api.calls_to("sendMessage") if c["chat_id"] == group]
    assert len(group_replies) == 3
    assert "Hi" in sent[0]["text"] and "welcome" in sent[1]["text"].lower()
    # in a group the bot quotes the message it answers
    assert all(c.get("reply_parameters", {}).get("message_id") for c in group_replies)


async def test_new_members_reach_the_core(harness: Harness) -> None:
    await harness.send(harness.u.new_chat_members(-1001234567890, [501, 502]))
    welcome = (await harness.api.wait_for("sendMessage"))[0]
    assert welcome["text"] == "Welcome User501, User502" and welcome["chat_id"] == -1001234567890


async def test_a_redelivered_update_gets_no_second_reply(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    first = u.command(ME, "help")
    await harness.send(first)
    await api.wait_for("sendMessage")
    await harness.transport.feed(first)  # Telegram re-delivers (e.g. after a restart)
    await harness.send(dict(first))  # and again through getUpdates
    await harness.send(u.command(ME, "start"))  # barrier
    await api.wait_for("sendMessage", 2)
    texts = [c["text"] for c in api.calls_to("sendMessage")]
    assert len(texts) == 2 and "Welcome" in texts[1]


async def test_invoice_pre_checkout_and_payment(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_invoice"), u.command(ME, "t_stars"))
    card, stars = await api.wait_for("sendInvoice", 2)
    assert card["currency"] == "USD" and card["provider_token"] == "284685063:TEST:provider"
    assert card["prices"] == [{"label": "Aurora mug x2", "amount": 2400}, {"label": "Shipping", "amount": 500}]
    assert card["payload"] == "test:ok:10042" and card["title"] == "Order SB10042"
    assert stars["currency"] == "XTR" and not stars.get("provider_token")
    await harness.send(u.pre_checkout(ME, "test:ok:10042", 2900),
                       u.pre_checkout(ME, "expired:1", 2900),
                       u.pre_checkout(ME, "test:crash", 2900))
    answers = {c["pre_checkout_query_id"]: c for c in await api.wait_for("answerPreCheckoutQuery", 3)}
    assert len(answers) == 3
    oks = sorted((c["ok"], c.get("error_message") or "") for c in answers.values())
    assert oks[2] == (True, "")
    assert (False, "This order has expired.") in oks
    assert any(not ok and "couldn't confirm" in msg for ok, msg in oks)  # a crash still answers, ok=False
    await harness.send(u.successful_payment(ME, "test:ok:10042", 2900))
    sent = await api.wait_for("sendMessage", 2)  # the core's apology for the crash, then the receipt
    assert "something went wrong" in sent[0]["text"]
    assert sent[1]["text"] == "Paid 2900 USD (test:ok:10042)"


async def test_inline_query_results_with_deep_links(harness: Harness) -> None:
    ME = harness.me
    q = harness.u.inline_query(ME, "red shoes")
    await harness.send(q)
    call = (await harness.api.wait_for("answerInlineQuery"))[0]
    assert call["inline_query_id"] == q["inline_query"]["id"] and call["is_personal"] is True
    article, photo = call["results"]
    assert article["type"] == "article" and article["id"] == "P0001"
    assert article["input_message_content"]["parse_mode"] == "HTML"
    assert "red shoes" in article["input_message_content"]["message_text"]
    assert article["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/shop_test_bot?start=p_P0001"
    assert photo["type"] == "photo" and photo["photo_url"].endswith("P0002.jpg")
    assert call["next_offset"] == "2"


async def test_local_photo_is_uploaded_and_url_passed_through(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_photo"), u.command(ME, "t_photo_url"))
    local, remote = await api.wait_for("sendPhoto", 2)
    media = harness.settings.media_dir / "images" / "P0001.png"
    assert local.files["photo"].size == media.stat().st_size and local.files["photo"].content == media.read_bytes()
    assert local["caption"] == "<b>Aurora mug</b> $12.00" and keyboard(local)[0][0]["text"] == "Add"
    assert remote["photo"] == "https://cdn.example.com/p/P0002.jpg" and not remote.files


async def test_a_photo_sent_again_goes_by_file_id_and_a_refused_id_means_one_upload(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_photo"))
    first = (await api.wait_for("sendPhoto"))[0]
    await harness.send(u.command(ME, "t_photo"))
    second = (await api.wait_for("sendPhoto", 2))[1]
    assert first.files["photo"].size > 0
    assert not second.files and second["photo"] == first.result["photo"][-1]["file_id"]
    assert second["caption"] == first["caption"] and keyboard(second)[0][0]["text"] == "Add"
    api.known_file_ids.clear()  # Telegram no longer knows the id: the bot uploads the file again, once
    await harness.send(u.command(ME, "t_photo"))
    refused, again = (await api.wait_for("sendPhoto", 4))[2:]
    assert refused["photo"] == second["photo"] and refused.result is None
    assert again.files["photo"].content == first.files["photo"].content
    await api.wait_for_call(lambda c: c.method == "sendPhoto" and c is again)
    assert [c.result is not None for c in api.calls_to("sendPhoto")] == [True, True, False, True]


async def test_long_caption_and_missing_media_lose_nothing(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_photo_long"))
    photo = (await api.wait_for("sendPhoto"))[0]
    rest = (await api.wait_for("sendMessage"))[0]
    assert len(photo["caption"]) <= 1024 and photo["caption"].startswith("<b>Aurora mug</b>")
    words = (photo["caption"] + " " + rest["text"]).count("dishwasher")
    assert words == 60
    await harness.send(u.command(ME, "t_photo_missing"))
    fallback = (await api.wait_for("sendMessage", 2))[1]
    assert fallback["text"] == "Caption survives"


async def test_album_and_long_text(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    await harness.send(u.command(ME, "t_album"))
    album = (await api.wait_for("sendMediaGroup"))[0]
    assert [m["caption"] for m in album["media"]] == ["one", "two"]
    media = harness.settings.media_dir / "images" / "P0001.png"
    assert [f.content for f in album.files.values()] == [media.read_bytes()]  # the local photo, uploaded
    buttons = (await api.wait_for("sendMessage"))[0]
    assert keyboard(buttons)[0][0]["text"] == "More"
    await harness.send(u.command(ME, "t_long"))
    pieces = (await api.wait_for("sendMessage", 4))[1:]
    assert all(len(p["text"]) <= 4096 for p in pieces)
    assert all(p["text"].startswith("<i>") and p["text"].endswith("</i>") for p in pieces)
    assert [("reply_markup" in p.params) for p in pieces] == [False, False, True]
    assert sum(p["text"].count("word") for p in pieces) == 2000


async def test_a_malformed_update_does_not_wedge_polling(harness: Harness) -> None:
    ME = harness.me
    api, u = harness.api, harness.u
    poison = {"update_id": 1, "message": {"message_id": 1, "text": "no chat, no date"}}
    broken_button = {"update_id": 2, "callback_query": {"id": "cb-broken", "data": "x"}}  # no "from"
    await harness.send(poison, broken_button, u.command(ME, "help"))
    reply = (await api.wait_for("sendMessage"))[0]
    assert reply["chat_id"] == ME
    assert api.pending_updates <= 1  # the offset moved past the bad ones
