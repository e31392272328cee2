"""Transports: Telegram libraries (python-telegram-bot, aiogram), the console and the web chat.

Each one only translates: an update becomes a neutral event (bot.core.events), the core's neutral replies
become library calls. The Telegram adapters share everything that is not a library call: text splitting,
captions, media paths and keyboards (render), the reply-to-calls logic (outbox), per-chat ordering and the
always-answer guarantees (bridge), and the outgoing rate limiter (rate_limit). Nothing is imported here so
that ``import bot.transports`` never pulls a Telegram library in.
"""
