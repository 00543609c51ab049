"""Actor co-mention: how often two actors are named in the same unit (a sentence or a passage).

Input is the index's units x actors occurrence matrix (CSR). Raw counts favour the most frequent actors, so two
association measures are offered: Jaccard (overlap of the two sets of units) and NPMI (normalised pointwise mutual
information: co-mention compared with what independence would predict, scaled to [-1, 1]).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from corpuslens.analysis._selection import row_mask


def _binary(occ, rows=None) -> sp.csr_matrix:
    """The selected rows of `occ` with every non-zero set to 1: a unit counts once however often it names an actor."""
    occ = sp.csr_matrix(occ)
    mask = row_mask(rows, occ.shape[0])
    if mask is not None:
        occ = occ[mask]
    occ = occ.copy()
    occ.eliminate_zeros()
    occ.data = np.ones_like(occ.data, dtype=np.int64)
    return occ


def co_mention_counts(occ, rows=None) -> np.ndarray:
    """Actors x actors int64 matrix: [i, j] = selected units mentioning both i and j; [i, i] = units mentioning i.

    `occ` is units x actors (any non-zero = mentioned); `rows` a mask or index array of units (None = all)."""
    b = _binary(occ, rows)
    return np.asarray((b.T @ b).toarray(), dtype=np.int64)


def jaccard(counts: np.ndarray) -> np.ndarray:
    """Jaccard similarity of the actors' unit sets: |i and j| / |i or j| = c_ij / (c_ii + c_jj - c_ij).

    0 for two mentioned actors never named together, 1 on the diagonal, NaN in the row and column of an
    actor never mentioned (its similarity is undefined, not zero)."""
    c = np.asarray(counts, dtype=np.float64)
    d = np.diag(c)
    union = d[:, None] + d[None, :] - c
    with np.errstate(divide="ignore", invalid="ignore"):
        out = c / union
    unmentioned = d == 0
    out[unmentioned, :] = np.nan
    out[:, unmentioned] = np.nan
    return out


def npmi(counts: np.ndarray, n_units: int) -> np.ndarray:
    """Normalised PMI, in [-1, 1]: log(p_ij / (p_i p_j)) / -log p_ij, with p = count / n_units.

    1 = always named together, 0 = as often as chance predicts, -1 = mentioned but never together (the limit as
    p_ij -> 0; a number rather than NaN so such pairs still colour the heatmap). NaN in the row and column of an
    actor never mentioned. The diagonal is 1. When p_ij = 1 (both actors in every unit) the formula is 0/0; the
    pair is then perfectly associated and gets 1.
    """
    c = np.asarray(counts, dtype=np.float64)
    d = np.diag(c)
    out = np.full(c.shape, np.nan)
    if n_units <= 0 or c.size == 0:
        return out
    p_ij = c / n_units
    p_i = d / n_units
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.log(p_ij / np.outer(p_i, p_i)) / -np.log(p_ij)
    value[c == 0] = -1.0
    value[p_ij >= 1.0] = 1.0
    unmentioned = d == 0
    value[unmentioned, :] = np.nan
    value[:, unmentioned] = np.nan
    return np.clip(value, -1.0, 1.0)  # guards rounding just past +-1; NaN stays NaN


def top_actors(counts: np.ndarray, n: int) -> np.ndarray:
    """Indices of the `n` most mentioned actors (by the diagonal), most mentioned first, ties by index.

    Actors never mentioned are left out, so the result may be shorter than n."""
    d = np.diag(np.asarray(counts))
    mentioned = np.flatnonzero(d > 0)
    order = np.lexsort((mentioned, -d[mentioned]))
    return mentioned[order][: max(n, 0)]


def units_with_both(occ, i: int, j: int, rows=None) -> np.ndarray:
    """Ascending indices of the units (of the full matrix) mentioning both actor i and actor j.

    With i == j, the units mentioning i. `rows` restricts to a selection of units (mask or indices)."""
    occ = sp.csr_matrix(occ)
    n_units, n_actors = occ.shape
    for k in (i, j):
        if not 0 <= k < n_actors:
            raise IndexError(f"actor index {k} out of range for {n_actors} actors")
    row_of_entry = np.repeat(np.arange(n_units), np.diff(occ.indptr))
    nonzero = occ.data != 0
    has_i = np.zeros(n_units, dtype=bool)
    has_j = np.zeros(n_units, dtype=bool)
    has_i[row_of_entry[nonzero & (occ.indices == i)]] = True
    has_j[row_of_entry[nonzero & (occ.indices == j)]] = True
    both = has_i & has_j
    mask = row_mask(rows, n_units)
    if mask is not None:
        both &= mask
    return np.flatnonzero(both)
