"""Batch pre-annotation of a corpus before it goes to annotators (`python main.py suggest`).

Per document, in this order so that later suggesters see earlier ones: entities from the
project's recommenders (trained once on the project's own human entities), then quotes (whose
speakers may be those entities), then claims (inside the stored quotes). Suggestions below
`min_confidence` (None: each kind's default, annotation.proposals.DEFAULT_MIN_CONFIDENCE) and those rejected for the document before are left out. With `accept` they are
stored through DocumentSession (validated, one transaction per document) marked
origin=suggested with their confidence; otherwise they are written as native JSONL records
(the document's text and meta, and the suggested entities/quotes/claims in the export format,
each with a numeric "confidence"; stored entities a suggested quote or claim refers to are
included too, without a confidence). Reading the project writes nothing in that case.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from annotation.clitics import exceptions_for
from annotation.documents import STATUSES
from annotation.proposals import (
    Proposal,
    claim_proposals,
    min_confidence_for,
    pending,
    quote_proposals,
    recommended_entity_proposals,
)
from annotation.provenance import SUGGESTED, check_schema, mark
from annotation.recommenders.trained import EntityRecommenders
from annotation.span_index import SpanIndex
from annotation.spans import Link, Span
from storage.atomic import atomic_writer
from storage.formats.native import encode_record
from storage.session import DocumentSession, EditRefused
from storage.training_data import entity_training_documents

SUGGEST_KINDS = ("entities", "quotes", "claims")
_KIND_OF = {"entities": "entity", "quotes": "quote", "claims": "claim"}

Progress = Callable[[int, int], None]  # (documents done, documents in all)


@dataclass
class PreAnnotationReport:
    documents: int = 0
    suggested: Counter[str] = field(default_factory=Counter)  # kind -> suggestions kept
    below_threshold: int = 0
    refused: list[str] = field(default_factory=list)  # one line each
    recommenders: str = ""

    def summary(self, accept: bool) -> str:
        verb = "stored" if accept else "written"
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.suggested.items())) or "nothing"
        line = f"{self.documents} document(s): {kinds} {verb} as suggestions"
        if self.below_threshold:
            line += f"; {self.below_threshold} below the confidence threshold left out"
        return line


def _doc_ids(project: Any, statuses: Sequence[str]) -> list[str]:
    marks = ",".join("?" * len(statuses))
    rows = project.db.execute(
        f"SELECT id FROM documents WHERE status IN ({marks}) ORDER BY position", list(statuses)
    )
    return [r[0] for r in rows]


def _keep(proposals: Iterable[Proposal], min_confidence: float | None, report: PreAnnotationReport):
    kept = []
    for p in proposals:
        if p.confidence < min_confidence_for(p.kind, min_confidence):
            report.below_threshold += 1
        else:
            kept.append(p)
    return kept


def _suggest_document(
    project: Any,
    doc_id: str,
    kinds: Sequence[str],
    recommenders: EntityRecommenders | None,
    boundary: str,
    min_confidence: float | None,
    accept: bool,
    report: PreAnnotationReport,
) -> tuple[list[Proposal], SpanIndex]:
    """The kept proposals of one document (stored already when accept) and the index used."""
    doc = project.document(doc_id)
    rejected = project.rejected(doc_id)
    session = DocumentSession(project, doc_id) if accept else None
    index = session.index if session else SpanIndex(project.spans(doc_id), project.links(doc_id))
    annotator = project.annotator_name if accept else ""
    kept_all: list[Proposal] = []
    steps: list[tuple[str, Callable[[], list[Proposal]]]] = []
    if "entities" in kinds and recommenders is not None:
        steps.append(
            (
                "entities",
                lambda: recommended_entity_proposals(
                    doc_id, recommenders.suggest(doc.text, boundary), index, boundary, annotator
                ),
            )
        )
    if "quotes" in kinds:
        steps.append(("quotes", lambda: quote_proposals(doc.text, doc_id, index, annotator)))
    if "claims" in kinds:
        steps.append(("claims", lambda: claim_proposals(doc.text, doc_id, index, annotator)))
    for kind, make in steps:
        kept = _keep(pending(make(), index, rejected), min_confidence, report)
        for p in kept:
            spans = mark(p.spans, SUGGESTED, p.confidence)
            if session is not None:
                try:
                    session.add(spans, p.links, action="suggest")
                except EditRefused as exc:
                    report.refused.append(f"{doc.source} ({doc_id}): {exc}")
                    continue
            else:
                for span in spans:
                    if span.id not in index:
                        index.add(span)
                for link in p.links:
                    index.add_link(link)
            report.suggested[kind] += 1
            kept_all.append(p)
    return kept_all, index


def _record(project: Any, doc_id: str, proposals: list[Proposal], index: SpanIndex) -> dict:
    doc = project.document(doc_id)
    confidence = {p.main.id: p.confidence for p in proposals}
    spans: dict[str, Span] = {}
    links: list[Link] = []
    for p in proposals:
        for span in mark(p.spans, SUGGESTED, p.confidence):
            spans[span.id] = span
        links.extend(p.links)
    for link in links:  # stored spans the suggestions point to
        target = index.get(link.target)
        if target is not None and target.id not in spans:
            spans[target.id] = target
    record = encode_record(
        doc.id, doc.text, doc.source, doc.sha256, doc.status, spans.values(), links
    )
    for kind in SUGGEST_KINDS:
        for item in record.get(kind, ()):
            if item["id"] in confidence:
                item["confidence"] = round(confidence[item["id"]], 4)
    return record


def pre_annotate(
    project: Any,
    *,
    kinds: Sequence[str] = SUGGEST_KINDS,
    min_confidence: float | None = None,
    statuses: Sequence[str] = ("new",),
    accept: bool = False,
    out: Path | None = None,
    progress: Progress | None = None,
) -> PreAnnotationReport:
    if accept == (out is not None):
        raise ValueError("choose one of accept or out")
    for status in statuses:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
    if accept:
        check_schema(project.schema(), [_KIND_OF[k] for k in kinds])
    report = PreAnnotationReport()
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    boundary = project.setting("boundary_policy", "token")
    recommenders = None
    if "entities" in kinds:
        recommenders = EntityRecommenders.train(entity_training_documents(project), exceptions)
        report.recommenders = recommenders.describe()
    doc_ids = _doc_ids(project, statuses)

    def run(sink: IO[str] | None) -> None:
        for n, doc_id in enumerate(doc_ids, 1):
            if accept:
                with project.transaction():
                    _suggest_document(
                        project, doc_id, kinds, recommenders, boundary, min_confidence, True, report
                    )
            else:
                kept, index = _suggest_document(
                    project, doc_id, kinds, recommenders, boundary, min_confidence, False, report
                )
                if kept and sink is not None:
                    record = _record(project, doc_id, kept, index)
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            report.documents = n
            if progress is not None:
                progress(n, len(doc_ids))

    if out is not None:
        with atomic_writer(out) as fh:
            run(fh)
    else:
        run(None)
    return report
