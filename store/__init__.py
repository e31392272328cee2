"""shopbot's store: the domain model, its persistence and one service function per command.

Nothing in here knows about Telegram or any chat transport.
"""
