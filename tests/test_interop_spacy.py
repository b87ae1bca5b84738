"""spaCy DocBin: ents without overlaps, every entity in spans["sc"], the other kinds in their
own span groups, links and attributes in user_data; read back by spaCy itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from interop_support import TEXT, add_labels, make_project, project_canonical, project_meta

from storage.exporter import export_records
from storage.formats.interop import export_project, import_files
from storage.project import Project

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402


def _docs(path: Path) -> list:
    nlp = spacy.blank("ar")
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def test_round_trip_with_split_clitics(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    out = tmp_path / "train.spacy"
    result = export_project(src, "spacy", out, clitics="split")
    assert result.loss_lines() == [
        'spacy: 1 nested or overlapping entities kept only in spans["sc"]'
    ]
    (doc,) = _docs(out)
    assert doc.text == TEXT
    record = next(iter(export_records(src)))
    want = Counter((e["start"], e["end"], e["label"]) for e in record["entities"])
    assert Counter((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == want
    ents = [(e.start_char, e.end_char) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:], strict=False))  # no overlaps
    assert [TEXT[s.start_char : s.end_char] for s in doc.spans["quote"]] == ["الاتفاق سيوقَّع غداً"]
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "spacy", [out])
    assert report.ok, report.refused
    assert project_canonical(dst) == project_canonical(src)
    assert project_meta(dst) == [("agency/arabic-test.txt", "in_progress")]


def test_keep_clitics_widens(tmp_path: Path) -> None:
    src = make_project(tmp_path)
    result = export_project(src, "spacy", tmp_path / "k.spacy", clitics="keep")
    assert result.losses["spans widened to whole tokens (try --clitics split)"] == 2
    (doc,) = _docs(tmp_path / "k.spacy")
    assert "بروسيا" in [TEXT[s.start_char : s.end_char] for s in doc.spans["sc"]]


def test_reads_a_docbin_spacy_made(tmp_path: Path) -> None:
    """A DocBin written by spaCy from its own Arabic tokenizer (no Hashiya code involved)."""
    nlp = spacy.blank("ar")
    text = "زار الرئيس المصري موسكو أمس\nوالتقى بوتين."
    doc = nlp(text)
    doc.ents = [
        doc.char_span(text.index("موسكو"), text.index("موسكو") + 5, "GPE"),
        doc.char_span(text.index("بوتين"), text.index("بوتين") + 5, "PERS"),
    ]
    path = tmp_path / "made-by-spacy.spacy"
    DocBin(docs=[doc]).to_disk(path)
    dst = Project(tmp_path / "dst.hashiya")
    losses: Counter[str] = Counter()
    report = import_files(dst, "spacy", [path], losses=losses)
    assert report.ok, report.refused
    (doc_id,) = dst.document_ids()
    assert dst.document(doc_id).text == text
    assert sorted((text[s.start : s.end], s.label) for s in dst.spans(doc_id)) == [
        ("بوتين", "PERS"),
        ("موسكو", "GPE"),
    ]


def test_unknown_label_refuses_the_doc(tmp_path: Path) -> None:
    nlp = spacy.blank("ar")
    doc = nlp("وصل بوتين")
    doc.ents = [doc.char_span(4, 9, "PERSON")]
    path = tmp_path / "x.spacy"
    DocBin(docs=[doc]).to_disk(path)
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "spacy", [path])
    (refusal,) = report.refused
    assert "PERSON" in refusal.reason and dst.document_ids() == []
    add_labels(dst, ["PERSON"])
    assert import_files(dst, "spacy", [path]).ok


def test_msgpack_codecs_are_srslys_own_inside_the_block_and_looked_up_again_after() -> None:
    pytest.importorskip("spacy")
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    from storage.formats.spacy_docbin import _msgpack_codecs_looked_up_once

    before = (msgpack_encoders.get_all(), msgpack_decoders.get_all())
    with _msgpack_codecs_looked_up_once():
        assert (msgpack_encoders.get_all(), msgpack_decoders.get_all()) == before
    assert "get_all" not in vars(msgpack_encoders) and "get_all" not in vars(msgpack_decoders)
    assert (msgpack_encoders.get_all(), msgpack_decoders.get_all()) == before


def _several_records(n: int) -> list[dict]:
    """n documents, the later ones longer (a token table past msgpack's bin16)."""
    from interop_support import numbered_record

    return [numbered_record(i, f"\nالخبر رقم {i}" + " وأضاف المصدر" * (i * 40)) for i in range(n)]


def test_the_streamed_file_is_the_one_docbin_writes(tmp_path: Path) -> None:
    """The export never holds the documents' DocBin, yet writes the very bytes
    DocBin.to_bytes would (token tables past msgpack's bin16, user data, span groups)."""
    from storage.formats.common import record_to_graph
    from storage.formats.interop import _context
    from storage.formats.spacy_docbin import _nlp, to_doc

    src = make_project(tmp_path, _several_records(6))
    out = tmp_path / "all.spacy"
    export_project(src, "spacy", out, clitics="split")
    ctx = _context(src, "spacy", None, clitics="split")
    nlp = _nlp()
    reference = DocBin(store_user_data=True)
    for record in export_records(src):
        reference.add(to_doc(record_to_graph(record, ctx.labels), ctx, nlp))
    assert len(reference.tokens[-1]) * len(reference.attrs) * 8 > 2**16  # a bin32 table
    assert out.read_bytes() == reference.to_bytes()
    assert [d.text for d in _docs(out)] == [r["text"] for r in export_records(src)]
    # no document at all: still DocBin's own empty file
    empty = tmp_path / "none.spacy"
    assert export_project(src, "spacy", empty, status="done").documents == 0
    assert empty.read_bytes() == DocBin(store_user_data=True).to_bytes()


def test_a_table_too_large_for_msgpack_is_refused_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.formats import spacy_docbin

    monkeypatch.setattr(spacy_docbin, "MSGPACK_MAX_BIN", 1000)
    src = make_project(tmp_path, _several_records(2))
    out = tmp_path / "big.spacy"
    with pytest.raises(ValueError, match="too large for one .spacy file"):
        export_project(src, "spacy", out)
    assert list(tmp_path.glob("*.spacy*")) == [] and list(tmp_path.glob(".big*")) == []


def _same_docs(path: Path) -> None:
    """The streamed reading gives the Docs DocBin.from_bytes gives."""
    from storage.formats.spacy_docbin import _SpooledDocBin

    nlp = spacy.blank("ar")
    expected = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    with path.open("rb") as fh, _SpooledDocBin(fh) as streamed:
        got = list(streamed.docs(spacy.blank("ar").vocab))
    assert len(got) == len(expected) == streamed.count
    for a, b in zip(got, expected, strict=True):
        assert a.to_json() == b.to_json()
        assert [(k, [(s.start, s.end, s.label_) for s in g]) for k, g in a.spans.items()] == [
            (k, [(s.start, s.end, s.label_) for s in g]) for k, g in b.spans.items()
        ]
        assert a.user_data == b.user_data and a.has_unknown_spaces == b.has_unknown_spaces


def test_a_docbin_is_read_as_a_stream(tmp_path: Path) -> None:
    """Hashiya's own export (user data, span groups, a token table in bin32) and DocBins
    spaCy made in other ways (no user data, categories, unknown spaces) read as DocBin reads
    them."""
    src = make_project(tmp_path, _several_records(5))
    ours = tmp_path / "ours.spacy"
    export_project(src, "spacy", ours, clitics="split")
    _same_docs(ours)
    nlp = spacy.blank("ar")
    plain = DocBin()  # spaCy's default: no user data
    doc = nlp("قال المتحدث إن الوفد وصل إلى الرياض مساء أمس.")
    doc.cats = {"politics": 1.0}
    plain.add(doc)
    from spacy.tokens import Doc

    plain.add(Doc(nlp.vocab, words=["وصل", "الوفد"]))  # spaces unknown
    path = tmp_path / "plain.spacy"
    plain.to_disk(path)
    _same_docs(path)


def test_a_broken_docbin_is_refused_in_one_line(tmp_path: Path) -> None:
    src = make_project(tmp_path, _several_records(3))
    good = tmp_path / "good.spacy"
    export_project(src, "spacy", good)
    data = good.read_bytes()
    cut = tmp_path / "cut.spacy"
    cut.write_bytes(data[: len(data) // 2])
    noise = tmp_path / "noise.spacy"
    noise.write_bytes(b"this is not a DocBin" * 100)
    dst = Project(tmp_path / "dst.hashiya")
    report = import_files(dst, "spacy", [cut, noise])
    reasons = sorted((r.path.name, r.line, r.reason) for r in report.refused)
    assert reasons == [
        ("cut.spacy", None, "not a spaCy DocBin (the file ends early)"),
        ("noise.spacy", None, "not a spaCy DocBin (not zlib-compressed)"),
    ]
    assert dst.document_ids() == []
