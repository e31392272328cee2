"""The few words the Telegram adapters say on their own, in English and Chinese.

WHY not gettext: these are protocol fallbacks (a pre-checkout the core could not confirm, the Pay button an
invoice keyboard must start with, the deep-link button under an inline result), not conversation; keeping them
here means the adapters never depend on a catalogue entry someone else maintains.
"""

from __future__ import annotations

from bot.i18n import pick_language

__all__ = ["transport_text"]

_TEXTS: dict[str, dict[str, str]] = {
    "checkout_unavailable": {
        "en": "Sorry, we couldn't confirm this order right now. You were not charged; please try again.",
        "zh": "抱歉，暂时无法确认此订单。您没有被扣款，请稍后再试。",
    },
    "pay": {"en": "💳 Pay", "zh": "💳 支付"},
    "open_in_bot": {"en": "🛒 Open in the shop", "zh": "🛒 在商店中打开"},
    "more_above": {"en": "⬆️", "zh": "⬆️"},
}


def transport_text(key: str, language_code: str | None) -> str:
    return _TEXTS[key][pick_language(language_code)]
