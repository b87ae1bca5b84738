"""Quotes, claims and suggestions in the real window, on the reference article."""

from __future__ import annotations

import json

import jsonschema
import pytest
from PySide6.QtCore import Qt

from tests.conftest import ROOT, SEED
from tests.gui_support import (
    close_window,
    press,
    window_with,
)

pytestmark = [pytest.mark.gui, pytest.mark.shared]

QUOTE_START = "لم يتضح لنا.. هل هذه المزاعم"
QUOTE_END = "الطائرات الروسية"


@pytest.fixture
def win(qtbot, tmp_path, monkeypatch):
    w = window_with(qtbot, monkeypatch, tmp_path, [SEED], "seed.hashiya")
    yield w
    close_window(w)


def rows(w, kind: str) -> list[tuple[int, int, str]]:
    return [
        tuple(r)
        for r in w.project.db.execute(
            'SELECT start, "end", attrs FROM annotations WHERE kind = ? ORDER BY start', [kind]
        ).fetchall()
    ]


def links(w) -> list[tuple[str, str, str]]:
    return sorted(
        tuple(r) for r in w.project.db.execute("SELECT type, source, target FROM links").fetchall()
    )


def test_quote_with_speaker_and_cue_undo_redo_export(qtbot, win, tmp_path) -> None:
    text = win.session.text
    qs = text.index(QUOTE_START)
    qe = text.index(QUOTE_END, qs) + len(QUOTE_END)
    speaker = text.index("كيري قائلا", qs - 40)
    cue = text.index("وأضاف", qs - 40)
    # the speaker is a tagged entity
    win.view.select_range(speaker, speaker + 4)
    press(qtbot, win, Qt.Key.Key_1)
    entity = win.session.index.of_kind("entity")[0]
    # Q on the content
    win.view.select_range(qs - 1, qe + 1)  # with the guillemets: they are trimmed off
    press(qtbot, win, Qt.Key.Key_Q)
    assert [(s, e) for s, e, _ in rows(win, "quote")] == [(qs, qe)]
    assert json.loads(rows(win, "quote")[0][2]) == {"type": "direct"}
    assert win.attribution.pick is not None and win.attribution.pick[0] == "speaker"
    # click the entity: it becomes the speaker; then select the cue and press Enter
    rect = win.view.range_rects(entity.start, entity.end)[0]
    qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert win.attribution.pick is not None and win.attribution.pick[0] == "cue"
    win.view.select_range(cue, cue + 5)
    press(qtbot, win, Qt.Key.Key_Return)
    assert win.attribution.pick is None
    quote = win.session.index.of_kind("quote")[0]
    cue_span = win.session.index.of_kind("cue")[0]
    assert text[cue_span.start : cue_span.end] == "وأضاف"
    assert links(win) == sorted([("speaker", quote.id, entity.id), ("cue", quote.id, cue_span.id)])
    # selecting the quote shows its speaker and cue joined to it
    win.select_span(quote.id)
    assert set(win.view.related_span_ids) == {entity.id, cue_span.id}
    assert win.panes.quote_model.rowCount() == 1
    assert "كيري" in win.panes.quote_model.data(win.panes.quote_model.index(0, 0))
    # undo each step, then redo each step
    win.docs.undo_stack.undo()  # cue
    assert rows(win, "cue") == [] and links(win) == [("speaker", quote.id, entity.id)]
    win.docs.undo_stack.undo()  # speaker
    assert links(win) == []
    win.docs.undo_stack.undo()  # quote
    assert rows(win, "quote") == []
    for _ in range(3):
        win.docs.undo_stack.redo()
    assert len(links(win)) == 2 and len(rows(win, "quote")) == 1
    # deleting the speaker entity keeps the database consistent; undo restores the link
    import unittest.mock as mock

    from PySide6.QtWidgets import QMessageBox

    with mock.patch.object(
        QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes
    ) as asked:
        win.select_span(entity.id)
        press(qtbot, win, Qt.Key.Key_Delete)
    assert asked.called
    assert links(win) == [("cue", quote.id, cue_span.id)]
    win.docs.undo_stack.undo()
    assert len(links(win)) == 2
    # export and validate
    out = tmp_path / "out.jsonl"
    win.io.export_to(out)
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    jsonschema.validate(
        record, json.loads((ROOT / "resources" / "export.schema.json").read_text(encoding="utf-8"))
    )
    (q,) = record["quotes"]
    assert q["text"].startswith(QUOTE_START) and q["type"] == "direct"
    assert q["speaker"] == {"entity": entity.id}
    assert q["cue"]["text"] == "وأضاف"


def test_claim_with_attributes_and_claimant(qtbot, win) -> None:
    text = win.session.text
    c = text.index("26 مدنيا على الاقل قتلوا")
    win.view.select_range(c, c + len("26 مدنيا على الاقل قتلوا"))
    press(qtbot, win, Qt.Key.Key_C)
    claim = win.session.index.of_kind("claim")[0]
    assert win.attribution.pick == ("claimant", claim.id)
    press(qtbot, win, Qt.Key.Key_A)  # the article itself asserts it
    assert win.attribution.pick is None
    assert win.session.index[claim.id].attrs["claimant_article"] == "yes"
    win.tagging.set_attribute(claim.id, "checkworthy", "yes")
    win.tagging.set_attribute(claim.id, "type", "statistic")
    win.tagging.set_attribute(claim.id, "note", "رقم من المرصد")
    stored = json.loads(rows(win, "claim")[0][2])
    assert stored == {
        "checkworthy": "yes",
        "type": "statistic",
        "note": "رقم من المرصد",
        "claimant_article": "yes",
    }
    # the details panel edits through the same path
    win.select_span(claim.id)
    combo = win.panes.details.editors["checkworthy"]
    combo.setCurrentText("unsure")
    combo.activated.emit(combo.currentIndex())
    assert json.loads(rows(win, "claim")[0][2])["checkworthy"] == "unsure"
    win.docs.undo_stack.undo()
    assert json.loads(rows(win, "claim")[0][2])["checkworthy"] == "yes"
    # filter the claims panel
    win.panes.claim_filter.set_filter("checkworthy", "no")
    assert win.panes.claim_filter.rowCount() == 0
    win.panes.claim_filter.set_filter("checkworthy", "yes")
    assert win.panes.claim_filter.rowCount() == 1


def test_accept_and_reject_suggestions(qtbot, win) -> None:
    press(qtbot, win, Qt.Key.Key_F7)
    assert win.act_suggest.isChecked()
    # F7 starts the recommenders' training (a child process): its model, when it arrives,
    # adds its guesses to the queue, so the count is taken once it is in
    qtbot.waitUntil(lambda: win.recommender.current is not None, timeout=30000)
    total = len(win.suggestions.proposals())
    assert total > 20
    press(qtbot, win, Qt.Key.Key_N)
    first = win.suggestions.current()
    press(qtbot, win, Qt.Key.Key_Return)  # accept
    assert win.session.index.find(first.kind, first.start, first.end) is not None
    assert first not in win.suggestions.proposals()
    second = win.suggestions.current()
    press(qtbot, win, Qt.Key.Key_Backspace)  # reject
    assert second not in win.suggestions.proposals()
    assert (second.kind, second.start, second.end, second.label) in win.project.rejected(
        win.session.doc.id
    )
    assert len(win.suggestions.proposals()) == total - 2
    # rejected ones do not return for this document, even after reopening it
    win.docs.open(win.session.doc.id)
    win.suggestions.compute()
    assert all(p.key != second.key for p in win.suggestions.proposals())
    # undo the rejection brings it back; undo the acceptance removes the quote
    win.docs.undo_stack.undo()
    assert second.key not in win.project.rejected(win.session.doc.id)
    assert any(p.key == second.key for p in win.suggestions.proposals())
    win.docs.undo_stack.undo()
    assert win.session.index.find(first.kind, first.start, first.end) is None


def test_suggestion_confidence_is_shown_filtered_and_stored(qtbot, win, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    press(qtbot, win, Qt.Key.Key_F7)
    everything = win.suggestions.proposals()
    assert {round(p.confidence, 2) for p in everything} >= {0.9, 0.6}
    press(qtbot, win, Qt.Key.Key_N)
    shown = win.suggestions.current()
    assert f"confidence {shown.confidence:.2f}" in win.statusBar().currentMessage()
    # filter: only suggestions at or above the chosen confidence, remembered in the settings
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (0.7, True))
    win.act_min_confidence.trigger()
    assert win.suggestions.proposals() and all(
        p.confidence >= 0.7 for p in win.suggestions.proposals()
    )
    assert len(win.suggestions.proposals()) < len(everything)
    assert float(win.prefs.settings.value("suggestions/min_confidence")) == 0.7
    # accepting stores origin=accepted and the confidence on the quote, not on its cue
    p = win.suggestions.current()
    press(qtbot, win, Qt.Key.Key_Return)
    stored = win.session.index.find(p.kind, p.start, p.end)
    assert stored is not None
    assert stored.attrs["origin"] == "accepted"
    assert stored.attrs["confidence"] == f"{p.confidence:.2f}"
    cues = [s for s in win.session.index.of_kind("cue")]
    assert all("confidence" not in s.attrs for s in cues)
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: (0.0, True))
    win.act_min_confidence.trigger()


def test_tag_all_occurrences_is_one_undo_step(qtbot, win) -> None:
    text = win.session.text
    i = text.index(" بوتين ") + 1
    win.view.select_range(i, i + 5)
    press(qtbot, win, Qt.Key.Key_1)
    span = win.session.index.of_kind("entity")[0]
    win.select_span(span.id)
    press(qtbot, win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    found = [p for p in win.suggestions.proposals() if p.kind == "entity"]
    assert len(found) >= 10
    for p in found:
        assert win.session.text[p.start : p.end].endswith("بوتين")
    press(
        qtbot,
        win,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.project.span_count(win.session.doc.id, "entity") == 1 + len(found)
    win.docs.undo_stack.undo()
    assert win.project.span_count(win.session.doc.id, "entity") == 1


def test_details_fields_have_distinct_alt_keys(qtbot, win) -> None:
    text = win.session.text
    c = text.index("26 مدنيا على الاقل قتلوا")
    win.view.select_range(c, c + 8)
    press(qtbot, win, Qt.Key.Key_C)
    press(qtbot, win, Qt.Key.Key_Escape)
    claim = win.session.index.of_kind("claim")[0]
    win.select_span(claim.id)
    form = win.panes.details.form
    from PySide6.QtWidgets import QFormLayout, QLabel

    keys = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and "&" in label.text():
            keys.append(label.text()[label.text().index("&") + 1].lower())
    assert len(keys) >= 4 and len(keys) == len(set(keys))
