"""Control characters a stored text keeps (U+001A, U+0007, U+FEFF inside a news article) as
the article view shows them: each one as one visible placeholder character, so that the
stored text and every offset stay as they are and Qt positions stay 1:1 (each control and
each placeholder is one UTF-16 unit).

Layout controls (tab, line and paragraph breaks) keep their meaning and are not replaced.
"""

from __future__ import annotations

import re
import unicodedata

from annotation.arabic import CONTROL_RANGES, LAYOUT_CONTROLS

# C0 and C1 control characters have no Unicode character name, only aliases (NameAliases.txt).
_C0 = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT",  # the name BELL is U+1F514 now
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
_C1 = (
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
)
_ALIASES = {**{i: n for i, n in enumerate(_C0)}, 0x7F: "DELETE"}
_ALIASES.update({0x80 + i: n for i, n in enumerate(_C1)})

BOXED = "\u2327"  # ⌧ X IN A RECTANGLE BOX: a control without a picture of its own


def _placeholder(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # ␚ ␇ …: the Control Pictures block
    if code == 0x7F:
        return "\u2421"  # ␡
    return BOXED  # C1 controls, U+FEFF


# What is replaced: C0/C1 controls and DEL except layout controls, and U+FEFF (a byte-order
# mark left inside a text, invisible otherwise).
SHOWN = frozenset(
    chr(c) for lo, hi in CONTROL_RANGES for c in range(lo, hi + 1) if chr(c) not in LAYOUT_CONTROLS
) | {"\ufeff"}
_TABLE = {ord(c): _placeholder(ord(c)) for c in SHOWN}
_SHOWN_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(SHOWN)) + "]")


def with_placeholders(text: str) -> str:
    """text with each control character shown as its placeholder (same length)."""
    return text.translate(_TABLE) if _SHOWN_RE.search(text) else text


def positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the shown control characters in text[start:end]."""
    return [m.start() for m in _SHOWN_RE.finditer(text, start, len(text) if end is None else end)]


def describe(char: str) -> str:
    """U+001A SUBSTITUTE: the code and the character's name (its alias for a control)."""
    code = ord(char)
    name = _ALIASES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} {name}".rstrip()
