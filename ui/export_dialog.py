"""The Export dialog: the command line's export choices (format, documents by status, kinds,
annotation layer, offsets, clitics, doccano layout, Label Studio predictions, dataset split),
only those the chosen format takes enabled. It builds a storage.export_run.ExportOptions; the
export itself runs through storage.export_run.run, the command line's path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotation.documents import STATUSES
from annotation.errors import HashiyaError
from annotation.layers import Layer
from storage import export_run
from storage.formats.common import OFFSET_UNITS
from storage.formats.native import KINDS
from ui.i18n import QT_TRANSLATE_NOOP
from ui.panels import status_title
from ui.plain_text import lay_out_form

FORMAT_NAMES = {
    "native": QT_TRANSLATE_NOOP("ExportDialog", "Hashiya JSONL (native, everything)"),
    "doccano": QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"),
    "label-studio": QT_TRANSLATE_NOOP("ExportDialog", "Label Studio JSON"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (a folder)"),
    "prodigy": QT_TRANSLATE_NOOP("ExportDialog", "Prodigy JSONL"),
    "spacy": QT_TRANSLATE_NOOP("ExportDialog", "spaCy DocBin"),
    "inception": QT_TRANSLATE_NOOP("ExportDialog", "INCEpTION / WebAnno TSV (a folder)"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "CoNLL, Wojood layout (entities)"),
    "tokens-jsonl": QT_TRANSLATE_NOOP("ExportDialog", "Tokens JSONL, one sentence a line"),
}
_KIND_NAMES = {
    "entities": QT_TRANSLATE_NOOP("ExportDialog", "Entities"),
    "quotes": QT_TRANSLATE_NOOP("ExportDialog", "Quotes"),
    "claims": QT_TRANSLATE_NOOP("ExportDialog", "Claims"),
}
OFFSET_NAMES = {
    "codepoints": QT_TRANSLATE_NOOP("ExportDialog", "code points"),
    "utf16": QT_TRANSLATE_NOOP("ExportDialog", "UTF-16 units"),
    "graphemes": QT_TRANSLATE_NOOP("ExportDialog", "graphemes"),
}


class ExportDialog(QDialog):
    """Choose an export; `options()` and `out_path()` say what was chosen, `error` shows a
    one-line refusal (the dialog stays open)."""

    def __init__(
        self,
        start_folder: str,
        annotators: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._start_folder = start_folder
        self._typed_path = False  # the user chose a name: keep it when the format changes
        form = QFormLayout()

        self.format_combo = QComboBox(self)
        for fmt in export_run.FORMATS:
            self.format_combo.addItem(self.tr(FORMAT_NAMES[fmt]), fmt)
        form.addRow(self.tr("&Format:"), self.format_combo)

        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("All documents"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_title(status), status)
        form.addRow(self.tr("&Documents:"), self.status_combo)

        kinds_row = QWidget(self)
        kinds_layout = QHBoxLayout(kinds_row)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in KINDS:
            box = QCheckBox(self.tr(_KIND_NAMES[kind]), kinds_row)
            box.setChecked(True)
            kinds_layout.addWidget(box)
            self.kind_boxes[kind] = box
        kinds_layout.addStretch(1)
        form.addRow(self.tr("&Kinds:"), kinds_row)

        self.layer_combo = QComboBox(self)
        self.layer_combo.addItem(
            self.tr("Gold where curated, else the single annotator's"), "default"
        )
        self.layer_combo.addItem(self.tr("Gold layer only"), "gold")
        self.layer_combo.addItem(self.tr("Every annotator's, each span marked"), "all")
        for name in annotators:
            self.layer_combo.addItem(
                self.tr("Annotator: {name}").format(name=name), f"annotator:{name}"
            )
        form.addRow(self.tr("&Annotations:"), self.layer_combo)

        self.offsets_combo = QComboBox(self)
        self.offsets_combo.addItem(self.tr("The format's own"), None)
        for unit in OFFSET_UNITS:
            self.offsets_combo.addItem(self.tr(OFFSET_NAMES[unit]), unit)
        form.addRow(self.tr("&Offsets:"), self.offsets_combo)

        self.clitics_combo = QComboBox(self)
        self.clitics_combo.addItem(self.tr("Kept in their token"), "keep")
        self.clitics_combo.addItem(self.tr("Split off as tokens of their own"), "split")
        form.addRow(self.tr("&Proclitics:"), self.clitics_combo)

        self.document_marker_box = QCheckBox(
            self.tr("Start each document with a -DOCSTART- line"), self
        )
        self.document_marker_box.setChecked(True)
        self.document_marker_box.setToolTip(
            self.tr(
                "CoNLL-2003's document marker: without it the documents of the file cannot be "
                "told apart when it is imported again."
            )
        )
        form.addRow(self.tr("CoNLL:"), self.document_marker_box)

        self.layout_combo = QComboBox(self)
        self.layout_combo.addItem(self.tr("Relations"), None)
        self.layout_combo.addItem(self.tr("Sequence labels, no relations"), "labels")
        form.addRow(self.tr("doccano &layout:"), self.layout_combo)

        self.predictions_box = QCheckBox(
            self.tr("Write the spans as predictions (pre-annotations)"), self
        )
        form.addRow(self.tr("Label Studio:"), self.predictions_box)

        split_row = QWidget(self)
        split_layout = QHBoxLayout(split_row)
        split_layout.setContentsMargins(0, 0, 0, 0)
        self.split_box = QCheckBox(self.tr("Split by document:"), split_row)
        self.split_edit = QLineEdit("train=0.8,dev=0.1,test=0.1", split_row)
        self.split_edit.setMinimumWidth(220)
        self.seed_spin = QSpinBox(self)
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(13)
        self.seed_spin.setPrefix(self.tr("seed "))
        self.stratify_box = QCheckBox(self.tr("each source folder apart"), self)
        split_layout.addWidget(self.split_box)
        split_layout.addWidget(self.split_edit, 1)
        form.addRow(self.tr("Data&set:"), split_row)
        split_more = QWidget(self)
        more_layout = QHBoxLayout(split_more)
        more_layout.setContentsMargins(0, 0, 0, 0)
        more_layout.addWidget(self.seed_spin)
        more_layout.addWidget(self.stratify_box)
        more_layout.addStretch(1)
        form.addRow("", split_more)

        out_row = QWidget(self)
        out_layout = QHBoxLayout(out_row)
        out_layout.setContentsMargins(0, 0, 0, 0)
        self.out_edit = QLineEdit(out_row)
        self.out_edit.textEdited.connect(self._path_typed)
        self.browse_button = QPushButton(self.tr("&Browse…"), out_row)
        self.browse_button.clicked.connect(self._browse)
        out_layout.addWidget(self.out_edit, 1)
        out_layout.addWidget(self.browse_button)
        form.addRow(self.tr("&Write to:"), out_row)

        self.error_label, self.buttons = lay_out_form(self, form, self.tr("&Export"))

        self._option_widgets: dict[str, list[QWidget]] = {
            "status": [self.status_combo],
            "kinds": [kinds_row],
            "layer": [self.layer_combo],
            "offsets": [self.offsets_combo],
            "clitics": [self.clitics_combo],
            "document_marker": [self.document_marker_box],
            "layout": [self.layout_combo],
            "as_predictions": [self.predictions_box],
            "split": [self.split_box],
            "seed": [self.seed_spin],
            "stratify": [self.stratify_box],
        }
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.split_box.toggled.connect(self._format_changed)
        self._format_changed()

    # --- what is chosen ------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def options(self) -> export_run.ExportOptions:
        """The chosen options; ExportRefused / HashiyaError (one line) when they cannot be."""
        fmt = self.fmt()
        allowed = export_run.options_for(fmt)
        kinds = tuple(k for k, box in self.kind_boxes.items() if box.isChecked())
        if "kinds" not in allowed:
            kinds = KINDS
        split = None
        if "split" in allowed and self.split_box.isChecked():
            split = export_run.parse_split(self.split_edit.text())
        from annotation.layers import parse_layer

        layer: Layer = parse_layer(str(self.layer_combo.currentData()))
        return export_run.ExportOptions(
            fmt=fmt,
            status=self.status_combo.currentData(),
            kinds=kinds,
            layer=layer,
            offsets=self.offsets_combo.currentData() if "offsets" in allowed else None,
            clitics=str(self.clitics_combo.currentData()) if "clitics" in allowed else "keep",
            layout=self.layout_combo.currentData() if "layout" in allowed else None,
            as_predictions="as_predictions" in allowed and self.predictions_box.isChecked(),
            split=split,
            seed=self.seed_spin.value(),
            stratify="source" if split is not None and self.stratify_box.isChecked() else None,
            document_marker="document_marker" not in allowed
            or self.document_marker_box.isChecked(),
        )

    def out_path(self) -> Path:
        return Path(self.out_edit.text().strip())

    def show_error(self, message: str) -> None:
        self.error_label.setText(" ".join(message.split()))  # one line
        self.error_label.setVisible(bool(message))

    def accepted_options(self) -> tuple[export_run.ExportOptions, Path] | None:
        """The options and path, or None after showing why they cannot be used."""
        if not self.out_edit.text().strip():
            self.show_error(self.tr("Choose where to write the export."))
            return None
        try:
            options = self.options()
            export_run.check(options, self.out_path())
        except HashiyaError as exc:
            self.show_error(str(exc))
            return None
        self.show_error("")
        return options, self.out_path()

    # --- reacting to choices -------------------------------------------------------------------
    def _format_changed(self) -> None:
        allowed = export_run.options_for(self.fmt())
        for name, widgets in self._option_widgets.items():
            for w in widgets:
                w.setEnabled(name in allowed)
        splitting = "split" in allowed and self.split_box.isChecked()
        self.split_edit.setEnabled(splitting)
        self.seed_spin.setEnabled(splitting)
        self.stratify_box.setEnabled(splitting)
        if not self._typed_path:
            self.out_edit.setText(str(Path(self._start_folder) / self._default_name()))
        self.show_error("")

    def _folder_export(self) -> bool:
        try:
            options = self.options()
        except HashiyaError:
            return self.split_box.isChecked()
        return export_run.writes_folder(options)

    def _default_name(self) -> str:
        if self._folder_export():
            return f"hashiya-{self.fmt()}"
        return "hashiya-export" + export_run.suffix(self.fmt())

    def _path_typed(self, _text: str) -> None:
        self._typed_path = True

    def _browse(self) -> None:
        current = self.out_edit.text().strip() or self._start_folder
        if self._folder_export():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder to write the export in"), str(Path(current).parent)
            )
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), current)
        if chosen:
            self.out_edit.setText(chosen)
            self._typed_path = True
