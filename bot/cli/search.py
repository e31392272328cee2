"""`shopbot search`: try product search from the shell, run it in batch, or score it against judgments.

    shopbot search "red mug" [--limit N] [--json] [--category ..] [--max-price 20] [--sort price_asc]
    shopbot search --batch queries.txt --json [--limit N]     one JSON line per input line, in order
    shopbot search eval --qrels qrels.tsv                      nDCG@10, MRR, recall@50, precision@4, near misses

Every query is read the way the dialogue reads a search message (bot/core/skills/shopping/query.py): price
phrases become a price filter (元/块 = the shop's currency), sort words an order, colour/size/brand/category
preferences, so "wireless earbuds under $50" means the same here as in a chat. Flags are explicit, hard
filters on top of that; ``--as-typed`` skips the reading (the whole line is ranked as it is).
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
    from bot.core.skills.shopping.query import TextQueryParser
    from bot.settings import Settings
    from knowledge.search.filters import SearchFilters
    from knowledge.search.models import SearchQuery, SearchResults
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
    q = results.query
    read = [f"text {q.text!r}"]
    if q.product_text is not None:
        read.append(f"product words {q.product_text!r}")
    stated = {k: v for k, v in q.prefer.__dict__.items() if v}
    if stated:
        read.append("prefers " + ", ".join(f"{k} {v}" for k, v in stated.items()))
    hard = {k: v for k, v in q.filters.__dict__.items() if v not in (None, False)}
    if q.filters.active:
        read.append("filters " + ", ".join(f"{k} {v}" for k, v in hard.items()))
    if q.sort.value != "relevance":
        read.append(f"sorted {q.sort.value}")
    console.print("[dim]Read as: " + "; ".join(read) + "[/]")
    if results.unmet:
        close = f" (closest: {', '.join(results.close_colours)})" if results.close_colours else ""
        console.print(f"[yellow]No result meets: {', '.join(results.unmet)}{close}; "
                      "they come after the ones that do.[/]")
    if results.missing_model:
        console.print(f"[yellow]No {results.missing_model!r} in the catalog;[/] the closest products follow.")
    if results.missing_kind:
        console.print(f"[yellow]Nothing of the kind {results.missing_kind!r} in the catalog;[/] the closest follow.")
    if results.missing_brand:
        console.print(f"[yellow]The catalog has no brand {results.missing_brand!r};[/] other brands follow.")
    if results.brand_none_fit:
        console.print(f"[yellow]Nothing from {results.brand_none_fit} is among the results;[/] other brands follow.")
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


async def _text_parser(settings: Settings, uows: Any, as_typed: bool) -> TextQueryParser | None:
    """The dialogue's reading of search text (entities -> filters, preferences, order), or None as typed."""
    if as_typed:
        return None
    from bot.core.nlu_setup import catalog_vocabulary
    from bot.core.skills.shopping.query import TextQueryParser

    vocabulary = await catalog_vocabulary(uows)
    return await asyncio.to_thread(TextQueryParser.from_training_data, vocabulary, settings.currency)


def _query(parser: TextQueryParser | None, text: str, limit: int, flags: SearchFilters | None = None,
           sort: str | None = None) -> SearchQuery:
    """One line as a ``SearchQuery``: read like a chat message, then explicit flags on top (they win)."""
    from dataclasses import asdict, replace

    from knowledge.search.filters import SearchFilters
    from knowledge.search.models import SearchQuery
    from knowledge.search.sorting import SortOrder

    query = SearchQuery(text[:1000], limit=limit) if parser is None else parser.query(text[:1000], limit=limit)
    if flags is not None and flags.active:
        explicit = {k: v for k, v in asdict(flags).items() if v not in (None, False)}
        query = replace(query, filters=SearchFilters(**{**asdict(query.filters), **explicit}))
    if sort is not None:
        query = replace(query, sort=SortOrder(sort))
    return query


async def _run_eval(settings: Settings, qrels_path: Path, as_json: bool, as_typed: bool,
                    queries_path: Path | None) -> None:
    from knowledge.search.evaluation import EvalSummary, QrelsError, read_languages, read_qrels

    try:
        qrels = read_qrels(qrels_path)
    except (OSError, QrelsError) as exc:
        typer.secho(str(exc), fg="red", err=True)
        raise typer.Exit(2) from None
    # The language of each query, for the split: --queries FILE, else search_queries.tsv beside the qrels.
    languages = read_languages(queries_path or qrels_path.with_name("search_queries.tsv"))
    async with open_store(settings) as uows:
        service = await _open_search(settings, uows)
        try:
            parser = await _text_parser(settings, uows, as_typed)
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
                results = await service.search(_query(parser, query, 50))
                runs[query] = [h.external_id for h in results.hits]
        finally:
            await service.stop()
    summary = EvalSummary.score(runs, product_grades)
    figures: dict[str, Any] = {**summary.figures(), "read_as": "typed" if as_typed else "dialogue",
                               "unknown_skus": sorted(unknown)}
    by_language = {lang: summary.subset({q for q, lg in languages.items() if lg == lang}).figures()
                   for lang in sorted(set(languages.values()))}
    if by_language:
        figures["by_language"] = by_language
    if as_json:
        typer.echo(json.dumps(figures))
        return
    if unknown:
        typer.secho(f"{len(unknown)} judged SKUs are not in the index (ignored): {', '.join(sorted(unknown)[:10])}",
                    fg="yellow", err=True)

    def line(name: str, f: dict[str, Any]) -> str:
        return (f"{name:<8} queries {f['queries']}  nDCG@10 {f['ndcg@10']:.4f}  MRR {f['mrr']:.4f}  "
                f"recall@50 {f['recall@50']:.4f}  precision@4 {f['precision@4']:.4f}  "
                f"near-miss {f['near_miss']:.4f}")

    typer.echo(line("all", figures))
    for lang, f in by_language.items():
        typer.echo(line(lang, f))


async def _run_queries(settings: Settings, texts: list[str], filters: SearchFilters, sort: str | None, limit: int,
                       as_json: bool, as_typed: bool) -> None:
    async with open_store(settings) as uows:
        service = await _open_search(settings, uows)
        try:
            parser = await _text_parser(settings, uows, as_typed)
            for text in texts:
                if not text.strip():  # a blank batch line keeps its place with no results
                    if as_json:
                        sys.stdout.write(json.dumps({"query": text, "results": []}) + "\n")
                    continue
                results = await service.search(_query(parser, text, limit, filters, sort))
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
    sort: str | None = typer.Option(None, "--sort", help="relevance, sales, price_asc, price_desc, rating or "
                                    "personal (default: what the query's words ask, else relevance)."),
    as_typed: bool = typer.Option(False, "--as-typed", help="Rank each line as typed, without reading price, "
                                  "sort, colour, size or brand words from it."),
    queries: Path | None = typer.Option(None, "--queries", help="For `search eval`: query<TAB>language file "
                                        "for the per-language split (default: search_queries.tsv beside --qrels)."),
) -> None:
    """Search the catalog by meaning and keywords (English and Chinese)."""
    from knowledge.search.sorting import SortOrder

    settings = settings_or_exit()
    words = list(query or [])
    if words == [EVAL] and qrels is not None:
        asyncio.run(_run_eval(settings, qrels, as_json, as_typed, queries))
        return
    if qrels is not None:
        typer.secho("--qrels belongs to `shopbot search eval --qrels FILE`", fg="red", err=True)
        raise typer.Exit(2)
    if sort is not None and sort not in {s.value for s in SortOrder}:
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
    asyncio.run(_run_queries(settings, texts, filters, sort, limit, as_json, as_typed))
