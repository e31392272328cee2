"""Intent metrics for cross-validation and for the held-out file, overall and per language.

WHY separate from training: the eval command reports figures; nothing here feeds back into a model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from nlu.constants import Intent

__all__ = ["EvalReport", "evaluate", "format_report"]


@dataclass
class EvalReport:
    name: str
    n: int
    accuracy: float
    macro_f1: float
    per_intent_f1: dict[str, float]
    confused: list[tuple[str, str, int]]
    oos_precision: float
    oos_recall: float
    fallback_rate: float
    languages: dict[str, EvalReport] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "out_of_scope_precision": round(self.oos_precision, 4),
            "out_of_scope_recall": round(self.oos_recall, 4),
            "fallback_rate": round(self.fallback_rate, 4),
            "per_intent_f1": {k: round(v, 4) for k, v in self.per_intent_f1.items()},
            "confused": [list(c) for c in self.confused],
            "languages": {k: v.to_json() for k, v in self.languages.items()},
        }


def _single(name: str, truth: Sequence[str], pred: Sequence[str], fallback: Sequence[bool]) -> EvalReport:
    labels = sorted(set(truth))
    _, _, f1s, _ = precision_recall_fscore_support(truth, pred, labels=labels, zero_division=0)
    oos = Intent.OUT_OF_SCOPE.value
    p_oos, r_oos, _, _ = precision_recall_fscore_support(truth, pred, labels=[oos], average=None, zero_division=0)
    confused = Counter((t, p) for t, p in zip(truth, pred, strict=True) if t != p).most_common(10)
    return EvalReport(
        name=name,
        n=len(truth),
        accuracy=float(accuracy_score(truth, pred)),
        macro_f1=float(f1_score(truth, pred, labels=labels, average="macro", zero_division=0)),
        per_intent_f1={label: float(f) for label, f in zip(labels, f1s, strict=True)},
        confused=[(t, p, n) for (t, p), n in confused],
        oos_precision=float(p_oos[0]) if oos in truth or oos in pred else float("nan"),
        oos_recall=float(r_oos[0]) if oos in truth else float("nan"),
        fallback_rate=sum(fallback) / len(fallback) if fallback else 0.0,
    )


def evaluate(
    name: str, truth: Sequence[str], pred: Sequence[str], languages: Sequence[str], fallback: Sequence[bool]
) -> EvalReport:
    report = _single(name, truth, pred, fallback)
    for lang in sorted(set(languages)):
        idx = [i for i, x in enumerate(languages) if x == lang]
        report.languages[lang] = _single(
            f"{name}/{lang}", [truth[i] for i in idx], [pred[i] for i in idx], [fallback[i] for i in idx]
        )
    return report


def _summary_line(r: EvalReport) -> str:
    return (
        f"{r.name:<16} n={r.n:<5} accuracy={r.accuracy:.4f} macro-F1={r.macro_f1:.4f} "
        f"out_of_scope P={r.oos_precision:.3f} R={r.oos_recall:.3f} fallback={r.fallback_rate:.3f}"
    )


def format_report(report: EvalReport) -> str:
    lines = [_summary_line(report)]
    lines += ["  " + _summary_line(sub) for sub in report.languages.values()]
    for sub in [report, *report.languages.values()]:
        lines.append(f"  per-intent F1 ({sub.name}):")
        items = sorted(sub.per_intent_f1.items(), key=lambda kv: kv[1])
        for i in range(0, len(items), 4):
            lines.append("    " + "  ".join(f"{k:<21}{v:.3f}" for k, v in items[i : i + 4]))
        lines.append(f"  most confused ({sub.name}; true -> predicted):")
        lines += [f"    {t:<21} -> {p:<21} {n}" for t, p, n in sub.confused[:8]]
    return "\n".join(lines)


def _folded(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def unseen_indices(training_texts: Sequence[str], test_texts: Sequence[str]) -> list[int]:
    """Indices of test messages whose letters and digits do not also occur verbatim in the training data.

    Short messages ("hi", "帮助", "yoga mat") are naturally written the same way by a held-out author and a
    training-data author; scoring them separately shows how the model does on text it has never seen.
    """
    seen = {_folded(t) for t in training_texts}
    return [i for i, t in enumerate(test_texts) if _folded(t) not in seen]

