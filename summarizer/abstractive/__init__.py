"""Abstractive summarisation with pretrained seq2seq checkpoints (BART, PEGASUS, T5).

Importing this package loads no model and makes no network call; torch, transformers and
ctranslate2 are imported when a model is loaded.
"""

from summarizer.abstractive.engine import AbstractiveEngine, AbstractiveResult

__all__ = ["AbstractiveEngine", "AbstractiveResult"]
