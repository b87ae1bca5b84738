"""The document list at corpus scale (issue 8): maintained per-document aggregates, paged,
filtered and sorted queries that agree with a brute-force answer, positions without a scan,
and an import path that never scans the texts."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from annotation.documents import STATUSES, Document
from annotation.spans import Span, new_id
from storage.document_list import SORT_COLUMNS, DocumentQuery
from storage.project import Project

WORDS = (
    "قال أعلن الوزير الرئيس المدينة الحكومة مجلس الشورى الرياض جدة السوق النفط اليوم أمس".split()
)


def _text(rng: random.Random, i: int) -> str:
    return f"{' '.join(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))} ({i})."


def _fill(project: Project, n: int, seed: int = 1) -> list[Document]:
    rng = random.Random(seed)
    docs = [
        Document.create(_text(rng, i), f"feed-{rng.randint(1, 5)}/{i}.txt", rng.choice(STATUSES))
        for i in range(n)
    ]
    project.add_documents(docs)
    return docs


def _entity(doc: Document, kind: str = "entity", label: str = "PERS", **attrs: str) -> Span:
    return Span(new_id(), doc.id, kind, label, 0, 3, attrs)


def test_aggregates_follow_every_edit(project: Project) -> None:
    doc = Document.create("قال الوزير في الرياض إن «السوق مستقرة» اليوم.", "a.txt")
    project.add_document(doc)
    info = project.document_info(doc.id)
    assert (info.length, info.entity_count, info.quote_count, info.claim_count) == (
        len(doc.text),
        0,
        0,
        0,
    )
    assert info.title == doc.text[:80]
    e = _entity(doc)
    q = _entity(doc, "quote", "QUOTE", type="direct")
    c = _entity(doc, "claim", "CLAIM")
    cue = _entity(doc, "cue", "CUE")
    project.insert([e, q, c, cue])
    info = project.document_info(doc.id)
    assert (info.entity_count, info.quote_count, info.claim_count) == (1, 1, 1)
    project.delete([e.id, cue.id])
    project.set_status(doc.id, "done")
    info = project.document_info(doc.id)
    assert (info.entity_count, info.quote_count, info.claim_count) == (0, 1, 1)
    assert info.status == "done"
    assert project.status_counts() == {"new": 0, "in_progress": 0, "done": 1}


def _stored_counts(project: Project) -> dict[str, tuple[int, int, int]]:
    """Every document's (entities, quotes, claims) counted from annotations, brute force."""
    counts = {doc_id: (0, 0, 0) for doc_id in project.document_ids()}
    for doc_id, e, q, c in project.db.execute(
        "SELECT doc_id, SUM(kind = 'entity'), SUM(kind = 'quote'), SUM(kind = 'claim') "
        "FROM annotations GROUP BY doc_id"
    ):
        counts[doc_id] = (e, q, c)
    return counts


def _listed_counts(project: Project) -> dict[str, tuple[int, int, int]]:
    return {i.id: (i.entity_count, i.quote_count, i.claim_count) for i in project.documents()}


def test_many_spans_at_once_add_their_counts_once_per_document(project: Project) -> None:
    """A bulk insert (an import's batch) adds to the counts of documents that already have
    spans and skips cues and mentions; one span and deletions are counted too."""
    a, b, c = _fill(project, 3)
    project.insert([_entity(a), _entity(b, "quote", "QUOTE", type="direct")])
    rng = random.Random(7)
    kinds = [("entity", "PERS"), ("quote", "QUOTE"), ("claim", "CLAIM"), ("cue", "CUE")]
    bulk = []
    for _ in range(90):
        kind, label = rng.choice(kinds)
        attrs = {"type": "direct"} if kind == "quote" else {}
        bulk.append(_entity(rng.choice([a, b]), kind, label, **attrs))
    project.insert(bulk)
    assert _listed_counts(project) == _stored_counts(project)
    project.insert([_entity(c, "claim", "CLAIM")])
    project.delete([bulk[0].id, bulk[1].id])
    assert _listed_counts(project) == _stored_counts(project)
    assert project.document_info(c.id).claim_count == 1


def test_a_refused_bulk_insert_changes_no_count(project: Project) -> None:
    (doc,) = _fill(project, 1)
    first = _entity(doc)
    project.insert([first])
    bulk = [_entity(doc) for _ in range(40)] + [first]  # the last id is taken
    with pytest.raises(sqlite3.IntegrityError):
        project.insert(bulk)
    assert project.document_info(doc.id).entity_count == 1
    project.insert(bulk[:-1])
    assert _listed_counts(project) == _stored_counts(project) == {doc.id: (41, 0, 0)}
    # A caller that catches the refusal inside its own transaction and goes on keeps what
    # the insert stored before the failure (its statements of 32 and 8 rows): those spans
    # are counted, and so is the next edit.
    refused = [_entity(doc) for _ in range(40)] + [first]
    with project.transaction():
        with pytest.raises(sqlite3.IntegrityError):
            project.insert(refused)
        project.insert([_entity(doc)])
    assert _listed_counts(project) == _stored_counts(project)
    assert project.document_info(doc.id).entity_count == 82
    # In bulk_writes the statements are OR FAIL (no statement journal): a refused one keeps
    # the rows before the one refused, and a caller that goes on has those counted too.
    # Statements of 32 and 4 rows: the second is refused at its last row, and keeps three.
    refused = [_entity(doc) for _ in range(35)] + [first]
    with project.bulk_writes(), project.transaction():
        with pytest.raises(sqlite3.IntegrityError):
            project.insert(refused)
        project.insert([_entity(doc)])
    assert _listed_counts(project) == _stored_counts(project)
    assert project.document_info(doc.id).entity_count == 82 + 35 + 1


def test_title_is_the_first_words_on_one_line(project: Project) -> None:
    doc = Document.create("  عنوان الخبر\nنص الخبر\tهنا " + "كلمة " * 40, "b.txt")
    project.add_document(doc)
    title = project.document_info(doc.id).title
    assert title.startswith("عنوان الخبر نص الخبر هنا")
    assert "\n" not in title and len(title) == 80


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory):
    project = Project(tmp_path_factory.mktemp("list") / "p.hashiya", annotator="tester")
    docs = _fill(project, 300)
    rng = random.Random(5)
    for doc in rng.sample(docs, 60):
        project.insert([_entity(doc) for _ in range(rng.randint(1, 4))])
    yield project, docs
    project.close()


def _brute(project: Project, query: DocumentQuery) -> list[str]:
    rows = project.documents()

    def keep(info) -> bool:
        return (
            (query.status is None or info.status == query.status)
            and query.source.lower() in info.source.lower()
            and query.words in info.title
        )

    attr = {
        "position": "position",
        "source": "source",
        "title": "title",
        "status": "status",
        "length": "length",
        "entities": "entity_count",
        "quotes": "quote_count",
        "claims": "claim_count",
    }[query.sort]
    kept = sorted(
        (r for r in rows if keep(r)),
        key=lambda r: (getattr(r, attr), r.position),
        reverse=query.descending,
    )
    return [r.id for r in kept]


@pytest.mark.parametrize("sort", SORT_COLUMNS)
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "done"},
        {"source": "FEED-3"},
        {"words": "الوزير"},
        {"words": "ال"},
        {"status": "new", "words": "اليوم", "source": "feed"},
    ],
)
@pytest.mark.parametrize("probe_above", [2000, 0])  # hits fetched by id / probed in order
def test_pages_filters_and_sorts_agree_with_a_brute_force_answer(
    filled: tuple[Project, list[Document]],
    sort: str,
    filters: dict[str, str],
    probe_above: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storage import document_list

    monkeypatch.setattr(document_list, "_PROBE_ABOVE", probe_above)
    project, _ = filled
    for descending in (False, True):
        query = DocumentQuery(sort=sort, descending=descending, **filters)
        want = _brute(project, query)
        assert project.document_count(query) == len(want)
        got = [
            info.id
            for offset in range(0, len(want) + 50, 50)
            for info in project.document_page(query, offset, 50)
        ]
        assert got == want
        for i in (0, len(want) // 2, len(want) - 1):
            if want:
                assert project.document_row(want[i], query) == i


def test_filter_text_is_literal(project: Project) -> None:
    _fill(project, 20)
    assert project.document_count(DocumentQuery(source="%")) == 0
    assert project.document_count(DocumentQuery(words="_")) == 0


def test_positions_are_unique_and_in_import_order(project: Project) -> None:
    first = _fill(project, 10, seed=1)
    second = _fill(project, 10, seed=2)
    assert [i.position for i in project.documents()] == list(range(1, 21))
    assert project.document_ids() == [d.id for d in first + second]


def test_two_imports_at_once_give_distinct_positions(tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    Project(path).close()
    errors: list[BaseException] = []

    def importer(seed: int) -> None:
        try:
            with Project(path, annotator=f"imp{seed}", busy_timeout=30) as project:
                rng = random.Random(seed)
                for i in range(40):
                    project.add_document(Document.create(f"{_text(rng, i)} {seed}", f"{seed}/{i}"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=importer, args=(s,)) for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Project(path) as project:
        positions = [i.position for i in project.documents()]
    assert sorted(positions) == list(range(1, 81))


def _plans(project: Project, statements: list[str]) -> list[str]:
    details: list[str] = []
    for sql in statements:
        if sql.lstrip().startswith(("--", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
            continue
        for row in project.db.conn.execute("EXPLAIN QUERY PLAN " + sql):
            details.append(row[-1])
    return details


def test_importing_into_a_large_project_does_not_scan_the_texts(
    project: Project, tmp_path: Path
) -> None:
    from storage.importer import import_file

    _fill(project, 3000)
    article = tmp_path / "new.txt"
    article.write_text("خبر جديد عن السوق في الرياض اليوم.", encoding="utf-8")
    record = tmp_path / "new.jsonl"
    text = "قال الوزير إن الحكومة ستعلن الميزانية."
    # enough entities for the bulk path (counts added once per document)
    entities = [
        {"id": f"e{i}", "start": 4, "end": 10, "label": "OCC", "text": text[4:10]}
        for i in range(40)
    ]
    record.write_text(
        json.dumps({"id": "doc-x", "text": text, "entities": entities}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    try:
        assert import_file(project, article).imported
        assert import_file(project, record).imported
    finally:
        project.db.conn.set_trace_callback(None)
    assert any("INSERT INTO documents" in s for s in statements)
    scans = [
        d
        for d in _plans(project, statements)
        if d.startswith("SCAN")
        and any(t in d for t in ("documents", "document_list", "annotations"))
    ]
    assert scans == [], scans
    # and the position came from the index, not MAX over the table
    assert project.document_info(project.document_ids()[-1]).position == 3002
    assert project.document_info("doc-x").entity_count == 40


def test_document_list_is_rebuilt_by_the_migration_with_unique_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A version-9 file (two imports at once left duplicate positions) is upgraded: the list
    rows carry the counts and positions become 1..n in the old order."""
    import sqlite_utils

    from storage import migrations

    path = tmp_path / "v9.hashiya"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrations.migrate(sqlite_utils.Database(conn, recursive_triggers=False), target=9)
    texts = ["نص أول للخبر.", "نص ثان للخبر.", "نص ثالث للخبر."]
    for i, (text, position) in enumerate(zip(texts, (1, 1, 2), strict=True)):
        doc = Document.create(text, f"{i}.txt")
        conn.execute(
            "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
            "VALUES (?, ?, ?, ?, 'new', ?, ?)",
            [doc.id, doc.sha256, doc.source, doc.text, position, f"2026-01-0{i + 1}"],
        )
    first = Document.create(texts[0], "0.txt")
    conn.execute(
        'INSERT INTO annotations(id, doc_id, kind, label, start, "end", created_at) '
        "VALUES ('a1', ?, 'entity', 'PERS', 0, 2, 'now')",
        [first.id],
    )
    conn.close()
    with Project(path) as project:
        assert project.migrated_from == 9
        infos = project.documents()
        assert [i.source for i in infos] == ["0.txt", "1.txt", "2.txt"]
        assert [i.position for i in infos] == [1, 2, 3]
        assert infos[0].entity_count == 1
        assert project.spans(first.id)[0].version == 0


def test_status_totals_are_maintained_not_counted(tmp_path: Path) -> None:
    """document_totals follows every insert, status change and removal (triggers)."""
    with Project(tmp_path / "p.hashiya") as project:
        docs = _fill(project, 40)

    def counted(project: Project) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for status, n in project.db.execute(
            "SELECT status, COUNT(*) FROM document_list GROUP BY status"
        ):
            counts[status] = n
        return counts

    with Project(tmp_path / "p.hashiya") as project:
        assert project.status_counts() == counted(project)
        rng = random.Random(3)
        for doc in rng.sample(docs, 15):
            project.set_status(doc.id, rng.choice(STATUSES))
            assert project.status_counts() == counted(project)
        with project.transaction():
            project.db.execute("DELETE FROM documents WHERE id = ?", [docs[0].id])
        assert project.status_counts() == counted(project)
        assert sum(project.status_counts().values()) == 39


def test_the_migration_fills_the_status_totals(tmp_path: Path) -> None:
    import sqlite_utils

    from storage import migrations

    path = tmp_path / "v10.hashiya"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(sqlite_utils.Database(conn, recursive_triggers=False), target=10)
    for i, status in enumerate(("new", "done", "done")):
        doc = Document.create(f"نص رقم {i} للخبر.", f"{i}.txt")
        conn.execute(
            "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'now')",
            [doc.id, doc.sha256, doc.source, doc.text, status, i + 1],
        )
    conn.close()
    with Project(path) as project:
        assert project.migrated_from == 10
        assert project.status_counts() == {"new": 1, "in_progress": 0, "done": 2}
