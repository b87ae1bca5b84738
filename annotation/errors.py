"""The root of every error Hashiya raises on purpose.

A ``HashiyaError`` is a refusal the user can act on: its message is one line naming the file
(and line) and the reason. Anything else that escapes is a bug and is logged with its traceback.
"""

from __future__ import annotations


class HashiyaError(Exception):
    """A refusal with a one-line, user-facing reason."""


class Stopped(Exception):
    """Long work stopped by the user before its end: not a refusal, nothing to report."""
