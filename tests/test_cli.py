"""The command line as a user runs it: exit codes 0/1/2, one stderr line per refusal, no
tracebacks, project files that are not ours left byte for byte unchanged. Most cases run
`main.main(argv)` in process (tests/cli_support.py); the first import, the usage errors and the
check that the command line never loads Qt also run as real child processes."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotation.documents import sha256_of
from tests.cli_support import ROOT, run, run_process

ARTICLE_1 = "قالت المتحدثة باسم الأمم المتحدة إن المساعدات وصلت إلى غزة صباح اليوم."
ARTICLE_2 = "أعلن البنك المركزي رفع سعر الفائدة ربع نقطة مئوية."


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_1, encoding="utf-8")
    (folder / "b.txt").write_bytes(ARTICLE_2.replace(" ", "\r\n", 1).encode("cp1256"))
    return folder


@pytest.mark.parametrize("runner", [run, run_process], ids=["in-process", "child-process"])
def test_import_everything_taken_exits_0(tmp_path: Path, articles: Path, runner) -> None:
    db = tmp_path / "p.hashiya"
    proc = runner("import", "--db", db, articles)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (
        proc.stdout.strip().splitlines()[-1]
        == "imported 2 documents, 0 spans; skipped 0; refused 0"
    )
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM documents ORDER BY position")]
    assert texts == [ARTICLE_1, ARTICLE_2.replace(" ", "\n", 1)]


def test_reimport_is_skipped_and_still_exits_0(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    assert run("import", "--db", db, articles / "a.txt").returncode == 0
    proc = run("import", "--db", db, articles / "a.txt")
    no_traceback(proc)
    assert proc.returncode == 0 and proc.stderr == ""
    doc_id = "doc-" + sha256_of(ARTICLE_1)[:16]
    assert f"a.txt: skipped, same text as {doc_id} already in the project" in proc.stdout
    assert (
        proc.stdout.strip().splitlines()[-1]
        == "imported 0 documents, 0 spans; skipped 1; refused 0"
    )


def test_refusals_exit_1_one_stderr_line_each_others_imported(
    tmp_path: Path, articles: Path
) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "nul.txt").write_bytes(b"\x00\x01binary")
    good = {"id": "doc-good", "text": "خبر عاجل من بيروت."}
    bad = {
        "id": "doc-bad",
        "text": "خبر آخر.",
        "entities": [{"id": "e", "start": 0, "end": 99, "label": "GPE", "text": "x"}],
    }
    (articles / "c.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (good, bad)) + "\n", encoding="utf-8"
    )
    missing = tmp_path / "nowhere.txt"
    other = tmp_path / "table.csv"
    other.write_text("a,b", encoding="utf-8")
    proc = run("import", "--db", tmp_path / "p.hashiya", articles, missing, other)
    no_traceback(proc)
    assert proc.returncode == 1
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 5, proc.stderr
    assert any(
        line.startswith(f"{articles / 'c.jsonl'}: line 2: ") and "out of range" in line
        for line in lines
    )
    for name in (
        "empty.txt",
        "nul.txt",
        "nowhere.txt: no such file",
        "table.csv: unsupported file type",
    ):
        assert sum(name in line for line in lines) == 1, name
    assert (
        proc.stdout.strip().splitlines()[-1]
        == "imported 3 documents, 0 spans; skipped 0; refused 5"
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ("import",),  # no --db, no files
        ("import", "--db", tmp_path / "p.hashiya"),  # no files
        ("import", "--db", tmp_path / "p.hashiya", "--format", "csv", "x.txt"),
        ("export", "--db", tmp_path / "p.hashiya"),  # no --out
        (
            "export",
            "--db",
            tmp_path / "p.hashiya",
            "--out",
            tmp_path / "o.jsonl",
            "--status",
            "finished",
        ),
        (
            "export",
            "--db",
            tmp_path / "p.hashiya",
            "--out",
            tmp_path / "o.jsonl",
            "--kinds",
            "entity",
        ),
        ("frobnicate",),
    ):
        proc = run(*args)
        no_traceback(proc)
        assert proc.returncode == 2, args
        assert "usage:" in proc.stderr
    for args in (("frobnicate",),):  # and as a child process: the real exit status
        proc = run_process(*args)
        no_traceback(proc)
        assert proc.returncode == 2, args
        assert "usage:" in proc.stderr
    assert not (tmp_path / "p.hashiya").exists()


def test_export_with_filters(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    record = {
        "id": "doc-r",
        "text": "قال الرئيس سمير إن الوضع مستقر.",
        "meta": {"source": "r.txt", "status": "done"},
        "entities": [{"id": "e1", "start": 11, "end": 15, "label": "PERS", "text": "سمير"}],
        "quotes": [
            {
                "id": "q1",
                "start": 19,
                "end": 30,
                "text": "الوضع مستقر",
                "type": "indirect",
                "speaker": {"entity": "e1"},
                "cue": {"start": 0, "end": 3, "text": "قال"},
            }
        ],
    }
    (articles / "r.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    assert run("import", "--db", db, articles).returncode == 0
    out = tmp_path / "out.jsonl"
    proc = run("export", "--db", db, "--out", out)
    assert proc.returncode == 0 and proc.stdout.strip() == f"exported 3 documents, 2 spans to {out}"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3

    proc = run("export", "--db", db, "--out", out, "--status", "done", "--kinds", "quotes")
    no_traceback(proc)
    assert proc.returncode == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert data["id"] == "doc-r" and "entities" not in data
    assert data["quotes"][0]["speaker"] == {"start": 11, "end": 15, "text": "سمير"}


@pytest.mark.parametrize("kind", ["random", "foreign-sqlite"])
def test_foreign_project_file_refused_unchanged(tmp_path: Path, articles: Path, kind: str) -> None:
    db = tmp_path / "other.db"
    if kind == "random":
        db.write_bytes(random.Random(7).randbytes(4096))
    else:
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
            conn.execute("INSERT INTO recipes VALUES ('كبسة')")
        conn.close()
    before = db.read_bytes()
    for args in (
        ("import", "--db", db, articles),
        ("export", "--db", db, "--out", tmp_path / "o.jsonl"),
    ):
        proc = run(*args)
        no_traceback(proc)
        assert proc.returncode == 1
        (line,) = proc.stderr.strip().split("\n")
        assert line.startswith(f"{db}: not a Hashiya project")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "other.db"]


def test_export_errors_are_one_line(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    proc = run("export", "--db", db, "--out", tmp_path / "o.jsonl")
    no_traceback(proc)
    assert proc.returncode == 1 and proc.stderr.strip() == f"{db}: no such project file"
    assert not db.exists()
    assert run("import", "--db", db, articles).returncode == 0
    for out, reason in (
        (tmp_path / "missing" / "o.jsonl", "cannot write the export"),
        (tmp_path, "is a folder"),
        (db, "is the project file itself"),
    ):
        proc = run("export", "--db", db, "--out", out)
        no_traceback(proc)
        assert proc.returncode == 1
        (line,) = proc.stderr.strip().split("\n")
        assert line.startswith(f"{out}: ") and reason in line


def test_document_marker_option_is_for_conll_only(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    assert run("import", "--db", db, articles).returncode == 0
    for fmt in ("native", "tokens-jsonl", "doccano"):
        out = tmp_path / f"o.{fmt}"
        proc = run("export", "--db", db, "--out", out, "--format", fmt, "--no-document-marker")
        no_traceback(proc)
        assert proc.returncode == 2 and not out.exists()
        assert proc.stderr.strip() == "--no-document-marker is for --format conll"
    marked, plain = tmp_path / "marked.conll", tmp_path / "plain.conll"
    proc = run("export", "--db", db, "--out", marked, "--format", "conll")
    assert proc.returncode == 0, proc.stderr
    documents = int(proc.stdout.split()[1])  # "exported N documents, ..."
    proc = run("export", "--db", db, "--out", plain, "--format", "conll", "--no-document-marker")
    assert proc.returncode == 0, proc.stderr
    lines = marked.read_text(encoding="utf-8").splitlines()
    assert documents > 1 and lines.count("-DOCSTART- O") == documents
    assert lines[0] == "-DOCSTART- O" and "-DOCSTART-" not in plain.read_text(encoding="utf-8")
    assert [x for x in lines if x and x != "-DOCSTART- O"] == [
        x for x in plain.read_text(encoding="utf-8").splitlines() if x
    ]


def test_project_path_that_is_a_folder(tmp_path: Path, articles: Path) -> None:
    proc = run("import", "--db", tmp_path, articles)
    no_traceback(proc)
    assert proc.returncode == 1 and "is a folder" in proc.stderr


def test_command_line_never_loads_qt(tmp_path: Path, articles: Path) -> None:
    code = (
        "import sys, main\n"
        f"rc = main.main(['import', '--db', {str(tmp_path / 'p.hashiya')!r}, {str(articles)!r}])\n"
        f"rc2 = main.main(['export', '--db', {str(tmp_path / 'p.hashiya')!r}, '--out', {str(tmp_path / 'o.jsonl')!r}])\n"
        "print(rc, rc2, sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'ui'}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "0 0 []"


def test_window_gets_the_db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a subcommand main opens the window (ui.app.run_gui), with --db or the default."""
    import types

    import main

    opened: list[Path] = []
    who: list[str | None] = []
    fake = types.ModuleType("ui.app")
    fake.run_gui = lambda path, annotator=None, lang=None: (
        opened.append(path) or who.append(annotator) or 0
    )  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main.main(["--db", str(tmp_path / "mine.hashiya")]) == 0
    assert main.main(["--annotator", "amal"]) == 0
    assert opened == [tmp_path / "mine.hashiya", tmp_path / "data" / "hashiya" / "default.hashiya"]
    assert who == [None, "amal"]


# --- schema --------------------------------------------------------------------------------------
def _schema_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return [
            *conn.execute("SELECT * FROM labels ORDER BY name"),
            *conn.execute("SELECT * FROM attribute_defs ORDER BY kind, name"),
            *conn.execute("SELECT * FROM link_types ORDER BY name"),
        ]


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    """A project with a PERS entity, a quote whose speaker it is, and a quote.stance value."""
    db = tmp_path / "p.hashiya"
    start = ARTICLE_1.index("المساعدات")
    record = {
        "id": "doc-1",
        "text": ARTICLE_1,
        "entities": [
            {"id": "e1", "start": 11, "end": 32, "label": "ORG", "text": ARTICLE_1[11:32]}
        ],
        "quotes": [
            {
                "id": "q1",
                "start": start,
                "end": len(ARTICLE_1) - 1,
                "text": ARTICLE_1[start:-1],
                "type": "indirect",
                "speaker": {"entity": "e1"},
                "cue": None,
            }
        ],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", "--db", db, path).returncode == 0
    return db


def test_schema_out_writes_the_project_schema(tmp_path: Path, annotated: Path) -> None:
    from annotation.schema import load_default_schema

    out = tmp_path / "schema.json"
    proc = run("schema", "--db", annotated, "--out", out)
    no_traceback(proc)
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(out.read_text(encoding="utf-8")) == load_default_schema().to_dict()
    assert "الأمم" not in out.read_text(encoding="utf-8")  # the schema only, no annotations
    # --load of what --out wrote changes nothing
    before = _schema_rows(annotated)
    proc = run("schema", "--db", annotated, "--load", out)
    assert proc.returncode == 0, proc.stderr
    assert _schema_rows(annotated) == before


def test_schema_load_replaces_it_and_a_new_project_can_start_from_it(
    tmp_path: Path, annotated: Path
) -> None:
    from annotation.schema import load_default_schema

    data = load_default_schema().to_dict()
    data["labels"] = [lab for lab in data["labels"] if lab["name"] != "CURR"]  # not in use
    data["attributes"].append(
        {
            "kind": "entity",
            "name": "role",
            "values": ["main", "minor"],
            "default": "minor",
            "title": "دور",
        }
    )
    data["link_types"].append(
        {
            "name": "same_as",
            "from": ["entity"],
            "to": ["entity"],
            "max_per_source": None,
            "title": "",
        }
    )
    path = tmp_path / "new.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for db in (annotated, tmp_path / "fresh.hashiya"):
        proc = run("schema", "--db", db, "--load", path)
        no_traceback(proc)
        assert proc.returncode == 0, proc.stderr
        out = tmp_path / "back.json"
        assert run("schema", "--db", db, "--out", out).returncode == 0
        assert json.loads(out.read_text(encoding="utf-8")) == data


def _variant(change) -> dict:
    from annotation.schema import load_default_schema

    data = load_default_schema().to_dict()
    change(data)
    return data


SCHEMA_REFUSALS = [
    ("not json", "{kinds: []", "not valid JSON"),
    ("not an object", "[]", "must be a JSON object"),
    ("missing labels", _variant(lambda d: d.pop("labels")), "invalid label schema"),
    (
        "duplicate label",
        _variant(lambda d: d["labels"].append(dict(d["labels"][0]))),
        "duplicate label PERS",
    ),
    (
        "default not a value",
        _variant(lambda d: d["attributes"][0].update(default="both")),
        "default 'both'",
    ),
    (
        "numbers as values",
        _variant(lambda d: d["attributes"][0].update(values=[1, 2], default=1)),
        "strings",
    ),
    (
        "bad max_per_source",
        _variant(lambda d: d["link_types"][0].update(max_per_source="one")),
        "max_per_source",
    ),
    (
        "unknown kind in link",
        _variant(lambda d: d["link_types"][0].update(to=["person"])),
        "unknown kind",
    ),
    (
        "label in use removed",
        _variant(lambda d: d.update(labels=[x for x in d["labels"] if x["name"] != "ORG"])),
        "label ORG is used by 1 annotations",
    ),
    (
        "label in use changes kind",
        _variant(lambda d: d["labels"][1].update(kind="mention")),
        "label ORG is used",
    ),
    (
        "link type in use removed",
        _variant(lambda d: d["link_types"].pop(0)),
        "link type speaker is used by 1 links",
    ),
    (
        "link kinds narrowed",
        _variant(lambda d: d["link_types"][0].update(to=["mention"])),
        "1 speaker links join a quote to a entity",
    ),
    (
        "value in use not allowed",
        _variant(lambda d: d["attributes"][0].update(values=["direct"])),
        "quote.type = 'indirect' is used by 1 annotations",
    ),
    (
        "attribute in use removed",
        _variant(lambda d: d["attributes"].pop(0)),
        "attribute quote.type is used",
    ),
    (
        "kind removed",
        _variant(
            lambda d: d.update(
                kinds=[k for k in d["kinds"] if k["name"] != "cue"],
                labels=[x for x in d["labels"] if x["name"] != "CUE"],
                link_types=[lt for lt in d["link_types"] if lt["name"] != "cue"],
            )
        ),
        "kind cue is missing",
    ),
]


@pytest.mark.parametrize(
    ("case", "content", "reason"), SCHEMA_REFUSALS, ids=[c for c, _, _ in SCHEMA_REFUSALS]
)
def test_schema_load_refusals_are_one_line_and_change_nothing(
    tmp_path: Path, annotated: Path, case: str, content: object, reason: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    before = _schema_rows(annotated)
    proc = run("schema", "--db", annotated, "--load", path)
    no_traceback(proc)
    assert proc.returncode == 1, case
    (line,) = proc.stderr.strip().split("\n")
    assert line.startswith(f"{path}: ") and reason in line, line
    assert proc.stdout == ""
    assert _schema_rows(annotated) == before


def test_schema_errors_and_usage(tmp_path: Path, annotated: Path) -> None:
    missing = tmp_path / "missing.hashiya"
    proc = run("schema", "--db", missing, "--out", tmp_path / "s.json")
    assert proc.returncode == 1 and proc.stderr.strip() == f"{missing}: no such project file"
    assert not missing.exists()
    proc = run("schema", "--db", missing, "--load", tmp_path / "nothing.json")
    assert proc.returncode == 1 and proc.stderr.strip().startswith(f"{tmp_path / 'nothing.json'}: ")
    assert not missing.exists()  # an unreadable schema creates no project
    proc = run("schema", "--db", annotated, "--out", tmp_path)
    assert proc.returncode == 1 and "is a folder" in proc.stderr
    for args in (
        ("schema", "--db", annotated),
        ("schema", "--db", annotated, "--out", tmp_path / "a.json", "--load", tmp_path / "b.json"),
        ("schema", "--out", tmp_path / "a.json"),
    ):
        proc = run(*args)
        no_traceback(proc)
        assert proc.returncode == 2 and "usage:" in proc.stderr, args
