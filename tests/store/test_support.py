"""Support tickets: opening with a context snapshot, the message history, status by who owes a reply."""

from __future__ import annotations

import pytest

from store.errors import NotFound
from store.models.support import TicketKind, TicketStatus
from store.support.context import build_ticket_context
from store.support.errors import TicketClosed
from store.support.service import add_ticket_message, assign_ticket, close_ticket, get_ticket, list_tickets, open_ticket
from store.uow import UnitOfWorkFactory
from tests.helpers.order_builders import NOW, fill_cart, make_item, make_user


async def test_ticket_lifecycle_keeps_history_and_context(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    item = await make_item(uow_factory, title="Blue kettle")
    await fill_cart(uow_factory, 1, (item, 2))
    async with uow_factory() as uow:
        context = await build_ticket_context(uow, 1, [f"m{i}" for i in range(15)], now=NOW)
    assert context["messages"] == [f"m{i}" for i in range(5, 15)]
    assert context["cart"][0]["title"] == "Blue kettle" and context["cart"][0]["quantity"] == 2
    async with uow_factory() as uow:
        ticket = await open_ticket(uow, user_id=1, chat_id=1, subject="  my kettle leaks ", now=NOW,
                                   kind=TicketKind.COMPLAINT, context=context)
    assert ticket.number == f"T{1000 + ticket.id}" and ticket.status is TicketStatus.OPEN
    assert ticket.subject == "my kettle leaks" and ticket.kind is TicketKind.COMPLAINT
    assert [m.text for m in ticket.messages] == ["my kettle leaks"]

    async with uow_factory() as uow:
        ticket = await add_ticket_message(uow, ticket.id, author_id=99, text="Sorry! Photo?", now=NOW,
                                          from_staff=True)
    assert ticket.status is TicketStatus.WAITING and ticket.assigned_to == 99
    async with uow_factory() as uow:
        ticket = await add_ticket_message(uow, ticket.id, author_id=1, text="here", now=NOW, from_staff=False)
    assert ticket.status is TicketStatus.ASSIGNED
    assert [(m.from_staff, m.text) for m in ticket.messages] == [(False, "my kettle leaks"),
                                                                 (True, "Sorry! Photo?"), (False, "here")]
    async with uow_factory() as uow:
        closed = await close_ticket(uow, ticket.id, actor="staff:99", now=NOW)
    assert closed.is_closed and closed.closed_at is not None
    with pytest.raises(TicketClosed):
        async with uow_factory() as uow:
            await add_ticket_message(uow, ticket.id, author_id=1, text="again?", now=NOW, from_staff=False)
    async with uow_factory() as uow:
        assert (await get_ticket(uow, ticket.id)).context["cart"][0]["sku"] == item.sku


async def test_shopper_cannot_touch_someone_elses_ticket(uow_factory: UnitOfWorkFactory) -> None:
    await make_user(uow_factory, 1)
    await make_user(uow_factory, 2)
    async with uow_factory() as uow:
        ticket = await open_ticket(uow, user_id=1, chat_id=1, subject="help", now=NOW)
    with pytest.raises(NotFound):
        async with uow_factory() as uow:
            await add_ticket_message(uow, ticket.id, author_id=2, text="hi", now=NOW, from_staff=False)
    with pytest.raises(NotFound):
        async with uow_factory() as uow:
            await close_ticket(uow, ticket.id, actor="user:2", now=NOW, user_id=2)
    async with uow_factory() as uow:
        assigned = await assign_ticket(uow, ticket.id, 7, now=NOW)
    assert assigned.status is TicketStatus.ASSIGNED and assigned.assigned_to == 7
    async with uow_factory() as uow:
        assert [t.id for t in await list_tickets(uow, user_id=1)] == [ticket.id]
        assert await list_tickets(uow, user_id=2) == []
