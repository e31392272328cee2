"""A question that names the product it is about: "french press how big is it", "惠普那台电池怎么样",
"what about the fitbit, does it have gps", "bodum法压壶多大容量".

WHY: the name was read by nothing. With no determiner ("french press …") or with only one result shown
(focus_by_name needs two) the product stayed unknown, so the message fell to "Sorry, I didn't catch that", to the
off-topic refusal ("我是购物助手，这个问题帮不上忙"), or to the product open before (the coffee beans answered "does
the bodum hold 1 L?"). Here the words of the question that are not asking words are matched to the products on
screen (brand, brand's Chinese name, title words, a phrase of the Chinese title): the one product that holds the
most of them is the one asked about. Only when none on screen holds any is the catalogue searched, and its hit
is taken only when it holds the words. The question is then answered from that product's listing and Q&A.
"""

from __future__ import annotations

import re

from bot.core.followups import asks_something
from bot.core.services import Services
from bot.core.skills.shopping.aspects import ASPECTS, aspect_asked
from bot.core.skills.shopping.model_words import names_the_model
from bot.core.skills.shopping.named_best import held_count
from bot.core.skills.shopping.products import products_named
from bot.core.skills.shopping.targets import leftover_words
from bot.core.state import Conversation
from knowledge.search.models import SearchQuery
from knowledge.text.brands import BRAND_ALIASES
from nlu.result import ParseResult
from store.catalog.views import ProductView

__all__ = ["product_asked_about", "ASKS_UNSURE"]

# Intents a product question is misread as (besides an unsure parse): the off-topic refusal and the Q&A itself,
# which otherwise answers for the product open before.
# "what about the fitbit, does it have gps" was read as show details: its card, not the answer.
ASKS_UNSURE = frozenset({"out_of_scope", "ask_question", "show_product_details", "greet"})
# Asking words that are not a product's name (English leftovers; Chinese phrases around the name).
_ASKING = re.compile(
    r"\b(big|small|large|long|wide|tall|heavy|good|bad|any|does|do|can|will|have|has|had|come|comes|with|much|many|"
    r"which|who|why|when|where|work|works|fit|fits|there|they|their|its|be|was|were|not|no|you|u|ur|about|"
    r"ok|okay|hey|so|hmm|and|or|but|if|should|could|would|really|very|enough|still|also|got)\b|"
    r"怎么样|怎样|如何|好不好|好吗|行不行|多大|多长|多重|多少|几|吗|呢|啊|吧|的|那台|那款|那个|这台|这款|这个|那|这|台|款|"
    r"有没有|有|能|可以|是不是|是|带|用|跟|和|还是",
    re.IGNORECASE)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_DO_YOU_HAVE = re.compile(r"\b(?:do|does)\s+(?:you|u|ya)\s+(?:guys\s+)?(?:have|sell|carry|stock)\b|\bgot any\b|"
                          r"有没有|有卖", re.IGNORECASE)
_THIS = re.compile(r"\b(this|these)\b|这", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(it|this|this one|that one)\b|它|这个|这款", re.IGNORECASE)


def _name_words(text: str, parse: ParseResult | None) -> str:
    """The message without what it asks about and without asking words: what may name a product."""
    for aspect in ASPECTS:
        text = aspect.asked.sub(" ", text)
    words = _ASKING.sub(" ", leftover_words(text, parse, drop_options=True))
    words = re.sub(r"(?<=[a-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[a-z0-9])", " ", words, flags=re.I)
    return " ".join(words.split())  # "bodum法压壶": the brand and the kind are two words


def _brand_said(text: str, product: ProductView) -> bool:
    brand = (product.brand or "").strip().casefold()
    if not brand:
        return False
    said = text.casefold()
    names = [brand, *(a for a, owner in BRAND_ALIASES.items() if owner.casefold() == brand)]
    return any(re.search(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])", said) if n.isascii() else n in said
               for n in names if n)


def _score(text: str, words: str, product: ProductView) -> int:
    """How much of the name the product holds: its brand counts two, each English word or Chinese phrase one."""
    score = 2 * _brand_said(text, product) + held_count(words, product)
    title_zh = (product.title_zh or "").casefold()
    for run in _CJK_RUN.findall(words):
        if run not in (b.casefold() for b in BRAND_ALIASES) and title_zh and _shares_phrase(run, title_zh):
            score += 1
    return score


def _shares_phrase(run: str, title: str) -> bool:
    """Whether a phrase of three characters or more of ``run`` (all of it when shorter) is in the title."""
    size = min(3, len(run))
    return any(run[i:i + size] in title for i in range(len(run) - size + 1))


async def product_asked_about(services: Services, state: Conversation, text: str,
                              parse: ParseResult | None) -> str | None:
    """The SKU of the product a question names, or None when it names none (or several equally)."""
    if not (asks_something(text) or aspect_asked(text) is not None) or _DO_YOU_HAVE.search(text):
        return None  # "do you have french presses?": a search (availability), not a question about one
    words = _name_words(text, parse)
    catalog = services.catalog_words()
    if not words or (catalog is not None and not catalog.may_name(words, text)):
        return None  # no product's names hold any of the words: nothing to load or search (catalog_words)
    refs = state.on_screen()  # their order does not matter: the scores decide, ties by SKU
    loaded = await products_named(services.uows, [*refs, *(s for s in state.seen_results if s not in refs)])
    # (a number alone, or another model's number, names none of them: "huawei mate 60", "iphone 16"; model_words)
    shown = [p for p in loaded[:len(refs)] if p is not None and names_the_model(words, p)]
    scored = sorted(((_score(text, words, p), p.external_id) for p in shown), reverse=True)
    if scored and scored[0][0] > 0:
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None  # two on screen hold the name as well: "which one?" is for the Q&A to ask
        winner = next(p for p in shown if p.external_id == scored[0][1])
        if state.focus_sku and winner.external_id != state.focus_sku and _PRONOUN.search(text) \
                and not _brand_said(text, winner):
            return None  # "does it fit a 15 inch laptop" with a backpack open: "it" is the one open
        return winner.external_id
    earlier = [p for p in loaded[len(refs):] if p is not None and names_the_model(words, p)]
    found: list[ProductView] = []
    seen = _best(text, words, earlier)
    if seen is None and (services.search is None or _THIS.search(text)):
        return None  # "这个面霜spf多少" under mugs: "this" points at the screen, which one is asked there
    if seen is None and services.search is not None:
        hits = (await services.search.search(SearchQuery(text=words[:500], limit=5, language=_lang(text)))).hits
        found = [p for p in await products_named(services.uows, [h.external_id for h in hits])
                 if p is not None and names_the_model(words, p)]
        best = sorted(((_score(text, words, p), i, p.external_id) for i, p in enumerate(found)),
                      key=lambda s: (-s[0], s[1]))
        seen = best[0][2] if best and best[0][0] >= 1 else None  # the first hit that holds the most of the name
    if seen is None:
        return None
    if _PRONOUN.search(text):
        # "does it come with a charger": "it" is the product talked about, the name only what is asked (a
        # charger); a brand said ("the fitbit, does it have gps") names the product.
        product = next((p for p in [*earlier, *found] if p.external_id == seen), None)
        if product is None or not _brand_said(text, product):
            return None
    return seen  # "无印良品那个有什么颜色" after a sort hid the Muji mug: that mug, not another Muji product


def _best(text: str, words: str, products: list[ProductView]) -> str | None:
    """The one product holding the most of the name (and some of it); None on a tie."""
    scored = sorted(((_score(text, words, p), p.external_id) for p in products), reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _lang(text: str) -> str:
    return "zh" if _CJK_RUN.search(text) else "en"
