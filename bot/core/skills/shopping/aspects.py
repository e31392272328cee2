"""What a shopper asks about a product, tied to where the listing says it: "battery", "续航" are the battery-life
attributes; "lighter", "最轻" the weight; "waterproof", "防水" the water rating; "durable", "耐用" the sentences of
the description about how it is made.

WHY: follow-up questions about the products shown ("which has better battery", "第二个耐用吗", "is the second
one good for running?") were read as new searches ("battery" listed a phone and a label maker) or sent to the
Q&A, which answered with a sentence of another topic (the ear tips for "durable", the title for "running"). The
listing usually does say: an attribute, a figure in the title, or a sentence of the description. An ``Aspect``
links the shopper's words to those, so an answer can name the figure or say honestly that the listing is silent.
"""

from __future__ import annotations

import re

from bot.core.intent_labels import N_
from bot.core.skills.shopping.aspect_types import Aspect, Figure, measure, rx
from knowledge.text.units import GRAMS
from store.catalog.views import ProductView

__all__ = ["Aspect", "Figure", "aspect_asked", "figure_of", "flag_of", "sentences", "sentences_about",
           "description_sentences", "wants_less"]


# First match wins: the specific before the general ("lasts longest on a charge" is battery, not durability).
ASPECTS: tuple[Aspect, ...] = (
    Aspect(N_("price"), rx(r"\b(cheap\w*|expensive|pricey|pricier|priciest|afford\w*|price[ds]?|costs?)\b|"
                            r"便宜|贵|价格|价钱|实惠|划算"), "price",
           most=N_("Most expensive"), least=N_("Cheapest"), more_is_better=False),
    Aspect(N_("rating"), rx(r"\b(rated|ratings?|reviews?|stars?)\b|评分|评价|口碑|好评"), "rating",
           most=N_("Best rated"), least=N_("Lowest rated")),
    Aspect(N_("sales"), rx(r"\b(popular|best[- ]?sell\w*|sells?|sold)\b|销量|畅销|卖得|最火|人气|受欢迎|"
                            r"热门"), "sales",
           most=N_("Best selling"), least=N_("Least sold")),
    Aspect(N_("battery life"), rx(r"\bbatter(y|ies)\b|\b(on|per|a|one|full|single) charge\b|\bruntime\b|"
                                   r"\bplay ?time\b|续航|电池|电量|待机|充一次|充满"), "number",
           ("battery_life_h", "battery_life_days", "battery_life_min", "runtime_min", "play_time_min", "battery_mah",
            "capacity_mah"),
           rx(r"batter|hours? of|per charge|charges|\bmah\b|续航|电池"),
           rx(r"(\d[\d,]*(?:\.\d+)?)\s*(mah|hours?|hrs?|h)\b"),
           most=N_("Longest battery life"), least=N_("Shortest battery life")),
    Aspect(N_("weight"), rx(r"\b(lighter|lightest|lightweight|light enough|(?:is|are|so|very|too|how) light|"
                             r"heavy|heavier|heaviest|weighs?|weight)\b|"
                             r"轻|重量|多重|最重|更重|比较重|重不重|分量"), "number",
           ("weight_g", "weight_kg"), rx(rf"\bweigh|\blight(weight)?\b|\bheavy\b|{GRAMS}|重量|克"),
           rx(GRAMS),  # "5G" is the network, not 5 g (knowledge/text/units.py)
           most=N_("Heaviest"), least=N_("Lightest"), more_is_better=False),
    Aspect(N_("water resistance"), rx(r"\bwater\s*-?\s*(proof|resistant|resistance)\b|\bwaterproof\b|\bswim\w*|"
                                       r"\bshower\w*|\brain\b|\bsplash\w*|\bipx?\d*\b|防水|防泼|下水|游泳|淋雨|进水"),
           "number", ("ipx", "waterproof_rating"),
           rx(r"water|\bipx?\d|splash|submerge|\brain|swim|sweat|防水"), rx(r"\b(ipx?)(\d)(\d)?\b"),
           most=N_("Most water-resistant"), least=N_("Least water-resistant")),
    Aspect(N_("noise cancelling"), rx(r"\bnoise[- ]?cancel\w*|\banc\b|降噪"), "flag", ("noise_cancelling",),
           rx(r"noise[- ]cancel\w*|\banc\b|降噪")),
    Aspect(N_("storage"), rx(r"\bstorage\b|\bgb\b|\btb\b|存储|内存|储存"), "number",
           ("storage", "storage_gb", "ram_gb"),
           rx(r"storage|\d\s*(gb|tb)\b"), rx(r"(\d+)\s*(gb|tb)\b"),
           most=N_("Most storage"), least=N_("Least storage")),
    Aspect(N_("screen size"), rx(r"\bscreens?\b|\bdisplays?\b|屏幕|屏"), "number", ("screen_size_in",),
           rx(r"screen|display|inch"), rx(r"(\d+(?:\.\d+)?)[- ]?(inch)"),
           most=N_("Biggest screen"), least=N_("Smallest screen")),
    # "what age is it for", "how old do you have to be", "适合几岁", "多大的孩子能玩": a toy's age range ("Ages 8+" in
    # its title answered as a quote of the title). Before capacity, whose 多大 would take "多大的孩子".
    Aspect(N_("age range"), rx(r"\bwhat\s+ages?\b|\bage\s+(?:range|group|rating)\b|\bhow\s+old\b|\bage\s+is\s+it\b|"
                                r"\bages?\s+(?:is|are)\s+(?:it|they|this|these)\b|\b(?:years?|yrs?)[- ]old\b|"
                                r"适合几岁|几岁|多大的?(?:孩子|小孩|宝宝|儿童)|年龄"), "number", ("age_range",),
           rx(r"\bages?\b|\d\s*\+|岁"), rx(r"\bages?\s+(\d{1,2})\s*(\+?)"),
           most=N_("For the oldest"), least=N_("For the youngest")),
    Aspect(N_("capacity"), rx(r"\bcapacity\b|\bvolume\b|\bholds?\b|\b(biggest|largest|bigger|larger)\b|"
                               r"\bhow\s+(?:big|large)\b|\b(?:for|serves?|fits?)\s+\d+\s+(?:people|ppl|persons?|cups)\b|"
                               r"\bhow\s+many\s+(?:cups|people|ppl)\b|容量|多大|"
                               r"最大|装多少|几升|多少毫升"), "number",
           ("capacity_ml", "volume_ml", "capacity_l", "volume_l", "capacity_mah", "capacity_people"),
           rx(r"capacity|holds|\d\s*(ml|l)\b|容量"), rx(r"(\d+(?:\.\d+)?)\s*(ml|l)\b"),
           most=N_("Largest capacity"), least=N_("Smallest capacity")),
    Aspect(N_("shelf life"), rx(r"\bbest[- ]before\b|\bexpir\w*|\bshelf[- ]?life\b|\buse[- ]by\b|"
                                 r"\bgo(?:es)?\s+(?:bad|off|stale)\b|保质期|过期|有效期"), "number",
           ("best_before_months", "best_before_days", "shelf_life_months", "shelf_life_days"),
           rx(r"best before|shelf life|expir|use by|保质期"), rx(r"(\d+)\s*(months?|days?)\b"),
           most=N_("Longest shelf life"), least=N_("Shortest shelf life")),
    Aspect(N_("warranty"), rx(r"\bwarrant(y|ies)\b|\bguarantee\b|保修|质保"), "number",
           ("warranty_months", "warranty_years"), rx(r"warrant|guarantee"),
           most=N_("Longest warranty"), least=N_("Shortest warranty")),
    Aspect(N_("power"), rx(r"\bpower(ful)?\b|\bwatts?\b|\bwattage\b|功率"), "number", ("wattage",),
           rx(r"\d\s*w\b|watt"), rx(r"(\d+)\s*(w)\b"), most=N_("Most powerful"), least=N_("Least powerful")),
    # One measurement named ("这个多高", "how thick is it"): only that one answers -- a yoga mat's thickness was its
    # "height" -- and a listing without it says so. The figure in a text must say which it is ("40 cm tall").
    measure(N_("height"), r"tall|high", r"height", r"多高|高度|有多高", ("height_cm", "height_range_cm"), r"tall|high",
             N_("Tallest"), N_("Shortest")),
    measure(N_("width"), r"wide|broad", r"width", r"多宽|宽度", ("width_cm",), r"wide", N_("Widest"), N_("Narrowest")),
    # "which is thicker?" under yoga mats: "I don't know" before (no aspect had the word).
    Aspect(N_("thickness"), rx(r"\bhow\s+thick\s+(?:is|are|'s)\b|\bthick(?:er|est|ness)?\b|\bthin(?:ner|nest)?\b|"
                                r"多厚|厚度|更厚|最厚|更薄|最薄"), "number", ("thickness_mm",),
           rx(r"thick|thin|\d\s*mm\b|厚"), rx(r"(\d+(?:\.\d+)?)\s*(cm|mm|in)\s+(?:thick)\b"),
           most=N_("Thickest"), least=N_("Thinnest")),
    # "how long is it", "how tall are they", "尺寸": the product's own measurements. After the aspects whose words
    # overlap ("how long is the warranty", "how heavy", "how big": capacity); never the wait for delivery.
    Aspect(N_("dimensions"), rx(r"\bhow\s+(?:long|wide|tall|high|deep|thick)\s+(?:is|are|'s)\b"
                           r"(?!.{0,40}\b(?:ship\w*|deliver\w*|post|wait\w*|sale|offer|promo\w*|refund\w*|return\w*|"
                           r"good|fresh|valid|last\w*|charg\w*|take\w*)\b)|\bdimensions?\b|\bmeasurements?\b|"
                           r"\b(?:length|width|height|depth)\b|尺寸|长宽高|多长(?!时间)|多宽|多高|多厚"), "number",
           ("length_cm", "length", "height_cm", "diameter_cm", "thickness_mm", "case_mm", "top_cm", "laptop_in"),
           # No figure read from the text: a description's "40-53 cm" is the torso it fits, "4 mm" a mat's thickness;
           # its sentences are quoted instead.
           rx(r"\d\s*(cm|mm|in|inch(es)?)\b|\b(length|width|height|depth|tall|wide|long|dimension)\w*|尺寸|厘米"),
           most=N_("Largest"), least=N_("Smallest")),
    Aspect(N_("dishwasher safe"), rx(r"dishwasher|洗碗机"), "flag", ("dishwasher_safe",), rx(r"dishwasher")),
    Aspect(N_("microwave safe"), rx(r"microwave|微波"), "flag", ("microwave_safe",), rx(r"microwave")),
    Aspect(N_("keeping drinks hot or cold"), rx(r"\bkeeps?\b.{0,20}\b(hot|warm|cold)\b|\binsulat\w*|保温|保冷|保暖"),
           "text", mentions=rx(r"\b(hot|warm|cold|iced)\b|insulat|vacuum|保温")),
    Aspect(N_("use on a plane"), rx(r"\bplanes?\b|\bflights?\b|\bcarry[- ]?on\b|\bcabin\b|\bairlines?\b|\bfly(ing)?\b|"
                                     r"飞机|登机|航空|托运"), "text",
           mentions=rx(r"airline|carry-on|cabin|flight|plane|overhead|\bwh\b|登机|航空")),
    Aspect(N_("sports use"), rx(r"\brunning\b|\bfor (a )?runs?\b|\brunners?\b|\bjog\w*|\bgym\b|\bwork ?outs?\b|"
                                 r"\bexercis\w*|\bsports?\b|"
                                 r"\btraining\b|跑步|运动|健身|锻炼"), "text",
           mentions=rx(r"sweat|workout|sport|running|\brun\b|gym|secure|stay put|training|运动")),
    # "is the manduka non slip?": its listing's word on grip ("I don't know" before); "slip-on" is a shoe's style.
    Aspect(N_("grip"), rx(r"\b(?:non|anti)[- ]?slip\w*|\bslip(?:pery|s|ping)?\b(?![- ]?ons?\b)|\bgrip\w*|\btraction\b|"
                           r"防滑|打滑|抓地"), "text",
           mentions=rx(r"grip|(?:non|anti)[- ]?slip|slip(?:pery|s)?\b(?![- ]?on)|traction|tacky|防滑|抓地")),
    Aspect(N_("comfort"), rx(r"\bcomfort\w*|舒服|舒适|夹头|压耳"), "text",
           mentions=rx(r"comfort|cushion|padded|soft|memory[- ]foam|\bfit\b|舒适")),
    Aspect(N_("durability"), rx(r"\bdurab\w*|\bsturd\w*|\btough\b|\bbreak\w*|\bwell[- ]made\b|\bbuild quality\b|"
                                 r"\blast (long|for years)\b|耐用|结实|牢固|质量|耐摔|容易坏|经用"), "text",
           mentions=rx(r"durab|sturd|tough|reinforc|scratch|\bdrop|solid|heavy-duty|cast iron|stainless|ripstop|"
                        r"warrant|耐用|结实")),
    # "第一件是什么面料", "这个什么材质", "what is it made of": its material attribute ("I don't know" before:
    # "面料" met neither the "材质" label nor a sentence closely enough), and the description's sentences on it.
    Aspect(N_("material"), rx(r"\bmade\s+(?:of|from|out\s+of)\b|\bmaterials?\b|\bfabrics?\b|面料|材质|材料|布料|"
                               r"什么做的|啥做的|什么料|成分"), "text", ("material", "upper", "fill", "active"),
           # ...not a care label that names a fabric ("Machine wash cold on a wool cycle", "no fabric softener")
           rx(r"^(?!.*(?:\b(?:machine[- ]wash\w*|hand[- ]wash\w*|wash(?:es|ing)?|tumble|dry[- ]clean\w*|bleach\w*|"
               r"iron(?:ed|ing)|iron\s+(?:on|at|inside|low|cool|warm)|lay\s+flat|hang\s+to\s+dry|line[- ]dry|"
               r"softener)\b|机洗|手洗|水洗|干洗|晾干|熨烫|漂白))"
               r".*?(?:\bmade\s+(?:of|from|with)\b|\bmaterial|\bfabric|cotton|polyester|nylon|wool|leather|linen|silk|"
               r"fleece|canvas|stainless|ceramic|stoneware|bamboo|面料|材质|纯棉)")),
    # "安全吗", "is it safe for kids" with a product shown: its listing's word on safety. As a product's name the
    # word named a safety gate, whose question the card-payment FAQ answered. ("dishwasher safe" is the flag above;
    # paying safely, "刷卡安全吗", is the shop's: question_scope.SHOP_TOPIC.)
    Aspect(N_("safety"), rx(r"\bsafe(ty)?\b|\bnon-?toxic\b|\btoxic\b|\bbpa\b|安全|有毒|无毒"), "text",
           mentions=rx(r"(?<!dishwasher )(?<!microwave )(?<!oven )\bsafe(ty)?\b|non-?toxic|\bbpa\b|certif|\bastm\b|"
                        r"\bcpsc\b|food[- ]grade|supervis|choking|安全|无毒|看护")),
)

_LESS = rx(r"\b(light|lighter|lightest|cheap\w*|less|least|small(er|est)?|short(er|est)?|fewer|low(er|est)?|"
            r"worst)\b|轻|便宜|小|少|短|低|差")
_MORE = rx(r"\b(heav\w*|more|most|big\w*|larg\w*|long\w*|high(er|est)?|best|better|expensive|pric(ey|ier|iest))\b|"
            r"重|大|多|长|高|久|好|贵")


def aspect_asked(text: str) -> Aspect | None:
    """The aspect the message asks about, or None."""
    return next((a for a in ASPECTS if a.asked.search(text)), None)


def wants_less(aspect: Aspect, text: str) -> bool:
    """Whether the winner is the one with the least ("lightest", "最便宜"), else the most. With a word of both
    or neither, the aspect's better end ("which has better battery": the most; "哪个重量最轻": the least)."""
    less, more = _LESS.search(text), _MORE.search(text)
    if less and not more:
        return True
    if more and not less:
        return False
    return not aspect.more_is_better


_UNIT_SCALE = {"h": ("h", 1.0), "days": ("h", 24.0), "min": ("h", 1 / 60), "g": ("g", 1.0), "kg": ("g", 1000.0),
               "ml": ("ml", 1.0), "l": ("ml", 1000.0), "months": ("months", 1.0), "years": ("months", 12.0),
               "mah": ("mah", 1.0), "gb": ("gb", 1.0), "tb": ("gb", 1000.0), "in": ("in", 1.0),
               "people": ("people", 1.0), "hours": ("h", 1.0), "hour": ("h", 1.0), "hrs": ("h", 1.0),
               "hr": ("h", 1.0), "inch": ("in", 1.0), "w": ("w", 1.0)}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]*)", re.IGNORECASE)


def _from_value(key: str, value: object, shown: str) -> Figure | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    if key in ("ipx", "waterproof_rating"):
        digits = re.findall(r"\d", str(value))
        return Figure(float(digits[-1]), "ip", shown) if digits else None
    suffix = key.rpartition("_")[2].casefold()
    m = _NUMBER.search(str(value))
    if m is None:
        return None
    number = float(m.group(1).replace(",", ""))
    unit, scale = _UNIT_SCALE.get(m.group(2).casefold() or suffix, (key, 1.0))
    return Figure(number * scale, unit, shown)


# The part of a word before a figure: "i5-" of "i5-13500H", "RTX" of "RTX4060".
_CODE_HEAD = re.compile(r"[A-Za-z0-9_-]+$")


def _in_model_code(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is the tail of a model code ("Intel Core i5-13500H" is a CPU, not 13500
    hours of battery): glued to a letter, or after a hyphen in a word of letters and digits. "5-10 hours" is a
    range, "65W" a figure."""
    head = _CODE_HEAD.search(text[:start])
    if head is None:
        return False
    word = head.group(0)
    if word[-1].isalpha():
        return True
    return word.endswith("-") and any(c.isalpha() for c in word) and any(c.isdigit() for c in word)


def _of_another_attribute(aspect: Aspect, product: ProductView, figure: str) -> bool:
    """Whether the figure is part of another attribute's value: the title "…, Intel Core Ultra 7 155H, …" is
    built from ``cpu``, so its "155H" is the processor's name, not 155 hours of battery. An attribute whose key
    speaks of the aspect ("battery": "40 h") is not another one."""
    wanted = re.compile(rf"(?<!\w){re.escape(figure)}(?!\w)", re.IGNORECASE)
    for key, value in product.attributes.items():
        if key in aspect.keys or not isinstance(value, str) or not wanted.search(value):
            continue
        if aspect.mentions is None or not aspect.mentions.search(key.replace("_", " ")):
            return True
    return False


def figure_of(aspect: Aspect, product: ProductView, shown: dict[str, str]) -> Figure | None:
    """The product's figure for the aspect: its attribute (``shown`` gives how each key reads), the best of its
    options (a phone's largest storage), else a figure in its title or description."""
    for key in aspect.keys:
        if key in product.attributes:
            figure = _from_value(key, product.attributes[key], shown.get(key, str(product.attributes[key])))
            if figure is not None:
                return figure
        options = [f for v in product.variants if v.is_active and key in v.attributes
                   for f in [_from_value(key, v.attributes[key], str(v.attributes[key]))] if f is not None]
        if options:
            return max(options, key=lambda f: f.value)
    if aspect.figure is None:
        return None
    for text in (product.title or "", product.description or ""):
        m = next((m for m in aspect.figure.finditer(text)
                  if not _in_model_code(text, m.start()) and not _of_another_attribute(aspect, product, m.group(0))),
                 None)
        if m is not None:
            if m.group(1).casefold().startswith("ip"):  # "IPX4", "IP67": the water digit is the last
                return Figure(float(m.group(3) or m.group(2)), "ip", m.group(0).upper())
            unit, scale = _UNIT_SCALE.get(m.group(2).casefold(), (m.group(2).casefold(), 1.0))
            return Figure(float(m.group(1).replace(",", "")) * scale, unit, m.group(0))
    return None


def flag_of(aspect: Aspect, product: ProductView) -> bool | None:
    """Yes or no from the attribute, yes when the title or description says it, else None (not stated)."""
    for key in aspect.keys:
        value = product.attributes.get(key)
        if isinstance(value, bool):
            return value
    said = f"{product.title}\n{product.description}"
    return True if aspect.mentions is not None and aspect.mentions.search(said) else None


# A sentence ends at ". " (not at "3.5 mm") or at a Chinese full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def sentences_about(aspect: Aspect, product: ProductView, limit: int = 2, lang: str = "en") -> list[str]:
    """The description's sentences about the aspect, in order; for a Chinese shopper (``lang`` "zh") those of
    the Chinese description (attribute ``description_zh``) when it has any, else the Chinese sentences in the
    places of the English ones when both descriptions split into as many (written sentence for sentence)."""
    if aspect.mentions is None:
        return []
    mentions = aspect.mentions
    english = sentences(product.description)
    picked = [i for i, s in enumerate(english) if mentions.search(s)][:limit]
    zh = product.attributes.get("description_zh") if lang == "zh" else None
    chinese = sentences(zh) if isinstance(zh, str) else []
    if chinese:
        said = [s for s in chinese if mentions.search(s)][:limit]
        if said:
            return said
        if len(chinese) == len(english):
            return [chinese[i] for i in picked]
    return [english[i] for i in picked]


def description_sentences(product: ProductView, lang: str) -> list[str]:
    """The description's sentences in the shopper's language when the catalogue has it (``description_zh``)."""
    zh = product.attributes.get("description_zh") if lang == "zh" else None
    chinese = sentences(zh) if isinstance(zh, str) else []
    return chinese or sentences(product.description)
