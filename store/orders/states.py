"""The order state machine: which status may follow which, in one table.

Services never assign ``order.status`` directly; they call ``store.orders.service.transition``, which checks
this table and applies the change with a conditional UPDATE (``WHERE status = :from``), so two concurrent
moves of one order cannot both succeed. A few edges are allowed only for some orders; ``guard_reason`` says
which (cash on delivery skips payment, digital goods are delivered on payment, pickup is never shipped).
"""

from __future__ import annotations

from collections.abc import Mapping

from store.models.orders import OrderStatus, PaymentMethodKind, ShippingOption
from store.orders.errors import IllegalTransition

__all__ = ["OrderStatus", "TRANSITIONS", "TERMINAL", "can_transition", "check_transition", "guard_reason"]

S = OrderStatus

TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING_PAYMENT: frozenset({S.PAID, S.PACKED, S.CANCELLED}),
    S.PAID: frozenset({S.PACKED, S.DELIVERED, S.CANCELLED}),
    S.PACKED: frozenset({S.SHIPPED, S.DELIVERED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset({S.COMPLETED, S.RETURN_REQUESTED, S.REFUNDED}),
    S.COMPLETED: frozenset({S.RETURN_REQUESTED, S.REFUNDED}),
    S.RETURN_REQUESTED: frozenset({S.RETURNED, S.DELIVERED, S.COMPLETED}),
    S.RETURNED: frozenset({S.REFUNDED}),
    S.CANCELLED: frozenset({S.REFUNDED}),
    S.REFUNDED: frozenset(),
}

TERMINAL: frozenset[OrderStatus] = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


def can_transition(from_state: OrderStatus, to_state: OrderStatus) -> bool:
    return to_state in TRANSITIONS[from_state]


def guard_reason(
    from_state: OrderStatus,
    to_state: OrderStatus,
    *,
    payment_method: PaymentMethodKind | None,
    shipping_option: ShippingOption | None,
    is_digital: bool,
) -> str | None:
    """Why an edge in the table is still not allowed for this particular order (None = allowed)."""
    if from_state is S.PENDING_PAYMENT and to_state is S.PACKED and payment_method is not (
        PaymentMethodKind.CASH_ON_DELIVERY
    ):
        return "only cash-on-delivery orders are packed before payment"
    if from_state is S.PAID and to_state is S.DELIVERED and not is_digital:
        return "only digital orders are delivered straight after payment"
    if from_state is S.PACKED and to_state is S.DELIVERED and shipping_option is not ShippingOption.PICKUP:
        return "only pickup orders are handed over without shipping"
    if from_state in (S.DELIVERED, S.COMPLETED) and to_state is S.REFUNDED and not is_digital:
        return "physical goods are refunded after they come back (return first)"
    if to_state is S.SHIPPED and (is_digital or shipping_option is ShippingOption.PICKUP):
        return "digital and pickup orders are not shipped"
    return None


def check_transition(
    order_number: str,
    from_state: OrderStatus,
    to_state: OrderStatus,
    *,
    payment_method: PaymentMethodKind | None = None,
    shipping_option: ShippingOption | None = None,
    is_digital: bool = False,
) -> None:
    """Raise IllegalTransition unless the move is in the table and its guard allows it."""
    if not can_transition(from_state, to_state) or guard_reason(
        from_state, to_state, payment_method=payment_method, shipping_option=shipping_option,
        is_digital=is_digital,
    ):
        raise IllegalTransition(order_number, from_state.value, to_state.value)
