"""Distinctive terms: Monroe, Colaresi & Quinn (2008) "Fightin' Words" log-odds with an informative Dirichlet prior.

Compares two bags of term counts (a selection and the rest of the corpus, or selection A and selection B) and says which
terms are over-represented on each side. The informative prior shrinks rare terms towards the corpus's own rates, so a
word seen twice in A and never in B does not outrank a word seen two hundred times.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

# Prior strength alpha_0: the prior is worth this many pseudo-tokens, spread over the vocabulary in proportion to the
# whole corpus's counts. A fixed number (rather than a share of the corpus, e.g. 0.01 x tokens) makes the shrinkage
# depend on the size of the selections being compared, not on the size of the corpus: one 1,500-token article is
# smoothed the same in a 10k-token corpus and in a 10M-token one (0.01 x 10M = 100k pseudo-tokens would drown it).
# 500 is about five passages of text: enough to tame terms seen once or twice, negligible for selections of
# tens of thousands of tokens.
PRIOR_ALPHA0 = 500.0

COLUMNS = ["term", "count_a", "count_b", "log_odds", "z", "side"]


def _as_vector(counts) -> np.ndarray:
    """A 1-D float vector from an array, a list or a 1-row/1-column (sparse) matrix."""
    if hasattr(counts, "toarray"):
        counts = counts.toarray()
    return np.asarray(counts, dtype=np.float64).ravel()


def informative_prior(corpus_counts, alpha0: float = PRIOR_ALPHA0) -> np.ndarray:
    """Per-term prior alpha_w: the corpus's term counts rescaled so that they sum to `alpha0`."""
    corpus = _as_vector(corpus_counts)
    total = corpus.sum()
    if total <= 0:
        return np.zeros_like(corpus)
    return corpus * (alpha0 / total)


def log_odds_dirichlet(counts_a, counts_b, prior) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio delta_w of each term in A versus B, and its z-score.

    delta_w = log((y_a+a_w) / (n_a+a_0-y_a-a_w)) - log((y_b+a_w) / (n_b+a_0-y_b-a_w)),
    var(delta_w) ~ 1/(y_a+a_w) + 1/(y_b+a_w),  z_w = delta_w / sqrt(var)   (Monroe et al. 2008, eq. 16-22).
    Positive means over-represented in A. A term with no count and no prior mass on either side carries no
    evidence: its delta and z are 0 rather than NaN.
    """
    y_a, y_b, alpha = _as_vector(counts_a), _as_vector(counts_b), _as_vector(prior)
    if not (y_a.shape == y_b.shape == alpha.shape):
        raise ValueError(f"counts_a, counts_b and prior differ in length: {y_a.shape}, {y_b.shape}, {alpha.shape}")
    n_a, n_b, alpha0 = y_a.sum(), y_b.sum(), alpha.sum()
    num_a, num_b = y_a + alpha, y_b + alpha
    den_a, den_b = n_a + alpha0 - num_a, n_b + alpha0 - num_b
    defined = (num_a > 0) & (num_b > 0) & (den_a > 0) & (den_b > 0)
    delta = np.zeros_like(y_a)
    z = np.zeros_like(y_a)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.log(num_a / den_a) - np.log(num_b / den_b)
        s = np.sqrt(1.0 / num_a + 1.0 / num_b)
    delta[defined] = d[defined]
    z[defined] = d[defined] / s[defined]
    return delta, z


def _rank(candidates: np.ndarray, key: np.ndarray, terms: np.ndarray, top: int) -> np.ndarray:
    """The `top` candidates with the largest key, ties broken by term (alphabetical) for a stable order."""
    if candidates.size == 0 or top <= 0:
        return candidates[:0]
    k = key[candidates]
    if candidates.size > top:
        # Keep everything tied with the top-th value so the tie-break sees all of them.
        threshold = np.partition(k, candidates.size - top)[candidates.size - top]
        keep = k >= threshold
        candidates, k = candidates[keep], k[keep]
    order = np.lexsort((terms[candidates].astype(str), -k))
    return candidates[order[:top]]


def distinctive_terms(
    counts_a,
    counts_b,
    vocab: Sequence[str],
    prior=None,
    prior_scale: float = PRIOR_ALPHA0,
    top: int = 30,
    side: str = "a",
    min_count: int = 1,
) -> pd.DataFrame:
    """The terms that most distinguish A from B, as a table with columns term, count_a, count_b, log_odds, z, side.

    `prior` is the count vector the informative prior is built from (normally the whole corpus's term counts);
    None uses counts_a + counts_b, which is the whole corpus when B is "the rest". It is rescaled to sum to
    `prior_scale` (alpha_0, see PRIOR_ALPHA0).

    `side` chooses which side's distinctive terms come back:
      "a"    - terms over-represented in A (z > 0), most distinctive first (z descending);
      "b"    - terms over-represented in B (z < 0), most distinctive first (z ascending);
      "both" - the `top` of A followed by the `top` of B.
    log_odds and z always keep the A-versus-B sign (B's terms are negative), and `side` says "a" or "b",
    so a "both" table plots as one diverging bar chart. Only terms with count_a + count_b >= min_count appear.
    """
    if side not in ("a", "b", "both"):
        raise ValueError(f"side must be 'a', 'b' or 'both', not {side!r}")
    y_a, y_b = _as_vector(counts_a), _as_vector(counts_b)
    terms = np.asarray(vocab, dtype=object)
    if not (y_a.size == y_b.size == terms.size):
        raise ValueError(f"counts and vocab differ in length: {y_a.size}, {y_b.size}, {terms.size}")
    base = y_a + y_b if prior is None else _as_vector(prior)
    delta, z = log_odds_dirichlet(y_a, y_b, informative_prior(base, prior_scale))

    present = np.flatnonzero((y_a + y_b) >= max(min_count, 1))
    picked = []
    if side in ("a", "both"):
        picked.append((_rank(present[z[present] > 0], z, terms, top), "a"))
    if side in ("b", "both"):
        picked.append((_rank(present[z[present] < 0], -z, terms, top), "b"))

    frames = [
        pd.DataFrame(
            {
                "term": terms[idx].astype(str),
                "count_a": y_a[idx].astype(np.int64),
                "count_b": y_b[idx].astype(np.int64),
                "log_odds": delta[idx],
                "z": z[idx],
                "side": label,
            }
        )
        for idx, label in picked
    ]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    return out[COLUMNS]
