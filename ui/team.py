"""The Team menu's part (issue 9): assign documents to annotators, merge their files back as
layers, and the agreement view (a table of every figure and two heat maps).

Edits nothing through the editor: assign writes new files, merge writes annotators' layers
through storage.team (one validated transaction per file), and agreement only reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotation.agreement import AgreementReport
from annotation.errors import HashiyaError
from annotation.layers import parse_annotator_list
from storage.project import Project
from storage.team import Assignment, MergeReport, agreement_report, assign, merge
from ui.busy import run_busy
from ui.plain_text import ltr, plain_label, visible_controls
from ui.view_prefs import ViewPreferences


def heat_color(value: float | None) -> QColor:
    """Red (0) through amber to green (1); grey when there is nothing to measure."""
    if value is None:
        return QColor("#e0e0e0")
    v = min(1.0, max(0.0, value))
    if v < 0.5:
        return QColor.fromRgbF(0.95, 0.45 + 0.7 * v, 0.40)
    return QColor.fromRgbF(0.95 - 1.1 * (v - 0.5), 0.80, 0.40 + 0.1 * (v - 0.5))


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _item(text: str, color: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if color is not None:
        item.setBackground(color)
    return item


class AgreementView(QDialog):
    """Every figure of an AgreementReport: the lowest documents and labels first, the pairs,
    a heat map annotator × annotator (entity span F1 relaxed, κ in the cell's text) and one
    label × label (overlapping spans with different labels)."""

    def __init__(self, report: AgreementReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement"))
        self.report = report
        self.tabs = QTabWidget(self)
        summary = self.tr(
            "%n document(s) marked done by two or more annotators", "", report.documents
        ) + (
            f": {', '.join(visible_controls(n) for n in report.annotators)}"
            if report.annotators
            else ""
        )
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, summary))
        layout.addWidget(self.tabs)
        self.lowest = self._lowest_table()
        self.pairs = self._pairs_table()
        self.annotator_map = self._annotator_heat_map()
        self.label_map = self._label_heat_map()
        self.tabs.addTab(self.lowest, self.tr("Lowest first"))
        self.tabs.addTab(self.pairs, self.tr("Pairs"))
        self.tabs.addTab(self.annotator_map, self.tr("Annotators"))
        self.tabs.addTab(self.label_map, self.tr("Labels"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _table(self, rows: int, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(rows, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _lowest_table(self) -> QTableWidget:
        r = self.report
        table = self._table(
            len(r.lowest_documents) + len(r.lowest_labels),
            [self.tr("what"), self.tr("name"), self.tr("F1 exact")],
        )
        row = 0
        for doc_id, source, value in r.lowest_documents:
            for col, text in enumerate(
                (self.tr("document"), f"{visible_controls(source)} ({doc_id})", _fmt(value))
            ):
                table.setItem(row, col, _item(text, heat_color(value) if col == 2 else None))
            row += 1
        for label, value in r.lowest_labels:
            for col, text in enumerate((self.tr("label"), label, _fmt(value))):
                table.setItem(row, col, _item(text, heat_color(value) if col == 2 else None))
            row += 1
        table.resizeColumnsToContents()
        return table

    def _pairs_table(self) -> QTableWidget:
        rows = [(kind, p) for kind, k in self.report.kinds.items() for p in k.pairs]
        headers = [
            self.tr("kind"),
            self.tr("a"),
            self.tr("b"),
            self.tr("documents"),
            self.tr("F1 exact"),
            self.tr("F1 relaxed"),
            "κ",
            self.tr("more"),
        ]
        kind_names = {
            "entities": self.tr("entities"),
            "quotes": self.tr("quotes"),
            "claims": self.tr("claims"),
        }
        table = self._table(len(rows), headers)
        for row, (kind, p) in enumerate(rows):
            more = ", ".join(f"{k} {_fmt(v) if k != 'matched' else v}" for k, v in p.extra.items())
            cells = [
                (kind_names.get(kind, kind), None),
                (visible_controls(p.a), None),
                (visible_controls(p.b), None),
                (str(p.documents), None),
                (_fmt(p.spans.f1_exact), p.spans.f1_exact),
                (_fmt(p.spans.f1_relaxed), p.spans.f1_relaxed),
                (
                    _fmt(p.kappa) if kind == "entities" else "",
                    p.kappa if kind == "entities" else None,
                ),
                (more, None),
            ]
            for col, (text, value) in enumerate(cells):
                colored = col in (4, 5) or (col == 6 and kind == "entities")
                table.setItem(row, col, _item(text, heat_color(value) if colored else None))
        table.resizeColumnsToContents()
        return table

    def _annotator_heat_map(self) -> QTableWidget:
        names = self.report.annotators
        table = self._table(len(names), [visible_controls(n) for n in names])
        table.setVerticalHeaderLabels([visible_controls(n) for n in names])
        entities = self.report.kinds.get("entities")
        pairs = {(p.a, p.b): p for p in entities.pairs} if entities else {}
        for i, a in enumerate(names):
            for j, b in enumerate(names):
                if i == j:
                    table.setItem(i, j, _item("", QColor("#ffffff")))
                    continue
                p = pairs.get((a, b)) or pairs.get((b, a))
                value = p.spans.f1_relaxed if p else None
                text = f"F1 {_fmt(value)}\nκ {_fmt(p.kappa)}" if p else "—"
                table.setItem(i, j, _item(text, heat_color(value)))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        return table

    def _label_heat_map(self) -> QTableWidget:
        entities = self.report.kinds.get("entities")
        confusion = entities.confusion if entities else {}
        labels = sorted({lab for pair in confusion for lab in pair})
        table = self._table(len(labels), labels)
        table.setVerticalHeaderLabels(labels)
        top = max(confusion.values(), default=0)
        for i, la in enumerate(labels):
            for j, lb in enumerate(labels):
                n = confusion.get((la, lb), 0)
                # more confusion = hotter: 1 - n/top on the same scale as agreement
                table.setItem(
                    i, j, _item(str(n) if n else "", heat_color(1 - n / top) if n else None)
                )
        table.resizeColumnsToContents()
        return table


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents to annotators"))
        form = QFormLayout(self)
        self.annotators = QLineEdit(self)
        self.annotators.setPlaceholderText(self.tr("amal, bilal, carim"))
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.2)
        self.seed = QSpinBox(self)
        self.seed.setRange(-1, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setValue(-1)
        self.with_annotations = QCheckBox(self.tr("with the project's annotations"), self)
        self.folder = QLineEdit(self)
        self.start_folder = ""  # where Choose… starts while the field is empty
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form.addRow(self.tr("Annotators (comma-separated)"), self.annotators)
        form.addRow(self.tr("Shared by everyone"), self.overlap)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow("", self.with_annotations)
        form.addRow(self.tr("Folder for the files"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Folder for the annotators' files"),
            self.folder.text() or self.start_folder,
        )
        if folder:
            self.folder.setText(folder)


class TeamController(QObject):
    """Assign, merge and agreement for the window; `message(text, ms)` for the status bar."""

    message = Signal(str, int)

    def __init__(
        self,
        docs,  # noqa: ANN001 - DocumentController
        parent: QWidget,
        prefs: ViewPreferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.docs = docs
        self.prefs = prefs  # the folder last used to assign or merge, per user
        self.parent_widget = parent
        self.agreement_view: AgreementView | None = None

    # --- assign ---------------------------------------------------------------------------
    def assign_dialog(self) -> None:
        dialog = AssignDialog(self.parent_widget)
        if self.prefs is not None:
            dialog.start_folder = self.prefs.last_folder("team")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self.prefs is not None and dialog.folder.text():
            self.prefs.remember_folder("team", dialog.folder.text())
        self.assign_to(
            dialog.annotators.text(),
            dialog.overlap.value(),
            None if dialog.seed.value() < 0 else dialog.seed.value(),
            dialog.with_annotations.isChecked(),
            dialog.folder.text(),
        )

    def assign_to(
        self, names: str, overlap: float, seed: int | None, with_annotations: bool, folder: str
    ) -> dict[str, Path] | None:
        try:
            if not folder.strip():
                raise HashiyaError(self.tr("choose a folder for the annotators' files"))
            annotators = parse_annotator_list(names)
            path = self.docs.project.path

            def write() -> tuple[Assignment, dict[str, Path]]:
                with Project(path, readonly=True) as lead:
                    return assign(
                        lead,
                        annotators,
                        folder,
                        overlap=overlap,
                        seed=seed,
                        with_annotations=with_annotations,
                    )

            plan, files = run_busy(
                write,
                self.tr("Assign"),
                self.tr("Writing the annotators' files…"),
                self.parent_widget,
            )
        except HashiyaError as exc:
            self._warn(self.tr("Assign"), str(exc))
            return None
        self.message.emit(
            self.tr(
                "Wrote {files} annotator files to {folder}; {shared} documents shared by "
                "everyone (seed {seed})."
            ).format(files=len(files), folder=ltr(folder), shared=len(plan.shared), seed=plan.seed),
            8000,
        )
        return files

    # --- merge ----------------------------------------------------------------------------
    def merge_dialog(self) -> None:
        start = self.prefs.last_folder("team") if self.prefs is not None else ""
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            self.tr("Merge annotators' files"),
            start,
            self.tr("Hashiya projects (*.hashiya)"),
        )
        if paths:
            if self.prefs is not None:
                self.prefs.remember_folder("team", Path(paths[0]).parent)
            self.merge_paths([Path(p) for p in paths])

    def merge_paths(self, paths: Sequence[Path]) -> MergeReport:
        """Merged in a worker thread on a connection of its own, under the window's annotator
        (a second or so per thousand documents), while a busy dialog says so."""
        project = self.docs.project
        path, annotator, timeout = project.path, project.annotator_name, project.busy_timeout

        def merge_files() -> MergeReport:
            with Project(path, annotator=annotator, busy_timeout=timeout) as lead:
                return merge(lead, paths)

        report = run_busy(
            merge_files,
            self.tr("Merge"),
            self.tr("Merging the annotators' files…"),
            self.parent_widget,
        )
        self.docs.reload_documents()
        if self.docs.doc_id is not None:
            self.docs.open(self.docs.doc_id)  # the layers under it changed
        layers = sorted({name for m in report.merged for name in m.layers})
        self.message.emit(
            self.tr("Merged {n} file(s): {layers}").format(
                n=len(report.merged), layers=", ".join(layers) or self.tr("no layer")
            )
            + (self.tr("; {n} refused").format(n=len(report.refused)) if report.refused else ""),
            8000,
        )
        if report.refused:
            self._warn(self.tr("Merge"), "\n".join(report.refused))
        return report

    # --- agreement ------------------------------------------------------------------------
    def show_agreement(self) -> AgreementView:
        """The agreement report, computed on a read-only connection of a worker thread (7 s
        for 2,000 articles three annotators finished) while a busy dialog says so."""
        path = self.docs.project.path

        def compute() -> AgreementReport:
            with Project(path, readonly=True) as project:
                return agreement_report(project)

        report = run_busy(
            compute, self.tr("Agreement"), self.tr("Computing the agreement…"), self.parent_widget
        )
        if self.agreement_view is not None:
            self.agreement_view.close()
        self.agreement_view = AgreementView(report, self.parent_widget)
        self.agreement_view.show()
        return self.agreement_view

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent_widget
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()  # not modal-blocking: tests and the event loop go on
