"""The project search index: index-backed search equals reading every text, and tag-all uses it."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotation.clitics import exceptions_for
from annotation.documents import Document
from annotation.search import SearchIndex, index_terms
from annotation.spans import Span
from storage import search_index
from storage.migrations import MIGRATIONS, _v5_search_index, migrate
from storage.project import Project
from storage.search_index import candidate_ids, search_project, tag_all_elsewhere
from tests.hypothesis_budget import examples


def _brute_force(project: Project, query: str, **options: object) -> list[tuple[str, int, int]]:
    options.setdefault("exceptions", exceptions_for(project.setting("clitic_exceptions", "")))
    return [
        (doc_id, s, e)
        for doc_id in project.document_ids()
        for s, e in SearchIndex(project.document(doc_id).text).find(query, **options)  # type: ignore[arg-type]
    ]


def test_search_project(project: Project) -> None:
    a = Document.create("التقى بوتين وكيري في موسكو.", "a.txt")
    b = Document.create("قال لبوتين إن لروسيا دورا.", "b.txt")
    project.add_document(a)
    project.add_document(b)
    hits = search_project(project, "بوتين", boundary="strip_clitics")
    assert [(d, project.document(d).text[s:e]) for d, s, e in hits] == [
        (a.id, "بوتين"),
        (b.id, "بوتين"),
    ]
    project.set_setting("clitic_exceptions", "لبوتين")
    assert [d for d, _, _ in search_project(project, "بوتين")] == [a.id]


def test_variants_are_found_through_the_index_only_where_they_are(project: Project) -> None:
    texts = [
        "قال مصدر إن الأَسَد التقى وفداً روسياً.",
        "ودعا المعارضون للأسد إلى التنحي، وقال آخرون إن والأسد كلمة غريبة.",
        "أعلن وزير الخارجية أن بالأسد وكالأسد ليستا في النص.",
        "هذا نص عن الفساد والفاسدين ولا أسد فيه.",
        "قال \ufeffالأس\ufeffد ﴿إِنَّ مَعَ الْعُسْرِ يُسْرًا﴾.",
    ]
    docs = [Document.create(t, f"{i}.txt") for i, t in enumerate(texts)]
    for d in docs:
        project.add_document(d)
    conn = project.db.conn
    assert search_index.unindexed_count(conn) == 0
    ids = candidate_ids(conn, "الاسد")
    assert ids == [docs[0].id, docs[1].id, docs[2].id, docs[4].id]  # not the one about فساد
    hits = search_project(project, "الاسد")
    assert hits == _brute_force(project, "الاسد")
    found = [project.document(d).text[s:e] for d, s, e in hits]
    assert found == ["الأَسَد", "للأسد", "والأسد", "بالأسد", "وكالأسد", "الأس\ufeffد"]
    assert [project.document(d).text[s:e] for d, s, e in search_project(project, "يسرا")] == [
        "يُسْرًا"
    ]
    assert candidate_ids(conn, "الاسد", whole_word=False) is None  # substring: every text
    assert search_project(project, "سد", whole_word=False) == _brute_force(
        project, "سد", whole_word=False
    )
    assert search_project(project, "الاسد", limit=2) == hits[:2]


def test_index_terms() -> None:
    assert index_terms("،") is None
    assert index_terms("بوتين", proclitics=False) == [["بوتين"]]
    (forms,) = index_terms("الأسد")  # type: ignore[misc]
    assert {"الاسد", "والاسد", "بالاسد", "فكالاسد", "للاسد", "وللاسد"} <= set(forms)
    assert "لالاسد" not in forms
    groups = index_terms("«وزير الخارجية»")
    assert groups == [["وزير"], ["الخارجيه"]]


WORD = st.sampled_from(
    [
        "الأسد",
        "الاسد",
        "والأسد",
        "للأسد",
        "أسد",
        "فاسد",
        "بالأَسَد",
        "لبنان",
        "بنان",
        "بوتين",
        "وبوتين",
        "مسؤول",
        "مسئول",
        "موسى",
        "سورية",
        "G20",
        "a_b",
        "x",
        "٢٠١٥",
        "ﻻ",
        "الأســد",
        "\ufeffالأسد",
        "\u200fالأسد\u200f",
    ]
)
SEP = st.sampled_from([" ", "  ", "\n", "، ", ". ", " «", "» ", " ﴿", "﴾ ", "-", "_", "\ufeff", ""])
TEXT = st.lists(st.tuples(WORD, SEP), min_size=1, max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)
QUERIES = ["الأسد", "أسد", "اسد", "للأسد", "بنان", "بوتين", "مسئول", "موسي", "g20", "a_b", "ال"]
QUERY = st.one_of(
    WORD,
    st.tuples(WORD, WORD).map(" ".join),
    st.sampled_from(["«بوتين»", "_", "ب_", "الأسد،", "x a_b", "الأسد بوتين"]),
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(TEXT, min_size=1, max_size=6, unique=True),
    drawn=st.lists(QUERY, min_size=1, max_size=3),
    boundary=st.sampled_from(["token", "strip_clitics", "exact"]),
)
def test_index_backed_search_equals_a_brute_force_scan(
    texts: list[str], drawn: list[str], boundary: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "p.hashiya", annotator="tester")
        try:
            for i, text in enumerate(texts):
                project.add_document(Document.create(text, f"{i}.txt"))
            for query in QUERIES + drawn:
                for proclitics in (True, False):
                    for whole_word in (True, False):
                        options = {
                            "proclitics": proclitics,
                            "whole_word": whole_word,
                            "boundary": boundary,
                        }
                        expected = _brute_force(project, query, **options)
                        assert search_project(project, query, **options) == expected, options
                        if whole_word and index_terms(query, proclitics) is not None:
                            ids = candidate_ids(project.db.conn, query, proclitics=proclitics)
                            assert ids is not None and {d for d, _, _ in expected} <= set(ids)
        finally:
            project.close()


_ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
) | st.lists(
    st.sampled_from(list("الأسد و، «»﴿﴾\ufeff\u200f_-G2٠ﻻ\u0640\u064e.!")), max_size=30
).map("".join)
# long enough for the numpy paths of compact_key and indexed_text (from 256 characters)
_LONG_ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    | st.sampled_from(list("الأسد و، «»﴿﴾\ufeff\u200f_-G2٠\u0640\u064e.!😀")),
    min_size=256,
    max_size=500,
)


@settings(max_examples=examples(300), deadline=None)
@given(_ANY_TEXT | _LONG_ANY_TEXT)
def test_fts5_tokens_of_the_indexed_text_are_the_keys_word_runs(text: str) -> None:
    """The index is only as good as its tokens: SQLite's own ascii tokenizer, on the indexed
    text, yields exactly the key's WORD_RUN runs, for any characters."""
    from annotation.normalize import compact_key
    from annotation.search import WORD_RUN

    compact = compact_key(text)
    if compact is None:
        runs = set(search_index.words_of(text).split())
        indexed = search_index.words_of(text)
    else:
        runs = set(WORD_RUN.findall(compact[0]))
        indexed = search_index.index_entry("d", text).words
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE w USING fts5(words, content='', detail=none, columnsize=0, "
        "tokenize=\"ascii tokenchars '_'\")"
    )
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'row')")
    conn.execute("INSERT INTO w(rowid, words) VALUES (1, ?)", [indexed])
    assert {r[0] for r in conn.execute("SELECT term FROM v")} == runs


def test_projects_made_before_the_index_are_indexed_at_the_first_search(tmp_path: Path) -> None:
    path = tmp_path / "old.hashiya"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(sqlite_utils.Database(db), target=MIGRATIONS.index(_v5_search_index))  # before it
    docs = [
        Document.create("زار الرئيس الأسد موسكو.", "a.txt"),
        Document.create("لا شيء هنا.", "b.txt"),
        Document.create("وقال للأسد مستشاروه.", "c.txt"),
    ]
    for i, d in enumerate(docs):
        db.execute(
            "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
            "VALUES (?, ?, ?, ?, 'new', ?, '2024-01-01T00:00:00')",
            [d.id, d.sha256, d.source, d.text, i + 1],
        )
    db.close()
    with Project(path, annotator="tester") as project:
        conn = project.db.conn
        assert search_index.unindexed_count(conn) == 3  # the open path did not index
        assert candidate_ids(conn, "الاسد") is None
        hits = search_project(project, "الاسد")
        assert [d for d, _, _ in hits] == [docs[0].id, docs[2].id]
        assert search_index.unindexed_count(conn) == 0
        assert candidate_ids(conn, "الاسد") == [docs[0].id, docs[2].id]
        assert search_index.build(conn) == 0


def test_tag_all_elsewhere_uses_the_index_and_the_boundary_policy(project: Project) -> None:
    here = Document.create("قال بوتين كلمته.", "here.txt")
    other = Document.create("التقى وبوتين وفداً، ثم غادر بوتين.", "other.txt")
    third = Document.create("لا ذكر له هنا.", "third.txt")
    for d in (here, other, third):
        project.add_document(d)
    last = other.text.rindex("بوتين")
    tagged = Span("e1", other.id, "entity", "PERS", last, last + 5, {}, "token", "tester")
    project.insert([tagged])
    per_doc = tag_all_elsewhere(project, "PERS", "بوتين", "strip_clitics", skip_doc=here.id)
    assert list(per_doc) == [other.id]
    assert [(other.text[s.start : s.end], s.boundary) for s in per_doc[other.id]] == [
        ("بوتين", "strip_clitics")
    ]
    assert per_doc[other.id][0].start == other.text.index("وبوتين") + 1
    elsewhere = tag_all_elsewhere(project, "PERS", "بوتين", skip_doc=other.id)
    assert list(elsewhere) == [here.id]
    assert [here.text[s.start : s.end] for s in elsewhere[here.id]] == ["بوتين"]


def test_documents_without_a_stored_key_are_verified_from_their_text(project: Project) -> None:
    texts = ["قال الأَسَد\u200f: لا", "\ufefb أسد ولا الأســد", "زار الأسد موسكو"]
    for i, text in enumerate(texts):
        project.add_document(Document.create(text, f"{i}.txt"))
    conn = project.db.conn
    keys = [r[0] for r in conn.execute("SELECT key FROM search_docs ORDER BY id")]
    assert keys[0] == "قال الاسد: لا" and keys[1] is None  # ﻻ expands to two key letters
    stored = search_project(project, "الاسد")
    assert stored == _brute_force(project, "الاسد") and len(stored) == 3
    conn.execute("UPDATE search_docs SET key = NULL, removed = NULL")  # indexed before keys
    assert search_project(project, "الاسد") == stored
