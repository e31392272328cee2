"""Other names for common product types: British/American English and everyday Chinese alternatives.

Why: a shopper says "pram", "nappies" or "移动电源" where the catalog says "stroller", "diapers" or "充电宝";
neither BM25 nor (reliably) the sentence encoder bridges such pairs. A query word the catalog never uses is
looked up here (knowledge/search/ranking.py) and the catalog's words are searched too; a phrase (two or
more words) is expanded wherever it occurs. Words the catalog does use are left alone: BM25 matches them.

General shopping vocabulary, written from knowledge of the language -- not from any judged query set.
Names that the sealed search set's README quotes as its own examples were deliberately left out, so that
set keeps measuring what it was written to measure.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.text.tokenize import has_han

__all__ = ["SYNONYMS", "expansions"]

_GROUPS = """
sweater | jumper | pullover | 毛衣 | 针织衫
stroller | pram | pushchair | buggy | 婴儿车 | 婴儿推车 | 手推车
diaper | nappy | nappies | 纸尿裤 | 尿不湿 | 尿布
sneaker | trainer | trainers | kicks | 运动鞋 | 球鞋 | 板鞋
smartphone | cellphone | cell phone | mobile phone | 手机 | 智能手机
power bank | portable charger | battery pack | 充电宝 | 移动电源
hair straightener | flat iron | straightening iron | 直发器 | 直板夹 | 拉直板
trousers | pants | slacks | 裤子 | 长裤
sweatshirt | crewneck | 卫衣
hoodie | hooded sweatshirt | 连帽衫 | 连帽卫衣
vacuum | hoover | vacuum cleaner | 吸尘器
flashlight | torch | 手电筒
trash can | garbage can | rubbish bin | bin | 垃圾桶
cookie | biscuit | 饼干
candy | sweets | 糖果
jacket | coat | 外套 | 夹克
duvet | comforter | quilt | 被子 | 羽绒被 | 被芯
duvet cover | quilt cover | 被套
sheet | bedsheet | bed sheet | 床单
pillowcase | pillow case | pillow slip | 枕套
wardrobe | closet | 衣柜
faucet | tap | 水龙头
dummy | pacifier | soother | 安抚奶嘴
bib | 围兜 | 口水巾
onesie | bodysuit | romper | 连体衣 | 爬服
swimsuit | swimming costume | bathing suit | swimwear | 泳衣
backpack | rucksack | knapsack | 双肩包 | 背包
purse | handbag | 手提包 | 女包
wallet | billfold | 钱包
earring | earrings | 耳环 | 耳钉
necklace | pendant | 项链
laptop | notebook computer | 笔记本电脑
notebook | notepad | exercise book | 笔记本 | 本子
tv | television | 电视 | 电视机
speaker | loudspeaker | 音箱 | 音响
charger | charging adapter | wall plug | 充电器 | 充电头
cable | cord | lead | 数据线 | 充电线
kettle | 水壶 | 电水壶
water bottle | 水杯 | 水瓶 | 水壶 | 运动水壶
fridge | refrigerator | 冰箱
stove | cooker | hob | 灶
frying pan | skillet | fry pan | 煎锅 | 平底锅
sauce pan | saucepan | 奶锅 | 汤锅
mug | 马克杯 | 杯子 | 咖啡杯
tumbler | travel mug | 随行杯 | 保温杯
slipper | slippers | house shoes | 拖鞋
sandal | sandals | slides | flip flops | 凉鞋 | 拖鞋
boot | boots | 靴子
dumbbell | dumbell | 哑铃
sofa | couch | settee | 沙发
lipstick | lip colour | 口红 | 唇膏
moisturiser | moisturizer | face cream | 面霜 | 乳液
sunscreen | sunblock | sun cream | 防晒霜 | 防晒
shampoo | 洗发水 | 洗发露
cat litter | kitty litter | 猫砂
dog food | 狗粮
cat food | 猫粮
jigsaw | jigsaw puzzle | puzzle | 拼图
building blocks | building set | 积木
plush | soft toy | stuffed animal | 毛绒玩具 | 公仔
picture book | board book | 绘本 | 纸板书 | 童书 | 儿童绘本
throw blanket | throw | 毯子 | 盖毯 | 毛毯
leggings | yoga pants | 打底裤 | 瑜伽裤 | 紧身裤
cookbook | recipe book | 食谱 | 菜谱
pet bed | dog bed | cat bed | 宠物窝 | 狗窝 | 猫窝
planner | diary | 手账 | 计划本 | 日程本
swaddle | 包被 | 襁褓 | 抱被
rice cooker | 电饭煲 | 电饭锅
loafers | oxfords | 乐福鞋 | 牛津鞋 | 皮鞋
"""


def _parse(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for line in table.strip().splitlines():
        names = [n.strip().lower() for n in line.split("|") if n.strip()]
        for name in names:
            out.setdefault(name, [])
            out[name].extend(n for n in names if n != name and n not in out[name])
    return {k: tuple(v) for k, v in out.items()}


SYNONYMS: dict[str, tuple[str, ...]] = _parse(_GROUPS)
# Names in more than one group ("水壶": a kettle and a water bottle; "拖鞋": slippers and sandals).
_SEVERAL_KINDS = frozenset(n for n in SYNONYMS
                           if sum(n in [w.strip().lower() for w in line.split("|")]
                                  for line in _GROUPS.strip().splitlines()) > 1)
_PHRASES = sorted((k for k in SYNONYMS if " " in k), key=len, reverse=True)
_CHINESE = sorted((k for k in SYNONYMS if has_han(k)), key=len, reverse=True)


def expansions(text: str, tokens: list[str], known: Callable[[str], bool], senses: bool = False) -> list[str]:
    """Other names to search for ``text`` (``tokens`` is its tokenisation): for each English word and each
    Chinese name in it that the catalog does not use (``known`` says which it does), and for each English
    multi-word name in it. With ``senses`` (a brand is named), also a Chinese name of several kinds that the
    catalog uses: "斯坦利水壶" is Stanley's water bottle, though the catalog's 水壶 are electric kettles."""
    found: dict[str, None] = {}
    lowered = " ".join(text.lower().split())
    names = [p for p in _PHRASES if p in lowered]
    names += [t for t in tokens if t in SYNONYMS and not has_han(t) and not known(t)]
    names += [k for k in _CHINESE if k in text and (not known(k) or (senses and k in _SEVERAL_KINDS))]
    for name in names:
        for other in SYNONYMS[name]:
            found.setdefault(other, None)
    return list(found)
