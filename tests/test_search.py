"""Variant search over the normalised key, mapped back to code points of the original text."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotation.clitics import exceptions_for, split_proclitics
from annotation.documents import Document
from annotation.normalize import normalize
from annotation.search import SearchIndex, _anchor, _pattern, find_variants
from annotation.snapping import snap
from annotation.tokens import tokenize
from tests.hypothesis_budget import examples

TEXT = (
    "قال الأَسَدُ، والأسد وبالأسد للأسد وللأسد كالأسد الأســد أسد لبنان الأسدي "
    "\u200fالأسد\u200f. وقال بشار  الأسد إن «الأسد» باقٍ."
)


def _found(text: str, query: str, **kw: object) -> list[str]:
    return [text[s:e] for s, e in find_variants(text, query, **kw)]


def test_article_query_finds_every_attached_form() -> None:
    assert _found(TEXT, "الاسد") == [
        "الأَسَدُ",
        "والأسد",
        "وبالأسد",
        "للأسد",
        "وللأسد",
        "كالأسد",
        "الأســد",
        "الأسد",
        "الأسد",
        "الأسد",
    ]


def test_query_with_diacritics_matches_the_same() -> None:
    assert find_variants(TEXT, "الأَسَد") == find_variants(TEXT, "الاسد")


def test_query_without_article_also_finds_the_article_forms() -> None:
    found = _found(TEXT, "أسد")
    assert "أسد" in found and "الأَسَدُ" in found and "للأسد" in found
    assert len(found) == 11


def test_without_proclitics_only_the_bare_word_matches() -> None:
    assert _found(TEXT, "الاسد", proclitics=False) == [
        "الأَسَدُ",
        "الأســد",
        "الأسد",
        "الأسد",
        "الأسد",
    ]
    assert _found(TEXT, "أسد", proclitics=False) == ["أسد"]


def test_matches_never_start_or_end_inside_a_word() -> None:
    starts = {t.start for t in tokenize(TEXT)}
    ends = {t.end for t in tokenize(TEXT)}
    for s, e in find_variants(TEXT, "اسد"):
        assert s in starts or TEXT[s - 1] == "\u200f"
        assert e in ends or TEXT[e] == "\u200f"
    assert "الأسدي" not in _found(TEXT, "الاسد")
    # Substring search when asked.
    assert any(
        TEXT[s:e] == "الأسد" and TEXT[e] == "ي"
        for s, e in find_variants(TEXT, "الاسد", whole_word=False)
    )


def test_listed_words_are_not_read_as_clitic_plus_query() -> None:
    assert _found(TEXT, "بنان") == []
    assert _found("زار لبنان وللبنان", "لبنان") == ["لبنان", "وللبنان"]
    assert _found("وهران", "هران") == ["وهران"]
    assert _found("وهران", "هران", exceptions=exceptions_for("وهران")) == []


@pytest.mark.parametrize(
    ("boundary", "expected"),
    [
        ("token", ["الأَسَدُ", "والأسد", "وبالأسد", "للأسد", "وللأسد", "كالأسد"]),
        ("strip_clitics", ["الأَسَدُ", "الأسد", "الأسد", "أسد", "أسد", "الأسد"]),
        ("exact", ["الأَسَدُ", "الأسد", "الأسد", "لأسد", "لأسد", "الأسد"]),
    ],
)
def test_boundary_policies(boundary: str, expected: list[str]) -> None:
    assert _found(TEXT, "الاسد", boundary=boundary)[:6] == expected


def test_strip_clitics_spans_agree_with_snapping() -> None:
    text = "التقى وبوتين ولروسيا وبالأسد وللأسد والأسد مع بوتين"
    for query in ("بوتين", "روسيا", "الأسد"):
        for s, e in find_variants(text, query, boundary="strip_clitics"):
            assert snap(text, s, e, "strip_clitics", split_proclitics) == (s, e)


def test_multi_word_query_and_spacing() -> None:
    assert _found(TEXT, "بشار الاسد") == ["بشار  الأسد"]
    assert _found("وبشار\nالأسد", "بشار الأسد", boundary="strip_clitics") == ["بشار\nالأسد"]


def test_trailing_bidi_marks_are_not_in_spans_but_marks_are() -> None:
    spans = find_variants("\u200fالأسدُ\u200f.", "الاسد")
    assert spans == [(1, 7)]


def test_empty_query_and_bad_policy() -> None:
    assert find_variants(TEXT, "  \u064e ") == []
    with pytest.raises(ValueError):
        find_variants(TEXT, "الاسد", boundary="nope")


def test_index_is_reusable_and_handles_a_megabyte() -> None:
    rng = random.Random(7)
    words = ["الأسد", "والأسد", "بوتين", "وبوتين", "روسيا", "لروسيا", "قال", "،", "\n", "الأَسَدُ"]
    text = " ".join(rng.choice(words) for _ in range(190_000))
    assert len(text) > 1_000_000
    index = SearchIndex(text)
    lions = index.find("الاسد")
    putins = index.find("بوتين", boundary="strip_clitics")
    expected = sum(1 for t in tokenize(text) if normalize(t.text) in ("الاسد", "والاسد"))
    assert len(lions) == expected
    assert all(text[s:e] == "بوتين" for s, e in putins[:1000])


ALPHABET = list("ابتسلمنوفكيدر") + ["أ", "\u064e", "\u0651", "\u0640", "\u200f"]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.text(st.sampled_from(ALPHABET), min_size=1, max_size=7), min_size=1, max_size=12),
    st.data(),
)
def test_every_match_normalises_to_the_query(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    query = normalize(data.draw(st.sampled_from(words)))
    if not query.strip():
        return
    spans = find_variants(text, query, proclitics=False, boundary="exact")
    for s, e in spans:
        assert normalize(text[s:e]) == query
    # The exact word itself is always found (unless it is empty after normalisation).
    whole = [w for w in words if normalize(w) == query]
    assert len(spans) >= len(whole) > 0


_PIECES = st.sampled_from(
    ["ال", "أسد", "اسد", "لل", "و", "ف", "ب", "ك", "ل", "بوتين", " ", "  ", "،", "-", "\u064e", "ا"]
)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.lists(_PIECES, max_size=25).map("".join),
    st.sampled_from(["الأسد", "أسد", "اسد", "لأسد", "ال", "الأسد بوتين", "ب", "و اسد"]),
    st.booleans(),
    st.booleans(),
)
@example("وبالأسد ووللأسد فكالأسد", "الأسد", True, True)  # the longest proclitic runs
@example("وبالأسد", "أسد", True, False)
def test_anchored_matching_equals_a_full_scan(
    text: str, query: str, proclitics: bool, whole_word: bool
) -> None:
    index = SearchIndex(text)
    qkey = normalize(query).strip()
    pattern = _pattern(qkey, proclitics, whole_word)
    anchored = [m.span() for m in index._matches(pattern, *_anchor(qkey, proclitics))]
    assert anchored == [m.span() for m in pattern.finditer(index.key)]


@pytest.mark.shared
def test_seed_article_search(seed_text: str) -> None:
    index = SearchIndex(seed_text)
    putin = index.find("بوتين", boundary="strip_clitics")
    assert len(putin) >= 5
    assert all(normalize(seed_text[s:e]) == "بوتين" for s, e in putin)
    assert any(seed_text[s - 1] == "و" for s, _ in putin)  # وبوتين in the headline


def _tag(project, doc: Document, surface: str, label: str, nth: int = 0) -> None:
    from annotation.spans import Span, new_id

    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    project.insert([Span(new_id(), doc.id, "entity", label, start, start + len(surface))])


def test_variants_for_label(project) -> None:
    from annotation.variants import variants_for_label

    a = Document.create("قال الأسد إن الأَسَد باقٍ، وهاجم بوتين الأسد. والأسد صامت.", "a.txt")
    b = Document.create("زار بوتين دمشق والتقى الاسد وبوتين سعيد.", "b.txt")
    project.add_document(a)
    project.add_document(b)
    _tag(project, a, "الأسد", "PERS")
    _tag(project, a, "الأَسَد", "PERS")
    _tag(project, b, "الاسد", "PERS")
    _tag(project, b, "بوتين", "PERS")
    _tag(project, a, "بوتين", "ORG")  # another label: not covered for PERS
    groups = variants_for_label(project, "PERS")
    assert [(g.normalised, g.forms, g.tagged, g.untagged) for g in groups] == [
        ("الاسد", {"الأسد": 1, "الأَسَد": 1, "الاسد": 1}, 3, 2),
        ("بوتين", {"بوتين": 1}, 1, 2),
    ]
    lion = groups[0]
    assert [project.document(d).text[s:e] for d, s, e in lion.untagged_at] == ["الأسد", "والأسد"]
    putin = variants_for_label(project, "PERS", boundary="strip_clitics")[1]
    assert [(d, project.document(d).text[s:e]) for d, s, e in putin.untagged_at] == [
        (a.id, "بوتين"),
        (b.id, "بوتين"),
    ]
    assert variants_for_label(project, "GPE") == []
