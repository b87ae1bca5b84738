"""CoNLL in the Wojood layout and tokens-jsonl, both directions, to and from the native records
of storage/formats/native.py (the token-level rules themselves: annotation/conll.py).

- Export (`write_records`): native records in, lines out, streaming: a document is cut into
  blocks of about BLOCK_CHARS at line breaks that no entity crosses (sentences end at line
  breaks in both sentence modes, so the output is the same as for the whole text), and each
  block is written before the next is tokenized. Memory stays bounded by a block, not by the
  longest article. Each document starts with a "-DOCSTART- O" line (CoNLL-2003's marker,
  which spaCy's converter, flair and Hugging Face's conll2003 reader also take as a document
  boundary), unless the plain Wojood layout is asked for.
- Import (`conll_records`): the text of a CoNLL file -> a native record per document (each
  -DOCSTART- section; the whole file when it has no marker; entities with boundary "token"),
  one at a time, each then going through the same parser and writer as a JSONL record, from
  the file's text or from its lines as they are read (storage.importer streams a plain UTF-8
  file). Every refusal names its line (`ConllRefused.line`) and refuses its document only.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, TextIO

from annotation.clitics import DEFAULT_EXCEPTIONS
from annotation.conll import (
    DOCUMENT_MARKER,
    ConllError,
    ConllSection,
    document_tags,
    format_conll,
    parse_conll_documents,
    segments_to_document,
    token_records,
)
from annotation.documents import document_id_for, sha256_of
from annotation.schema import LabelSchema
from annotation.spans import new_id

FORMATS = ("conll", "tokens-jsonl")
BLOCK_CHARS = 65_536


@dataclass
class ConllExportResult:
    documents: int = 0
    sentences: int = 0
    tokens: int = 0
    entities: int = 0
    unaligned: int = 0  # entities that overlap no token and were left out
    # documents the default layer left out: several annotators, not curated
    undecided: list[str] = field(default_factory=list)


class ConllRefused(ConllError):
    """A CoNLL file that cannot be imported: str() is the reason, `line` its 1-based line."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


# --- export -----------------------------------------------------------------------------------
def _blocks(
    text: str, entities: list[tuple[int, int, str]], size: int | None = None
) -> Iterator[tuple[int, str, list[tuple[int, int, str]]]]:
    """(offset, block text, its entities shifted to the block) covering text: each cut is at
    the start of a line (after the whole whitespace run that ends the previous one, so a blank
    line stays with the sentence before it) and inside no entity."""
    size = size or BLOCK_CHARS
    if len(text) <= size:
        yield 0, text, entities
        return
    ordered = sorted(entities)
    # reach[i]: the furthest end among the first i entities (by start), to test "inside".
    reach = [0]
    for _, e, _ in ordered:
        reach.append(max(reach[-1], e))
    starts = [s for s, _, _ in ordered]
    begin, first = 0, 0
    while begin < len(text):
        cut = len(text)
        probe = begin + size
        while probe < len(text):
            nl = text.find("\n", probe)
            if nl < 0:
                break
            m = _NEXT_INK.search(text, nl)
            cut_at = m.start() if m else len(text)
            k = bisect.bisect_left(starts, cut_at)
            if reach[k] <= cut_at:  # no entity starting before the cut ends after it
                cut = cut_at
                break
            probe = max(reach[k], nl + 1)
        last = bisect.bisect_left(starts, cut)
        shifted = [(s - begin, e - begin, lab) for s, e, lab in ordered[first:last]]
        yield begin, text[begin:cut], shifted
        begin, first = cut, last


_NEXT_INK = re.compile(r"\S")


def write_records(
    records: Iterable[dict[str, Any]],
    fh: TextIO,
    fmt: str = "conll",
    clitics: str = "keep",
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
    *,
    sentences: str = "punct",
    paragraph_marker: bool = True,
    document_marker: bool = True,
) -> ConllExportResult:
    """Write the entities of native records as CoNLL or as tokens-jsonl (one record per
    sentence). In CoNLL each document starts with a "-DOCSTART- O" line and a blank line
    (document_marker; CoNLL-2003's convention, which the import reads back as one document
    each), or is only set apart by a blank line (document_marker=False: the plain Wojood
    layout, whose documents cannot be told apart once written)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    result = ConllExportResult()
    wrote_any = False
    for record in records:
        text = record["text"]
        entities = [(e["start"], e["end"], e["label"]) for e in record.get("entities", ())]
        result.documents += 1
        sentence_no = 0
        started = False
        for offset, block, block_entities in _blocks(text, entities):
            tags = document_tags(
                block, block_entities, clitics=clitics, sentences=sentences, exceptions=exceptions
            )
            result.sentences += len(tags.sentences)
            result.tokens += sum(len(s.units) for s in tags.sentences)
            result.entities += tags.entities
            result.unaligned += tags.unaligned
            if not tags.sentences:
                continue
            if offset:
                for sent in tags.sentences:
                    sent.units = [
                        type(u)(u.start + offset, u.end + offset, u.text) for u in sent.units
                    ]
            if fmt == "conll":
                if wrote_any and not started:
                    fh.write("\n")  # a blank line between documents
                if document_marker and not started:
                    fh.write(f"{DOCUMENT_MARKER} O\n\n")
                if started:
                    fh.write("\n")  # between the sentences of two blocks
                fh.write(format_conll(tags.sentences, paragraph_marker))
            else:
                for item in token_records(record["id"], tags.sentences):
                    item["sentence"] = sentence_no
                    sentence_no += 1
                    fh.write(json.dumps(item, ensure_ascii=False) + "\n")
            started = wrote_any = True
    return result


# --- import -----------------------------------------------------------------------------------
@dataclass
class ConllRecord:
    record: dict[str, Any]  # a native record: id, text, meta, entities
    lines: list[int]  # the line of each entity's first token
    tokens: int
    warnings: list[str] = field(default_factory=list)
    line: int = 1  # the line of its -DOCSTART- marker (1 without one)


def conll_records(
    content: str | Iterable[str], name: str, schema: LabelSchema, source: str
) -> Iterator[ConllRecord | ConllRefused]:
    """A CoNLL file (its text, or its lines without their LF) -> a native record per document
    (per -DOCSTART- section, or one for a file without the marker), or the refusal of that
    document (with its line), one at a time. A file of several documents names each one's
    source "source:line" (the line of its marker), as JSONL records are named. Refuses the file
    when it holds no token at all, naming its last line."""
    lines_read: list[int] = []
    sections = parse_conll_documents(content, name, lines_read)
    first = next(sections, None)
    second = next(sections, None)
    several = second is not None
    if first is None:
        # the last line that can hold anything: the lines are those of str.split("\n")
        yield ConllRefused(max(1, lines_read[0] - 1), "no tokens in the file")
        return
    for section in chain([first], [second] if second else [], sections):
        if section.error is not None:
            exc = section.error
            reason = str(exc).removeprefix(f"{name}:{exc.line}: ")
            yield ConllRefused(exc.line or section.line, reason)
            continue
        yield _record(section, name, schema, f"{source}:{section.line}" if several else source)


def _record(
    section: ConllSection, name: str, schema: LabelSchema, source: str
) -> ConllRecord | ConllRefused:
    parsed = segments_to_document(section.segments, name)
    lines = list(parsed.lines)
    labels = {lab.name: lab.kind for lab in schema.labels}
    for (_, _, label, _), line in zip(parsed.entities, lines, strict=True):
        if labels.get(label) != "entity":
            return ConllRefused(
                line, f"label {label!r} is not an entity label of the project schema"
            )
    digest = sha256_of(parsed.text)
    entities = [
        {
            "id": new_id(),
            "start": s,
            "end": e,
            "label": label,
            "text": parsed.text[s:e],
            "boundary": "token",
        }
        for s, e, label, _ in parsed.entities
    ]
    record = {
        "id": document_id_for(digest),
        "text": parsed.text,
        "meta": {"source": source, "sha256": digest, "status": "new"},
        "entities": entities,
    }
    return ConllRecord(record, lines, parsed.tokens, parsed.warnings, section.line)


def line_of_refusal(reason: str, conll: ConllRecord) -> int:
    """The line a native refusal of a CoNLL record points at (entities[k] -> its token's
    line; anything else -> the document's first line, its -DOCSTART- marker's)."""
    match = re.match(r"entities\[(\d+)\]", reason)
    if match and int(match.group(1)) < len(conll.lines):
        return conll.lines[int(match.group(1))]
    return conll.line
