"""Strings that libraries show inside our window and translate through Qt in their own
context; listed here so that `make translations` puts them in our .ts (pyqtgraph's charts in the
statistics dock: the scene's right-click menu)."""

from ui.i18n import QT_TRANSLATE_NOOP

LIBRARY_TEXT = (QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),)
