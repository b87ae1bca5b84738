"""Every importer is total (issue 14) and real-world text is accepted (issue 8): regression
tests named after the failures the issues list, and a fuzz test in process."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from annotation.documents import sha256_of
from storage.importer import format_refusal, import_file, import_paths
from storage.project import Project
from tests.hypothesis_budget import examples

ARTICLE = (
    "أعلن وزير الصحة سامي الحداد أمس أن المستشفى الجديد سيفتح أبوابه في الربيع.\n"
    "وقال مدير المشروع إن العمل يسير وفق الخطة."
)


def write(tmp_path: Path, name: str | bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), os.fsencode(name))))
    path.write_bytes(data)
    return path


def line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def stored_top_level(project: Project) -> int:
    return project.db.execute(
        "SELECT COUNT(*) FROM annotations WHERE kind NOT IN ('cue', 'mention')"
    ).fetchone()[0]


# --- issue 8: real-world text ----------------------------------------------------------------
@pytest.mark.parametrize("stray", ["\x1a", "\x07", "\ufeff", "\x1b", "\x85"])
def test_isolated_control_character_article_is_imported_unchanged_and_reported(
    project: Project, tmp_path: Path, stray: str
) -> None:
    text = ARTICLE.replace("أمس", "أمس" + stray)
    txt = import_file(project, write(tmp_path, "a.txt", text.encode("utf-8")))
    assert txt.refused == [] and project.document(txt.imported[0]).text == text
    other = text + " (نسخة)"
    jsonl = import_file(
        project, write(tmp_path, "b.jsonl", line({"id": "d2", "text": other}).encode())
    )
    assert jsonl.refused == [] and project.document("d2").text == other
    assert project.document("d2").sha256 == sha256_of(other)
    report = import_paths(project, [write(tmp_path, "c.txt", (other + "!").encode())])
    assert f"kept 1 control character in 1 document (U+{ord(stray):04X})" in report.summary()


def test_mostly_control_characters_is_refused_as_binary(project: Project, tmp_path: Path) -> None:
    data = "".join(c + "\x07\x1a" for c in ARTICLE).encode("utf-8")
    result = import_file(project, write(tmp_path, "noise.txt", data))
    assert result.imported == [] and "binary" in result.refused[0].reason


def test_import_into_a_big_project_does_not_scan_texts(project: Project, tmp_path: Path) -> None:
    records = "\n".join(line({"id": f"d{i}", "text": f"{ARTICLE} {i}"}) for i in range(300))
    import_file(project, write(tmp_path, "many.jsonl", records.encode()))
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    try:
        more = "\n".join(line({"id": f"e{i}", "text": f"{ARTICLE} ب{i}"}) for i in range(20))
        result = import_file(project, write(tmp_path, "more.jsonl", more.encode()))
    finally:
        project.db.conn.set_trace_callback(None)
    assert len(result.imported) == 20
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert reads and len(reads) < 10  # per batch, not per document
    for sql in reads:
        plan = project.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        assert not any("SCAN documents" in str(row[-1]) for row in plan), (sql, plan)


# --- issue 14: hostile input -------------------------------------------------------------------
@pytest.mark.parametrize("field", ["source", "id", "note"])
def test_lone_surrogate_in_source_id_or_note_is_refused_and_the_next_files_import(
    project: Project, tmp_path: Path, field: str
) -> None:
    record: dict[str, Any] = {"id": "d1", "text": ARTICLE, "meta": {"source": "wire"}}
    if field == "source":
        record["meta"]["source"] = "\ud800"
    elif field == "id":
        record["id"] = "doc-\udfff"
    else:
        record["claims"] = [
            {
                "id": "c1",
                "start": 0,
                "end": 4,
                "text": ARTICLE[:4],
                "claimant": None,
                "quote": None,
                "checkworthy": "yes",
                "type": "other",
                "note": "\ud83d",
            }
        ]
    bad = write(tmp_path, "a.jsonl", json.dumps(record).encode())  # escaped: \\ud800
    good = write(tmp_path, "b.txt", ARTICLE.encode())
    report = import_paths(project, [bad, good])
    assert len(report.refused) == 1 and "surrogate" in report.refused[0].reason
    assert report.refused[0].line == 1 and [p.name for p, _ in report.imported] == ["b.txt"]


def test_integer_of_more_than_4300_digits_is_refused(project: Project, tmp_path: Path) -> None:
    big = "9" * 5000
    raw = (
        f'{{"id": "d", "text": "{ARTICLE[:20]}", "entities": [{{"id": "e", "start": {big}, '
        f'"end": 3, "label": "PERS", "text": "x"}}]}}'
    )
    result = import_file(project, write(tmp_path, "big.jsonl", raw.encode()))
    assert result.imported == [] and result.refused[0].line == 1
    assert "digits" in result.refused[0].reason


def test_file_name_that_is_not_utf8_is_imported_and_shown_escaped(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stem = "خبر".encode("cp1256")
    shown = stem.decode("utf-8", errors="backslashreplace")
    assert shown.startswith("\\x")
    good = write(tmp_path, stem + b".txt", ARTICLE.encode())
    bad = write(tmp_path, stem + b"-2.txt", b"")
    db = tmp_path / "p.hashiya"
    assert main.main(["import", "--db", str(db), str(good), str(bad)]) == main.EXIT_REFUSED
    err = capsys.readouterr().err
    assert f"{shown}-2.txt: the file is empty" in err
    with Project(db) as p:
        (doc_id,) = p.document_ids()
        assert p.document(doc_id).source == f"{shown}.txt"


def test_one_bad_byte_in_a_utf8_article_is_refused_not_read_as_windows_1256(
    project: Project, tmp_path: Path
) -> None:
    data = ARTICLE.encode("utf-8")
    cut = data.index("المستشفى".encode())
    damaged = data[:cut] + b"\xff" + data[cut:]
    result = import_file(project, write(tmp_path, "a.txt", damaged))
    assert result.imported == [] and project.document_ids() == []
    assert f"damaged UTF-8: undecodable byte 0xFF at byte offset {cut}" in result.refused[0].reason
    repaired = import_paths(project, [tmp_path / "a.txt"], repair=True)
    (doc_id,) = project.document_ids()
    assert project.document(doc_id).text == ARTICLE[: len(data[:cut].decode())] + "\ufffd" + (
        data[cut:].decode()
    )
    assert "repaired 1 bad UTF-8 byte as U+FFFD in 1 file" in repaired.summary()


def test_file_cut_in_the_middle_of_a_character_is_refused_with_its_offset(
    project: Project, tmp_path: Path
) -> None:
    data = ARTICLE.removesuffix(".").encode("utf-8")[:-1]  # the last letter is two bytes
    result = import_file(project, write(tmp_path, "cut.txt", data))
    assert result.imported == []
    assert f"ends in the middle of a character at byte offset {len(data) - 1}" in (
        result.refused[0].reason
    )
    jsonl = line({"id": "d", "text": ARTICLE.removesuffix(".")}).encode()
    result = import_file(project, write(tmp_path, "cut.jsonl", jsonl[:-3]))
    assert result.imported == [] and result.refused[0].line == 1
    assert "middle of a character" in result.refused[0].reason


def test_genuine_windows_1256_article_still_imports(project: Project, tmp_path: Path) -> None:
    result = import_file(project, write(tmp_path, "w.txt", ARTICLE.encode("cp1256")))
    assert project.document(result.imported[0]).text == ARTICLE


CONLL_BAD = [
    ("bad tag", "قال O\nبوتين PERS\n", 2),
    ("unknown label", "قال O\nفي O\n\nبوتين B-NOPE\n", 4),
    ("no tokens", "\n\n$#$ O\n\n", 4),
    ("empty", "", 1),
    ("binary", "قال O\n\x00\x01\n", 2),
    ("damaged", None, 3),
]


@pytest.mark.parametrize(("case", "content", "lineno"), CONLL_BAD, ids=[c[0] for c in CONLL_BAD])
def test_every_conll_refusal_carries_its_line_number(
    project: Project, tmp_path: Path, case: str, content: str | None, lineno: int
) -> None:
    if content is None:
        data = "قال O\nفي O\n".encode() + "بوتين".encode()[:-1] + b" B-PERS\n"
    else:
        data = content.encode("utf-8")
    path = write(tmp_path, "x.conll", data)
    (refusal,) = import_file(project, path, fmt="conll").refused
    assert refusal.line == lineno, (case, refusal)
    assert format_refusal(refusal).startswith(f"{path}: line {lineno}: ")
    assert project.document_ids() == []


# --- fuzzing -------------------------------------------------------------------------------
VALID = {
    "id": "doc-v",
    "text": ARTICLE,
    "meta": {"source": "v.txt", "status": "new"},
    "entities": [{"id": "e1", "start": 17, "end": 28, "label": "PERS", "text": ARTICLE[17:28]}],
    "quotes": [
        {
            "id": "q1",
            "start": 0,
            "end": 4,
            "text": ARTICLE[:4],
            "type": "direct",
            "speaker": {"entity": "e1"},
            "cue": None,
        }
    ],
}
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _mutations() -> st.SearchStrategy[bytes]:
    """Valid records with one field replaced, raw bytes, broken UTF-8, hostile escapes."""
    keys = [
        ("id",),
        ("text",),
        ("meta", "source"),
        ("meta", "status"),
        ("entities", 0, "start"),
        ("entities", 0, "label"),
        ("entities", 0, "text"),
        ("quotes", 0, "speaker"),
        ("quotes", 0, "cue"),
        ("entities",),
    ]

    def mutate(key: tuple[Any, ...], value: Any) -> bytes:
        record = json.loads(json.dumps(VALID))
        target = record
        for part in key[:-1]:
            target = target[part]
        target[key[-1]] = value
        return json.dumps(record).encode()

    mutated = st.builds(mutate, st.sampled_from(keys), JSON_VALUES)
    raw = st.binary(max_size=200)
    spliced = st.tuples(
        st.just(json.dumps(VALID).encode()), st.integers(0, 400), st.binary(max_size=4)
    ).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :])
    escapes = st.sampled_from(
        [
            b'{"id": "\\ud800", "text": "x"}',
            b'{"id": "d", "text": "\\udc00\\ud800"}',
            b"[" * 5000,
            b'{"id": 1e999}',
        ]
    )
    return st.one_of(mutated, raw, spliced, escapes)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("fuzz")
    with Project(tmp / "p.hashiya", annotator="fuzz") as project:
        yield tmp, project


@settings(
    max_examples=examples(1000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(_mutations(), min_size=1, max_size=4),
    st.sampled_from(["a.jsonl", "a.txt", "a.conll", "a.csv"]),
    st.booleans(),
)
def test_fuzz_any_bytes_import_or_refuse_with_nothing_partial(
    fuzz_project: tuple[Path, Project], lines: list[bytes], name: str, repair: bool
) -> None:
    tmp, project = fuzz_project
    path = write(tmp, name, b"\n".join(lines))
    fmt = "conll" if name.endswith(".conll") else "native"
    before_docs = set(project.document_ids())
    before_spans = stored_top_level(project)
    result = import_file(project, path, repair=repair, fmt=fmt)  # never raises
    for refusal in result.refused:
        message = format_refusal(refusal)
        assert "\n" not in message and message.startswith(str(path))
        if fmt == "conll":
            assert refusal.line is not None
    new_docs = set(project.document_ids()) - before_docs
    assert new_docs == set(result.imported)
    assert stored_top_level(project) - before_spans == result.spans
    for doc_id in new_docs:
        text = project.document(doc_id).text
        for span in project.spans(doc_id):
            assert 0 <= span.start < span.end <= len(text)
    # the next example starts from an empty project again
    project.db.execute("DELETE FROM documents")


def test_fuzz_sqlite_failure_mid_batch_stores_nothing_of_that_record(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        json.loads(json.dumps(VALID).replace('"e1"', f'"e1-{i}"').replace('"q1"', f'"q1-{i}"'))
        | {"id": f"d{i}", "text": f"{ARTICLE} {i}"}
        for i in range(5)
    ]
    real_insert = Project.insert

    def flaky(
        self: Project, spans: Any = (), links: Any = (), action: str = "add", log: bool = True
    ) -> None:
        # fails, after writing one span, whenever the third record's spans are inserted (with
        # the others of its batch, then alone once the importer retries record by record)
        spans = list(spans)
        if any(s.doc_id == "d2" for s in spans):
            real_insert(self, spans[:1], [], action, log)
            raise sqlite3.OperationalError("disk I/O error")
        real_insert(self, spans, links, action, log)

    monkeypatch.setattr(Project, "insert", flaky)
    path = write(tmp_path, "five.jsonl", "\n".join(map(line, records)).encode())
    result = import_file(project, path)
    assert result.imported == ["d0", "d1", "d3", "d4"]
    assert [(r.line, "disk I/O error" in r.reason) for r in result.refused] == [(3, True)]
    assert stored_top_level(project) == result.spans == 8


def test_two_imports_at_once_give_distinct_positions(tmp_path: Path) -> None:
    db = tmp_path / "p.hashiya"
    Project(db).close()
    files = []
    for k in range(2):
        lines = "\n".join(
            line({"id": f"d{k}-{i}", "text": f"{ARTICLE} {k} {i}"}) for i in range(150)
        )
        files.append(write(tmp_path, f"{k}.jsonl", lines.encode()))
    results: list[Any] = [None, None]

    def run(k: int) -> None:
        with Project(db, annotator=f"a{k}") as project:
            results[k] = import_file(project, files[k])

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [len(r.imported) for r in results] == [150, 150]
    with Project(db) as project:
        positions = [r[0] for r in project.db.execute("SELECT position FROM documents")]
    assert len(positions) == len(set(positions)) == 300
