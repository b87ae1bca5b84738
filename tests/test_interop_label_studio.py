"""Label Studio JSON tasks: round trips as annotations and as predictions, the labeling
config, and a task file Label Studio's authors published."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from interop_support import TEXT, add_labels, at, make_project, project_canonical, project_meta

from storage.formats.interop import export_project, import_files
from storage.project import Project

DATA = Path(__file__).parent / "data" / "interop" / "label_studio"


@pytest.mark.parametrize("predictions", [False, True])
def test_round_trip(tmp_path: Path, predictions: bool) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "tasks.json"
    result = export_project(src, "label-studio", out, as_predictions=predictions)
    assert result.documents == 1 and not result.losses
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    key = "predictions" if predictions else "annotations"
    assert set(task) == {"id", "data", key}
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "label-studio", [out])
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def _check_result_against_config(task: dict, config: str) -> None:
    """What Label Studio checks when it imports a task: every result item names a control of
    the config (from_name, of the right tag type) and its object (to_name), labels and choices
    are values the control lists, relation labels are listed Relations, and the region's text
    is text[start:end]."""
    root = ET.fromstring(config)
    controls = {el.get("name"): el for el in root.iter() if el.get("name")}
    relations = {el.get("value") for el in root.iter("Relation")}
    tag_of = {"labels": "Labels", "choices": "Choices", "textarea": "TextArea"}
    text = task["data"]["text"]
    region_ids = set()
    for item in next(iter(task.get("annotations") or task["predictions"]))["result"]:
        if item["type"] == "relation":
            assert set(item["labels"]) <= relations
            assert {item["from_id"], item["to_id"]} <= region_ids
            continue
        control = controls[item["from_name"]]
        assert control.tag == tag_of[item["type"]]
        assert item["to_name"] == "text" and controls["text"].tag == "Text"
        value = item["value"]
        allowed = {c.get("value") for c in control}
        if item["type"] == "labels":
            assert set(value["labels"]) <= allowed
            assert text[value["start"] : value["end"]] == value["text"]
            region_ids.add(item["id"])
        elif item["type"] == "choices":
            assert set(value["choices"]) <= allowed and item["id"] in region_ids
            assert control.get("perRegion") == "true"


def test_export_fits_the_labeling_config(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "tasks.json"
    export_project(src, "label-studio", out)
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    _check_result_against_config(task, config)
    kinds = {i["from_name"] for i in task["annotations"][0]["result"] if "from_name" in i}
    assert {"quote_type", "claim_checkworthy", "claim_note", "entity_boundary"} <= kinds


def test_reads_label_studios_own_task(tmp_path: Path) -> None:
    dst = Project(tmp_path / "dst.hashiya")
    add_labels(dst, ["INGREDIENT"])
    report = import_files(dst, "label-studio", [DATA / "348.json"])
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    text = dst.document(doc_id).text
    task = json.loads((DATA / "348.json").read_text(encoding="utf-8"))
    want = sorted(
        (r["value"]["start"], r["value"]["end"], r["value"]["text"])
        for r in task["completions"][0]["result"]
    )
    got = sorted((s.start, s.end, text[s.start : s.end]) for s in dst.spans(doc_id))
    assert got == want and len(got) == 38


def test_span_text_mismatch_names_the_unit(tmp_path: Path) -> None:
    s, e = at("بوتين")
    units = len(TEXT[:s].encode("utf-16-le")) // 2
    task = {
        "data": {"text": TEXT},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "type": "labels",
                        "from_name": "label",
                        "to_name": "text",
                        "value": {
                            "start": units,
                            "end": units + 5,
                            "text": "بوتين",
                            "labels": ["PERS"],
                        },
                    }
                ]
            }
        ],
    }
    f = tmp_path / "t.json"
    f.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "label-studio", [f])
    (refusal,) = report.refused
    assert "try --offsets utf16" in refusal.reason and dst.document_ids() == []
    assert import_files(dst, "label-studio", [f], offsets="utf16").ok


def test_refusal_names_the_line_where_the_task_starts(tmp_path: Path) -> None:
    good = {"data": {"text": "وصل بوتين"}, "annotations": []}
    bad = {
        "data": {"text": "وصل كيري"},
        "annotations": [
            {
                "result": [
                    {
                        "type": "labels",
                        "id": "x",
                        "value": {"start": 4, "end": 8, "text": "كيري", "labels": ["NOPE"]},
                    }
                ]
            }
        ],
    }
    f = tmp_path / "t.json"
    f.write_text(json.dumps([good, bad], ensure_ascii=False, indent=1), encoding="utf-8")
    line = next(
        i
        for i, t in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
        if t == " {" and i > 2
    )
    report = import_files(Project(tmp_path / "d.hashiya"), "label-studio", [f])
    (refusal,) = report.refused
    assert refusal.line == line and refusal.reason.startswith("task 2: ")


def test_the_export_written_task_by_task_is_the_json_of_the_whole_list(tmp_path: Path) -> None:
    from storage.importer import FileResult, import_text

    src = make_project(tmp_path)
    for i, text in enumerate(("زار الوزير جدة.", "وقال المتحدث\nإن الاجتماع انتهى.")):
        import_text(src, text, f"extra-{i}.txt", FileResult(tmp_path / f"extra-{i}.txt"))
    out = tmp_path / "tasks.json"
    result = export_project(src, "label-studio", out)
    assert result.documents == 3
    written = out.read_text(encoding="utf-8")
    tasks = json.loads(written)
    assert [t["id"] for t in tasks] == [1, 2, 3]
    assert written == json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
