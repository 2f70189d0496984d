"""Generation presets and the text work after decoding.

Presets turn word budgets into token limits for one model (its tokens-per-word ratio and
beam settings from the registry). After decoding, pure functions clean tokenisation
artefacts and enforce the word contract, trimming at a sentence or phrase boundary and
never inside a word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from summarizer.abstractive.registry import BeamSettings, ModelSpec
from summarizer.errors import OptionError
from summarizer.settings import DEFAULT_HEADLINE_WORDS, DEFAULT_SUMMARY_WORDS

HEADLINE_WORDS_DEFAULT = DEFAULT_HEADLINE_WORDS
# The model's own limits, narrower than the extractive ones in settings.py.
HEADLINE_WORDS_RANGE = (8, 22)
SUMMARY_WORDS_DEFAULT = DEFAULT_SUMMARY_WORDS
SUMMARY_WORDS_RANGE = (15, 400)
# Shortest headline worth generating (words) and the least a paragraph should fill (share of budget).
HEADLINE_MIN_WORDS = 4
PARAGRAPH_MIN_FRACTION = 0.6
# Let the paragraph overshoot a little so trimming can end on a whole sentence.
PARAGRAPH_OVERSHOOT = 1.15
HEADLINE_TOKEN_MARGIN = 2
# End-of-sequence plus a forced BOS token count as generated tokens.
SPECIAL_TOKENS_GENERATED = 2


@dataclass(frozen=True)
class GenerationRequest:
    """One decoding run; the same fields drive every backend."""

    max_new_tokens: int
    min_new_tokens: int
    num_beams: int
    length_penalty: float
    no_repeat_ngram_size: int

    @classmethod
    def from_beams(cls, beams: BeamSettings, min_new: int, max_new: int) -> "GenerationRequest":
        return cls(max_new, min(min_new, max_new), beams.num_beams, beams.length_penalty, beams.no_repeat_ngram_size)


def check_word_budgets(headline_words: int, summary_words: int) -> None:
    low, high = HEADLINE_WORDS_RANGE
    if not low <= headline_words <= high:
        raise OptionError(f"headline_words must be between {low} and {high}, not {headline_words}")
    low, high = SUMMARY_WORDS_RANGE
    if not low <= summary_words <= high:
        raise OptionError(f"summary_words must be between {low} and {high}, not {summary_words}")


def headline_request(spec: ModelSpec, words: int) -> GenerationRequest:
    max_new = math.ceil(words * spec.tokens_per_word) + HEADLINE_TOKEN_MARGIN + SPECIAL_TOKENS_GENERATED
    min_new = math.ceil(HEADLINE_MIN_WORDS * spec.tokens_per_word)
    return GenerationRequest.from_beams(spec.headline, min_new, max_new)


def paragraph_request(spec: ModelSpec, words: int) -> GenerationRequest:
    max_new = math.ceil(words * spec.tokens_per_word * PARAGRAPH_OVERSHOOT) + SPECIAL_TOKENS_GENERATED
    min_new = math.ceil(words * PARAGRAPH_MIN_FRACTION * spec.tokens_per_word)
    return GenerationRequest.from_beams(spec.paragraph, min_new, max_new)


# --- cleaning -------------------------------------------------------------------------

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?%)\]}])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[{])\s+")
_SPLIT_CONTRACTION = re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE)
_CURRENCY_GAP = re.compile(r"([$£€¥])\s+(?=\d)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """A light splitter for model output (clean, single-paragraph text)."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        parts.append(text[start : match.start() + len(match.group(0).rstrip())].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def clean_generated_text(text: str) -> str:
    """Undo tokenisation artefacts: PEGASUS '<n>', ' .' spacing, split contractions, repeats."""
    text = text.replace("<n>", " ")
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _SPLIT_CONTRACTION.sub(r"\1", text)
    text = _CURRENCY_GAP.sub(r"\1", text)
    text = " ".join(text.split())
    return " ".join(drop_repeated_sentences(split_sentences(text)))


def drop_repeated_sentences(sentences: list[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for sentence in sentences:
        key = re.sub(r"\W+", " ", sentence.lower()).strip()
        if key and key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


# --- the word contract ----------------------------------------------------------------

# A phrase may end after these marks, or before these words.
_PHRASE_END_MARKS = (",", ";", ":", "—", "–", "-")
_PHRASE_START_WORDS = frozenset("and but while as after before because which who where when with amid despite".split())


@dataclass(frozen=True)
class Trimmed:
    text: str
    cut: str  # "none" | "sentence" | "phrase" | "word"

    @property
    def contract_met(self) -> bool:
        """True when the text fits without cutting inside a sentence."""
        return self.cut in ("none", "sentence")


def _phrase_cut(words: list[str], max_words: int) -> int:
    """Index after the last phrase boundary within `max_words` (0 when there is none)."""
    best = 0
    for i in range(1, min(max_words, len(words) - 1) + 1):
        if words[i - 1].endswith(_PHRASE_END_MARKS) or words[i].lower() in _PHRASE_START_WORDS:
            best = i
    # A phrase that keeps under a third of the budget says too little: cut at the word instead.
    return best if best >= max(2, max_words // 3) else 0


def trim_to_words(text: str, max_words: int, *, final_period: bool) -> Trimmed:
    """Fit `text` into `max_words`: whole sentences first, then a phrase, else whole words."""
    if len(text.split()) <= max_words:
        return Trimmed(_finish(text, final_period), "none")
    kept: list[str] = []
    used = 0
    for sentence in split_sentences(text):
        count = len(sentence.split())
        if used + count > max_words:
            break
        kept.append(sentence)
        used += count
    if kept:
        return Trimmed(_finish(" ".join(kept), final_period), "sentence")
    words = text.split()
    cut = _phrase_cut(words, max_words)
    if cut:
        return Trimmed(_finish(" ".join(words[:cut]), final_period), "phrase")
    return Trimmed(_finish(" ".join(words[:max_words]), final_period), "word")


def _finish(text: str, final_period: bool) -> str:
    text = text.strip().rstrip(",;:—–-").rstrip()
    if final_period:
        return text if not text or text[-1] in ".!?\"'”’" else text + "."
    return text.rstrip(".").rstrip()


def shape_headline(text: str, max_words: int) -> Trimmed:
    """One line, at most `max_words`, no final period."""
    first_line = clean_generated_text(text.splitlines()[0] if text.strip() else "")
    sentences = split_sentences(first_line)
    first = sentences[0] if sentences else ""
    trimmed = trim_to_words(first, max_words, final_period=False)
    cut = trimmed.cut if trimmed.cut != "none" or len(sentences) <= 1 else "sentence"
    return Trimmed(trimmed.text, cut)


def shape_paragraph(text: str, max_words: int) -> Trimmed:
    return trim_to_words(clean_generated_text(text), max_words, final_period=True)
