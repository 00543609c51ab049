"""Term frequencies of a selection of passages, and one term's trend over the years.

Everything works on the index's passages x vocabulary count matrix (CSR) with a row selection, as sparse
products and bincounts: no Python loop over passages, so a filter change on 100,000 passages stays live.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from corpuslens.analysis._selection import row_mask
from corpuslens.page_settings import setting

TOP_TERMS_COLUMNS = ["term", "count", "passages"]
TREND_COLUMNS = ["year", "count", "passages", "n_passages", "n_terms", "per_1000_terms", "share_of_passages"]
KINDS = setting("grams").values  # all, words, phrases
_TREND_DTYPES = {"year": "int64", "count": "int64", "passages": "int64", "n_passages": "int64", "n_terms": "Int64",
                 "per_1000_terms": "float64", "share_of_passages": "float64"}


def phrase_mask(vocab: Sequence[str]) -> np.ndarray:
    """True for the vocabulary's multi-word phrases (terms containing a space), False for single words.

    The index can compute this once and pass it to `top_terms` as `is_phrase`, saving a scan of the vocabulary."""
    terms = np.asarray(vocab, dtype=str)
    if terms.size == 0:
        return np.zeros(0, dtype=bool)
    return np.char.find(terms, " ") >= 0


def selection_counts(matrix: sp.spmatrix, rows=None) -> np.ndarray:
    """Column sums over the selected rows (all rows when `rows` is None): the selection's term counts.

    A masked vector-matrix product costs one pass over the non-zeros and never copies the selected rows."""
    matrix = sp.csr_matrix(matrix) if not sp.issparse(matrix) else matrix
    mask = row_mask(rows, matrix.shape[0])
    if mask is None:
        return np.asarray(matrix.sum(axis=0)).ravel()
    return np.asarray(matrix.T @ mask.astype(matrix.dtype)).ravel()


def selection_passage_counts(matrix: sp.spmatrix, rows=None, columns=None) -> np.ndarray:
    """Per column, the number of selected rows with a non-zero entry (passages containing the term).

    `columns` (indices) returns just those columns' counts, in that order; given a column-major (CSC) matrix,
    only those columns are read. Otherwise a 0/1 matrix sharing the count matrix's structure times the row
    mask: one sparse product. float32 counts are exact up to 16 million rows."""
    mask = row_mask(rows, matrix.shape[0])
    weights = np.ones(matrix.shape[0], dtype=np.float32) if mask is None else mask.astype(np.float32)
    if columns is not None and sp.issparse(matrix) and matrix.format == "csc":
        chosen = matrix[:, np.asarray(columns, dtype=np.intp)]
        indicator = sp.csc_matrix(((chosen.data != 0).astype(np.float32), chosen.indices, chosen.indptr),
                                  shape=chosen.shape)
        return np.rint(indicator.T @ weights).astype(np.int64)  # the transpose of a CSC is a CSR: no copy
    matrix = sp.csr_matrix(matrix)
    indicator = sp.csr_matrix(
        ((matrix.data != 0).astype(np.float32), matrix.indices, matrix.indptr), shape=matrix.shape
    )
    per_column = np.rint(indicator.T @ weights).astype(np.int64)
    return per_column if columns is None else per_column[np.asarray(columns, dtype=np.intp)]


def top_terms(
    counts_matrix: sp.spmatrix,
    vocab: Sequence[str],
    n: int = 30,
    kind: str = "all",
    rows=None,
    is_phrase: np.ndarray | None = None,
    counts: np.ndarray | None = None,
) -> pd.DataFrame:
    """The `n` most frequent terms of the selected passages: columns term, count, passages.

    count is the total number of occurrences, passages the number of selected passages containing the term.
    Ordered by count (descending), ties by term (alphabetical), so the table is the same on every run.
    `kind` keeps "all" terms, only single "words", or only two-word "phrases". `rows` (mask or indices) selects
    passages of `counts_matrix`; None takes every row, so a matrix already sliced to the selection works too.
    `counts`, the selection's term counts (`selection_counts`) when the caller already has them, saves that
    product; a column-major `counts_matrix` makes the passages column cost only the chosen terms.
    An empty selection gives an empty table with the same columns.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    matrix = counts_matrix if sp.issparse(counts_matrix) else sp.csr_matrix(counts_matrix)
    terms = np.asarray(vocab, dtype=object)
    if terms.size != matrix.shape[1]:
        raise ValueError(f"vocab has {terms.size} terms for {matrix.shape[1]} columns")
    counts = selection_counts(matrix, rows) if counts is None else np.asarray(counts)
    candidates = np.flatnonzero(counts > 0)
    if kind != "all" and candidates.size:
        phrases = phrase_mask(terms[candidates]) if is_phrase is None else np.asarray(is_phrase)[candidates]
        candidates = candidates[phrases] if kind == "phrases" else candidates[~phrases]
    if candidates.size > n > 0:
        # Keep every term tied with the n-th count so the alphabetical tie-break sees all of them.
        c = counts[candidates]
        threshold = np.partition(c, c.size - n)[c.size - n]
        candidates = candidates[c >= threshold]
    order = np.lexsort((terms[candidates].astype(str), -counts[candidates]))
    chosen = candidates[order[: max(n, 0)]]
    passages = selection_passage_counts(matrix, rows, columns=chosen)
    return pd.DataFrame(
        {
            "term": terms[chosen].astype(str).astype(object),
            "count": counts[chosen].astype(np.int64),
            "passages": passages.astype(np.int64),
        },
        columns=TOP_TERMS_COLUMNS,
    )


def _known_years(years) -> tuple[np.ndarray, np.ndarray]:
    """(year as int64, known mask): a year is unknown when it is missing (None/NaN/<NA>) or not positive."""
    values = pd.to_numeric(pd.Series(years), errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    known = np.isfinite(values) & (values > 0)
    return np.where(known, values, 0).astype(np.int64), known


def term_trend(term_counts, years, passage_terms=None, rows=None) -> pd.DataFrame:
    """A term's use per year, normalised so that years with more text do not dominate.

    `term_counts` is the term's count in each passage (a 1-D array or one column of the count matrix), `years`
    each passage's year (missing = unknown), `passage_terms` each passage's total number of terms (the row sums of
    the count matrix), `rows` the selection (mask or indices; None = all). Returns one row per year that has
    selected text with a known year, ascending, including years where the term never occurs (count 0):
      year, count (occurrences), passages (passages containing it), n_passages (selected passages that year),
      n_terms (all terms in them; <NA> if passage_terms
      was not given), per_1000_terms (count / n_terms x 1000; NaN if passage_terms was not given),
      share_of_passages (passages / n_passages).
    Passages of unknown year are left out: they cannot be placed on a time axis.
    """
    counts = np.asarray(term_counts.toarray() if sp.issparse(term_counts) else term_counts, dtype=np.float64).ravel()
    year, known = _known_years(years)
    if year.size != counts.size:
        raise ValueError(f"{counts.size} term counts for {year.size} years")
    mask = row_mask(rows, counts.size)
    keep = known if mask is None else known & mask
    if not keep.any():
        return pd.DataFrame({c: pd.Series(dtype=_TREND_DTYPES[c]) for c in TREND_COLUMNS})
    y, c = year[keep], counts[keep]
    first = y.min()
    slot = y - first
    n_passages = np.bincount(slot)
    present = np.flatnonzero(n_passages)
    total = np.bincount(slot, weights=c)[present]
    containing = np.bincount(slot, weights=(c > 0).astype(np.float64))[present]
    if passage_terms is not None:
        tokens = np.asarray(passage_terms, dtype=np.float64).ravel()[keep]
        n_terms = np.bincount(slot, weights=tokens)[present]
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.where(n_terms > 0, total / n_terms * 1000.0, 0.0)
    else:
        n_terms = pd.array([pd.NA] * present.size, dtype="Int64")
        rate = np.full(present.size, np.nan)
    return pd.DataFrame(
        {
            "year": (present + first).astype(np.int64),
            "count": total.astype(np.int64),
            "passages": containing.astype(np.int64),
            "n_passages": n_passages[present].astype(np.int64),
            "n_terms": pd.array(n_terms, dtype="Int64"),
            "per_1000_terms": rate,
            "share_of_passages": containing / n_passages[present],
        },
        columns=TREND_COLUMNS,
    )
