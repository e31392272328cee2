"""The command menu both adapters register with setMyCommands, in English (default) and Chinese."""

from __future__ import annotations

__all__ = ["BOT_COMMANDS", "COMMAND_LANGUAGES"]

# (command, English description, Chinese description); descriptions are at most 256 characters.
BOT_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "Start shopping", "开始购物"),
    ("help", "What I can do", "我能做什么"),
    ("search", "Search products", "搜索商品"),
    ("cart", "Show my cart", "查看购物车"),
    ("orders", "My orders", "我的订单"),
    ("track", "Track an order", "查询物流"),
    ("ask", "Ask a question", "提问"),
    ("groups", "Our community groups", "社群"),
    ("support", "Talk to a person", "联系人工客服"),
    ("language", "Change language", "切换语言"),
    ("privacy", "My data and privacy", "我的数据与隐私"),
    ("cancel", "Cancel the current step", "取消当前操作"),
)

# language_code for setMyCommands -> index of the description column; None is the default for everyone else.
COMMAND_LANGUAGES: dict[str | None, int] = {None: 1, "zh": 2}
