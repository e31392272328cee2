"""Loyalty points: an append-only ledger, levels, and the awards for paid orders and reviews.

Import from the submodules (``store.loyalty.service``, ``store.loyalty.levels``).
"""
