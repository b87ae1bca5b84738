"""INCEpTION: UIMA CAS XMI through dkpro-cassis (UTF-16 offsets in the file), WebAnno TSV 3.3
import; files INCEpTION and its authors wrote."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from interop_support import TEXT, add_labels, at, make_project, project_canonical, project_meta

from storage.formats.interop import export_project, import_files
from storage.project import Project

cassis = pytest.importorskip("cassis")
DATA = Path(__file__).parent / "data" / "interop" / "inception"


def test_round_trip(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "xmi"
    result = export_project(src, "inception", out, clitics="split")
    assert result.documents == 1 and not result.losses
    (zip_path,) = out.iterdir()
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "inception", [out])
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def test_cassis_reads_the_export_and_the_file_counts_utf16(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "xmi"
    export_project(src, "inception", out)
    (zip_path,) = out.iterdir()
    with zipfile.ZipFile(zip_path) as zf:
        xmi = zf.read("doc-arabic-test.xmi").decode("utf-8")
        ts = cassis.load_typesystem(zf.read("TypeSystem.xml").decode("utf-8"))
    cas = cassis.load_cas_from_xmi(xmi, typesystem=ts)
    assert cas.sofa_string == TEXT
    ne = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
    got = sorted((a.begin, a.end, a.value) for a in cas.select(ne))
    s, e = at("بوتين")
    assert (s, e, "PERS") in got and len(got) == 6
    for a in cas.select(ne):
        assert a.get_covered_text() == TEXT[a.begin : a.end]
    # in the file itself, offsets are UTF-16 units: 3 more than code points after 😀🇸🇦
    assert f'begin="{s + 3}" end="{e + 3}"' in xmi
    assert len(list(cas.select("webanno.custom.Link"))) == 5


def test_reads_an_inception_xmi_with_an_emoji(tmp_path: Path) -> None:
    dst = Project(tmp_path / "dst.hashiya")
    add_labels(dst, ["PER"])
    report = import_files(dst, "inception", [DATA / "cas_with_smileys.xmi"])
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    text = dst.document(doc_id).text
    assert text == "Hello 😊, my name is John."
    assert [(text[s.start : s.end], s.label) for s in dst.spans(doc_id)] == [("John", "PER")]


def test_reads_webanno_tsv_from_inceptions_test_suite(tmp_path: Path) -> None:
    for name, want, loss in [
        ("testMultiTokenSpanWithFeatureValue.tsv", [("This is a test .", "PERSON")], None),
        (
            "testTokenBoundedStackedSpanWithFeatureValue.tsv",
            [(w, "NE") for w in ("This", "is", "a", "test", ".")],
            "identical spans (same label and offsets) read once",
        ),
        ("testSentenceWithEmoji.tsv", [], "annotations without a value left out"),
    ]:
        dst = Project(tmp_path / f"{name}.hashiya")
        add_labels(dst, ["PERSON", "NE"])
        losses: Counter[str] = Counter()
        report = import_files(dst, "inception", [DATA / name], losses=losses)
        assert report.ok, (name, report.refused)
        (doc_id,) = dst.document_ids()
        text = dst.document(doc_id).text
        got = sorted((text[s.start : s.end], s.label) for s in dst.spans(doc_id))
        assert got == sorted(want), name
        if loss:
            assert losses[loss] >= 1, (name, losses)
    emoji = Project(tmp_path / "testSentenceWithEmoji.tsv.hashiya")
    assert emoji.document(emoji.document_ids()[0]).text == "I like it 😊 ."
    lb = Project(tmp_path / "lb.hashiya")
    assert import_files(lb, "inception", [DATA / "testSentenceWithLineBreak.tsv"]).ok
    assert lb.document(lb.document_ids()[0]).text == "This is\na test ."


def test_crlf_in_the_sofa(tmp_path: Path) -> None:
    """A CAS whose text has CRLF (&#13; in the XMI): offsets count the CR; stored with LF."""
    from storage.formats.inception import typesystem

    ts = typesystem()
    cas = cassis.Cas(typesystem=ts)
    crlf = "وصل بوتين\r\nإلى موسكو."
    cas.sofa_string = crlf
    ne = ts.get_type("de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")
    s = crlf.index("موسكو")
    cas.add(ne(begin=s, end=s + 5, value="GPE"))
    path = tmp_path / "crlf.xmi"
    cas.to_xmi(path)
    assert "&#13;" in path.read_text(encoding="utf-8")
    dst = Project(tmp_path / "dst.hashiya")
    assert import_files(dst, "inception", [path]).ok
    (doc_id,) = dst.document_ids()
    text = dst.document(doc_id).text
    assert text == "وصل بوتين\nإلى موسكو."
    assert [text[x.start : x.end] for x in dst.spans(doc_id)] == ["موسكو"]


def test_control_characters_xml_cannot_hold_are_written_as_replacement_characters(
    tmp_path: Path,
) -> None:
    """Real news text keeps stray control characters (U+001A in SaudiNewsNet); XML 1.0 cannot
    hold them, not even as references. The export writes U+FFFD in their place, one for one,
    so every offset stays right, and says so; it used to stop with lxml's error."""
    from interop_support import arabic_record

    record = arabic_record()
    stray = record["text"].index("بوتين") - 1  # the space before the entity
    record["text"] = record["text"][:stray] + "\x1a" + record["text"][stray + 1 :] + "\x0b"
    record["claims"][0]["note"] = "رقم\x07 من مصدر واحد"
    src = make_project(tmp_path, [record])
    out = tmp_path / "xmi"
    result = export_project(src, "inception", out)
    assert result.documents == 1
    assert result.losses == Counter(
        {"characters XML 1.0 cannot hold (control characters) written as U+FFFD": 3}
    )
    assert any("U+FFFD" in line for line in result.loss_lines())
    (zip_path,) = out.iterdir()
    with zipfile.ZipFile(zip_path) as zf:
        xmi = zf.read("doc-arabic-test.xmi").decode("utf-8")
        ts = cassis.load_typesystem(zf.read("TypeSystem.xml").decode("utf-8"))
    cas = cassis.load_cas_from_xmi(xmi, typesystem=ts)
    expected = record["text"].replace("\x1a", "\ufffd").replace("\x0b", "\ufffd")
    assert cas.sofa_string == expected
    ne = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
    covered = {a.value: a.get_covered_text() for a in cas.select(ne)}
    assert covered["PERS"] == "بوتين"
    claims = [a.get("note") for a in cas.select("webanno.custom.Claim")]
    assert "رقم\ufffd من مصدر واحد" in claims
    # read back: a document of its own (its text is not the project's), spans in place
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "inception", [out])
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    assert dst.document(doc_id).text == expected
    spans = {s.label: expected[s.start : s.end] for s in dst.spans(doc_id) if s.kind == "entity"}
    assert spans["PERS"] == "بوتين"
