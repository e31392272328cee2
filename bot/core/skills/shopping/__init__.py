"""Shopping skills: search, product details, cart, coupons, promotions, recommendations, inline mode and
deep links. Each module has its own router; ``router`` here composes them for the registry."""

from __future__ import annotations

from bot.core.router import Router
from bot.core.skills.shopping import (
    added_more,
    adding,
    availability,
    bare_product,
    brand_add,
    brand_not_shown,
    buy_in_view,
    cart,
    cart_misread,
    cart_put,
    cart_questions,
    cart_said,
    cart_size_number,
    cart_swap,
    compare,
    compare_named,
    coupons,
    details,
    flash_claim,
    framed_product,
    goes_with,
    inline,
    named_on_screen,
    option_followups,
    picker_typed,
    price_search,
    promotions,
    recommend,
    relative_size,
    search,
    stock_followups,
    which_add,
    which_shown,
)

__all__ = ["router"]

router = Router("shopping").include(
    search.router, details.router, adding.router, cart.router, coupons.router, promotions.router,
    recommend.router, inline.router, named_on_screen.router, option_followups.router, stock_followups.router,
    compare.router, bare_product.router, flash_claim.router, cart_questions.router, picker_typed.router,
    buy_in_view.router,
    cart_said.router, which_shown.router, availability.router, added_more.router, cart_misread.router, cart_swap.router,
    brand_add.router, brand_not_shown.router, cart_put.router, cart_size_number.router, framed_product.router,
    price_search.router, compare_named.router, relative_size.router,
    which_add.router, goes_with.router,
)
