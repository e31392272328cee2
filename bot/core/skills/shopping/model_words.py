"""Whether a product holds the model a question names, not only some of its numbers.

WHY: the named-product steps take the product holding the most of a question's words, and a number counts as a
word: "how much is the huawei mate 60" (no Huawei in the shop) showed a beard trimmer with a "60-Minute Runtime",
and "how much is the iphone 16" would show the iPhone 15 (it holds "iphone"). A number names a product only as
part of a name the product also holds, and a model number said (a code such as "s25", "8a", "mate60", or a number
right after a name word: "iphone 16", "pixel 9") must be the product's own.
"""

from __future__ import annotations

import re

from bot.core.skills.shopping.named_best import names_of
from bot.core.skills.shopping.named_words import _holds, word_tokens
from store.catalog.views import ProductView

__all__ = ["by_numbers_only", "model_missing", "names_the_model"]

_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[a-z]")


def by_numbers_only(words: str, product: ProductView) -> bool:
    """Whether the only words of ``words`` the product holds are numbers ("60" of "60-Minute Runtime")."""
    names = names_of(product)
    held = [t for t in word_tokens(words) if len(t) >= 2 and _holds(names, t)]
    return bool(held) and all(t.isdigit() for t in held)


def model_missing(words: str, product: ProductView) -> bool:
    """Whether ``words`` say a model number the product's names lack ("iphone 16" of the iPhone 15)."""
    names = names_of(product)
    tokens = word_tokens(words)
    for i, token in enumerate(tokens):
        if not token.isascii() or not _DIGIT.search(token):
            continue
        code = _LETTER.search(token) is not None
        after_name = i > 0 and not _DIGIT.search(tokens[i - 1]) and _holds(names, tokens[i - 1])
        if (code or after_name) and not _holds(names, token):
            return True
    return False


def names_the_model(words: str, product: ProductView) -> bool:
    """Neither by numbers alone nor with another model number: the product may be the one ``words`` name."""
    return not by_numbers_only(words, product) and not model_missing(words, product)
