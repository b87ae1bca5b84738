"""Import from another tool: the command line's `import --format F [--offsets U] PATH...` in the
window. The format (CoNLL or an interchange format of storage.formats.interop), the offset unit
where the format's files count characters, and the files or folder to read; the import itself
runs in the import worker (ui.import_worker), as the window's import of articles does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from storage.formats.common import OFFSET_UNITS
from storage.formats.interop import IMPORT_FORMATS
from ui.export_dialog import FORMAT_NAMES, OFFSET_NAMES
from ui.plain_text import lay_out_form

# Formats whose files give character offsets in a unit of their own choosing: the others count
# in tokens (CoNLL, spaCy) or always in UTF-16 units (INCEpTION's XMI).
OFFSET_FORMATS = ("doccano", "label-studio", "brat", "prodigy")
_SEPARATOR = " ; "  # between the paths of several chosen files, as the path field shows them


class ImportOtherDialog(QDialog):
    """Choose what to import; `choice()` gives (format, offsets or None, paths), or None after
    showing why it cannot be used (the dialog stays open)."""

    def __init__(self, start_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from another tool"))
        self._start_folder = start_folder
        self._chosen: list[Path] = []  # the files picked with Files…, while the field shows them
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        for fmt in ("conll", *IMPORT_FORMATS):
            name = QCoreApplication.translate("ExportDialog", FORMAT_NAMES[fmt])
            self.format_combo.addItem(name, fmt)
        form.addRow(self.tr("&Format:"), self.format_combo)
        self.offsets_combo = QComboBox(self)
        self.offsets_combo.addItem(self.tr("The format's own"), None)
        for unit in OFFSET_UNITS:
            name = QCoreApplication.translate("ExportDialog", OFFSET_NAMES[unit])
            self.offsets_combo.addItem(name, unit)
        form.addRow(self.tr("&Offsets:"), self.offsets_combo)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(row)
        self.path_edit.setMinimumWidth(360)
        self.files_button = QPushButton(self.tr("F&iles…"), row)
        self.folder_button = QPushButton(self.tr("Fol&der…"), row)
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        row_layout.addWidget(self.path_edit, 1)
        row_layout.addWidget(self.files_button)
        row_layout.addWidget(self.folder_button)
        form.addRow(self.tr("&Read:"), row)
        self.error_label, self.buttons = lay_out_form(self, form, self.tr("&Import"))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def paths(self) -> list[Path]:
        """The files picked with Files… (while the field shows them), else the one path typed."""
        text = self.path_edit.text().strip()
        if self._chosen and text == _SEPARATOR.join(map(str, self._chosen)):
            return list(self._chosen)
        return [Path(text)] if text else []

    def choice(self) -> tuple[str, str | None, list[Path]] | None:
        paths = self.paths()
        if not paths:
            self.show_error(self.tr("Choose the files or the folder to read."))
            return None
        for path in paths:
            if not path.exists():
                self.show_error(self.tr("{path}: no such file or folder").format(path=path))
                return None
        fmt = self.fmt()
        offsets = self.offsets_combo.currentData() if fmt in OFFSET_FORMATS else None
        self.show_error("")
        return fmt, offsets, paths

    def show_error(self, message: str) -> None:
        self.error_label.setText(" ".join(message.split()))
        self.error_label.setVisible(bool(message))

    def _format_changed(self) -> None:
        self.offsets_combo.setEnabled(self.fmt() in OFFSET_FORMATS)
        self.show_error("")

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Files to import"), self._start_folder
        )
        if files:
            self._chosen = [Path(f) for f in files]
            self.path_edit.setText(_SEPARATOR.join(map(str, self._chosen)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("A folder to import"), self._start_folder
        )
        if folder:
            self.path_edit.setText(folder)
