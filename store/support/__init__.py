"""Support tickets: a shopper's hand-off to human staff, with the context staff need and an append-only history.

Import from the submodules (``store.support.service``, ``store.support.context``...).
"""
