"""python main.py search: hits with exact offsets for scripts, read-only."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import main
from annotation.documents import Document
from storage.project import Project

TEXTS = [
    "قال مصدر إن الأَسَد التقى وفداً روسياً في دمشق.",
    "لا شيء عن الموضوع هنا.",
    "ودعا المعارضون للأسد إلى التنحي،\nوقال آخرون: «الأسد باقٍ».",
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.hashiya"
    with Project(path, annotator="maker") as project:
        for i, text in enumerate(TEXTS):
            project.add_document(Document.create(text, f"{i}.txt"))
    return path


def test_hits_are_tab_separated_with_code_point_offsets(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["search", "--db", str(db), "الاسد"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    by_id = {Document.create(t, "").id: t for t in TEXTS}
    found = []
    for line in lines:
        doc_id, start, end, context = line.split("\t")
        text = by_id[doc_id]
        found.append(text[int(start) : int(end)])
        assert f"[{text[int(start) : int(end)]}]" in context and "\n" not in context
    assert found == ["الأَسَد", "للأسد", "الأسد"]


def test_json_lines_limit_and_options(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["search", "--db", str(db), "الاسد", "--json", "--limit", "2"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in records] == ["الأَسَد", "للأسد"]
    assert set(records[0]) == {"document", "start", "end", "text", "left", "right"}
    assert records[1]["left"].endswith("المعارضون ")
    assert main.main(["search", "--db", str(db), "الاسد", "--no-proclitics"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    argv = ["search", "--db", str(db), "الاسد", "--boundary", "strip_clitics", "--json"]
    assert main.main(argv) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in records] == ["الأَسَد", "أسد", "الأسد"]  # للأسد: both lams go
    assert main.main(["search", "--db", str(db), "بوتين"]) == 0  # nothing found is no error
    assert capsys.readouterr().out == ""


def test_usage_and_missing_project(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["search", "--db", str(db), " \u064e "]) == 2
    assert "nothing to search for" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main.main(["search", "--db", str(db), "الاسد", "--limit", "0"])
    assert exc.value.code == 2 and "positive whole number" in capsys.readouterr().err
    assert main.main(["search", "--db", str(db.with_name("nope.hashiya")), "الاسد"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.hashiya" in err


def test_search_writes_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    monkeypatch.setenv("USER", "reader")
    assert main.main(["search", "--db", str(db), "الاسد"]) == 0
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT name FROM annotators")] == ["maker"]
    conn.close()
