"""Chinese names of the colour shades catalogs use, both ways: "鼠尾草绿"/"灰绿色" -> sage, and sage -> 鼠尾草绿色.

WHY one table: the shades a catalog names ("Sage", "Royal Blue", "Oatmeal") and the Chinese words shoppers use for
them were listed in three places, each with a different part of the family -- the NLU's colour words
(nlu/entities/builtin_lexicon.py), the colour families search grades a product's colours by
(knowledge/search/colours.py) and the names a Chinese reply shows (bot/core/skills/shopping/words.py) -- so "宝蓝色"
was no colour at all, and "Oatmeal" was shown in English to a Chinese shopper. All three read this table (each
keeps what it already had first). General colour vocabulary, written from knowledge of the language; the first
Chinese name of a shade is the one a reply shows.
"""

from __future__ import annotations

__all__ = ["SHADES_ZH", "ZH_SHADES"]

_TABLE = """
burgundy: 酒红色, 勃艮第红 | wine: 葡萄酒红, 酒红 | maroon: 栗红色, 褐红色 | crimson: 深红色, 绯红色
scarlet: 猩红色, 鲜红色 | cherry: 樱桃红 | ruby: 宝石红 | brick: 砖红色 | rust: 铁锈红, 锈红色
oxblood: 牛血红 | claret: 紫红色 | cranberry: 蔓越莓红 | raspberry: 覆盆子红 | coral: 珊瑚色, 珊瑚红
terracotta: 陶土色, 赤陶色 | blush: 腮红粉, 浅粉色 | rose: 玫瑰粉, 玫瑰色 | fuchsia: 玫红色, 玫红
magenta: 洋红色, 品红色 | salmon: 三文鱼粉, 鲑鱼粉 | hot pink: 亮粉色, 艳粉色 | dusty pink: 豆沙粉, 脏粉色, 藕粉色
mauve: 灰紫色, 藕荷色 | peach: 蜜桃色, 蜜桃粉, 桃粉色 | apricot: 杏色, 杏黄色 | amber: 琥珀色
tangerine: 橘红色, 橘红 | burnt orange: 焦橙色 | copper: 紫铜色 | mustard: 芥末黄, 芥末色 | lemon: 柠檬黄
butter: 奶黄色 | ochre: 赭石色, 土黄色 | sage: 鼠尾草绿, 鼠尾草色, 灰绿色 | olive: 橄榄绿, 橄榄色, 军绿色
mint: 薄荷绿, 薄荷色 | emerald: 祖母绿, 翡翠绿 | forest: 森林绿 | lime: 青柠绿, 柠檬绿 | jade: 玉绿色, 翡翠色
moss: 苔藓绿 | hunter: 猎人绿 | teal: 水鸭蓝, 孔雀蓝, 蓝绿色 | sky blue: 天蓝色, 天蓝 | light blue: 浅蓝色, 浅蓝
baby blue: 婴儿蓝, 淡蓝色 | powder blue: 粉蓝色 | cobalt: 钴蓝色 | royal blue: 宝蓝色, 宝蓝
denim: 牛仔蓝 | indigo: 靛蓝色, 靛青色 | turquoise: 绿松石色, 松石绿, 土耳其蓝 | aqua: 水蓝色, 湖蓝色
midnight: 午夜蓝 | steel blue: 钢蓝色 | dusty blue: 雾霾蓝, 灰蓝色 | lavender: 薰衣草紫, 薰衣草色
lilac: 丁香紫, 淡紫色 | violet: 紫罗兰色, 紫罗兰 | plum: 梅子色, 李子紫 | aubergine: 茄子紫 | grape: 葡萄紫
tan: 棕褐色, 浅棕色 | camel: 驼色 | chocolate: 巧克力色 | coffee: 咖啡色 | walnut: 胡桃木色, 胡桃色
oak: 橡木色 | cognac: 干邑色 | caramel: 焦糖色 | mocha: 摩卡色 | taupe: 灰褐色 | chestnut: 栗色, 栗棕色
bronze: 古铜色 | cream: 奶油色, 奶油白 | ivory: 象牙白, 象牙色 | natural: 原色, 原木色, 本白色 | sand: 沙色
oatmeal: 燕麦色 | ecru: 本白色 | stone: 石灰色 | off-white: 米白色, 米白 | charcoal: 炭灰色, 炭灰
graphite: 石墨灰, 石墨色 | slate: 石板灰, 岩灰色 | ash: 烟灰色 | heather: 麻灰色 | dark grey: 深灰色, 深灰
light grey: 浅灰色, 浅灰 | chrome: 镀铬色 | platinum: 铂金色 | gunmetal: 枪灰色 | champagne: 香槟色
brass: 黄铜色 | snow: 雪白色 | pearl: 珍珠白 | jet: 漆黑色 | onyx: 曜石黑 | stainless steel: 不锈钢色
"""


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for entry in table.replace("\n", "|").split("|"):
        if ":" in entry:
            english, names = entry.split(":", 1)
            out[english.strip()] = tuple(n.strip() for n in names.split(",") if n.strip())
    return out


# English shade -> its Chinese names, the one to show first.
SHADES_ZH: dict[str, tuple[str, ...]] = _parse(_TABLE)
# Chinese name -> English shade (a name listed under two shades belongs to the first).
ZH_SHADES: dict[str, str] = {}
for _english, _names in SHADES_ZH.items():
    for _name in _names:
        ZH_SHADES.setdefault(_name, _english)
