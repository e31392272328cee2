"""States, provinces and cities named as where a parcel goes: "how much is shipping to texas?", "寄到上海运费多少".

WHY: the shop's delivery answers are per country (what it costs, how long it takes, which countries it serves),
never per state or city, and its knowledge base has no entry for each place. Left in the question, the place was a
word to match: "寄到上海运费多少" found a shopper's story about how long a parcel to Shanghai took (a question about
the fee), "what does delivery to new york cost" found nothing above the threshold, and in the dialogue "texas" named
the Texas Instruments calculator. So a delivery or returns question that names a region *as a destination* is asked
without it (``without_regions``), and a region counts as its country where the country matters (places.py: "do you
ship to moscow" is a question about Russia).

As a destination means by its position, so a product's name is never taken for one: after "to/in/from/..." or
before "shipping/delivery/..." in English ("the texas instruments calculator" is no place), after 到/往/至/从/在 or
before 包邮/运费/发货/... in Chinese ("四川花椒可以寄到吗" names the pepper). Names are general geography, not
taken from any FAQ or evaluation set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["REGIONS", "asks_about_a_place", "regions_asked", "without_regions", "destination_pattern",
           "ABOUT_DELIVERY", "whether_it_ships"]

_US = ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
       "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
       "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
       "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
       "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
       "Utah", "Vermont", "Virginia", "West Virginia", "Washington", "Wisconsin", "Wyoming", "Puerto Rico",
       "Washington DC", "Washington D.C.", "New York City", "NYC", "Los Angeles", "Chicago", "Houston", "Phoenix",
       "Philadelphia", "San Antonio", "San Diego", "Dallas", "San Jose", "Austin", "San Francisco", "Seattle",
       "Boston", "Miami", "Atlanta", "Denver", "Portland", "Las Vegas", "Detroit", "Brooklyn", "Manhattan",
       "Honolulu", "得克萨斯", "德克萨斯", "德州", "加州", "加利福尼亚", "纽约", "洛杉矶", "旧金山", "芝加哥", "西雅图",
       "波士顿", "夏威夷", "阿拉斯加", "佛罗里达", "华盛顿")
_CHINA = ("北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安", "长沙",
          "郑州", "青岛", "厦门", "大连", "沈阳", "哈尔滨", "昆明", "济南", "合肥", "福州", "南昌", "南宁", "贵阳",
          "兰州",
          "太原", "石家庄", "乌鲁木齐", "呼和浩特", "拉萨", "海口", "三亚", "宁波", "无锡", "东莞", "佛山", "珠海",
          "温州", "长春", "广东", "浙江", "江苏", "福建", "山东", "河南", "河北", "湖南", "湖北", "四川", "云南",
          "贵州", "广西", "江西", "安徽", "山西", "陕西", "甘肃", "青海", "宁夏", "内蒙古", "吉林", "辽宁", "黑龙江",
          "新疆", "西藏", "海南", "东北", "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Hangzhou", "Chengdu",
          "Chongqing", "Tianjin", "Nanjing", "Wuhan", "Xi'an", "Suzhou", "Xiamen")
# Each country by its first name in places.py's table, then its regions; the longer names are tried first.
REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United States", _US),
    ("Canada", ("Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
                "New Brunswick", "Newfoundland", "Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Edmonton",
                "多伦多", "温哥华", "蒙特利尔")),
    ("United Kingdom", ("London", "Manchester", "Birmingham", "Liverpool", "Edinburgh", "Glasgow", "Leeds",
                        "Bristol", "Cardiff", "Belfast", "Northern Ireland", "伦敦", "曼彻斯特")),
    ("Australia", ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra", "Queensland",
                   "New South Wales", "Tasmania", "悉尼", "墨尔本")),
    ("Japan", ("Tokyo", "Osaka", "Kyoto", "Yokohama", "Sapporo", "Fukuoka", "Nagoya", "Okinawa", "Hokkaido",
               "东京", "大阪", "京都", "横滨", "札幌", "北海道", "冲绳", "名古屋")),
    ("mainland China", _CHINA),
    ("Taiwan", ("Kaohsiung", "Taichung", "高雄", "台中")),
    ("South Korea", ("Seoul", "Busan", "首尔", "釜山")),
    ("Russia", ("Moscow", "Saint Petersburg", "St Petersburg", "莫斯科")),
    ("India", ("Mumbai", "Delhi", "New Delhi", "Bangalore", "孟买", "新德里")),
    ("Brazil", ("Sao Paulo", "São Paulo", "Rio de Janeiro", "圣保罗")),
    ("Germany", ("Berlin", "Munich", "Hamburg", "Frankfurt", "柏林", "慕尼黑")),
    ("France", ("Paris", "Lyon", "Marseille", "巴黎")),
    ("Italy", ("Rome", "Milan", "罗马", "米兰")),
    ("Spain", ("Madrid", "Barcelona", "马德里", "巴塞罗那")),
    ("Netherlands", ("Amsterdam", "Rotterdam", "阿姆斯特丹")),
    ("Ireland", ("Dublin", "都柏林")),
)
# A question about sending or returning a parcel: only there is a place a destination.
ABOUT_DELIVERY = re.compile(
    r"\b(?:ship\w*|deliver\w*|send|sent|post(?:age)?|mail|courier|freight|arrive|return\w*|refund\w*|exchange|"
    r"customs|duties)\b|寄|发货|发到|发往|送到|送货|运到|运费|邮费|配送|快递|包邮|邮到|物流|到货|收到|退货|退回|换货|关税",
    re.IGNORECASE)
_EN_BEFORE = (r"\b(?:to|in|into|from|for|within|across|around|near|outside|inside|out\s+of)\s+(?:the\s+)?"
              r"(?:(?:state|city|province)\s+of\s+)?")
_EN_AFTER = r"(?=\s+(?:shipping|delivery|deliveries|address(?:es)?|customs|postage|returns?)\b)"
_ZH_BEFORE = r"(?:到|往|至|去|从|在)"
_ZH_SUFFIX = r"(?:市|省)?"
_ZH_AFTER = (r"(?=(?:的)?(?:运费|邮费|包邮|发货|快递|配送|能寄|可以寄|能送|可以送|能到|可以到|多久|几天|要几天|"
             r"退货|地址))")


def _alternation(names: Iterable[str]) -> str:
    """Longest first, so "New Mexico" is not "Mexico" and "Northern Ireland" not "Ireland". A name of three
    letters or fewer in capitals is matched in capitals only ("US" is a country, "us" a pronoun)."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        escaped = re.escape(name)
        parts.append(f"(?-i:{escaped})" if name.isascii() and len(name.replace(".", "")) <= 3 else escaped)
    return "|".join(parts)


def destination_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """``names`` where a destination stands; the group ``cut`` is what leaves the question with the place (the
    English preposition goes too: "what does delivery to new york cost" -> "what does delivery cost"), ``place``
    the name itself."""
    names = list(names)
    english = _alternation(n for n in names if n.isascii())
    chinese = _alternation(n for n in names if not n.isascii())
    parts = [rf"(?P<cut>\s*{_EN_BEFORE}(?P<place>{english})(?![A-Za-z]))",
             rf"(?P<cut2>(?<![A-Za-z])(?P<place2>{english}){_EN_AFTER}\s*)"]
    if chinese:
        parts += [rf"{_ZH_BEFORE}(?P<cut3>(?P<place3>{chinese}){_ZH_SUFFIX})",
                  rf"(?P<cut4>(?P<place4>{chinese}){_ZH_SUFFIX}){_ZH_AFTER}"]
    return re.compile("|".join(parts), re.IGNORECASE)


_REGION_PATTERN = destination_pattern(n for _, names in REGIONS for n in names)
_COUNTRY_OF = {n.casefold(): country for country, names in REGIONS for n in names}


def _places(match: re.Match[str]) -> tuple[str, str]:
    """(the text to cut, the place) of a destination match, whichever of its shapes matched."""
    for cut, place in (("cut", "place"), ("cut2", "place2"), ("cut3", "place3"), ("cut4", "place4")):
        if match.group(cut) is not None:
            return cut, match.group(place)
    raise AssertionError("a destination match without a place")


def regions_asked(text: str) -> list[str]:
    """The countries of the regions a delivery question names as destinations ("ship to ohio?": United States)."""
    if not ABOUT_DELIVERY.search(text):
        return []
    return [_COUNTRY_OF[_places(m)[1].casefold()] for m in _REGION_PATTERN.finditer(text)]


# What is left of "ship to moscow?" or "do you deliver to ohio": whether the shop goes there, which its country
# answers ("ship?" alone matched "Where do you ship from?").
_BARE = re.compile(r"(?:(?:do|can|will|would|could)\s+(?:you|u|ya|you\s+guys)\s+)?(?:ship|deliver|send|post|mail)"
                   r"(?:\s+(?:there|it|orders?|parcels?))?\s*[?？.!]*", re.IGNORECASE)


def _cut_regions(text: str) -> tuple[str, list[str]]:
    """The text without the regions it names as destinations, and their countries (none cut: the text as is)."""
    out, countries, end = [], [], 0
    for match in _REGION_PATTERN.finditer(text):
        group, place = _places(match)
        out.append(text[end:match.start(group)])
        countries.append(_COUNTRY_OF[place.casefold()])
        end = match.end(group)
    if not out:
        return text, []
    out.append(text[end:])
    return re.sub(r"\s+([?？,，.!])", r"\1", " ".join("".join(out).split())).strip(), countries


def without_regions(text: str) -> str:
    """A delivery question without the regions it names as destinations; any other text as it is. When only
    whether the shop ships would be left, each region is its country instead ("ship to moscow?" -> "ship to
    Russia?")."""
    if not ABOUT_DELIVERY.search(text):
        return text
    said, countries = _cut_regions(text)
    if countries and _BARE.fullmatch(said):
        bare = said.rstrip("?？.! ")
        return f"{bare} to {' and '.join(dict.fromkeys(countries))}{said[len(bare):]}"
    return said


def asks_about_a_place(text: str) -> bool:
    """A delivery or returns question naming a country or region as where a parcel goes ("how much is shipping to
    texas?", "寄到日本要多久", "上海包邮吗"): the shop's question, whatever products the place's name is in."""
    from knowledge.qa.places import COUNTRY_DESTINATION

    return bool(ABOUT_DELIVERY.search(text)) and bool(_REGION_PATTERN.search(text)
                                                      or COUNTRY_DESTINATION.search(text))


# What is left of "可以寄到上海吗" / "do you ship to texas?" without the place: whether the shop delivers there at all.
_WHETHER_ZH = re.compile(r"^(?:请问)?(?:你们|您们)?(?:可以|能|能不能|可不可以|会)?"
                         r"(?:寄|发货|发|送|运|邮|配送|快递)(?:到|往)?(?:吗|么|不)?$")
_WHETHER_EN = re.compile(r"^(?:do|can|will|could)\s+(?:you|u)\s+(?:guys\s+)?(?:ship|deliver|send|post|mail)\s*$", re.I)


def whether_it_ships(text: str) -> str | None:
    """"可以寄到上海吗" -> "可以寄到中国大陆吗": a question whether the shop delivers to one region at all, asked about
    its country (without the place, "可以寄到吗" matched "可以寄到邮政信箱吗" -> "可以，但只能用标准快递"); None for
    any other question."""
    from knowledge.qa.places import country_names

    countries = regions_asked(text)
    cut = _cut_regions(text)[0] if ABOUT_DELIVERY.search(text) else text
    rest = re.sub(r"[\s?？!！。.,，]+", " ", cut).strip()
    if len(set(countries)) != 1 or rest == text.strip():
        return None
    english, chinese = country_names(countries[0])
    if _WHETHER_ZH.match(rest.replace(" ", "")) and chinese:
        return f"可以寄到{chinese}吗"
    return f"do you ship to {english}?" if _WHETHER_EN.match(rest) else None
