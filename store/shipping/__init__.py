"""Shipping: options and prices (``options``), the carrier interface (``carrier``), a deterministic
simulated carrier (``simulated``) and the ship/track commands (``service``). Import from the submodules.
"""
