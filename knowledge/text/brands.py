"""Chinese names of international brands, for shoppers who type "无印良品" for Muji or "戴森" for Dyson.

Why a table: catalogs spell brands the brand's own way ("Muji", "Xiaomi") and Chinese titles usually keep
that spelling, so neither BM25 nor (reliably) the sentence encoder connects "无印良品" to "Muji". These are the
names the brands themselves use in Chinese retail -- general knowledge, not written for any query set --
minus names that are also everyday words (美的 "beautiful" for Midea, 好奇 "curious" for Huggies, 哥伦比亚
the country for Columbia), which would turn ordinary words into a brand preference. The
search engine only uses an entry whose brand is in the live catalog (knowledge/search/engine.py): it adds
the brand's own spelling to the keyword query and prefers that brand's products.
"""

from __future__ import annotations

__all__ = ["BRAND_ALIASES", "aliases_in"]

_TABLE = """
Apple: 苹果 | Samsung: 三星 | Xiaomi: 小米, 米家 | Huawei: 华为 | Honor: 荣耀 | Lenovo: 联想 | Sony: 索尼
Dyson: 戴森 | Philips: 飞利浦 | Panasonic: 松下 | Muji: 无印良品, 无印 | IKEA: 宜家 | Uniqlo: 优衣库
Nike: 耐克 | Adidas: 阿迪达斯, 阿迪 | Puma: 彪马 | New Balance: 新百伦 | Converse: 匡威 | Vans: 范斯
Skechers: 斯凯奇 | Under Armour: 安德玛 | Lululemon: 露露乐蒙 | The North Face: 北脸
Patagonia: 巴塔哥尼亚 | Arc'teryx: 始祖鸟 | Zara: 飒拉 | Levi's: 李维斯 | Gap: 盖璞
Coach: 蔻驰 | Longchamp: 珑骧 | LEGO: 乐高 | Nintendo: 任天堂 | Canon: 佳能 | Nikon: 尼康 | 
Sennheiser: 森海塞尔 | Logitech: 罗技 | Anker: 安克 | Razer: 雷蛇 | Braun: 博朗 | Oral-B: 欧乐B, 欧乐-B
L'Oréal: 欧莱雅 | Lancôme: 兰蔻 | Estée Lauder: 雅诗兰黛 | Shiseido: 资生堂 | Clinique: 倩碧
Kiehl's: 科颜氏 | La Roche-Posay: 理肤泉 | CeraVe: 适乐肤 | Cetaphil: 丝塔芙 | Olay: 玉兰油
Neutrogena: 露得清 | Maybelline: 美宝莲 | MAC: 魅可 | Le Creuset: 酷彩 | Zwilling: 双立人 | Tefal: 特福
WMF: 福腾宝 | Thermos: 膳魔师 | Zojirushi: 象印 | Tiger: 虎牌 | Haier: 海尔 | Gree: 格力
Supor: 苏泊尔 | Joyoung: 九阳 | Starbucks: 星巴克 | Nespresso: 奈斯派索 | De'Longhi: 德龙 | Breville: 铂富
Nestlé: 雀巢 | Lindt: 瑞士莲 | Godiva: 歌帝梵 | Ferrero: 费列罗 | Kikkoman: 龟甲万 | Pampers: 帮宝适
Moony: 尤妮佳 | Fisher-Price: 费雪 | Casio: 卡西欧 | Citizen: 西铁城
Swatch: 斯沃琪 | Tissot: 天梭 | Garmin: 佳明 | Dell: 戴尔 | HP: 惠普 | ASUS: 华硕 | Acer: 宏碁
Microsoft: 微软 | Google: 谷歌 | OnePlus: 一加 | Hisense: 海信 | Sharp: 夏普 | Toshiba: 东芝
Hitachi: 日立 | Stanley: 史丹利, 斯坦利 | Deuter: 多特 | Gregory: 格里高利 | Coleman: 科勒曼
Birkenstock: 勃肯 | Havaianas: 哈瓦那 | Crocs: 卡骆驰 | Timberland: 添柏岚
HOKA: 霍卡 | ASICS: 亚瑟士 | Brooks: 布鲁克斯 | Saucony: 索康尼 | Mizuno: 美津浓
Salomon: 萨洛蒙 | On: 昂跑 | Reebok: 锐步 | Fila: 斐乐 | Anta: 安踏 | Li-Ning: 李宁 | Ray-Ban: 雷朋
Bodum: 波顿 | Pyrex: 康宁 | Lock & Lock: 乐扣乐扣, 乐扣 | Tupperware: 特百惠 | Rubbermaid: 乐柏美
Victorinox: 维氏 | Shark: 鲨客 | Tineco: 添可 | Dreame: 追觅 | Ecovacs: 科沃斯
Roborock: 石头科技 | Marshall: 马歇尔 | Soundcore: 声阔 | Herman Miller: 赫曼米勒
Steelcase: 世楷 | Amazon: 亚马逊 | Yankee Candle: 扬基 | Jo Malone: 祖玛珑 | Chanel: 香奈儿 | Dior: 迪奥
Gucci: 古驰 | Prada: 普拉达 | Louis Vuitton: 路易威登 | Hermès: 爱马仕 | Tiffany: 蒂芙尼 | Pandora: 潘多拉
Swarovski: 施华洛世奇 | Three Squirrels: 三只松鼠 | Calvin Klein: 卡尔文克莱恩
Ralph Lauren: 拉夫劳伦 | Carhartt: 卡哈特 | Timex: 天美时
Vitamix: 维他密斯 | Cuisinart: 美膳雅 | Lavazza: 乐维萨 | Twinings: 川宁 | Pantene: 潘婷
Johnson's: 强生 | Pigeon: 贝亲 | Chicco: 智高 | Stokke: 思多嘉儿 | Britax: 宝得适 | Mattel: 美泰
Hasbro: 孩之宝 | Barbie: 芭比 | Playmobil: 摩比世界 | Crayola: 绘儿乐 | Faber-Castell: 辉柏嘉
Pilot: 百乐 | Kokuyo: 国誉 | Moleskine: 魔力斯奇那 | Lamy: 凌美
Parker: 派克 | Purina Pro Plan: 冠能 | Wilson: 威尔胜 | Yonex: 尤尼克斯 | Speedo: 速比涛
Babolat: 百宝力 | Spalding: 斯伯丁 | DJI: 大疆 | TP-Link: 普联 | Belkin: 贝尔金 | Ugreen: 绿联
Baseus: 倍思 | Lao Gan Ma: 老干妈 | Lee Kum Kee: 李锦记 | Nongshim: 农心
"""


def _parse(table: str) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for entry in table.replace("\n", "|").split("|"):
        if ":" not in entry:
            continue
        brand, names = entry.split(":", 1)
        for name in names.split(","):
            if name.strip():
                aliases.setdefault(name.strip(), brand.strip())
    return aliases


BRAND_ALIASES: dict[str, str] = _parse(_TABLE)
# Longest first, so "无印良品" wins over "无印" and "乐扣乐扣" over "乐扣".
_BY_LENGTH = sorted(BRAND_ALIASES, key=len, reverse=True)


def aliases_in(text: str, known: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(alias, brand) pairs whose alias occurs in ``text``, longest first, non-overlapping. ``known`` maps
    an alias to the catalog's own brand name; aliases missing from it are ignored (when given)."""
    found: list[tuple[str, str]] = []
    rest = text
    for alias in _BY_LENGTH:
        if alias in rest and (known is None or alias in known):
            found.append((alias, known[alias] if known is not None else BRAND_ALIASES[alias]))
            rest = rest.replace(alias, " ")
    return found
