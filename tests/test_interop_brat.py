"""brat standoff: round trip, CRLF texts, annotation.conf, brat's own tutorial files, and a
public brat reader (pybrat) reading the export."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from interop_support import (
    CRLF_TEXT,
    TEXT,
    add_labels,
    at,
    make_project,
    project_canonical,
    project_meta,
)

from storage.formats.brat import read_conf
from storage.formats.interop import export_project, import_files
from storage.project import Project

DATA = Path(__file__).parent / "data" / "interop" / "brat"


def test_round_trip(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "brat"
    result = export_project(src, "brat", out)
    assert result.documents == 1 and not result.losses
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "annotation.conf",
        "doc-arabic-test.ann",
        "doc-arabic-test.txt",
        "hashiya-meta.json",
    ]
    assert (out / "doc-arabic-test.txt").read_text(encoding="utf-8") == TEXT
    ann = (out / "doc-arabic-test.ann").read_text(encoding="utf-8")
    assert "\tquote_type " in ann and "AnnotatorNotes" in ann and "\tspeaker Arg1:" in ann
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "brat", [out])
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def test_generated_conf_declares_everything(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    export_project(src, "brat", tmp_path / "b")
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    assert "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>" in conf
    assert "speaker Arg1:QUOTE, Arg2:" in conf and "|MENTION" in conf
    attrs = read_conf(tmp_path / "b" / "annotation.conf")
    assert attrs["quote_type"] == {"direct", "indirect", "mixed"}
    assert attrs["entity_boundary"] == {"token", "strip_clitics", "exact"}


def test_crlf_text_counts_the_cr(tmp_path: Path) -> None:
    """brat counts the CR of CRLF; the text is stored with LF and the spans still cover the
    same words (pybrat, a public reader, opens the text in universal-newline mode and so
    shifts every span after a line break: this is why Hashiya reads brat files itself)."""
    folder = tmp_path / "crlf"
    folder.mkdir()
    (folder / "a.txt").write_bytes(CRLF_TEXT.encode("utf-8"))
    lines = []
    for i, (word, label) in enumerate([("بوتين", "PERS"), ("حلب", "GPE"), ("روسيا", "GPE")], 1):
        s, e = at(word, text=CRLF_TEXT)
        lines.append(f"T{i}\t{label} {s} {e}\t{word}")
    (folder / "a.ann").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    dst = Project(tmp_path / "dst.hashiya")
    assert import_files(dst, "brat", [folder]).ok
    (doc_id,) = dst.document_ids()
    assert dst.document(doc_id).text == TEXT
    got = sorted((TEXT[s.start : s.end], s.label) for s in dst.spans(doc_id))
    assert got == [("بوتين", "PERS"), ("حلب", "GPE"), ("روسيا", "GPE")]
    pybrat = pytest.importorskip("pybrat.parser")
    (example,) = pybrat.BratParser(error="ignore").parse(str(folder))
    shifted = [e for e in example.entities if example.text[e.start : e.end] != e.mention]
    assert len(shifted) == 2  # the two entities after a CRLF


def test_pybrat_reads_the_export(tmp_path: Path) -> None:
    pybrat = pytest.importorskip("pybrat.parser")
    src = make_project(tmp_path)
    out = tmp_path / "brat"
    export_project(src, "brat", out)
    (example,) = pybrat.BratParser(error="raise").parse(str(out))
    assert example.text == TEXT
    record = next(iter(__import__("storage.exporter", fromlist=["x"]).export_records(src)))
    want = Counter((e["start"], e["end"], e["label"]) for e in record["entities"])
    got = Counter(
        (e.start, e.end, e.type)
        for e in example.entities
        if e.type not in ("QUOTE", "CLAIM", "CUE", "MENTION")
    )
    assert got == want
    for e in example.entities:
        assert example.text[e.start : e.end] == e.mention
    rel = {(r.type, r.arg1.mention, r.arg2.mention) for r in example.relations}
    assert ("speaker", "الاتفاق سيوقَّع غداً", "بوتين") in rel
    assert ("cue", "الاتفاق سيوقَّع غداً", "قال") in rel


def test_reads_brats_tutorial_files(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(DATA, folder)
    dst = Project(tmp_path / "dst.hashiya")
    add_labels(dst, ["Person", "GPE", "Organization"], ["Located"])
    losses: Counter[str] = Counter()
    report = import_files(dst, "brat", [folder], losses=losses)
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    text = dst.document(doc_id).text
    ann = (DATA / "060-relation_annotation.ann").read_text(encoding="utf-8")
    want = []
    for line in ann.splitlines():
        if line.startswith("T"):
            _, type_offsets, mention = line.split("\t")
            label, s, e = type_offsets.split()
            want.append((int(s), int(e), label, mention))
    got = sorted((s.start, s.end, s.label, text[s.start : s.end]) for s in dst.spans(doc_id))
    assert got == sorted(want)
    by_id = {s.id: text[s.start : s.end] for s in dst.spans(doc_id)}
    assert [(lk.type, by_id[lk.source], by_id[lk.target]) for lk in dst.links(doc_id)] == [
        ("Located", "Terry Pratchett", "England")
    ]
    assert losses == Counter({"equivalences (brat * lines) left out": 1})


def test_discontinuous_span_is_one_range_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    s1, e1 = at("وزير")
    s2, e2 = at("مصر")
    (folder / "a.ann").write_text(f"T1\tOCC {s1} {e1};{s2} {e2}\tوزير مصر\n", encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    losses: Counter[str] = Counter()
    assert import_files(dst, "brat", [folder], losses=losses).ok
    (span,) = dst.spans(dst.document_ids()[0])
    assert (span.start, span.end) == (s1, e2)
    assert losses["discontinuous spans read as one range (first start to last end)"] == 1


def test_text_mismatch_refuses_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    s, e = at("بوتين")
    (folder / "a.ann").write_text(f"T1\tPERS {s + 3} {e + 3}\tبوتين\n", encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "brat", [folder])
    (refusal,) = report.refused
    assert ".ann line 1" in refusal.reason and "try --offsets utf16" in refusal.reason
    assert dst.document_ids() == []


def test_reimport_is_skipped_without_a_line_number(tmp_path: Path) -> None:
    from storage.importer import format_skip

    src = make_project(tmp_path)
    out = tmp_path / "brat"
    export_project(src, "brat", out)
    report = import_files(src, "brat", [out])
    (skip,) = report.skipped
    assert report.ok and skip.line is None
    assert format_skip(skip).startswith(f"{out / 'doc-arabic-test.ann'}: skipped")


def test_a_folder_reads_its_metadata_and_conf_once_and_keeps_each_documents_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The metadata file has a line per document of the folder: read per document, a folder's
    import was quadratic in its size."""
    from storage.formats import brat

    src = make_project(tmp_path)
    out = tmp_path / "brat"
    export_project(src, "brat", out)
    text = (out / "doc-arabic-test.txt").read_text(encoding="utf-8")
    ann = (out / "doc-arabic-test.ann").read_text(encoding="utf-8")
    for i in range(3):  # more documents in the folder, each with its own text
        (out / f"extra-{i}.txt").write_text(f"{text} ({i})", encoding="utf-8")
        (out / f"extra-{i}.ann").write_text(ann, encoding="utf-8")
    calls: list[Path] = []
    real = brat._folder_files

    def counted(folder: Path) -> tuple[object, set[str]]:
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(brat, "_folder_files", counted)
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "brat", [out])
    assert report.ok, report.refused
    assert calls == [out]
    assert len(report.imported) == 4
    sources = sorted(source for source, _ in project_meta(dst))
    assert sources == ["agency/arabic-test.txt", "extra-0.txt", "extra-1.txt", "extra-2.txt"]
