"""The team workflow end to end: assign → annotate through the core → merge → agreement →
curate → export, checked figure by figure and span by span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotation.agreement import token_tags
from annotation.documents import Document
from annotation.layers import GOLD, parse_layer
from annotation.spans import Link, Span, new_id
from storage.curation import Curation, curation_progress
from storage.exporter import export_records
from storage.project import Project
from storage.session import DocumentSession
from storage.team import agreement_report, assign, merge

TEXT = "قال وزير الخارجية الأردني أيمن الصفدي في عمّان إن مجلس الأمن الدولي سيجتمع غدا."
OTHER = "أعلنت وزارة الصحة في الرياض تسجيل حالات جديدة."


def _span(
    text: str, words: str, label: str, kind: str = "entity", attrs: dict | None = None
) -> Span:
    start = text.index(words)
    return Span(new_id(), "", kind, label, start, start + len(words), attrs or {})


def _annotate(path: Path, doc_id: str, version: str) -> None:
    """amal and bilal differ by a shifted boundary (الصفدي), a changed label (عمّان), a
    missing span (مجلس الأمن الدولي) and the quote's speaker."""
    with Project(path, annotator=version) as project:
        session = DocumentSession(project, doc_id)
        at = lambda s: Span(s.id, doc_id, s.kind, s.label, s.start, s.end, s.attrs)  # noqa: E731
        occ = at(_span(TEXT, "وزير الخارجية", "OCC"))
        if version == "amal":
            person = at(_span(TEXT, "أيمن الصفدي", "PERS"))
            spans = [
                occ,
                person,
                at(_span(TEXT, "عمّان", "GPE")),
                at(_span(TEXT, "مجلس الأمن الدولي", "ORG")),
            ]
            speaker = person
        else:
            spans = [occ, at(_span(TEXT, "الصفدي", "PERS")), at(_span(TEXT, "عمّان", "LOC"))]
            speaker = occ
        quote = at(
            _span(TEXT, "مجلس الأمن الدولي سيجتمع غدا", "QUOTE", "quote", {"type": "indirect"})
        )
        cue = at(_span(TEXT, "قال", "CUE", "cue"))
        session.add(
            [*spans, quote, cue],
            [
                Link(new_id(), doc_id, "speaker", quote.id, speaker.id),
                Link(new_id(), doc_id, "cue", quote.id, cue.id),
            ],
        )
        project.set_status(doc_id, "done")


def _entities(record: dict) -> list[tuple[str, str]]:
    return [(e["text"], e["label"]) for e in record["entities"]]


def test_team_workflow(tmp_path: Path) -> None:
    lead = Project(tmp_path / "lead.hashiya", annotator="lead")
    for i, text in enumerate((TEXT, OTHER)):
        lead.add_document(Document.create(text, f"{i}.txt"))
    doc = lead.document_ids()[0]
    # 1. assign
    plan, files = assign(lead, ["amal", "bilal"], tmp_path / "team", overlap=1.0, seed=2)
    assert plan.documents["amal"] == plan.documents["bilal"] == lead.document_ids()
    # 2. annotate through the core, each in their own file
    for name in ("amal", "bilal"):
        _annotate(files[name], doc, name)
    # 3. merge (twice = once)
    assert merge(lead, [tmp_path / "team"]).ok
    once = {n: lead.spans(doc, annotator=n) for n in ("amal", "bilal")}
    assert merge(lead, [tmp_path / "team"]).ok
    assert {n: lead.spans(doc, annotator=n) for n in ("amal", "bilal")} == once
    assert lead.statuses(doc) == {"amal": "done", "bilal": "done"}
    # 4. agreement: every figure against the references on the same units
    report = agreement_report(lead)
    assert report.documents == 1 and report.annotators == ["amal", "bilal"]
    pair = report.kinds["entities"].pairs[0]
    assert pair.spans.f1_exact == pytest.approx(2 * 1 / 7)  # OCC only
    assert pair.spans.f1_relaxed == pytest.approx(2 * 2 / 7)  # OCC, PERS (shifted)
    from sklearn.metrics import cohen_kappa_score  # seconds to load: only where it is used

    amal_e = [s for s in once["amal"] if s.kind == "entity"]
    bilal_e = [s for s in once["bilal"] if s.kind == "entity"]
    assert pair.kappa == pytest.approx(
        cohen_kappa_score(token_tags(TEXT, amal_e), token_tags(TEXT, bilal_e))
    )
    assert dict(pair.confusion) == {("GPE", "LOC"): 1}
    quotes = report.kinds["quotes"].pairs[0]
    assert (quotes.spans.f1_exact, quotes.extra["speaker"], quotes.extra["cue"]) == (1.0, 0.0, 1.0)
    data = report.to_json()
    assert set(data) >= {"documents", "entities", "quotes", "claims"}
    assert set(data["entities"]["pairs"][0]) >= {
        "a",
        "b",
        "f1_exact",
        "f1_relaxed",
        "kappa",
        "per_label",
    }
    assert data["lowest_labels"][0]["f1_exact"] == 0.0
    # 5. curate: agreed spans at once, then one annotator's version per disagreement
    curation = Curation(lead, doc)
    before = curation.progress()
    assert (before.agreed, before.curated) == (1, False)  # OCC
    assert before.left == before.disagreements == 4  # PERS, عمّان, ORG, the quote
    agreed = curation.take_agreed()
    assert [s.label for s in agreed.added] == ["OCC"]
    quote_id = next(s.id for s in once["amal"] if s.kind == "quote")
    taken = curation.take("amal", quote_id)  # the quote with amal's speaker and the cue
    assert sorted(s.label for s in taken.added) == ["CUE", "PERS", "QUOTE"]
    assert len(taken.links_added) == 2
    wrong = curation.take("amal", next(s.id for s in once["amal"] if s.label == "GPE"))
    curation.gold.remove([s.id for s in wrong.added])  # undo, as the window's command does
    curation.take("bilal", next(s.id for s in once["bilal"] if s.label == "LOC"))
    curation.take("amal", next(s.id for s in once["amal"] if s.label == "ORG"))
    assert curation.progress().left == 0
    curation.set_curated()
    assert curation_progress(lead)[doc].curated
    # 6. export: gold by default for the curated document, span by span; other layers intact
    records = {r["id"]: r for r in export_records(lead)}
    gold = records[doc]
    assert _entities(gold) == [
        ("وزير الخارجية", "OCC"),
        ("أيمن الصفدي", "PERS"),
        ("عمّان", "LOC"),
        ("مجلس الأمن الدولي", "ORG"),
    ]
    person_id = gold["entities"][1]["id"]
    assert gold["quotes"] == [
        {
            "id": gold["quotes"][0]["id"],
            "start": TEXT.index("مجلس"),
            "end": len(TEXT) - 1,
            "text": "مجلس الأمن الدولي سيجتمع غدا",
            "type": "indirect",
            "speaker": {"entity": person_id},
            "cue": {"start": 0, "end": 3, "text": "قال"},
        }
    ]
    assert records[lead.document_ids()[1]]["entities"] == []  # nobody annotated it
    bilal = next(export_records(lead, layer=parse_layer("annotator:bilal")))
    assert _entities(bilal) == [("وزير الخارجية", "OCC"), ("الصفدي", "PERS"), ("عمّان", "LOC")]
    every = next(export_records(lead, layer=parse_layer("all")))
    assert {e["annotator"] for e in every["entities"]} == {"amal", "bilal", GOLD}
    assert {n: lead.spans(doc, annotator=n) for n in ("amal", "bilal")} == once
    # merging again after curation leaves gold alone
    assert merge(lead, [tmp_path / "team"]).ok
    assert next(export_records(lead)) == gold
    lead.close()


def test_cli_agreement_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import main

    lead = Project(tmp_path / "lead.hashiya", annotator="lead")
    lead.add_document(Document.create(TEXT, "0.txt"))
    doc = lead.document_ids()[0]
    _, files = assign(lead, ["amal", "bilal", "carim"], tmp_path / "team", overlap=1.0, seed=2)
    for name in ("amal", "bilal"):
        _annotate(files[name], doc, name)
    _annotate(files["carim"], doc, "amal")
    assert merge(lead, [tmp_path / "team"]).ok
    lead.close()
    before = (tmp_path / "lead.hashiya").read_bytes()
    assert main.main(["agreement", "--db", str(tmp_path / "lead.hashiya"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1
    pairs = {(p["a"], p["b"]): p for p in data["entities"]["pairs"]}
    assert pairs[("amal", "carim")]["f1_exact"] == 1.0
    assert isinstance(data["entities"]["fleiss_kappa"], float) and isinstance(
        data["entities"]["alpha"], float
    )
    assert (
        main.main(
            [
                "agreement",
                "--db",
                str(tmp_path / "lead.hashiya"),
                "--annotators",
                "amal,bilal",
                "--kinds",
                "entities",
            ]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert "amal × bilal" in text and "carim" not in text
    assert text.index("lowest agreement") < text.index("entities:")
    assert (tmp_path / "lead.hashiya").read_bytes() == before  # read only


def test_cli_curate_takes_agreed_then_preferred(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    lead = Project(tmp_path / "lead.hashiya", annotator="lead")
    lead.add_document(Document.create(TEXT, "0.txt"))
    doc = lead.document_ids()[0]
    _, files = assign(lead, ["amal", "bilal"], tmp_path / "team", overlap=1.0, seed=2)
    for name in ("amal", "bilal"):
        _annotate(files[name], doc, name)
    assert merge(lead, [tmp_path / "team"]).ok
    lead.close()
    db = str(tmp_path / "lead.hashiya")
    assert main.main(["curate", "--db", db, "--agreed"]) == 0
    assert (
        "1 spans taken into gold; 1 agreed, 4 disagreements; 4 disagreements left"
        in capsys.readouterr().out
    )
    assert main.main(["curate", "--db", db, "--prefer", "amal", "--done"]) == 0
    assert f"{doc}: " in capsys.readouterr().out
    with Project(db, annotator="lead") as project:
        gold = next(export_records(project))
        amal = next(export_records(project, layer=parse_layer("annotator:amal")))
    assert _entities(gold) == _entities(amal)
    assert gold["quotes"][0]["speaker"] == {"entity": gold["entities"][1]["id"]}
    assert main.main(["curate", "--db", db, "--documents", "doc-nope"]) == 1
