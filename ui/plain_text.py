"""Showing strings that come from users or files (document names, sources, article excerpts,
label names, error reasons) as what they are: never interpreted as HTML, and with invisible
bidi controls made visible where a name could otherwise be disguised (``cod\u202eexe.txt``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotation.schema import LabelDef

# Bidi controls that can reorder what a name appears to say (Trojan Source, CVE-2021-42574).
# Shown as ⟨NAME⟩ in names and sources; the stored text is never changed.
BIDI_NAMES = {
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
_VISIBLE = str.maketrans({c: f"\u27e8{name}\u27e9" for c, name in BIDI_NAMES.items()})


def visible_controls(name: str) -> str:
    """A file name, source or label with its bidi controls spelled out: ``⟨RLO⟩``."""
    return name.translate(_VISIBLE)


def escaped(text: str) -> str:
    """For places Qt reads as rich text whatever we do (tooltips): HTML-escaped."""
    return html.escape(text, quote=False)


def tooltip(text: str) -> str:
    """A tooltip showing text literally. Qt decides per tooltip whether it is rich text
    (``Qt::mightBeRichText``); escaping makes any markup in text show as typed."""
    return escaped(text)


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows its text literally (QLabel guesses rich text by default)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def lay_out_form(
    dialog: QDialog, form: QFormLayout, ok_text: str
) -> tuple[QLabel, QDialogButtonBox]:
    """A form dialog's layout: the form, a one-line refusal in red (hidden until set) and
    OK / Cancel, OK named ok_text and Cancel rejecting; the caller connects OK."""
    refusal = plain_label(dialog)
    refusal.setStyleSheet("color: #b71c1c;")
    refusal.setWordWrap(True)
    refusal.hide()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(refusal)
    layout.addWidget(buttons)
    return refusal, buttons


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question whose text (which may quote the article) shows as plain text."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec() == QMessageBox.StandardButton.Yes


# Unicode isolates: a run whose direction must not leak into (or take from) the text around it,
# for strings that mix Arabic with numbers, codes or Latin labels (status bar, headers, lists).
FSI, LRI, RLI, PDI = "\u2068", "\u2066", "\u2067", "\u2069"


def isolate(text: str) -> str:
    """text as a first-strong isolate: its own direction, whatever surrounds it."""
    return f"{FSI}{text}{PDI}"


def ltr(text: str) -> str:
    """text (a code, number or range like [12, 40)) as a left-to-right isolate."""
    return f"{LRI}{text}{PDI}"


def span_range(start: int, end: int) -> str:
    """The half-open range [start, end) kept left to right inside Arabic text."""
    return ltr(f"[{start}, {end})")


def label_tooltip(label: LabelDef, lang: str) -> str:
    """A label's tooltip: its name in lang with the code isolated, then its definition."""
    head = (
        f"{isolate(visible_controls(label.display_name(lang)))} {ltr(visible_controls(label.name))}"
    )
    definition = label.description(lang)
    return tooltip(f"{head}\n{isolate(definition)}" if definition else head)
