"""Label tags: a small tag with the label's name at the start of each entity (View > Label
tags), for telling labels apart without relying on colour.

The view asks for them with the spans of its window (the lines around the screen), so the work
follows the screen, never the document. Each tag's place comes from the line geometry of the
span's first character (QTextLine.cursorToX) and is cached per start until the text is laid
out again; names and their widths are cached per label. Nothing touches the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLine
from PySide6.QtWidgets import QApplication, QTextEdit

from annotation.schema import LabelSchema
from annotation.spans import Span
from ui.colors import darker
from ui.plain_text import isolate, visible_controls
from ui.qt_offsets import ViewMap

TEXT_COLOR = QColor("#1b1b1b")
PADDING = 3.0


def cursor_x(line: QTextLine, position: int) -> float:
    """The x of a caret position on a line (PySide returns it with the position)."""
    found = cast(tuple[float, int], line.cursorToX(position))
    return float(found[0])


class LabelTags:
    def __init__(self, view: QTextEdit, omap: Callable[[], ViewMap]) -> None:
        self.view = view
        self._omap = omap
        self.enabled = False
        # (span start, tag rectangle in document coordinates, name, fill, border), for the
        # window's spans
        self.items: list[tuple[int, QRectF, str, QColor, QColor]] = []
        self._anchors: dict[tuple[int, int], tuple[float, float, bool, float] | None] = {}
        self._names: dict[tuple[str, str], tuple[str, float]] = {}
        self._font: QFont | None = None
        self._schema: LabelSchema | None = None

    # --- caches ---------------------------------------------------------------------------
    def forget_geometry(self) -> None:
        """The text was laid out again (new document, width, zoom): places and sizes are stale."""
        self._anchors.clear()
        self._names.clear()
        self._font = None
        self.items = []

    def font(self) -> QFont:
        if self._font is None:
            font = QFont(QApplication.font())
            font.setPixelSize(max(9, round(self.view.fontMetrics().height() * 0.27)))
            self._font = font
        return self._font

    def _name(self, schema: LabelSchema, code: str, language: str) -> tuple[str, float]:
        """The label's display name in `language` (its code when language is ""), isolated,
        with the tag's width."""
        key = (code, language)
        cached = self._names.get(key)
        if cached is None:
            name = code
            if language and schema.has_label(code):
                name = schema.label(code).display_name(language)
            text = isolate(visible_controls(name))
            width = QFontMetricsF(self.font()).horizontalAdvance(text) + 2 * PADDING
            cached = self._names[key] = (text, width)
        return cached

    def _anchor(self, start: int, end: int) -> tuple[float, float, bool, float] | None:
        """Where the span [start, end) begins on screen (document coordinates): the x of its
        first character's leading edge, the top of its line, whether the text runs leftwards
        from there (Arabic) or rightwards (a Latin run), and the span's width on that line."""
        key = (start, end)
        if key in self._anchors:
            return self._anchors[key]
        anchor = None
        omap = self._omap()
        qt, qt_end = omap.range_to_qt(start, end)
        block = self.view.document().findBlock(qt)
        layout = block.layout() if block.isValid() else None
        if layout is not None and layout.lineCount():
            rel = qt - block.position()
            line = layout.lineForTextPosition(rel)
            if line.isValid():
                line_end = line.textStart() + line.textLength()
                x = cursor_x(line, rel)
                after = cursor_x(line, min(rel + 1, line_end))
                last = cursor_x(line, min(qt_end - block.position(), line_end))
                origin = layout.position()
                anchor = (origin.x() + x, origin.y() + line.y(), after < x, abs(last - x))
        self._anchors[key] = anchor
        return anchor

    # --- building and painting --------------------------------------------------------------
    def rebuild(self, spans: Iterable[Span], schema: LabelSchema, language: str) -> None:
        """Tags for these entities (the view's window); spans starting at the same place get
        their tags side by side, outermost first."""
        if not self.enabled:
            self.items = []
            return
        if schema is not self._schema:  # renamed labels (schema editor): names read again
            self._names.clear()
            self._schema = schema
        height = QFontMetricsF(self.font()).height() + 1
        items: list[tuple[int, QRectF, str, QColor, QColor]] = []
        taken: dict[int, float] = {}  # start -> width already used by tags there
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            anchor = self._anchor(span.start, span.end)
            if anchor is None:
                continue
            x, top, leftwards, span_width = anchor
            # the label's name when it fits over the span, else its code (PERS, GPE): tags
            # of neighbouring entities do not run into each other; the whole name is on hover
            text, width = self._name(schema, span.label, language)
            if width > max(span_width, self._name(schema, span.label, "")[1]):
                text, width = self._name(schema, span.label, "")
            shift = taken.get(span.start, 0.0)
            taken[span.start] = shift + width + 2
            left = x - shift - width if leftwards else x + shift
            code = span.label
            color = QColor(schema.label(code).color if schema.has_label(code) else "#cccccc")
            rect = QRectF(left, top + 1, width, height)
            items.append((span.start, rect, text, color, darker(color.name(), 220)))
        self.items = items

    def rects_of(self, spans: Iterable[Span]) -> list[QRectF]:
        """Document rectangles the tags at these spans' starts take now (the view repaints
        them before and after an edit)."""
        if not self.items:
            return []
        starts = {s.start for s in spans}
        return [rect for start, rect, *_ in self.items if start in starts]

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Paint the tags meeting `area` (document coordinates); the painter is translated to
        document coordinates by the caller."""
        if not self.items:
            return
        painter.setFont(self.font())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for _start, rect, text, fill, border in self.items:
            if not rect.intersects(area):
                continue
            painter.setPen(QPen(border, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(TEXT_COLOR)
            painter.drawText(
                QRectF(rect.left(), rect.top(), rect.width(), rect.height()),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
