"""The passage x term count matrix: every word, and the two-word phrases that recur."""

from __future__ import annotations

from functools import partial

import numpy as np
from scipy import sparse

from corpuslens.tokens import terms as passage_terms


def term_matrix(texts: list[str], stopwords: frozenset[str], phrase_min_passages: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Counts of words and phrases per passage, and the vocabulary (columns sorted).

    Single words are all kept so that search and keyword-in-context find any word; a phrase
    seen in fewer than `phrase_min_passages` passages is dropped, which keeps the vocabulary
    from growing with every accidental word pair of a large corpus.
    """
    if not texts:
        return sparse.csr_matrix((0, 0), dtype=np.int32), np.asarray([], dtype=object)
    from sklearn.feature_extraction.text import CountVectorizer  # imported for a build only: see analysis.topics

    vectorizer = CountVectorizer(analyzer=partial(passage_terms, stopwords=stopwords), dtype=np.int32)
    try:
        counts = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every passage empty of terms
        return sparse.csr_matrix((len(texts), 0), dtype=np.int32), np.asarray([], dtype=object)
    vocab = vectorizer.get_feature_names_out().astype(object)
    is_phrase = np.char.find(vocab.astype(str), " ") >= 0
    passages_with = np.bincount(counts.indices, minlength=len(vocab))
    keep = ~is_phrase | (passages_with >= phrase_min_passages)
    return counts[:, keep].tocsr(), vocab[keep]
