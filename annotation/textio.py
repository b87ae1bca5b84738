"""Decoding article files: the accepted encodings, newline normalisation, refusals, and the
control characters real news text carries.

Only line breaks change (CRLF and CR become LF); every other character is kept as it is.

Decoding order: a BOM decides (UTF-8 or UTF-16, strict); else strict UTF-8. Bytes that are
UTF-8 except for a few bad ones are a damaged UTF-8 file: refused naming the first bad byte's
offset, or with repair=True the bad bytes become U+FFFD (and `repaired` counts them). Only a
file whose non-ASCII bytes are mostly not UTF-8 is read as Windows-1256, and then only when
it looks Arabic. Control characters: an isolated one (U+001A, U+0007... real articles carry
them) is kept; NUL, or more than one character in 50 being a control, is binary data.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from annotation.arabic import CONTROL_RANGES, LAYOUT_CONTROLS
from annotation.errors import HashiyaError


class InputRefused(HashiyaError, ValueError):
    """An input cannot be imported; str() is the one-line reason (without the file name),
    `offset` the byte it is about, when there is one."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# C0 and C1 controls other than layout (tab, LF, VT, FF, CR), plus U+FEFF inside a text (a
# BOM left in the middle by a concatenation): kept, but reported.
_STRAY = "".join(
    re.escape(chr(c))
    for lo, hi in CONTROL_RANGES
    for c in range(lo, hi + 1)
    if chr(c) not in LAYOUT_CONTROLS
)
_UNUSUAL = re.compile(f"[{_STRAY}\ufeff]")
BINARY_MIN_CONTROLS = 8  # fewer control characters than this is never "binary"
BINARY_SHARE = 50  # more than one control character in BINARY_SHARE characters is binary


@dataclass(frozen=True)
class Unusual:
    """Control characters (and U+FEFF) of a text: what the import summary reports."""

    counts: dict[str, int] = field(default_factory=dict)  # character -> occurrences
    controls: int = 0  # C0/C1 controls among them (U+FEFF is not one)
    length: int = 0

    @property
    def binary(self) -> bool:
        return "\x00" in self.counts or (
            self.controls >= BINARY_MIN_CONTROLS and self.controls * BINARY_SHARE > self.length
        )

    def describe(self) -> str:
        if "\x00" in self.counts:
            return "contains NUL characters"
        return f"{self.controls} control characters in {self.length}"


def unusual_characters(text: str) -> Unusual:
    """One regex pass (C speed), after a quicker test that most texts pass."""
    # Each character _UNUSUAL finds is a control or a format character, which is never
    # printable; a text printable but for its line breaks (nine articles in ten) holds none,
    # and str.isprintable runs at twice the regex's speed.
    if text.replace("\n", " ").isprintable():
        return _CLEAN
    found = _UNUSUAL.findall(text)
    if not found:
        return _CLEAN
    counts: dict[str, int] = {}
    for c in found:
        counts[c] = counts.get(c, 0) + 1
    controls = len(found) - counts.get("\ufeff", 0)
    return Unusual(counts, controls, len(text))


_CLEAN = Unusual()


def describe_characters(counts: dict[str, int], limit: int = 4) -> str:
    """{'\\x1a': 3, '\\x07': 1} -> 'U+001A ×3, U+0007'."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"U+{ord(c):04X}" + (f" ×{n}" if n > 1 else "") for c, n in items[:limit]]
    if len(items) > limit:
        parts.append(f"{len(items) - limit} more")
    return ", ".join(parts)


def _looks_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return arabic / len(letters) >= 0.3


_NON_ASCII = re.compile("[^\x00-\x7f]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def damaged_utf8(data: bytes) -> tuple[int, int] | None:
    """(bad bytes, good non-ASCII characters) when data is UTF-8 with a few bad bytes (at
    least as many well-formed non-ASCII characters as bad bytes), else None. A Windows-1256
    file forms well-formed UTF-8 sequences only by accident, rarely."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(decoded))
    good = len(_NON_ASCII.findall(decoded)) - bad
    return (bad, good) if bad and good >= bad else None


def utf8_refusal(data: bytes, exc: UnicodeDecodeError, bad: int, offset: int = 0) -> InputRefused:
    at = offset + exc.start
    what = (
        "ends in the middle of a character"
        if exc.end == len(data) and exc.reason == "unexpected end of data"
        else f"undecodable byte 0x{data[exc.start]:02X}"
    )
    more = f", {bad} bad bytes in all" if bad > 1 else ""
    return InputRefused(
        f"damaged UTF-8: {what} at byte offset {at}{more} (--repair replaces bad bytes with U+FFFD)",
        offset=at,
    )


class DecodedText(NamedTuple):
    text: str
    encoding: str
    repaired: int = 0  # bad bytes replaced by U+FFFD (repair=True)


def decode_text(data: bytes, repair: bool = False) -> DecodedText:
    """Decode an article's bytes (newlines become LF). Raises InputRefused."""
    if not data:
        raise InputRefused("the file is empty")
    repaired = 0
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputRefused(
                f"not valid UTF-16 text (byte {exc.start})", offset=exc.start
            ) from None
    else:
        if b"\x00" in data:
            at = data.index(0)
            raise InputRefused(f"binary file (NUL byte at byte offset {at})", offset=at)
        bom = data.startswith(codecs.BOM_UTF8)
        encoding = "utf-8-sig" if bom else "utf-8"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            damage = damaged_utf8(data)
            if bom or damage is not None:
                bad = damage[0] if damage else 0
                if not repair:
                    raise utf8_refusal(data, exc, bad) from None
                text = data.decode(encoding, errors="replace")
                repaired = bad or 1
            else:
                text, encoding = _windows_1256(data, exc), "windows-1256"
    unusual = unusual_characters(text)
    if unusual.binary:
        raise InputRefused(f"binary file ({unusual.describe()})")
    text = normalize_newlines(text)
    if not text.strip():
        raise InputRefused("the file contains only whitespace")
    return DecodedText(text, encoding, repaired)


def _windows_1256(data: bytes, exc: UnicodeDecodeError) -> str:
    refusal = InputRefused(
        f"not UTF-8, UTF-16 or Windows-1256 text (undecodable byte at offset {exc.start})",
        offset=exc.start,
    )
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise refusal from None
    if unusual_characters(text).binary or not _looks_arabic(text):
        raise refusal from None
    return text
