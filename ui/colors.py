"""Colour helpers shared by the view, the legend and the panels."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QIcon, QPixmap


@lru_cache(maxsize=256)
def label_color(hex_color: str) -> QColor:
    return QColor(hex_color)


@lru_cache(maxsize=256)
def darker(hex_color: str, factor: int = 170) -> QColor:
    return QColor(hex_color).darker(factor)


@lru_cache(maxsize=256)
def swatch(hex_color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(hex_color))
    return QIcon(pix)


def readable_text_color(hex_color: str) -> QColor:
    c = QColor(hex_color)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return QColor("#000000") if luminance > 140 else QColor("#ffffff")
