"""The keys several parts want (Enter, Backspace, Esc, N, Shift+N, A), routed in one written
order: each key asks its handlers in turn and the first that takes it (returns True) ends the
search. MainWindow builds the table; ``describe()`` prints it (docs/architecture.md quotes it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Handler = Callable[[], bool]


class KeyRouter:
    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[str, Handler]]] = {}

    def route(self, key: str, *handlers: tuple[str, Handler]) -> None:
        """Set the handlers of key, first asked first."""
        self.routes[key] = list(handlers)

    def dispatch(self, key: str) -> str | None:
        """Offer key to its handlers in order; the name of the one that took it, or None."""
        for name, handler in self.routes.get(key, ()):
            if handler():
                log.debug("key %s taken by %s", key, name)
                return name
        return None

    def order(self, key: str) -> list[str]:
        return [name for name, _ in self.routes.get(key, ())]

    def describe(self) -> str:
        return "\n".join(f"{key}: {' → '.join(self.order(key))}" for key in self.routes)
