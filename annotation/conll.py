"""Token-level views of a document for NER datasets: the Wojood CoNLL layout and token JSONL,
and reading the Wojood layout back into text + entity spans.

Export
- Tokens are annotation.tokens tokens (tokens made only of bidi controls are dropped). With
  clitics="split", a word's proclitics become their own tokens (و، ب، ل، ك، ف، س); the article
  stays with the stem when written in full (و ب الأسد) and the elided article of لل stays with
  its preposition (لل أسد), as annotation.clitics decides.
- A token is tagged with an entity when the entity overlaps any of its characters. So an entity
  that covers only the stem of a token (بوتين in وبوتين, the strip_clitics policy) tags the whole
  token under clitics="keep" and only the stem token under "split"; an exact span inside a
  token tags that token. An entity that overlaps no token (whitespace only) is not exported and
  is counted as unaligned. Entities with the same label and the same tokens are exported once.
- Nesting: level 1 is the outermost. An entity's level is 1 + the highest level of the entities
  placed before it (in reading order, outer first) that share a token with it: for properly
  nested entities that is the nesting depth, as Wojood has it. Each token line lists the levels
  up to its deepest tag ("فلسطين I-ORG B-GPE"; trailing O columns are not written; at least one
  column is).
- Sentences end after . ! ? ؟ (with closing quotes or brackets glued to them) and at line breaks
  (sentences="punct"), or only at line breaks (sentences="lines"). A sentence never ends inside
  an entity.
- Paragraphs: a sentence followed by a blank line in the text is followed by a "$#$ O" line in
  the CoNLL output (paragraph_marker=True). In the Wojood data $#$ only ever ends a segment,
  with tag O: it marks the end of a paragraph of the source and is not a word of the text.

Import
- Every non-blank line is "token TAG1 [TAG2 ...]" (BIO, one column per level); blank lines end
  a segment; "$#$" lines end a paragraph and are not tokens.
- The text of a file is deterministic: a segment's tokens joined by single spaces, segments
  joined by "\\n", and by "\\n\\n" after a paragraph ($#$). Entities become spans over the
  characters of their tokens. An I- tag that does not continue an entity of the same label in
  its column starts one (reported as a warning).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from annotation.arabic import CLOSING_PUNCT, INVISIBLE, SENTENCE_END
from annotation.clitics import ARTICLE, DEFAULT_EXCEPTIONS, PROCLITIC, segment
from annotation.errors import HashiyaError
from annotation.normalize import normalize
from annotation.tokens import WORD, tokenize

PARAGRAPH_MARKER = "$#$"
# CoNLL-2003's line before each document ("-DOCSTART- -X- -X- O" there, "-DOCSTART- O" here)
DOCUMENT_MARKER = "-DOCSTART-"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


class ConllError(HashiyaError, ValueError):
    """A CoNLL file that cannot be read; the message names the line, `line` holds it."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Unit(NamedTuple):
    """One exported token: [start, end) code points of the document text. A named tuple, as
    annotation.tokens.Token is: a frozen dataclass's __init__ was a fifth of an export."""

    start: int
    end: int
    text: str


# the characters of INVISIBLE, for str.strip: a token made only of them exports no unit
_INVISIBLE_CHARS = "".join(sorted(INVISIBLE))


@dataclass
class Sentence:
    units: list[Unit]
    tags: list[list[str]]  # one list per level (level 1 first), a tag per unit
    paragraph_end: bool = False

    def token_columns(self, i: int) -> list[str]:
        cols = [level[i] for level in self.tags]
        while len(cols) > 1 and cols[-1] == "O":
            cols.pop()
        return cols


@dataclass
class DocumentTags:
    sentences: list[Sentence]
    entities: int  # entities exported
    unaligned: int  # entities that overlap no token


# --- export ---------------------------------------------------------------------------------
def units_for(
    text: str, clitics: str = "keep", exceptions: frozenset[str] = DEFAULT_EXCEPTIONS
) -> list[Unit]:
    if clitics not in ("keep", "split"):
        raise ValueError(f"clitics must be keep or split, not {clitics!r}")
    units: list[Unit] = []
    for tok in tokenize(text):
        if not tok.text.strip(_INVISIBLE_CHARS):
            continue
        if clitics == "keep" or tok.type != WORD:
            units.append(Unit(tok.start, tok.end, tok.text))
            continue
        pieces: list[list[int]] = []  # [start, end] relative to the token
        prev_role = ""
        for s, e, role in segment(tok.text, exceptions):
            if role == PROCLITIC:
                pieces.append([s, e])
            elif role == ARTICLE:
                if prev_role == PROCLITIC and normalize(tok.text[s:e]) == "ل" and pieces:
                    pieces[-1][1] = e  # the elided article stays with its preposition: لل
                    prev_role = "elided"
                    continue
                else:
                    pieces.append([s, e])  # the stem joins it below
                    prev_role = ARTICLE
                    continue
            elif prev_role == ARTICLE:
                pieces[-1][1] = e
            else:
                pieces.append([s, e])
            prev_role = role
        for s, e in pieces:
            units.append(Unit(tok.start + s, tok.start + e, tok.text[s:e]))
    return units


def unit_range(
    units: Sequence[Unit], starts: Sequence[int], start: int, end: int
) -> tuple[int, int]:
    """Indices [i, j) of the units overlapping [start, end); i == j when none does."""
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or units[i].end <= start:
        i += 1
    j = bisect.bisect_left(starts, end)
    return i, max(i, j)


def assign_levels(ranges: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str, int]]:
    """(first, end, label) unit ranges -> (first, end, label, level), outer first."""
    unique = sorted(set(ranges), key=lambda r: (r[0], -r[1], r[2]))
    placed: list[tuple[int, int, str, int]] = []
    active: list[tuple[int, int]] = []  # (end, level) of placed ranges still open
    for a, b, label in unique:
        active = [(e, lv) for e, lv in active if e > a]
        level = 1 + max((lv for _, lv in active), default=0)
        placed.append((a, b, label, level))
        active.append((b, level))
    return placed


def _sentence_bounds(
    text: str, units: Sequence[Unit], levelled: Sequence[tuple[int, int, str, int]], mode: str
) -> list[tuple[int, int]]:
    if mode not in ("punct", "lines"):
        raise ValueError(f"sentences must be punct or lines, not {mode!r}")
    n = len(units)
    inside = [0] * (n + 1)  # inside[k] > 0: some entity has units on both sides of boundary k
    for a, b, _, _ in levelled:
        if b - a > 1:
            inside[a + 1] += 1
            inside[b] -= 1
    bounds: list[tuple[int, int]] = []
    first, depth, ended = 0, 0, False
    for k in range(1, n + 1):
        depth += inside[k]
        if k == n:
            break
        prev, cur = units[k - 1], units[k]
        gap = text[prev.end : cur.start]
        if prev.text in SENTENCE_END:
            ended = True
        glued_closer = ended and not gap and (cur.text in CLOSING_PUNCT or cur.text in SENTENCE_END)
        brk = "\n" in gap or (mode == "punct" and ended and not glued_closer)
        if glued_closer:
            continue
        if brk and depth == 0:
            bounds.append((first, k))
            first = k
        ended = False
    if n:
        bounds.append((first, n))
    return bounds


def document_tags(
    text: str,
    entities: Iterable[tuple[int, int, str]],
    *,
    clitics: str = "keep",
    sentences: str = "punct",
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
) -> DocumentTags:
    """Sentences of units with BIO tags per level, from (start, end, label) entity spans."""
    units = units_for(text, clitics, exceptions)
    starts = [u.start for u in units]
    ranges, unaligned = [], 0
    for s, e, label in entities:
        a, b = unit_range(units, starts, s, e)
        if a == b:
            unaligned += 1
        else:
            ranges.append((a, b, label))
    levelled = assign_levels(ranges)
    out: list[Sentence] = []
    for first, end in _sentence_bounds(text, units, levelled, sentences):
        inner = [r for r in levelled if first <= r[0] and r[1] <= end]
        depth = max((r[3] for r in inner), default=1)
        tags = [["O"] * (end - first) for _ in range(depth)]
        for a, b, label, level in inner:
            row = tags[level - 1]
            row[a - first] = f"B-{label}"
            for i in range(a + 1, b):
                row[i - first] = f"I-{label}"
        nxt = units[end].start if end < len(units) else len(text)
        para = bool(_BLANK_LINE.search(text[units[end - 1].end : nxt]))
        out.append(Sentence(units[first:end], tags, para))
    return DocumentTags(out, len(levelled), unaligned)


def format_conll(sentences: Iterable[Sentence], paragraph_marker: bool = True) -> str:
    """Wojood layout: "token TAG1 TAG2 ..." lines, a blank line between sentences."""
    blocks = []
    for sent in sentences:
        lines = [" ".join([u.text, *sent.token_columns(i)]) for i, u in enumerate(sent.units)]
        if paragraph_marker and sent.paragraph_end:
            lines.append(f"{PARAGRAPH_MARKER} O")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def token_records(doc_id: str, sentences: Iterable[Sentence]) -> list[dict]:
    """tokens-jsonl: one record per sentence; "sentence" is its 0-based index in the document."""
    return [
        {
            "doc_id": doc_id,
            "sentence": i,
            "tokens": [u.text for u in sent.units],
            "ner_tags": sent.tags,
            "offsets": [[u.start, u.end] for u in sent.units],
        }
        for i, sent in enumerate(sentences)
    ]


# --- import ---------------------------------------------------------------------------------
@dataclass
class ConllSegment:
    tokens: list[str] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)  # per token: its tag columns
    paragraph_end: bool = False
    line: int = 0  # line number of the first token


@dataclass
class ConllDocument:
    text: str
    entities: list[tuple[int, int, str, int]]  # (start, end, label, level)
    tokens: int
    warnings: list[str]
    lines: list[int] = field(default_factory=list)  # per entity: the line of its first token


_TAG = re.compile(r"^(?:O|[BI]-\S+)$")


@dataclass
class ConllSection:
    """One document of a CoNLL file: what follows a -DOCSTART- line (or the whole file when it
    has none). error: why it cannot be read (a bad tag); its segments are then incomplete."""

    line: int  # the line of its -DOCSTART- marker; 1 for what comes before the first one
    segments: list[ConllSegment]
    error: ConllError | None = None


def _numbered_lines(content: str) -> Iterator[tuple[int, str]]:
    # LF only: str.splitlines() also splits on U+2028, U+0085... and line numbers would drift.
    # One line at a time: a corpus export is hundreds of megabytes, its list of lines twice that.
    start, lineno = 0, 1
    while True:
        end = content.find("\n", start)
        if end < 0:
            yield lineno, content[start:]
            return
        yield lineno, content[start:end]
        start, lineno = end + 1, lineno + 1


def parse_conll_documents(
    content: str | Iterable[str], name: str = "<conll>", lines_read: list[int] | None = None
) -> Iterator[ConllSection]:
    """The documents of a CoNLL file (its text, or its lines without their LF, read as they
    come), one at a time: a "-DOCSTART-" line (CoNLL-2003's document marker, whatever columns
    follow it) starts a new one. A section without tokens is not yielded, unless it holds the
    error. A bad tag refuses its section only; reading goes on at the next marker.
    lines_read: given a list, the number of lines is appended to it once all are read."""
    section = ConllSection(1, [])
    lineno = 0
    cur = ConllSegment()
    skipping = False

    def close() -> None:
        nonlocal cur
        if cur.tokens:
            section.segments.append(cur)
        elif cur.paragraph_end and section.segments:
            section.segments[-1].paragraph_end = True
        cur = ConllSegment()

    lines = _numbered_lines(content) if isinstance(content, str) else enumerate(content, 1)
    for lineno, raw in lines:
        fields = raw.split()
        if fields and fields[0] == DOCUMENT_MARKER:
            close()
            if section.segments or section.error:
                yield section
            section, skipping = ConllSection(lineno, []), False
            continue
        if skipping:
            continue
        if not fields:
            close()
            continue
        token, tags = fields[0], fields[1:] or ["O"]
        if token == PARAGRAPH_MARKER:
            cur.paragraph_end = True
            close()
            continue
        if tags[0] != "O" or len(tags) > 1:  # most lines are "token O"
            bad = next((tag for tag in tags if not _TAG.match(tag)), None)
            if bad is not None:
                section.error = ConllError(
                    f"{name}:{lineno}: {bad!r} is not a BIO tag (O, B-X, I-X)", line=lineno
                )
                cur, skipping = ConllSegment(), True
                continue
        if not cur.tokens:
            cur.line = lineno
        cur.tokens.append(token)
        cur.tags.append(tags)
    close()
    if lines_read is not None:
        lines_read.append(lineno)
    if section.segments or section.error:
        yield section


def parse_conll(content: str, name: str = "<conll>") -> list[ConllSegment]:
    """The segments of a file of one document; raises ConllError at the first bad tag (the
    segments of every -DOCSTART- section, in order, for a file of several)."""
    segments: list[ConllSegment] = []
    for section in parse_conll_documents(content, name):
        if section.error is not None:
            raise section.error
        segments.extend(section.segments)
    return segments


def segments_to_document(segments: Sequence[ConllSegment], name: str = "<conll>") -> ConllDocument:
    parts: list[str] = []
    pos = 0
    entities: list[tuple[int, int, str, int, int]] = []  # ... and the line it starts on
    warnings: list[str] = []
    ntokens = 0
    for seg in segments:
        # token i spans [starts[i], starts[i + 1] - 1): tokens joined by single spaces
        starts = list(accumulate((len(tok) + 1 for tok in seg.tokens), initial=pos))
        parts.append(" ".join(seg.tokens))
        pos = starts[-1] - 1
        ntokens += len(seg.tokens)
        depth = max(len(t) for t in seg.tags)
        for col in range(depth):
            open_: tuple[int, str] | None = None
            for i, cols in enumerate([*seg.tags, ["O"] * depth]):
                tag = cols[col] if col < len(cols) else "O"
                if open_ is None and tag == "O":  # most tokens
                    continue
                if open_ and (tag == "O" or tag.startswith("B-") or tag[2:] != open_[1]):
                    entities.append(
                        (starts[open_[0]], starts[i] - 1, open_[1], col + 1, seg.line + open_[0])
                    )
                    open_ = None
                if tag.startswith("B-") or (tag.startswith("I-") and open_ is None):
                    if tag.startswith("I-"):
                        warnings.append(
                            f"{name}:{seg.line + i}: {tag} continues no entity; read as B-"
                        )
                    open_ = (i, tag[2:])
        sep = "\n\n" if seg.paragraph_end else "\n"
        parts.append(sep)
        pos += len(sep)
    entities.sort(key=lambda e: (e[0], -e[1], e[3]))
    return ConllDocument(
        "".join(parts),
        [e[:4] for e in entities],
        ntokens,
        warnings,
        [e[4] for e in entities],
    )
