"""Whether a message asks which ways to pay the shop takes ("do you take paypal?", "can i pay with amex",
"what payment methods do you accept", "支持支付宝吗"), and the way to pay it names that the shop does not take.

WHY: "wait do you take paypal?" at the payment step was read as pay and answered "Your order isn't placed yet,
so there is nothing to pay"; the question was never answered. It gets the ways the shop takes (and a plain "no"
for the one named), and the open step is shown again under it.
"""

from __future__ import annotations

import re

from bot.core.followups import asks_something

__all__ = ["asks_which_methods", "unsupported_named"]

# Ways to pay shoppers ask about that the shop does not take (cards go through Telegram Payments; Stars; cash).
_UNSUPPORTED = (
    (re.compile(r"\bpay\s?pal\b", re.I), "PayPal"),
    (re.compile(r"\bvenmo\b", re.I), "Venmo"),
    (re.compile(r"\bzelle\b", re.I), "Zelle"),
    (re.compile(r"\bcash\s?app\b", re.I), "Cash App"),
    (re.compile(r"\bklarna\b", re.I), "Klarna"),
    (re.compile(r"\bafterpay\b", re.I), "Afterpay"),
    (re.compile(r"\b(?:bitcoin|crypto(?:currency)?|btc|eth|usdt)\b", re.I), "crypto"),
    (re.compile(r"\bali\s?pay\b|支付宝", re.I), "Alipay"),
    (re.compile(r"\bwe\s?chat\s?pay\b|微信支付", re.I), "WeChat Pay"),
    (re.compile(r"\b(?:bank|wire) transfer\b|银行转账", re.I), "bank transfer"),
)
_ASKS_METHOD = re.compile(
    r"\b(?:do|does|can|could)\s+(?:you|u|i|we|the shop)\s+(?:take|accept|use|pay\s+(?:with|by|via|using|in))\b|"
    r"\b(?:payment|paying)\s+(?:methods?|options?)\b|\bways?\s+to\s+pay\b|\bhow\s+can\s+i\s+pay\b|"
    r"\bis\s+\w+(?:\s\w+)?\s+accepted\b|\baccept(?:ed)?\b|支持.{0,6}(?:支付|付款)|能用.{0,6}(?:支付|付款)|付款方式|支付方式",
    re.IGNORECASE,
)


def asks_which_methods(text: str) -> bool:
    """A question about the ways to pay (not "pay now", not "why didn't my payment go through")."""
    named = unsupported_named(text) is not None
    if named and re.search(r"[?？]|吗", text):  # "paypal?"
        return True
    return bool(_ASKS_METHOD.search(text)) and (asks_something(text) or named)


def unsupported_named(text: str) -> str | None:
    """The way to pay named that the shop does not take ("PayPal"), if any."""
    return next((name for rx, name in _UNSUPPORTED if rx.search(text)), None)
