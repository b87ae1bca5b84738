"""Commands by physical key: an Arabic-only keyboard layout still reaches Q, C, 1…9, Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTextEdit, QVBoxLayout, QWidget

from ui.keys import LayoutIndependentShortcuts, latin_key, latin_sequence

pytestmark = pytest.mark.gui


def _arabic_key(char: str, modifiers=Qt.KeyboardModifier.NoModifier, scan: int = 0) -> QKeyEvent:
    """What Qt delivers with only an Arabic layout: the key is the Arabic character's code."""
    return QKeyEvent(QEvent.Type.KeyPress, ord(char), modifiers, scan, 0, 0, char)


def test_latin_key_of_arabic_letters_digits_and_scan_codes() -> None:
    assert latin_key(_arabic_key("ض")) == Qt.Key.Key_Q
    assert latin_key(_arabic_key("ؤ")) == Qt.Key.Key_C
    assert latin_key(_arabic_key("ئ", Qt.KeyboardModifier.ControlModifier)) == Qt.Key.Key_Z
    assert latin_key(_arabic_key("٣")) == Qt.Key.Key_3  # Arabic-Indic digit
    assert latin_key(_arabic_key("۷")) == Qt.Key.Key_7  # Persian digit
    assert latin_key(_arabic_key("\u06a9", scan=24)) == Qt.Key.Key_Q  # unknown char: scan code
    latin = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier, "q")
    assert latin_key(latin) == Qt.Key.Key_Q and latin_sequence(latin) is None
    seq = latin_sequence(_arabic_key("ئ", Qt.KeyboardModifier.ControlModifier))
    assert seq == QKeySequence("Ctrl+Z")


class _Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.fired: list[str] = []
        for name, shortcut in (("undo", "Ctrl+Z"), ("quote", "Q"), ("pers", "1")):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, n=name: self.fired.append(n))
            self.addAction(action)
        body = QWidget(self)
        self.view = QTextEdit(body)
        self.view.setReadOnly(True)
        self.field = QLineEdit(body)
        layout = QVBoxLayout(body)
        layout.addWidget(self.view)
        layout.addWidget(self.field)
        self.setCentralWidget(body)
        self.keys = LayoutIndependentShortcuts(self)


def test_arabic_layout_reaches_actions_but_never_steals_typing(qtbot) -> None:
    """QTest goes through Qt's shortcut machinery: the Arabic key matches no shortcut, so the
    key press reaches the widget, where the filter maps it."""
    window = _Window()
    qtbot.addWidget(window)
    window.show()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key(ord("ض")))
    qtbot.keyClick(window.view, Qt.Key(ord("١")))
    qtbot.keyClick(window.view, Qt.Key(ord("ئ")), Qt.KeyboardModifier.ControlModifier)
    assert window.fired == ["quote", "pers", "undo"]
    qtbot.keyClick(window.view, Qt.Key.Key_B)  # a Latin key is Qt's business: never doubled
    assert len(window.fired) == 3
    window.field.setFocus()
    QApplication.sendEvent(window.field, _arabic_key("ض"))  # typing: a letter, not a command
    assert window.field.text() == "ض" and len(window.fired) == 3
    qtbot.keyClick(window.field, Qt.Key(ord("ئ")), Qt.KeyboardModifier.ControlModifier)
    assert window.fired[-1] == "undo"  # a modified key is a command everywhere
