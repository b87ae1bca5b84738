"""The project's docks beside the article: its guidelines and its statistics.

Both are hidden until asked for (View menu, F1), so they never re-wrap the article by opening
themselves; their sizes and places are kept with the window state (QSettings). The statistics
count in a background thread on a read-only connection of their own; the guidelines edit
through the window's undo stack like any other edit.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from annotation.guidelines import section_excerpt
from storage.guidelines import read_guidelines, write_guidelines
from storage.project import Project
from storage.read_connection import ReadOnlyConnection
from storage.session import Change
from storage.statistics import (
    agreement_per_label,
    matching_documents,
    matching_spans,
    project_statistics,
)
from ui.document_controller import DocumentController
from ui.document_view import DocumentView
from ui.guidelines_dock import GuidelinesDock
from ui.i18n import current_language
from ui.statistics_dock import StatisticsDock


def snapshot_statistics(path: object) -> dict:
    """Counted on a read-only connection of the worker thread's own; agreement (once two
    annotators finished a document) through a read-only Project, as the CLI reports it."""
    with ReadOnlyConnection(str(path)) as snapshot:
        stats = project_statistics(snapshot)
    with Project(str(path), readonly=True) as project:
        stats["agreement"] = agreement_per_label(project)
    return stats


class ProjectDocks(QObject):
    def __init__(self, window: QMainWindow, docs: DocumentController, view: DocumentView) -> None:
        super().__init__(window)
        self.docs, self.view = docs, view
        project = docs.project
        self.guidelines = GuidelinesDock(
            lambda: read_guidelines(project),
            lambda text: write_guidelines(project, text),
            docs.undo_stack,
            current_language,
            window,
        )
        self.statistics = StatisticsDock(
            partial(snapshot_statistics, project.path),
            partial(matching_spans, project),
            partial(matching_documents, project),
            window,
        )
        for dock, area in (
            (self.guidelines, Qt.DockWidgetArea.RightDockWidgetArea),
            (self.statistics, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            window.addDockWidget(area, dock)
            dock.hide()
        self._sized: set[str] = set()
        for dock, width in ((self.guidelines, 380), (self.statistics, 0)):
            dock.visibilityChanged.connect(partial(self._first_show, window, dock, width))
        self.statistics.open_span.connect(self.open_span)
        docs.changed.connect(self._changed)
        docs.statusChanged.connect(lambda *_: self.statistics.schedule_refresh())

    def _first_show(self, window: QMainWindow, dock: QDockWidget, width: int, shown: bool) -> None:
        """A dock's first appearance takes a modest share, so the article keeps its width
        (later sizes are the user's, restored with the window state)."""
        if not shown or dock.objectName() in self._sized:
            return
        self._sized.add(dock.objectName())
        if width and not dock.isFloating():
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        elif not dock.isFloating():
            window.resizeDocks([dock], [max(260, window.height() // 3)], Qt.Orientation.Vertical)

    def _changed(self, _change: Change) -> None:
        self.statistics.schedule_refresh()

    def open_span(self, doc_id: str, start: int, end: int) -> None:
        """A row of a statistics list: the document, with the span selected and in view."""
        if self.docs.doc_id != doc_id:
            self.docs.open(doc_id)
        if end > start:
            self.view.scroll_to(start, end)  # moves the caret: select after
            self.view.select_range(start, end)

    def show_guidelines_for(self, label: str | None) -> bool:
        """F1: the guidelines' section on a label (the selected annotation's), or the dock."""
        if label:
            return self.guidelines.show_section(label)
        self.guidelines.show()
        self.guidelines.raise_()
        return True

    def guideline_excerpt(self, label: str) -> str:
        """For hovering an annotation: the first lines of its label's section (the dock keeps
        the text, read once and again after every edit of it)."""
        return section_excerpt(self.guidelines.text, label, current_language())

    def shutdown(self) -> None:
        self.statistics.wait(5)
