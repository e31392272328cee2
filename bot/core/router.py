"""Feature routers: each skill registers handlers by intent, command, button prefix, pending step or event type.
A pending step also declares how it shares messages with the NLU (``PendingRule``).

Routers compose (``include``) into the one the dispatcher uses, like aiogram's, without any Telegram import.
Handlers receive only the dependencies they name (see bot.core.deps) and return replies.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.deps import INJECTABLE, Deps
from bot.core.replies import Reply

__all__ = ["Router", "Handler", "HandlerResult", "PendingRule", "DEFAULT_RULE"]

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


AnswerTest = Callable[[dict[str, Any], str], bool]


@dataclass(frozen=True)
class PendingRule:
    """How a pending step shares the next message with the NLU (the dispatcher applies it; bot.core.pending
    holds the navigational intents and the confidence a message needs to leave a step).

    ``keeps``: navigational intents that are answers here (a support request about an order keeps track_order).
    ``prose``: answers are sentences (a review, a return reason): only a short message may leave.
    ``closed``: nothing leaves (staff typing an answer for a shopper); commands and buttons still work.
    ``answers(data, text)``: the step's own words and shapes, taken before the NLU is asked ("cancel", a postcode
    the NLU would read as an order number).
    ``resume``: keep the step after a message left it, and add this handler's replies (a reminder of what the
    step still waits for); without it the step is dropped.
    ``asides``: a question the NLU is sure of (ask_question) leaves the step too: in a form whose answers are
    names and streets, "how much is shipping to texas?" is asked of the shop, not typed as the name.
    """

    keeps: frozenset[str] = frozenset()
    prose: bool = False
    closed: bool = False
    answers: AnswerTest | None = None
    resume: _Bound | None = None
    asides: bool = False


DEFAULT_RULE = PendingRule()


@dataclass
class Router:
    name: str
    intents: dict[str, _Bound] = field(default_factory=dict)
    commands: dict[str, _Bound] = field(default_factory=dict)
    buttons: dict[str, _Bound] = field(default_factory=dict)
    pending: dict[str, _Bound] = field(default_factory=dict)
    pending_rules: dict[str, PendingRule] = field(default_factory=dict)
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

    def on_pending(self, *kinds: str, keeps: Iterable[str] = (), prose: bool = False, closed: bool = False,
                   answers: AnswerTest | None = None, resume: Handler | None = None) -> Callable[[F], F]:
        """The handler of a pending step, with how the step shares messages with the NLU (``PendingRule``)."""
        if keeps or prose or closed or answers is not None or resume is not None:
            self.pending_rule(*kinds, keeps=keeps, prose=prose, closed=closed, answers=answers, resume=resume)
        return self._add(self.pending, kinds, "pending step")

    def pending_rule(self, *kinds: str, keeps: Iterable[str] = (), prose: bool = False, closed: bool = False,
                     answers: AnswerTest | None = None, resume: Handler | None = None, asides: bool = False) -> None:
        """Declare the rule of pending steps whose handler another router registers (e.g. a shared form)."""
        rule = PendingRule(frozenset(keeps), prose, closed, answers, _bind(resume) if resume is not None else None,
                           asides)
        for kind in kinds:
            if kind in self.pending_rules:
                raise ValueError(f"pending rule {kind!r} declared twice in router {self.name}")
            self.pending_rules[kind] = rule

    def on_event(self, *types: type) -> Callable[[F], F]:
        return self._add(self.events, types, "event type")

    def include(self, *others: Router) -> Router:
        for other in others:
            _merge(self.intents, other.intents, "intent", self.name, other.name)
            _merge(self.commands, other.commands, "command", self.name, other.name)
            _merge(self.buttons, other.buttons, "button prefix", self.name, other.name)
            _merge(self.pending, other.pending, "pending step", self.name, other.name)
            _merge(self.pending_rules, other.pending_rules, "pending rule", self.name, other.name)
            _merge(self.events, other.events, "event type", self.name, other.name)
        return self


K = TypeVar("K")
V = TypeVar("V")


def _merge(mine: dict[K, V], theirs: dict[K, V], what: str, name: str, other: str) -> None:
    clash = set(mine) & set(theirs)
    if clash:
        raise ValueError(f"{what} {sorted(map(str, clash))} in both {name} and {other}")
    mine.update(theirs)
