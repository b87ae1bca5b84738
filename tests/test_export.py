"""Native JSONL export: record shape, order, filters, JSON Schema, atomic write, and the
round trip export -> import -> export without loss."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from annotation.documents import Document
from annotation.spans import Link, Span, new_id
from storage import exporter
from storage.exporter import ExportReport, export_jsonl, export_records, parse_kinds
from storage.formats import native
from storage.importer import import_file
from storage.project import Project

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "resources" / "export.schema.json"

TEXT_1 = (
    "صرّح رئيس البلدية خالد يوسف بأن «المياه ستعود إلى الأحياء الشرقية خلال يومين»، "
    "فيما قال شاهد عيان إن الانقطاع مستمر منذ أسبوع. وارتفعت الأسعار بنسبة ١٠٪."
)
TEXT_2 = "أكدت وزارة التربية أن الامتحانات ستجري في موعدها."
TEXT_3 = "نص ثالث بلا أي تعليق\u00a0🙂."


def cut(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def add_doc(project: Project, text: str, source: str, status: str = "new") -> Document:
    doc = Document.create(text, source)
    project.add_document(doc)
    if status != "new":
        project.set_status(doc.id, status)
    return doc


def span(
    doc: Document,
    kind: str,
    label: str,
    piece: str,
    attrs: dict[str, str] | None = None,
    boundary: str = "token",
) -> Span:
    start, end = cut(doc.text, piece)
    return Span(new_id(), doc.id, kind, label, start, end, attrs or {}, boundary)


def link(doc: Document, type_: str, source: Span, target: Span) -> Link:
    return Link(new_id(), doc.id, type_, source.id, target.id)


@pytest.fixture
def rich(project: Project) -> Project:
    """A project filled the way the window does it: random ids, every link form."""
    d1 = add_doc(project, TEXT_1, "baladiya.txt", "done")
    mayor = span(d1, "entity", "PERS", "خالد يوسف")
    occ = span(d1, "entity", "OCC", "رئيس البلدية", boundary="exact")
    pct = span(d1, "entity", "PERCENT", "١٠٪", boundary="strip_clitics")
    q1 = span(
        d1, "quote", "QUOTE", "المياه ستعود إلى الأحياء الشرقية خلال يومين", {"type": "direct"}
    )
    cue1 = span(d1, "cue", "CUE", "صرّح")
    q2 = span(d1, "quote", "QUOTE", "الانقطاع مستمر منذ أسبوع", {"type": "indirect"})
    witness = span(d1, "mention", "MENTION", "شاهد عيان")
    cue2 = span(d1, "cue", "CUE", "قال")
    c1 = span(
        d1,
        "claim",
        "CLAIM",
        "المياه ستعود",
        {"checkworthy": "yes", "type": "prediction", "note": "", "claimant_article": "no"},
    )
    c2 = span(
        d1,
        "claim",
        "CLAIM",
        "الانقطاع مستمر منذ أسبوع",
        {
            "checkworthy": "unsure",
            "type": "event",
            "note": "تحقق من الشهود",
            "claimant_article": "no",
        },
    )
    c3 = span(
        d1,
        "claim",
        "CLAIM",
        "ارتفعت الأسعار بنسبة ١٠٪",
        {"checkworthy": "yes", "type": "statistic", "note": "", "claimant_article": "yes"},
    )
    c4 = span(
        d1, "claim", "CLAIM", "الأحياء الشرقية", {"checkworthy": "no", "type": "other", "note": ""}
    )
    project.insert(
        [mayor, occ, pct, q1, cue1, q2, witness, cue2, c1, c2, c3, c4],
        [
            link(d1, "speaker", q1, mayor),
            link(d1, "cue", q1, cue1),
            link(d1, "speaker", q2, witness),
            link(d1, "cue", q2, cue2),
            link(d1, "claimant", c1, mayor),
            link(d1, "in_quote", c1, q1),
            link(d1, "claimant", c2, witness),
            link(d1, "in_quote", c2, q2),
        ],
    )
    d2 = add_doc(project, TEXT_2, "tarbiya.txt", "in_progress")
    ministry = span(d2, "entity", "ORG", "وزارة التربية")
    project.insert([ministry])
    add_doc(project, TEXT_3, "empty.txt")
    return project


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


# --- shape and order ------------------------------------------------------------------------------
def test_record_shape(rich: Project) -> None:
    records = list(export_records(rich))
    assert [r["meta"]["source"] for r in records] == ["baladiya.txt", "tarbiya.txt", "empty.txt"]
    r = records[0]
    assert list(r) == ["id", "text", "meta", "entities", "quotes", "claims"]
    assert r["text"] == TEXT_1 and r["meta"]["status"] == "done"
    ents = {e["text"]: e for e in r["entities"]}
    assert ents["رئيس البلدية"]["boundary"] == "exact"
    assert ents["١٠٪"]["boundary"] == "strip_clitics" and ents["١٠٪"]["label"] == "PERCENT"
    q1, q2 = r["quotes"]
    assert q1["speaker"] == {"entity": ents["خالد يوسف"]["id"]}
    assert q1["cue"] == {"start": 0, "end": 4, "text": "صرّح"}
    assert q2["type"] == "indirect"
    assert q2["speaker"] == {
        **dict(zip(("start", "end"), cut(TEXT_1, "شاهد عيان"), strict=True)),
        "text": "شاهد عيان",
    }
    claims = {c["text"]: c for c in r["claims"]}
    assert claims["المياه ستعود"]["claimant"] == {"entity": ents["خالد يوسف"]["id"]}
    assert claims["المياه ستعود"]["quote"] == q1["id"]
    assert claims["الانقطاع مستمر منذ أسبوع"]["claimant"]["text"] == "شاهد عيان"
    assert claims["الانقطاع مستمر منذ أسبوع"]["note"] == "تحقق من الشهود"
    assert claims["ارتفعت الأسعار بنسبة ١٠٪"]["claimant"] == {"article": True}
    assert (
        claims["الأحياء الشرقية"]["claimant"] is None and claims["الأحياء الشرقية"]["quote"] is None
    )
    assert records[2]["entities"] == records[2]["quotes"] == records[2]["claims"] == []


def test_spans_are_ordered_by_start_then_longer_first_then_id(project: Project) -> None:
    doc = add_doc(project, "جامعة القاهرة في القاهرة", "x.txt")
    spans = [
        Span("b", doc.id, "entity", "LOC", 17, 24),
        Span("z", doc.id, "entity", "GPE", 6, 13),
        Span("a", doc.id, "entity", "ORG", 0, 13),
        Span("c", doc.id, "entity", "ORG", 0, 5),
        Span("y", doc.id, "entity", "GPE", 17, 24),
    ]
    project.insert(spans)
    (record,) = export_records(project)
    assert [e["id"] for e in record["entities"]] == ["a", "c", "z", "b", "y"]


def test_line_per_document_utf8_not_escaped(rich: Project, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = export_jsonl(rich, out)
    assert report == ExportReport(documents=3, spans=3 + 2 + 4 + 1)
    raw = out.read_bytes()
    assert raw.endswith(b"\n") and raw.count(b"\n") == 3
    assert "خالد يوسف".encode() in raw and b"\\u0" not in raw
    assert [json.loads(x)["text"] for x in lines_of(out)[:-1]] == [TEXT_1, TEXT_2, TEXT_3]


# --- filters ----------------------------------------------------------------------------------------
def test_status_filter(rich: Project) -> None:
    assert [r["meta"]["source"] for r in export_records(rich, status="in_progress")] == [
        "tarbiya.txt"
    ]
    assert [r["meta"]["source"] for r in export_records(rich, status="new")] == ["empty.txt"]
    with pytest.raises(ValueError):
        list(export_records(rich, status="finished"))


def test_kinds_filter_keeps_records_self_contained(rich: Project) -> None:
    (record, *_) = export_records(rich, kinds=("quotes", "claims"))
    assert "entities" not in record
    q1 = record["quotes"][0]
    # The entity is not in the record, so the speaker is written as a piece of text.
    assert q1["speaker"] == {
        **dict(zip(("start", "end"), cut(TEXT_1, "خالد يوسف"), strict=True)),
        "text": "خالد يوسف",
    }
    claims = {c["text"]: c for c in record["claims"]}
    assert claims["المياه ستعود"]["claimant"]["text"] == "خالد يوسف"
    (only_claims, *_) = export_records(rich, kinds=("claims",))
    assert list(only_claims) == ["id", "text", "meta", "claims"]
    assert all(c["quote"] is None for c in only_claims["claims"])
    (only_entities, *_) = export_records(rich, kinds=("entities",))
    assert list(only_entities) == ["id", "text", "meta", "entities"]


def test_parse_kinds() -> None:
    assert parse_kinds("claims, entities") == ("entities", "claims")
    for bad in ("", "entity", "entities,links"):
        with pytest.raises(ValueError):
            parse_kinds(bad)


# --- JSON Schema --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kinds", [("entities", "quotes", "claims"), ("quotes", "claims"), ("claims",)]
)
def test_every_exported_line_validates(
    rich: Project,
    tmp_path: Path,
    validator: jsonschema.Draft202012Validator,
    kinds: tuple[str, ...],
) -> None:
    out = tmp_path / "out.jsonl"
    export_jsonl(rich, out, kinds=kinds)
    lines = lines_of(out)[:-1]
    assert len(lines) == 3
    for line in lines:
        validator.validate(json.loads(line))


BROKEN = [
    ("no meta", lambda r: r.pop("meta")),
    ("unknown status", lambda r: r["meta"].update(status="finished")),
    ("string offset", lambda r: r["entities"][0].update(start="3")),
    ("negative offset", lambda r: r["entities"][0].update(start=-1)),
    ("no label", lambda r: r["entities"][0].pop("label")),
    ("bad boundary", lambda r: r["entities"][0].update(boundary="word")),
    ("bad quote type", lambda r: r["quotes"][0].update(type="direkt")),
    ("speaker missing", lambda r: r["quotes"][0].pop("speaker")),
    ("speaker both forms", lambda r: r["quotes"][0]["speaker"].update(start=0, end=3, text="abc")),
    ("article false", lambda r: r["claims"][0].update(claimant={"article": False})),
    ("bad checkworthy", lambda r: r["claims"][0].update(checkworthy="maybe")),
    ("typo field", lambda r: r["claims"][0].update(notes="x")),
    ("text with CR", lambda r: r.update(text="سطر\r\nسطر")),
]


@pytest.mark.parametrize(("case", "breaker"), BROKEN, ids=[c for c, _ in BROKEN])
def test_schema_rejects_broken_records(
    rich: Project,
    validator: jsonschema.Draft202012Validator,
    case: str,
    breaker: Callable[[dict[str, Any]], object],
) -> None:
    record = next(export_records(rich))
    validator.validate(record)
    breaker(record)
    assert not validator.is_valid(record), case


# --- round trip -----------------------------------------------------------------------------------------
def test_round_trip_export_import_export_is_identical(rich: Project, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    export_jsonl(rich, first)
    for round_no in (2, 3):
        fresh = Project(tmp_path / f"fresh{round_no}.hashiya", annotator="other")
        try:
            result = import_file(fresh, first if round_no == 2 else tmp_path / "second.jsonl")
            assert result.refused == [] and len(result.imported) == 3
            out = tmp_path / ("second.jsonl" if round_no == 2 else "third.jsonl")
            export_jsonl(fresh, out)
            assert out.read_bytes() == first.read_bytes()
        finally:
            fresh.close()


def test_round_trip_of_a_filtered_export(rich: Project, tmp_path: Path) -> None:
    first = tmp_path / "q.jsonl"
    export_jsonl(rich, first, kinds=("quotes", "claims"))
    fresh = Project(tmp_path / "fresh.hashiya")
    try:
        assert import_file(fresh, first).refused == []
        again = tmp_path / "q2.jsonl"
        export_jsonl(fresh, again, kinds=("quotes", "claims"))
        assert again.read_bytes() == first.read_bytes()
    finally:
        fresh.close()


# --- atomic write ------------------------------------------------------------------------------------------
def test_failure_mid_export_leaves_previous_file(
    rich: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n", encoding="utf-8")
    os.chmod(out, 0o640)
    real_build = native.encode_record
    calls = {"n": 0}

    def build_then_fail(*args: Any, **kwargs: Any) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real_build(*args, **kwargs)

    monkeypatch.setattr(exporter, "encode_record", build_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        export_jsonl(rich, out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == ["out.jsonl"]
    monkeypatch.undo()
    export_jsonl(rich, out)
    assert len(lines_of(out)) == 4
    assert out.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions


def test_unwritable_folder_raises_oserror_and_leaves_nothing(rich: Project, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_jsonl(rich, tmp_path / "missing" / "out.jsonl")
    assert not (tmp_path / "missing").exists()


# --- speed, without timing: no query per span ----------------------------------------------------------------
def test_export_issues_no_query_per_span(project: Project) -> None:
    def fill(text: str, count: int) -> None:
        doc = add_doc(project, text, "x.txt")
        project.insert(
            [
                Span(f"{doc.id}-{i}", doc.id, "entity", "PERS", i % 40, i % 40 + 3)
                for i in range(count)
            ]
        )

    fill("أ" * 60, 10)
    fill("ب" * 60, 2000)
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    try:
        records = list(export_records(project))
    finally:
        project.db.conn.set_trace_callback(None)
    assert [len(r["entities"]) for r in records] == [10, 2000]
    assert len(statements) <= 1 + 3 * len(records)


def test_fast_span_reader_matches_project_spans(rich: Project) -> None:
    cache: dict[str, dict[str, Any]] = {}
    for doc_id in rich.document_ids():
        assert exporter._spans_of(rich, doc_id, cache) == rich.spans(doc_id)


# --- attributes and link types the project's schema adds -------------------------------------------------
def test_extra_attrs_and_links_are_written_sorted_and_self_contained(
    validator: jsonschema.Draft202012Validator,
) -> None:
    doc = Document.create(TEXT_1, "x.txt")
    mayor = span(doc, "entity", "PERS", "خالد يوسف", {"salience": "high"})
    q1 = span(
        doc,
        "quote",
        "QUOTE",
        "المياه ستعود إلى الأحياء الشرقية خلال يومين",
        {"type": "indirect", "stance": "pro", "certainty": "low"},
    )
    cue = span(doc, "cue", "CUE", "صرّح")
    c1 = span(
        doc,
        "claim",
        "CLAIM",
        "المياه ستعود",
        {
            "checkworthy": "yes",
            "type": "prediction",
            "note": "",
            "claimant_article": "yes",
            "topic": "water",
        },
    )
    links = [
        Link("x1", doc.id, "speaker", q1.id, mayor.id),
        Link("x2", doc.id, "cue", q1.id, cue.id),
        Link("x3", doc.id, "refers_to", c1.id, mayor.id),
        Link("x4", doc.id, "about", q1.id, mayor.id),
        Link("x5", doc.id, "about", c1.id, mayor.id),
        Link("x6", doc.id, "refers_to", c1.id, cue.id),
        Link("x7", doc.id, "refers_to", c1.id, mayor.id),  # the same link twice: written once
    ]
    record = native.encode_record(
        doc.id, doc.text, doc.source, doc.sha256, "new", [mayor, q1, cue, c1], links
    )
    assert list(record) == ["id", "text", "meta", "entities", "quotes", "claims", "links"]
    assert record["entities"][0]["attrs"] == {"salience": "high"}
    (quote,) = record["quotes"]
    assert quote["type"] == "indirect" and list(quote)[-1] == "attrs"
    assert list(quote["attrs"].items()) == [("certainty", "low"), ("stance", "pro")]
    assert record["claims"][0]["attrs"] == {"topic": "water"}
    assert record["claims"][0]["claimant"] == {"article": True}
    # by type, source, target; not the fixed types, not the link to the cue (not in the record)
    expected = sorted(
        [("about", q1.id, mayor.id), ("about", c1.id, mayor.id), ("refers_to", c1.id, mayor.id)]
    )
    assert record["links"] == [{"type": t, "source": a, "target": b} for t, a, b in expected]
    validator.validate(record)
    quotes_only = native.encode_record(
        doc.id,
        doc.text,
        doc.source,
        doc.sha256,
        "new",
        [mayor, q1, cue, c1],
        links,
        kinds=("quotes", "claims"),
    )
    assert "links" not in quotes_only  # every one of them ends at the entity, not exported
    validator.validate(quotes_only)


def test_default_schema_records_have_no_attrs_or_links(rich: Project) -> None:
    for record in export_records(rich):
        assert "links" not in record
        assert all("attrs" not in item for key in native.KINDS for item in record[key])


EXTENDED_BROKEN = [
    ("fixed link type in links", lambda r: r["links"][0].update(type="speaker")),
    ("link without target", lambda r: r["links"][0].pop("target")),
    ("empty links", lambda r: r.update(links=[])),
    ("quote type in attrs", lambda r: r["quotes"][0]["attrs"].update(type="direct")),
    ("claim note in attrs", lambda r: r["claims"][0]["attrs"].update(note="x")),
    ("number as attribute value", lambda r: r["quotes"][0]["attrs"].update(stance=1)),
    ("empty attrs", lambda r: r["entities"][0].update(attrs={})),
    ("bad attribute name", lambda r: r["entities"][0]["attrs"].update({"1st": "x"})),
]


@pytest.mark.parametrize(("case", "breaker"), EXTENDED_BROKEN, ids=[c for c, _ in EXTENDED_BROKEN])
def test_schema_rejects_broken_attrs_and_links(
    validator: jsonschema.Draft202012Validator,
    case: str,
    breaker: Callable[[dict[str, Any]], object],
) -> None:
    doc = Document.create(TEXT_1, "x.txt")
    mayor = span(doc, "entity", "PERS", "خالد يوسف", {"salience": "high"})
    q1 = span(doc, "quote", "QUOTE", "المياه ستعود", {"type": "direct", "stance": "pro"})
    c1 = span(doc, "claim", "CLAIM", "الأحياء الشرقية", {"checkworthy": "no", "topic": "x"})
    record = native.encode_record(
        doc.id,
        doc.text,
        doc.source,
        doc.sha256,
        "new",
        [mayor, q1, c1],
        [Link("l", doc.id, "refers_to", c1.id, mayor.id)],
    )
    validator.validate(record)
    breaker(record)
    assert not validator.is_valid(record), case
