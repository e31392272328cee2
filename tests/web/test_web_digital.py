"""An e-book bought with Stars in the web chat comes back as a download link to a real file."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

import aiohttp


async def _post(http: aiohttp.ClientSession, url: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    async with http.post(url, json=body) as res:
        assert res.status == 200
        return list((await res.json())["replies"])


def _button(replies: list[dict[str, Any]], label: str) -> str:
    return next(str(b["data"]) for r in replies for row in r["buttons"] for b in row if label in b["label"])


async def test_a_paid_ebook_is_a_download_link_to_its_file(web_chat: str) -> None:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        product = await _post(http, web_chat + "/api/say", {"text": "/start p_P0469"})
        await _post(http, web_chat + "/api/press", {"data": _button(product, "Add to cart")})
        summary = await _post(http, web_chat + "/api/say", {"text": "checkout"})
        placed = await _post(http, web_chat + "/api/press", {"data": _button(summary, "⭐")})
        invoice = next(r["invoice"] for r in placed if r["invoice"])
        assert invoice["currency"] == "XTR"
        paid = await _post(http, web_chat + "/api/pay", {"invoice": invoice})
        documents = [r["document"] for r in paid if r["document"]]
        assert [d["filename"].rsplit(".", 1)[1] for d in documents] == ["epub", "pdf"]
        async with http.get(web_chat + "/media/" + documents[0]["path"]) as res:
            assert res.status == 200
            with zipfile.ZipFile(BytesIO(await res.read())) as book:
                assert book.read("mimetype") == b"application/epub+zip"
        async with http.get(web_chat + "/static/chat.js") as js:
            assert "reply.document" in await js.text()  # the page renders it as a download link
