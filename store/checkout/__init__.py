"""Checkout: cart -> order (``service.checkout``), and delivery choice for claim orders (``choose``).

Import from the submodules; this file stays free of imports so loading one part does not load pricing.
"""
