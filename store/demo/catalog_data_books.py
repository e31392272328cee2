"""Vocabulary tables for Books & E-books.

Titles and authors are fictional so the demo never misquotes a real book. E-books are digital goods
sold for Telegram Stars (XTR), delivered in the chat; printed books come in paperback and hardcover.
"""

from __future__ import annotations

from store.demo.catalog_spec import Model, ProductType

__all__ = ["TYPES"]

_FORMATS = ("Paperback", "Hardcover")
_PRINT_DESC_TAIL = (("Available as {format}.", "Sold as {format}."),)
_PRINT_DESC_TAIL_ZH = (("有{format}版可选。", "以{format}版发售。"),)


def _books(*rows: tuple[str, str, int, int] | tuple[str, str, int, int, str]) -> tuple[Model, ...]:
    """(title, author, pages, publication year[, extra tag]) rows as book models."""
    models: list[Model] = []
    for row in rows:
        model: dict[str, object] = {"book": row[0], "author": row[1], "pages": row[2], "publication_year": row[3]}
        if len(row) == 5:
            model["extra_tags"] = [row[4]]
        models.append(model)  # type: ignore[arg-type]
    return tuple(models)


def _print(
    key: str,
    label: str,
    sub: str,
    books: tuple[Model, ...],
    blurb: str,
    blurb_zh: str,
    tags: tuple[str, ...],
    zh_noun: str,
    price: tuple[int, int] = (12, 28),
) -> ProductType:
    """A printed English-language book type; its Chinese title keeps the original title (the books are
    fictional, so there is no established Chinese title to use) and says what it is: "（英文原版小说）"."""
    return ProductType(
        key=key,
        label=label,
        path=f"Books & E-books > {sub}",
        count=len(books),
        brands=("Harbor House", "Penrose Books", "Northlight Press", "Meridian"),
        titles=("{book} by {author}",),
        words={"book": ()},
        models=books,
        attrs={"language": ("English",)},
        variants={"format": _FORMATS},
        steps={"format": (0, 900)},
        price=price,
        desc=(
            (blurb,),
            ("{pages} pages, published by {brand} in {publication_year}.",),
            *_PRINT_DESC_TAIL,
        ),
        desc_zh=(
            (blurb_zh,),
            ("共{pages}页，由{brand}于{publication_year}年出版。",),
            *_PRINT_DESC_TAIL_ZH,
        ),
        zh=f"{{book}}（英文原版{zh_noun}）",
        tags=tags,
    )


TYPES: tuple[ProductType, ...] = (
    _print(
        "literary_fiction",
        "Fiction Book",
        "Fiction > Literary Fiction",
        _books(
            ("The Salt Road", "Mara Ellison", 368, 2024),
            ("Winter in Lisbon", "Tomás Abreu", 312, 2023),
            ("A House of Small Lights", "Priya Raman", 401, 2025),
            ("The Cartographer's Daughter", "Helen Ashby", 344, 2022),
            ("Where the River Bends", "Daniel Okafor", 288, 2024),
        ),
        "{book}, a novel by {author}: a moving story of family, memory and the places we leave behind.",
        "《{book}》，{author}的长篇小说：一个关于家庭、记忆与远去故土的动人故事。",
        ("books", "fiction", "novel"),
        "小说",
    ),
    _print(
        "mystery",
        "Mystery Book",
        "Fiction > Mystery & Thriller",
        _books(
            ("The Silent Ledger", "James Carrow", 352, 2024),
            ("Murder at Ravensholm", "Agatha Pryce", 320, 2023),
            ("Cold Harbour", "Ingrid Solvik", 416, 2025),
            ("The Seventh Key", "Luca Moretti", 384, 2022),
        ),
        "{book} by {author}: a twisting, page-turning thriller that keeps you guessing to the last chapter.",
        "《{book}》，{author}著：情节反转不断、让人欲罢不能的悬疑小说，不到最后一章猜不到结局。",
        ("books", "mystery", "thriller"),
        "悬疑小说",
    ),
    _print(
        "scifi",
        "Science Fiction Book",
        "Fiction > Science Fiction & Fantasy",
        _books(
            ("Starfall Protocol", "K. R. Vance", 480, 2024),
            ("The Glass Citadel", "Elena Marsh", 544, 2023),
            ("Orbit of Ash", "Sun Wei", 432, 2025),
            ("The Last Lighthouse Keeper", "Owen Hale", 298, 2022),
        ),
        "{book} by {author}: an inventive adventure of strange worlds, hard choices and unlikely heroes.",
        "《{book}》，{author}著：充满想象力的冒险故事，有奇异的世界、艰难的抉择和意想不到的英雄。",
        ("books", "sci-fi", "fantasy"),
        "科幻奇幻小说",
    ),
    _print(
        "cookbook",
        "Cookbook",
        "Non-fiction > Cookbooks",
        _books(
            ("The Home Barista Handbook", "Leo Marchetti", 224, 2024, "coffee"),
            ("Everyday Dumplings", "Mei Lin Zhao", 192, 2023),
            ("Sheet Pan Suppers", "Clara Benson", 256, 2025),
            ("The Sourdough Year", "Anna Kowalski", 240, 2022),
        ),
        "{book} by {author}: tested recipes with step-by-step photos, from weeknight basics to weekend projects.",
        "《{book}》，{author}著：每道食谱都经过实测，配分步图解，从工作日快手菜到周末大餐应有尽有。",
        ("books", "cookbook", "cooking", "gift"),
        "食谱",
        price=(19, 35),
    ),
    _print(
        "business",
        "Business Book",
        "Non-fiction > Business & Self-Help",
        _books(
            ("Deep Focus at Work", "Rachel Kim", 272, 2024),
            ("The Compound Habit", "Marcus Reid", 240, 2023),
            ("Small Shop, Big Ideas", "Nadia Farouk", 256, 2025),
            ("Quiet Confidence", "Sophie Lang", 224, 2022),
        ),
        "{book} by {author}: practical, research-backed advice you can use on Monday morning.",
        "《{book}》，{author}著：以研究为依据的实用建议，周一上班就能用上。",
        ("books", "business", "self-help"),
        "商业励志书",
    ),
    _print(
        "travel_guide",
        "Travel Guide",
        "Non-fiction > Travel",
        _books(
            ("Kyoto & Osaka Pocket Guide 2026", "Wanderfold Guides", 256, 2025),
            ("Iceland Road Trips", "Björn Halldórsson", 304, 2024),
            ("48 Hours in Lisbon", "Wanderfold Guides", 192, 2025),
        ),
        "{book}: maps, itineraries and honest tips from {author}.",
        "《{book}》：{author}带来的地图、行程规划和真诚实用的建议。",
        ("books", "travel", "guide"),
        "旅行指南",
    ),
    ProductType(
        key="picture_book",
        label="Children's Book",
        path="Books & E-books > Children's Books > Picture Books",
        count=4,
        brands=("Little Lantern", "Penrose Books"),
        titles=("{book} by {author}, Board Book",),
        words={"book": ()},
        models=(
            {
                "book": ("Little Panda's Big Day", "小熊猫的大日子"),
                "author": "Lily Chen",
                "pages": 32,
                "age_range": "2-5",
            },
            {
                "book": ("Goodnight, Busy City", "晚安，忙碌的城市"),
                "author": "Sam Porter",
                "pages": 32,
                "age_range": "1-4",
            },
            {
                "book": ("The Dragon Who Loved Dumplings", "爱吃饺子的小龙"),
                "author": "Grace Liu",
                "pages": 40,
                "age_range": "3-6",
            },
            {"book": ("Ten Little Raindrops", "十颗小雨滴"), "author": "Emma Hart", "pages": 28, "age_range": "0-3"},
        ),
        attrs={"language": ("English",), "material": ("Sturdy board pages",)},
        price=(8, 16),
        desc=(
            ("{book} by {author}: a bright, rhyming read-aloud for ages {age_range}.",),
            ("{pages} thick board pages with rounded corners that survive little hands.",),
            ("Wipe pages clean with a barely damp cloth.",),
        ),
        desc_zh=(
            ("《{book}》，{author}著：色彩明快、朗朗上口的押韵亲子共读绘本，适合{age_range}岁。",),
            ("共{pages}页厚纸板，圆角设计，经得起小手翻折。",),
            ("用微湿的布擦拭书页即可。",),
        ),
        zh="{book}（纸板书）",
        tags=("books", "kids", "picture-book", "gift"),
    ),
    ProductType(
        key="language_book",
        label="Language Learning Book",
        path="Books & E-books > Education > Language Learning",
        count=3,
        brands=("Meridian", "Northlight Press"),
        titles=("{book} by {author}, Paperback",),
        words={"book": ()},
        models=(
            {
                "book": ("Everyday Mandarin for Beginners (with Audio)", "日常汉语入门（附音频）"),
                "author": "Li Na",
                "pages": 280,
                "language": "English and Chinese",
            },
            {
                "book": ("HSK 3 Vocabulary Workbook", "HSK三级词汇练习册"),
                "author": "Zhang Hui",
                "pages": 196,
                "language": "Chinese with English notes",
            },
            {
                "book": ("English Conversation in 30 Days", "30天英语口语速成"),
                "author": "Mark Ellis",
                "pages": 240,
                "language": "English with Chinese notes",
            },
        ),
        price=(15, 29),
        desc=(
            ("{book} by {author}: short daily lessons, dialogues and review exercises ({language}).",),
            ("{pages} pages; downloadable audio via a QR code inside the cover.",),
        ),
        desc_zh=(
            ("《{book}》，{author}著：每日简短课程、情景对话和复习练习。",),
            ("共{pages}页；扫描封面内侧二维码即可下载配套音频。",),
        ),
        zh="{book} {author}著",
        tags=("books", "language-learning", "education"),
    ),
    ProductType(
        key="ebook_fiction",
        label="E-book",
        path="Books & E-books > E-books > Fiction E-books",
        count=5,
        brands=("Penrose Digital", "Northlight Digital"),
        titles=("{book} by {author} (E-book)",),
        words={"book": ()},
        models=(
            {"book": ("The Midnight Orchard", "午夜果园"), "author": "Clara Voss", "pages": 320},
            {"book": ("Signal from Europa", "来自木卫二的信号"), "author": "Arun Mehta", "pages": 410},
            {"book": ("The Tea Merchant's Secret", "茶商的秘密"), "author": "Jia Wen", "pages": 296},
            {"book": ("Harbor Lights", "港湾灯火"), "author": "Nora Quinn", "pages": 280},
            {"book": ("The Clockmaker's Apprentice", "钟表匠的学徒"), "author": "Felix Grant", "pages": 352},
        ),
        attrs={"file_format": ("EPUB and PDF",), "language": ("English",)},
        price=(150, 350),
        currency="XTR",
        digital=True,
        desc=(
            ("{book} by {author}, about {pages} print pages, as a DRM-free e-book.",),
            (
                "Paid with Telegram Stars and delivered instantly in this chat as EPUB and PDF files that open on any "
                "phone, tablet or e-reader.",
            ),
        ),
        desc_zh=(
            ("《{book}》，{author}著，纸书约{pages}页，无DRM电子书。",),
            ("使用Telegram Stars支付，在本聊天中即时发送EPUB和PDF文件，手机、平板或电子阅读器均可打开。",),
        ),
        zh="{book}（电子书）",
        tags=("ebook", "books", "fiction"),
    ),
    ProductType(
        key="ebook_nonfiction",
        label="E-book",
        path="Books & E-books > E-books > Non-fiction E-books",
        count=4,
        brands=("Penrose Digital", "Northlight Digital"),
        titles=("{book} by {author} (E-book)",),
        words={"book": ()},
        models=(
            {
                "book": ("Coffee Origins Explained", "咖啡产地全解"),
                "author": "Leo Marchetti",
                "pages": 180,
                "extra_tags": ["coffee"],
            },
            {"book": ("Personal Finance in One Weekend", "一个周末学会理财"), "author": "Aisha Bello", "pages": 190},
            {"book": ("Mindful Mornings", "正念清晨"), "author": "Sophie Lang", "pages": 150},
            {"book": ("Python for Busy People", "忙人学Python"), "author": "Tom Becker", "pages": 260},
        ),
        attrs={"file_format": ("EPUB and PDF",), "language": ("English",)},
        price=(99, 300),
        currency="XTR",
        digital=True,
        desc=(
            ("{book} by {author}: a concise, practical guide of about {pages} pages.",),
            ("Paid with Telegram Stars and delivered instantly in this chat as DRM-free EPUB and PDF files.",),
        ),
        desc_zh=(
            ("《{book}》，{author}著：简明实用的指南，约{pages}页。",),
            ("使用Telegram Stars支付，在本聊天中即时发送无DRM的EPUB和PDF文件。",),
        ),
        zh="{book}（电子书）",
        tags=("ebook", "books", "non-fiction"),
    ),
)
