"""Whole-summary choice for small sentence budgets: candidates, features, the learned pick."""

import itertools

import numpy as np
import pytest

from summarizer.document import Document
from summarizer.errors import SummarizerError
from summarizer.extractive.features import article_features, words_of
from summarizer.extractive.learned import DEFAULT_WEIGHTS, LearnedRanker, RankerWeights
from summarizer.extractive.selection import LengthBudget, rank_and_select, select_sentences
from summarizer.extractive.summary_sets import (
    SET_EXTRA_CANDIDATES,
    SET_FEATURE_NAMES,
    SET_SENTENCES_RANGE,
    SentenceTexts,
    applies_to,
    best_set,
    candidate_sets,
    set_features,
    standardise,
)

TEXTS = [
    "The council approved the new tram line for the city centre.",
    "The tram line will link the station with the hospital.",
    "The council approved the new tram line for the city centre, officials said.",
    "A local bakery won a prize for its bread.",
    "Work on the tram line starts in spring and ends in two years.",
]


def _features(members, logits=np.array([3.0, 2.0, 2.5, -1.0, 1.0])):
    sentences = SentenceTexts(TEXTS, [words_of(t) for t in TEXTS])
    return dict(zip(SET_FEATURE_NAMES, set_features(sentences, standardise(logits), members)))


def test_candidates_are_every_subset_of_the_top_sentences_in_document_order():
    logits = np.array([0.1, 0.9, 0.5, 0.7, 0.3, 0.2, 0.8])
    candidates = candidate_sets(logits, 3)
    top = {1, 6, 3, 2, 4}  # the 3 + SET_EXTRA_CANDIDATES best
    assert len(top) == 3 + SET_EXTRA_CANDIDATES
    assert candidates == list(itertools.combinations(sorted(top), 3))


def test_set_features_see_repetition_coverage_length_and_the_lead():
    repeating = _features((0, 2))
    distinct = _features((0, 1))
    assert repeating["max_overlap"] == 1.0 and repeating["shared_trigram_pairs"] == 1
    assert distinct["shared_trigram_pairs"] == 0 and distinct["max_overlap"] < 1.0
    assert _features((0, 1))["article_cosine"] > _features((3,))["article_cosine"]
    assert repeating["has_first"] == 1 and _features((1, 4))["has_first"] == 0
    assert _features((0, 1, 4))["in_first_three"] == 2
    words = sum(len(TEXTS[i].split()) for i in (0, 1)) / 100
    assert distinct["words"] == pytest.approx(words) and distinct["words_squared"] == pytest.approx(words**2)


def test_best_set_follows_the_weights():
    logits = np.array([3.0, 2.0, 2.5, -1.0, 1.0])
    tokens = [words_of(t) for t in TEXTS]
    cosine_only = np.array([1.0 if name == "article_cosine" else 0.0 for name in SET_FEATURE_NAMES])
    no_repeats = np.array([-1.0 if name == "shared_trigram_pairs" else 0.0 for name in SET_FEATURE_NAMES])
    chosen = best_set(TEXTS, tokens, logits, 2, no_repeats)
    assert not {0, 2} <= set(chosen)
    sentences = SentenceTexts(TEXTS, tokens)
    z = standardise(logits)
    best = max(candidate_sets(logits, 2), key=lambda m: set_features(sentences, z, m)[0])
    assert best_set(TEXTS, tokens, logits, 2, cosine_only) == best


def test_set_model_applies_only_to_fitted_budgets_of_longer_articles():
    low, high = SET_SENTENCES_RANGE
    assert applies_to(low, 10) and applies_to(high, 10)
    assert not applies_to(high + 1, 30)
    assert not applies_to(None, 30)
    assert not applies_to(3, 3)  # the whole article anyway


def test_learned_ranker_chooses_whole_summaries_for_sentence_budgets(seed_text):
    document = Document.from_text(seed_text)
    ranker = LearnedRanker()
    assert set(ranker.weights.set_weights) == set(range(SET_SENTENCES_RANGE[0], SET_SENTENCES_RANGE[1] + 1))
    body = {s.index for s in document.body_sentences}
    ranking = ranker.rank_for(document, LengthBudget(sentences=3))
    assert ranking.chosen is not None and len(ranking.chosen) == 3 and set(ranking.chosen) <= body
    # Candidates come from the top sentences by the learned score.
    article = article_features(document)
    logits = ranker.weights.logits(article.matrix)
    pool = {article.indices[i] for i in np.argsort(-logits)[: 3 + SET_EXTRA_CANDIDATES]}
    assert set(ranking.chosen) <= pool
    # Word budgets and sentence budgets outside the fitted range go to selection.
    assert ranker.rank_for(document, LengthBudget(words=60)).chosen is None
    assert ranker.rank_for(document, LengthBudget(sentences=SET_SENTENCES_RANGE[1] + 1)).chosen is None
    scores, selection = rank_and_select(ranker, document, LengthBudget(sentences=3))
    assert selection.indices == tuple(sorted(ranking.chosen))
    assert scores == ranking.scores


def test_a_short_article_still_comes_back_whole_with_the_warning():
    document = Document.from_text("The tram line opened on Monday.\n\nRiders praised the quiet new cars.")
    scores, selection = rank_and_select(LearnedRanker(), document, LengthBudget(sentences=3))
    assert selection == select_sentences(document, scores, LengthBudget(sentences=3))
    assert [w.code for w in selection.warnings] == ["document_shorter_than_requested"]


def test_weights_without_a_set_model_fall_back_and_mismatched_ones_are_refused():
    import json

    data = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    plain = dict(data)
    del plain["set_model"]
    assert RankerWeights(plain).set_weights == {}
    data["set_model"] = {**data["set_model"], "features": data["set_model"]["features"][:-1]}
    with pytest.raises(SummarizerError, match="train_ranker"):
        RankerWeights(data)
