"""Provenance of suggestions: origin/confidence attributes, their migration, their export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotation.documents import Document
from annotation.provenance import (
    ACCEPTED,
    SUGGESTED,
    ProvenanceMissing,
    check_schema,
    format_confidence,
    mark,
    origin_of,
)
from annotation.schema import load_default_schema
from annotation.spans import Span
from storage.migrations import migrate
from storage.project import Project
from storage.session import DocumentSession, EditRefused

TEXT = "قال وزير الخارجية الأردني إن الاجتماع في عمّان كان مثمرا."


def test_default_schema_has_provenance_but_never_defaults_it() -> None:
    schema = load_default_schema()
    check_schema(schema)
    assert schema.default_attrs("claim").keys() == {
        "checkworthy",
        "type",
        "note",
        "claimant_article",
    }
    assert schema.default_attrs("entity") == {}


def test_mark_sets_origin_and_confidence_on_main_kinds_only() -> None:
    spans = [
        Span("q", "d", "quote", "QUOTE", 0, 3, {"type": "indirect"}),
        Span("c", "d", "cue", "CUE", 0, 3),
    ]
    quote, cue = mark(spans, SUGGESTED, 0.8765)
    assert quote.attrs == {"type": "indirect", "origin": "suggested", "confidence": "0.88"}
    assert cue.attrs == {}
    assert origin_of(quote) == SUGGESTED
    assert origin_of(Span("e", "d", "entity", "PERS", 0, 1)) == "human"
    assert format_confidence(1.7) == "1.00" and format_confidence(-1) == "0.00"
    with pytest.raises(ValueError):
        mark(spans, "robot", 0.5)


def test_session_stores_and_exports_provenance(project: Project) -> None:
    from storage.exporter import export_records

    doc = Document.create(TEXT, "amman.txt")
    project.add_document(doc)
    session = DocumentSession(project, doc.id)
    start = TEXT.index("عمّان")
    (span,) = mark([Span("e1", doc.id, "entity", "GPE", start, start + 5)], ACCEPTED, 0.5)
    session.add([span])
    with pytest.raises(EditRefused):
        session.add([Span("e2", doc.id, "entity", "GPE", 0, 3, {"origin": "robot"})])
    (record,) = list(export_records(project))
    assert record["entities"][0]["attrs"] == {"confidence": "0.50", "origin": "accepted"}


def test_migration_adds_provenance_to_old_projects(tmp_path: Path) -> None:
    path = tmp_path / "old.hashiya"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, target=2)
    db.execute("DELETE FROM attribute_defs WHERE name IN ('origin', 'confidence')")
    db.conn.close()
    with Project(path, annotator="t") as project:
        check_schema(project.schema())
        names = [a.name for a in project.schema().attributes_for("claim")]
        assert names[-2:] == ["origin", "confidence"]


def test_schema_without_provenance_is_refused_in_one_line() -> None:
    data = load_default_schema().to_dict()
    data["attributes"] = [a for a in data["attributes"] if a["name"] != "origin"]
    from annotation.schema import LabelSchema

    schema = LabelSchema.from_dict(data)
    with pytest.raises(ProvenanceMissing, match="entity.origin") as info:
        check_schema(schema)
    assert "\n" not in str(info.value)
    json.dumps(data)  # the schema stays serialisable
