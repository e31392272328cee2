"""An e-book's files, made locally for its buyer: a valid EPUB 3 (stdlib zip + XHTML) and a PDF (Pillow).

WHY generated: the demo shop sells fictional books, so there is no text to ship; each buyer gets a small but
real book file -- title page, the book's description, a note saying whose copy it is -- that opens in any
reader. A real shop would copy its publisher files here instead; the delivery around it stays the same.
Nothing is fetched from the network. Files are written once (atomically, via a temporary name) and left
alone after that, so calling ``ensure_files`` again is cheap and never changes what was delivered.
"""

from __future__ import annotations

import html
import io
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from store.digital.service import DigitalFile, DigitalItemView

__all__ = ["ensure_files", "epub_bytes", "pdf_bytes"]

_FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # zip entry times: the same book gives the same bytes
_PAGE = (595, 842)  # A4 at 72 dpi
_MARGIN = 56


def _paragraphs(item: DigitalItemView) -> list[str]:
    details = item.details
    about = str(details.get("description") or "").strip()
    paras = [about] if about else []
    pages = details.get("pages")
    if isinstance(pages, int) and pages > 0:
        paras.append(f"This demo edition stands in for the full book of about {pages} print pages.")
    paras.append(f"This copy was delivered for order {details.get('order_number') or item.order_number}. "
                 "Thank you for buying it.")
    return paras


def _book_id(item: DigitalItemView) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'shopbot:digital:{item.id}:{item.files[0].path}')}"


def epub_bytes(item: DigitalItemView) -> bytes:
    details = item.details
    title, author = html.escape(item.title), html.escape(str(details.get("author") or "Unknown author"))
    lang = "zh" if str(details.get("language", "")).lower().startswith(("chinese", "zh")) else "en"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(item))
    publisher = html.escape(str(details.get("publisher") or ""))
    chapter = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}"><head><title>{title}</title>'
        f'</head><body><section><h1>{title}</h1><p><em>{author}</em></p>'
        f'{f"<p>{publisher}</p>" if publisher else ""}{body}</section></body></html>\n')
    nav = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f'<head><title>{title}</title></head><body><nav epub:type="toc" id="toc"><ol>'
        f'<li><a href="book.xhtml">{title}</a></li></ol></nav></body></html>\n')
    opf = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="book-id">{_book_id(item)}</dc:identifier><dc:title>{title}</dc:title>'
        f'<dc:creator>{author}</dc:creator><dc:language>{lang}</dc:language>'
        f'<meta property="dcterms:modified">{item.created_at:%Y-%m-%dT%H:%M:%SZ}</meta></metadata>'
        '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="book" href="book.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="book"/></spine></package>\n')
    container = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        '</rootfiles></container>\n')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        # The EPUB rule: "mimetype" first and stored uncompressed, so readers can sniff it at a fixed offset.
        book.writestr(zipfile.ZipInfo("mimetype", _FIXED_TIME), "application/epub+zip",
                      compress_type=zipfile.ZIP_STORED)
        for name, text in (("META-INF/container.xml", container), ("OEBPS/content.opf", opf),
                           ("OEBPS/nav.xhtml", nav), ("OEBPS/book.xhtml", chapter)):
            book.writestr(zipfile.ZipInfo(name, _FIXED_TIME), text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def _pages(item: DigitalItemView) -> list[Image.Image]:
    title_font, text_font = ImageFont.load_default(size=30), ImageFont.load_default(size=15)
    width = _PAGE[0] - 2 * _MARGIN
    cover = Image.new("RGB", _PAGE, (250, 247, 240))
    draw = ImageDraw.Draw(cover)
    y = 220
    for line in _wrap(draw, item.title, title_font, width):
        draw.text((_MARGIN, y), line, font=title_font, fill=(30, 30, 30))
        y += 40
    author = str(item.details.get("author") or "")
    if author:
        draw.text((_MARGIN, y + 20), author, font=text_font, fill=(80, 80, 80))
    pages = [cover]
    page = Image.new("RGB", _PAGE, "white")
    draw = ImageDraw.Draw(page)
    y = _MARGIN
    for para in _paragraphs(item):
        for line in _wrap(draw, para, text_font, width):
            if y > _PAGE[1] - _MARGIN:
                pages.append(page)
                page = Image.new("RGB", _PAGE, "white")
                draw = ImageDraw.Draw(page)
                y = _MARGIN
            draw.text((_MARGIN, y), line, font=text_font, fill=(20, 20, 20))
            y += 22
        y += 14
    pages.append(page)
    return pages


def pdf_bytes(item: DigitalItemView) -> bytes:
    pages = _pages(item)
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=72.0, title=item.title,
                  author=str(item.details.get("author") or ""), creationDate=item.created_at.utctimetuple(),
                  modDate=item.created_at.utctimetuple())
    return out.getvalue()


def _render(item: DigitalItemView, file: DigitalFile) -> bytes:
    if file.name.endswith(".epub"):
        return epub_bytes(item)
    if file.name.endswith(".pdf"):
        return pdf_bytes(item)
    raise ValueError(f"no way to make {file.name}")


def _inside(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"{relative} is outside {root}")
    return target


def ensure_files(item: DigitalItemView, media_dir: Path) -> Sequence[Path]:
    """Write the item's files under ``media_dir`` if they are missing; returns their paths (blocking I/O)."""
    paths = []
    for file in item.files:
        target = _inside(media_dir, file.path)
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(target.name + ".part")
            part.write_bytes(_render(item, file))
            part.replace(target)
        paths.append(target)
    return paths
