"""The project's guidelines at hand: a dock with a table of contents, search, and an editor
with a live preview. Every pause in typing commits the text (one undo step per editing burst:
consecutive commits merge until the editor is left)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotation.guidelines import Section, section_for, sections
from annotation.normalize import normalize
from ui.safe_markdown import SafeMarkdownView

PREVIEW_MS = 250
COMMIT_MS = 700
_COMMAND_ID = 0x4755  # "GU"


class SetGuidelines(QUndoCommand):
    def __init__(self, dock: GuidelinesDock, old: str, new: str, burst: int) -> None:
        super().__init__("edit guidelines")
        self.dock, self.old, self.new, self.burst = dock, old, new, burst

    def id(self) -> int:
        return _COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetGuidelines) or other.burst != self.burst:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.dock.store(self.new)

    def undo(self) -> None:
        self.dock.store(self.old)


class GuidelinesDock(QDockWidget):
    def __init__(
        self,
        read: Callable[[], str],
        write: Callable[[str], object],
        undo_stack: QUndoStack,
        language: Callable[[], str] = lambda: "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Guidelines"), parent)
        self.setObjectName("guidelines-dock")
        self._read, self._write, self.undo_stack, self._language = read, write, undo_stack, language
        self._text = ""
        self._burst = 0
        self._sections: list[Section] = []

        body = QWidget(self)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(self.tr("Search the guidelines"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.find_next)
        self.edit_button = QToolButton(body)
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self.set_editing)
        self.note = QLabel(body)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()

        self.toc = QTreeWidget(body)
        self.toc.setHeaderHidden(True)
        self.toc.itemActivated.connect(self._toc_clicked)
        self.toc.itemClicked.connect(self._toc_clicked)
        self.view = SafeMarkdownView(body)
        self.view.external_link.connect(
            lambda url: self._say(
                self.tr("Links are not opened from the guidelines: {0}").format(url)
            )
        )
        self.editor = QPlainTextEdit(body)
        self.editor.setPlaceholderText(
            self.tr("Markdown: # headings, lists, tables; ## GPE for a label")
        )
        self.editor.textChanged.connect(self._edited)
        self.editor.hide()

        # Stacked, so the dock stays narrow beside the article: contents, text, editor.
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.toc)
        split.addWidget(self.view)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 3)
        self.toc.setMinimumHeight(60)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.setWidget(body)

        self._preview = QTimer(self, singleShot=True, interval=PREVIEW_MS)
        self._preview.timeout.connect(lambda: self._render(self.editor.toPlainText()))
        self._commit = QTimer(self, singleShot=True, interval=COMMIT_MS)
        self._commit.timeout.connect(self.commit)
        self.reload()

    # --- text -----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    def reload(self) -> None:
        """Show what the project holds (after an undo, another window's edit, a new project)."""
        self._text = self._read()
        if self.editor.toPlainText() != self._text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(self._text)
            self.editor.blockSignals(False)
        self._render(self._text)

    def store(self, text: str) -> None:
        """Write through to the project (called by the undo command) and show it."""
        self._write(text)
        self.reload()

    def commit(self) -> None:
        self._commit.stop()
        new = self.editor.toPlainText()
        if new != self._text:
            self.undo_stack.push(SetGuidelines(self, self._text, new, self._burst))

    def _edited(self) -> None:
        self._preview.start()
        self._commit.start()

    def set_editing(self, on: bool) -> None:
        if self.edit_button.isChecked() != on:
            self.edit_button.setChecked(on)
            return
        if not on:
            self.commit()
            self._burst += 1  # the next editing session is a new undo step
        self.editor.setVisible(on)
        if on:
            self.editor.setFocus()

    # --- view -----------------------------------------------------------------------------
    def _render(self, text: str) -> None:
        bar = self.view.verticalScrollBar().value()
        self.view.set_markdown(text)
        self.view.verticalScrollBar().setValue(bar)
        self._sections = sections(text)
        self._fill_toc()
        self.note.setVisible(not text.strip())
        if not text.strip():
            self.note.setText(
                self.tr(
                    "No guidelines yet. Press Edit to write them (Markdown), or load a file: python main.py guidelines --load FILE.md"
                )
            )

    def _fill_toc(self) -> None:
        self.toc.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for i, s in enumerate(self._sections):
            while parents and parents[-1][0] >= s.level:
                parents.pop()
            item = QTreeWidgetItem([s.title + (f"  [{s.lang}]" if s.lang else "")])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.toc.addTopLevelItem(item)
            parents.append((s.level, item))
        self.toc.expandAll()

    def _toc_clicked(self, item: QTreeWidgetItem) -> None:
        self.scroll_to(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def scroll_to(self, index: int) -> None:
        """Put the index-th heading at the top of the view."""
        block = self.view.document().begin()
        seen = -1
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                seen += 1
                if seen == index:
                    cursor = QTextCursor(block)
                    self.view.setTextCursor(cursor)
                    rect = self.view.document().documentLayout().blockBoundingRect(block)
                    self.view.verticalScrollBar().setValue(int(rect.top()))
                    return
            block = block.next()

    def show_section(self, code: str) -> bool:
        """Open the dock on the section about a label, attribute or link type."""
        self.show()
        self.raise_()
        section = section_for(self._text, code, self._language())
        if section is None:
            self._say(
                self.tr(
                    "No section about {0} yet: add a heading “## {0}” to the guidelines."
                ).format(code)
            )
            return False
        self.note.hide()
        self.scroll_to(self._sections.index(section))
        return True

    # --- search ---------------------------------------------------------------------------
    def _filter(self, query: str) -> None:
        key = normalize(query).strip()
        stack: list[QTreeWidgetItem | None] = [
            self.toc.topLevelItem(i) for i in range(self.toc.topLevelItemCount())
        ]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            stack.extend(item.child(i) for i in range(item.childCount()))
            item.setHidden(bool(key) and key not in normalize(item.text(0)))
            if not item.isHidden():
                parent = item.parent()
                while parent is not None:
                    parent.setHidden(False)
                    parent = parent.parent()
        if key:
            self.view.moveCursor(QTextCursor.MoveOperation.Start)
            self.find_next()

    def find_next(self) -> bool:
        query = self.search.text().strip()
        if not query:
            return False
        if self.view.find(query):
            return True
        self.view.moveCursor(QTextCursor.MoveOperation.Start)  # wrap around
        return self.view.find(query)

    def _say(self, message: str) -> None:
        self.note.setText(message)
        self.note.show()
