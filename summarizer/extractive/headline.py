"""Extractive headline: one source sentence compressed the way news headlines are written.

Steps, each a pure function on the sentence text (English rules; on other languages they
simply do not fire and the sentence is only cut at a word boundary):
  1. drop the dateline ("LONDON, March 3 (Reuters) -", "(CNN) --") and bracketed asides;
  2. drop attribution: "..., officials said" at the end; "X said (that) it Y" -> "X Y",
     "X said (that) Y" -> "X says Y";
  3. drop an apposition after the subject ("American Express Co, rumored to ..., said");
  4. cut at the first subordinate clause or phrase boundary (", which", " after ", "; ");
  5. drop headline-free words: a leading adverbial phrase ("In a surprise move, ..."),
     articles, possessives, fillers, weekday/time phrases, "is/was", "has (been)";
     write headline-ese: "will close" -> "to close", the main verb's irregular past in
     the present ("rose" -> "rises");
  6. at most N words, never ending on a dangling function word or inside brackets;
  7. with the learned cut (HeadlineCut, fitted by bench/train_ranker.py on Reuters and BBC
     titles), end where a linear model over HEADLINE_CUT_FEATURES expects the headline to
     match a real one best: N is a maximum, and titles run 5-8 words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from summarizer.extractive.features import FUNCTION_WORDS, words_of
from summarizer.extractive.weights import read_weights, require_features

if TYPE_CHECKING:
    from summarizer.document import Document

# A headline should not end on a word that promises more ("the", "of", "and" ...).
_DANGLING_WORDS = frozenset(
    """a an the of to in on at by for from with within into onto over under about as and or but nor
    that which who whom whose when where while if than then so because although though via per
    its their his her our your my this these those is are was were be been being has have had
    will would shall should can could may might must said says says' new""".split()
)
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:\-–—(\[{\"'“‘`]+$")
_FINAL_STOP = re.compile(r"[.!?…]+[\"'”’)`]*$")
# Fewer words than this and a cut or drop is not made (the headline would say nothing).
MIN_HEADLINE_WORDS = 5

_DATELINE = re.compile(
    r"""^(?:
        \(\s*[A-Za-z][\w .]{0,20}\)\s*(?:--?|–|—)?\s*            # (CNN) --
      | [A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Za-z.]+\.?\s*\d{0,2})?   # LONDON, March 3
        \s*(?:\(\s*[A-Za-z][\w .]{0,20}\))?\s*(?:--?|–|—)\s+       # (Reuters) -
    )""",
    re.VERBOSE,
)
_BRACKETED = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_ANGLE = re.compile(r"<([^<>]{1,60})>")
_QUOTE_MARKS = re.compile(r"``|''|[\"“”„«»]")
_SPEECH_VERB = r"(?:said|says|announced|reported|told\s+\w+)"
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s*(?:(?:according\s+to\b[^,]{{1,60}})|(?:[^,]{{1,60}}?\b{_SPEECH_VERB}\b[^,]{{0,30}}))\s*[.!?]?\s*$",
    re.IGNORECASE,
)
# Leading: only verbs of saying ("X reported profits" is news, not attribution).
_LEADING_ATTRIBUTION = re.compile(
    r"^(?P<subject>[^,]{2,80}?)\s+(?:said|says|told\s+\w+)(?:\s+(?:on|in|late|early)\s+[^,]{1,30}?)?"
    r"(?:\s+(?:today|yesterday|\w+day))?\s+(?:that\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
# A leading adverbial phrase ("Less than four years after X, Y", "In a surprise move, Y").
_LEADING_PHRASE = re.compile(
    r"^(?:after|despite|following|in|on|at|as|with|amid|less\s+than|more\s+than|for|since|although|while|when|"
    r"last|this|earlier|later|until|by|under|according\s+to)\b[^,]{1,80},\s+(?P<rest>\w.*)$",
    re.IGNORECASE,
)
# "Shares in UK Coal fell" -> "UK Coal shares fell" (the company first, as titles put it).
_SHARES_IN = re.compile(r"^(?i:(?:the\s+)?shares\s+(?:in|of)\s+)(?P<name>(?:[A-Z][\w&'’.-]*\s+){1,4})(?P<rest>[a-z].*)$")
_PRONOUN_OPENING = re.compile(r"^(?:it|they|he|she|we)\s+", re.IGNORECASE)
_APPOSITION = re.compile(r"^(?P<subject>(?:[\w.'’&<>-]+\s+){0,5}[\w.'’&<>-]+),\s+[^,]{3,90},\s+(?P<rest>\w.*)$")
_CLAUSE_BREAK = re.compile(
    r"(?:,\s+(?:which|who|whom|whose|where|while|when|after|as|but|with|following|saying|adding|"
    r"although|though|because|amid|despite|including|in\s+a|in\s+an)\b"
    r"|\s+(?:because|although|according\s+to|in\s+order\s+to|so\s+that|after\s+\w+ing)\b"
    r"|\s*[;:]\s+|\s+(?:--|–|—|-)\s+|,\s+)",
    re.IGNORECASE,
)
_TIME_PHRASE = re.compile(
    r"\s+(?:on\s+)?(?:last\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\s+(?:yesterday|today|tomorrow|tonight)\b"
    r"|\s+(?:last|this|next)\s+(?:week|month|year|weekend)\b",
    re.IGNORECASE,
)
# Words a headline leaves out: "has" before a participle, possessives, filler adverbs.
_HAVE = re.compile(r"\s+(?:has|have|had)\s+(?=(?!(?:been|to|no|not|a|an|the|also)\b)\w+\b)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\s)(?:its|their|his|her)\s+", re.IGNORECASE)
_FILLER = re.compile(r"\s+(?:also|now|just|still|already|currently|recently|reportedly)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:(?<=\s)|^)(?:the|a|an)\s+(?=\S)", re.IGNORECASE)
_AUXILIARY = re.compile(r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?=\w+(?:ing|ed)\b)", re.IGNORECASE)
# Headline-ese (chosen on the train split of Reuters and BBC titles, bench/train_ranker.py):
# "will close" -> "to close", "have been given" -> "given", "is optimistic" -> "optimistic",
# and irregular past tenses in the present ("rose" -> "rises"), as titles write them.
_FUTURE = re.compile(r"(?<!\bthat)(?<!\bwhich)(?<!\bwho)\s+will\s+(?=\w)", re.IGNORECASE)
_PERFECT_PASSIVE = re.compile(r"\s+(?:has|have|had)\s+been\s+(?=\w)", re.IGNORECASE)
_COPULA = re.compile(r"\s+(?:is|are|was|were)\s+(?=(?!not\b|to\b)\w)", re.IGNORECASE)
# Irregular past tense -> base form; "-s" is added after a singular subject (see _present_tense).
_BASE_OF_PAST = dict(
    pair.split(":")
    for pair in """rose:rise fell:fall won:win sold:sell grew:grow took:take made:make saw:see came:come went:go
    gave:give lost:lose bought:buy paid:pay led:lead sank:sink struck:strike began:begin became:become
    fought:fight held:hold left:leave ran:run sought:seek spent:spend told:tell brought:bring broke:break
    chose:choose drew:draw drove:drive froze:freeze slid:slide swung:swing threw:throw wrote:write
    overtook:overtake withdrew:withdraw""".split()
)
_IRREGULAR_PAST = re.compile(r"(?<=\s)(?:" + "|".join(_BASE_OF_PAST) + r")(?![\w'’])")
# A past tense after one of these sits in a clause ("when he took"): it keeps its tense.
_CLAUSE_OPENERS = frozenset("when after before as that which who if because since while until though".split())


@dataclass(frozen=True)
class Headline:
    text: str
    sentence: int | None  # index of the source sentence in Document.sentences


def cut_headline(text: str, max_words: int) -> str:
    """At most `max_words` words of `text`, never ending on a dangling word or punctuation."""
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
    # Never end inside brackets: cut before an opening bracket that is not closed.
    joined = " ".join(words)
    for opening, closing in (("(", ")"), ("[", "]")):
        position = joined.rfind(opening)
        if position > 0 and closing not in joined[position:]:
            joined = joined[:position]
    words = joined.split()
    while len(words) > 1 and words[-1].lower().strip(",;:\"'“”‘’()`") in _DANGLING_WORDS:
        words.pop()
    headline = _TRAILING_PUNCTUATION.sub("", " ".join(words))
    # Headlines carry no final full stop (a question or exclamation mark may stay).
    if _FINAL_STOP.search(headline):
        headline = re.sub(r"\.+$", "", headline)
    return _TRAILING_PUNCTUATION.sub("", headline).strip()


def compress_sentence(text: str) -> str:
    """The sentence rewritten as a headline (steps 1-5 above), before the word limit."""
    text = " ".join(text.split())
    lower_cased_input = _looks_lower_cased(text)
    text = _keep_if_long_enough(text, _DATELINE.sub("", text, count=1))
    text = _ANGLE.sub(r"\1", text)
    text = _keep_if_long_enough(text, _BRACKETED.sub("", text))
    text = _QUOTE_MARKS.sub("", text)
    text = " ".join(text.split())
    text = _keep_if_long_enough(text, _TRAILING_ATTRIBUTION.sub("", text))
    text = _drop_leading_phrase(text)
    text = _SHARES_IN.sub(r"\g<name>shares \g<rest>", text)
    text = _drop_apposition(text)
    text = _drop_leading_attribution(text)
    text = _cut_at_clause(text)
    text = _keep_if_long_enough(text, _TIME_PHRASE.sub("", text))
    text = _keep_if_long_enough(text, _AUXILIARY.sub(" ", text))
    text = _keep_if_long_enough(text, _PERFECT_PASSIVE.sub(" ", text))
    text = _keep_if_long_enough(text, _HAVE.sub(" ", text))
    text = _keep_if_long_enough(text, _FUTURE.sub(" to ", text))
    text = _keep_if_long_enough(text, _COPULA.sub(" ", text))
    text = _present_tense(text)
    text = _keep_if_long_enough(text, _POSSESSIVE.sub("", text))
    text = _keep_if_long_enough(text, _FILLER.sub("", text))
    text = _keep_if_long_enough(text, _ARTICLE.sub("", text))
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if text[:1].islower() and not lower_cased_input else text


def build_headline(text: str, max_words: int) -> str:
    """The compressed sentence, at most `max_words` words, cut at a clean word boundary."""
    return cut_headline(compress_sentence(text), max_words)


def _looks_lower_cased(text: str) -> bool:
    # Lower-cased input (a tokenised corpus) stays lower-cased rather than half capitalised.
    return not any(ch.isupper() for ch in text)


def _word_count(text: str) -> int:
    return len(text.split())


def _keep_if_long_enough(before: str, after: str) -> str:
    return after if _word_count(after) >= MIN_HEADLINE_WORDS else before


def _drop_leading_attribution(text: str) -> str:
    match = _LEADING_ATTRIBUTION.match(text)
    if not match or _word_count(match.group("subject")) > 10:
        return text
    subject, rest = match.group("subject"), match.group("rest")
    if _PRONOUN_OPENING.match(rest):
        rewritten = f"{subject} {_PRONOUN_OPENING.sub('', rest, count=1)}"
    else:
        rewritten = f"{subject} says {rest}"
    return _keep_if_long_enough(text, rewritten)


def _present_tense(text: str) -> str:
    """The first irregular past tense of the main clause in the present ("rose" -> "rises")."""
    match = _IRREGULAR_PAST.search(text)
    if not match:
        return text
    before = text[: match.start()].split()
    if not before or any(word.lower().strip(",;:") in _CLAUSE_OPENERS for word in before):
        return text
    base = _BASE_OF_PAST[match.group(0)]
    subject = _subject_head(before).lower()
    plural = subject.endswith("s") and not subject.endswith(("ss", "'s", "’s", "us", "is"))
    present = base if plural else base + ("es" if base.endswith(("o", "s", "sh", "ch", "x")) else "s")
    return text[: match.start()] + present + text[match.end() :]


# A subject's head noun comes before its prepositional phrase: "Shares in BP", "Profit at the bank".
_SUBJECT_PREPOSITIONS = frozenset("in of at for from with on by under over near across among between".split())


def _subject_head(words: list[str]) -> str:
    """The word the verb agrees with: the last word before the subject's first preposition."""
    for position, word in enumerate(words[1:], 1):
        if word.lower() in _SUBJECT_PREPOSITIONS:
            return words[position - 1]
    return words[-1]


def _drop_leading_phrase(text: str) -> str:
    match = _LEADING_PHRASE.match(text)
    return _keep_if_long_enough(text, match.group("rest")) if match else text


def _drop_apposition(text: str) -> str:
    match = _APPOSITION.match(text)
    if not match:
        return text
    return _keep_if_long_enough(text, f"{match.group('subject')} {match.group('rest')}")


def _cut_at_clause(text: str) -> str:
    for match in _CLAUSE_BREAK.finditer(text):
        head = text[: match.start()]
        if _word_count(head) >= MIN_HEADLINE_WORDS + 1:
            return head
    return text


# How far into the body to look for a sentence long enough to make a headline.
HEADLINE_SEARCH_SENTENCES = 3


def headline_sentence(document: "Document") -> int:
    """Index of the sentence the headline is built from: the lead of the body.

    News puts the story in its first sentence (the inverted pyramid): on the dev sets the
    first body sentence gives ROUGE-1 35.5 against Reuters headlines where the ranker's
    top-scored sentence gives 22.9 (bench/bench_extractive.py). A lead too short to say
    anything ("Updated.") gives way to the next body sentence.
    """
    body = document.body_sentences or document.sentences
    for sentence in body[:HEADLINE_SEARCH_SENTENCES]:
        if sentence.word_count >= MIN_HEADLINE_WORDS:
            return sentence.index
    return body[0].index


def lead_headline(document: "Document", max_words: int) -> Headline:
    """The baseline headline: the first body sentence cut at a word boundary, not rewritten."""
    index = (document.body_sentences or document.sentences)[0].index
    return Headline(cut_headline(document.sentences[index].text, max_words), index)


def headline_for(document: "Document", max_words: int, cut: "HeadlineCut | None" = None) -> Headline:
    """The headline of `document` and the sentence it came from; `cut` shortens it (step 7)."""
    index = headline_sentence(document)
    text = build_headline(document.sentences[index].text, max_words)
    if cut is not None:
        text = cut.shorten(text, max_words, article_word_counts(document, index, headline_content_words(text)))
    return Headline(text, index)


# ------------------------------------------------------------------ the learned cut

DEFAULT_CUT_WEIGHTS = Path(__file__).resolve().parent / "data" / "headline_cut.json"
# The learned cut never leaves fewer words than this (or the whole headline, if shorter).
MIN_CUT_WORDS = 4
# Other sentences a word appears in, counted up to this many (a word in 5 sentences is the topic).
RECURRENCE_CAP = 5
# Names of the cut features, in the order cut_features() returns them.
HEADLINE_CUT_FEATURES = (
    "words",
    "words_squared",  # / 10
    "content_words",  # not FUNCTION_WORDS
    "recurring_content_words",  # found in another body sentence
    "recurrence",  # sum of capped recurrences / RECURRENCE_CAP
    "capitalised_words",  # after the first word
    "before_function_word",  # the cut falls before a function word (a phrase boundary) or at the end
    "whole_headline",
    "words_with_digits",
)


def article_word_counts(document: "Document", headline_sentence_index: int, words: set[str]) -> Counter:
    """In how many body sentences other than the headline's each of `words` (words_of()
    tokens) appears, by substring search (tokenising the whole body costs 4x more)."""
    counts: Counter = Counter()
    for sentence in document.body_sentences or document.sentences:
        if sentence.index != headline_sentence_index:
            text = sentence.text.lower()
            counts.update(word for word in words if _has_token(text, word))
    return counts


def _has_token(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` as a whole \\w+ token."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _is_word_character(text[start - 1])) and (
            end == len(text) or not _is_word_character(text[end])
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def headline_content_words(headline: str) -> set[str]:
    """The words_of() tokens of `headline` that are not FUNCTION_WORDS."""
    return {w for w in words_of(headline) if w not in FUNCTION_WORDS}


def cut_candidates(headline: str, max_words: int) -> list[tuple[str, bool]]:
    """(each prefix of `headline` from MIN_CUT_WORDS words on, cleanly cut; whether the next
    word is a function word or there is none), shortest first, the whole headline last."""
    words = headline.split()
    candidates = []
    for size in range(min(MIN_CUT_WORDS, len(words)), len(words) + 1):
        following = words[size].lower() if size < len(words) else ""
        candidates.append((cut_headline(" ".join(words[:size]), max_words), following in _DANGLING_WORDS or not following))
    return candidates


def cut_features(candidate: str, before_function_word: bool, whole: bool, article_words: Counter) -> np.ndarray:
    """HEADLINE_CUT_FEATURES of one candidate headline."""
    words = candidate.split()
    content = [w for w in words_of(candidate) if w not in FUNCTION_WORDS]
    recurrences = [min(article_words[w], RECURRENCE_CAP) for w in content]
    return np.array(
        [
            len(words),
            len(words) ** 2 / 10.0,
            len(content),
            sum(1 for r in recurrences if r > 0),
            sum(recurrences) / RECURRENCE_CAP,
            sum(1 for w in words[1:] if w[:1].isupper()),
            before_function_word,
            whole,
            sum(1 for w in words if any(ch.isdigit() for ch in w)),
        ],
        dtype=float,
    )


class HeadlineCut:
    """The learned cut: a linear score per candidate prefix; the best one is the headline."""

    def __init__(self, data: dict) -> None:
        require_features(data.get("features"), HEADLINE_CUT_FEATURES, "headline cut")
        self.weights = np.array(data["weights"])
        # Fitted at this headline limit; a larger limit (the 17/22 presets) asks for a
        # longer headline, so the cut leaves those alone.
        self.fitted_words = int(data.get("trained_on", {}).get("headline_words", 12))

    @classmethod
    def load(cls, path: Path = DEFAULT_CUT_WEIGHTS) -> "HeadlineCut":
        return cls(read_weights(path, "headline cut"))

    def shorten(self, headline: str, max_words: int, article_words: Counter) -> str:
        if max_words > self.fitted_words:
            return headline
        candidates = scored_cuts(headline, max_words, article_words)
        if len(candidates) <= 1:
            return headline
        features = np.array([values for _, values in candidates])
        return candidates[int(np.argmax(features @ self.weights))][0]


def scored_cuts(headline: str, max_words: int, article_words: Counter) -> list[tuple[str, np.ndarray]]:
    """(candidate, its cut features) for every cut_candidates() prefix, the whole headline last."""
    candidates = cut_candidates(headline, max_words)
    last = len(candidates) - 1
    return [
        (text, cut_features(text, boundary, i == last, article_words)) for i, (text, boundary) in enumerate(candidates)
    ]


def headline_candidates(document: "Document", max_words: int) -> list[tuple[str, np.ndarray]]:
    """scored_cuts() of the rule headline of headline_sentence() (what the cut is trained on)."""
    index = headline_sentence(document)
    headline = build_headline(document.sentences[index].text, max_words)
    return scored_cuts(headline, max_words, article_word_counts(document, index, headline_content_words(headline)))
