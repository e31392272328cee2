"""`shopbot search`: try product search from the shell, run it in batch, or score it against judgments.

    shopbot search "red mug" [--limit N] [--json] [--category ..] [--max-price 20] [--sort price_asc]
    shopbot search --batch queries.txt --json [--limit N]     one JSON line per input line, in order
    shopbot search eval --qrels qrels.tsv                      nDCG@10, MRR, recall@50

The model and the index load once per invocation (the saved index is memory-mapped; it is built first if
missing). Queries from the CLI are not written to the owner's zero-result log.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from bot.cli.store_context import open_store, settings_or_exit

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.search.filters import SearchFilters
    from knowledge.search.models import SearchResults
    from knowledge.search.service import ProductSearch

__all__ = ["search"]

EVAL = "eval"


def _filters(settings: Settings, category: str | None, min_price: str | None, max_price: str | None,
             colour: str | None, size: str | None, brand: str | None, in_stock: bool) -> SearchFilters:
    from knowledge.search.filters import SearchFilters
    from store.money import MoneyError, parse_major

    def minor(value: str | None, flag: str) -> int | None:
        if value is None:
            return None
        try:
            return parse_major(value, settings.currency).amount
        except (MoneyError, ValueError) as exc:
            typer.secho(f"{flag}: {exc}", fg="red", err=True)
            raise typer.Exit(2) from None

    try:
        return SearchFilters(category=category, min_price_minor=minor(min_price, "--min-price"),
                             max_price_minor=minor(max_price, "--max-price"),
                             currency=settings.currency if (min_price or max_price) else None,
                             colour=colour, size=size, brand=brand, in_stock_only=in_stock)
    except ValueError as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None


def _json_line(text: str, results: SearchResults) -> str:
    return json.dumps({"query": text, "results": [
        {"product_id": h.external_id, "sku": h.sku, "title": h.title, "score": round(h.score, 6)}
        for h in results.hits]}, ensure_ascii=False)


def _print_table(results: SearchResults) -> None:
    from rich.console import Console
    from rich.table import Table

    from store.money import Money

    console = Console()
    rows = results.hits or results.alternatives
    if not results.hits:
        relaxed = f" (relaxed: {', '.join(results.relaxed)})" if results.relaxed else ""
        console.print(f"[yellow]No results.[/] Nearest alternatives{relaxed}; the bot would offer staff help.")
    table = Table("#", "product", "sku", "title", "price", "stock", "score")
    for i, h in enumerate(rows, start=1):
        price = Money(h.price_minor, h.currency).format() if h.price_minor is not None and h.currency else "-"
        table.add_row(str(i), h.external_id, h.sku or "-", h.title[:60], price, "yes" if h.in_stock else "no",
                      f"{h.score:.4f}")
    console.print(table)


async def _open_search(settings: Settings, uows: Any) -> ProductSearch:
    from knowledge.encoders.registry import load_encoder
    from knowledge.search.service import ProductSearch, index_path

    if not (index_path(settings.index_dir) / "search.json").exists():
        typer.secho("No saved search index: building it now (see `shopbot index rebuild`).", err=True)
    service = ProductSearch(uows, load_encoder(settings.embedding_model, settings.index_dir), settings.index_dir,
                            log_zero_results=False)
    await service.start()
    return service


async def _run_eval(settings: Settings, qrels_path: Path, as_json: bool) -> None:
    from knowledge.search.evaluation import EvalSummary, QrelsError, read_qrels
    from knowledge.search.models import SearchQuery

    try:
        qrels = read_qrels(qrels_path)
    except (OSError, QrelsError) as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None
    async with open_store(settings) as uows:
        service = await _open_search(settings, uows)
        try:
            engine = service.engine
            product_grades: dict[str, dict[str, int]] = {}
            unknown: set[str] = set()
            for query, skus in qrels.items():
                grades = product_grades.setdefault(query, {})
                for sku, grade in skus.items():
                    doc = engine.product_for_sku(sku)
                    if doc is None:
                        unknown.add(sku)
                        continue
                    grades[doc.external_id] = max(grade, grades.get(doc.external_id, 0))
            runs = {}
            for query in qrels:
                results = await service.search(SearchQuery(query, limit=50))
                runs[query] = [h.external_id for h in results.hits]
        finally:
            await service.stop()
    summary = EvalSummary.score(runs, product_grades)
    figures = {"queries": len(summary.queries), "ndcg@10": round(summary.mean("ndcg10"), 4),
               "mrr": round(summary.mean("mrr"), 4), "recall@50": round(summary.mean("recall50"), 4),
               "unknown_skus": sorted(unknown)}
    if as_json:
        typer.echo(json.dumps(figures))
        return
    if unknown:
        typer.secho(f"{len(unknown)} judged SKUs are not in the index (ignored): {', '.join(sorted(unknown)[:10])}",
                    fg="yellow", err=True)
    typer.echo(f"queries {figures['queries']}  nDCG@10 {figures['ndcg@10']:.4f}  MRR {figures['mrr']:.4f}  "
               f"recall@50 {figures['recall@50']:.4f}")


async def _run_queries(settings: Settings, texts: list[str], filters: SearchFilters, sort: str, limit: int,
                       as_json: bool) -> None:
    from knowledge.search.models import SearchQuery
    from knowledge.search.sorting import SortOrder

    order = SortOrder(sort)
    async with open_store(settings) as uows:
        service = await _open_search(settings, uows)
        try:
            for text in texts:
                if not text.strip():  # a blank batch line keeps its place with no results
                    if as_json:
                        sys.stdout.write(json.dumps({"query": text, "results": []}) + "\n")
                    continue
                results = await service.search(SearchQuery(text, limit=limit, filters=filters, sort=order))
                if as_json:
                    sys.stdout.write(_json_line(text, results) + "\n")
                    sys.stdout.flush()
                else:
                    _print_table(results)
        finally:
            await service.stop()


def search(
    query: list[str] = typer.Argument(None, help='Words to search for, or "eval" with --qrels.'),
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=100, help="Results per query."),
    as_json: bool = typer.Option(False, "--json", help="JSON output (one line per query)."),
    batch: Path | None = typer.Option(None, "--batch", help="File with one query per line."),
    qrels: Path | None = typer.Option(None, "--qrels", help="For `search eval`: TSV query<TAB>sku<TAB>grade."),
    category: str | None = typer.Option(None, "--category", help='Category path or level, e.g. "Mugs".'),
    min_price: str | None = typer.Option(None, "--min-price", help="In major units of the shop currency."),
    max_price: str | None = typer.Option(None, "--max-price", help="In major units of the shop currency."),
    colour: str | None = typer.Option(None, "--colour", "--color"),
    size: str | None = typer.Option(None, "--size"),
    brand: str | None = typer.Option(None, "--brand"),
    in_stock: bool = typer.Option(False, "--in-stock", help="Only products with stock."),
    sort: str = typer.Option("relevance", "--sort",
                             help="relevance, sales, price_asc, price_desc, rating or personal."),
) -> None:
    """Search the catalog by meaning and keywords (English and Chinese)."""
    from knowledge.search.sorting import SortOrder

    settings = settings_or_exit()
    words = list(query or [])
    if words == [EVAL] and qrels is not None:
        asyncio.run(_run_eval(settings, qrels, as_json))
        return
    if qrels is not None:
        typer.secho("--qrels belongs to `shopbot search eval --qrels FILE`", fg="red", err=True)
        raise typer.Exit(2)
    if sort not in {s.value for s in SortOrder}:
        typer.secho(f"--sort must be one of: {', '.join(s.value for s in SortOrder)}", fg="red", err=True)
        raise typer.Exit(2)
    if batch is not None:
        if words:
            typer.secho("give either a QUERY or --batch FILE, not both", fg="red", err=True)
            raise typer.Exit(2)
        try:
            texts = [line.rstrip("\r\n") for line in batch.read_text(encoding="utf-8").splitlines()]
        except OSError as exc:
            typer.secho(f"cannot read {batch}: {exc}", fg="red", err=True)
            raise typer.Exit(2) from None
        texts = [t[:1000] for t in texts]
    elif words:
        texts = [" ".join(words)]
    else:
        typer.secho('give a query, e.g. shopbot search "red mug"', fg="red", err=True)
        raise typer.Exit(2)
    filters = _filters(settings, category, min_price, max_price, colour, size, brand, in_stock)
    asyncio.run(_run_queries(settings, texts, filters, sort, limit, as_json))
