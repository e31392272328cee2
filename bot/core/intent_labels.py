"""Short button labels for intents, shown when the bot asks which one the shopper meant."""

from __future__ import annotations

__all__ = ["LABELS", "N_"]


def N_(message: str) -> str:
    """Mark a string for the translation catalogue; it is translated where it is shown."""
    return message

LABELS: dict[str, str] = {
    "greet": N_("Say hello"),
    "help": N_("Show help"),
    "search_product": N_("Search products"),
    "show_product_details": N_("Product details"),
    "add_to_cart": N_("Add to cart"),
    "view_cart": N_("View my cart"),
    "update_cart": N_("Change quantity"),
    "remove_from_cart": N_("Remove from cart"),
    "apply_coupon": N_("Use a coupon"),
    "checkout": N_("Check out"),
    "recommend": N_("Get recommendations"),
    "list_promotions": N_("See promotions"),
    "join_group": N_("Join our groups"),
    "track_order": N_("Track my order"),
    "order_history": N_("My orders"),
    "modify_order": N_("Change an order"),
    "cancel_order": N_("Cancel an order"),
    "return_or_refund": N_("Return or refund"),
    "get_invoice": N_("Get an invoice"),
    "manage_address": N_("My addresses"),
    "pay": N_("Payment help"),
    "ask_question": N_("Ask a question"),
    "talk_to_human": N_("Talk to a person"),
    "complain": N_("Make a complaint"),
    "give_feedback": N_("Give feedback"),
    "leave_review": N_("Write a review"),
    "my_points": N_("My points"),
    "subscribe": N_("Promotion alerts"),
    "privacy": N_("My data"),
    "thanks": N_("Thanks"),
    "goodbye": N_("Goodbye"),
    "affirm": N_("Yes"),
    "deny": N_("No"),
    "out_of_scope": N_("Something else"),
}
