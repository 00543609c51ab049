"""Filters to a boolean passage mask, by slicing the index's precomputed structures."""

from __future__ import annotations

import numpy as np

from corpuslens.filters import Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.tokens import tokenize


def selection_mask(index: CorpusIndex, filters: Filters) -> np.ndarray:
    """True for each passage in the selection. Unknown filter values select nothing."""
    docs = index.live_docs.copy()
    if filters.authors:
        docs &= _rows_mask(index.author_docs, filters.authors, len(docs))
    if filters.publications:
        docs &= _rows_mask(index.publication_docs, filters.publications, len(docs))
    mask = docs[index.passage_doc] if index.n_passages else np.zeros(0, dtype=bool)
    if filters.year_from is not None or filters.year_to is not None:
        years = index.passage_year
        low = -np.inf if filters.year_from is None else filters.year_from
        high = np.inf if filters.year_to is None else filters.year_to
        with np.errstate(invalid="ignore"):
            mask &= (years >= low) & (years <= high)  # unknown years (NaN) fall outside any range
    if filters.themes:
        cols = [index.theme_column[t] for t in filters.themes if t in index.theme_column]
        mask &= _any_column(index.theme_tagged, cols, index.n_passages)
    if filters.actors:
        cols = [index.actor_column[a] for a in filters.actors if a in index.actor_column]
        mask &= _any_column(index.actor_mentioned, cols, index.n_passages)
    if filters.keywords:
        hit = np.zeros(index.n_passages, dtype=bool)
        for keyword in filters.keywords:
            hit |= passages_with_words(index, keyword)
        mask &= hit
    if filters.query.strip():
        mask &= passages_with_words(index, filters.query)
    return mask


def passages_with_words(index: CorpusIndex, text: str) -> np.ndarray:
    """Passages containing every (non-stopword) word of `text`; a recurring phrase counts as one term."""
    words = [w for w in tokenize(text) if w not in index.stopwords]
    if not words:
        return np.ones(index.n_passages, dtype=bool)
    phrase = " ".join(words)
    if len(words) == 2 and phrase in index.term_column:
        return _any_column(index.terms_by_column, [index.term_column[phrase]], index.n_passages)
    mask = np.ones(index.n_passages, dtype=bool)
    for word in words:
        column = index.term_column.get(word)
        if column is None:
            return np.zeros(index.n_passages, dtype=bool)
        mask &= _any_column(index.terms_by_column, [column], index.n_passages)
    return mask


def _rows_mask(rows_by_value: dict[str, np.ndarray], wanted, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    for value in wanted:
        rows = rows_by_value.get(value)
        if rows is not None:
            mask[rows] = True
    return mask


def _any_column(matrix_csc, cols: list[int], n_rows: int) -> np.ndarray:
    if not cols:
        return np.zeros(n_rows, dtype=bool)
    chosen = matrix_csc[:, cols]
    mask = np.zeros(n_rows, dtype=bool)
    mask[chosen.indices[chosen.data != 0]] = True
    return mask
