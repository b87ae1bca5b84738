"""CoNLL files in and out of a project (formats: annotation/conll.py).

- import_conll(project, path): one document per file (the Wojood layout; see annotation.conll
  for the reconstructed text), its entities stored as entity spans with boundary "token".
- export_conll(project, out_path, fmt="conll" | "tokens-jsonl", clitics="keep" | "split"):
  entity spans of every document (or those with a status), written atomically (temp + replace).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotation.clitics import exceptions_for
from annotation.conll import (
    ConllError,
    document_tags,
    format_conll,
    parse_conll,
    segments_to_document,
    token_records,
)
from annotation.documents import Document
from annotation.layers import DEFAULT_LAYER, Layer
from annotation.spans import Span, new_id
from annotation.textio import InputRefused, decode_text
from storage.atomic import write_text_atomic
from storage.exporter import layer_spans
from storage.project import Project

FORMATS = ("conll", "tokens-jsonl")


@dataclass
class ConllImportResult:
    doc_id: str | None  # None when the text was already in the project
    entities: int
    tokens: int
    duplicate: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class ConllExportResult:
    documents: int = 0
    sentences: int = 0
    tokens: int = 0
    entities: int = 0
    unaligned: int = 0  # entities that overlap no token and were left out
    # documents the default layer left out: several annotators, not curated
    undecided: list[str] = field(default_factory=list)


def import_conll(project: Project, path: str | os.PathLike[str]) -> ConllImportResult:
    """Read a Wojood-layout file into one new document with its entities.

    Raises ConllError (bad tags, unknown labels, no tokens) or InputRefused (undecodable file)
    before anything is written.
    """
    path = Path(path)
    text = decode_text(path.read_bytes()).text
    parsed = segments_to_document(parse_conll(text, str(path)), str(path))
    if not parsed.tokens:
        raise ConllError(f"{path}: no tokens")
    schema_labels = {
        lab["name"] for lab in project.schema().to_dict()["labels"] if lab["kind"] == "entity"
    }
    unknown = sorted({label for _, _, label, _ in parsed.entities} - schema_labels)
    if unknown:
        raise ConllError(f"{path}: labels not in the project schema: {', '.join(unknown)}")
    doc = Document.create(parsed.text, str(path))
    if project.has_sha(doc.sha256):
        return ConllImportResult(None, 0, parsed.tokens, True, parsed.warnings)
    spans = [
        Span(new_id(), doc.id, "entity", label, s, e, {}, "token")
        for s, e, label, _ in parsed.entities
    ]
    with project.transaction():
        project.add_document(doc)
        project.insert(spans, action="import")
    return ConllImportResult(doc.id, len(spans), parsed.tokens, False, parsed.warnings)


def _doc_ids(project: Project, status: str | Iterable[str] | None) -> list[str]:
    if status is None:
        return project.document_ids()
    wanted = {status} if isinstance(status, str) else set(status)
    return [d.id for d in project.documents() if d.status in wanted]


def export_conll(
    project: Project,
    out_path: str | os.PathLike[str],
    fmt: str = "conll",
    clitics: str = "keep",
    status: str | Iterable[str] | None = None,
    *,
    sentences: str = "punct",
    paragraph_marker: bool = True,
    layer: Layer = DEFAULT_LAYER,
) -> ConllExportResult:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    result = ConllExportResult()
    chunks: list[str] = []
    for doc_id in _doc_ids(project, status):
        chosen = layer_spans(project, doc_id, layer)
        if chosen is None:
            result.undecided.append(doc_id)
            continue
        text = project.document(doc_id).text
        entities = [(s.start, s.end, s.label) for s in chosen[0] if s.kind == "entity"]
        tags = document_tags(
            text, entities, clitics=clitics, sentences=sentences, exceptions=exceptions
        )
        result.documents += 1
        result.sentences += len(tags.sentences)
        result.tokens += sum(len(s.units) for s in tags.sentences)
        result.entities += tags.entities
        result.unaligned += tags.unaligned
        if not tags.sentences:
            continue
        if fmt == "conll":
            chunks.append(format_conll(tags.sentences, paragraph_marker))
        else:
            chunks.extend(
                json.dumps(r, ensure_ascii=False) + "\n"
                for r in token_records(doc_id, tags.sentences)
            )
    sep = "\n" if fmt == "conll" else ""  # a blank line between documents
    write_text_atomic(sep.join(chunks), out_path)
    return result


__all__ = [
    "ConllError",
    "ConllExportResult",
    "ConllImportResult",
    "InputRefused",
    "export_conll",
    "import_conll",
    "write_text_atomic",
]
