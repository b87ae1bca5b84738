"""Code points <-> Qt positions, checked against a real QTextDocument."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotation.textio import normalize_newlines
from tests.hypothesis_budget import examples
from ui.qt_offsets import OffsetMap

ALPHABET = (
    list("بوتينقالأإآاىيةهلمنسعرد ")
    + ["\u064e", "\u064b", "\u0651", "\u0652", "\u0670"]  # diacritics, shadda, dagger alef
    + ["\u0640"]  # tatweel
    + ["\u200f", "\u200e", "\u061c", "\u2067", "\u2069"]  # bidi marks
    + ["\u00a0", "\t", "\n", "\r\n", "\r", "«", "»", "،", "٣", "7"]
    + ["😀", "👍🏽", "🇸🇾", "𝒜", "\U0001f469\u200d\U0001f4bb"]  # astral, flags, ZWJ sequence
)

texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map(
    lambda parts: normalize_newlines("".join(parts))
)


def qt_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(text)
    return doc


def qt_slice(doc: QTextDocument, a: int, b: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@settings(max_examples=examples(300), deadline=None)
@given(texts)
def test_every_character_round_trips_through_a_real_qtextdocument(text: str) -> None:
    doc = qt_document(text)
    omap = OffsetMap(text)
    assert omap.qt_length == doc.characterCount() - 1
    for i, ch in enumerate(text):
        a, b = omap.range_to_qt(i, i + 1)
        assert qt_slice(doc, a, b) == ch.replace("\n", "\u2029")
        assert omap.from_qt(a) == i
        assert omap.from_qt(b) == i + 1
    assert omap.to_qt(len(text)) == omap.qt_length


@settings(max_examples=examples(200), deadline=None)
@given(texts, st.data())
def test_any_qt_selection_maps_to_whole_characters(text: str, data: st.DataObject) -> None:
    omap = OffsetMap(text)
    a = data.draw(st.integers(0, omap.qt_length))
    b = data.draw(st.integers(0, omap.qt_length))
    start, end = omap.range_from_qt(a, b)
    assert 0 <= start <= end <= len(text)
    qa, qb = sorted((a, b))
    # the code-point range covers at least what Qt selected, and at most one more character each side
    assert omap.to_qt(start) <= qa and omap.to_qt(end) >= qb
    assert qa - omap.to_qt(start) <= 1 and omap.to_qt(end) - qb <= 1


def test_known_values() -> None:
    text = "a😀b\nج"
    omap = OffsetMap(text)
    assert [omap.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6]
    assert omap.from_qt(2) == 1  # inside the surrogate pair: rounds down
    assert omap.from_qt(2, round_up=True) == 2
    with pytest.raises(IndexError):
        omap.to_qt(7)


# --- the view with diacritics hidden ------------------------------------------------------
from annotation.arabic import is_tashkeel  # noqa: E402
from ui.qt_offsets import ViewMap  # noqa: E402


@settings(max_examples=examples(200), deadline=None)
@given(texts)
def test_hidden_diacritics_map_back_to_the_stored_text(text: str) -> None:
    vmap = ViewMap(text, hide=True)
    assert not any(is_tashkeel(c) for c in vmap.display_text)
    doc = qt_document(vmap.display_text)
    assert vmap.qt_length == doc.characterCount() - 1
    visible = [i for i, c in enumerate(text) if not is_tashkeel(c)]
    for i in visible:
        a, b = vmap.range_to_qt(i, i + 1)
        assert qt_slice(doc, a, b) == text[i].replace("\n", "\u2029")
        assert vmap.from_qt(a) == i
    # a selection of whole visible characters maps to a stored range that starts on the first
    # of them and takes every mark that follows the last one
    for n, i in enumerate(visible):
        qa = vmap.to_qt(i)
        qb = vmap.to_qt(visible[n + 1]) if n + 1 < len(visible) else vmap.qt_length
        start, end = vmap.range_from_qt(qa, qb)
        assert start == i
        assert text[i + 1 : end] == "".join(c for c in text[i + 1 : end] if is_tashkeel(c))
        assert end == (visible[n + 1] if n + 1 < len(visible) else len(text))


def test_hidden_view_selection_keeps_the_marks() -> None:
    text = "قالَ الرئيسُ بوتينُ"
    vmap = ViewMap(text, hide=True)
    assert vmap.display_text == "قال الرئيس بوتين"
    d = vmap.display_text.index("بوتين")
    start, end = vmap.range_from_qt(vmap.omap.to_qt(d), vmap.omap.to_qt(d + 5))
    assert text[start:end] == "بوتينُ"
    assert ViewMap(text, hide=False).display_text == text
