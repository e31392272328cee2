"""The aiogram (3.x) adapter: ``AiogramTransport`` in ``bot.transports.aiogram.app``."""
