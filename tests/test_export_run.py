"""storage.export_run: the export choices of the command line as data, for the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage import export_run
from storage.export_run import ExportOptions, ExportRefused
from storage.formats.interop import EXPORT_FORMATS
from tests.conftest import ROOT
from tests.test_export import rich  # noqa: F401 - the fixture: a project with every kind


def test_every_cli_format_is_offered() -> None:
    help_text = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    choices = help_text.split("--format {", 1)[1].split("}", 1)[0].split(",")
    assert sorted(choices) == sorted(export_run.FORMATS)


@pytest.mark.parametrize("fmt", export_run.FORMATS)
def test_options_per_format(fmt: str) -> None:
    allowed = export_run.options_for(fmt)
    assert {"status", "layer"} <= allowed
    assert ("layout" in allowed) == (fmt == "doccano")
    assert ("as_predictions" in allowed) == (fmt == "label-studio")
    assert ("split" in allowed) == (fmt in EXPORT_FORMATS)
    assert ("kinds" in allowed) == (fmt in EXPORT_FORMATS)
    assert ("offsets" in allowed) == (fmt in EXPORT_FORMATS[1:])


def test_refusals_are_the_command_lines(tmp_path: Path) -> None:
    out = tmp_path / "x.conll"
    with pytest.raises(ExportRefused, match="--split is not available for --format conll"):
        export_run.check(ExportOptions(fmt="conll", split=(("train", 1.0),)), out)
    with pytest.raises(ExportRefused, match="--layout is for --format doccano"):
        export_run.check(ExportOptions(fmt="prodigy", layout="labels"), out)
    with pytest.raises(ExportRefused, match="is a folder"):
        export_run.check(ExportOptions(), tmp_path)
    export_run.check(ExportOptions(fmt="brat"), tmp_path)  # a folder format takes a folder
    with pytest.raises(ExportRefused, match="no kinds"):
        export_run.check(ExportOptions(kinds=()), out)


def test_a_split_export_is_the_command_lines(rich, tmp_path: Path) -> None:  # noqa: F811
    options = ExportOptions(
        fmt="native", split=export_run.parse_split("train=0.5,test=0.5"), seed=7
    )
    mine = tmp_path / "mine"
    outcome = export_run.run(rich, mine, options)
    assert outcome.documents == 3
    cli = tmp_path / "cli"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--db", str(rich.path), "--out",
         str(cli), "--split", "train=0.5,test=0.5", "--seed", "7"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    for name in ("train.jsonl", "test.jsonl", "README.md"):
        assert (mine / name).read_bytes() == (cli / name).read_bytes(), name


def test_unwritable_output_is_one_line(rich, tmp_path: Path) -> None:  # noqa: F811
    with pytest.raises(ExportRefused) as info:
        export_run.run(rich, tmp_path / "missing" / "deeper" / "x.jsonl", ExportOptions())
    assert "\n" not in str(info.value) and "x.jsonl" in str(info.value)
