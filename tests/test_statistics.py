"""Statistics equal the counts a script would take from a native export of the project."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import main
from annotation.documents import Document
from annotation.provenance import ACCEPTED, mark
from annotation.spans import Link, Span, new_id
from storage.exporter import export_records
from storage.project import Project
from storage.session import DocumentSession
from storage.statistics import matching_documents, matching_spans, project_statistics

TEXTS = [
    "قال وزير المالية سامر الخوري إن العجز تراجع إلى 3 في المئة هذا العام.",
    "وأكدت ليلى حداد، مديرة البنك، أن الاحتياطي ارتفع بنسبة 12 في المئة.",
    "زار رئيس الوزراء بيروت ودمشق في جولة استمرت ثلاثة أيام.",
]


def _span(doc: Document, surface: str, kind: str, label: str, **attrs: str) -> Span:
    start = doc.text.index(surface)
    return Span(new_id(), doc.id, kind, label, start, start + len(surface), attrs)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.hashiya"
    people = [("سامر الخوري", "وزير المالية"), ("ليلى حداد", "مديرة البنك"), (None, None)]
    for i, text in enumerate(TEXTS):
        annotator = "amal" if i < 2 else "bilal"
        with Project(path, annotator=annotator) as project:
            doc = Document.create(text, f"n{i}.txt")
            project.add_document(doc)
            session = DocumentSession(project, doc.id)
            person, title = people[i]
            if person:
                ent = _span(doc, person, "entity", "PERS")
                occ = _span(doc, title, "entity", "OCC")
                content = doc.text[
                    doc.text.index("إن ") + 3
                    if "إن " in doc.text
                    else doc.text.index("أن ") + 3 : -1
                ]
                quote = _span(doc, content, "quote", "QUOTE", type="indirect")
                claim = _span(doc, content, "claim", "CLAIM", checkworthy="yes", type="statistic")
                session.add(
                    [ent, occ, quote, claim],
                    [Link(new_id(), doc.id, "speaker", quote.id, ent.id)],
                )
            else:
                session.add(mark([_span(doc, "بيروت", "entity", "GPE")], ACCEPTED, 0.9))
                session.add([_span(doc, "دمشق", "entity", "GPE")])
                project.set_rejected(doc.id, [("entity", 0, 3, "GPE")], True)
            if i != 1:
                project.set_status(doc.id, "done")
    return path


def test_numbers_equal_counts_from_a_native_export(db: Path) -> None:
    with Project(db) as project:
        stats = project_statistics(project)
        records = list(export_records(project))
    labels = Counter(e["label"] for r in records for e in r["entities"])
    assert stats["spans"]["entities"] == dict(labels)
    assert stats["spans"]["quotes"] == sum(len(r["quotes"]) for r in records)
    assert stats["spans"]["claims"] == sum(len(r["claims"]) for r in records)
    statuses = Counter(r["meta"]["status"] for r in records)
    assert stats["documents"] == {
        "total": len(records),
        "new": statuses["new"],
        "in_progress": statuses["in_progress"],
        "done": statuses["done"],
    }
    assert stats["annotators"] == {
        "amal": {"spans": 8, "done": 1},
        "bilal": {"spans": 2, "done": 1},
    }
    assert stats["quotes_per_speaker"] == [
        {"speaker": "سامر الخوري", "quotes": 1},
        {"speaker": "ليلى حداد", "quotes": 1},
    ]
    claims = [c for r in records for c in r["claims"]]
    assert stats["claims"]["checkworthy"] == dict(Counter(c["checkworthy"] for c in claims))
    assert stats["suggestions"]["entities"] == {
        "accepted": 1,
        "stored_unreviewed": 0,
        "rejected": 1,
    }
    assert sum(d["done"] for d in stats["done_over_time"]) == statuses["done"]


def test_click_through_lists_the_spans_behind_a_bar(db: Path) -> None:
    with Project(db) as project:
        pers = matching_spans(project, "entity", label="PERS", annotator="amal")
        assert [h.text for h in pers] == ["سامر الخوري", "ليلى حداد"]
        assert matching_spans(project, "entity", label="PERS", annotator="bilal") == []
        quotes = matching_spans(project, "quote", speaker="ليلى حداد")
        assert len(quotes) == 1 and quotes[0].source == "n1.txt"
        worthy = matching_spans(project, "claim", attr=("checkworthy", "yes"))
        assert len(worthy) == 2
        assert [s for _, s in matching_documents(project, "done")] == ["n0.txt", "n2.txt"]


def test_cli_json_shape(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["stats", "--db", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["documents"]) == {"total", "new", "in_progress", "done"}
    assert set(data["spans"]) == {"entities", "quotes", "claims"}
    assert data["annotators"]["amal"] == {"spans": 8, "done": 1}
    assert main.main(["stats", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("documents: 3 (1 new, 0 in progress, 2 done)")


def test_agreement_per_label_once_two_annotators_finished_a_document(tmp_path: Path) -> None:
    from storage.statistics import agreement_per_label
    from storage.team import agreement_report

    path = tmp_path / "team.hashiya"
    text = "زار سامر الخوري بيروت ودمشق في جولة قصيرة."
    with Project(path, annotator="amal") as project:
        doc = Document.create(text, "t.txt")
        project.add_document(doc)
        assert agreement_per_label(project) is None
    for name, labels in (("amal", ("PERS", "GPE", "GPE")), ("bilal", ("PERS", "GPE", "LOC"))):
        with Project(path, annotator=name) as project:
            session = DocumentSession(project, doc.id)
            spans = [
                _span(doc, surface, "entity", label)
                for surface, label in zip(("سامر الخوري", "بيروت", "دمشق"), labels, strict=True)
            ]
            session.add(spans)
            project.set_status(doc.id, "done")
    with Project(path, readonly=True) as project:
        per_label = agreement_per_label(project)
        assert per_label is not None and per_label["PERS"] == 1.0
        assert per_label["GPE"] < 1.0 and "LOC" in per_label
        assert per_label == dict(agreement_report(project, kinds=("entities",)).lowest_labels)
