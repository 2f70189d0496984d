"""Rankers: one score per sentence, centrality favours the article's topic, learned weights load."""

import json

import numpy as np
import pytest

from summarizer.document import Document
from summarizer.errors import OptionError, SummarizerError
from summarizer.extractive import get_ranker, ranker_names
from summarizer.extractive.features import (
    FEATURE_NAMES,
    FUNCTION_WORDS,
    content_degree,
    feature_matrix,
    lexrank,
    sentence_vectors,
    words_of,
)
from summarizer.extractive.learned import (
    CENTRALITY_FROM_SHARE,
    CENTRALITY_FULL_SHARE,
    CENTRALITY_WEIGHT,
    DEFAULT_WEIGHTS,
    LearnedRanker,
    RankerWeights,
    centrality_weight,
)
from summarizer.extractive.base import Ranking
from summarizer.extractive.selection import LengthBudget, budget_share, rank_and_select, select_sentences

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


def test_content_degree_favours_long_sentences_of_recurring_words_and_ignores_function_words():
    tokens = [
        words_of("The tram line will link the station with the hospital and the university."),
        words_of("Tram line works near the hospital and the station start in spring."),
        words_of("It is what it is, and that is that."),
    ]
    degree = content_degree(tokens)
    assert degree.shape == (3,)
    assert degree[0] > degree[2] and degree[1] > degree[2]
    # Function words link nothing: two sentences made only of them share no edge.
    only_function_words = content_degree([words_of("it is what it is"), words_of("that is as it was")])
    assert np.allclose(only_function_words, [0.0, 0.0])
    assert content_degree([]).shape == (0,)


def test_content_degree_matches_textrank_random_walk_ranking():
    # On a connected symmetric graph the walk's stationary distribution is proportional to
    # the degree (the cat sentence, linked to nothing but itself, is left out).
    tokens = [words_of(text) for text in TOPICAL.split("\n\n") if "cat" not in text]
    degree = content_degree(tokens)
    stems = [[w[:6] for w in words if w not in FUNCTION_WORDS] for words in tokens]
    links = np.array(
        [[sum(b.count(w) for w in a) / (np.log(len(a)) + np.log(len(b))) for b in stems] for a in stems]
    )
    walk = np.full(len(tokens), 1.0 / len(tokens))
    for _ in range(200):
        walk = walk @ (links / links.sum(axis=1, keepdims=True))
    assert np.allclose(walk, degree / degree.sum())


def test_centrality_weight_grows_with_the_budget_share():
    assert centrality_weight(0.1) == 0.0
    assert centrality_weight(CENTRALITY_FROM_SHARE) == 0.0
    assert 0.0 < centrality_weight((CENTRALITY_FROM_SHARE + CENTRALITY_FULL_SHARE) / 2) < CENTRALITY_WEIGHT
    assert centrality_weight(CENTRALITY_FULL_SHARE) == CENTRALITY_WEIGHT
    assert centrality_weight(0.9) == CENTRALITY_WEIGHT


def test_learned_scores_depend_on_the_budget_share_only_for_large_budgets(seed_text):
    document = Document.from_text(seed_text)
    ranker = LearnedRanker()
    body = [s.index for s in document.body_sentences]
    body_words = sum(document.sentences[i].word_count for i in body)
    short = ranker.rank_for(document, LengthBudget(words=max(1, body_words // 10))).scores
    large = ranker.rank_for(document, LengthBudget(words=body_words // 2)).scores
    assert short == ranker.score(document)
    assert large != short
    assert all(0.0 < large[i] < 1.0 for i in body)
    assert np.argsort([large[i] for i in body]).tolist() != np.argsort([short[i] for i in body]).tolist()


def test_budget_share_is_the_budget_over_the_body_in_its_unit(seed_text):
    document = Document.from_text(seed_text)
    body_words = sum(s.word_count for s in document.body_sentences)
    assert budget_share(document, LengthBudget(words=body_words // 2)) == pytest.approx(0.5, abs=0.01)
    assert budget_share(document, LengthBudget(ratio=0.3)) == 0.3
    assert budget_share(document, LengthBudget(words=10 * body_words)) == 1.0
    assert budget_share(document, LengthBudget(sentences=1)) == pytest.approx(1 / len(document.body_sentences))


def test_rank_and_select_uses_a_rankers_own_choice_and_falls_back_to_selection(seed_text):
    document = Document.from_text(seed_text)
    body = [s.index for s in document.body_sentences]
    heard = []

    class ChoosingRanker:
        def rank_for(self, document, budget):
            heard.append(budget)
            return Ranking([0.5] * len(document.sentences), chosen=(body[3], body[1]))

    budget = LengthBudget(sentences=2)
    scores, selection = rank_and_select(ChoosingRanker(), document, budget)
    assert heard == [budget]
    assert selection.indices == (body[1], body[3])  # document order
    assert scores == [0.5] * len(document.sentences)
    # A ranker without rank_for: its plain scores, picked by select_sentences.
    lexrank_ranker = get_ranker("lexrank")
    scores, selection = rank_and_select(lexrank_ranker, document, budget)
    assert scores == lexrank_ranker.score(document)
    assert selection == select_sentences(document, scores, budget)
