"""`shopbot ask`: ask the Q&A knowledge base from the terminal, one question or a batch file.

``--batch FILE --json`` reads one question per line (plain text, or a JSON object
``{"question": ..., "product": SKU}``) and prints one JSON line per input, in order:
``{"question", "answer", "source", "confidence", "matched_question"}`` with ``answer`` null when the bot
would say it does not know. The model loads once for the whole batch. A line that cannot be read or names
an unknown product gets ``{"question", "error"}`` and the batch goes on (exit code 1 at the end).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from bot.cli.store_context import settings_or_exit

if TYPE_CHECKING:
    from knowledge.qa import QAService

__all__ = ["ask", "parse_batch_line"]


@dataclass(frozen=True)
class BatchItem:
    question: str
    product: str | None = None
    error: str | None = None


def parse_batch_line(line: str) -> BatchItem | None:
    """One batch line -> an item (None for a blank line, which is not an input)."""
    text = line.strip()
    if not text:
        return None
    if not text.startswith("{"):
        return BatchItem(question=text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return BatchItem(question=text, error=f"invalid JSON: {exc.msg}")
    question, product = data.get("question"), data.get("product")
    if not isinstance(question, str) or not question.strip():
        return BatchItem(question=text, error="the object has no \"question\" text")
    if product is not None and not isinstance(product, str):
        return BatchItem(question=question, error="\"product\" must be a SKU or product id string")
    return BatchItem(question=question, product=product or None)


def _show(result: dict[str, Any], product: str | None = None) -> None:
    if result.get("error"):
        typer.secho(f"{result['question']}\n  error: {result['error']}", fg="red")
    elif result["answer"] is None:
        typer.echo(f"{result['question']}\n  I don't know yet (confidence {result['confidence']:.2f}). "
                   "Offer: post this question to the community group or ask staff.")
    else:
        about = f", product: {product}" if product else ""
        typer.echo(f"{result['question']}\n  {result['answer']}\n  [{result['source']}, confidence "
                   f"{result['confidence']:.2f}, matched: {result['matched_question'] or '-'}{about}]")


async def _answer(service: QAService, item: BatchItem) -> tuple[dict[str, Any], str | None]:
    """The JSON line, and the product the answer is about (the one given, or one the question names)."""
    from knowledge.qa.errors import UnknownProduct

    if item.error:
        return {"question": item.question, "error": item.error}, None
    try:
        answer = await service.ask(item.question, product_external_id=item.product)
    except UnknownProduct as exc:
        return {"question": item.question, "error": str(exc)}, None
    return answer.to_json(item.question), answer.product_external_id if answer.product_scoped else None


def ask(
    question: str | None = typer.Argument(None, help="The question to ask."),
    product: str | None = typer.Option(None, "--product", help="Scope to a product (SKU or product id)."),
    batch: Path | None = typer.Option(None, "--batch", exists=True, dir_okay=False,
                                      help="A file with one question per line (text or JSON object)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines."),
) -> None:
    """Answer a question from the knowledge base, or say it does not know."""
    if (question is None) == (batch is None):
        typer.secho("give either a QUESTION or --batch FILE", fg="red", err=True)
        raise typer.Exit(2)
    settings = settings_or_exit()
    items: list[BatchItem | None]
    if batch is not None:
        items = [parse_batch_line(line) for line in batch.read_text(encoding="utf-8-sig").splitlines()]
    else:
        items = [BatchItem(question=question or "", product=product)]

    async def run() -> int:
        from bot.cli.store_context import open_store
        from knowledge.qa import QAService

        failures = 0
        async with open_store(settings) as uow_factory:
            service = QAService.from_settings(uow_factory, settings.embedding_model, settings.index_dir)
            await service.start()
            for item in items:
                if item is None:
                    continue
                result, about = await _answer(service, item)
                failures += "error" in result
                if as_json:
                    typer.echo(json.dumps(result, ensure_ascii=False))
                else:
                    _show(result, about)
        return failures

    from bot.cli.errors import run_friendly

    if run_friendly(run()):
        raise typer.Exit(1)
