"""Filters to a boolean passage mask, by slicing the index's precomputed structures."""

from __future__ import annotations

import numpy as np

from corpuslens.filters import FILTER_FIELDS, Filters, is_set
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.tokens import tokenize


def selection_mask(index: CorpusIndex, filters: Filters) -> np.ndarray:
    """True for each passage in the selection. Unknown filter values select nothing."""
    mask = index.live_docs[index.passage_doc] if index.n_passages else np.zeros(0, dtype=bool)
    # Both ends of the year range share one mask function: each function runs once.
    for make_mask in dict.fromkeys(MASKS[spec.name] for spec in FILTER_FIELDS if is_set(getattr(filters, spec.name))):
        mask &= make_mask(index, filters)
    return mask


def _documents(index: CorpusIndex, docs: np.ndarray) -> np.ndarray:
    """A document mask as a passage mask."""
    return docs[index.passage_doc]


def _by_author(index: CorpusIndex, filters: Filters) -> np.ndarray:
    return _documents(index, _rows_mask(index.author_docs, filters.authors, len(index.live_docs)))


def _by_publication(index: CorpusIndex, filters: Filters) -> np.ndarray:
    return _documents(index, _rows_mask(index.publication_docs, filters.publications, len(index.live_docs)))


def _by_language(index: CorpusIndex, filters: Filters) -> np.ndarray:
    return _documents(index, _rows_mask(index.language_docs, filters.languages, len(index.live_docs)))


def _in_years(index: CorpusIndex, filters: Filters) -> np.ndarray:
    low = -np.inf if filters.year_from is None else filters.year_from
    high = np.inf if filters.year_to is None else filters.year_to
    with np.errstate(invalid="ignore"):
        return (index.passage_year >= low) & (index.passage_year <= high)  # unknown years (NaN) fall outside any range


def _by_theme(index: CorpusIndex, filters: Filters) -> np.ndarray:
    cols = [index.theme_column[t] for t in filters.themes if t in index.theme_column]
    return _any_column(index.theme_tagged, cols, index.n_passages)


def _by_actor(index: CorpusIndex, filters: Filters) -> np.ndarray:
    cols = [index.actor_column[a] for a in filters.actors if a in index.actor_column]
    return _any_column(index.actor_mentioned, cols, index.n_passages)


def _with_keyword(index: CorpusIndex, filters: Filters) -> np.ndarray:
    hit = np.zeros(index.n_passages, dtype=bool)
    for keyword in filters.keywords:
        hit |= passages_with_words(index, keyword)
    return hit


def _with_query(index: CorpusIndex, filters: Filters) -> np.ndarray:
    return passages_with_words(index, filters.query) if filters.query.strip() else np.ones(index.n_passages, dtype=bool)


def _with_url(index: CorpusIndex, filters: Filters) -> np.ndarray:
    urls = index.docs["url"].to_numpy(dtype=object)
    return _documents(index, np.array([isinstance(u, str) and bool(u.strip()) for u in urls], dtype=bool))


# Each filter field's mask: True for the passages its value lets through (called only when the value is set).
MASKS = {
    "authors": _by_author,
    "publications": _by_publication,
    "languages": _by_language,
    "year_from": _in_years,
    "year_to": _in_years,
    "themes": _by_theme,
    "keywords": _with_keyword,
    "actors": _by_actor,
    "query": _with_query,
    "has_url": _with_url,
}
_undeclared = set(MASKS) ^ {spec.name for spec in FILTER_FIELDS}
if _undeclared:  # a filter without a mask, or a mask without a filter: fail at import, not on a user's click
    raise ImportError(f"filters and their masks disagree: {sorted(_undeclared)}")


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
