"""Feature routers: each skill registers handlers by intent, command, button prefix, pending step or event type.

Routers compose (``include``) into the one the dispatcher uses, like aiogram's, without any Telegram import.
Handlers receive only the dependencies they name (see bot.core.deps) and return replies.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.deps import INJECTABLE, Deps
from bot.core.replies import Reply

__all__ = ["Router", "Handler", "HandlerResult"]

HandlerResult = Reply | Sequence[Reply] | None
Handler = Callable[..., Awaitable[HandlerResult]]
F = TypeVar("F", bound=Handler)


@dataclass
class _Bound:
    fn: Handler
    wants: tuple[str, ...]

    async def __call__(self, deps: Deps) -> list[Reply]:
        values = deps.as_kwargs()
        result = await self.fn(**{name: values[name] for name in self.wants})
        if result is None:
            return []
        if isinstance(result, Reply):
            return [result]
        return list(result)


def _bind(fn: Handler) -> _Bound:
    params = inspect.signature(fn).parameters
    unknown = [p for p in params if p not in INJECTABLE]
    if unknown:
        raise TypeError(f"{fn.__qualname__} asks for {unknown}; injectable: {sorted(INJECTABLE)}")
    return _Bound(fn, tuple(params))


@dataclass
class Router:
    name: str
    intents: dict[str, _Bound] = field(default_factory=dict)
    commands: dict[str, _Bound] = field(default_factory=dict)
    buttons: dict[str, _Bound] = field(default_factory=dict)
    pending: dict[str, _Bound] = field(default_factory=dict)
    events: dict[type, _Bound] = field(default_factory=dict)

    def _add(self, table: dict[Any, _Bound], keys: Sequence[Any], what: str) -> Callable[[F], F]:
        def register(fn: F) -> F:
            bound = _bind(fn)
            for key in keys:
                if key in table:
                    raise ValueError(f"{what} {key!r} registered twice in router {self.name}")
                table[key] = bound
            return fn

        return register

    def intent(self, *names: str) -> Callable[[F], F]:
        return self._add(self.intents, names, "intent")

    def command(self, *names: str) -> Callable[[F], F]:
        return self._add(self.commands, names, "command")

    def button(self, *prefixes: str) -> Callable[[F], F]:
        return self._add(self.buttons, prefixes, "button prefix")

    def on_pending(self, *kinds: str) -> Callable[[F], F]:
        return self._add(self.pending, kinds, "pending step")

    def on_event(self, *types: type) -> Callable[[F], F]:
        return self._add(self.events, types, "event type")

    def include(self, *others: Router) -> Router:
        for other in others:
            _merge(self.intents, other.intents, "intent", self.name, other.name)
            _merge(self.commands, other.commands, "command", self.name, other.name)
            _merge(self.buttons, other.buttons, "button prefix", self.name, other.name)
            _merge(self.pending, other.pending, "pending step", self.name, other.name)
            _merge(self.events, other.events, "event type", self.name, other.name)
        return self


K = TypeVar("K")


def _merge(mine: dict[K, _Bound], theirs: dict[K, _Bound], what: str, name: str, other: str) -> None:
    clash = set(mine) & set(theirs)
    if clash:
        raise ValueError(f"{what} {sorted(map(str, clash))} in both {name} and {other}")
    mine.update(theirs)
