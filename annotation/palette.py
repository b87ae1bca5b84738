"""How far apart two label colours look, and whether black text stays readable on them.

CIELAB (D65) with the CIE76 distance ΔE: about 2.3 is just noticeable, 20 and more reads as a
different colour at a glance. Contrast is WCAG 2's ratio of relative luminances.
"""

from __future__ import annotations

import math
from functools import lru_cache

DISTINCT_DELTA_E = 20.0  # the first nine labels (keys 1-9) are at least this far apart
MIN_CONTRAST = 4.5  # black text on a label colour, WCAG AA


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _linear(c: int) -> float:
    x = c / 255
    return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_color: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_black(hex_color: str) -> float:
    return (relative_luminance(hex_color) + 0.05) / 0.05


@lru_cache(maxsize=1024)
def lab(hex_color: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in _rgb(hex_color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    return math.dist(lab(a), lab(b))


def closest(color: str, others: dict[str, str]) -> tuple[str, float] | None:
    """The label among `others` (name -> colour) whose colour is nearest, with the distance:
    what the schema editor warns about when a colour is too close to another."""
    if not others:
        return None
    name = min(others, key=lambda n: delta_e(color, others[n]))
    return name, delta_e(color, others[name])
