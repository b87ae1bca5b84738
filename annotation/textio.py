"""Decoding article files: the accepted encodings, newline normalisation, refusals.

Only line breaks change (CRLF and CR become LF); every other character is kept as it is.
"""

from __future__ import annotations

import codecs

from annotation.arabic import LAYOUT_CONTROLS, stray_controls
from annotation.errors import HashiyaError


class InputRefused(HashiyaError, ValueError):
    """An input cannot be imported; str() is the one-line reason (without the file name)."""


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _has_bad_controls(text: str) -> bool:
    return bool(stray_controls(text, LAYOUT_CONTROLS))


def _looks_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    return arabic / len(letters) >= 0.3


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return (text, encoding name). Raises InputRefused."""
    if not data:
        raise InputRefused("the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8-sig", data
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
        if b"\x00" in data:
            raise InputRefused("binary file (contains NUL bytes)")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputRefused(f"not valid {encoding.upper()} text (byte {exc.start})") from None
        try:
            text = body.decode("cp1256")
        except UnicodeDecodeError:
            raise InputRefused(
                f"not UTF-8, UTF-16 or Windows-1256 text (undecodable byte at offset {exc.start})"
            ) from None
        if _has_bad_controls(text) or not _looks_arabic(text):
            raise InputRefused(
                f"not UTF-8, UTF-16 or Windows-1256 text (undecodable byte at offset {exc.start})"
            ) from None
        encoding = "windows-1256"
    if "\x00" in text or _has_bad_controls(text):
        raise InputRefused("binary file (contains control characters)")
    text = normalize_newlines(text)
    if not text.strip():
        raise InputRefused("the file contains only whitespace")
    return text, encoding
