"""How many examples a property test draws. `make test` (the quick loop) draws a quarter of each
test's full count; `make test-properties` (HASHIYA_THOROUGH=1, run by CI) draws them all."""

from __future__ import annotations

import os

THOROUGH = os.environ.get("HASHIYA_THOROUGH", "") not in ("", "0")
QUICK_SHARE = 0.25


def examples(full: int) -> int:
    """The number of examples for a test whose full count is `full`."""
    if THOROUGH:
        return full
    return max(10, round(full * QUICK_SHARE))
