"""Sentence features shared by the rankers: TF-IDF vectors, centrality, position, length.

Everything here is language-independent (Unicode word tokens, within-document IDF), so a
ranker built on it still works on text in another language. Pure functions on a Document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from summarizer.document import Document
from summarizer.text.layout import BODY

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”„«»]|``|''")
# Damping and iterations of LexRank's power iteration: 0.85 is the PageRank default; 30
# steps converge to ~1e-6 on article-sized graphs.
LEXRANK_DAMPING = 0.85
LEXRANK_ITERATIONS = 30
# Words shorter than this carry no topic (articles, "a", single letters of "u.s.").
MIN_TERM_CHARS = 2
# Above this many sentences the similarity graph is never built as a dense matrix (memory
# and time grow with its square: 1,000 sentences took 0.6 s, 50,000 would need 20 GB): the
# graph features come from the sparse TF-IDF vectors instead, equal to 1e-12. Articles of
# usual length keep the dense path, so the shipped weights see the features they were
# trained on bit for bit.
DENSE_GRAPH_MAX_SENTENCES = 500


def words_of(text: str) -> list[str]:
    """Lower-cased Unicode word tokens of `text` (letters, digits, underscore)."""
    return [w for w in _WORD.findall(text.lower()) if len(w) >= MIN_TERM_CHARS]


@dataclass(frozen=True)
class SentenceVectors:
    """TF-IDF vectors of some sentences, keeping only the terms two or more sentences share.

    A term found in one sentence adds nothing to any similarity between two sentences, so
    dropping it (after it counted in each row's length) gives the same cosines with a much
    smaller matrix: similarity() is the ranker's hot spot.
    """

    matrix: np.ndarray  # (sentences, shared terms), rows divided by their full TF-IDF length
    tokens: list[list[str]]
    term_ids: dict[str, int]  # shared term -> column
    idf: np.ndarray  # of the shared terms
    # Per sentence: how many other occurrences in the article its words have (Luhn's idea:
    # a sentence made of recurring words is about the topic).
    recurrence: np.ndarray

    def similarity(self) -> np.ndarray:
        """Cosine similarity between every pair of sentences (1 on the diagonal)."""
        # einsum, not `@`: on a loaded machine multi-threaded BLAS spends ~3 ms per call
        # waking threads for a 35 x 100 matrix that one core multiplies in ~0.05 ms.
        similarity = np.einsum("ik,jk->ij", self.matrix, self.matrix)
        np.fill_diagonal(similarity, 1.0)
        return similarity

    def vector_of(self, text: str) -> np.ndarray:
        """Unit TF-IDF vector of another text (e.g. the title) over the shared terms."""
        vector = np.zeros(len(self.idf))
        for word in words_of(text):
            term = self.term_ids.get(word)
            if term is not None:
                vector[term] += self.idf[term]
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector


def sentence_vectors(texts: list[str]) -> SentenceVectors:
    """TF-IDF over `texts`, each sentence counted as one 'document' for the IDF."""
    tokens = [words_of(t) for t in texts]
    all_ids: dict[str, int] = {}
    flat: list[int] = []
    for row, words in enumerate(tokens):
        for word in words:
            flat.append(all_ids.setdefault(word, len(all_ids)))
    count = len(texts)
    terms = max(1, len(all_ids))
    rows = np.repeat(np.arange(count), [len(words) for words in tokens])
    counts = np.bincount(rows * terms + np.array(flat, dtype=np.int64), minlength=count * terms).reshape(count, terms)
    document_frequency = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + count) / (1.0 + document_frequency)) + 1.0
    weighted = counts * idf
    norms = np.sqrt((weighted * weighted).sum(axis=1, keepdims=True))
    norms[norms == 0] = 1.0
    shared = np.flatnonzero(document_frequency >= 2)
    matrix = weighted[:, shared] / norms
    words_by_id = list(all_ids)
    shared_ids = {words_by_id[term]: column for column, term in enumerate(shared)}
    flat_ids = np.array(flat, dtype=np.int64)
    occurrences = np.bincount(flat_ids, minlength=terms)
    recurrence = np.bincount(rows, weights=occurrences[flat_ids] - 1.0, minlength=count)
    return SentenceVectors(matrix, tokens, shared_ids, idf[shared], recurrence)


@dataclass(frozen=True)
class SparseVectors:
    """sentence_vectors() as (row, column, value) triplets: what the graph features need
    (products with a vector) in time and memory linear in the article's length."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    count: int  # sentences
    terms: int  # shared terms (columns)
    term_ids: dict[str, int]
    idf: np.ndarray
    recurrence: np.ndarray

    def times(self, vector: np.ndarray) -> np.ndarray:
        """matrix @ vector (one value per sentence)."""
        return np.bincount(self.rows, weights=self.values * vector[self.columns], minlength=self.count)

    def transposed_times(self, vector: np.ndarray) -> np.ndarray:
        """vector @ matrix (one value per shared term)."""
        return np.bincount(self.columns, weights=self.values * vector[self.rows], minlength=self.terms)

    def row(self, index: int) -> np.ndarray:
        dense = np.zeros(self.terms)
        mask = self.rows == index
        dense[self.columns[mask]] = self.values[mask]
        return dense

    def vector_of(self, text: str) -> np.ndarray:
        return SentenceVectors.vector_of(self, text)  # type: ignore[arg-type]  # same fields


def sparse_sentence_vectors(tokens: list[list[str]]) -> SparseVectors:
    """sentence_vectors() of already tokenised sentences, without the dense matrices."""
    count = len(tokens)
    all_ids: dict[str, int] = {}
    flat = np.array([all_ids.setdefault(word, len(all_ids)) for words in tokens for word in words], dtype=np.int64)
    terms = max(1, len(all_ids))
    token_rows = np.repeat(np.arange(count, dtype=np.int64), [len(words) for words in tokens])
    cells, counts = np.unique(token_rows * terms + flat, return_counts=True)
    rows, columns = cells // terms, cells % terms
    document_frequency = np.bincount(columns, minlength=terms)
    idf = np.log((1.0 + count) / (1.0 + document_frequency)) + 1.0
    weighted = counts * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=weighted * weighted, minlength=count))
    norms[norms == 0] = 1.0
    shared = np.flatnonzero(document_frequency >= 2)
    column_of = np.full(terms, -1, dtype=np.int64)
    column_of[shared] = np.arange(len(shared))
    keep = column_of[columns] >= 0
    words_by_id = list(all_ids)
    occurrences = np.bincount(flat, minlength=terms)
    recurrence = np.bincount(token_rows, weights=occurrences[flat] - 1.0, minlength=count)
    return SparseVectors(
        rows[keep], column_of[columns[keep]], weighted[keep] / norms[rows[keep]], count, len(shared),
        {words_by_id[term]: column for column, term in enumerate(shared)}, idf[shared], recurrence,
    )


def sparse_graph(vectors: SparseVectors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lexrank scores, off-diagonal similarity sums, similarity to the first sentence) of
    the cosine graph, as lexrank(similarity) and article_features compute them from the
    dense matrix, in time linear in the vectors' size."""
    count = vectors.count
    if count == 0:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    self_similarity = np.bincount(vectors.rows, weights=vectors.values**2, minlength=count)
    # A sentence with a shared term has a neighbour: the other sentence with that term.
    linked = np.bincount(vectors.rows, minlength=count) > 0
    degree = np.where(linked, vectors.times(vectors.transposed_times(np.ones(count))) - self_similarity, 0.0)
    scores = np.full(count, 1.0 / count)
    teleport = (1.0 - LEXRANK_DAMPING) / count
    for _ in range(LEXRANK_ITERATIONS):
        share = np.divide(scores, degree, out=np.zeros(count), where=linked)
        walked = vectors.times(vectors.transposed_times(share)) - share * self_similarity
        walked += scores[~linked].sum() / count  # isolated sentences walk uniformly
        scores = teleport + LEXRANK_DAMPING * walked
    to_first = vectors.times(vectors.row(0))
    to_first[0] = 1.0
    return scores / scores.sum(), degree, to_first


def lexrank_of(texts: list[str]) -> np.ndarray:
    """lexrank() of the sentences' cosine graph, dense or sparse by the article's size."""
    if len(texts) <= DENSE_GRAPH_MAX_SENTENCES:
        return lexrank(sentence_vectors(texts).similarity())
    return sparse_graph(sparse_sentence_vectors([words_of(t) for t in texts]))[0]


def lexrank(similarity: np.ndarray) -> np.ndarray:
    """Continuous LexRank: stationary distribution of the similarity-weighted random walk.

    Scores sum to 1; an isolated sentence keeps only the teleport share.
    """
    count = similarity.shape[0]
    if count == 0:
        return np.zeros(0)
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    out_degree = weights.sum(axis=1, keepdims=True)
    # A sentence with no neighbours walks uniformly (keeps the matrix stochastic).
    transition = np.divide(weights, out_degree, out=np.full_like(weights, 1.0 / count), where=out_degree > 0)
    scores = np.full(count, 1.0 / count)
    teleport = (1.0 - LEXRANK_DAMPING) / count
    for _ in range(LEXRANK_ITERATIONS):
        scores = teleport + LEXRANK_DAMPING * (scores @ transition)
    return scores / scores.sum()


# English function words left out of the word overlap of content_degree(). Text in another
# language keeps all its words: the score still works, only less sharply.
FUNCTION_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either even ever
    few for from further had has have having he her here hers herself him himself his how however
    if in into is it its itself just may me might more most must my myself no nor not now of off on
    once only or other our ours ourselves out over own per same shall she should since so some such
    than that the their theirs them themselves then there these they this those though through thus
    to too under until up upon us very via was we were what when where whether which while who whom
    whose why will with within without would yet you your yours yourself yourselves said says say
    mr mrs ms one two new told""".split()
)
# Words compare by their first STEM_CHARS characters: a crude stemmer that needs no language
# ("economy"/"economic", "market"/"markets").
STEM_CHARS = 6


def content_degree(tokens: list[list[str]]) -> np.ndarray:
    """TextRank's score of each sentence, in closed form: its weighted degree.

    TextRank (Mihalcea & Tarau 2004, as sumy implements it) links two sentences by the
    content words they share divided by log(length 1) + log(length 2), self-links included,
    and ranks by a random walk on those links. On a symmetric graph that walk's stationary
    distribution is proportional to each sentence's degree (sum of its links), so the
    degree is TextRank's ranking without the iterations. Long sentences full of the
    article's recurring words score highest: what people keep when they select ~40% of an
    article (BBC), not what a 3-sentence highlight needs (CNN/DM).
    """
    count = len(tokens)
    if count == 0:
        return np.zeros(0)
    stems = [[w[:STEM_CHARS] for w in words if w not in FUNCTION_WORDS] for words in tokens]
    term_ids: dict[str, int] = {}
    flat = [term_ids.setdefault(stem, len(term_ids)) for words in stems for stem in words]
    terms = max(1, len(term_ids))
    rows = np.repeat(np.arange(count), [len(words) for words in stems])
    counts = np.bincount(rows * terms + np.array(flat, dtype=np.int64), minlength=count * terms).reshape(count, terms)
    overlap = np.einsum("ik,jk->ij", counts, counts).astype(float)
    log_length = np.log(np.maximum(1, counts.sum(axis=1)))
    norm = log_length[:, None] + log_length[None, :]
    # Two one-word sentences: sumy keeps the raw overlap (0 or 1).
    return np.divide(overlap, norm, out=overlap.copy(), where=norm > 0).sum(axis=1)


# Names of the learned ranker's features, in the order feature_matrix() returns them.
FEATURE_NAMES = (
    "first_body_sentence",
    "second_body_sentence",
    "third_body_sentence",
    "inverse_position",
    "relative_position",
    "first_in_paragraph",
    "inverse_paragraph",
    "log_words",
    "words_vs_mean",
    "short",
    "lexrank",
    "mean_similarity",
    "similarity_to_lead",
    "similarity_to_title",
    "has_title",
    "similarity_to_centroid",
    "term_frequency_density",
    "digit_share",
    "capitalised_share",
    "has_quote",
    "question_or_colon",
    "log_body_sentences",
    "in_first_paragraph",
)


@dataclass(frozen=True)
class ArticleFeatures:
    """The learned ranker's view of one article, computed once and shared by its steps."""

    matrix: np.ndarray  # (body sentences, FEATURE_NAMES)
    indices: list[int]  # each row's index in document.sentences
    tokens: list[list[str]]  # words_of() of each row's sentence


def feature_matrix(document: Document) -> tuple[np.ndarray, list[int]]:
    """(features of each body sentence, their indices in document.sentences).

    Falls back to every sentence when the document has no body sentences.
    """
    article = article_features(document)
    return article.matrix, article.indices


def article_features(document: Document) -> ArticleFeatures:
    """feature_matrix() with the sentences' word tokens (see ArticleFeatures)."""
    body = [s for s in document.sentences if s.kind == BODY] or list(document.sentences)
    indices = [s.index for s in body]
    texts = [s.text for s in body]
    count = len(body)
    if count <= DENSE_GRAPH_MAX_SENTENCES:
        vectors = sentence_vectors(texts)
        similarity = vectors.similarity()
        centrality = lexrank(similarity) * count  # 1.0 = average sentence
        off_diagonal = similarity.sum(axis=1) - np.diag(similarity)
        to_lead = similarity[0]
        tokens = vectors.tokens
        times = vectors.matrix.__matmul__
        centroid = vectors.matrix.sum(axis=0)
    else:
        tokens = [words_of(t) for t in texts]
        vectors = sparse_sentence_vectors(tokens)
        scores, off_diagonal, to_lead = sparse_graph(vectors)
        centrality = scores * count
        times = vectors.times
        centroid = vectors.transposed_times(np.ones(count))
    mean_similarity = off_diagonal / max(1, count - 1)
    title_vector = vectors.vector_of(document.title) if document.title else None
    to_title = times(title_vector) if title_vector is not None else np.zeros(count)
    centroid_norm = np.linalg.norm(centroid)
    to_centroid = times(centroid) / centroid_norm if centroid_norm else np.zeros(count)

    word_counts = np.array([max(1, s.word_count) for s in body], dtype=float)
    mean_words = word_counts.mean()

    first_paragraph = body[0].paragraph
    seen_paragraphs: dict[int, int] = {}
    paragraph_rank = []
    for s in body:
        paragraph_rank.append(seen_paragraphs.setdefault(s.paragraph, len(seen_paragraphs)))

    features = np.zeros((count, len(FEATURE_NAMES)))
    log_body = math.log(count)
    for row, sentence in enumerate(body):
        text = sentence.text
        words = tokens[row]
        raw_words = text.split()
        capitalised = sum(1 for w in raw_words[1:] if w[:1].isupper())
        previous = body[row - 1] if row else None
        features[row] = (
            row == 0,
            row == 1,
            row == 2,
            1.0 / (1.0 + row),
            row / count,
            previous is None or previous.paragraph != sentence.paragraph,
            1.0 / (1.0 + paragraph_rank[row]),
            math.log(word_counts[row]),
            word_counts[row] / mean_words,
            word_counts[row] < 6,
            centrality[row],
            mean_similarity[row],
            to_lead[row],
            to_title[row],
            title_vector is not None,
            to_centroid[row],
            vectors.recurrence[row] / (len(words) + 1.0),
            len(_DIGIT.findall(text)) / (len(text) + 1.0),
            capitalised / max(1, len(raw_words) - 1),
            bool(_QUOTE.search(text)),
            text.rstrip()[-1:] in ("?", ":"),
            log_body,
            sentence.paragraph == first_paragraph,
        )
    return ArticleFeatures(features, indices, tokens)
