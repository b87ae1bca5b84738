"""End-to-end tests of the real main window (offscreen), driven with keys and the mouse."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT, SEED
from tests.gui_support import (
    close_window,
    isolate,
    open_window,
    press,
    wait_for_import,
    window_with,
)

pytestmark = pytest.mark.gui

ARTICLE = (
    "اجتماع في موسكو بين بوتين وكيري\n\n"
    "وقال المتحدث إن وبوتين سيلتقي كيري في موسكو الثلاثاء، وأضاف «لا نستبعد لقاءً».\n"
    "زار الرئيسُ الروسي لروسيا 😀 مدينة حلب.\n"
    + " " * 300  # a whitespace-only line, as in real articles: wider than the view
    + "\nآخر سطر.\n"
)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [article])
    yield win
    close_window(win)


def db_entities(win) -> list[tuple[int, int, str, str]]:
    rows = win.project.db.execute(
        "SELECT start, \"end\", label, boundary FROM annotations WHERE kind = 'entity' ORDER BY start"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_empty_project_offers_one_way_in(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "new.hashiya")
    assert win.stack.currentWidget() is win.empty_page
    assert win.import_button.isVisible()
    assert win.act_import.shortcut().toString() == "Ctrl+O"
    win.close()
    win.project.close()


def test_tag_inside_word_with_alt_keeps_exact_characters(qtbot, window) -> None:
    text = window.session.text
    i = text.index("وبوتين") + 1  # بوتين inside وبوتين
    window.view.select_range(i, i + 5)
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert db_entities(window) == [(i, i + 5, "PERS", "exact")]
    assert text[i : i + 5] == "بوتين"
    # the entity panel and the document list follow
    assert window.panes.entity_model.rowCount() == 1
    assert window.docs.documents()[0].entity_count == 1


def test_plain_key_snaps_to_whole_word_and_never_takes_punctuation(qtbot, window) -> None:
    text = window.session.text
    i = text.index("وبوتين")
    window.view.select_range(i + 2, i + 4)  # a piece of the word
    press(qtbot, window, Qt.Key.Key_1)
    j = text.index("لقاءً")
    window.view.select_range(j - 1, j + len("لقاءً") + 2)  # «لقاءً». with the marks
    press(qtbot, window, Qt.Key.Key_8)
    assert db_entities(window) == [
        (i, i + 6, "PERS", "token"),
        (j, j + len("لقاءً"), "DATE", "token"),
    ]


def test_shift_arrow_selection_then_key(qtbot, window) -> None:
    text = window.session.text
    i = text.index("موسكو")
    window.view.select_range(i, i)
    window.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection_range() is not None
    press(qtbot, window, Qt.Key.Key_3)
    assert db_entities(window) == [(i, i + 5, "GPE", "token")]


def test_undo_redo_delete_reach_the_database(qtbot, window) -> None:
    text = window.session.text
    i = text.index(" كيري ") + 1
    window.view.select_range(i, i + 4)
    press(qtbot, window, Qt.Key.Key_1)
    assert len(db_entities(window)) == 1
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_entities(window) == []
    assert window.panes.entity_model.rowCount() == 0
    press(
        qtbot,
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert db_entities(window) == [(i, i + 4, "PERS", "token")]
    # click the entity, then Delete
    span = window.session.index.of_kind("entity")[0]
    window.view.spanClicked.emit(span.id)
    assert window.view.active_span_id == span.id
    press(qtbot, window, Qt.Key.Key_Delete)
    assert db_entities(window) == []
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_entities(window) == [(i, i + 4, "PERS", "token")]
    assert window.session.index.get(span.id) is not None  # same id restored


def test_clicking_an_entity_in_the_text_selects_it(qtbot, window) -> None:
    text = window.session.text
    i = text.index("حلب")
    window.view.select_range(i, i + 3)
    press(qtbot, window, Qt.Key.Key_3)
    window.view.clear_selection()
    rect = window.view.range_rects(i, i + 3)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    span = window.session.index.of_kind("entity")[0]
    assert window.view.active_span_id == span.id
    # a digit with an entity selected and no text selection changes its label
    press(qtbot, window, Qt.Key.Key_4)
    assert db_entities(window) == [(i, i + 3, "LOC", "token")]


def test_nested_and_overlapping_entities_are_allowed(qtbot, window) -> None:
    text = window.session.text
    i = text.index("الرئيسُ الروسي")
    window.view.select_range(i, i + len("الرئيسُ الروسي"))
    press(qtbot, window, Qt.Key.Key_1)
    j = text.index("الروسي", i)
    window.view.select_range(j, j + 6)
    press(qtbot, window, Qt.Key.Key_5)
    assert db_entities(window) == [
        (i, i + len("الرئيسُ الروسي"), "PERS", "token"),
        (j, j + 6, "NORP", "token"),
    ]
    # the inner segment shows the inner colour, underlined with the outer one
    schema = window.project.schema()
    segments = window.view.entity_segments(window.session.index.of_kind("entity"))
    assert segments == [
        (i, j, schema.label("PERS").color, None, False),
        (j, j + 6, schema.label("NORP").color, schema.label("PERS").color, False),
    ]
    assert window.view.entity_paint_count() == 2


def test_offsets_after_an_emoji_are_code_points(qtbot, window) -> None:
    text = window.session.text
    i = text.index("مدينة")
    assert "😀" in text[:i]
    window.view.select_range(i, i + 5)
    press(qtbot, window, Qt.Key.Key_4)
    (start, end, _label, _b) = db_entities(window)[0]
    assert text[start:end] == "مدينة"
    assert window.view.omap.to_qt(start) == start + 1  # one astral character before it


def test_status_and_progress(qtbot, window) -> None:
    press(
        qtbot,
        window,
        Qt.Key.Key_3,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.project.document_info(window.session.doc.id).status == "done"
    assert window.documents.done_count() == 1
    window.docs.undo_stack.undo()
    assert window.project.document_info(window.session.doc.id).status == "new"
    assert window.documents.done_count() == 0


def test_schema_rename_relabels_and_undo_renames_back(qtbot, window) -> None:
    from dataclasses import replace

    from ui.commands import ChangeSchema

    text = window.session.text
    i = text.index(" كيري ") + 1
    window.view.select_range(i, i + 4)
    press(qtbot, window, Qt.Key.Key_1)
    old = window.project.schema()
    new = old.with_label_changed("PERS", name="PERSON", color="#123456")
    window.docs.undo_stack.push(ChangeSchema(window.docs, old, new, {"PERS": "PERSON"}))
    assert db_entities(window)[0][2] == "PERSON"
    assert window.session.index.of_kind("entity")[0].label == "PERSON"
    assert any(
        "PERSON" in window.panes.legend.item(r).text() for r in range(window.panes.legend.count())
    )
    window.docs.undo_stack.undo()
    assert db_entities(window)[0][2] == "PERS"
    assert replace(window.project.schema()) == old


def test_zoom_is_kept_per_user_not_in_the_project(qtbot, window) -> None:
    # Issue 7: view preferences live in QSettings; the shared project file holds no zoom.
    from ui.app import app_settings

    size = window.view.point_size
    press(qtbot, window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 2
    assert int(app_settings().value("view/zoom")) == size + 2
    assert window.project.setting("zoom", "") == ""


def test_import_lists_refusals(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (bad / "good.txt").write_text("خبر قصير عن دمشق", encoding="utf-8")
    window.io.import_paths([bad], modal=False)
    wait_for_import(qtbot, window, 2)
    qtbot.waitUntil(
        lambda: window.io.report_dialog is not None and window.io.report_dialog.isVisible()
    )
    report = window.io.last_report
    assert len(report.imported) == 1 and len(report.refused) == 2
    assert {r.path.name for r in report.refused} == {"empty.txt", "binary.txt"}


def test_import_of_many_records_stores_them_through_the_writer_thread(
    qtbot, window, tmp_path
) -> None:
    # 150 records make several batches: the window's import runs the importer's writer
    # thread (storage.importer) from the interface thread and shows every record after it.
    texts = [f"خبر رقم {i} عن اجتماع المجلس البلدي في جدة اليوم." for i in range(150)]
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"many-{i}", "text": t}, ensure_ascii=False) + "\n"
            for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    window.io.import_paths([path], modal=False)
    wait_for_import(qtbot, window, 151)
    report = window.io.last_report
    assert len(report.imported) == 150 and report.refused == []
    ids = window.project.document_ids()
    assert ids[1:] == [f"many-{i}" for i in range(150)]
    assert [window.project.document(i).text for i in ids[1:]] == texts
    from storage.search_index import search_project, unindexed_count

    assert unindexed_count(window.project.db.conn) == 0  # indexed with its documents
    assert len({doc for doc, _, _ in search_project(window.project, "جده")}) == 150


@pytest.mark.shared
def test_seed_loop_export_validates(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "seed.hashiya")
    win.io.import_paths([SEED], modal=False)
    wait_for_import(qtbot, win, 1)
    text = win.session.text
    assert text == SEED.read_text(encoding="utf-8")
    i = text.index("وبوتين") + 1
    win.view.select_range(i, i + 5)
    press(qtbot, win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    k = text.index("الكرملين")
    win.view.select_range(k + 3, k + 5)
    press(qtbot, win, Qt.Key.Key_2)
    out = tmp_path / "out.jsonl"
    assert win.io.export_to(out) is not None
    schema = json.loads((ROOT / "resources" / "export.schema.json").read_text(encoding="utf-8"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    jsonschema.validate(record, schema)
    ents = sorted((e["start"], e["end"], e["label"], e["text"]) for e in record["entities"])
    assert ents == [(i, i + 5, "PERS", "بوتين"), (k, k + len("الكرملين"), "ORG", "الكرملين")]
    for e in record["entities"]:
        assert record["text"][e["start"] : e["end"]] == e["text"]
    win.close()
    win.project.close()


def test_geometry_is_remembered(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "g.hashiya")
    win.resize(760, 520)  # inside the offscreen screen (800x600): restoreGeometry clamps to it
    size = (win.width(), win.height())
    assert size == (760, 520)
    win.close()
    win.project.close()
    assert Path(tmp_path / "config").exists()
    win2 = open_window(qtbot, tmp_path / "g.hashiya")
    assert (win2.width(), win2.height()) == size
    win2.close()
    win2.project.close()


def test_strip_clitics_policy_tags_the_stem_and_is_stored(qtbot, window) -> None:
    window.tagging.set_boundary_policy("strip_clitics")
    assert window.project.setting("boundary_policy", "") == "strip_clitics"
    text = window.session.text
    i = text.index("وبوتين")
    window.view.select_range(i + 2, i + 4)
    press(qtbot, window, Qt.Key.Key_1)
    j = text.index("لروسيا")
    window.view.select_range(j, j + 6)
    press(qtbot, window, Qt.Key.Key_3)
    assert db_entities(window) == [
        (i + 1, i + 6, "PERS", "strip_clitics"),
        (j + 1, j + 6, "GPE", "strip_clitics"),
    ]
    # Alt still gives exactly the characters selected
    k = text.index("حلب")
    window.view.select_range(k, k + 2)
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert (k, k + 2, "LOC", "exact") in db_entities(window)


def test_painted_rectangles_sit_where_qt_draws_the_text(qtbot, window) -> None:
    """Our highlight geometry must agree with Qt's own caret rectangles (right-to-left offsets,
    scrolling), or highlights would drift off their words."""
    from PySide6.QtGui import QTextCursor

    view = window.view
    text = window.session.text
    view.set_point_size(30)  # long lines wrap and the view scrolls
    QApplication.processEvents()
    for word in ("موسكو", "المتحدث", "الثلاثاء", "حلب"):
        i = text.index(word)
        view.scroll_to(i, i + len(word))
        QApplication.processEvents()
        (rect,) = view.range_rects(i, i + len(word))
        cursor = QTextCursor(view.document())
        xs = []
        for pos in (i, i + len(word)):
            cursor.setPosition(view.omap.to_qt(pos))
            caret = view.cursorRect(cursor)
            xs.append(caret.x())
            assert abs(caret.center().y() - rect.center().y()) < rect.height() / 2
        assert abs(rect.left() - min(xs)) <= 1.5 and abs(rect.right() - max(xs)) <= 1.5
