"""Payments per order behind one interface (``base.PaymentMethod``): Telegram card payments
(``telegram``), Telegram Stars (``stars``), cash on delivery (``cod``), and instalment plans shown for
larger orders (``instalments``). Refused attempts are recorded (``attempts``); successful ones are applied
exactly once (``capture``). Import from the submodules.
"""
