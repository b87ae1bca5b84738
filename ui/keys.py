"""Commands by physical key, whatever the keyboard layout.

With only an Arabic layout active, pressing the key marked Q types ض and Qt reports Key 0x0636:
a shortcut bound to Q, or Ctrl+Z, never fires (with "ara,us" Qt falls back to the Latin group,
without one it cannot). `latin_key` maps such an event back to the Latin key in the same place
(the Arabic (101) layout, which X11's "ara", Windows and macOS share for letters; Arabic-Indic
and Persian digits count as 1…9), and `LayoutIndependentShortcuts` triggers the action whose
shortcut is that Latin key with the same modifiers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# Arabic (101): the character each key types unshifted -> the Latin key at that place.
ARABIC_101 = {
    "ذ": "`", "ض": "Q", "ص": "W", "ث": "E", "ق": "R", "ف": "T", "غ": "Y", "ع": "U", "ه": "I",
    "خ": "O", "ح": "P", "ج": "[", "د": "]", "ش": "A", "س": "S", "ي": "D", "ب": "F", "ل": "G",
    "ا": "H", "ت": "J", "ن": "K", "م": "L", "ك": ";", "ط": "'", "ئ": "Z", "ء": "X", "ؤ": "C",
    "ر": "V", "ى": "N", "ة": "M", "و": ",", "ز": ".", "ظ": "/",
}  # fmt: skip
# Shifted keys of the same layout that type a non-Latin character (the others are Latin keys).
ARABIC_101_SHIFTED = {
    "َ": "Q", "ً": "W", "ُ": "E", "ٌ": "R", "ﻹ": "T", "إ": "Y", "‘": "U", "÷": "I", "×": "O",
    "؛": "P", "ِ": "A", "ٍ": "S", "ﻷ": "G", "أ": "H", "ـ": "J", "،": "K", "ْ": "X", "ﻵ": "B",
    "آ": "N", "’": "M", "؟": "/",
}  # fmt: skip
for _zero in (0x0660, 0x06F0):  # Arabic-Indic and Extended (Persian) digits
    for _d in range(10):
        ARABIC_101[chr(_zero + _d)] = str(_d)
# xcb native scan codes (evdev + 8) of the letter keys, for layouts not in the table.
_XCB_LETTERS = dict(zip(range(24, 34), "QWERTYUIOP", strict=True))
_XCB_LETTERS |= dict(zip(range(38, 47), "ASDFGHJKL", strict=True))
_XCB_LETTERS |= dict(zip(range(52, 59), "ZXCVBNM", strict=True))
_XCB_LETTERS |= dict(zip(range(10, 20), "1234567890", strict=True))

_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _is_latin_key(key: int) -> bool:
    return Qt.Key.Key_Space <= key <= Qt.Key.Key_AsciiTilde


def latin_key(event: QKeyEvent) -> int | None:
    """The Qt key of the Latin character at the pressed key's place, or None if not known."""
    key = event.key()
    if _is_latin_key(key):
        return key
    text = event.text()
    latin = (ARABIC_101.get(text) or ARABIC_101_SHIFTED.get(text)) if text else None
    if latin is None and 0x0600 <= key <= 0x06FF:
        latin = ARABIC_101.get(chr(key))
    if latin is None:
        latin = _XCB_LETTERS.get(event.nativeScanCode())
    if latin is None:
        return None
    return QKeySequence(latin)[0].key()  # type: ignore[index]  # QKeySequence.operator[]


def latin_sequence(event: QKeyEvent) -> QKeySequence | None:
    key = latin_key(event)
    if key is None or key == event.key():
        return None
    modifiers = event.modifiers() & _MODIFIERS
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(key)))


def _types_text(widget: QObject) -> bool:
    """A widget where an unmodified key press is typing, never a command."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return False


class LayoutIndependentShortcuts(QObject):
    """An application event filter for one window: a key press that no shortcut took because of
    the layout triggers the enabled action whose shortcut is the same key in the Latin layout
    (unmodified keys only where they are not typing: never in a text field)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _action_for(self, sequence: QKeySequence) -> QAction | None:
        for action in self.window.findChildren(QAction):
            if not action.isEnabled():
                continue
            for shortcut in action.shortcuts():
                if shortcut.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch:
                    return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # A KeyPress reaches here only when no shortcut took the key (Qt tried them first).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if not isinstance(watched, QWidget) or watched.window() is not self.window:
                return False
            commanding = event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
            if not commanding and _types_text(watched):
                return False
            sequence = latin_sequence(event)
            action = self._action_for(sequence) if sequence is not None else None
            if action is not None:
                action.trigger()
                return True
        return False
