"""Showing Markdown that came from a file someone mailed us: nothing in it can act.

No HTML (Qt's Markdown reader is told to treat it as text), no resources loaded (images,
local or remote, become nothing), no link followed except jumps inside the text; other links
are only reported so the reader can copy them.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


class SafeMarkdownView(QTextBrowser):
    external_link = Signal(str)  # a link that was not followed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.resources_refused = 0

    def set_markdown(self, text: str) -> None:
        self.document().setMarkdown(text, MARKDOWN_FEATURES)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        self.resources_refused += 1
        return None

    def setSource(
        self,
        name: QUrl | str,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:  # noqa: N802, A002 - Qt override
        url = QUrl(name)
        if url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())

    def _clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path() and not url.scheme():
            self.scrollToAnchor(url.fragment())
        else:
            self.external_link.emit(url.toString())
