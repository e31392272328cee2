"""Library-free helpers every Telegram adapter needs: split long HTML, fit captions, find media, lay out keys.

WHY here and not in each adapter: the limits (4096 characters per message, 1024 per caption, HTML that must
stay balanced across a split) are Telegram's, not a library's, so both adapters must cut text identically.
Lengths are counted in UTF-16 code units, as Telegram counts them, on the raw HTML: that over-counts tags
and entities, so a piece never exceeds the limit after Telegram parses it.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.core.replies import Keyboard
from bot.transports.errors import MediaNotFound

__all__ = [
    "MESSAGE_LIMIT", "CAPTION_LIMIT", "ButtonSpec", "MediaRef", "utf16_len", "split_html", "caption_parts",
    "resolve_media", "keyboard_rows", "truncate",
]

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024

_TOKEN = re.compile(r"<[^<>]*>|&#?\w{1,10};|\n|[^\S\n]+|[^<&\s]+|[<&]")
_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)\s*>$")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class ButtonSpec:
    label: str
    data: str | None = None
    url: str | None = None
    pay: bool = False  # the Pay button an invoice keyboard starts with


@dataclass(frozen=True)
class MediaRef:
    """Either a URL Telegram fetches itself, or a local file the adapter uploads -- or, for a local file this bot
    uploaded before, the ``file_id`` Telegram gave it (see bot.transports.file_ids)."""

    url: str | None = None
    path: Path | None = None
    stamp: tuple[int, int] | None = None  # (mtime_ns, size) of the local file when it was resolved
    file_id: str | None = None

    @property
    def is_upload(self) -> bool:
        return self.path is not None and self.file_id is None


def _tokens(text: str, longest: int) -> list[str]:
    """Tags, entities, whitespace and words; a word longer than ``longest`` is cut by characters."""
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token.startswith("<") or utf16_len(token) <= longest:
            out.append(token)
            continue
        cur = ""
        for ch in token:
            if utf16_len(cur + ch) > longest:
                out.append(cur)
                cur = ""
            cur += ch
        out.append(cur)
    return out


def _closing(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut HTML into pieces of at most ``limit`` UTF-16 units, at whitespace when possible, closing the open
    tags at the end of a piece and re-opening them at the start of the next; never inside a tag or entity."""
    if utf16_len(text) <= limit:
        return [text] if text.strip() else []
    chunks: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, opening tag) of the tags open after the last token taken
    cur: list[str] = []
    cur_len = 0

    def emit() -> None:
        nonlocal cur, cur_len
        body = "".join(cur)
        if re.sub(r"<[^<>]*>", "", body).strip():
            chunks.append(body.strip() + _closing(stack))
        cur = [op for _, op in stack]
        cur_len = sum(utf16_len(op) for op in cur)

    for token in _tokens(text, max(1, limit // 2)):
        after = stack
        tag = _TAG.match(token)
        if tag is not None and not tag.group(3):
            name = tag.group(2).lower()
            if not tag.group(1):
                after = [*stack, (name, token)]
            elif stack and stack[-1][0] == name:
                after = stack[:-1]
        size = utf16_len(token)
        if cur_len + size + utf16_len(_closing(after)) > limit:
            emit()
            if not token.strip():
                continue
            if cur_len + size + utf16_len(_closing(after)) > limit:
                # Tags nested so deep that re-opening them leaves no room: keep the words, drop the formatting.
                cur, cur_len, stack = [], 0, []
                after = [(tag.group(2).lower(), token)] if tag is not None and not tag.group(1) else []
        cur.append(token)
        cur_len += size
        stack = after
    emit()
    return chunks


def caption_parts(text: str) -> tuple[str, list[str]]:
    """A caption that fits (1024) and the rest as follow-up messages (4096 each), nothing lost."""
    if utf16_len(text) <= CAPTION_LIMIT:
        return text, []
    pieces = split_html(text, CAPTION_LIMIT)
    return pieces[0], split_html("\n".join(pieces[1:]), MESSAGE_LIMIT)


def truncate(text: str, limit: int) -> str:
    """Plain-text fields with hard limits (invoice title 32, description 255): cut with an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def resolve_media(ref: str, media_dir: Path) -> MediaRef:
    """``https://...`` is passed to Telegram as is; anything else is a file under the media directory."""
    if ref.startswith(("http://", "https://")):
        return MediaRef(url=ref)
    root, candidate = _under_media_dir(str(media_dir), ref)
    if candidate is None:
        raise MediaNotFound(ref, "outside the media directory")
    try:
        st = candidate.stat()
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode):
        raise MediaNotFound(ref, f"no such file in {root}")
    return MediaRef(path=candidate, stamp=(st.st_mtime_ns, st.st_size))


@lru_cache(maxsize=8192)
def _under_media_dir(media_dir: str, ref: str) -> tuple[Path, Path | None]:
    """The resolved media root and ``ref`` resolved under it (None when it escapes it, by ``..`` or a link).

    WHY cached: resolving follows every path component with a system call, and a result page sends a photo
    per card; the catalogue's image paths are few and fixed, and the file itself is still stat-ed per send.
    """
    root = Path(media_dir).resolve()
    candidate = (root / ref).resolve()
    return root, candidate if candidate.is_relative_to(root) else None


def keyboard_rows(buttons: Keyboard) -> list[list[ButtonSpec]]:
    return [[ButtonSpec(b.label, data=b.data, url=b.url) for b in row] for row in buttons if row]
