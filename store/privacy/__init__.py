"""A shopper's own data: export everything we hold about them, or erase it (``export``, ``erase``).

The rule for erasure (documented in docs/community.md): personal data with no legal reason to stay is
deleted (addresses, cart, tickets, points, promotion consent, questions, votes, conversation state); what the
shop must keep for accounting (orders, payments, refunds, coupon redemptions, flash-sale claims) stays but is
anonymised (order address snapshots keep only the country; return reasons and photos are removed; the
profile loses its name and username). Reviews keep their star rating (it is part of the product's average)
but lose their text and their link to the author.
"""
