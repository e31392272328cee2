"""Deterministic placeholder product images for the demo catalog.

The demo must show pictures in Telegram without shipping hundreds of binary files or fetching
anything from the internet, so each product's 480x480 PNG is drawn on demand: a background in the
product's colour, a glyph for its top-level category, the brand and a wrapped short title. Same row in,
same bytes out, which lets ``write_demo_images`` skip files that are already up to date.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from store.demo.errors import ImageRenderError
from store.demo.image_glyphs import draw_glyph
from store.demo.palette import color_info

__all__ = ["IMAGE_SIZE", "render_product_image", "write_demo_images", "product_color"]

IMAGE_SIZE = 480
_PANEL_TOP = 318
_MARGIN = 24
_PRODUCT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Used when a product has no colour (books, food, gift cards): picked by a hash of the product id.
_FALLBACK_COLORS: tuple[tuple[int, int, int], ...] = (
    (94, 129, 172),
    (163, 190, 140),
    (208, 135, 112),
    (180, 142, 173),
    (235, 203, 139),
    (136, 192, 208),
    (191, 97, 106),
    (143, 188, 187),
    (216, 222, 233),
    (76, 86, 106),
)
_Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def product_color(product: Mapping[str, Any]) -> tuple[int, int, int]:
    """The RGB a product is drawn in: its ``color`` attribute, else a stable pick from its id."""
    attributes = product.get("attributes") or {}
    name = attributes.get("color") if isinstance(attributes, Mapping) else None
    info = color_info(name) if isinstance(name, str) else None
    if info is not None:
        return info.rgb
    digest = hashlib.sha256(str(product.get("product_id", "")).encode("utf-8")).digest()
    return _FALLBACK_COLORS[digest[0] % len(_FALLBACK_COLORS)]


def _is_light(rgb: tuple[int, int, int]) -> bool:
    r, g, b = rgb
    return (0.299 * r + 0.587 * g + 0.114 * b) > 150


def _shade(rgb: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    """Darken (factor < 1) or lighten towards white (factor > 1)."""
    if factor <= 1:
        return (int(rgb[0] * factor), int(rgb[1] * factor), int(rgb[2] * factor))
    mix = factor - 1
    return tuple(int(c + (255 - c) * mix) for c in rgb)  # type: ignore[return-value]


def _font(size: int) -> _Font:
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: _Font, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; the last line gets an ellipsis if text is left over."""
    words = text.split()
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(lines) < max_lines:
        candidate = f"{current} {words[index]}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
            index += 1
        else:
            lines.append(current)
            current = ""
    if current and len(lines) < max_lines:
        lines.append(current)
    if index < len(words) and lines:
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines


def _short_title(product: Mapping[str, Any]) -> str:
    """The title without the brand prefix and without trailing spec clauses after the second comma."""
    title = str(product.get("title", "")).strip()
    brand = str(product.get("brand") or "").strip()
    if brand and title.startswith(brand + " "):
        title = title[len(brand) + 1 :]
    return ",".join(title.split(",")[:2])


def render_product_image(product: Mapping[str, Any]) -> bytes:
    """Draw one product's 480x480 PNG; identical rows always give identical bytes."""
    background = product_color(product)
    light = _is_light(background)
    ink = (34, 34, 38) if light else (250, 250, 247)
    accent = _shade(background, 0.8) if light else _shade(background, 1.35)
    category = str(product.get("category", "")).split(" > ")[0].strip()

    image = Image.new("RGB", (IMAGE_SIZE, IMAGE_SIZE), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 20, 390, 300), fill=_shade(background, 0.9) if light else _shade(background, 1.15))
    draw_glyph(draw, category, (150, 50, 330, 270), ink, accent)

    # A white caption panel reads well on every colour except near-white ones, which get a dark panel.
    near_white = sum(background) > 690
    panel = (34, 34, 38) if near_white else (255, 255, 255)
    text_ink = (250, 250, 247) if near_white else (34, 34, 38)
    draw.rounded_rectangle((_MARGIN - 8, _PANEL_TOP, IMAGE_SIZE - _MARGIN + 8, IMAGE_SIZE - 16), radius=18, fill=panel)
    brand_font, title_font, badge_font = _font(26), _font(20), _font(16)
    text_width = IMAGE_SIZE - 2 * _MARGIN - 8
    brand = str(product.get("brand") or "").upper()
    brand_line = _wrap(draw, brand, brand_font, text_width, 1)
    y = _PANEL_TOP + 14
    if brand_line:
        draw.text((_MARGIN + 4, y), brand_line[0], font=brand_font, fill=text_ink)
    y += 36
    for line in _wrap(draw, _short_title(product), title_font, text_width, 3):
        draw.text((_MARGIN + 4, y), line, font=title_font, fill=text_ink)
        y += 26
    attributes = product.get("attributes") or {}
    if isinstance(attributes, Mapping) and attributes.get("digital"):
        draw.rounded_rectangle((IMAGE_SIZE - 140, 20, IMAGE_SIZE - 20, 52), radius=12, fill=ink)
        draw.text((IMAGE_SIZE - 80, 36), "DIGITAL", font=badge_font, fill=background, anchor="mm")

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def _image_path(media_dir: Path, product_id: object) -> Path:
    if not isinstance(product_id, str) or not _PRODUCT_ID_RE.match(product_id):
        raise ImageRenderError(f"unsafe or missing product_id {product_id!r}: expected letters, digits, - or _")
    return media_dir / "images" / f"{product_id}.png"


def write_demo_images(catalog_rows: Iterable[Mapping[str, Any]], media_dir: Path, progress: bool = True) -> int:
    """Write ``media_dir/images/<product_id>.png`` for every product; return how many files changed.

    Rows are SKUs; the first row of each product decides its picture. Files whose content hash already
    matches are left alone, so re-running a demo setup is cheap and does not touch mtimes.
    """
    first_rows: dict[str, Mapping[str, Any]] = {}
    for row in catalog_rows:
        pid = row.get("product_id")
        _image_path(media_dir, pid)
        first_rows.setdefault(str(pid), row)
    target_dir = media_dir / "images"
    target_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    total = len(first_rows)
    for done, (pid, row) in enumerate(first_rows.items(), start=1):
        path = _image_path(media_dir, pid)
        data = render_product_image(row)
        if path.exists() and hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest():
            pass
        else:
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            written += 1
        if progress and (done % 50 == 0 or done == total):
            sys.stderr.write(f"\rproduct images: {done}/{total} checked, {written} written")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
    return written
