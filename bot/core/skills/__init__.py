"""Skills: one router per feature, composed in ``bot.core.skills.registry``."""
