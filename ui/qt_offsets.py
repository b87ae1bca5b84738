"""The one place where code-point offsets meet Qt positions.

The core stores Python code-point offsets into the document text. A QTextDocument built with
setPlainText() counts UTF-16 code units and turns each "\\n" into U+2029 (still one unit), so
the two differ exactly by one extra unit per astral character (emoji, rare CJK) before the
position. OffsetMap keeps the sorted code-point offsets of those characters and converts both
ways with a binary search: O(log k) for k astral characters, nothing for pure Arabic text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from annotation.arabic import TASHKEEL_RE as _TASHKEEL  # what "hide diacritics" hides
from ui.control_marks import with_placeholders

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Ranges:
    """Range conversions shared by both maps, in terms of to_qt and from_qt."""

    __slots__ = ()
    to_qt: Callable[[int], int]
    from_qt: Callable[..., int]

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection -> code points, widened to whole characters."""
        if start > end:
            start, end = end, start
        return self.from_qt(start), self.from_qt(end, round_up=True)


class OffsetMap(_Ranges):
    __slots__ = ("_astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of each astral character's first (high surrogate) unit.
        self._astral_qt = [cp + k for k, cp in enumerate(self._astral)]
        self.length = len(text)
        self.qt_length = len(text) + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """Code-point offset -> Qt position (UTF-16 units)."""
        if not 0 <= offset <= self.length:
            raise IndexError(f"offset {offset} outside 0..{self.length}")
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int, *, round_up: bool = False) -> int:
        """Qt position -> code-point offset.

        A position between the two surrogates of an astral character has no code-point
        equivalent; it rounds down to that character's start, or up past it with round_up.
        """
        if not 0 <= position <= self.qt_length:
            raise IndexError(f"position {position} outside 0..{self.qt_length}")
        k = bisect_right(self._astral_qt, position - 1)  # astral chars starting before position
        if k and self._astral_qt[k - 1] == position - 1:
            # inside a surrogate pair
            return self._astral[k - 1] + (1 if round_up else 0)
        return position - k


class ViewMap(_Ranges):
    """Code points of the stored text <-> Qt positions of what the view shows.

    The view may hide some characters (diacritics); the stored text and every offset never
    change. disp(o) counts the visible characters before o; orig(d) is the stored offset of
    the d-th visible character, so a hidden mark lands inside the selection of the letter it
    sits on. UTF-16 is then handled by OffsetMap over the displayed text.
    """

    __slots__ = ("_hidden", "_hidden_at_display", "display_text", "length", "omap")

    def __init__(self, text: str, hide: bool = False) -> None:
        self.length = len(text)
        self._hidden = [m.start() for m in _TASHKEEL.finditer(text)] if hide else []
        # For hidden character k: the display index of the first visible character after it.
        self._hidden_at_display = [h - k for k, h in enumerate(self._hidden)]
        # Control characters kept in the text show as one placeholder character each: the
        # same length, so positions stay 1:1 (ui/control_marks.py).
        self.display_text = with_placeholders(_TASHKEEL.sub("", text) if self._hidden else text)
        self.omap = OffsetMap(self.display_text)

    @property
    def qt_length(self) -> int:
        return self.omap.qt_length

    @property
    def hides(self) -> bool:
        return bool(self._hidden)

    def disp(self, offset: int) -> int:
        return offset - bisect_left(self._hidden, offset)

    def orig(self, display: int) -> int:
        return display + bisect_right(self._hidden_at_display, display)

    def to_qt(self, offset: int) -> int:
        if not 0 <= offset <= self.length:
            raise IndexError(f"offset {offset} outside 0..{self.length}")
        return self.omap.to_qt(self.disp(offset))

    def from_qt(self, position: int, *, round_up: bool = False) -> int:
        return min(self.length, self.orig(self.omap.from_qt(position, round_up=round_up)))
