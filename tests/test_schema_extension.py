"""A project extends its label schema without code changes: a `stance` attribute on quotes and
a `refers_to` link type (claim -> entity), loaded with `main.py schema --load`, edited through
DocumentSession and the window's Details panel, exported, validated and imported back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from annotation.documents import Document
from annotation.schema import load_default_schema
from annotation.spans import Link, Span
from storage.project import Project
from storage.session import DocumentSession
from tests.test_cli import no_traceback, run

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "resources" / "export.schema.json"

TEXT = (
    "قالت الوزيرة ليلى حسن إن «الميزانية سترتفع بنسبة عشرة بالمئة»، "
    "وردّ النائب سمير داود بأن «الأرقام غير دقيقة». وأضافت أن المدارس ستفتح في أيلول."
)
STANCE = {
    "kind": "quote",
    "name": "stance",
    "values": ["pro", "contra", "neutral"],
    "default": "neutral",
    "title": "stance",
}
REFERS_TO = {
    "name": "refers_to",
    "from": ["claim"],
    "to": ["entity"],
    "max_per_source": None,
    "title": "refers to",
}


def cut(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


@pytest.fixture
def schema_file(tmp_path: Path) -> Path:
    data = load_default_schema().to_dict()
    data["attributes"].append(STANCE)
    data["link_types"].append(REFERS_TO)
    path = tmp_path / "extended.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load_schema(db: Path, schema_file: Path) -> None:
    proc = run("schema", "--db", db, "--load", schema_file)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture
def extended(tmp_path: Path, schema_file: Path) -> tuple[Path, dict[str, str]]:
    """A project on the extended schema, annotated through DocumentSession; returns the
    project path and the ids by name."""
    db = tmp_path / "extended.hashiya"
    load_schema(db, schema_file)
    project = Project(db, annotator="tester")
    try:
        doc = Document.create(TEXT, "wazira.txt")
        project.add_document(doc)
        session = DocumentSession(project, doc.id)

        def span(
            sid: str, kind: str, label: str, piece: str, attrs: dict[str, str] | None = None
        ) -> Span:
            return Span(sid, doc.id, kind, label, *cut(piece), attrs or {})

        minister = span("e-minister", "entity", "PERS", "ليلى حسن")
        deputy = span("e-deputy", "entity", "PERS", "سمير داود")
        budget = span(
            "q-budget", "quote", "QUOTE", "الميزانية سترتفع بنسبة عشرة بالمئة", {"type": "direct"}
        )
        figures = span("q-figures", "quote", "QUOTE", "الأرقام غير دقيقة", {"type": "direct"})
        claim = span(
            "c-budget",
            "claim",
            "CLAIM",
            "الميزانية سترتفع",
            {"checkworthy": "yes", "type": "statistic", "note": "", "claimant_article": "no"},
        )
        schools = span(
            "c-schools", "claim", "CLAIM", "المدارس ستفتح في أيلول", {"checkworthy": "unsure"}
        )
        session.add(
            [minister, deputy, budget, figures, claim, schools],
            [
                Link("l1", doc.id, "speaker", budget.id, minister.id),
                Link("l2", doc.id, "speaker", figures.id, deputy.id),
                Link("l3", doc.id, "claimant", claim.id, minister.id),
                Link("l4", doc.id, "in_quote", claim.id, budget.id),
            ],
        )
        session.set_attrs(budget.id, stance="pro")
        session.set_attrs(figures.id, stance="contra", type="indirect")
        session.add_links(
            [
                Link("l5", doc.id, "refers_to", claim.id, minister.id),
                Link("l6", doc.id, "refers_to", schools.id, deputy.id),
                Link("l7", doc.id, "refers_to", claim.id, deputy.id),
            ]
        )
        return db, {"doc": doc.id}
    finally:
        project.close()


def export(db: Path, out: Path, *extra: str) -> list[dict[str, Any]]:
    proc = run("export", "--db", db, "--out", out, *extra)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_schema_out_shows_the_loaded_extension(
    extended: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, _ = extended
    out = tmp_path / "schema.json"
    proc = run("schema", "--db", db, "--out", out)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert STANCE in data["attributes"] and REFERS_TO in data["link_types"]


def test_export_carries_attrs_and_links_and_validates(
    extended: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, _ = extended
    (record,) = export(db, tmp_path / "out.jsonl")
    quotes = {q["id"]: q for q in record["quotes"]}
    assert (
        quotes["q-budget"]["attrs"] == {"stance": "pro"} and quotes["q-budget"]["type"] == "direct"
    )
    assert (
        quotes["q-figures"]["attrs"] == {"stance": "contra"}
        and quotes["q-figures"]["type"] == "indirect"
    )
    assert all("attrs" not in c for c in record["claims"])  # only fixed fields stored
    assert all("attrs" not in e for e in record["entities"])
    assert record["links"] == [
        {"type": "refers_to", "source": "c-budget", "target": "e-deputy"},
        {"type": "refers_to", "source": "c-budget", "target": "e-minister"},
        {"type": "refers_to", "source": "c-schools", "target": "e-deputy"},
    ]
    assert list(record)[-1] == "links"
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    validator.validate(record)
    # Without the entities, the refers_to links have no target in the record: left out.
    (no_entities,) = export(db, tmp_path / "qc.jsonl", "--kinds", "quotes,claims")
    assert "links" not in no_entities and no_entities["quotes"][0]["attrs"] == {"stance": "pro"}
    validator.validate(no_entities)


def test_import_into_a_fresh_project_and_export_again_is_identical(
    extended: tuple[Path, dict[str, str]], schema_file: Path, tmp_path: Path
) -> None:
    db, _ = extended
    first = tmp_path / "first.jsonl"
    export(db, first)
    fresh = tmp_path / "fresh.hashiya"
    load_schema(fresh, schema_file)
    proc = run("import", "--db", fresh, first)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("imported 1 document, 6 spans; skipped 0; refused 0")
    second = tmp_path / "second.jsonl"
    export(fresh, second)
    assert second.read_bytes() == first.read_bytes()


def test_import_without_the_schema_is_refused(
    extended: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, _ = extended
    first = tmp_path / "first.jsonl"
    export(db, first)
    proc = run("import", "--db", tmp_path / "plain.hashiya", first)
    no_traceback(proc)
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"{first}: line 1: ") and "stance" in line


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("bad stance", "'stance' cannot be 'against'"),
        ("refers_to from a quote", "a refers_to link cannot join a quote to a entity"),
        ("refers_to to a claim", "a refers_to link cannot join a claim to a claim"),
        ("dangling refers_to", "'e-nobody' is not an entity, quote or claim of this record"),
    ],
)
def test_bad_records_are_refused_with_their_line_number(
    extended: tuple[Path, dict[str, str]], schema_file: Path, tmp_path: Path, case: str, reason: str
) -> None:
    db, _ = extended
    (good,) = export(db, tmp_path / "first.jsonl")
    bad = json.loads(json.dumps(good))
    bad["id"], bad["text"] = "doc-bad", TEXT + " ملحق."
    bad["meta"].pop("sha256")
    for key in ("entities", "quotes", "claims"):
        for item in bad[key]:
            item["id"] = "bad-" + item["id"]
    for item in bad["quotes"]:
        if item["speaker"] is not None and "entity" in item["speaker"]:
            item["speaker"]["entity"] = "bad-" + item["speaker"]["entity"]
    for item in bad["claims"]:
        if item["claimant"] is not None and "entity" in item["claimant"]:
            item["claimant"]["entity"] = "bad-" + item["claimant"]["entity"]
        if item["quote"] is not None:
            item["quote"] = "bad-" + item["quote"]
    for item in bad["links"]:
        item["source"], item["target"] = "bad-" + item["source"], "bad-" + item["target"]
    if case == "bad stance":
        bad["quotes"][1]["attrs"]["stance"] = "against"
    elif case == "refers_to from a quote":
        bad["links"][0]["source"] = "bad-q-budget"
    elif case == "refers_to to a claim":
        bad["links"][0]["target"] = "bad-c-schools"
    else:
        bad["links"][2]["target"] = "e-nobody"
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(bad, ensure_ascii=False) + "\n" + json.dumps(good, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh.hashiya"
    load_schema(fresh, schema_file)
    proc = run("import", "--db", fresh, path)
    no_traceback(proc)
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"{path}: line 1: ") and reason in line, line
    assert proc.stdout.strip().endswith("imported 1 document, 6 spans; skipped 0; refused 1")
    with sqlite3.connect(fresh) as conn:
        assert (
            conn.execute("SELECT COUNT(*) FROM annotations WHERE id LIKE 'bad-%'").fetchone()[0]
            == 0
        )


# --- the window ---------------------------------------------------------------------------------------
@pytest.mark.gui
def test_details_panel_edits_the_stance_with_undo(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, extended: tuple[Path, dict[str, str]]
) -> None:
    from PySide6.QtWidgets import QComboBox

    from tests.gui_support import isolate, open_window

    db, ids = extended
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    try:
        assert win.session is not None and win.session.doc.id == ids["doc"]

        def stored(span_id: str) -> dict[str, str]:
            row = win.project.db.execute(
                "SELECT attrs FROM annotations WHERE id = ?", [span_id]
            ).fetchone()
            return json.loads(row[0])

        win.select_span("q-figures")
        combo = win.panes.details.editors["stance"]
        assert isinstance(combo, QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == ["pro", "contra", "neutral"]
        assert combo.currentText() == "contra"
        combo.setCurrentText("neutral")
        combo.activated.emit(combo.currentIndex())
        assert stored("q-figures") == {"type": "indirect", "stance": "neutral"}
        assert win.session.index["q-figures"].attrs["stance"] == "neutral"
        win.docs.undo_stack.undo()
        assert stored("q-figures") == {"type": "indirect", "stance": "contra"}
        win.select_span("q-figures")
        assert win.panes.details.editors["stance"].currentText() == "contra"
        # a claim has no stance field; the refers_to links do not disturb the panel
        win.select_span("c-budget")
        assert (
            "stance" not in win.panes.details.editors and "checkworthy" in win.panes.details.editors
        )
    finally:
        win.close()
        win.project.close()
