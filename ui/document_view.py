"""The read-only, right-to-left article view with span highlighting.

Entity backgrounds are painted under the text from line geometry (QTextLine.cursorToX), so
no character format ever touches the document: letters stay joined on any Qt version and an
edit never relayouts a paragraph. Only spans in a window around the screen are considered, and
an edit repaints only its own lines, so the cost of a keypress does not grow with the number of
spans or the length of the document. Quotes, claims, suggestions, search hits and the selected
span are painted over the text the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotation.schema import LabelSchema
from annotation.span_index import SpanIndex
from annotation.spans import Span
from ui import control_marks
from ui.colors import darker, label_color
from ui.i18n import QT_TRANSLATE_NOOP, current_language
from ui.label_tags import LabelTags
from ui.plain_text import isolate, ltr, span_range, tooltip, visible_controls
from ui.qt_offsets import ViewMap

# Characters of margin around the visible window, so a small scroll needs no new query.
WINDOW_MARGIN = 1500
DEFAULT_POINT_SIZE = 16
CONTROL_BOX_FILL = QColor(236, 239, 241, 160)
CONTROL_BOX_PEN = QColor("#78909c")


# How each boundary policy is named on hover (the stored value stays the code).
_BOUNDARY_NAMES = {
    "token": QT_TRANSLATE_NOOP("boundary", "whole token"),
    "strip_clitics": QT_TRANSLATE_NOOP("boundary", "clitics stripped"),
    "exact": QT_TRANSLATE_NOOP("boundary", "exact characters"),
}


@dataclass(frozen=True)
class Band:
    """Something painted over the text: a quote/claim band, a suggestion, an outline."""

    start: int  # code points
    end: int
    color: QColor
    style: str  # "band", "dashed", "outline", "hit" (a search hit's outline), "underline2"
    offset: int = 0  # band rows stack downwards for nested bands


@dataclass(frozen=True)
class TagPreview:
    """What a label key would tag for the current selection: the range after the boundary
    policy (None when the selection holds no word) and the policy ("exact" with Alt)."""

    selection: tuple[int, int]  # code points, as selected
    range: tuple[int, int] | None  # code points, as a label key would tag them
    policy: str


# (start, end, exact) -> (range a label key tags or None, policy): set by the tagging
# controller, the one computation behind both the preview and the tag command.
TagTarget = Callable[[int, int, bool], tuple[tuple[int, int] | None, str]]
PREVIEW_COLORS = {"snapped": QColor("#6a1b9a"), "exact": QColor("#e65100")}


class DocumentView(QTextEdit):
    spanClicked = Signal(str)  # span id
    selectionRangeChanged = Signal()
    painted = Signal()  # after every paint: used by the benchmark to time keypress-to-paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A scroll bar that appears when a long article opens would narrow the viewport and
        # lay the text out a second time.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setDocumentMargin(16)
        self._apply_text_option()
        self.text = ""
        self.omap = ViewMap("")
        self.hide_diacritics = False
        self.index: SpanIndex | None = None
        self.schema: LabelSchema | None = None
        self.active_span_id: str | None = None
        self.related_span_ids: tuple[str, ...] = ()
        self.extra_bands: Callable[[int, int], Iterable[Band]] | None = None
        self._window = (0, 0)
        # Entity backgrounds of the window: (rectangle in document coordinates, fill, underline).
        self._paint_items: list[tuple[QRectF, QColor, QColor | None]] = []
        self._control_items: list[QRectF] = []  # boxes of control characters, document coords
        self._cached_blocks: set[int] = set()
        self._rect_cache: dict[tuple[int, int], list[QRectF]] = {}  # segment -> document rects
        self.label_tags = LabelTags(self, lambda: self.omap)  # View > Label tags
        self._last_click: tuple[int, int] = (
            -1,
            0,
        )  # (qt position, how many times) to cycle nesting
        self.alt_selection = False  # the current selection was made with Alt held
        self.alt_held = False  # Alt is down now (key or mouse event seen by the view)
        self.tag_target: TagTarget | None = None
        self._preview: TagPreview | None = None
        self.point_size = DEFAULT_POINT_SIZE
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._window_moved)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        self.selectionChanged.connect(self.selectionRangeChanged)
        self.selectionChanged.connect(self.refresh_preview)

    # --- set-up ---------------------------------------------------------------------------
    def _apply_text_option(self) -> None:
        # QTextEdit only right-aligns Arabic when the document's default text option says so.
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    def set_font_family(self, family: str) -> None:
        font = QFont(family, self.point_size)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        self.setFont(font)
        self.document().setDefaultFont(font)

    def set_point_size(self, size: int) -> None:
        self.point_size = max(8, min(48, size))
        font = self.document().defaultFont()
        font.setPointSize(self.point_size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._layout_changed()

    def set_document(self, text: str, index: SpanIndex, schema: LabelSchema) -> None:
        self.text = text
        self.omap = ViewMap(text, self.hide_diacritics)
        self.index = index
        self.schema = schema
        self.active_span_id = None
        self.related_span_ids = ()
        self._paint_items = []
        self._control_items = []
        self._cached_blocks = set()
        self._rect_cache.clear()
        self.label_tags.forget_geometry()
        self._preview = None  # a selection never outlives its document
        self.setPlainText(self.omap.display_text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._window = (0, 0)
        self._window_moved()

    def set_hide_diacritics(self, hide: bool) -> None:
        """Show the text without tashkeel (or with it again). Offsets are unaffected: the view
        map sends every position back to the stored text."""
        if hide == self.hide_diacritics:
            return
        self.hide_diacritics = hide
        if self.index is None or self.schema is None:
            return
        top = self.omap.from_qt(
            self.cursorForPosition(self.viewport().rect().topRight()).position()
        )
        active, related = self.active_span_id, self.related_span_ids
        self.set_document(self.text, self.index, self.schema)
        self.active_span_id, self.related_span_ids = active, related
        self.scroll_to(top, top)
        self.refresh()

    def clear_document(self) -> None:
        self._preview = None
        self.text = ""
        self.omap = ViewMap("")
        self.index = None
        self._paint_items = []
        self._control_items = []
        self._cached_blocks = set()
        self.clear()

    def set_schema(self, schema: LabelSchema) -> None:
        self.schema = schema
        self.refresh()

    # --- positions ------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.omap.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def caret_offset(self) -> int:
        return self.omap.from_qt(self.textCursor().position())

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.omap.to_qt(start))
        cursor.setPosition(self.omap.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    # --- what a label key would tag ---------------------------------------------------------
    def exact_wanted(self) -> bool:
        """A label key tags the exact characters: Alt is held, or the selection was made with
        Alt held."""
        return self.alt_selection or self.alt_held

    def tag_preview(self) -> TagPreview | None:
        """The range a label key would tag now, as drawn (None without a selection)."""
        return self._preview

    def refresh_preview(self) -> None:
        """Recompute the previewed range (local work: snapping reads only the words around the
        selection) and repaint only the lines of the old and the new one."""
        old = self._preview
        rng = self.selection_range()
        new = None
        if rng is not None and self.tag_target is not None:
            snapped, policy = self.tag_target(rng[0], rng[1], self.exact_wanted())
            new = TagPreview(rng, snapped, policy)
        if new == old:
            return
        self._preview = new
        for preview in (old, new):
            if preview is not None:
                start, end = preview.range or preview.selection
                for rect in self.range_rects(start, end):
                    self.viewport().update(rect.adjusted(-2, -2, 2, 4).toAlignedRect())
                box = self._caption_box(preview)
                if box is not None:
                    self.viewport().update(box.adjusted(-2, -2, 2, 2).toAlignedRect())

    def _set_alt_held(self, held: bool) -> None:
        if held != self.alt_held:
            self.alt_held = held
            self.refresh_preview()

    def preview_caption(self, preview: TagPreview | None = None) -> str:
        """What the drawn preview says: which boundary policy made it, or that it is exact."""
        preview = preview or self._preview
        if preview is None:
            return ""
        if preview.range is None:
            return self.tr("nothing to tag here")
        if preview.policy == "exact":
            return self.tr("key tags the exact characters (Alt)")
        policy = QCoreApplication.translate("boundary", _BOUNDARY_NAMES[preview.policy])
        return self.tr("key tags: {policy} · Alt: exact").format(policy=policy)

    def _paint_preview(self, painter: QPainter) -> None:
        """The range a label key would tag: a bracket under it (purple when snapped, orange when
        exact), distinct from the selection's own highlight, and a caption saying which."""
        preview = self._preview
        if preview is None:
            return
        rects = self.range_rects(*preview.range) if preview.range is not None else []
        color = PREVIEW_COLORS["exact" if preview.policy == "exact" else "snapped"]
        painter.setPen(QPen(color, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in rects:
            y = r.bottom() - 1.5
            painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            painter.drawLine(QPointF(r.left(), y), QPointF(r.left(), y - 6))
            painter.drawLine(QPointF(r.right(), y), QPointF(r.right(), y - 6))
        box = self._caption_box(preview)
        if box is None:
            return
        painter.setFont(self._caption_font())
        caption = self.preview_caption(preview)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(color)
        # the interface's direction, not the article's: an English caption reads left to right
        painter.setLayoutDirection(QGuiApplication.layoutDirection())
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, caption)

    def _caption_font(self) -> QFont:
        font = QFont(QGuiApplication.font())  # the interface's font: a note, not the article
        font.setPointSizeF(max(8.0, self.point_size * 0.55))
        return font

    def _caption_box(self, preview: TagPreview) -> QRectF | None:
        """Where the preview's caption is drawn (viewport coordinates): above the first line
        of the range (of the selection when it holds no word), ending at its start (its right
        end in this right-to-left view)."""
        rects = self.range_rects(*(preview.range or preview.selection))
        if not rects:
            return None
        first = rects[0]
        metrics = QFontMetricsF(self._caption_font())
        width = metrics.horizontalAdvance(self.preview_caption(preview)) + 8
        height = metrics.height() + 2
        left = max(0.0, first.right() - width)
        return QRectF(left, max(0.0, first.top() - height + 2), width, height)

    def scroll_to(self, start: int, end: int) -> None:
        """Bring [start, end) on screen with the caret at its start, at least a few lines
        away from the top and bottom edges (centred when it fits), so the item being reviewed
        never sits half off the view or on its last line."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.omap.to_qt(end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        bottom = self.cursorRect().bottom()
        cursor.setPosition(self.omap.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        top_rect = self.cursorRect()
        top, bottom = min(top_rect.top(), bottom), max(top_rect.bottom(), bottom)
        height = self.viewport().height()
        margin = min(3 * top_rect.height(), height // 4)
        if top >= margin and bottom <= height - margin:
            return
        bar = self.verticalScrollBar()
        if bottom - top <= height - 2 * margin:
            delta = (top + bottom) // 2 - height // 2  # centre it
        else:
            delta = top - margin  # taller than the view: its start near the top
        bar.setValue(bar.value() + delta)

    def _position_at_y(self, y: float) -> int:
        """Qt position of the start of the line at document height y (binary search over the
        lines of the block there; no hit test of the whole document)."""
        doc = self.document()
        layout_mgr = doc.documentLayout()
        block = doc.firstBlock()
        last = block
        while block.isValid():
            rect = layout_mgr.blockBoundingRect(block)
            if rect.bottom() >= y:
                break
            last = block
            block = block.next()
        if not block.isValid():
            block = last
        layout = block.layout()
        lo, hi = 0, layout.lineCount() - 1
        origin = layout.position().y()
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if origin + layout.lineAt(mid).y() <= y:
                lo = mid
            else:
                hi = mid - 1
        return block.position() + (layout.lineAt(lo).textStart() if layout.lineCount() else 0)

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the lines on screen."""
        if not self.text:
            return (0, 0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        a = self._position_at_y(top)
        b = self._position_at_y(bottom)
        block = self.document().findBlock(b)
        layout = block.layout()
        if layout.lineCount():
            line = layout.lineForTextPosition(b - block.position())
            b = block.position() + line.textStart() + line.textLength()
        return self.omap.from_qt(min(a, self.omap.qt_length)), self.omap.from_qt(
            min(b, self.omap.qt_length), round_up=True
        )

    def visible_window(self) -> tuple[int, int]:
        """The visible range widened by a margin, so small scrolls need no rebuild."""
        lo, hi = self.visible_range()
        return max(0, lo - WINDOW_MARGIN), min(len(self.text), hi + WINDOW_MARGIN)

    # --- highlighting ---------------------------------------------------------------------
    def _window_moved(self) -> None:
        if not self.text:
            return
        lo, hi = self.visible_range()
        wlo, whi = self._window
        if not (wlo <= lo and hi <= whi) or self._window == (0, 0):
            self._window = self.visible_window()
            self._cache_visible_layouts()
            self.refresh()

    def entity_paint_count(self) -> int:
        """How many entity background pieces the view paints for its current window."""
        return len(self._paint_items)

    def _cache_visible_layouts(self) -> None:
        """Keep the shaped glyphs of the blocks around the screen: repaints then skip
        re-shaping paragraphs of tens of thousands of characters."""
        doc = self.document()
        lo, hi = self.omap.range_to_qt(*self._window)
        wanted = set()
        block = doc.findBlock(lo)
        while block.isValid() and block.position() <= hi:
            wanted.add(block.blockNumber())
            block = block.next()
        for number in self._cached_blocks - wanted:
            blk = doc.findBlockByNumber(number)
            if blk.isValid():
                blk.layout().setCacheEnabled(False)
        for number in wanted - self._cached_blocks:
            doc.findBlockByNumber(number).layout().setCacheEnabled(True)
        self._cached_blocks = wanted

    def window(self) -> tuple[int, int]:
        return self._window

    def touches_window(self, spans: Iterable[Span]) -> bool:
        lo, hi = self._window
        return any(s.start < hi and lo < s.end for s in spans)

    def refresh(self, dirty: Iterable[Span] | None = None) -> None:
        """Rebuild the painted entity backgrounds of the window; repaint only the dirty spans'
        lines when given, else the whole viewport."""
        if self.index is None or self.schema is None:
            self._paint_items = []
            self._control_items = []
            self.viewport().update()
            return
        lo, hi = self._window
        entities = self.index.overlapping(lo, hi, ("entity",))
        self._paint_items = self._entity_items(entities)
        self._control_items = self._control_boxes(lo, hi)
        dirty = list(dirty) if dirty is not None else None
        old_tags = self.label_tags.rects_of(dirty) if dirty is not None else []
        self.label_tags.rebuild(entities, self.schema, current_language())
        if dirty is None:
            self.viewport().update()
            return
        for span in dirty:
            for rect in self.range_rects(span.start, span.end):
                self.viewport().update(rect.adjusted(-4, -2, 4, 2).toAlignedRect())
        dx, dy = self._offset()
        for rect in old_tags + self.label_tags.rects_of(dirty):
            self.viewport().update(rect.translated(dx, dy).adjusted(-2, -2, 2, 2).toAlignedRect())

    def set_label_tags(self, shown: bool) -> None:
        """View > Label tags: the label's name at the start of each entity, or none."""
        self.label_tags.enabled = shown
        self.refresh()

    def entity_segments(self, spans: list[Span]) -> list[tuple[int, int, str, str | None, bool]]:
        """Cut overlapping entities into segments (start, end, colour, underline colour, active):
        each segment shows its innermost entity's colour, with an underline in the outer
        entity's colour where entities nest or overlap."""
        if not spans:
            return []
        schema = self.schema
        assert schema is not None

        colors: dict[str, str] = {}

        def color(span: Span) -> str:
            c = colors.get(span.label)
            if c is None:
                c = colors[span.label] = (
                    schema.label(span.label).color if schema.has_label(span.label) else "#cccccc"
                )
            return c

        out: list[tuple[int, int, str, str | None, bool]] = []
        ordered = sorted(spans, key=lambda s: (s.start, -s.end))
        i = 0
        while i < len(ordered):
            # A cluster: spans linked by overlap. A lone span is its own segment (the usual case).
            j, reach = i + 1, ordered[i].end
            while j < len(ordered) and ordered[j].start < reach:
                reach = max(reach, ordered[j].end)
                j += 1
            if j == i + 1:
                span = ordered[i]
                out.append(
                    (span.start, span.end, color(span), None, span.id == self.active_span_id)
                )
            else:
                out.extend(self._cluster_segments(ordered[i:j], color))
            i = j
        return out

    def _cluster_segments(
        self, cluster: list[Span], color
    ) -> list[tuple[int, int, str, str | None, bool]]:  # noqa: ANN001
        bounds = sorted({p for s in cluster for p in (s.start, s.end)})
        out = []
        active: list[Span] = []
        j = 0
        for a, b in zip(bounds, bounds[1:], strict=False):
            while j < len(cluster) and cluster[j].start <= a:
                active.append(cluster[j])
                j += 1
            active = [s for s in active if s.end > a]
            if not active:
                continue
            inner = min(active, key=lambda s: (s.length, s.start))
            outer = max(active, key=lambda s: (s.length, -s.start))
            out.append(
                (
                    a,
                    b,
                    color(inner),
                    color(outer) if outer is not inner else None,
                    inner.id == self.active_span_id,
                )
            )
        return out

    def _entity_items(self, spans: list[Span]) -> list[tuple[QRectF, QColor, QColor | None]]:
        """Rectangles in document coordinates, ready to paint."""
        items = []
        cache = self._rect_cache
        for a, b, color, underline, active in self.entity_segments(spans):
            fill = darker(color, 125) if active else label_color(color)
            under = darker(underline, 200) if underline else None
            rects = cache.get((a, b))
            if rects is None:
                rects = cache[(a, b)] = self._doc_rects(a, b, (float("-inf"), float("inf")))
            for rect in rects:
                items.append((rect, fill, under))
        return items

    def _control_boxes(self, lo: int, hi: int) -> list[QRectF]:
        """A box around each control character of the window (shown as its placeholder)."""
        boxes: list[QRectF] = []
        for at in control_marks.positions(self.text, lo, hi):
            boxes.extend(self._doc_rects(at, at + 1, (float("-inf"), float("inf"))))
        return boxes

    def control_at(self, point: QPoint) -> int | None:
        """The offset of the control character under point (viewport coordinates), if any."""
        offset = self.omap.from_qt(self.cursorForPosition(point).position())
        for at in (offset, offset - 1):
            if 0 <= at < len(self.text) and self.text[at] in control_marks.SHOWN:
                if any(
                    r.adjusted(-2, 0, 2, 0).contains(QPointF(point))
                    for r in self.range_rects(at, at + 1)
                ):
                    return at
        return None

    def _layout_changed(self) -> None:
        """Geometry cached in document coordinates is stale after a relayout."""
        self._rect_cache.clear()
        self.label_tags.forget_geometry()
        self._window = (0, 0)
        self._scroll_timer.start()

    # --- geometry for painted marks -------------------------------------------------------
    def _offset(self) -> tuple[int, int]:
        """Document -> viewport translation, as QTextEdit computes it: in a right-to-left
        widget the horizontal offset counts from the scroll bar's maximum (the document can be
        a few pixels wider than the viewport even with the bar hidden)."""
        hbar = self.horizontalScrollBar()
        x = hbar.maximum() - hbar.value() if self.isRightToLeft() else hbar.value()
        return -x, -self.verticalScrollBar().value()

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering [start, end) line by line (visible lines only)."""
        dx, dy = self._offset()
        top = -dy
        clip = (top, top + self.viewport().height())
        return [r.translated(dx, dy) for r in self._doc_rects(start, end, clip)]

    def _doc_rects(self, start: int, end: int, clip: tuple[float, float]) -> list[QRectF]:
        """Document-coordinate rectangles of [start, end) on lines between clip heights."""
        a, b = self.omap.range_to_qt(start, end)
        doc = self.document()
        rects: list[QRectF] = []
        block = doc.findBlock(a)
        top, bottom = clip
        while block.isValid() and block.position() < b:
            layout = block.layout()
            origin = layout.position()
            bpos = block.position()
            lo = max(a, bpos) - bpos
            hi = min(b, bpos + block.length() - 1) - bpos
            if layout.lineCount() and hi > lo:
                line_no = layout.lineForTextPosition(lo).lineNumber()
                while 0 <= line_no < layout.lineCount():
                    line = layout.lineAt(line_no)
                    if line.textStart() >= hi:
                        break
                    y = origin.y() + line.y()
                    if y > bottom:
                        return rects
                    if y + line.height() >= top:
                        ls = max(lo, line.textStart())
                        le = min(hi, line.textStart() + line.textLength())
                        x1 = line.cursorToX(ls)[0]
                        x2 = line.cursorToX(le)[0]
                        left, right = sorted((x1, x2))
                        rects.append(
                            QRectF(origin.x() + left, y, max(2.0, right - left), line.height())
                        )
                    line_no += 1
            block = block.next()
        return rects

    def bands(self) -> list[Band]:
        out: list[Band] = []
        lo, hi = self._window
        if self.extra_bands is not None:
            out.extend(self.extra_bands(lo, hi))
        if self.index is not None and self.schema is not None:
            for sid in (self.active_span_id, *self.related_span_ids):
                span = self.index.get(sid) if sid else None
                if span is not None:
                    color = (
                        self.schema.label(span.label).color
                        if self.schema.has_label(span.label)
                        else "#333333"
                    )
                    out.append(Band(span.start, span.end, darker(color, 200), "outline"))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        # Entity backgrounds go under the text: the viewport's base colour is already filled
        # and QTextEdit draws the glyphs on top, so letters keep their joining and colour.
        if self._paint_items:
            dx, dy = self._offset()
            area = QRectF(event.rect()).translated(-dx, -dy)
            painter = QPainter(self.viewport())
            painter.translate(dx, dy)
            for rect, fill, under in self._paint_items:
                if rect.intersects(area):
                    painter.fillRect(rect, fill)
                    if under is not None:
                        painter.fillRect(
                            QRectF(rect.left(), rect.bottom() - 3, rect.width(), 2.5), under
                        )
            painter.end()
        if self._control_items:  # control characters kept in the text: a grey box each
            dx, dy = self._offset()
            painter = QPainter(self.viewport())
            painter.translate(dx, dy)
            painter.setPen(QPen(CONTROL_BOX_PEN, 1))
            painter.setBrush(CONTROL_BOX_FILL)
            for rect in self._control_items:
                painter.drawRect(rect.adjusted(0.5, 2.5, -0.5, -2.5))
            painter.end()
        super().paintEvent(event)
        if self.label_tags.items:  # over the text, at the top of each entity's first line
            dx, dy = self._offset()
            painter = QPainter(self.viewport())
            painter.translate(dx, dy)
            self.label_tags.paint(painter, QRectF(event.rect()).translated(-dx, -dy))
            painter.end()
        bands = self.bands()
        if bands or self._preview is not None:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for band in bands:
                self._paint_band(painter, band)
            self._paint_connectors(painter)
            self._paint_preview(painter)
            painter.end()
        self.painted.emit()

    def _paint_connectors(self, painter: QPainter) -> None:
        """Join the selected quote or claim to its speaker, cue or claimant with a line."""
        if self.index is None or not self.active_span_id or not self.related_span_ids:
            return
        active = self.index.get(self.active_span_id)
        if active is None:
            return
        origin = self.range_rects(active.start, active.end)
        if not origin:
            return
        painter.setPen(QPen(QColor("#455a64"), 1.5, Qt.PenStyle.DotLine))
        for sid in self.related_span_ids:
            other = self.index.get(sid)
            rects = self.range_rects(other.start, other.end) if other else []
            if not rects:
                continue
            a = origin[0].center() if other.start >= active.end else origin[-1].center()
            b = rects[0].center()
            painter.drawLine(QPointF(a.x(), a.y() + 6), QPointF(b.x(), b.y() + 6))
            painter.setBrush(QColor("#455a64"))
            painter.drawEllipse(b + QPointF(0, 6), 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_band(self, painter: QPainter, band: Band) -> None:
        rects = self.range_rects(band.start, band.end)
        if not rects:
            return
        if band.style == "band":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band.color)
            for r in rects:
                painter.drawRect(QRectF(r.left(), r.bottom() - 3 - 4 * band.offset, r.width(), 3))
        elif band.style in ("dashed", "dashed-current"):
            pen = QPen(
                band.color, 3 if band.style == "dashed-current" else 1.5, Qt.PenStyle.DashLine
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in rects:
                painter.drawRect(r.adjusted(0.5, 1.5, -0.5, -1.5))
        elif band.style == "fill":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(band.color)
            for r in rects:
                painter.drawRect(r)
        elif band.style == "hit":
            painter.setPen(QPen(band.color, 2, Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in rects:
                painter.drawRect(r.adjusted(0, 0.5, 0, -0.5))
        elif band.style == "outline":
            painter.setPen(QPen(band.color, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for r in rects:
                painter.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 3, 3)

    def link_anchor(self, start: int, end: int) -> QPointF | None:
        rects = self.range_rects(start, end)
        return rects[0].center() if rects else None

    # --- input ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._layout_changed()
        else:
            self._scroll_timer.start()

    # label code -> a line of the project's guidelines on it (set by the window); None: none
    guideline_excerpt: Callable[[str], str] | None = None

    def hover_text(self, offset: int) -> str:
        """What hovering the text at offset tells: for each annotation there, its label's name
        in the interface language with the code, who annotated it, its boundary policy and
        range; empty when there is none. Mixed runs are isolated."""
        if self.index is None:
            return ""
        lines = []
        guided = False  # a line of the guidelines was shown: say how to read the rest
        for span in self.index.at(offset):
            if span.kind not in ("entity", "quote", "claim", "mention", "cue"):
                continue
            label = span.label
            if self.schema is not None and self.schema.has_label(span.label):
                label = self.schema.label(span.label).display_name(current_language())
            who = span.annotator or self.tr("unknown annotator")
            policy = QCoreApplication.translate("boundary", _BOUNDARY_NAMES[span.boundary])
            lines.append(
                f"{isolate(visible_controls(label))} {ltr(visible_controls(span.label))} · "
                f"{isolate(visible_controls(who))} · {policy} · {span_range(span.start, span.end)}"
            )
            excerpt = self.guideline_excerpt(span.label) if self.guideline_excerpt else ""
            if excerpt:
                lines.append(f"    {isolate(visible_controls(excerpt))}")
                guided = True
        if guided:
            lines.append(self.tr("F1: the guidelines on the selected annotation's label"))
        return "\n".join(lines)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            qt_pos = self.cursorForPosition(event.pos()).position()
            text = self.hover_text(self.omap.from_qt(qt_pos)) if self.index is not None else ""
            control = self.control_at(event.pos())
            if control is not None:
                name = self.tr("{character}: a control character kept in the stored text").format(
                    character=ltr(control_marks.describe(self.text[control]))
                )
                text = f"{name}\n{text}" if text else name
            if text:
                QToolTip.showText(event.globalPos(), tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.alt_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self.alt_held = self.alt_selection
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._set_alt_held(bool(event.modifiers() & Qt.KeyboardModifier.AltModifier))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        # cursorForPosition gives a caret position between characters: look at both sides.
        self._click_at(pos)

    def _click_at(self, qt_pos: int) -> None:
        if self.index is None:
            return
        offset = self.omap.from_qt(qt_pos)
        hits = self.index.at(offset) or (self.index.at(offset - 1) if offset > 0 else [])
        hits = [s for s in hits if s.kind in ("entity", "quote", "claim", "mention", "cue")]
        if not hits:
            self.spanClicked.emit("")
            return
        last_pos, count = self._last_click
        count = count + 1 if last_pos == qt_pos else 0
        self._last_click = (qt_pos, count)
        self.spanClicked.emit(hits[count % len(hits)].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Alt:
            self._set_alt_held(True)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.alt_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Alt:
            self._set_alt_held(False)
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        # Alt released elsewhere never reaches the view: forget it.
        self._set_alt_held(False)
        super().focusOutEvent(event)
