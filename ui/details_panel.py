"""The side panel for the selected annotation: its links and its attributes, built from the
label schema (enumerated attributes become combo boxes, free-text ones line edits)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

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
from ui.i18n import current_language
from ui.panels import attribute_text, kind_title
from ui.plain_text import escaped, isolate, ltr, plain_label, span_range, visible_controls


def excerpt(text: str, span: Span | None, limit: int = 48) -> str:
    if span is None:
        return "—"
    s = text[span.start : span.end].replace("\n", " ")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _current_data(combo: QComboBox) -> str:
    """The stored value of an attribute combo (its text is the translated one)."""
    return str(combo.currentData())


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
        self.header_text = ""
        self.title = QLabel(self.tr("Select an annotation to see its details."), self)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # its user parts are escaped
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        # in a narrow dock a field goes under its label rather than widening the dock
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
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
            self.title.setText(self.tr("Select an annotation to see its details."))
            return
        if span.kind == "quote":
            self._link_row(self.tr("&Speaker"), "speaker", self.tr("Set speaker…"))
            self._link_row(self.tr("C&ue"), "cue", self.tr("Set reporting verb…"))
        elif span.kind == "claim":
            self._link_row(self.tr("Clai&mant"), "claimant", self.tr("Set claimant…"))
            self.link_labels["in_quote"] = plain_label(self)
            self.form.addRow(self.tr("In quote"), self.link_labels["in_quote"])
        for attr in schema.attributes_for(span.kind):
            if attr.name == "claimant_article":
                continue  # shown in the claimant row
            value = str(span.attrs.get(attr.name, attr.default))
            title = attribute_text(attr.title) if attr.title else attr.name
            label = QLabel(self._mnemonic(visible_controls(title)), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if attr.values is not None:
                combo = QComboBox(self)
                for v in attr.values:
                    combo.addItem(attribute_text(v), v)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.activated.connect(
                    self._emitter(span.id, attr.name, partial(_current_data, combo))
                )
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
        title = (
            kind_title(schema.kind(span.kind).title)
            if span.kind in {k.name for k in schema.kinds}
            else span.kind
        )
        lang = current_language()
        label_name = (
            schema.label(span.label).display_name(lang)
            if schema.has_label(span.label)
            else span.label
        )
        # Each part isolated: an Arabic label name, a Latin code and the numbers of the range
        # keep their own direction and order whatever the interface direction.
        named = title if label_name == title else f"{title} · {label_name}"
        self.header_text = (
            f"{isolate(visible_controls(named))} · "
            f"{ltr(visible_controls(span.label))} · "
            f"{span_range(span.start, span.end)}"
        )
        self.title.setText(
            f"<b>{escaped(self.header_text)}</b><br>"
            f"<span dir='rtl'>{escaped(excerpt(text, span, 120))}</span>"
        )
        att = attribution_of(index, span)
        values = {
            "speaker": excerpt(text, att.speaker) if att.speaker else self.tr("unknown"),
            "cue": excerpt(text, att.cue) if att.cue else self.tr("none"),
            "claimant": self.tr("the article itself")
            if att.article
            else (excerpt(text, att.speaker) if att.speaker else self.tr("unknown")),
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
                if editor.currentData() != value:
                    editor.setCurrentIndex(max(0, editor.findData(value)))
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

    def _link_row(self, title: str, role: str, button_text: str) -> None:
        row = QWidget(self)
        lay = QVBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.link_labels[role] = plain_label(row)
        lay.addWidget(self.link_labels[role])
        button = QPushButton(button_text, row)
        button.clicked.connect(lambda: self._request_pick(role))
        lay.addWidget(button)
        self.form.addRow(title, row)
