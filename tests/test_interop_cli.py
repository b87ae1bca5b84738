"""The shared Arabic document through every format on the command line and back, with
exactly the same spans; losses and refusals as one line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from interop_support import make_project, project_canonical, project_meta

from main import main
from storage.project import Project

FORMATS = [
    ("doccano", "out.jsonl", []),
    ("label-studio", "tasks.json", []),
    ("label-studio", "preds.json", ["--as-predictions"]),
    ("brat", "brat", []),
    ("prodigy", "tasks.jsonl", ["--clitics", "split"]),
    ("spacy", "train.spacy", ["--clitics", "split"]),
    ("inception", "xmi", ["--clitics", "split"]),
]


@pytest.mark.parametrize(("fmt", "name", "extra"), FORMATS)
def test_every_format_and_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, extra: list[str]
) -> None:
    if fmt in ("spacy", "inception"):
        pytest.importorskip("spacy" if fmt == "spacy" else "cassis")
    src = make_project(tmp_path)
    want = project_canonical(src)
    db = src.path
    src.close()
    out = tmp_path / name
    assert main(["export", "--db", str(db), "--format", fmt, "--out", str(out), *extra]) == 0
    captured = capsys.readouterr()
    assert "exported 1 document, 10 spans" in captured.out
    for line in captured.err.splitlines():  # losses: one line each, named by the format
        assert line.startswith(f"{fmt}: ")
    dst = tmp_path / "dst.hashiya"
    assert main(["import", "--db", str(dst), "--format", fmt, str(out)]) == 0
    assert "imported 1 document, 10 spans" in capsys.readouterr().out
    with Project(dst) as project:
        assert project_canonical(project) == want
        assert project_meta(project) == [("agency/arabic-test.txt", "in_progress")]


def test_refusal_is_one_line_with_the_hint_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "bad.jsonl"
    text = "😀 وصل بوتين"
    s = text.index("بوتين") + 1  # a UTF-16 offset read as code points
    f.write_text(
        json.dumps({"text": text, "label": [[s, s + 5, "PERS"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.hashiya"
    code = main(
        ["import", "--db", str(db), "--format", "doccano", "--offsets", "codepoints", str(f)]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"{f}: line 1: ") and "try --offsets utf16" in err[0]
    assert main(["import", "--db", str(db), "--format", "doccano", str(f)]) == 0


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_project(tmp_path)
    db = src.path
    src.close()
    base = ["export", "--db", str(db), "--out", str(tmp_path / "o")]
    assert main([*base, "--format", "brat", "--layout", "labels"]) == 2
    assert main([*base, "--format", "doccano", "--as-predictions"]) == 2
    assert main([*base, "--format", "conll", "--split", "train=1"]) == 2
    assert main([*base, "--format", "inception", "--offsets", "codepoints"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 4


def test_split_in_a_folder_format(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    db = src.path
    src.close()
    out = tmp_path / "ds"
    assert (
        main(
            [
                "export",
                "--db",
                str(db),
                "--format",
                "brat",
                "--out",
                str(out),
                "--split",
                "train=0.5,test=0.5",
            ]
        )
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "test", "train"]
    anns = [p.parent.name for p in out.glob("*/*.ann")]
    assert anns == ["train"]  # one document: 0.5 of it rounds to the first split
    assert "- format: `brat`" in (out / "README.md").read_text(encoding="utf-8")


def test_missing_spacy_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    src = make_project(tmp_path)
    db = src.path
    src.close()
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy raises ImportError
    out = tmp_path / "x.spacy"
    assert main(["export", "--db", str(db), "--format", "spacy", "--out", str(out)]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "spacy: needs spacy, which is not installed (pip install spacy==3.8.18)"
    assert not out.exists()


def test_layer_all_says_the_annotator_is_not_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = make_project(tmp_path)
    db = src.path
    src.close()
    out = tmp_path / "o.jsonl"
    args = ["export", "--db", str(db), "--format", "doccano", "--out", str(out), "--layer", "all"]
    assert main(args) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["doccano: 10 spans' annotator not kept (the format holds one layer)"]


@pytest.mark.parametrize("fmt", ["brat", "inception", "doccano"])
def test_a_path_that_gives_nothing_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """An empty folder (or a zip without an XMI) imports nothing: said, with exit status 1."""
    import zipfile

    empty = tmp_path / "empty"
    empty.mkdir()
    paths = [empty]
    if fmt == "inception":
        with zipfile.ZipFile(tmp_path / "no-xmi.zip", "w") as zf:
            zf.writestr("notes.txt", "لا شيء هنا")
        paths.append(tmp_path / "no-xmi.zip")
    code = main(["import", "--db", str(tmp_path / "p.hashiya"), "--format", fmt, *map(str, paths)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(lines) == len(paths)
    for path, line in zip(paths, lines, strict=True):
        assert line.startswith(str(path)) and f"nothing to import: no {fmt} document" in line
