"""Annotator layers: statuses and links per annotator, export --layer, import of annotators."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from annotation.documents import Document
from annotation.layers import (
    ALL_LAYERS,
    DEFAULT_LAYER,
    GOLD,
    LayerError,
    check_annotator_name,
    parse_annotator_list,
    parse_layer,
)
from annotation.spans import Link, Span, new_id
from storage.exporter import export_jsonl, export_records
from storage.importer import import_paths
from storage.migrations import MIGRATIONS, _v6_annotator_layers, migrate
from storage.project import Project
from storage.session import DocumentSession

TEXT = "قال وزير الخارجية سامح شكري إن القاهرة ترحب بالاتفاق."


def _doc(project: Project, text: str = TEXT) -> Document:
    doc = Document.create(text, "a.txt")
    project.add_document(doc)
    return doc


def _entity(doc: Document, word: str, label: str, who: str = "") -> Span:
    start = doc.text.index(word)
    return Span(new_id(), doc.id, "entity", label, start, start + len(word), annotator=who)


def test_annotator_names() -> None:
    assert check_annotator_name("أمل") == "أمل"
    for bad in ("gold", "Gold", "a,b", "a:b", "a/b", " a", "", ".x", "a\tb"):
        with pytest.raises(LayerError):
            check_annotator_name(bad)
    assert parse_annotator_list("amal, bilal") == ["amal", "bilal"]
    with pytest.raises(LayerError):
        parse_annotator_list("amal,amal")
    assert parse_layer("annotator:amal").annotator == "amal"
    assert parse_layer("gold").annotator == GOLD
    assert parse_layer("all").annotator is None
    with pytest.raises(LayerError):
        parse_layer("annotator:gold")
    with pytest.raises(LayerError):
        parse_layer("everything")


def test_status_per_annotator(project: Project) -> None:
    doc = _doc(project)
    project.set_status(doc.id, "done")
    project.set_status(doc.id, "in_progress", annotator="amal")
    assert project.statuses(doc.id) == {"tester": "done", "amal": "in_progress"}
    assert project.document_info(doc.id).status == "done"  # the current annotator's
    assert project.status_of(doc.id, "bilal") is None
    assert project.set_status(doc.id, "done", annotator="amal") == "in_progress"
    assert project.document_info(doc.id).status == "done"


def test_links_carry_their_annotator(project: Project) -> None:
    doc = _doc(project)
    person = _entity(doc, "سامح شكري", "PERS", "amal")
    quote = Span(
        new_id(),
        doc.id,
        "quote",
        "QUOTE",
        29,
        len(TEXT) - 1,
        {"type": "indirect"},
        annotator="amal",
    )
    project.insert([person, quote], [Link(new_id(), doc.id, "speaker", quote.id, person.id)])
    mine = _entity(doc, "القاهرة", "GPE")
    project.insert([mine])
    assert [lk.annotator for lk in project.links(doc.id)] == ["amal"]
    assert project.links(doc.id, annotator="tester") == []
    assert {s.id for s in project.spans(doc.id, annotator="amal")} == {person.id, quote.id}
    assert project.layer_names(doc.id) == {"amal", "tester"}


def test_session_on_one_layer(project: Project) -> None:
    doc = _doc(project)
    project.insert([_entity(doc, "القاهرة", "GPE", "amal")])
    gold = DocumentSession(project, doc.id, layer=GOLD)
    assert gold.index.all() == []
    change = gold.add([_entity(doc, "سامح شكري", "PERS")])
    assert change.added[0].annotator == GOLD
    assert [s.annotator for s in project.spans(doc.id, annotator=GOLD)] == [GOLD]
    assert len(DocumentSession(project, doc.id).index.all()) == 2


def test_export_layers(project: Project, tmp_path: Path) -> None:
    doc = _doc(project)
    project.insert(
        [_entity(doc, "القاهرة", "GPE", "amal"), _entity(doc, "سامح شكري", "PERS", "amal")]
    )
    one = list(export_records(project))
    assert [e["label"] for e in one[0]["entities"]] == ["PERS", "GPE"]  # single annotator
    project.insert([_entity(doc, "القاهرة", "LOC", "bilal")])
    undecided: list[str] = []
    assert list(export_records(project, undecided=undecided)) == []
    assert undecided == [doc.id]
    bilal = list(export_records(project, layer=parse_layer("annotator:bilal")))
    assert [e["label"] for e in bilal[0]["entities"]] == ["LOC"]
    everything = list(export_records(project, layer=ALL_LAYERS))
    assert sorted(e["annotator"] for e in everything[0]["entities"]) == ["amal", "amal", "bilal"]
    # curation begun (a gold status): the default reads gold, even while it is empty
    project.set_status(doc.id, "in_progress", annotator=GOLD)
    gold = list(export_records(project, layer=DEFAULT_LAYER))
    assert gold[0]["entities"] == []
    project.insert([_entity(doc, "القاهرة", "GPE", GOLD)])
    report = export_jsonl(project, tmp_path / "out.jsonl")
    assert (report.documents, report.spans, report.undecided) == (1, 1, ())
    assert "annotator" not in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_all_layers_round_trip(project: Project, tmp_path: Path) -> None:
    doc = _doc(project)
    person = _entity(doc, "سامح شكري", "PERS", "amal")
    start = TEXT.index("إن")
    quote = Span(
        new_id(),
        doc.id,
        "quote",
        "QUOTE",
        start,
        len(TEXT) - 1,
        {"type": "indirect"},
        annotator="amal",
    )
    cue = Span(new_id(), doc.id, "cue", "CUE", 0, 3, annotator="amal")
    project.insert(
        [person, quote, cue, _entity(doc, "سامح شكري", "PERS", "bilal")],
        [
            Link(new_id(), doc.id, "speaker", quote.id, person.id),
            Link(new_id(), doc.id, "cue", quote.id, cue.id),
        ],
    )
    out = tmp_path / "all.jsonl"
    export_jsonl(project, out, layer=ALL_LAYERS)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["quotes"][0]["annotator"] == "amal"
    # into another project: each span keeps its annotator, cue and links follow their quote
    with Project(tmp_path / "other.hashiya", annotator="carim") as other:
        assert import_paths(other, [out]).ok
        assert other.layer_names(doc.id) == {"amal", "bilal"}
        assert {lk.annotator for lk in other.links(doc.id)} == {"amal"}
    # a record without annotators goes to the importing user
    plain = tmp_path / "plain.jsonl"
    export_jsonl(project, plain, layer=parse_layer("annotator:bilal"))
    with Project(tmp_path / "third.hashiya", annotator="dana") as third:
        assert import_paths(third, [plain]).ok
        assert third.layer_names(doc.id) == {"dana"}


def test_import_refuses_a_bad_annotator(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    entity = {
        "id": "e1",
        "start": 0,
        "end": 3,
        "label": "PERS",
        "text": TEXT[:3],
        "annotator": "a,b",
    }
    path.write_text(
        json.dumps({"id": "d", "text": TEXT, "entities": [entity]}, ensure_ascii=False),
        encoding="utf-8",
    )
    report = import_paths(project, [path])
    assert not report.ok and "may not contain" in report.refused[0].reason


def test_migration_6_keeps_statuses_and_link_authors(tmp_path: Path) -> None:
    path = tmp_path / "v2.hashiya"
    db = sqlite_utils.Database(path)
    migrate(db, target=MIGRATIONS.index(_v6_annotator_layers))
    db.execute("INSERT INTO annotators(id, name) VALUES (1, 'amal')")
    db.execute(
        "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
        "VALUES ('doc-1', 'x', 's', ?, 'done', 1, 'now')",
        [TEXT],
    )
    for sid, label in (("q1", "QUOTE"), ("e1", "PERS")):
        kind = "quote" if label == "QUOTE" else "entity"
        db.execute(
            'INSERT INTO annotations(id, doc_id, kind, label, start, "end", annotator_id, created_at) '
            "VALUES (?, 'doc-1', ?, ?, 0, 3, 1, 'now')",
            [sid, kind, label],
        )
    db.execute(
        "INSERT INTO links(id, doc_id, type, source, target) VALUES ('l1', 'doc-1', 'speaker', 'q1', 'e1')"
    )
    db.conn.commit()
    db.conn.close()
    with Project(path, annotator="lead") as project:
        assert project.statuses("doc-1") == {"amal": "done"}
        assert project.links("doc-1")[0].annotator == "amal"


def test_cli_import_annotator_and_export_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    db = tmp_path / "p.hashiya"
    record = {
        "id": "d",
        "text": TEXT,
        "entities": [{"id": "e1", "start": 0, "end": 3, "label": "PERS", "text": TEXT[:3]}],
    }
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert main.main(["import", "--db", str(db), "--annotator", "amal", str(src)]) == 0
    with Project(db, annotator="bilal") as project:
        doc_id = project.document_ids()[0]
        assert project.layer_names(doc_id) == {"amal"}
        project.insert([Span("e2", doc_id, "entity", "ORG", 0, 3)])
    out = tmp_path / "out.jsonl"
    assert main.main(["export", "--db", str(db), "--out", str(out)]) == 1
    assert f"{doc_id}: left out, several annotators" in capsys.readouterr().err
    assert (
        main.main(["export", "--db", str(db), "--out", str(out), "--layer", "annotator:bilal"]) == 0
    )
    assert [e["label"] for e in json.loads(out.read_text(encoding="utf-8"))["entities"]] == ["ORG"]
    assert main.main(["export", "--db", str(db), "--out", str(out), "--layer", "all"]) == 0
    assert (
        main.main(
            ["export", "--db", str(db), "--out", str(out), "--format", "conll", "--layer", "gold"]
        )
        == 0
    )
    with pytest.raises(SystemExit) as exc:
        main.main(["export", "--db", str(db), "--out", str(out), "--layer", "annotator:gold"])
    assert exc.value.code == 2
