"""Prodigy JSONL: tokens, spans with inclusive token_end, relations, answer; clitic policy."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from interop_support import TEXT, add_labels, at, make_project, project_canonical, project_meta

from storage.formats.interop import export_project, import_files
from storage.project import Project

DATA = Path(__file__).parent / "data" / "interop" / "prodigy"


def test_round_trip_with_split_clitics(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "p.jsonl"
    result = export_project(src, "prodigy", out, clitics="split")
    # the nested entity and claims inside the quote overlap: valid, but not for ner.manual
    assert set(result.losses) == {
        "nested or overlapping spans (spans.manual shows them, ner.manual cannot)"
    }
    task = json.loads(out.read_text(encoding="utf-8"))
    for span in task["spans"]:
        first, last = task["tokens"][span["token_start"]], task["tokens"][span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
    assert "ب" in [t["text"] for t in task["tokens"]] and "روسيا" in [
        t["text"] for t in task["tokens"]
    ]
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "prodigy", [out])
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def test_keep_clitics_widens_and_says_so(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "p.jsonl"
    result = export_project(src, "prodigy", out, clitics="keep")
    assert (
        result.losses["spans widened to whole tokens (try --clitics split)"] == 2
    )  # روسيا, a claim
    task = json.loads(out.read_text(encoding="utf-8"))
    gpe = [TEXT[s["start"] : s["end"]] for s in task["spans"] if s["label"] == "GPE"]
    assert "بروسيا" in gpe  # the strip_clitics span دمشق, widened to its token


def test_reads_a_task_prodigy_saved(tmp_path: Path) -> None:
    dst = Project(tmp_path / "dst.hashiya")
    add_labels(dst, ["FASHION_BRAND"])
    report = import_files(dst, "prodigy", [DATA / "fashion_brands_line2.jsonl"])
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    text = dst.document(doc_id).text
    assert [(text[s.start : s.end], s.label) for s in dst.spans(doc_id)] == [
        ("SLP", "FASHION_BRAND")
    ]


def test_rejected_tasks_and_bad_token_end(tmp_path: Path) -> None:
    s, e = at("بوتين")
    rows = [
        {"text": TEXT, "spans": [{"start": s, "end": e, "label": "PERS"}], "answer": "reject"},
        {
            "text": TEXT,
            "tokens": [{"text": "x", "start": s, "end": e, "id": 0}],
            "spans": [{"start": s, "end": e, "token_start": 0, "token_end": 1, "label": "PERS"}],
        },
    ]
    f = tmp_path / "t.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    losses: Counter[str] = Counter()
    report = import_files(dst, "prodigy", [f], losses=losses)
    assert [(r.line, "token_end" in r.reason) for r in report.refused] == [(2, True)]
    assert losses == Counter({"tasks answered 'reject' left out": 1})
    assert dst.document_ids() == []
