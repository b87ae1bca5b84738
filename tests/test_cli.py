"""The command line as a user runs it: subprocesses, exit codes 0/1/2, one stderr line per
refusal, no tracebacks, project files that are not ours left byte for byte unchanged."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotation.documents import sha256_of

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"

ARTICLE_1 = "قالت المتحدثة باسم الأمم المتحدة إن المساعدات وصلت إلى غزة صباح اليوم."
ARTICLE_2 = "أعلن البنك المركزي رفع سعر الفائدة ربع نقطة مئوية."


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, str(MAIN), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd or ROOT, env=env, timeout=120,
    )


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_1, encoding="utf-8")
    (folder / "b.txt").write_bytes(ARTICLE_2.replace(" ", "\r\n", 1).encode("cp1256"))
    return folder


def test_import_everything_taken_exits_0(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    proc = run("import", "--db", db, articles)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.strip().splitlines()[-1] == "imported 2 documents, 0 spans; skipped 0; refused 0"
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
    assert proc.stdout.strip().splitlines()[-1] == "imported 0 documents, 0 spans; skipped 1; refused 0"


def test_refusals_exit_1_one_stderr_line_each_others_imported(tmp_path: Path, articles: Path) -> None:
    (articles / "empty.txt").write_bytes(b"")
    (articles / "nul.txt").write_bytes(b"\x00\x01binary")
    good = {"id": "doc-good", "text": "خبر عاجل من بيروت."}
    bad = {"id": "doc-bad", "text": "خبر آخر.", "entities": [{"id": "e", "start": 0, "end": 99,
                                                             "label": "GPE", "text": "x"}]}
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
    assert any(line.startswith(f"{articles / 'c.jsonl'}: line 2: ") and "out of range" in line for line in lines)
    for name in ("empty.txt", "nul.txt", "nowhere.txt: no such file", "table.csv: unsupported file type"):
        assert sum(name in line for line in lines) == 1, name
    assert proc.stdout.strip().splitlines()[-1] == "imported 3 documents, 0 spans; skipped 0; refused 5"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ("import",),  # no --db, no files
        ("import", "--db", tmp_path / "p.hashiya"),  # no files
        ("import", "--db", tmp_path / "p.hashiya", "--format", "csv", "x.txt"),
        ("export", "--db", tmp_path / "p.hashiya"),  # no --out
        ("export", "--db", tmp_path / "p.hashiya", "--out", tmp_path / "o.jsonl", "--status", "finished"),
        ("export", "--db", tmp_path / "p.hashiya", "--out", tmp_path / "o.jsonl", "--kinds", "entity"),
        ("frobnicate",),
    ):
        proc = run(*args)
        no_traceback(proc)
        assert proc.returncode == 2, args
        assert "usage:" in proc.stderr
    assert not (tmp_path / "p.hashiya").exists()


def test_export_with_filters(tmp_path: Path, articles: Path) -> None:
    db = tmp_path / "p.hashiya"
    record = {
        "id": "doc-r", "text": "قال الرئيس سمير إن الوضع مستقر.",
        "meta": {"source": "r.txt", "status": "done"},
        "entities": [{"id": "e1", "start": 11, "end": 15, "label": "PERS", "text": "سمير"}],
        "quotes": [{"id": "q1", "start": 19, "end": 30, "text": "الوضع مستقر", "type": "indirect",
                    "speaker": {"entity": "e1"}, "cue": {"start": 0, "end": 3, "text": "قال"}}],
    }
    (articles / "r.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
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
    for args in (("import", "--db", db, articles), ("export", "--db", db, "--out", tmp_path / "o.jsonl")):
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
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "0 0 []"


def test_window_gets_the_db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a subcommand main opens the window (ui.app.run_gui), with --db or the default."""
    import types

    import main

    opened: list[Path] = []
    fake = types.ModuleType("ui.app")
    fake.run_gui = lambda path: opened.append(path) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main.main(["--db", str(tmp_path / "mine.hashiya")]) == 0
    assert main.main([]) == 0
    assert opened == [tmp_path / "mine.hashiya", tmp_path / "data" / "hashiya" / "default.hashiya"]
