"""The project file: creation, documents, spans and links, schema edits, edit log, crash
safety, and refusing files that are not (usable) Hashiya projects without touching them."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.schema import LabelDef
from annotation.spans import Link, Span, new_id
from storage.file_checks import full_check, quick_check
from storage.migrations import APPLICATION_ID, LATEST_VERSION
from storage.project import Project, ProjectError

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "أعلن وزير الصحة المغربي خالد آيت الطالب في الرباط يوم الاثنين أن الحكومة ستفتح "
    "ثلاثة مستشفيات جديدة قبل نهاية العام. وقال الوزير: «هذه أولوية وطنية»."
)
OTHER = "افتتحت شركة أرامكو السعودية مكتبا جديدا في بكين، بحسب بيان نشرته الشركة مساء الخميس."


def _doc(project: Project, text: str = ARTICLE, source: str = "article.txt") -> Document:
    doc = Document.create(text, source)
    project.add_document(doc)
    return doc


def _entity(doc: Document, word: str, label: str = "PERS", nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(word, i + 1)
    return Span(new_id(), doc.id, "entity", label, i, i + len(word))


def _quote(doc: Document) -> Span:
    start = doc.text.index("«")
    return Span(
        new_id(), doc.id, "quote", "QUOTE", start, doc.text.index("»") + 1, {"type": "direct"}
    )


# --- bulk transactions: references checked per batch ------------------------------------------
def _bad_references(doc: Document, good: list[Span]) -> dict[str, tuple[list[Span], list[Link]]]:
    """Edits that each break one foreign key of annotations or links."""
    first = good[0]
    return {
        "unknown label": (
            [*good, Span(new_id(), doc.id, "entity", "NO_SUCH_LABEL", 0, 3)],
            [],
        ),
        "unknown document": ([*good, Span(new_id(), "no-such-doc", "entity", "PERS", 0, 3)], []),
        "unknown kind": ([*good, Span(new_id(), doc.id, "no_such_kind", "PERS", 0, 3)], []),
        "link to a missing span": (good, [Link(new_id(), doc.id, "speaker", first.id, "gone")]),
        "unknown link type": (good, [Link(new_id(), doc.id, "no_such_type", first.id, good[1].id)]),
    }


@pytest.mark.parametrize(
    "case",
    [
        "unknown label",
        "unknown document",
        "unknown kind",
        "link to a missing span",
        "unknown link type",
    ],
)
def test_bulk_writes_refuse_what_the_foreign_keys_refuse(project: Project, case: str) -> None:
    """SQLite's per-row foreign-key checks are off inside bulk_writes; the set-wise check
    refuses the same edits, with the same error, and nothing of them is written."""
    doc = _doc(project)
    good = [_entity(doc, "الوزير"), _entity(doc, "الرباط", "LOC")]
    spans, links = _bad_references(doc, good)[case]
    with pytest.raises(sqlite3.IntegrityError) as outside:  # foreign keys enforced row by row
        project.insert(spans, links)
    with pytest.raises(sqlite3.IntegrityError) as inside:
        with project.bulk_writes():
            project.insert(spans, links)
    assert type(inside.value) is type(outside.value)
    assert project.span_count() == 0
    assert project.db.execute("SELECT COUNT(*) FROM links").fetchone()[0] == 0
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again


def test_bulk_writes_store_good_references_and_restore_the_checks(
    project: Project,
) -> None:
    doc = _doc(project)
    quote = _quote(doc)
    speaker = _entity(doc, "الوزير")
    pragmas = ("cache_size", "temp_store", "wal_autocheckpoint")
    before = [project.db.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas]
    with project.bulk_writes():
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        # a larger page cache, and statement journals in memory, for the block only
        assert project.db.execute("PRAGMA cache_size").fetchone()[0] < before[0]
        assert project.db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert project.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > before[2]
        project.insert([speaker], [])
        project.insert([quote], [Link(new_id(), doc.id, "speaker", quote.id, speaker.id)])
        with pytest.raises(RuntimeError):  # deletes rely on the foreign keys' cascades
            project.delete([quote.id])
    assert project.span_count() == 2
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [project.db.execute(f"PRAGMA {name}").fetchone()[0] for name in pragmas] == before
    assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
    with project.transaction(), project.bulk_writes():  # inside a transaction: checks stay on
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- creation and reopening ------------------------------------------------------------------
def test_create_sets_wal_foreign_keys_ids_and_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "sub" / "p.hashiya"
    with Project(path, annotator="salma") as project:
        assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert project.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert project.migrated_from == 0
        assert project.schema().has_label("PERS")
    header = path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    with Project(path, annotator="salma") as project:
        doc = _doc(project)
        span = _entity(doc, "خالد آيت الطالب")
        project.insert([span])
        project.set_setting("policy", "token")
        salma = project.annotator_id
    with Project(path, annotator="salma") as again:
        assert again.migrated_from == LATEST_VERSION
        assert again.annotator_id == salma
        assert again.document(doc.id) == doc
        [stored] = again.spans(doc.id)
        assert (stored.id, stored.start, stored.end, stored.label) == (
            span.id,
            span.start,
            span.end,
            "PERS",
        )
        assert stored.annotator == "salma"
        assert again.setting("policy", "x") == "token"
        assert again.setting("missing", "fallback") == "fallback"
        assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Project(path, annotator="karim") as third:
        assert third.annotator_id != salma


def test_empty_file_becomes_a_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.hashiya"
    path.touch()
    with Project(path) as project:
        assert project.document_ids() == []


# --- documents -------------------------------------------------------------------------------
def test_documents_list_with_entity_counts_and_status(project: Project) -> None:
    a = _doc(project, ARTICLE, "a.txt")
    b = _doc(project, OTHER, "b.txt")
    assert project.has_sha(a.sha256) and not project.has_sha("0" * 64)
    assert project.document_ids() == [a.id, b.id]
    project.insert([_entity(a, "خالد آيت الطالب"), _entity(a, "الرباط", "GPE"), _quote(a)])
    project.insert([_entity(b, "أرامكو السعودية", "ORG")])
    infos = project.documents()
    assert [(i.id, i.source, i.status, i.length, i.entity_count, i.position) for i in infos] == [
        (a.id, "a.txt", "new", len(ARTICLE), 2, 1),
        (b.id, "b.txt", "new", len(OTHER), 1, 2),
    ]
    assert project.document_info(a.id) == infos[0]
    assert project.span_count(a.id) == 3
    assert project.span_count(a.id, "entity") == 2
    assert project.span_count() == 4


def test_same_text_twice_refused(project: Project) -> None:
    _doc(project)
    with pytest.raises(sqlite3.IntegrityError):
        _doc(project, ARTICLE, "copy.txt")
    assert len(project.documents()) == 1


def test_unknown_document_raises_key_error(project: Project) -> None:
    with pytest.raises(KeyError):
        project.document("doc-nope")
    with pytest.raises(KeyError):
        project.document_info("doc-nope")


def test_set_status(project: Project) -> None:
    doc = _doc(project)
    assert project.set_status(doc.id, "in_progress") == "new"
    assert project.set_status(doc.id, "done") == "in_progress"
    assert project.document(doc.id).status == "done"
    with pytest.raises(sqlite3.IntegrityError):
        project.set_status(doc.id, "finished")
    assert project.document(doc.id).status == "done"
    assert not project._in_tx


# --- spans and links -------------------------------------------------------------------------
def test_insert_and_read_spans_in_reading_order(project: Project) -> None:
    doc = _doc(project)
    minister = _entity(doc, "خالد آيت الطالب")
    rabat = _entity(doc, "الرباط", "GPE")
    quote = _quote(doc)
    project.insert([quote, rabat, minister])
    assert project.spans(doc.id) == [
        Span(s.id, s.doc_id, s.kind, s.label, s.start, s.end, s.attrs, s.boundary, "tester")
        for s in sorted([minister, rabat, quote], key=lambda s: (s.start, -s.end, s.id))
    ]
    assert [s.id for s in project.spans(doc.id, ["quote"])] == [quote.id]
    assert project.spans(doc.id, ["claim"]) == []
    assert project.spans(doc.id, [])[:1] == []


def test_bad_span_rows_are_refused_by_the_database(project: Project) -> None:
    doc = _doc(project)
    good = _entity(doc, "الرباط", "GPE")
    with pytest.raises(sqlite3.IntegrityError):
        project.insert([good, Span(new_id(), doc.id, "entity", "NOPE", 0, 3)])
    with pytest.raises(sqlite3.IntegrityError):
        project.insert([Span(new_id(), "doc-missing", "entity", "PERS", 0, 3)])
    # the whole batch was rolled back
    assert project.spans(doc.id) == []


def test_delete_span_cascades_to_its_links(project: Project) -> None:
    doc = _doc(project)
    minister = _entity(doc, "الوزير")
    quote = _quote(doc)
    other = _entity(doc, "الرباط", "GPE")
    speaker = Link(new_id(), doc.id, "speaker", quote.id, minister.id)
    project.insert([minister, quote, other], [speaker])
    assert project.links(doc.id) == [speaker]
    project.delete([minister.id], doc_id=doc.id)
    assert project.links(doc.id) == []
    assert {s.id for s in project.spans(doc.id)} == {quote.id, other.id}
    count = project.db.execute("SELECT COUNT(*) FROM links").fetchone()[0]
    assert count == 0


def test_delete_links_only(project: Project) -> None:
    doc = _doc(project)
    minister, quote = _entity(doc, "الوزير"), _quote(doc)
    link = Link(new_id(), doc.id, "speaker", quote.id, minister.id)
    project.insert([minister, quote], [link])
    project.delete((), [link.id], doc.id)
    assert project.links(doc.id) == []
    assert len(project.spans(doc.id)) == 2


def test_update_spans_changes_label_and_attrs_only(project: Project) -> None:
    doc = _doc(project)
    span = _entity(doc, "الرباط", "LOC")
    quote = _quote(doc)
    project.insert([span, quote])
    moved = Span(span.id, doc.id, "entity", "GPE", 0, 1)  # range must be ignored
    project.update_spans(
        [
            moved,
            Span(quote.id, doc.id, "quote", "QUOTE", quote.start, quote.end, {"type": "indirect"}),
        ]
    )
    by_id = {s.id: s for s in project.spans(doc.id)}
    assert (by_id[span.id].label, by_id[span.id].start, by_id[span.id].end) == (
        "GPE",
        span.start,
        span.end,
    )
    assert by_id[quote.id].attrs == {"type": "indirect"}


# --- schema ----------------------------------------------------------------------------------
def test_save_schema_rename_relabels_existing_annotations(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    with Project(path) as project:
        doc = _doc(project)
        people = [_entity(doc, "خالد آيت الطالب"), _entity(doc, "الوزير")]
        place = _entity(doc, "الرباط", "GPE")
        project.insert([*people, place])
        schema = project.schema()
        renamed = schema.with_label_changed("PERS", name="PERSON", color="#112233")
        project.save_schema(renamed, renames={"PERS": "PERSON"})
        assert project.schema() == renamed
        labels = {s.id: s.label for s in project.spans(doc.id)}
        assert labels == {people[0].id: "PERSON", people[1].id: "PERSON", place.id: "GPE"}
        assert project.label_usage("PERS") == 0
        assert project.label_usage("PERSON") == 2
        assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
    with Project(path) as again:
        assert again.schema().label("PERSON").color == "#112233"
        assert not again.schema().has_label("PERS")
        assert {s.label for s in again.spans(doc.id, ["entity"])} == {"PERSON", "GPE"}


def test_save_schema_add_and_remove_unused_label(project: Project) -> None:
    schema = project.schema().with_label(LabelDef("RELIGION", "entity", "#102030", "0"))
    schema = schema.without_label("CURR")
    project.save_schema(schema)
    stored = project.schema()
    assert stored.label("RELIGION").key == "0"
    assert not stored.has_label("CURR")
    assert [lab.name for lab in stored.labels] == [lab.name for lab in schema.labels]


def test_save_schema_refuses_removing_a_label_in_use(project: Project) -> None:
    doc = _doc(project)
    project.insert([_entity(doc, "الرباط", "GPE")])
    before = project.schema()
    log_len = len(project.edit_log())
    # the rename in the same call must be rolled back with the refusal
    edited = before.without_label("GPE").with_label_changed("ORG", name="ORGANISATION")
    with pytest.raises(ValueError, match="GPE is used by 1"):
        project.save_schema(edited, renames={"ORG": "ORGANISATION"})
    assert project.schema() == before
    assert project.db.execute("SELECT COUNT(*) FROM labels WHERE name = 'ORG'").fetchone()[0] == 1
    assert [s.label for s in project.spans(doc.id)] == ["GPE"]
    assert len(project.edit_log()) == log_len
    assert not project._in_tx


def test_schema_usage_counts_attributes_as_a_grouping_would(project: Project) -> None:
    """The attribute usage is read from the indexes (the spans without attributes counted as
    each kind's total less the rest) and equals GROUP BY kind, attrs over every row."""
    doc = _doc(project)
    words = ["خالد", "الرباط", "الوزير", "آيت", "الطالب"]
    spans = [_entity(doc, w, "PERS") for w in words[:3]]
    spans += [
        Span(new_id(), doc.id, "quote", "QUOTE", 0, 5, {"type": "direct"}),
        Span(new_id(), doc.id, "quote", "QUOTE", 6, 9, {"type": "indirect"}),
        Span(new_id(), doc.id, "quote", "QUOTE", 10, 14, {"type": "direct"}),
        Span(new_id(), doc.id, "entity", "GPE", 15, 18, {"origin": "accepted"}),
    ]
    project.insert(spans)
    expected = project.db.execute(
        "SELECT kind, attrs, COUNT(*) FROM annotations GROUP BY kind, attrs"
    ).fetchall()
    assert project.schema_usage().attrs == expected
    assert ("entity", "{}", 3) in expected and all(
        k != "quote" or a != "{}" for k, a, _ in expected
    )


def test_save_schema_rebinds_keys(project: Project) -> None:
    schema = (
        project.schema().with_label_changed("PERS", key=None).with_label_changed("TIME", key="1")
    )
    project.save_schema(schema)
    assert project.schema().label_for_key("1").name == "TIME"
    assert project.schema().label("PERS").key is None


# --- edit log --------------------------------------------------------------------------------
def test_edit_log_has_a_row_per_action(project: Project) -> None:
    doc = _doc(project)
    span = _entity(doc, "الرباط", "LOC")
    quote = _quote(doc)
    minister = _entity(doc, "الوزير")
    link = Link(new_id(), doc.id, "speaker", quote.id, minister.id)
    project.insert([span, quote, minister], [link])
    project.update_spans([Span(span.id, doc.id, "entity", "GPE", span.start, span.end)])
    project.delete([minister.id], [link.id], doc.id)
    project.set_status(doc.id, "done")
    project.set_setting("policy", "exact")
    project.set_rejected(doc.id, [("entity", 0, 4, "PERS")], True)
    project.save_schema(project.schema().with_label_changed("TIME", color="#010203"))
    log = project.edit_log()
    assert [row["action"] for row in log] == [
        "import",
        "add",
        "update",
        "delete",
        "status",
        "setting",
        "reject",
        "schema",
    ]
    assert [row["action"] for row in project.edit_log(doc.id)] == [
        "import",
        "add",
        "update",
        "delete",
        "status",
        "reject",
    ]
    add = log[1]["payload"]
    assert add["count"] == 4
    assert {s["id"] for s in add["spans"]} == {span.id, quote.id, minister.id}
    assert add["links"] == [
        {"id": link.id, "type": "speaker", "source": quote.id, "target": minister.id}
    ]
    assert log[2]["payload"]["spans"][0]["label"] == "GPE"
    assert log[3]["payload"] == {"spans": [minister.id], "links": [link.id]}
    assert log[4]["payload"] == {"from": "new", "to": "done"}
    assert all(row["at"] for row in log)
    annotators = project.db.execute("SELECT DISTINCT annotator_id FROM edit_log").fetchall()
    assert annotators == [(project.annotator_id,)]


def test_rejected_suggestions(project: Project) -> None:
    doc = _doc(project)
    keys = [("entity", 0, 4, "PERS"), ("quote", 10, 20, "QUOTE")]
    project.set_rejected(doc.id, keys, True)
    project.set_rejected(doc.id, keys[:1], True)  # idempotent
    assert project.rejected(doc.id) == set(keys)
    project.set_rejected(doc.id, keys[:1], False)
    assert project.rejected(doc.id) == {keys[1]}


def test_transaction_rolls_back_everything_on_error(project: Project) -> None:
    doc = _doc(project)
    span = _entity(doc, "الرباط", "GPE")
    with pytest.raises(RuntimeError), project.transaction():
        project.insert([span])
        project.set_status(doc.id, "done")
        raise RuntimeError("boom")
    assert project.spans(doc.id) == []
    assert project.document(doc.id).status == "new"
    project.insert([span])  # usable afterwards
    assert len(project.spans(doc.id)) == 1


# --- a killed process loses nothing ----------------------------------------------------------
KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from annotation.documents import Document
    from annotation.spans import Span
    from storage.project import Project
    from storage.session import DocumentSession

    path, how = sys.argv[1], sys.argv[2]
    text = {text!r}
    project = Project(path, annotator="crash")
    doc = Document.create(text, "crash.txt")
    project.add_document(doc)
    session = DocumentSession(project, doc.id)
    ids = []
    for i in range(0, len(text) - 3, 4):
        span = Span("s%05d" % i, doc.id, "entity", "PERS", i, i + 3)
        session.add([span])
        ids.append(span.id)
    project.set_status(doc.id, "in_progress")
    print(doc.id, ",".join(ids), flush=True)
    if how == "exit":
        os._exit(0)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_killed_process_loses_nothing(tmp_path: Path, how: str) -> None:
    path = tmp_path / "crash.hashiya"
    script = tmp_path / "crash.py"
    script.write_text(KILL_SCRIPT.format(text=ARTICLE), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, str(script), str(path), how],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == (0 if how == "exit" else -9), proc.stderr
    doc_id, ids = proc.stdout.split()
    expected = ids.split(",")
    assert len(expected) > 20
    # the process never closed the database: the WAL is still there to be recovered
    assert Path(f"{path}-wal").exists()
    with Project(path, annotator="after") as project:
        assert [s.id for s in project.spans(doc_id)] == expected
        assert project.document(doc_id).status == "in_progress"
        assert [r["action"] for r in project.edit_log(doc_id)].count("add") == len(expected)
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- refusing files --------------------------------------------------------------------------
def _snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def _assert_refused(path: Path, match: str) -> ProjectError:
    before = _snapshot(path)
    with pytest.raises(ProjectError) as info:
        Project(path, annotator="tester")
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    assert match in message, message
    assert _snapshot(path) == before  # same bytes, same mtime, no -wal/-shm created
    return info.value


def _real_project(path: Path) -> Path:
    with Project(path, annotator="tester") as project:
        doc = _doc(project, ARTICLE * 40)
        spans = [
            Span(new_id(), doc.id, "entity", "PERS", i, i + 3)
            for i in range(0, 40 * len(ARTICLE), 7)
        ]
        project.insert(spans)
    assert not Path(f"{path}-wal").exists()
    return path


def test_random_bytes_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.hashiya"
    path.write_bytes(random.Random(11).randbytes(64 * 1024))
    _assert_refused(path, "not an SQLite database")


def test_text_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.hashiya"
    path.write_text(ARTICLE * 5, encoding="utf-8")
    _assert_refused(path, "not an SQLite database")


def test_short_file_with_sqlite_header_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.hashiya"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    _assert_refused(path, "not an SQLite database")


def test_other_applications_sqlite_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes(body) VALUES (?)", [ARTICLE])
    conn.commit()
    conn.close()
    _assert_refused(path, "another application")


def test_other_applications_sqlite_in_wal_mode_refused(tmp_path: Path) -> None:
    path = tmp_path / "other-wal.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_refused(path, "another application")


@pytest.mark.parametrize("where", ["middle", "truncated", "header_only"])
def test_corrupted_project_refused(tmp_path: Path, where: str) -> None:
    path = _real_project(tmp_path / "broken.hashiya")
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    assert pages > 12
    if where == "middle":
        first = pages // 2 - 2
        junk = random.Random(3).randbytes(4 * page)
        data = data[: first * page] + junk + data[(first + 4) * page :]
    elif where == "truncated":
        data = data[: (pages // 2) * page]
    else:
        data = data[:100]
    path.write_bytes(data)
    if where == "middle":
        # Opening reads no more than the header and the schema (no whole-file work on the
        # open path): damage inside is found by the checks the window runs in the
        # background and by `main.py check`, which write nothing either.
        before = _snapshot(path)
        for check in (quick_check, full_check):
            report = check(path)
            assert not report.ok and report.problems
        assert _snapshot(path) == before
        return
    _assert_refused(path, "corrupt")


def test_newer_project_version_refused(tmp_path: Path) -> None:
    path = _real_project(tmp_path / "future.hashiya")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    assert not Path(f"{path}-wal").exists()
    _assert_refused(path, f"version {LATEST_VERSION + 1}")


def test_folder_refused(tmp_path: Path) -> None:
    folder = tmp_path / "project.hashiya"
    folder.mkdir()
    with pytest.raises(ProjectError, match="folder") as info:
        Project(folder)
    assert str(folder) in str(info.value)
    assert os.listdir(folder) == []


@pytest.mark.parametrize("name", ["مشروع #1.hashiya", "what?.hashiya", "100%20done.hashiya"])
def test_awkward_file_names_reopen(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with Project(path) as project:
        doc = _doc(project)
    with Project(path) as again:
        assert again.document_ids() == [doc.id]
    assert sorted(os.listdir(tmp_path)) == [name]


def _crash_copy(live: Path, dest: Path) -> Path:
    """Copy a database that is still open (as a killed process leaves it: file, -wal, -shm)."""
    dest.mkdir()
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{live}{suffix}")
        assert src.exists(), src
        Path(f"{dest / live.name}{suffix}").write_bytes(src.read_bytes())
    return dest / live.name


def test_newer_version_only_in_the_wal_refused(tmp_path: Path) -> None:
    live = tmp_path / "live" / "p.hashiya"
    project = Project(live)
    try:
        _doc(project)
        project.db.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
        copy = _crash_copy(live, tmp_path / "copy")
    finally:
        project.close()
    _assert_refused(copy, f"version {LATEST_VERSION + 5}")


def test_other_application_with_a_pending_wal_refused(tmp_path: Path) -> None:
    live = tmp_path / "live" / "other.db"
    live.parent.mkdir()
    conn = sqlite3.connect(live, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID + 1}")
        copy = _crash_copy(live, tmp_path / "copy")
    finally:
        conn.close()
    _assert_refused(copy, "another application")


def test_pending_wal_of_a_real_project_is_recovered(tmp_path: Path) -> None:
    live = tmp_path / "live" / "p.hashiya"
    project = Project(live)
    try:
        doc = _doc(project)
        span = _entity(doc, "الرباط", "GPE")
        project.insert([span])
        copy = _crash_copy(live, tmp_path / "copy")
    finally:
        project.close()
    with Project(copy) as recovered:
        assert [s.id for s in recovered.spans(doc.id)] == [span.id]
