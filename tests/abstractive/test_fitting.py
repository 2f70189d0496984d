from summarizer.abstractive.fitting import MAX_MAP_CHUNKS, fit_sentences, merge_spans


def test_short_input_is_read_whole():
    fitted = fit_sentences([0, 1, 2], {0: 10, 1: 10, 2: 10}, 100, None)
    assert fitted.strategy == "full" and fitted.read_indices == (0, 1, 2) and fitted.dropped == 0


def test_ranked_fitting_keeps_best_sentences_in_document_order():
    counts = {i: 10 for i in range(10)}
    scores = [0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.0, 0.0, 0.0, 0.6]
    fitted = fit_sentences(list(range(10)), counts, 40, scores)
    assert fitted.strategy == "ranked"
    assert fitted.read_indices == (1, 3, 5, 9)
    assert fitted.dropped == 6


def test_ranked_fitting_without_scores_prefers_the_lead():
    fitted = fit_sentences(list(range(10)), {i: 10 for i in range(10)}, 45, None)
    assert fitted.read_indices == (0, 1, 2, 3)


def test_very_long_input_is_chunked_in_order_within_budget():
    counts = {i: 10 for i in range(200)}
    fitted = fit_sentences(list(range(200)), counts, 100, None)
    assert fitted.strategy == "map_reduce"
    assert 1 < len(fitted.chunks) <= MAX_MAP_CHUNKS
    assert all(sum(counts[i] for i in chunk) <= 100 for chunk in fitted.chunks)
    assert list(fitted.read_indices) == sorted(fitted.read_indices)


def test_sentence_longer_than_budget_is_reported_not_cut():
    fitted = fit_sentences([0, 1], {0: 500, 1: 10}, 100, None)
    assert fitted.oversized == (0,) and fitted.read_indices == (1,)


def test_merge_spans_joins_neighbours_separated_by_whitespace():
    raw = "One. Two.\n\nThree. Four."
    assert merge_spans([(0, 4), (5, 9), (20, 25)], raw) == ((0, 9), (20, 25))
