"""The python-telegram-bot (v22) adapter: ``PtbTransport`` in ``bot.transports.ptb.app``."""
