"""Importing .txt articles and native .jsonl records: encodings, text integrity, refusals,
duplicates, one transaction per record."""

from __future__ import annotations

import codecs
import json
import random
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from annotation.documents import sha256_of
from annotation.spans import Link, Span
from storage.importer import (
    CLAIMANT_SUFFIX,
    CUE_SUFFIX,
    SPEAKER_SUFFIX,
    Refusal,
    expand_paths,
    format_refusal,
    import_file,
    import_paths,
)
from storage.paths import default_db_path
from storage.project import Project
from storage.search_index import search_project, unindexed_count
from tests.conftest import SEED

# Encodable in Windows-1256 (no emoji, no Arabic-Indic digits): for the encoding tests.
ARTICLE = (
    "أعلنَ وزير الصحة سامي الحداد أمس أن المستشفى الجديد سيفتح أبوابه في الربيع.\n"
    "وقال مدير المشروع: «العمل يسير وفق الخطة»."
)
# What must survive import untouched: diacritics, tatweel, NBSP, RLM/LRM, ALM, ZWJ/ZWNJ,
# emoji (ZWJ sequence, skin tone), Arabic-Indic and Persian digits, tab, trailing spaces.
SPECIAL = (
    "قـــالَ الرَّئِيسُ\u00a0إنَّ \u200fالنسبة\u200e بلغت ٤٢٫٥٪ \u061cعام ٢٠٢٤ و۱۴۰۳"
    " 🙂 👩\u200d💻 👍🏽 \u200dلا\u200c\tنهاية  \n  سطر ثان\n"
)


def store(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def stored_texts(project: Project) -> list[str]:
    return [project.document(i).text for i in project.document_ids()]


# --- encodings and newlines ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256"],
)
def test_every_encoding_stores_the_same_text(project: Project, tmp_path: Path, data: bytes) -> None:
    result = import_file(project, store(tmp_path, "article.txt", data))
    assert result.refused == [] and len(result.imported) == 1
    doc = project.document(result.imported[0])
    assert doc.text == ARTICLE
    assert doc.sha256 == sha256_of(ARTICLE)
    assert doc.source == "article.txt"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(project: Project, tmp_path: Path, newline: str) -> None:
    data = ARTICLE.replace("\n", newline).encode("utf-8")
    result = import_file(project, store(tmp_path, "a.txt", data))
    assert project.document(result.imported[0]).text == ARTICLE


def test_special_characters_are_kept(project: Project, tmp_path: Path) -> None:
    result = import_file(project, store(tmp_path, "s.txt", SPECIAL.encode("utf-8")))
    assert stored_texts(project) == [SPECIAL]
    assert len(result.imported) == 1


# --- refusals of whole files ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", " \n\t\r\n\u00a0".encode(), "whitespace"),
        ("nul.txt", "نص".encode() + b"\x00\x01\x02", "binary"),
        ("notes.csv", ARTICLE.encode("utf-8"), ".txt, .jsonl"),
        ("README", ARTICLE.encode("utf-8"), "accepted"),
    ],
)
def test_bad_files_are_refused(
    project: Project, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = store(tmp_path, name, data)
    result = import_file(project, path)
    assert result.imported == []
    assert len(result.refused) == 1 and reason in result.refused[0].reason
    assert project.document_ids() == []
    line = format_refusal(result.refused[0])
    assert line.startswith(str(path)) and "\n" not in line


def test_random_bytes_are_refused(project: Project, tmp_path: Path) -> None:
    rng = random.Random(1256)
    # Bytes 0x80-0x9f are C1 controls or invalid in Windows-1256 as much as in UTF-8.
    data = bytes(rng.choice([*range(0x00, 0x08), *range(0x80, 0xA0)]) for _ in range(400))
    result = import_file(project, store(tmp_path, "noise.txt", data))
    assert result.imported == [] and len(result.refused) == 1
    assert project.document_ids() == []


def test_missing_file_and_directory_are_refused(project: Project, tmp_path: Path) -> None:
    # Tests run as root, so chmod 000 would not make a file unreadable: use these instead.
    missing = import_file(project, tmp_path / "gone.txt")
    assert missing.refused[0].reason == "no such file"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    refused = import_file(project, folder)
    assert "folder" in refused.refused[0].reason
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    report = import_paths(project, [empty_dir])
    assert [r.path for r in report.refused] == [empty_dir]
    assert project.document_ids() == []


def test_unreadable_file_is_refused(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store(tmp_path, "locked.txt", ARTICLE.encode())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = import_file(project, path)
    assert result.refused == [Refusal(path, None, "cannot read the file (Permission denied)")]


# --- folders, progress, duplicates -----------------------------------------------------------------
def test_directory_import_is_sorted_recursive_and_reports_progress(
    project: Project, tmp_path: Path
) -> None:
    root = tmp_path / "articles"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    store(root, "2.txt", "المقال الثاني عن الانتخابات.".encode())
    store(root, "1.txt", "المقال الأول عن الطقس.".encode())
    store(root / "b", "3.TXT", "المقال الثالث عن الرياضة.".encode())
    store(root / ".hidden", "4.txt", "مقال مخفي.".encode())
    store(root, "notes.md", b"ignored")
    assert expand_paths([root]) == [root / "1.txt", root / "2.txt", root / "b" / "3.TXT"]
    calls: list[tuple[int, int, str]] = []
    report = import_paths(project, [root], progress=lambda i, n, p: calls.append((i, n, p.name)))
    assert report.ok and len(report.imported) == 3
    assert calls == [(1, 3, "1.txt"), (2, 3, "2.txt"), (3, 3, "3.TXT")]
    assert stored_texts(project)[0] == "المقال الأول عن الطقس."
    assert report.summary() == "imported 3 documents, 0 spans; skipped 0; refused 0"


def test_same_text_again_is_skipped_not_duplicated(project: Project, tmp_path: Path) -> None:
    a = store(tmp_path, "a.txt", ARTICLE.encode("utf-8"))
    b = store(tmp_path, "b.txt", ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    first = import_paths(project, [a])
    second = import_paths(project, [a, b])
    assert len(project.document_ids()) == 1
    assert second.ok and second.imported == []
    doc_id = first.imported[0][1]
    assert [s.existing_doc_id for s in second.skipped] == [doc_id, doc_id]
    assert second.summary() == "imported 0 documents, 0 spans; skipped 2; refused 0"


def test_one_bad_file_does_not_stop_the_others(project: Project, tmp_path: Path) -> None:
    good = store(tmp_path, "good.txt", ARTICLE.encode())
    bad = store(tmp_path, "bad.txt", b"")
    report = import_paths(project, [bad, good])
    assert not report.ok
    assert [r.path for r in report.refused] == [bad]
    assert [p for p, _ in report.imported] == [good]


# --- native JSONL -----------------------------------------------------------------------------------
TEXT = (
    "قال وزير المالية أحمد الخطيب إن «النمو سيبلغ ٤٪ العام المقبل». "
    "وأكد مسؤول رفيع أن الحكومة ستخفض الضرائب. وتراجعت البطالة إلى ٩٪."
)


def at(piece: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def rich_record(doc_id: str = "doc-rich", text: str = TEXT) -> dict[str, Any]:
    return {
        "id": doc_id,
        "text": text,
        "meta": {"source": "wire.txt", "sha256": sha256_of(text), "status": "in_progress"},
        "entities": [
            {"id": doc_id + "-e1", **at("أحمد الخطيب", text), "label": "PERS", "boundary": "token"},
            {"id": doc_id + "-e2", **at("وزير المالية", text), "label": "OCC", "boundary": "exact"},
            {"id": doc_id + "-e3", **at("٤٪", text), "label": "PERCENT"},
        ],
        "quotes": [
            {
                "id": doc_id + "-q1",
                **at("النمو سيبلغ ٤٪ العام المقبل", text),
                "type": "direct",
                "speaker": {"entity": doc_id + "-e1"},
                "cue": at("قال", text),
            },
            {
                "id": doc_id + "-q2",
                **at("الحكومة ستخفض الضرائب", text),
                "type": "indirect",
                "speaker": at("مسؤول رفيع", text),
                "cue": None,
            },
        ],
        "claims": [
            {
                "id": doc_id + "-c1",
                **at("النمو سيبلغ ٤٪", text),
                "claimant": {"entity": doc_id + "-e1"},
                "quote": doc_id + "-q1",
                "checkworthy": "yes",
                "type": "prediction",
                "note": "",
            },
            {
                "id": doc_id + "-c2",
                **at("تراجعت البطالة إلى ٩٪", text),
                "claimant": {"article": True},
                "quote": None,
                "checkworthy": "yes",
                "type": "statistic",
                "note": "المصدر؟",
            },
            {
                "id": doc_id + "-c3",
                **at("ستخفض الضرائب", text),
                "claimant": at("مسؤول رفيع", text),
                "quote": doc_id + "-q2",
                "checkworthy": "unsure",
                "type": "event",
                "note": "",
            },
            {
                "id": doc_id + "-c4",
                **at("الحكومة", text),
                "claimant": None,
                "quote": None,
                "checkworthy": "no",
                "type": "other",
                "note": "",
            },
        ],
    }


def jsonl(*records: Any) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_jsonl_record_is_stored_with_ids_spans_links_and_status(
    project: Project, tmp_path: Path
) -> None:
    result = import_file(project, store(tmp_path, "data.jsonl", jsonl(rich_record())))
    assert result.refused == [] and result.imported == ["doc-rich"]
    assert result.spans == 9
    doc = project.document("doc-rich")
    assert (doc.text, doc.source, doc.status) == (TEXT, "wire.txt", "in_progress")
    spans = {s.id: s for s in project.spans("doc-rich")}
    assert spans["doc-rich-e2"].boundary == "exact" and spans["doc-rich-e1"].boundary == "token"
    assert spans["doc-rich-q2"].attrs == {"type": "indirect"}
    assert spans["doc-rich-c2"].attrs == {
        "checkworthy": "yes",
        "type": "statistic",
        "note": "المصدر؟",
        "claimant_article": "yes",
    }
    assert spans["doc-rich-q1" + CUE_SUFFIX].kind == "cue"
    assert spans["doc-rich-q2" + SPEAKER_SUFFIX].kind == "mention"
    assert spans["doc-rich-c3" + CLAIMANT_SUFFIX].text_in(TEXT) == "مسؤول رفيع"
    links = {(lk.type, lk.source, lk.target) for lk in project.links("doc-rich")}
    assert links == {
        ("speaker", "doc-rich-q1", "doc-rich-e1"),
        ("cue", "doc-rich-q1", "doc-rich-q1:cue"),
        ("speaker", "doc-rich-q2", "doc-rich-q2:speaker"),
        ("claimant", "doc-rich-c1", "doc-rich-e1"),
        ("in_quote", "doc-rich-c1", "doc-rich-q1"),
        ("claimant", "doc-rich-c3", "doc-rich-c3:claimant"),
        ("in_quote", "doc-rich-c3", "doc-rich-q2"),
    }


def test_minimal_record_imports_with_defaults(project: Project, tmp_path: Path) -> None:
    result = import_file(project, store(tmp_path, "m.jsonl", jsonl({"id": "d1", "text": SPECIAL})))
    assert result.imported == ["d1"]
    doc = project.document("d1")
    assert doc.text == SPECIAL and doc.status == "new" and doc.source == "m.jsonl:1"


def broken(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    record = rich_record("doc-x", TEXT + " نص إضافي.")
    change(record)
    return record


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        target = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        target = record
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BAD_LINES: list[tuple[str, Any, str]] = [
    ("bad json", '{"id": "d", "text": ', "not valid JSON"),
    ("not an object", "[1, 2]", "JSON object"),
    ("missing text", {"id": "d"}, "missing field 'text'"),
    ("missing entity label", broken(_drop(["entities", 0, "label"])), "missing field 'label'"),
    ("missing quote speaker", broken(_drop(["quotes", 1, "speaker"])), "missing field 'speaker'"),
    ("start out of range", broken(_set(["entities", 0, "start"], -1)), "out of range"),
    ("end out of range", broken(_set(["entities", 0, "end"], 10_000)), "out of range"),
    ("float offset", broken(_set(["entities", 0, "start"], 4.0)), "integers"),
    ("string offset", broken(_set(["quotes", 0, "end"], "30")), "must be an integer"),
    ("bool offset", broken(_set(["entities", 0, "start"], True)), "must be an integer"),
    ("text mismatch", broken(_set(["entities", 0, "text"], "أحمد")), "does not match"),
    (
        "speaker text mismatch",
        broken(_set(["quotes", 1, "speaker", "text"], "مسؤول")),
        "does not match",
    ),
    ("unknown label", broken(_set(["entities", 0, "label"], "PERSON")), "unknown label"),
    ("label of wrong kind", broken(_set(["entities", 0, "label"], "QUOTE")), "not entities"),
    ("bad quote type", broken(_set(["quotes", 0, "type"], "direkt")), "direkt"),
    ("bad checkworthy", broken(_set(["claims", 0, "checkworthy"], "maybe")), "maybe"),
    ("note not a string", broken(_set(["claims", 0, "note"], 3)), "note"),
    ("bad boundary", broken(_set(["entities", 0, "boundary"], "word")), "boundary"),
    (
        "bad article claimant",
        broken(_set(["claims", 1, "claimant"], {"article": False})),
        "article",
    ),
    (
        "unknown speaker entity",
        broken(_set(["quotes", 0, "speaker"], {"entity": "nope"})),
        "not in this record",
    ),
    (
        "speaker is a quote",
        broken(_set(["quotes", 0, "speaker"], {"entity": "doc-x-q2"})),
        "not in this record",
    ),
    ("unknown quote ref", broken(_set(["claims", 0, "quote"], "doc-x-q9")), "not in this record"),
    (
        "duplicate span id",
        broken(_set(["claims", 3, "id"], "doc-x-e1")),
        "duplicate span id doc-x-e1",
    ),
    ("bad status", broken(_set(["meta", "status"], "finished")), "status"),
    ("sha mismatch", broken(_set(["meta", "sha256"], "0" * 64)), "sha256"),
    ("carriage return", {"id": "d", "text": "سطر\r\nسطر"}, "carriage return"),
    ("blank text", {"id": "d", "text": " \n "}, "empty"),
    ("binary text", {"id": "d", "text": "نص" + "\u0007\u001a" * 10}, "binary"),
    ("entities not a list", {"id": "d", "text": "نص", "entities": {}}, "must be a list"),
]


@pytest.mark.parametrize(("case", "line", "reason"), BAD_LINES, ids=[c for c, _, _ in BAD_LINES])
def test_invalid_line_is_refused_with_its_line_number(
    project: Project, tmp_path: Path, case: str, line: Any, reason: str
) -> None:
    before = rich_record("doc-a", "المقال الأول: " + TEXT)
    after = rich_record("doc-b", "المقال الثالث: " + TEXT)
    path = store(tmp_path, "mixed.jsonl", jsonl(before, line, "", after))
    result = import_file(project, path)
    assert result.imported == ["doc-a", "doc-b"], case
    assert len(result.refused) == 1
    refusal = result.refused[0]
    assert refusal.line == 2 and reason in refusal.reason, refusal.reason
    message = format_refusal(refusal)
    assert message.startswith(f"{path}: line 2: ") and "\n" not in message
    assert project.span_count() == 24  # 2 x (9 + cue + 2 mentions): nothing of the refused one


def _doc_a_and_a_record_reusing_its_span_id(project: Project, tmp_path: Path) -> dict[str, Any]:
    """Imports doc-a; returns another record whose second entity has doc-a's id doc-a-e2."""
    import_file(project, store(tmp_path, "one.jsonl", jsonl(rich_record("doc-a"))))
    clash = rich_record("doc-c", "نص آخر: " + TEXT)
    clash["entities"][1]["id"] = "doc-a-e2"
    return clash


def test_span_id_already_in_the_project_is_refused(project: Project, tmp_path: Path) -> None:
    clash = _doc_a_and_a_record_reusing_its_span_id(project, tmp_path)
    result = import_file(project, store(tmp_path, "two.jsonl", jsonl(clash)))
    assert result.imported == []
    assert result.refused[0].reason.startswith("span id doc-a-e2 is already in the project")
    assert project.document_ids() == ["doc-a"]


def test_document_id_taken_by_another_text_is_refused(project: Project, tmp_path: Path) -> None:
    import_file(project, store(tmp_path, "one.jsonl", jsonl(rich_record("doc-a"))))
    other = rich_record("doc-a", "نص مختلف: " + TEXT)
    for kind in ("entities", "quotes", "claims"):
        other[kind] = []
    result = import_file(project, store(tmp_path, "two.jsonl", jsonl(other)))
    assert "document id doc-a is already in the project" in result.refused[0].reason


def test_jsonl_duplicate_text_is_skipped(project: Project, tmp_path: Path) -> None:
    path = store(tmp_path, "a.jsonl", jsonl(rich_record("doc-a")))
    import_file(project, path)
    again = import_file(project, path)
    assert again.refused == [] and again.imported == []
    assert [(s.line, s.existing_doc_id) for s in again.skipped] == [(1, "doc-a")]
    assert project.span_count() == 12  # 9 + one cue + two mentions


def test_a_batch_with_a_refused_record_stores_every_other_one(
    project: Project, tmp_path: Path
) -> None:
    # A batch is stored in a few statements; when the database refuses one of its records
    # (here a span id already in the project) the batch is stored again record by record.
    clash = _doc_a_and_a_record_reusing_its_span_id(project, tmp_path)
    records = [rich_record(f"doc-{i}", f"{i}: {TEXT}") for i in range(3)]
    path = store(tmp_path, "batch.jsonl", jsonl(records[0], clash, *records[1:]))
    result = import_file(project, path)
    assert result.imported == ["doc-0", "doc-1", "doc-2"] and result.spans == 27
    assert [(r.line, r.reason.split(" is ")[0]) for r in result.refused] == [
        (2, "span id doc-a-e2")
    ]
    assert project.document_ids() == ["doc-a", "doc-0", "doc-1", "doc-2"]
    assert [i.position for i in project.documents()] == [1, 2, 3, 4]
    assert project.span_count() == 4 * 12
    # The refused batch was rolled back whole before its records were stored one by one:
    # nothing of its first try is left in the counts, the search index or the list's index.
    stored = {d: [0, 0, 0] for d in project.document_ids()}
    for doc, kind, n in project.db.execute(
        "SELECT doc_id, kind, COUNT(*) FROM annotations GROUP BY doc_id, kind"
    ):
        if kind in ("entity", "quote", "claim"):
            stored[doc][("entity", "quote", "claim").index(kind)] = n
    assert {
        i.id: [i.entity_count, i.quote_count, i.claim_count] for i in project.documents()
    } == stored
    assert sorted({doc for doc, _, _ in search_project(project, "الضرائب")}) == sorted(
        project.document_ids()
    )
    conn = project.db.conn
    assert unindexed_count(conn) == 0
    assert conn.execute("SELECT COUNT(*) FROM search_docs").fetchone()[0] == 4
    for fts in ("search_words", "document_list_text"):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_batch_inside_a_callers_transaction_is_undone_by_a_savepoint(
    project: Project, tmp_path: Path
) -> None:
    # Inside a transaction of its caller the importer cannot roll back: a savepoint undoes
    # the refused batch, and the caller's own write in the transaction stays.
    clash = _doc_a_and_a_record_reusing_its_span_id(project, tmp_path)
    path = store(tmp_path, "batch.jsonl", jsonl(rich_record("doc-0", f"0: {TEXT}"), clash))
    with project.transaction():
        project.set_status("doc-a", "done")
        result = import_file(project, path)
    assert result.imported == ["doc-0"] and [r.line for r in result.refused] == [2]
    assert project.document_info("doc-a").status == "done"
    assert project.document_ids() == ["doc-a", "doc-0"]
    assert project.span_count() == 2 * 12
    assert unindexed_count(project.db.conn) == 0


def test_batches_written_by_the_writer_thread_give_the_same_import(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Full batches are written by a writer thread while the next is read; with batches of
    # two records, every path (a clean batch, a duplicate, a record the database refuses, a
    # line the parser refuses, the last partial batch) runs there or after it.
    import threading

    import storage.importer as importer_module

    monkeypatch.setattr(importer_module, "BATCH_RECORDS", 2)
    monkeypatch.setattr(importer_module, "FIRST_BATCH_SHARE", 1)
    writers: list[str] = []
    real_add = Project.add_documents

    def spying_add(self: Project, *args: Any, **kwargs: Any) -> list[str]:
        writers.append(threading.current_thread().name)
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(Project, "add_documents", spying_add)
    clash = _doc_a_and_a_record_reusing_its_span_id(project, tmp_path)
    records = [rich_record(f"doc-{i}", f"{i}: {TEXT}") for i in range(5)]
    lines = [
        json.dumps(r, ensure_ascii=False)
        for r in (records[0], records[1], clash, records[2], records[0], records[3])
    ]
    lines.insert(4, '{"id": "broken"')
    lines.append(json.dumps(records[4], ensure_ascii=False))
    path = store(tmp_path, "batches.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    result = import_file(project, path)
    assert result.imported == ["doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]
    assert result.spans == 5 * 9
    assert [(r.line, r.reason.split(" is ")[0]) for r in result.refused] == [
        (3, "span id doc-a-e2"),
        (5, result.refused[1].reason.split(" is ")[0]),
    ]
    assert "JSON" in result.refused[1].reason
    assert [s.line for s in result.skipped] == [6]
    assert project.document_ids() == ["doc-a", "doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]
    assert [i.position for i in project.documents()] == [1, 2, 3, 4, 5, 6]
    assert project.span_count() == 6 * 12
    assert any(name.startswith(importer_module.WRITER_THREAD) for name in writers)
    assert threading.current_thread().name in writers  # the last batch: the calling thread
    assert search_project_ids(project, "آخر") == []  # the refused record left no index entry
    assert len(search_project_ids(project, TEXT.split()[1])) == 6


def search_project_ids(project: Project, query: str) -> list[str]:
    from storage.search_index import search_project, unindexed_count

    assert unindexed_count(project.db.conn) == 0  # every stored document is in the index
    return sorted({doc_id for doc_id, _, _ in search_project(project, query)})


def test_span_inserts_fit_the_999_values_of_an_older_sqlite(
    project: Project, tmp_path: Path
) -> None:
    # Spans go in as multi-row INSERTs; SQLite before 3.32 takes at most 999 values each.
    project.db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    text = " ".join(f"كلمة{i}" for i in range(300))
    entities = []
    for i, word in enumerate(text.split(" ")):
        start = text.index(word + " ") if i < 299 else len(text) - len(word)
        entities.append(
            {"id": f"e{i}", "start": start, "end": start + len(word), "label": "PERS", "text": word}
        )
    record = {"id": "many", "text": text, "entities": entities}
    result = import_file(project, store(tmp_path, "many.jsonl", jsonl(record)))
    assert result.refused == [] and result.spans == 300
    assert [s.id for s in project.spans("many")] == [f"e{i}" for i in range(300)]


def test_document_list_counts_follow_imports_and_deletes(project: Project, tmp_path: Path) -> None:
    records = [rich_record(f"doc-{i}", f"{i}: {TEXT}") for i in range(3)]
    import_file(project, store(tmp_path, "three.jsonl", jsonl(*records)))
    project.delete(
        [s.id for s in project.spans("doc-1") if s.kind in ("entity", "claim")][:3],
        doc_id="doc-1",
    )

    def counted(doc_id: str) -> tuple[int, int, int]:
        kinds = [s.kind for s in project.spans(doc_id)]
        return kinds.count("entity"), kinds.count("quote"), kinds.count("claim")

    for info in project.documents():
        assert (info.entity_count, info.quote_count, info.claim_count) == counted(info.id)
    assert counted("doc-1") != counted("doc-0")


def test_record_is_never_half_imported(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = Project.insert

    def failing_insert(
        self: Project,
        spans: Iterable[Span],
        links: Iterable[Link],
        action: str = "add",
        log: bool = True,
    ) -> None:
        real_insert(self, list(spans)[:3], [], action)  # part of the spans reach the database
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Project, "insert", failing_insert)
    result = import_file(project, store(tmp_path, "a.jsonl", jsonl(rich_record("doc-a"))))
    assert result.imported == [] and "disk I/O error" in result.refused[0].reason
    assert result.refused[0].line == 1
    assert project.document_ids() == [] and project.span_count() == 0
    monkeypatch.undo()
    retry = import_file(project, tmp_path / "a.jsonl")  # and nothing blocks a later retry
    assert retry.imported == ["doc-a"] and project.span_count() == 12


def test_line_separator_inside_a_json_string_does_not_split_the_record(
    project: Project, tmp_path: Path
) -> None:
    text = "سطر\u2028نفس السطر\u2029 ونهاية"
    result = import_file(project, store(tmp_path, "ls.jsonl", jsonl({"id": "d", "text": text})))
    assert result.refused == [] and project.document("d").text == text


def test_jsonl_without_records_is_refused(project: Project, tmp_path: Path) -> None:
    result = import_file(project, store(tmp_path, "blank.jsonl", b"\n\n  \n"))
    assert len(result.refused) == 1 and result.refused[0].line is None


def test_default_db_path_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "hashiya" / "default.hashiya"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert (
        default_db_path() == tmp_path / "home" / ".local" / "share" / "hashiya" / "default.hashiya"
    )
    monkeypatch.delenv("XDG_DATA_HOME")
    assert (
        default_db_path() == tmp_path / "home" / ".local" / "share" / "hashiya" / "default.hashiya"
    )


@pytest.mark.shared
def test_shared_seed_is_stored_exactly(project: Project) -> None:
    result = import_file(project, SEED)
    assert result.refused == [] and len(result.imported) == 1
    # The seed is UTF-8 with LF line breaks: the stored text is the file's text.
    assert project.document(result.imported[0]).text == SEED.read_bytes().decode("utf-8")


# --- attributes and link types the project's schema adds ------------------------------------------
@pytest.fixture
def extended(project: Project) -> Project:
    """The default schema plus entity.role, quote.stance, a free-text claim.source_url, and
    the link types refers_to (claim -> entity) and contradicts (claim -> claim, one per claim)."""
    from annotation.schema import LabelSchema, load_default_schema

    data = load_default_schema().to_dict()
    data["attributes"] += [
        {
            "kind": "entity",
            "name": "role",
            "values": ["main", "minor"],
            "default": "minor",
            "title": "role",
        },
        {
            "kind": "quote",
            "name": "stance",
            "values": ["pro", "contra", "neutral"],
            "default": "neutral",
            "title": "stance",
        },
        {"kind": "claim", "name": "source_url", "values": None, "default": "", "title": "source"},
    ]
    data["link_types"] += [
        {
            "name": "refers_to",
            "from": ["claim"],
            "to": ["entity"],
            "max_per_source": None,
            "title": "",
        },
        {
            "name": "contradicts",
            "from": ["claim"],
            "to": ["claim"],
            "max_per_source": 1,
            "title": "",
        },
    ]
    project.save_schema(LabelSchema.from_dict(data))
    return project


def extended_record(doc_id: str = "doc-ext", text: str = TEXT) -> dict[str, Any]:
    record = rich_record(doc_id, text)
    record["entities"][0]["attrs"] = {"role": "main"}
    record["quotes"][0]["attrs"] = {"stance": "pro"}
    record["claims"][1]["attrs"] = {"source_url": "https://example.org/بطالة"}
    record["links"] = [
        {"type": "contradicts", "source": doc_id + "-c3", "target": doc_id + "-c1"},
        {"type": "refers_to", "source": doc_id + "-c1", "target": doc_id + "-e1"},
        {"type": "refers_to", "source": doc_id + "-c1", "target": doc_id + "-e3"},
    ]
    return record


def test_attrs_and_links_are_stored(extended: Project, tmp_path: Path) -> None:
    result = import_file(extended, store(tmp_path, "ext.jsonl", jsonl(extended_record())))
    assert result.refused == [] and result.imported == ["doc-ext"]
    spans = {s.id: s for s in extended.spans("doc-ext")}
    assert spans["doc-ext-e1"].attrs == {"role": "main"}
    assert spans["doc-ext-q1"].attrs == {"type": "direct", "stance": "pro"}
    assert spans["doc-ext-c2"].attrs["source_url"] == "https://example.org/بطالة"
    links = {(lk.type, lk.source, lk.target) for lk in extended.links("doc-ext")}
    assert {
        ("contradicts", "doc-ext-c3", "doc-ext-c1"),
        ("refers_to", "doc-ext-c1", "doc-ext-e1"),
        ("refers_to", "doc-ext-c1", "doc-ext-e3"),
    } <= links
    assert len(links) == 10


def _ext(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    record = extended_record("doc-x", TEXT + " نص إضافي.")
    change(record)
    return record


BAD_EXTENDED: list[tuple[str, Any, str]] = [
    (
        "attrs not an object",
        _ext(_set(["quotes", 0, "attrs"], ["pro"])),
        "'attrs' must be an object",
    ),
    (
        "unknown attribute",
        _ext(_set(["quotes", 0, "attrs", "tone"], "calm")),
        "has no attribute 'tone'",
    ),
    (
        "value not allowed",
        _ext(_set(["quotes", 0, "attrs", "stance"], "against")),
        "'stance' cannot be 'against'",
    ),
    (
        "value not a string",
        _ext(_set(["claims", 1, "attrs", "source_url"], 7)),
        "'source_url' must be a string",
    ),
    (
        "attribute of another kind",
        _ext(_set(["entities", 1, "attrs"], {"stance": "pro"})),
        "has no attribute",
    ),
    (
        "fixed field in attrs",
        _ext(_set(["quotes", 1, "attrs"], {"type": "direct"})),
        "field of its own",
    ),
    ("links not a list", _ext(_set(["links"], {})), "'links' must be a list"),
    ("link not an object", _ext(_set(["links", 0], "refers_to")), "links[0] must be an object"),
    (
        "link without target",
        _ext(_drop(["links", 1, "target"])),
        "links[1]: missing field 'target'",
    ),
    (
        "unknown link type",
        _ext(_set(["links", 1, "type"], "mentions")),
        "unknown link type 'mentions'",
    ),
    (
        "fixed link type",
        _ext(_set(["links", 1, "type"], "claimant")),
        "written in the quote or claim",
    ),
    (
        "wrong source kind",
        _ext(_set(["links", 1, "source"], "doc-x-q1")),
        "cannot join a quote to a entity",
    ),
    (
        "wrong target kind",
        _ext(_set(["links", 0, "target"], "doc-x-e1")),
        "cannot join a claim to a entity",
    ),
    (
        "dangling id",
        _ext(_set(["links", 2, "target"], "doc-x-e9")),
        "'doc-x-e9' is not an entity, quote or claim",
    ),
    (
        "derived cue id",
        _ext(_set(["links", 2, "target"], "doc-x-q1" + CUE_SUFFIX)),
        "is not an entity, quote",
    ),
    ("self link", _ext(_set(["links", 0, "target"], "doc-x-c3")), "cannot link to itself"),
    (
        "duplicate link",
        _ext(_set(["links", 2, "target"], "doc-x-e1")),
        "the same refers_to link twice",
    ),
    (
        "over max_per_source",
        _ext(
            lambda r: r["links"].append(
                {"type": "contradicts", "source": "doc-x-c3", "target": "doc-x-c2"}
            )
        ),
        "more than 1 contradicts",
    ),
]


@pytest.mark.parametrize(
    ("case", "line", "reason"), BAD_EXTENDED, ids=[c for c, _, _ in BAD_EXTENDED]
)
def test_invalid_attrs_or_links_refuse_the_record_with_its_line_number(
    extended: Project, tmp_path: Path, case: str, line: Any, reason: str
) -> None:
    good = extended_record("doc-a", "المقال الأول: " + TEXT)
    path = store(tmp_path, "mixed.jsonl", jsonl(good, line))
    result = import_file(extended, path)
    assert result.imported == ["doc-a"], case
    (refusal,) = result.refused
    assert refusal.line == 2 and reason in refusal.reason, refusal.reason
    assert "\n" not in format_refusal(refusal)
    assert extended.span_count() == 12


def test_attrs_and_links_unknown_to_the_default_schema_are_refused(
    project: Project, tmp_path: Path
) -> None:
    result = import_file(project, store(tmp_path, "ext.jsonl", jsonl(extended_record())))
    assert result.imported == [] and "has no attribute 'role'" in result.refused[0].reason
    plain = rich_record()
    plain["links"] = [{"type": "refers_to", "source": "doc-rich-c1", "target": "doc-rich-e1"}]
    result = import_file(project, store(tmp_path, "links.jsonl", jsonl(plain)))
    assert result.imported == [] and "unknown link type 'refers_to'" in result.refused[0].reason


def test_the_first_batch_is_small_so_the_writer_thread_starts_early(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.importer as importer_module

    monkeypatch.setattr(importer_module, "BATCH_RECORDS", 16)
    sizes: list[int] = []
    real_add = Project.add_documents

    def spying_add(self: Project, docs: Any, *args: Any, **kwargs: Any) -> list[str]:
        docs = list(docs)
        sizes.append(len(docs))
        return real_add(self, docs, *args, **kwargs)

    monkeypatch.setattr(Project, "add_documents", spying_add)
    records = [rich_record(f"doc-{i}", f"{i}: {TEXT}") for i in range(40)]
    result = import_file(project, store(tmp_path, "many.jsonl", jsonl(*records)))
    assert len(result.imported) == 40 and result.refused == []
    assert sizes == [2, 4, 8, 16, 10]  # 16 / FIRST_BATCH_SHARE, doubling to full batches
    # the foreign keys, off while the batches were checked set by set, are on again
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
