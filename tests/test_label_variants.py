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


def test_only_texts_with_the_label_or_a_match_are_read(project, monkeypatch) -> None:
    project.add_document(Document.create("نص لا صلة له بالموضوع إطلاقا.", "other.txt"))
    other = project.document_ids()[-1]
    read: list[str] = []
    document = project.document
    monkeypatch.setattr(project, "document", lambda doc_id: read.append(doc_id) or document(doc_id))
    variants_in_project(project, "PERS")
    assert read and other not in read
