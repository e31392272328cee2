"""`shopbot chat`: talk to the shop in the terminal, or replay a script of turns for end-to-end checks.

Buttons show as numbered choices; type the number to press one. ``--script FILE --json`` replays one user
message (or ``[button label]``) per line and prints one JSON object per bot reply; state persists between runs
for the same user and data directory, so a script can continue where the last one stopped.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from pathlib import Path
from typing import Any

import typer

from bot.cli.store_context import settings_or_exit

__all__ = ["chat"]

_BUTTON = re.compile(r"^\[(.+)\]$")
LOCAL_USER = 1_000_001  # the console's shopper id (web chat users get their own ids)


def _media_file(ref: str, media_dir: Path | None) -> Path | None:
    """A catalogue file on this machine; None for a remote URL (or with no media directory)."""
    if ref.startswith(("http://", "https://")) or media_dir is None:
        return None
    return (media_dir / ref).resolve()


def _document_path(document: dict[str, str], media_dir: Path | None) -> str:
    """Where a document is on this machine (the console has no download button: it prints the path)."""
    local = _media_file(document["path"], media_dir)
    return str(local) if local is not None else document["path"]


def _photo_url(photo: str | None, media_dir: Path | None) -> str | None:
    """A photo as a URL: remote ones as they are, catalogue files as ``file://`` URLs a script can open."""
    if not photo:
        return None
    local = _media_file(photo, media_dir)
    return local.as_uri() if local is not None else photo


def _print_reply(reply: dict[str, Any], number_from: int, media_dir: Path | None = None) -> list[str]:
    """Print one reply for a person; returns the button data in numbering order."""
    text = re.sub(r"</?(b|i|code|u|s)>", "", reply["text"])
    text = html.unescape(re.sub(r'<a href="([^"]+)">([^<]+)</a>', r"\2 (\1)", text))
    if reply["photo"]:
        typer.secho(f"[photo: {reply['photo']}]", fg="cyan")
    if reply.get("document"):
        typer.secho(f"[document: {_document_path(reply['document'], media_dir)}]", fg="cyan")
    typer.echo(text)
    datas: list[str] = []
    for row in reply["buttons"]:
        cells = []
        for button in row:
            if "data" in button:
                datas.append(button["data"])
                cells.append(f"[{number_from + len(datas) - 1}] {button['label']}")
            else:
                cells.append(f"{button['label']} <{button['url']}>")
        typer.secho("   ".join(cells), fg="yellow")
    if reply["invoice"]:
        typer.secho("[pay] to pay this invoice with a test payment", fg="green")
    return datas


async def _interactive(bot: Any, session: Any, media_dir: Path | None = None) -> None:
    typer.secho("shopbot console — type a message, a button number, 'pay', or Ctrl-D to quit.", fg="green")
    numbered: list[str] = []
    invoice: dict[str, Any] | None = None
    while True:
        try:
            line = await asyncio.to_thread(input, "you> ")
        except (EOFError, KeyboardInterrupt):
            typer.echo()
            return
        line = line.strip()
        if not line:
            continue
        if line.isdigit() and 1 <= int(line) <= len(numbered):
            replies = await session.press(numbered[int(line) - 1])
        elif line.lower() == "pay" and invoice:
            replies = await session.pay_test(invoice)
        else:
            replies = await session.say(line)
        numbered = []
        for reply in replies:
            numbered += _print_reply(reply, len(numbered) + 1, media_dir)
            invoice = reply["invoice"] or invoice


def _latest_file(data_dir: Path, user: int) -> Path:
    """Where a scripted chat keeps the last replies' buttons, so the next run can press them."""
    return data_dir / "chat" / f"latest-{user}.json"


def _load_latest(path: Path) -> list[dict[str, Any]]:
    try:
        latest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return latest if isinstance(latest, list) else []


def _save_latest(path: Path, latest: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(latest, ensure_ascii=False), encoding="utf-8")


async def _script(session: Any, lines: list[str], media_dir: Path | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    turn = 0
    invoice: dict[str, Any] | None = None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        turn += 1
        match = _BUTTON.match(line)
        if match and match.group(1).lower() == "pay" and invoice:
            replies = await session.pay_test(invoice)
        elif match:
            replies = await session.press_label(match.group(1))
        else:
            replies = await session.say(line)
        for reply in replies:
            invoice = reply["invoice"] or invoice
            document = reply.get("document")
            out.append({"turn": turn, "text": reply["text"],
                        "buttons": [[b["label"] for b in row] for row in reply["buttons"]],
                        "photo": _photo_url(reply["photo"], media_dir), "invoice": reply["invoice"],
                        "document": {**document, "file": _document_path(document, media_dir)} if document else None})
    return out


def chat(
    script: Path | None = typer.Option(None, "--script", exists=True, dir_okay=False,
                                       help="Replay one message or [button label] per line."),
    as_json: bool = typer.Option(False, "--json", help="With --script: one JSON object per bot reply."),
    user: int = typer.Option(LOCAL_USER, "--user", help="The shopper's id (state persists per user)."),
    language: str = typer.Option("en", "--language", help="en or zh."),
) -> None:
    """Chat with the shop in this terminal (buttons are numbered), or replay a script."""
    from bot.core.app import ShopBot
    from bot.core.events import UserRef
    from bot.transports.local_session import LocalSession

    if language not in ("en", "zh"):
        raise typer.BadParameter("--language must be en or zh")
    settings = settings_or_exit()

    async def run() -> None:
        async with ShopBot(settings, transport="console", jobs=True) as bot:
            session = LocalSession(bot, UserRef(user, first_name="Shopper", language_code=language))
            if script is None:
                await _interactive(bot, session, settings.media_dir)
                return
            # The conversation state persists between runs; so do the buttons of the last reply.
            latest = _latest_file(settings.data_dir, user)
            session.latest = _load_latest(latest)
            replies = await _script(session, script.read_text(encoding="utf-8").splitlines(), settings.media_dir)
            _save_latest(latest, session.latest)
            for reply in replies:
                if as_json:
                    typer.echo(json.dumps(reply, ensure_ascii=False))
                else:
                    typer.echo(f"--- turn {reply['turn']}")
                    _print_reply({**reply, "buttons": [[{"label": b, "data": b} for b in row]
                                                       for row in reply["buttons"]]}, 1, settings.media_dir)

    from bot.cli.errors import run_friendly

    run_friendly(run())
