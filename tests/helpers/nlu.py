"""Builders for NLU tests: a small bilingual Rasa YAML training set written to a directory."""

from __future__ import annotations

from pathlib import Path

__all__ = ["SMALL_EN", "SMALL_ZH", "write_small_data"]

SMALL_EN = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hi
    - hello
    - hey there
    - good morning
    - hello bot
    - hiya
- intent: track_order
  examples: |
    - where is my order [10042](order_id)
    - track order [#10077](order_id)
    - track my package
    - where is my parcel
    - has my order shipped
    - tracking for [SB10042]{"entity": "order_id", "value": "SB10042"}
- intent: search_product
  examples: |
    - [running shoes](product) under [$80](price_max)
    - [airpods](product)
    - show me [red](color) [dresses](product)
    - [linen duvet cover](product) [king](size)
    - looking for a [phone case](product)
    - [usb c charger](product) 65w
- intent: add_to_cart
  examples: |
    - add [two]{"entity": "quantity", "value": "2"} to my cart
    - add [the second one](reference) to cart
    - put [it](reference) in my basket
    - add to cart please
    - i'll take [3](quantity) of those
    - add [a pair](quantity) to the cart
- intent: out_of_scope
  examples: |
    - what's the weather tomorrow
    - tell me a joke
    - who won the football game
    - help me with my homework
    - write python code for me
    - book a flight to paris
- synonym: gray
  examples: |
    - grey
- lookup: color
  examples: |
    - red
    - gray
    - navy
- regex: order_id
  examples: |
    - #?\\b(?:[Ss][Bb])?\\d{5,8}\\b
"""

SMALL_ZH = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - 你好
    - 您好
    - 在吗
    - 早上好
- intent: track_order
  examples: |
    - 我的订单[10042](order_id)到哪了
    - 查一下物流
    - 快递到哪里了
    - 订单什么时候发货
- intent: search_product
  examples: |
    - [红色](color)[连衣裙](product)
    - [蓝牙耳机](product) 降噪
    - [300元](price_max)以内的[电饭煲](product)
    - 有没有[运动鞋](product)
- intent: add_to_cart
  examples: |
    - 把[第二个](reference)加入购物车
    - 加入购物车
    - 我要[两件](quantity)
    - 放进购物车
- intent: out_of_scope
  examples: |
    - 今天天气怎么样
    - 讲个笑话
    - 帮我写作业
    - 股票会涨吗
"""


def write_small_data(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "en_small.yml").write_text(SMALL_EN, encoding="utf-8")
    (directory / "zh_small.yml").write_text(SMALL_ZH, encoding="utf-8")
    return directory
