"""The JSON values of an interchange file, read as a stream (doccano, Prodigy, Label Studio).

A file is JSON Lines, JSON values one after another (pretty-printed or not), or one top-level
array whose elements are the values. It is read a chunk at a time and each value handed on
with the line it starts on, so memory follows the largest value, not the file: a Prodigy file
of 1,000 tokenised articles (57 MB) took 515 MB to import when read whole.

A syntax error raises JsonFileError naming its line, after the values before it were given;
the caller decides what the values already given mean (storage.formats.common refuses the
rest of the file and keeps the records before, as the native JSONL import does)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

CHUNK_BYTES = 1 << 20
# A value is never read into more than this many characters: a file whose value never ends
# (an unterminated string in a multi-gigabyte file) is refused instead of filling the memory.
LONGEST_VALUE = 256 << 20
_SPACE = " \t\r\n\ufeff"
_SPACE_OR_COMMA = _SPACE + ","
_DECODER = json.JSONDecoder()
# A value cut by the end of the text read so far fails close to that end, or inside a string
# whose closing quote is further on.
_CUT_NEAR_END = 8


class JsonFileError(ValueError):
    """Not valid JSON at a line; or bytes that are not UTF-8 at a byte offset."""


def iter_json_values(content: str) -> Iterator[tuple[int, Any]]:
    """(line, value) for each JSON value of a text; see the module."""
    return _values(iter((content,)))


def iter_json_file(path: Path) -> Iterator[tuple[int, Any]]:
    """(line, value) for each JSON value of a UTF-8 file (a BOM is skipped), read as a stream.
    Raises OSError, and JsonFileError for bytes that are not UTF-8 or for broken JSON."""
    return _values(_chunks(path))


def _chunks(path: Path) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0  # bytes read before this chunk
    with path.open("rb") as fh:
        while True:
            data = fh.read(CHUNK_BYTES)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                at = offset - pending + exc.start
                raise JsonFileError(f"not UTF-8 text (undecodable byte at offset {at})") from None
            offset += len(data)
            if text:
                yield text
            if not data:
                return


class _Text:
    """The text read and not yet parsed, with the line of its first character."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.buf = ""
        self.pos = 0
        self.line = 1  # line of buf[pos]
        self.ended = False

    def skip(self, chars: str) -> None:
        buf, pos = self.buf, self.pos
        while True:
            while pos < len(buf) and buf[pos] in chars:
                pos += 1
            self.advance(pos)
            if pos < len(buf) or not self.read_more():
                return
            buf, pos = self.buf, self.pos

    def advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def read_more(self, at_least: int = 0) -> bool:
        """Append the next chunk(s), dropping what was parsed; False at the end of the text."""
        rest = self.buf[self.pos :]
        added = 0
        while not self.ended and added <= at_least:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.ended = True
                break
            rest += chunk
            added += len(chunk)
        self.buf, self.pos = rest, 0
        return added > 0

    @property
    def at_end(self) -> bool:
        return self.pos >= len(self.buf)

    def peek(self) -> str:
        return self.buf[self.pos]

    def value(self) -> Any:
        """The JSON value starting here, reading on while it is cut by the end of the text."""
        while True:
            buf, pos = self.buf, self.pos
            try:
                value, end = _DECODER.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                cut = exc.pos >= len(buf) - _CUT_NEAR_END or exc.msg.startswith(
                    "Unterminated string"
                )
                if cut and not self.ended:
                    if len(buf) - pos > LONGEST_VALUE:
                        raise JsonFileError(
                            f"line {self.line}: a JSON value longer than "
                            f"{LONGEST_VALUE:,} characters (not valid JSON?)"
                        ) from None
                    # at least as much again as the value so far: reading stays linear
                    self.read_more(at_least=len(buf) - pos)
                    continue
                # named by the line the value starts on (a JSONL line cut short is read on
                # into the next line before it fails), and where it failed if further on
                line = self.line + buf.count("\n", pos, exc.pos)
                there = f" at line {line}" if line != self.line else ""
                raise JsonFileError(
                    f"line {self.line}: not valid JSON ({exc.msg}{there})"
                ) from None
            except RecursionError:
                raise JsonFileError(
                    f"line {self.line}: not valid JSON (nested too deeply)"
                ) from None
            if end >= len(buf) and not self.ended and not isinstance(value, dict | list | str):
                # a number or literal at the end of the text read so far may go on
                self.read_more()
                continue
            self.advance(end)
            return value


def _values(chunks: Iterable[str]) -> Iterator[tuple[int, Any]]:
    text = _Text(iter(chunks))
    text.skip(_SPACE)
    if text.at_end:
        return
    if text.peek() != "[":
        while not text.at_end:
            line = text.line
            yield line, text.value()
            text.skip(_SPACE)
        return
    # one top-level array: its elements are the values
    text.advance(text.pos + 1)
    while True:
        text.skip(_SPACE_OR_COMMA)
        if text.at_end:
            raise JsonFileError(f"line {text.line}: not valid JSON (the array is not closed)")
        if text.peek() == "]":
            text.advance(text.pos + 1)
            break
        line = text.line
        yield line, text.value()
    text.skip(_SPACE)
    if not text.at_end:
        raise JsonFileError(f"line {text.line}: more JSON after the top-level array")
