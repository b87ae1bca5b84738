"""The one place where code-point offsets meet Qt positions.

The core stores Python code-point offsets into the document text. A QTextDocument built with
setPlainText() counts UTF-16 code units and turns each "\\n" into U+2029 (still one unit), so
the two differ exactly by one extra unit per astral character (emoji, rare CJK) before the
position. OffsetMap keeps the sorted code-point offsets of those characters and converts both
ways with a binary search: O(log k) for k astral characters, nothing for pure Arabic text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    __slots__ = ("_astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self._astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
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

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection -> code points, widened to whole characters."""
        if start > end:
            start, end = end, start
        return self.from_qt(start), self.from_qt(end, round_up=True)


def qt_plain_text(text: str) -> str:
    """What QTextDocument.toPlainText()... stores internally: line breaks as U+2029."""
    return text.replace("\n", "\u2029")
