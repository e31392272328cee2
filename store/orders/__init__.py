"""Orders: the state machine, the append-only history, commands and read views.

Import from the submodules (``store.orders.service``, ``store.orders.views``...); this package file stays
empty of imports so the models can use ``store.orders.states`` without an import cycle.
"""
