from __future__ import annotations

from knowledge.text import tokenize
from knowledge.text.stemming import light_stem
from knowledge.text.tokenize import is_code


def test_english_is_lowercased_stemmed_and_request_words_dropped() -> None:
    assert tokenize("Show me Red Running SHOES") == ["red", "running", "shoe"]
    assert tokenize("batteries boxes dresses mugs") == ["battery", "box", "dress", "mug"]


def test_short_and_non_plural_words_are_kept() -> None:
    assert [light_stem(w) for w in ("gas", "glass", "status", "analysis")] == ["gas", "glass", "status", "analysis"]


def test_sku_codes_stay_whole() -> None:
    assert tokenize("order HK-MUG-001-RED please") == ["order", "hk-mug-001-red"]
    assert is_code("p05-bla-41") and not is_code("t-shirt") and not is_code("2024")


def test_joined_words_without_digits_give_whole_and_parts() -> None:
    assert tokenize("t-shirt") == ["t-shirt", "t", "shirt"]


def test_chinese_is_segmented_with_jieba_search_mode() -> None:
    tokens = tokenize("我想买一个红色的陶瓷马克杯")
    assert "红色" in tokens and "陶瓷" in tokens and "马克杯" in tokens
    assert "我" not in tokens and "的" not in tokens


def test_full_width_text_is_normalised_and_mixed_scripts_work() -> None:
    tokens = tokenize("ＵＳＢ－Ｃ 充电器")
    assert tokens[:3] == ["usb-c", "usb", "c"] and "充电器" in tokens


def test_empty_and_punctuation_only() -> None:
    assert tokenize("") == [] and tokenize("?!, ...") == []


def test_warm_up_loads_the_part_of_speech_tags_a_chinese_search_reads() -> None:
    """The tags load when ``jieba.posseg`` is imported (~0.5 s): warm-up must do it, not the first Chinese query."""
    import subprocess
    import sys

    code = ("import sys; from knowledge.text.tokenize import warm_up; warm_up(); "
            "print('jieba.posseg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"
