"""Variants of a label from the project's indexes (storage.label_variants) give what reading
and searching every text gives (annotation.variants without indexes), and read no text that
holds neither the label nor a match."""

from __future__ import annotations

import random

import pytest

from annotation.documents import Document
from annotation.spans import Span, new_id
from annotation.variants import variants_for_label
from storage.label_variants import variants_in_project
from storage.project import Project

FORMS = ("الأسد", "الاسد", "والأسد", "للأسد", "بوتين", "وبوتين", "دمشق", "الأَسَد")
FILLER = ("قال", "إن", "في", "اليوم", "زار", "التقى", "صامت", "باق")


@pytest.fixture
def project(tmp_path) -> Project:
    rng = random.Random(11)
    with Project(tmp_path / "p.hashiya", annotator="amal") as project:
        docs = [
            Document.create(
                " ".join(rng.choice(FORMS + FILLER * 2) for _ in range(rng.randint(5, 30))) + ".",
                f"{i}.txt",
            )
            for i in range(40)
        ]
        project.add_documents(docs)
        spans = []
        for doc in docs:
            for form in FORMS[:5]:
                at = doc.text.find(form)
                if at >= 0 and rng.random() < 0.5:
                    label = "PERS" if rng.random() < 0.8 else "GPE"
                    spans.append(Span(new_id(), doc.id, "entity", label, at, at + len(form)))
        project.insert(spans)
        yield project


def _shape(groups):
    return [(g.normalised, g.forms, g.tagged, g.untagged, g.untagged_at) for g in groups]


@pytest.mark.parametrize("boundary", ["token", "strip_clitics", "exact"])
@pytest.mark.parametrize("label", ["PERS", "GPE", "ORG"])
def test_indexed_variants_equal_a_scan_of_every_text(project, label, boundary) -> None:
    want = variants_for_label(project, label, "entity", boundary)
    assert _shape(variants_in_project(project, label, "entity", boundary)) == _shape(want)
    if label == "PERS":
        assert want and any(g.untagged for g in want)


def test_only_texts_with_the_label_or_a_match_are_read_and_each_once(project, monkeypatch) -> None:
    import storage.label_variants as module

    project.add_document(Document.create("نص لا صلة له بالموضوع إطلاقا.", "other.txt"))
    other = project.document_ids()[-1]
    read_for_surfaces: list[str] = []
    searched: list[str] = []
    texts, indexes_of = module._texts, module.indexes_of

    def recorded_texts(conn, ids):
        read_for_surfaces.extend(ids)
        return texts(conn, ids)

    def recorded_indexes(conn, ids):
        searched.extend(ids)
        return indexes_of(conn, ids)

    monkeypatch.setattr(module, "_texts", recorded_texts)
    monkeypatch.setattr(module, "indexes_of", recorded_indexes)
    variants_in_project(project, "PERS")
    assert read_for_surfaces and searched
    assert other not in read_for_surfaces and other not in searched
    assert len(set(read_for_surfaces)) == len(read_for_surfaces)
    assert len(set(searched)) == len(searched)  # one pass: every form fits in one chunk
    order = {doc_id: i for i, doc_id in enumerate(project.document_ids())}
    assert searched == sorted(searched, key=order.__getitem__)


@pytest.mark.parametrize("forms_per_pass", [1, 2, 3])
def test_forms_taken_a_chunk_at_a_time_give_the_same_groups(
    project, monkeypatch, forms_per_pass
) -> None:
    import storage.label_variants as module

    want = _shape(variants_in_project(project, "PERS"))
    monkeypatch.setattr(module, "FORMS_PER_PASS", forms_per_pass)
    assert _shape(variants_in_project(project, "PERS")) == want


def test_a_read_only_project_without_the_index_is_searched_text_by_text(project, tmp_path) -> None:
    want = _shape(variants_for_label(project, "PERS"))
    project.db.conn.execute("INSERT INTO search_words(search_words) VALUES ('delete-all')")
    project.db.conn.execute("DELETE FROM search_docs")
    with Project(project.path, readonly=True) as reader:
        assert _shape(variants_in_project(reader, "PERS")) == want


def test_a_form_without_a_word_character_is_searched_in_every_text(project) -> None:
    doc = Document.create("قال «الأسد» إن … الاتفاق قائم … والأسد باق.", "dots.txt")
    project.add_document(doc)
    at = doc.text.index("…")
    project.insert([Span(new_id(), doc.id, "entity", "ORG", at, at + 1)])
    [group] = variants_in_project(project, "ORG")
    assert (group.normalised, group.tagged, group.untagged) == ("…", 1, 1)
    assert _shape([group]) == _shape(variants_for_label(project, "ORG"))


def test_counts_only_keep_no_occurrence(project) -> None:
    full = variants_in_project(project, "PERS")
    counts = variants_in_project(project, "PERS", places=False)
    assert any(g.untagged_at for g in full) and not any(g.untagged_at for g in counts)
    assert [(g.normalised, g.forms, g.tagged, g.untagged) for g in counts] == [
        (g.normalised, g.forms, g.tagged, g.untagged) for g in full
    ]


@pytest.mark.parametrize("after", [0, 1, 5])
def test_stop_is_asked_between_documents_and_raises_stopped(project, after) -> None:
    from annotation.errors import Stopped

    asked = 0

    def stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > after

    with pytest.raises(Stopped):
        variants_in_project(project, "PERS", stop=stop)
    assert asked == after + 1
    never = variants_in_project(project, "PERS", stop=lambda: False)
    assert _shape(never) == _shape(variants_in_project(project, "PERS"))


@pytest.mark.parametrize("forms_per_pass", [1, 2048])
def test_progress_goes_forward_to_its_total(project, monkeypatch, forms_per_pass) -> None:
    import storage.label_variants as module

    monkeypatch.setattr(module, "FORMS_PER_PASS", forms_per_pass)
    said: list[tuple[int, int]] = []
    groups = variants_in_project(project, "PERS", progress=lambda d, t: said.append((d, t)))
    passes = -(-len(groups) // forms_per_pass)
    assert {t for _, t in said} == {passes * 1000}
    assert [d for d, _ in said] == sorted(d for d, _ in said)
    assert said[0][0] == 0 and said[-1] == (passes * 1000, passes * 1000)
    assert len(said) > passes  # within each pass too, not only between passes
