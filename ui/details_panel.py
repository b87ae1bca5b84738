"""The side panel for the selected annotation: its links and its attributes, built from the
label schema (enumerated attributes become combo boxes, free-text ones line edits)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotation.attribution import attribution_of
from annotation.schema import LabelSchema
from annotation.span_index import SpanIndex
from annotation.spans import Span
from ui.plain_text import escaped, plain_label, visible_controls


def excerpt(text: str, span: Span | None, limit: int = 48) -> str:
    if span is None:
        return "—"
    s = text[span.start : span.end].replace("\n", " ")
    return s if len(s) <= limit else s[: limit - 1] + "…"


class DetailsPanel(QWidget):
    attributeEdited = Signal(str, str, str)  # span id, attribute, value
    pickRequested = Signal(str, str)  # span id, role (speaker / cue / claimant)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span: Span | None = None
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self.link_labels: dict[str, QLabel] = {}
        self._schema: LabelSchema | None = None
        self._used_keys: set[str] = set()
        layout = QVBoxLayout(self)
        self.title = QLabel("Select an annotation to see its details.", self)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # its user parts are escaped
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        layout.addStretch(1)

    def _clear(self) -> None:
        # takeRow + deleteLater, never removeRow: the rebuild may run inside a signal of one of
        # these very widgets (a combo box's activated, from the keyboard), and deleting it
        # there crashes the process.
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.editors = {}
        self.link_labels = {}
        self._used_keys = {"s", "u", "m"}  # &Speaker, C&ue, Clai&mant

    def show_span(
        self, span: Span | None, text: str, index: SpanIndex, schema: LabelSchema
    ) -> None:
        """Show span's links and attributes. The same span shown again (after one of its own
        edits) is updated in place: the field being edited keeps its widget and the focus."""
        if (
            span is not None
            and self.span is not None
            and span.id == self.span.id
            and span.kind == self.span.kind
            and self._schema == schema
        ):
            self.span = span
            self._fill(span, text, index, schema)
            return
        self._clear()
        self.span = span
        self._schema = schema if span is not None else None
        if span is None:
            self.title.setText("Select an annotation to see its details.")
            return
        if span.kind == "quote":
            self._link_row("&Speaker", "speaker")
            self._link_row("C&ue", "cue")
        elif span.kind == "claim":
            self._link_row("Clai&mant", "claimant")
            self.link_labels["in_quote"] = plain_label(self)
            self.form.addRow("In quote", self.link_labels["in_quote"])
        for attr in schema.attributes_for(span.kind):
            if attr.name == "claimant_article":
                continue  # shown in the claimant row
            value = str(span.attrs.get(attr.name, attr.default))
            label = QLabel(self._mnemonic(visible_controls(attr.title or attr.name)), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if attr.values is not None:
                combo = QComboBox(self)
                combo.addItems(list(attr.values))
                combo.setCurrentText(value)
                combo.activated.connect(self._emitter(span.id, attr.name, combo.currentText))
                label.setBuddy(combo)
                self.form.addRow(label, combo)
                self.editors[attr.name] = combo
            else:
                edit = QLineEdit(value, self)
                edit.editingFinished.connect(self._emitter(span.id, attr.name, edit.text))
                label.setBuddy(edit)
                self.form.addRow(label, edit)
                self.editors[attr.name] = edit
        self._fill(span, text, index, schema)

    def _fill(self, span: Span, text: str, index: SpanIndex, schema: LabelSchema) -> None:
        """Put span's current values into the existing rows (no signals from the editors)."""
        kind_title = (
            schema.kind(span.kind).title
            if span.kind in {k.name for k in schema.kinds}
            else span.kind
        )
        self.title.setText(
            f"<b>{escaped(visible_controls(kind_title))}</b> · "
            f"{escaped(visible_controls(span.label))} · [{span.start}, {span.end})<br>"
            f"<span dir='rtl'>{escaped(excerpt(text, span, 120))}</span>"
        )
        att = attribution_of(index, span)
        values = {
            "speaker": excerpt(text, att.speaker) if att.speaker else "unknown",
            "cue": excerpt(text, att.cue) if att.cue else "none",
            "claimant": "the article itself"
            if att.article
            else (excerpt(text, att.speaker) if att.speaker else "unknown"),
            "in_quote": excerpt(text, att.quote) if att.quote else "—",
        }
        for role, label in self.link_labels.items():
            label.setText(values[role])
        for attr in schema.attributes_for(span.kind):
            editor = self.editors.get(attr.name)
            if editor is None:
                continue
            value = str(span.attrs.get(attr.name, attr.default))
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                if editor.currentText() != value:
                    editor.setCurrentText(value)
            elif editor.text() != value:
                editor.setText(value)
            editor.blockSignals(False)

    def _mnemonic(self, title: str) -> str:
        """The title with an Alt+letter shortcut that no other field of the panel uses (an
        "&" of the title itself is doubled so that it shows as typed)."""
        title = (title[0].upper() + title[1:]).replace("&", "&&")
        for i, c in enumerate(title):
            if c.isalpha() and c.lower() not in self._used_keys and title[i - 1 : i] != "&":
                self._used_keys.add(c.lower())
                return f"{title[:i]}&{title[i:]}"
        return title

    def _emitter(self, span_id: str, name: str, getter: Callable[[], str]) -> Callable[..., None]:
        def emit(*_args: object) -> None:
            if self.span is not None and self.span.id == span_id:
                value = getter()
                if str(self.span.attrs.get(name, "")) != value:
                    self.attributeEdited.emit(span_id, name, value)

        return emit

    def _request_pick(self, role: str) -> None:
        if self.span is not None:
            self.pickRequested.emit(self.span.id, role)

    def _link_row(self, title: str, role: str) -> None:
        row = QWidget(self)
        lay = QVBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.link_labels[role] = plain_label(row)
        lay.addWidget(self.link_labels[role])
        button = QPushButton(f"Set {role}…", row)
        button.clicked.connect(lambda: self._request_pick(role))
        lay.addWidget(button)
        self.form.addRow(title, row)
