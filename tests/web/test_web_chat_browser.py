"""The web chat in a real headless browser: type a query, see product cards with photos, press "Add to cart",
see the cart. Debian's chromium driven by playwright (its own browser download cannot work here)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _require_browser() -> None:
    missing = [what for what, ok in (("chromium at /usr/bin/chromium", shutil.which(CHROMIUM) is not None),
                                     ("the playwright package", _has_playwright())) if not ok]
    if missing:
        reason = f"browser test needs {' and '.join(missing)} (python3 .ci/bootstrap.py --browser installs it)"
        if os.environ.get("SHOPBOT_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _has_playwright() -> bool:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture
def browser_ok() -> Iterator[None]:
    _require_browser()
    yield


async def test_search_see_cards_add_to_cart_see_cart(browser_ok: None, web_chat: str, tmp_path: Any) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = await browser.new_page()
            page.set_default_timeout(15_000)
            await page.goto(web_chat + "/")
            await page.wait_for_selector(".msg.bot >> text=Welcome")
            await page.fill("#text", "ceramic mug")
            await page.click("#send")
            # product cards: photos that really loaded, and an "Add to cart" button on them
            card_images = page.locator(".msg.bot img")
            await card_images.first.wait_for()
            loaded = await card_images.first.evaluate("img => img.complete && img.naturalWidth > 0")
            assert loaded, "the product photo did not load"
            assert await card_images.count() >= 2
            await page.locator(".row button", has_text="Add to cart").first.click()
            # a product with several options asks which one first: pick the first, as a shopper would
            await page.wait_for_selector(".msg.bot >> text=/added|which option/i")
            last = page.locator(".msg.bot").last
            if "which option" in (await last.inner_text()).lower():
                await last.locator(".row button").first.click()
                await page.wait_for_selector(".msg.bot >> text=/added/i")
            await page.fill("#text", "show my cart")
            await page.click("#send")
            cart = page.locator(".msg.bot").last
            await cart.wait_for()
            await page.wait_for_function(
                "() => [...document.querySelectorAll('.msg.bot')].pop().innerText.match(/total/i)")
            text = await cart.inner_text()
            assert "Total" in text or "total" in text
            await page.screenshot(path=str(tmp_path / "web-chat.png"), full_page=True)
        finally:
            await browser.close()
