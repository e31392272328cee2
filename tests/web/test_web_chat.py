"""The web chat's HTTP API: the page, JSON turns, cookies per shopper, media, and bad input."""

from __future__ import annotations

import aiohttp


def client() -> aiohttp.ClientSession:
    # aiohttp's client ignores cookies from IP hosts unless told otherwise; browsers keep them.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def test_page_and_static_files_are_served(web_chat: str) -> None:
    async with client() as http:
        async with http.get(web_chat + "/") as page:
            assert page.status == 200
            assert "chat.js" in await page.text()
        async with http.get(web_chat + "/static/chat.js") as js:
            assert js.status == 200


async def test_a_turn_returns_replies_and_a_shopper_cookie(web_chat: str) -> None:
    async with client() as http:
        async with http.post(web_chat + "/api/say", json={"text": "/start"}) as res:
            body = await res.json()
            assert res.status == 200
            assert "shopbot_uid" in res.cookies
        first = body["replies"][0]
        assert "Welcome" in first["text"]
        labels = [b["label"] for row in first["buttons"] for b in row]
        assert "🛒 Cart" in labels
        # the same browser keeps its id: a button it was given works for it
        data = next(b["data"] for row in first["buttons"] for b in row if b["label"] == "🛒 Cart")
        async with http.post(web_chat + "/api/press", json={"data": data}) as res:
            assert res.status == 200
            assert "shopbot_uid" not in res.cookies


async def test_another_browser_cannot_press_my_buttons(web_chat: str) -> None:
    async with client() as mine, client() as theirs:
        async with mine.post(web_chat + "/api/say", json={"text": "/language"}) as res:
            data = (await res.json())["replies"][0]["buttons"][0][0]["data"]
        async with theirs.post(web_chat + "/api/press", json={"data": data}) as res:
            replies = (await res.json())["replies"]
        assert "isn't for you" in replies[0]["text"]


async def test_product_images_are_served_from_the_media_dir(web_chat: str) -> None:
    async with client() as http, http.get(web_chat + "/media/images/P0001.png") as res:
        assert res.status == 200
        assert (await res.read())[:8] == b"\x89PNG\r\n\x1a\n"


async def test_bad_requests_are_refused_clearly(web_chat: str) -> None:
    async with client() as http:
        async with http.post(web_chat + "/api/say", data=b"not json") as res:
            assert res.status == 400
        async with http.post(web_chat + "/api/pay", json={"invoice": {"payload": "x"}}) as res:
            assert res.status == 400
