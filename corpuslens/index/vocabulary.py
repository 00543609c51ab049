"""The passage x term count matrix: every word, and the two-word phrases that recur."""

from __future__ import annotations

from itertools import repeat

import numpy as np
from scipy import sparse

from corpuslens.tokens import terms as passage_terms


def _terms_of(item: tuple[str, frozenset[str]]) -> list[str]:
    text, stopwords = item
    return passage_terms(text, stopwords)


def count_terms(texts: list[str], stopwords: frozenset[str],
                passage_stopwords: list[frozenset[str]] | None = None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Counts of every word and phrase per passage, and the vocabulary (columns sorted). `passage_stopwords`:
    each passage's own stopwords (its document's language's function words added, see index.languages);
    else `stopwords` for every passage."""
    from sklearn.feature_extraction.text import CountVectorizer  # imported for a build only: see analysis.topics

    sets = passage_stopwords if passage_stopwords is not None else repeat(stopwords)
    vectorizer = CountVectorizer(analyzer=_terms_of, dtype=np.int32)
    try:
        counts = vectorizer.fit_transform(zip(texts, sets)).tocsr()
    except ValueError:  # no passages, or none with a term
        return sparse.csr_matrix((len(texts), 0), dtype=np.int32), np.asarray([], dtype=object)
    return counts, vectorizer.get_feature_names_out().astype(object)


def term_matrix(texts: list[str], stopwords: frozenset[str], phrase_min_passages: int,
                passage_stopwords: list[frozenset[str]] | None = None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Counts of words and phrases per passage, and the vocabulary (columns sorted).

    Single words are all kept so that search and keyword-in-context find any word; a phrase
    seen in fewer than `phrase_min_passages` passages is dropped, which keeps the vocabulary
    from growing with every accidental word pair of a large corpus.
    """
    if not texts:
        return sparse.csr_matrix((0, 0), dtype=np.int32), np.asarray([], dtype=object)
    counts, vocab = count_terms(texts, stopwords, passage_stopwords)
    if not vocab.size:
        return counts, vocab
    is_phrase = np.char.find(vocab.astype(str), " ") >= 0
    passages_with = np.bincount(counts.indices, minlength=len(vocab))
    keep = ~is_phrase | (passages_with >= phrase_min_passages)
    return counts[:, keep].tocsr(), vocab[keep]
