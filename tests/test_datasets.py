"""Dataset splits by document, reproducible for a seed, with a dataset card."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from interop_support import make_project, numbered_record

from main import main
from storage.datasets import SplitError, parse_split, split_documents
from storage.formats.interop import export_project

ROOT = Path(__file__).resolve().parent.parent


def _records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        r = numbered_record(i, f"\nالخبر رقم {i}.")
        folder = ("sana", "spa", "wam")[i % 3]
        r["meta"] = {"source": f"{folder}/{i}.txt", "status": "done"}
        out.append(r)
    return out


def test_parse_split() -> None:
    assert parse_split("train=0.8,dev=0.1,test=0.1") == (
        ("train", 0.8),
        ("dev", 0.1),
        ("test", 0.1),
    )
    for bad in ("train=0.8,dev=0.1", "train", "train=x,dev=1", "a/b=1", "a=0.5,a=0.5", ""):
        with pytest.raises(SplitError):
            parse_split(bad)


def test_split_by_document_reproducible_and_complete() -> None:
    docs = [(f"d{i}", f"src{i % 4}/x{i}.txt") for i in range(50)]
    ratios = parse_split("train=0.8,dev=0.1,test=0.1")
    a = split_documents(docs, ratios, seed=13)
    assert split_documents(docs, ratios, seed=13) == a
    assert split_documents(docs, ratios, seed=14) != a
    assert [len(a[n]) for n in ("train", "dev", "test")] == [40, 5, 5]
    assert sorted(sum(a.values(), [])) == sorted(d for d, _ in docs)
    strat = split_documents(docs, ratios, seed=13, stratify="source")
    for folder in ("src0", "src1", "src2", "src3"):
        per = {
            n: sum(1 for d in ids if f"src{int(d[1:]) % 4}" == folder) for n, ids in strat.items()
        }
        # 12 or 13 documents per folder: 10 train, 1 dev, 1 test (+1 to train or dev)
        assert per["train"] >= 10 and per["dev"] >= 1 and per["test"] >= 1


def test_split_export_and_card(tmp_path: Path) -> None:
    project = make_project(tmp_path, _records(20))
    project.set_setting("licence", "CC BY 4.0")
    out = tmp_path / "ds"
    result = export_project(
        project, "native", out, split=parse_split("train=0.8,dev=0.1,test=0.1"), seed=13
    )
    assert [p.name for p in result.paths] == ["train.jsonl", "dev.jsonl", "test.jsonl", "README.md"]
    ids = {
        n: [
            json.loads(x)["id"]
            for x in (out / f"{n}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for n in ("train", "dev", "test")
    }
    assert [len(ids[n]) for n in ("train", "dev", "test")] == [16, 2, 2]
    assert len(set(sum(ids.values(), []))) == 20
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and "seed 13" in card
    assert "| entity GPE | 64 | 8 | 8 | 80 |" in card
    assert "| quotes | 16 | 2 | 2 | 20 |" in card
    assert "| PERS | entity |" in card
    # the same seed writes the same files
    again = tmp_path / "ds2"
    export_project(
        project, "native", again, split=parse_split("train=0.8,dev=0.1,test=0.1"), seed=13
    )
    assert (again / "train.jsonl").read_bytes() == (out / "train.jsonl").read_bytes()


def test_split_export_streams_each_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each split is written from a stream of its own records (no list of the project's
    records), and the files are what cutting the exported records themselves gives: same
    documents, same order, the undecided one left out of every split and reported."""
    from annotation.spans import Span
    from storage.exporter import dumps_record, export_records, exported_documents
    from storage.formats import interop
    from storage.project import Project
    from storage.session import DocumentSession

    records = _records(12)
    records[4]["meta"]["status"] = "new"
    project = make_project(tmp_path, records)
    undecided_id = records[7]["id"]
    with Project(project.path, annotator="bilal") as other:  # a second layer, no gold
        DocumentSession(other, undecided_id).add(
            [Span("bilal-1", undecided_id, "entity", "PERS", 0, 3)]
        )
    written: list[object] = []
    real_write = interop._write

    def recorded(fmt, records, out, ctx):  # type: ignore[no-untyped-def]
        written.append(records)
        return real_write(fmt, records, out, ctx)

    monkeypatch.setattr(interop, "_write", recorded)
    ratios = parse_split("train=0.5,dev=0.25,test=0.25")
    out = tmp_path / "ds"
    result = export_project(
        project, "native", out, status="done", split=ratios, seed=5, stratify="source"
    )
    assert len(written) == 3 and not any(isinstance(r, list | tuple) for r in written)
    assert result.undecided == [undecided_id]
    undecided: list[str] = []
    everything = list(export_records(project, status="done", undecided=undecided))
    assert undecided == [undecided_id] and len(everything) == 10
    assert list(exported_documents(project, status="done")) == [
        (r["id"], r["meta"]["source"]) for r in everything
    ]
    cut = split_documents([(r["id"], r["meta"]["source"]) for r in everything], ratios, 5, "source")
    by_id = {r["id"]: r for r in everything}
    for name, _ in ratios:
        expected = "".join(dumps_record(by_id[d]) + "\n" for d in cut[name])
        assert (out / f"{name}.jsonl").read_text(encoding="utf-8") == expected
    assert result.documents == 10


def test_split_loads_with_hugging_face_datasets(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    project = make_project(tmp_path, _records(10))
    out = tmp_path / "ds"
    export_project(project, "native", out, split=parse_split("train=0.8,dev=0.1,test=0.1"))
    ds = datasets.load_dataset(
        "json",
        data_files={n: str(out / f"{n}.jsonl") for n in ("train", "dev", "test")},
        cache_dir=str(tmp_path / "hf-cache"),
    )
    assert {n: ds[n].num_rows for n in ds} == {"train": 8, "dev": 1, "test": 1}
    row = ds["train"][0]
    ent = row["entities"][0]
    assert row["text"][ent["start"] : ent["end"]] == ent["text"]
    assert row["claims"][2]["claimant"]["article"] is True


def test_cli_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, _records(5))
    db = project.path
    project.close()
    out = tmp_path / "ds"
    args = [
        "export",
        "--db",
        str(db),
        "--out",
        str(out),
        "--split",
        "train=0.6,test=0.4",
        "--seed",
        "3",
    ]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "test.jsonl", "train.jsonl"]
    assert main([*args[:-4], "--split", "train=0.6"]) == 2
    assert "add up to 0.6" in capsys.readouterr().err


def test_cli_split_in_a_fresh_process(tmp_path: Path) -> None:
    """No traceback, exit 2, for a bad --split (the command line never imports Qt)."""
    project = make_project(tmp_path, _records(2))
    db = project.path
    project.close()
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export",
            "--db",
            str(db),
            "--out",
            str(tmp_path / "o"),
            "--split",
            "train=2",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_card_states_agreement_when_two_annotators_finished_a_document(tmp_path: Path) -> None:
    from annotation.documents import Document
    from annotation.layers import parse_layer
    from annotation.spans import Span, new_id
    from storage.project import Project
    from storage.session import DocumentSession
    from storage.team import assign, merge

    text = "قال الرئيس بوتين في موسكو إن الاتفاق قريب."
    lead = Project(tmp_path / "lead.hashiya", annotator="lead")
    lead.add_document(Document.create(text, "agency/1.txt"))
    doc_id = lead.document_ids()[0]
    _, files = assign(lead, ["amal", "bilal"], tmp_path / "team", overlap=1.0, seed=1)
    for name, label in (("amal", "GPE"), ("bilal", "LOC")):
        with Project(files[name], annotator=name) as p:
            s = text.index("موسكو")
            DocumentSession(p, doc_id).add(
                [Span(new_id(), doc_id, "entity", label, s, s + 5, {})], []
            )
            p.set_status(doc_id, "done")
    assert merge(lead, [tmp_path / "team"]).ok
    out = tmp_path / "ds"
    result = export_project(
        lead, "native", out, split=parse_split("train=1"), layer=parse_layer("all")
    )
    assert result.documents == 1
    card = (out / "README.md").read_text(encoding="utf-8")
    agreement = card.split("## Agreement", 1)[1]
    assert "amal" in agreement and "bilal" in agreement and "```" in agreement


def test_card_says_when_agreement_is_not_known(tmp_path: Path) -> None:
    project = make_project(tmp_path, _records(2))
    export_project(project, "native", tmp_path / "ds", split=parse_split("train=1"))
    card = (tmp_path / "ds" / "README.md").read_text(encoding="utf-8")
    assert "Not known: no document was marked done by two or more annotators." in card


def test_card_carries_the_projects_guidelines(tmp_path: Path) -> None:
    from storage.guidelines import write_guidelines

    project = make_project(tmp_path, _records(5))
    out = tmp_path / "ds0"
    export_project(project, "native", out, split=parse_split("train=0.8,test=0.2"), seed=1)
    assert "None written in the project" in (out / "README.md").read_text(encoding="utf-8")
    write_guidelines(project, "# دليل\n\n## GPE\nدولة أو مدينة.\n")
    out = tmp_path / "ds1"
    export_project(project, "native", out, split=parse_split("train=0.8,test=0.2"), seed=1)
    card = (out / "README.md").read_text(encoding="utf-8")
    guide = card[card.index("## Annotation guidelines") :]
    assert "### دليل" in guide and "#### GPE" in guide and "دولة أو مدينة." in guide
