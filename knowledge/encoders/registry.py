"""Pick an encoder by its settings name (``EMBEDDING_MODEL``): one place that knows the model names.

Nothing loads here: the returned encoder loads its weights on first use or in a start-up hook
(``warm_up``), because a CLI ``--help`` or an import must stay instant.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.encoders.base import Encoder
from knowledge.encoders.cache import CachedEncoder, unwrap
from knowledge.encoders.errors import UnknownEncoder

__all__ = ["ENCODER_NAMES", "load_encoder", "warm_up"]

ENCODER_NAMES: tuple[str, ...] = ("use-multilingual", "minilm")


def load_encoder(name: str, cache_dir: Path | None = None) -> Encoder:
    """The named encoder; with ``cache_dir`` it is wrapped in a persistent embedding cache."""
    inner: Encoder
    if name == "use-multilingual":
        from knowledge.encoders.use_multilingual import MultilingualUSEEncoder

        inner = MultilingualUSEEncoder()
    elif name == "minilm":
        from knowledge.encoders.minilm import MiniLMEncoder

        inner = MiniLMEncoder()
    else:
        raise UnknownEncoder(name, ENCODER_NAMES)
    return CachedEncoder(inner, cache_dir) if cache_dir is not None else inner


def warm_up(encoder: Encoder) -> None:
    """Load weights now (call from a start-up hook in a thread), so the first shopper does not wait."""
    model = unwrap(encoder)
    load = getattr(model, "load", None)
    if callable(load):
        load()
