"""CoNLL in the Wojood layout and tokens-jsonl, both directions, to and from the native records
of storage/formats/native.py (the token-level rules themselves: annotation/conll.py).

- Export (`write_records`): native records in, lines out, streaming: a document is cut into
  blocks of about BLOCK_CHARS at line breaks that no entity crosses (sentences end at line
  breaks in both sentence modes, so the output is the same as for the whole text), and each
  block is written before the next is tokenized. Memory stays bounded by a block, not by the
  longest article.
- Import (`conll_record`): the text of one CoNLL file -> one native record (entities with
  boundary "token"), which then goes through the same parser and writer as a JSONL record.
  Every refusal names its line (`ConllRefused.line`).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from annotation.clitics import DEFAULT_EXCEPTIONS
from annotation.conll import (
    ConllError,
    document_tags,
    format_conll,
    parse_conll,
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
) -> ConllExportResult:
    """Write the entities of native records as CoNLL (a blank line between documents) or as
    tokens-jsonl (one record per sentence)."""
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
                elif started:
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


def conll_record(content: str, name: str, schema: LabelSchema, source: str) -> ConllRecord:
    """One CoNLL file's text -> a native record; raises ConllRefused (with its line)."""
    try:
        segments = parse_conll(content, name)
    except ConllError as exc:
        reason = str(exc).removeprefix(f"{name}:{exc.line}: ")
        raise ConllRefused(exc.line or 1, reason) from None
    parsed = segments_to_document(segments, name)
    if not parsed.tokens:
        raise ConllRefused(max(1, content.count("\n")), "no tokens in the file")
    lines = list(parsed.lines)
    labels = {lab.name: lab.kind for lab in schema.labels}
    for (_, _, label, _), line in zip(parsed.entities, lines, strict=True):
        if labels.get(label) != "entity":
            raise ConllRefused(
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
    return ConllRecord(record, lines, parsed.tokens, parsed.warnings)


def line_of_refusal(reason: str, conll: ConllRecord) -> int:
    """The line a native refusal of a CoNLL record points at (entities[k] -> its token's
    line; anything else -> the first line)."""
    match = re.match(r"entities\[(\d+)\]", reason)
    if match and int(match.group(1)) < len(conll.lines):
        return conll.lines[int(match.group(1))]
    return 1
