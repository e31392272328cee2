"""Short button labels for intents, shown when the bot asks which one the shopper meant."""

from __future__ import annotations

__all__ = ["LABELS"]

LABELS: dict[str, str] = {
    "greet": "Say hello",
    "help": "Show help",
    "search_product": "Search products",
    "show_product_details": "Product details",
    "add_to_cart": "Add to cart",
    "view_cart": "View my cart",
    "update_cart": "Change quantity",
    "remove_from_cart": "Remove from cart",
    "apply_coupon": "Use a coupon",
    "checkout": "Check out",
    "recommend": "Get recommendations",
    "list_promotions": "See promotions",
    "join_group": "Join our groups",
    "track_order": "Track my order",
    "order_history": "My orders",
    "modify_order": "Change an order",
    "cancel_order": "Cancel an order",
    "return_or_refund": "Return or refund",
    "get_invoice": "Get an invoice",
    "manage_address": "My addresses",
    "pay": "Payment help",
    "ask_question": "Ask a question",
    "talk_to_human": "Talk to a person",
    "complain": "Make a complaint",
    "give_feedback": "Give feedback",
    "leave_review": "Write a review",
    "my_points": "My points",
    "subscribe": "Promotion alerts",
    "privacy": "My data",
    "thanks": "Thanks",
    "goodbye": "Goodbye",
    "affirm": "Yes",
    "deny": "No",
    "out_of_scope": "Something else",
}
