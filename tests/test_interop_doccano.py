"""doccano JSONL: round trips, offset units, CRLF, and files doccano's authors published."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from interop_support import (
    CRLF_TEXT,
    TEXT,
    add_labels,
    arabic_record,
    at,
    make_project,
    project_canonical,
    project_meta,
)

from storage.formats.interop import export_project, import_files
from storage.project import Project

DATA = Path(__file__).parent / "data" / "interop" / "doccano"


@pytest.mark.parametrize("unit", ["utf16", "codepoints", "graphemes"])
def test_round_trip_every_offset_unit(tmp_path: Path, unit: str) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "out.jsonl"
    result = export_project(src, "doccano", out, offsets=unit)
    assert result.documents == 1 and not result.losses
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "doccano", [out], offsets=unit)
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def test_utf16_is_the_default_and_counts_surrogates(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "out.jsonl"
    export_project(src, "doccano", out)
    line = json.loads(out.read_text(encoding="utf-8"))
    s, e = at("بوتين")
    pers = [x for x in line["entities"] if x["label"] == "PERS"][0]
    # 😀 is 2 UTF-16 units, the flag 🇸🇦 is 4: 3 more units than code points before it
    assert (pers["start_offset"], pers["end_offset"]) == (s + 3, e + 3)
    assert (
        line["text"]
        .encode("utf-16-le")[2 * pers["start_offset"] : 2 * pers["end_offset"]]
        .decode("utf-16-le")
        == "بوتين"
    )


def test_wrong_unit_is_refused_with_a_hint(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "out.jsonl"
    export_project(src, "doccano", out, offsets="utf16", layout="labels")
    dst = Project(tmp_path / "dst.hashiya")
    # read as code points, the last span runs past the end of the text
    line = json.loads(out.read_text(encoding="utf-8"))
    line["label"] = [max(line["label"], key=lambda t: t[1])]
    out.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_files(dst, "doccano", [out], offsets="codepoints")
    assert not report.ok and dst.document_ids() == []
    (refusal,) = report.refused
    assert refusal.line == 1
    assert "try --offsets utf16" in refusal.reason


def test_crlf_text_counts_the_cr(tmp_path: Path) -> None:
    """A doccano line whose text has CRLF (offsets count the CR, as JavaScript does) is stored
    with LF and every span still covers the same characters."""
    words = [("حلب", "GPE"), ("مصر", "GPE"), ("روسيا", "GPE")]
    labels = []
    for word, label in words:
        s, e = at(word, text=CRLF_TEXT)
        units = len(CRLF_TEXT[:s].encode("utf-16-le")) // 2
        labels.append([units, units + len(word), label])
    f = tmp_path / "crlf.jsonl"
    f.write_text(
        json.dumps({"text": CRLF_TEXT, "label": labels}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    dst = Project(tmp_path / "dst.hashiya")
    assert import_files(dst, "doccano", [f]).ok
    (doc_id,) = dst.document_ids()
    assert dst.document(doc_id).text == TEXT
    got = sorted((TEXT[s.start : s.end], s.label) for s in dst.spans(doc_id))
    assert got == sorted(words)


def test_labels_layout_loses_links_loudly(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    result = export_project(src, "doccano", tmp_path / "o.jsonl", layout="labels")
    assert result.loss_lines() == ["doccano: 5 links left out (the labels layout has no relations)"]


def test_reads_doccanos_own_sample_files(tmp_path: Path) -> None:
    dst = Project(tmp_path / "dst.hashiya")
    add_labels(dst, ["ORG", "MISC", "PERSON", "DATE", "LOC"], ["foundedAt", "foundedBy"])
    losses: Counter[str] = Counter()
    report = import_files(
        dst,
        "doccano",
        [
            DATA / "sequence_labeling_export.jsonl",
            DATA / "relation_extraction_import.jsonl",
            DATA / "overlapping.jsonl",
        ],
        offsets="codepoints",
        losses=losses,
    )
    assert report.ok, report.refused
    texts = {}
    for doc_id in dst.document_ids():
        doc = dst.document(doc_id)
        texts[doc.text] = sorted((doc.text[s.start : s.end], s.label) for s in dst.spans(doc_id))
    assert texts["EU rejects German call to boycott British lamb."] == [
        ("EU", "ORG"),
        ("German", "MISC"),
    ]
    assert texts["President Obama"] == [("Obama", "PERSON")]
    google = "Google was founded on September 4, 1998, by Larry Page and Sergey Brin."
    assert texts[google] == [
        ("Google", "ORG"),
        ("Larry Page", "PERSON"),
        ("September 4, 1998", "DATE"),
        ("Sergey Brin", "PERSON"),
    ]
    doc_id = [d for d in dst.document_ids() if dst.document(d).text == google][0]
    by_id = {s.id: dst.document(doc_id).text[s.start : s.end] for s in dst.spans(doc_id)}
    assert sorted((lk.type, by_id[lk.source], by_id[lk.target]) for lk in dst.links(doc_id)) == [
        ("foundedAt", "Google", "September 4, 1998"),
        ("foundedBy", "Google", "Larry Page"),
        ("foundedBy", "Google", "Sergey Brin"),
    ]
    assert losses["identical spans (same label and offsets) read once"] == 1


def test_unknown_label_refuses_the_record_only(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    rows = [
        {"text": "وصل بوتين", "label": [[4, 9, "PERSON"]]},
        {"text": "وصل كيري", "label": [[4, 8, "PERS"]]},
    ]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "doccano", [f])
    assert [(r.line, "PERSON" in r.reason) for r in report.refused] == [(1, True)]
    assert len(dst.document_ids()) == 1


def test_arabic_record_is_the_shared_one() -> None:
    assert arabic_record()["text"] == TEXT


def test_a_broken_line_keeps_the_records_before_and_names_where_reading_stopped(
    tmp_path: Path,
) -> None:
    f = tmp_path / "x.jsonl"
    rows = [
        json.dumps({"text": "وصل كيري", "label": [[4, 8, "PERS"]]}, ensure_ascii=False),
        json.dumps({"text": "غادر لافروف", "label": [[5, 11, "PERS"]]}, ensure_ascii=False),
        '{"text": "سقط", "label": [[0, 3, "PERS"]',
        json.dumps({"text": "لن يقرأ", "label": []}, ensure_ascii=False),
    ]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "doccano", [f])
    assert len(report.imported) == 2 and len(dst.document_ids()) == 2
    (refusal,) = report.refused
    assert refusal.line is None
    assert refusal.reason.startswith("line 3: not valid JSON (")
    assert refusal.reason.endswith("; the rest of the file was not read")
