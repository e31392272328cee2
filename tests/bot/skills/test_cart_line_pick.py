"""Which cart line a typed change means: a colour the line is not in means no line (ask which), not the only one."""

from __future__ import annotations

from bot.core.skills.shopping.cart_line_pick import pick_line
from bot.core.skills.shopping.cart_view import LineInfo
from bot.core.state import Conversation
from nlu.result import IntentScore, ParsedEntity, ParseResult
from store.cart import CartLineView
from store.money import Money


def _line(sku: str, colour: str) -> LineInfo:
    price = Money(13999, "USD")
    view = CartLineView(variant_id=1, sku=sku, title="Saucony Ride 17", attributes={"color": colour, "size": "US 10"},
                        quantity=1, unit_price=price, line_total=price, stock_available=5, image_url=None,
                        is_available=True, on_flash_sale=False)
    return LineInfo(line=view, product_id=1, product_external_id="P1", title="Saucony Ride 17")


def _parse(text: str, colour: str | None) -> ParseResult:
    entities = () if colour is None else (
        ParsedEntity("color", colour, text.lower().index(colour.lower()), text.lower().index(colour.lower())
                     + len(colour)),)
    return ParseResult(text=text, intent=IntentScore("remove_from_cart", 0.95), entities=entities)


def test_a_colour_the_only_line_is_not_in_names_no_line() -> None:
    grey = _line("SAU-GRY-10", "Grey")
    text = "remove the coral ones"
    assert pick_line([grey], Conversation(), text, _parse(text, "Coral")) is None


def test_the_only_line_in_the_colour_named_or_with_no_colour_named_is_meant() -> None:
    grey = _line("SAU-GRY-10", "Grey")
    assert pick_line([grey], Conversation(), "remove the grey ones", _parse("remove the grey ones", "Grey")) is grey
    assert pick_line([grey], Conversation(), "remove it", _parse("remove it", None)) is grey
