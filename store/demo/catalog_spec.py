"""The vocabulary-table format the demo catalog is generated from.

A ``ProductType`` describes one kind of product in one category ("ceramic mug in Home & Kitchen >
Kitchen > Mugs"): its brands, title templates, the words and attributes that fill them, variant axes
(colour, size...), a price range and description sentences. The builder draws concrete products from
it with a seeded RNG. Keeping the data declarative lets the catalog grow by editing tables, not code.

Template placeholders are ``{name}`` fields filled from ``brand``, ``words``, ``attrs`` and ``models``.
A word or attribute choice may be a ``(english, chinese)`` pair, so the same pick yields the English
title and the Chinese ``title_zh``; plain values are used as-is in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Choice", "Value", "Model", "ProductType", "en", "zh"]

# A title word: "Matte" or ("Matte", "哑光").
Choice = str | tuple[str, str]
# An attribute value: text, number, flag, or an (english, chinese) pair.
Value = str | int | float | bool | tuple[str, str]
# A coherent bundle of fields that belong together (a real model: brand + model name + specs).
# A list value restricts a variant axis to those options for this model.
Model = Mapping[str, Value | list[Value]]


@dataclass(frozen=True)
class ProductType:
    """One kind of product; ``count`` concrete products are generated from it.

    ``price`` is the base price range in whole major units (dollars, or Stars for XTR).
    ``steps`` adds minor units per option of a variant axis (e.g. King costs more than Twin), aligned
    with the axis options; ``price_by`` fixes the price of an option outright (gift-card values).
    ``desc`` holds sentence groups: one alternative is chosen from each group, in order.
    Keys of a model that name a variant axis restrict that axis (a list); ``brand``, ``price`` (whole
    major units, sold at .99) and ``price_minor`` (exact) override the type's; ``extra_tags`` (a list)
    adds tags; keys that are title words stay in the title; the rest become attributes. A word with
    no choices (``()``) must be supplied by every model.
    """

    key: str
    label: str
    path: str
    count: int
    brands: tuple[str, ...]
    titles: tuple[str, ...]
    price: tuple[int, int]
    desc: tuple[tuple[str, ...], ...]
    words: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    attrs: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    variants: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    steps: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    price_by: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    models: tuple[Model, ...] = ()
    zh: str | None = None
    desc_zh: tuple[tuple[str, ...], ...] = ()
    tags: tuple[str, ...] = ()
    currency: str = "USD"
    digital: bool = False
    # Attributes assigned round-robin by product index instead of at random, so that every option is
    # covered (e.g. a case for every phone model). The random draw is still made, which keeps the RNG
    # stream, and so every later product, identical to an uncycled table.
    cycle: tuple[str, ...] = ()

    @property
    def top_category(self) -> str:
        return self.path.split(" > ")[0]


def en(value: Value) -> Value:
    """The English (or language-neutral) form of a choice."""
    return value[0] if isinstance(value, tuple) else value


def zh(value: Value) -> Value:
    """The Chinese form of a choice, falling back to the neutral value (brands, numbers)."""
    return value[1] if isinstance(value, tuple) else value
