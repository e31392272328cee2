"""Simple vector glyphs, one per top-level category, for the demo product images.

A glyph is drawn from plain Pillow primitives inside a square box, so the demo needs no image files
or fonts, and a shopper scrolling a carousel can tell a mug from a shoe at a glance.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import ImageDraw

__all__ = ["Box", "Glyph", "GLYPHS", "draw_glyph"]

Box = tuple[float, float, float, float]
RGB = tuple[int, int, int]
Glyph = Callable[[ImageDraw.ImageDraw, Box, RGB, RGB], None]


def _scale(box: Box, fx0: float, fy0: float, fx1: float, fy1: float) -> Box:
    """A sub-box given as fractions of ``box``."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    return (x0 + fx0 * w, y0 + fy0 * h, x0 + fx1 * w, y0 + fy1 * h)


def _points(box: Box, pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = box
    return [(x0 + px * (x1 - x0), y0 + py * (y1 - y0)) for px, py in pts]


def _phone(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.28, 0.02, 0.72, 0.98), radius=22, fill=fg)
    d.rounded_rectangle(_scale(b, 0.32, 0.1, 0.68, 0.84), radius=6, fill=accent)
    d.ellipse(_scale(b, 0.46, 0.88, 0.54, 0.94), fill=accent)


def _mug(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.18, 0.3, 0.68, 0.95), radius=18, fill=fg)
    d.ellipse(_scale(b, 0.6, 0.42, 0.88, 0.78), outline=fg, width=14)
    for fx in (0.3, 0.43, 0.56):
        d.arc(_scale(b, fx - 0.04, 0.02, fx + 0.04, 0.24), start=90, end=270, fill=fg, width=6)
    d.rectangle(_scale(b, 0.24, 0.36, 0.62, 0.42), fill=accent)


def _bed(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.05, 0.25, 0.2, 0.9), radius=8, fill=fg)
    d.rounded_rectangle(_scale(b, 0.05, 0.55, 0.95, 0.8), radius=10, fill=fg)
    d.rounded_rectangle(_scale(b, 0.24, 0.42, 0.46, 0.56), radius=12, fill=accent)
    d.rectangle(_scale(b, 0.88, 0.8, 0.95, 0.9), fill=fg)


def _dress(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(_points(b, [(0.38, 0.05), (0.62, 0.05), (0.66, 0.4), (0.85, 0.95), (0.15, 0.95), (0.34, 0.4)]), fill=fg)
    d.rectangle(_scale(b, 0.34, 0.38, 0.66, 0.44), fill=accent)


def _tshirt(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(
        _points(
            b,
            [
                (0.3, 0.08),
                (0.42, 0.08),
                (0.5, 0.16),
                (0.58, 0.08),
                (0.7, 0.08),
                (0.95, 0.3),
                (0.84, 0.44),
                (0.76, 0.38),
                (0.76, 0.95),
                (0.24, 0.95),
                (0.24, 0.38),
                (0.16, 0.44),
                (0.05, 0.3),
            ],
        ),
        fill=fg,
    )
    d.arc(_scale(b, 0.42, 0.0, 0.58, 0.18), start=0, end=180, fill=accent, width=5)


def _shoe(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(
        _points(b, [(0.08, 0.35), (0.35, 0.35), (0.5, 0.5), (0.85, 0.58), (0.95, 0.72), (0.95, 0.8), (0.08, 0.8)]),
        fill=fg,
    )
    d.rectangle(_scale(b, 0.06, 0.8, 0.97, 0.88), fill=accent)
    for fx in (0.36, 0.44, 0.52):
        d.line(_points(b, [(fx, 0.42), (fx + 0.06, 0.48)]), fill=accent, width=5)


def _bottle(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.3, 0.3, 0.7, 0.95), radius=20, fill=fg)
    d.rectangle(_scale(b, 0.42, 0.15, 0.58, 0.32), fill=fg)
    d.rounded_rectangle(_scale(b, 0.38, 0.04, 0.62, 0.17), radius=6, fill=accent)
    d.rectangle(_scale(b, 0.36, 0.5, 0.64, 0.72), fill=accent)


def _ball(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.ellipse(_scale(b, 0.1, 0.1, 0.9, 0.9), fill=fg)
    d.line(_points(b, [(0.5, 0.1), (0.5, 0.9)]), fill=accent, width=6)
    d.line(_points(b, [(0.1, 0.5), (0.9, 0.5)]), fill=accent, width=6)
    d.arc(_scale(b, -0.25, 0.15, 0.35, 0.85), start=-60, end=60, fill=accent, width=6)
    d.arc(_scale(b, 0.65, 0.15, 1.25, 0.85), start=120, end=240, fill=accent, width=6)


def _blocks(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rectangle(_scale(b, 0.1, 0.55, 0.48, 0.95), fill=fg)
    d.rectangle(_scale(b, 0.52, 0.55, 0.9, 0.95), fill=accent)
    d.rectangle(_scale(b, 0.31, 0.12, 0.69, 0.52), fill=fg)
    for box in ((0.18, 0.48, 0.26, 0.55), (0.6, 0.48, 0.68, 0.55), (0.39, 0.05, 0.47, 0.12)):
        d.rectangle(_scale(b, *box), fill=fg)


def _book(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(_points(b, [(0.05, 0.2), (0.48, 0.28), (0.48, 0.92), (0.05, 0.84)]), fill=fg)
    d.polygon(_points(b, [(0.95, 0.2), (0.52, 0.28), (0.52, 0.92), (0.95, 0.84)]), fill=fg)
    for fy in (0.42, 0.54, 0.66):
        d.line(_points(b, [(0.12, fy), (0.4, fy + 0.04)]), fill=accent, width=4)
        d.line(_points(b, [(0.6, fy + 0.04), (0.88, fy)]), fill=accent, width=4)


def _bag(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(_points(b, [(0.15, 0.35), (0.85, 0.35), (0.9, 0.95), (0.1, 0.95)]), fill=fg)
    d.arc(_scale(b, 0.32, 0.1, 0.68, 0.55), start=180, end=360, fill=fg, width=10)
    d.ellipse(_scale(b, 0.4, 0.52, 0.6, 0.78), fill=accent)
    d.polygon(_points(b, [(0.5, 0.52), (0.62, 0.42), (0.56, 0.56)]), fill=accent)


def _paw(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.ellipse(_scale(b, 0.27, 0.45, 0.73, 0.9), fill=fg)
    for box in ((0.08, 0.3, 0.26, 0.52), (0.28, 0.1, 0.46, 0.36), (0.54, 0.1, 0.72, 0.36), (0.74, 0.3, 0.92, 0.52)):
        d.ellipse(_scale(b, *box), fill=fg)


def _pencil(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.polygon(_points(b, [(0.7, 0.05), (0.95, 0.3), (0.3, 0.95), (0.05, 0.7)]), fill=fg)
    d.polygon(_points(b, [(0.05, 0.7), (0.3, 0.95), (0.02, 0.98)]), fill=accent)
    d.line(_points(b, [(0.62, 0.13), (0.87, 0.38)]), fill=accent, width=8)


def _baby_bottle(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.3, 0.35, 0.7, 0.97), radius=18, fill=fg)
    d.rectangle(_scale(b, 0.27, 0.28, 0.73, 0.38), fill=accent)
    d.pieslice(_scale(b, 0.38, 0.04, 0.62, 0.4), start=180, end=360, fill=fg)
    for fy in (0.55, 0.68, 0.81):
        d.line(_points(b, [(0.32, fy), (0.44, fy)]), fill=accent, width=4)


def _gift_card(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.rounded_rectangle(_scale(b, 0.05, 0.2, 0.95, 0.85), radius=16, fill=fg)
    d.rectangle(_scale(b, 0.6, 0.2, 0.68, 0.85), fill=accent)
    d.rectangle(_scale(b, 0.05, 0.46, 0.95, 0.54), fill=accent)
    d.ellipse(_scale(b, 0.5, 0.36, 0.64, 0.5), outline=accent, width=6)
    d.ellipse(_scale(b, 0.64, 0.36, 0.78, 0.5), outline=accent, width=6)


def _dot(d: ImageDraw.ImageDraw, b: Box, fg: RGB, accent: RGB) -> None:
    d.ellipse(_scale(b, 0.15, 0.15, 0.85, 0.85), fill=fg)


GLYPHS: dict[str, Glyph] = {
    "Electronics": _phone,
    "Home & Kitchen": _mug,
    "Bedding & Bath": _bed,
    "Women's Fashion": _dress,
    "Men's Fashion": _tshirt,
    "Shoes": _shoe,
    "Beauty & Personal Care": _bottle,
    "Sports & Outdoors": _ball,
    "Toys & Games": _blocks,
    "Books & E-books": _book,
    "Grocery & Gourmet": _bag,
    "Pet Supplies": _paw,
    "Office & Stationery": _pencil,
    "Baby": _baby_bottle,
    "Gift Cards": _gift_card,
}


def draw_glyph(draw: ImageDraw.ImageDraw, top_category: str, box: Box, fg: RGB, accent: RGB) -> None:
    """Draw the glyph of ``top_category`` (a plain disc for unknown categories) inside ``box``."""
    GLYPHS.get(top_category, _dot)(draw, box, fg, accent)
