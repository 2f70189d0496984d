"""Rankers: one score per sentence, centrality favours the article's topic, learned weights load."""

import json

import numpy as np
import pytest

from summarizer.document import Document
from summarizer.errors import OptionError, SummarizerError
from summarizer.extractive import get_ranker, ranker_names
from summarizer.extractive.features import FEATURE_NAMES, feature_matrix, lexrank, sentence_vectors
from summarizer.extractive.learned import DEFAULT_WEIGHTS, LearnedRanker, RankerWeights

TOPICAL = (
    "The city council approved the new tram line on Monday.\n\n"
    "The tram line will link the station with the hospital and the university.\n\n"
    "Council members said the tram line would cut traffic near the hospital.\n\n"
    "My neighbour's cat enjoys sleeping in the sun.\n\n"
    "Work on the tram line starts next spring, the council said."
)


@pytest.mark.parametrize("name", ["lead", "lexrank", "learned"])
def test_every_ranker_scores_every_sentence(name, seed_text):
    document = Document.from_text(seed_text)
    scores = get_ranker(name).score(document)
    assert len(scores) == len(document.sentences)
    assert all(np.isfinite(scores))


def test_registry_lists_the_rankers_and_rejects_unknown_names():
    assert {"lead", "lexrank", "learned"} <= set(ranker_names())
    with pytest.raises(OptionError, match="lexrank"):
        get_ranker("pagerank")


def test_lexrank_puts_the_off_topic_sentence_last():
    document = Document.from_text(TOPICAL)
    scores = get_ranker("lexrank").score(document)
    cat = next(s.index for s in document.sentences if "cat" in s.text)
    assert scores[cat] == min(scores)
    assert max(scores) > scores[cat]


def test_lexrank_is_a_probability_distribution_and_symmetric_graphs_tie():
    similarity = np.array([[1.0, 0.5, 0.5], [0.5, 1.0, 0.5], [0.5, 0.5, 1.0]])
    scores = lexrank(similarity)
    assert scores.sum() == pytest.approx(1.0)
    assert np.allclose(scores, 1 / 3)


def test_tfidf_similarity_is_cosine_with_shared_terms_only():
    vectors = sentence_vectors(["red apples grow", "red apples fall", "blue sky"])
    similarity = vectors.similarity()
    assert np.allclose(np.diag(similarity), 1.0)
    assert similarity[0, 1] > 0.3
    assert similarity[0, 2] == 0.0
    assert np.allclose(similarity, similarity.T)


def test_features_have_one_row_per_body_sentence_and_known_names(seed_text):
    document = Document.from_text(seed_text)
    features, indices = feature_matrix(document)
    assert features.shape == (len(document.body_sentences), len(FEATURE_NAMES))
    assert indices == [s.index for s in document.body_sentences]
    assert features[0, FEATURE_NAMES.index("first_body_sentence")] == 1.0


def test_learned_ranker_loads_its_shipped_weights():
    assert DEFAULT_WEIGHTS.is_file()
    assert DEFAULT_WEIGHTS.stat().st_size < 1_000_000
    weights = RankerWeights.load()
    assert weights.w1.shape[0] == len(FEATURE_NAMES)
    assert weights.logits(np.zeros((3, len(FEATURE_NAMES)))).shape == (3,)


def test_learned_ranker_prefers_the_lead_over_the_off_topic_aside():
    document = Document.from_text(TOPICAL)
    scores = LearnedRanker().score(document)
    cat = next(s.index for s in document.sentences if "cat" in s.text)
    assert scores[0] > scores[cat]


def test_weights_for_other_features_are_refused_with_the_fix(tmp_path):
    data = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(SummarizerError, match="train_ranker"):
        RankerWeights(data)
    with pytest.raises(SummarizerError, match="not found"):
        RankerWeights.load(tmp_path / "missing.json")
