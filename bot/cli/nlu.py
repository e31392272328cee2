"""`shopbot nlu ...`: train, parse and evaluate the intent/entity model.

Heavy imports (numpy, sklearn, the encoder) happen inside the commands so `shopbot --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.store_context import settings_or_exit

if TYPE_CHECKING:
    from nlu.evaluation import EvalReport
    from nlu.pipeline import BuiltinNLU

app = typer.Typer(help="Natural-language understanding: train, parse, evaluate.", no_args_is_help=True)

_DATA_HELP = "Directory of Rasa NLU YAML training files (default: nlu/data)."


def _data_dir(data_dir: Path | None) -> Path:
    from nlu.factory import DEFAULT_DATA_DIR

    path = data_dir or DEFAULT_DATA_DIR
    if not path.is_dir():
        typer.echo(f"error: training data directory {path} does not exist", err=True)
        raise typer.Exit(2)
    return path


def _builtin(data_dir: Path | None) -> BuiltinNLU:
    from knowledge.encoders.registry import load_encoder
    from nlu.errors import NLUError
    from nlu.factory import build_builtin

    settings = settings_or_exit()
    try:
        return build_builtin(settings.model_dir, load_encoder(settings.embedding_model), _data_dir(data_dir))
    except NLUError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command("train")
def train_cmd(data_dir: Path | None = typer.Option(None, help=_DATA_HELP)) -> None:
    """Train on the YAML data and save a versioned model under SHOPBOT_DATA_DIR/models/nlu."""
    from knowledge.encoders.registry import load_encoder
    from nlu.artifact import save_model, train_from_dir
    from nlu.errors import NLUError

    settings = settings_or_exit()
    try:
        model = train_from_dir(_data_dir(data_dir), load_encoder(settings.embedding_model))
    except NLUError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    path = save_model(model, settings.model_dir)
    meta = model.metadata
    typer.echo(
        f"Trained NLU {meta.version}: {meta.n_examples} examples, {len(meta.intents)} intents, "
        f"encoder {meta.encoder_name}, CV accuracy {meta.cv.get('accuracy', 0):.4f}, "
        f"fallback threshold {meta.threshold:.2f}, temperature {meta.temperature:.3f}\nSaved to {path}"
    )


@app.command("parse")
def parse_cmd(
    text: str | None = typer.Argument(None, help="The message to parse."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per message."),
    batch: Path | None = typer.Option(None, "--batch", help="File with one message per line ('-' = stdin)."),
    data_dir: Path | None = typer.Option(None, help=_DATA_HELP),
) -> None:
    """Parse one message, or a batch file (one message per line in, one JSON line out, in order)."""
    if (text is None) == (batch is None):
        typer.echo("error: give either TEXT or --batch FILE", err=True)
        raise typer.Exit(2)
    if batch is not None:
        lines = _read_batch(batch)
        nlu = _builtin(data_dir)
        results = nlu.parse_batch(lines) if lines else []
        for result in results:
            typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    assert text is not None
    if not text.strip():
        typer.echo("error: the message is empty", err=True)
        raise typer.Exit(2)
    result = _builtin(data_dir).parse_sync(text)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    flag = "  (fallback: would ask)" if result.is_fallback else ""
    typer.echo(f"{result.intent.name}  {result.intent.confidence:.3f}{flag}")
    for score in result.intent_ranking[1:4]:
        typer.echo(f"  {score.name:<22}{score.confidence:.3f}")
    for ent in result.entities:
        typer.echo(f"  [{ent.entity}] {result.text[ent.start : ent.end]!r} -> {ent.value!r}")


def _read_batch(path: Path) -> list[str]:
    if str(path) == "-":
        raw = sys.stdin.read()
    else:
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            typer.echo(f"error: cannot read {path}: {exc}", err=True)
            raise typer.Exit(2) from None
    lines = [line.strip() for line in raw.splitlines()]
    empty = [i + 1 for i, line in enumerate(lines) if not line]
    if empty and any(lines[empty[-1] :]):
        typer.echo(f"error: {path} has empty lines ({', '.join(map(str, empty[:5]))}); one message per line", err=True)
        raise typer.Exit(2)
    return [line for line in lines if line]


@app.command("eval")
def eval_cmd(
    folds: int = typer.Option(5, min=2, help="Stratified k-fold cross-validation on the training data."),
    heldout: list[Path] | None = typer.Option(
        None, help="Held-out Rasa YAML test file; repeat for several (default: nlu/eval/heldout.yml and heldout_2.yml)."
    ),
    dev: Path | None = typer.Option(None, help="Development set, reported separately (default: nlu/eval/dev.yml)."),
    data_dir: Path | None = typer.Option(None, help=_DATA_HELP),
    no_heldout: bool = typer.Option(False, "--no-heldout", help="Cross-validation only (no test or dev files)."),
    json_out: Path | None = typer.Option(None, help="Also write every report as JSON here."),
) -> None:
    """Accuracy, macro-F1, per-intent F1, confusions and out_of_scope P/R: CV, each held-out file and the dev
    set, per language."""
    from knowledge.encoders.registry import load_encoder
    from nlu.evaluation import evaluate, format_report
    from nlu.factory import DEFAULT_DEV, DEFAULT_HELDOUTS
    from nlu.training import TrainConfig, cross_validate
    from nlu.training_data import data_files, load_training_data

    settings = settings_or_exit()
    encoder = load_encoder(settings.embedding_model)
    data = load_training_data(data_files(_data_dir(data_dir)))
    vectors = encoder.encode([e.text for e in data.examples])
    cv = cross_validate(data, vectors, TrainConfig(folds=folds))
    proba = cv.proba()
    nlu = _builtin(data_dir)
    pred = [cv.classes[i] for i in proba.argmax(axis=1)]
    fallback = (proba.max(axis=1) < nlu.fallback_threshold).tolist()
    reports = [evaluate(f"cv{folds}", cv.labels, pred, cv.languages, fallback)]
    typer.echo(format_report(reports[0]))
    if not no_heldout:
        tests = [(p.stem, p) for p in (heldout or [p for p in DEFAULT_HELDOUTS if p.exists()])]
        dev_path = dev or (DEFAULT_DEV if DEFAULT_DEV.exists() else None)
        if dev_path is not None:
            tests.append(("dev (used for error analysis)", dev_path))
        training_texts = [e.text for e in data.examples]
        for name, path in tests:
            reports += _eval_file(nlu, name, path, training_texts)
    if json_out is not None:
        json_out.write_text(json.dumps([r.to_json() for r in reports], indent=2), encoding="utf-8")


def _eval_file(nlu: BuiltinNLU, name: str, path: Path, training_texts: list[str]) -> list[EvalReport]:
    """One test file: all its messages, then (when some also occur verbatim in training) only the unseen."""
    from nlu.errors import NLUError
    from nlu.evaluation import evaluate, format_report, unseen_indices
    from nlu.training_data import load_file

    try:
        test = load_file(path)
    except NLUError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if not test.examples:
        typer.echo(f"error: {path} has no examples", err=True)
        raise typer.Exit(1)
    texts = [e.text for e in test.examples]
    results = nlu.parse_batch(texts)
    truth, langs = [e.intent for e in test.examples], [e.language for e in test.examples]
    out = [evaluate(name, truth, [r.intent.name for r in results], langs, [r.is_fallback for r in results])]
    typer.echo(f"\n{path}:")
    typer.echo(format_report(out[0]))
    keep = unseen_indices(training_texts, texts)
    if len(keep) < len(texts):
        typer.echo(f"\n{name}: messages not found verbatim in the training data: {len(keep)} of {len(texts)}")
        if keep:
            out.append(
                evaluate(
                    f"{name}-unseen",
                    [truth[i] for i in keep],
                    [results[i].intent.name for i in keep],
                    [langs[i] for i in keep],
                    [results[i].is_fallback for i in keep],
                )
            )
            typer.echo(format_report(out[-1]))
    return out
