"""CoNLL (Wojood layout) and token JSONL export, CoNLL import, round trips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.conll import (
    ConllError,
    assign_levels,
    document_tags,
    format_conll,
    parse_conll,
    segments_to_document,
    units_for,
)
from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.exporter import export_conll
from storage.importer import import_file
from tests.conftest import WOJOOD
from tests.hypothesis_budget import examples


def _lines(text: str, entities: list[tuple[str, str]], **kw: object) -> list[str]:
    """Export text with entities given as (surface, label), each the first occurrence."""
    spans = []
    for surface, label in entities:
        s = text.index(surface)
        spans.append((s, s + len(surface), label))
    return format_conll(document_tags(text, spans, **kw).sentences).splitlines()


def test_token_layout_and_bio() -> None:
    text = "التقى فلاديمير بوتين في موسكو."
    assert _lines(text, [("فلاديمير بوتين", "PERS"), ("موسكو", "GPE")]) == [
        "التقى O",
        "فلاديمير B-PERS",
        "بوتين I-PERS",
        "في O",
        "موسكو B-GPE",
        ". O",
    ]


def test_entity_on_the_stem_tags_the_token_under_keep_and_the_stem_under_split() -> None:
    text = "التقى وبوتين بالأسد وللرئيس."
    ents = [("بوتين", "PERS"), ("الأسد", "PERS"), ("رئيس", "OCC")]
    assert _lines(text, ents) == [
        "التقى O",
        "وبوتين B-PERS",
        "بالأسد B-PERS",
        "وللرئيس B-OCC",
        ". O",
    ]
    assert _lines(text, ents, clitics="split") == [
        "التقى O",
        "و O",
        "بوتين B-PERS",
        "ب O",
        "الأسد B-PERS",
        "و O",
        "لل O",
        "رئيس B-OCC",
        ". O",
    ]
    # A whole-token entity covers the clitics too when they are split off.
    assert _lines("وبوتين", [("وبوتين", "PERS")], clitics="split") == ["و B-PERS", "بوتين I-PERS"]


def test_partial_token_entity_tags_the_token_and_whitespace_entity_is_unaligned() -> None:
    text = "زار بوتين  موسكو"
    tags = document_tags(text, [(5, 7, "PERS"), (9, 11, "GPE")])
    assert format_conll(tags.sentences).splitlines() == ["زار O", "بوتين B-PERS", "موسكو O"]
    assert (tags.entities, tags.unaligned) == (1, 1)


def test_nested_entities_one_column_per_level() -> None:
    text = "قالت جامعة بيرزيت في فلسطين إن وزير خارجية فرنسا وصل."
    ents = [
        ("جامعة بيرزيت في فلسطين", "ORG"),
        ("بيرزيت", "GPE"),
        ("فلسطين", "GPE"),
        ("وزير خارجية فرنسا", "OCC"),
        ("خارجية فرنسا", "ORG"),
        ("فرنسا", "GPE"),
    ]
    assert _lines(text, ents) == [
        "قالت O",
        "جامعة B-ORG",
        "بيرزيت I-ORG B-GPE",
        "في I-ORG",
        "فلسطين I-ORG B-GPE",
        "إن O",
        "وزير B-OCC",
        "خارجية I-OCC B-ORG",
        "فرنسا I-OCC I-ORG B-GPE",
        "وصل O",
        ". O",
    ]


def test_levels_of_crossing_and_duplicate_entities() -> None:
    assert assign_levels([(0, 3, "A"), (2, 5, "B"), (0, 3, "A"), (5, 6, "C")]) == [
        (0, 3, "A", 1),
        (2, 5, "B", 2),
        (5, 6, "C", 1),
    ]
    text = "أ ب ج د"
    lines = format_conll(document_tags(text, [(0, 5, "ORG"), (4, 7, "GPE")]).sentences).splitlines()
    assert lines == ["أ B-ORG", "ب I-ORG", "ج I-ORG B-GPE", "د O I-GPE"]


def test_sentence_splitting() -> None:
    text = "قال بوتين: «نعم.» ثم سكت! هل يعود؟ ربما?! لا\nسطر جديد 3.5 بالمائة"
    sents = document_tags(text, []).sentences
    assert [" ".join(u.text for u in s.units) for s in sents] == [
        "قال بوتين : « نعم . »",
        "ثم سكت !",
        "هل يعود ؟",
        "ربما ? !",
        "لا",
        "سطر جديد 3.5 بالمائة",
    ]
    lines_only = document_tags(text, [], sentences="lines").sentences
    assert len(lines_only) == 2


def test_a_sentence_never_ends_inside_an_entity() -> None:
    text = "وصل وفد شركة Yahoo! Inc. إلى\nالرياض أمس. ثم غادر"
    s = text.index("Yahoo")
    tags = document_tags(
        text, [(s, text.index("Inc.") + 4, "ORG"), (text.index("إلى"), text.index("أمس") - 1, "X")]
    )
    assert [" ".join(u.text for u in sent.units) for sent in tags.sentences] == [
        "وصل وفد شركة Yahoo ! Inc .",  # "!" inside the entity does not end it; its final "." does
        "إلى الرياض أمس .",  # the line break inside an entity does not end it
        "ثم غادر",
    ]


def test_paragraph_marker_after_a_blank_line() -> None:
    text = "عنوان أول\n\nنص المقال. جملة ثانية\n  \nخاتمة"
    out = format_conll(document_tags(text, []).sentences)
    assert out.rstrip("\n").split("\n\n") == [
        "عنوان O\nأول O\n$#$ O",
        "نص O\nالمقال O\n. O",
        "جملة O\nثانية O\n$#$ O",
        "خاتمة O",
    ]
    assert "$#$" not in format_conll(document_tags(text, []).sentences, paragraph_marker=False)


def test_units_skip_lone_bidi_controls_and_keep_offsets() -> None:
    text = "\u200f قال \u200fبوتين"
    assert [(u.text, u.start, u.end) for u in units_for(text)] == [
        ("قال", 2, 5),
        ("\u200fبوتين", 6, 12),
    ]
    with pytest.raises(ValueError):
        units_for(text, "maybe")


# --- import -------------------------------------------------------------------------------
SAMPLE = """سمير B-PERS
: O
ماما O

جامعة B-ORG
بيرزيت I-ORG B-GPE
. O
$#$ O

وفي O
العراق B-GPE
"""


def test_parse_and_reconstruct_text_deterministically() -> None:
    segs = parse_conll(SAMPLE)
    assert [s.tokens for s in segs] == [
        ["سمير", ":", "ماما"],
        ["جامعة", "بيرزيت", "."],
        ["وفي", "العراق"],
    ]
    assert [s.paragraph_end for s in segs] == [False, True, False]
    doc = segments_to_document(segs)
    assert doc.text == "سمير : ماما\nجامعة بيرزيت .\n\nوفي العراق\n"
    assert [(doc.text[s:e], lab, lv) for s, e, lab, lv in doc.entities] == [
        ("سمير", "PERS", 1),
        ("جامعة بيرزيت", "ORG", 1),
        ("بيرزيت", "GPE", 2),
        ("العراق", "GPE", 1),
    ]
    assert doc.tokens == 8 and doc.warnings == []


def test_parse_errors_and_lenient_i_tags() -> None:
    with pytest.raises(ConllError, match=r"x.txt:2: 'PERS'"):
        parse_conll("أ O\nب PERS\n", "x.txt")
    doc = segments_to_document(parse_conll("أ O\nب I-PERS\nج I-ORG\n"), "y.txt")
    assert [(doc.text[s:e], lab) for s, e, lab, _ in doc.entities] == [("ب", "PERS"), ("ج", "ORG")]
    assert doc.warnings == [
        "y.txt:2: I-PERS continues no entity; read as B-",
        "y.txt:3: I-ORG continues no entity; read as B-",
    ]
    assert parse_conll("وحيد\n")[0].tags == [["O"]]


def test_import_into_a_project(project, tmp_path: Path) -> None:
    f = tmp_path / "sample.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    r = import_file(project, f, fmt="conll")
    assert (r.spans, len(r.imported), r.skipped, r.refused) == (4, 1, [], [])
    (doc_id,) = r.imported
    spans = project.spans(doc_id, ["entity"])
    text = project.document(doc_id).text
    assert sorted((text[s.start : s.end], s.label) for s in spans) == sorted(
        [("سمير", "PERS"), ("جامعة بيرزيت", "ORG"), ("بيرزيت", "GPE"), ("العراق", "GPE")]
    )
    again = import_file(project, f, fmt="conll")
    assert again.imported == [] and len(again.skipped) == 1 and len(project.document_ids()) == 1
    bad = tmp_path / "bad.txt"
    bad.write_text("أ O\nب B-NOPE\n", encoding="utf-8")
    (refusal,) = import_file(project, bad, fmt="conll").refused
    assert refusal.line == 2 and "NOPE" in refusal.reason
    assert len(project.document_ids()) == 1


# --- export files -------------------------------------------------------------------------
def _project_with_doc(project) -> str:
    text = "قال الرئيس بشار الأسد إن وبوتين وصل.\n\nوزار لروسيا"
    doc = Document.create(text, "a.txt")
    project.add_document(doc)
    spans = []
    for surface, label in [("بشار الأسد", "PERS"), ("بوتين", "PERS"), ("روسيا", "GPE")]:
        s = text.index(surface)
        spans.append(
            Span(new_id(), doc.id, "entity", label, s, s + len(surface), {}, "strip_clitics")
        )
    s = text.index("الرئيس")
    spans.append(Span(new_id(), doc.id, "quote", "QUOTE", s, s + 6))  # not an entity: ignored
    project.insert(spans)
    return doc.id


def test_export_conll_file(project, tmp_path: Path) -> None:
    _project_with_doc(project)
    out = tmp_path / "out.conll"
    res = export_conll(project, out)
    assert (res.documents, res.sentences, res.entities, res.unaligned) == (1, 2, 3, 0)
    assert out.read_text(encoding="utf-8").splitlines() == [
        "-DOCSTART- O",
        "",
        "قال O",
        "الرئيس O",
        "بشار B-PERS",
        "الأسد I-PERS",
        "إن O",
        "وبوتين B-PERS",
        "وصل O",
        ". O",
        "$#$ O",
        "",
        "وزار O",
        "لروسيا B-GPE",
    ]
    split = export_conll(project, out, clitics="split")
    assert split.tokens == res.tokens + 3
    assert out.read_text(encoding="utf-8").endswith("و O\nزار O\nل O\nروسيا B-GPE\n")


def test_export_tokens_jsonl(project, tmp_path: Path) -> None:
    doc_id = _project_with_doc(project)
    text = project.document(doc_id).text
    out = tmp_path / "out.jsonl"
    export_conll(project, out, fmt="tokens-jsonl", clitics="split")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["sentence"] for r in records] == [0, 1]
    first = records[0]
    assert set(first) == {"doc_id", "sentence", "tokens", "ner_tags", "offsets"}
    assert first["doc_id"] == doc_id
    assert all(
        text[s:e] == tok
        for r in records
        for tok, (s, e) in zip(r["tokens"], r["offsets"], strict=True)
    )
    assert first["ner_tags"] == [["O", "O", "B-PERS", "I-PERS", "O", "O", "B-PERS", "O", "O"]]


def test_export_status_filter_and_bad_format(project, tmp_path: Path) -> None:
    doc_id = _project_with_doc(project)
    out = tmp_path / "out.conll"
    assert export_conll(project, out, status="done").documents == 0
    assert out.read_text(encoding="utf-8") == ""
    project.set_status(doc_id, "done")
    assert export_conll(project, out, status=["done"]).documents == 1
    with pytest.raises(ValueError):
        export_conll(project, out, fmt="xml")


def test_export_is_atomic(project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project_with_doc(project)
    out = tmp_path / "out.conll"
    out.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        export_conll(project, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- round trips --------------------------------------------------------------------------
WORDS = ["بوتين", "وكيري", "موسكو", "الأسد", "سوريا", "،", ".", "«", "»", "1948م", "٣٫٥", "Kerry"]


@st.composite
def conll_docs(draw: st.DrawFn) -> tuple[list[list[str]], list[tuple[int, int, int, str]]]:
    """Segments of tokens and laminar (properly nested, distinct) entities over token indices."""
    segs = draw(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=4)
    )
    ents: list[tuple[int, int, int, str]] = []
    for si, seg in enumerate(segs):

        def build(lo: int, hi: int, depth: int, si: int = si) -> None:
            if depth > 3 or lo >= hi:
                return
            a = draw(st.integers(lo, hi - 1))
            b = draw(st.integers(a + 1, hi))
            if (a, b) != (lo, hi) or depth == 1:
                ents.append((si, a, b, draw(st.sampled_from(["PERS", "GPE", "ORG"]))))
                if draw(st.booleans()):
                    build(a, b, depth + 1, si)
            if draw(st.booleans()):
                build(b, hi, depth, si)

        build(0, len(seg), 1)
    return segs, ents


@settings(max_examples=examples(200), deadline=None)
@given(conll_docs())
def test_conll_round_trip_of_generated_documents(
    doc: tuple[list[list[str]], list[tuple[int, int, int, str]]],
) -> None:
    segs, ents = doc
    # Write them the way the export would, then read back.
    text_parts, spans, pos = [], [], 0
    for si, seg in enumerate(segs):
        starts = []
        for i, tok in enumerate(seg):
            if i:
                pos += 1
            starts.append(pos)
            pos += len(tok)
        for s_i, a, b, label in ents:
            if s_i == si:
                spans.append((starts[a], starts[b - 1] + len(seg[b - 1]), label))
        text_parts.append(" ".join(seg) + "\n")
        pos += 1
    text = "".join(text_parts)
    conll = format_conll(document_tags(text, spans, sentences="lines").sentences)
    back = segments_to_document(parse_conll(conll))
    assert back.text == text
    assert sorted((s, e, lab) for s, e, lab, _ in back.entities) == sorted(set(spans))
    assert (
        format_conll(
            document_tags(
                back.text, [(s, e, lab) for s, e, lab, _ in back.entities], sentences="lines"
            ).sentences
        )
        == conll
    )


@pytest.mark.shared
def test_wojood_round_trip_line_by_line(project, tmp_path: Path) -> None:
    original = WOJOOD.read_text(encoding="utf-8").splitlines()
    r = import_file(project, WOJOOD, fmt="conll")
    assert r.warnings == [] and r.refused == []
    nested = sum(1 for line in original if len(line.split()) > 2)
    assert r.spans == 870 and nested > 100
    out = tmp_path / "wojood.conll"
    res = export_conll(project, out, sentences="lines", document_marker=False)
    assert res.entities == r.spans and res.unaligned == 0
    exported = out.read_text(encoding="utf-8").splitlines()
    assert len(exported) == len(original)
    for i, (a, b) in enumerate(zip(original, exported, strict=True), 1):
        assert b == a, f"line {i}"
    export_conll(project, out, sentences="lines")
    assert out.read_text(encoding="utf-8").splitlines() == ["-DOCSTART- O", "", *original]
    # With sentence splitting on punctuation only the blank lines differ.
    export_conll(project, out, document_marker=False)
    assert [x for x in out.read_text(encoding="utf-8").splitlines() if x] == [
        x for x in original if x
    ]


@pytest.mark.shared
def test_seed_article_exports_consistently(seed_text: str, project, tmp_path: Path) -> None:
    doc = Document.create(seed_text, "seed.txt")
    project.add_document(doc)
    s = seed_text.index("بوتين")
    project.insert([Span(new_id(), doc.id, "entity", "PERS", s, s + 5)])
    out = tmp_path / "seed.jsonl"
    res = export_conll(project, out, fmt="tokens-jsonl", clitics="split")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert res.sentences == len(records) > 10
    assert sum(tag == "B-PERS" for r in records for tag in r["ner_tags"][0]) == 1
    for r in records:
        for tok, (a, b) in zip(r["tokens"], r["offsets"], strict=True):
            assert seed_text[a:b] == tok and not any(c.isspace() for c in tok)


# --- several documents in one file (-DOCSTART-) -------------------------------------------------
def _three_documents(project) -> list[str]:
    texts = [
        "قال الرئيس بشار الأسد إن وبوتين وصل.",
        "وزار الوفد لروسيا أمس.",
        "أعلنت جامعة بيرزيت نتائجها.",
    ]
    entities = [[("بشار الأسد", "PERS")], [("لروسيا", "GPE")], [("جامعة بيرزيت", "ORG")]]
    ids = []
    for text, spans in zip(texts, entities, strict=True):
        doc = Document.create(text, "x.txt")
        project.add_document(doc)
        project.insert(
            [
                Span(new_id(), doc.id, "entity", label, text.index(s), text.index(s) + len(s))
                for s, label in spans
            ]
        )
        ids.append(doc.id)
    return ids


def test_an_export_of_several_documents_imports_as_as_many(project, tmp_path: Path) -> None:
    from storage.project import Project

    _three_documents(project)
    out = tmp_path / "three.conll"
    export_conll(project, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines.count("-DOCSTART- O") == 3 and lines[:2] == ["-DOCSTART- O", ""]
    with Project(tmp_path / "back.hashiya", annotator="tester") as back:
        r = import_file(back, out, fmt="conll")
        assert (len(r.imported), r.spans, r.refused, r.warnings) == (3, 3, [], [])
        assert [back.document(d).text.split() for d in back.document_ids()] == [
            project.document(d).text.replace(".", " .").split() for d in project.document_ids()
        ]
        markers = [i + 1 for i, line in enumerate(lines) if line == "-DOCSTART- O"]
        assert [info.source for info in back.documents()] == [f"three.conll:{n}" for n in markers]
        again = tmp_path / "again.conll"
        export_conll(back, again)
        assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    plain = tmp_path / "plain.conll"
    export_conll(project, plain, document_marker=False)
    assert "-DOCSTART-" not in plain.read_text(encoding="utf-8")
    with Project(tmp_path / "one.hashiya", annotator="tester") as one:
        r = import_file(one, plain, fmt="conll")
        assert (len(r.imported), r.spans) == (1, 3)  # the plain layout cannot tell them apart
        assert [info.source for info in one.documents()] == ["plain.conll"]


def test_a_bad_document_is_refused_alone_with_its_line(project, tmp_path: Path) -> None:
    f = tmp_path / "mixed.conll"
    f.write_text(
        "-DOCSTART- -X- -X- O\n\n"  # CoNLL-2003's own marker line
        "زار O\nبوتين B-PERS\nدمشق B-GPE\n\n"
        "-DOCSTART- O\n\n"
        "قال O\nالأسد B-PERZ\nكلاما O\n\n"  # line 10: not a label of the schema
        "-DOCSTART- O\n\n"
        "وصل O\nالوفد O\nإلى O\nعمّان B-GPE\n\n"
        "-DOCSTART- O\n\n"
        "جاء O\nالأمين B-PERS C-PERS\n\n"  # line 23: not a BIO tag
        "-DOCSTART- O\n"
        "-DOCSTART- O\n\n",  # sections without tokens are no documents
        encoding="utf-8",
    )
    r = import_file(project, f, fmt="conll")
    assert [(x.line, x.reason) for x in r.refused] == [
        (10, "label 'PERZ' is not an entity label of the project schema"),
        (23, "'C-PERS' is not a BIO tag (O, B-X, I-X)"),
    ]
    assert len(r.imported) == 2 and r.spans == 3
    texts = [project.document(d).text for d in project.document_ids()]
    assert texts == ["زار بوتين دمشق\n", "وصل الوفد إلى عمّان\n"]
    assert [info.source for info in project.documents()] == ["mixed.conll:1", "mixed.conll:13"]


def test_a_file_of_markers_only_is_refused(project, tmp_path: Path) -> None:
    f = tmp_path / "empty.conll"
    f.write_text("-DOCSTART- O\n\n-DOCSTART- O\n", encoding="utf-8")
    (refusal,) = import_file(project, f, fmt="conll").refused
    assert refusal.reason == "no tokens in the file" and project.document_ids() == []
    assert refusal.line == 3  # the last line


def test_sections_are_read_one_at_a_time() -> None:
    from annotation.conll import parse_conll_documents

    sections = parse_conll_documents("-DOCSTART- O\nأ B-PERS\n\n-DOCSTART- O\nب O\nج XX\n")
    first = next(sections)
    assert (first.line, first.segments[0].tokens, first.error) == (1, ["أ"], None)
    second = next(sections)
    assert second.line == 4 and second.error is not None and second.error.line == 6
    assert next(sections, None) is None


# --- a CoNLL file is read as a stream when it is plain UTF-8 ------------------------------------
_TWO = "-DOCSTART- O\n\nزار O\nبوتين B-PERS\nدمشق B-GPE\n\n-DOCSTART- O\n\nوصل O\nعمّان B-GPE\n"


def _imported(tmp_path: Path, name: str, data: bytes) -> list[tuple[str, list[tuple]]]:
    from storage.project import Project

    f = tmp_path / name
    f.write_bytes(data)
    with Project(tmp_path / f"{name}.hashiya", annotator="tester") as p:
        r = import_file(p, f, fmt="conll")
        assert r.refused == [], r.refused
        return [
            (
                p.document(d).text,
                sorted((s.start, s.end, s.label) for s in p.spans(d, ["entity"])),
            )
            for d in p.document_ids()
        ]


@pytest.mark.parametrize(
    ("name", "data", "streamed"),
    [
        ("lf.conll", _TWO.encode(), True),
        ("crlf.conll", _TWO.replace("\n", "\r\n").encode(), True),
        ("bom.conll", b"\xef\xbb\xbf" + _TWO.encode(), True),
        ("cr.conll", _TWO.replace("\n", "\r").encode(), False),  # old Mac line breaks
        ("utf16.conll", _TWO.encode("utf-16"), False),
        ("cp1256.conll", _TWO.replace("عمّان", "عمان").encode("cp1256"), False),
    ],
)
def test_a_plain_utf8_file_is_streamed_and_gives_what_the_whole_file_gives(
    tmp_path: Path, monkeypatch, name, data, streamed
) -> None:
    whole: list[str] = []
    read_bytes = Path.read_bytes

    def recorded(self: Path) -> bytes:
        whole.append(self.name)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", recorded)
    docs = _imported(tmp_path, name, data)
    assert (name in whole) is not streamed
    want = _TWO if name != "cp1256.conll" else _TWO.replace("عمّان", "عمان")
    monkeypatch.undo()
    assert docs == _imported(tmp_path, "reference.conll", want.encode())


def test_a_file_damaged_on_its_last_line_is_refused_whole(project, tmp_path: Path) -> None:
    f = tmp_path / "damaged.conll"
    f.write_bytes(_TWO.encode() + "-DOCSTART- O\n\nقال O\n".encode()[:-4] + b"\xff O\n")
    (refusal,) = import_file(project, f, fmt="conll").refused
    assert refusal.line == 13 and "damaged UTF-8" in refusal.reason  # the last line
    assert project.document_ids() == []


_PIECES = st.sampled_from(
    ["زار", "O", "B-PERS", " ", "\n", "\r\n", "\r", "\t", "é", "𝕏", "\x1a", "\ufeff", "-DOCSTART-"]
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.sampled_from(["utf-8", "utf-8-sig"]),
    st.integers(1, 9),
)
def test_chunked_reading_equals_decoding_the_whole_file(
    text: str, encoding: str, chunk: int
) -> None:
    import tempfile

    import storage.importer as importer
    from annotation.textio import InputRefused, decode_text

    data = text.encode(encoding)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.conll"
        path.write_bytes(data)
        previous, importer.LINE_BUFFER = importer.LINE_BUFFER, chunk
        try:
            streamed = importer._plain_utf8_lines(path)
            lines = list(importer._text_lines(path)) if streamed else None
        finally:
            importer.LINE_BUFFER = previous
    try:
        whole = decode_text(data).text
    except InputRefused:
        whole = None
    if streamed:  # only what the whole-file reading accepts, and then the same lines
        assert whole is not None and lines == whole.split("\n")
    else:  # refused whole, or read whole for a reason: a lone CR
        assert whole is None or "\r" in text.replace("\r\n", "")
