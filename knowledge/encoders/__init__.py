"""Sentence encoders shared by NLU, product search and Q&A (see base.Encoder)."""

from __future__ import annotations

from knowledge.encoders.base import Encoder, Vectors, encode_async
from knowledge.encoders.registry import ENCODER_NAMES, load_encoder, warm_up

__all__ = ["Encoder", "Vectors", "encode_async", "ENCODER_NAMES", "load_encoder", "warm_up"]
