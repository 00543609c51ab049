"""How stable topics are: refit the model on resampled passages with other seeds and see whether each topic
comes back with the same top terms.

Each refit (seed s) uses a seeded random 80 % of the passages, as in Greene, O'Callaghan & Cunningham (2014),
"How many topics? Stability analysis for topic models". Its topics are matched one-to-one to the reference
topics by the Hungarian method (scipy.optimize.linear_sum_assignment) on the Jaccard similarity of their
top-10 terms; a topic's stability is its matched Jaccard averaged over the refits (1: the same ten terms
every time, 0: never any of them). The stability of a number of topics k is the mean over its topics, so the k
whose topics come back best can be chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from corpuslens.analysis.topics import TopicModel

STABILITY_SEEDS = (1, 2, 3, 4, 5)
SUBSAMPLE = 0.8
TOP_TERMS = 10


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def matched_jaccard(reference: list[list[str]], other: list[list[str]]) -> np.ndarray:
    """For each reference topic, the Jaccard of its top terms with the topic of `other` it is matched to
    (a one-to-one matching maximising the total); 0 for a reference topic left without a partner."""
    similarity = np.array([[jaccard(r[:TOP_TERMS], o[:TOP_TERMS]) for o in other] for r in reference])
    out = np.zeros(len(reference))
    if similarity.size:
        from scipy.optimize import linear_sum_assignment  # 0.2 s to import: only when topics are matched

        rows, columns = linear_sum_assignment(similarity, maximize=True)
        out[rows] = similarity[rows, columns]
    return out


def topic_stability(counts, vocab: Sequence[str], reference: list[list[str]], max_fit_samples: int = 20_000,
                    seeds: Sequence[int] = STABILITY_SEEDS) -> np.ndarray:
    """Per reference topic, the mean matched top-term Jaccard over refits with `seeds` on 80 % subsamples."""
    counts = sp.csr_matrix(counts)
    n = counts.shape[0]
    scores = []
    for seed in seeds:
        rows = np.sort(np.random.default_rng(seed).choice(n, size=max(1, int(round(SUBSAMPLE * n))), replace=False))
        refit = TopicModel(n_topics=len(reference), seed=seed, max_fit_samples=max_fit_samples).fit(counts[rows], vocab)
        scores.append(matched_jaccard(reference, refit.top_terms_))
    return np.mean(scores, axis=0) if scores else np.zeros(len(reference))


@dataclass(frozen=True)
class KStability:
    """The stability of the model with k topics: one value per topic (numbered as that model numbers them)."""

    k: int
    topics: tuple[float, ...]

    @property
    def mean(self) -> float:
        return float(np.mean(self.topics)) if self.topics else 0.0


def stability_by_k(counts, vocab: Sequence[str], ks: Iterable[int], seed: int = 0, max_fit_samples: int = 20_000,
                   progress: Callable[[int, int], None] | None = None) -> list[KStability]:
    """For each k, fit the model as the index would (same seed and fit sample) and measure its topics' stability.

    A k the corpus cannot support (fewer usable passages or terms than k) is left out rather than measured on a
    smaller model under its name. `progress(done, total)` is called after each k."""
    counts = sp.csr_matrix(counts)
    ks = list(ks)
    curve = []
    for done, k in enumerate(ks, start=1):
        reference = TopicModel(n_topics=k, seed=seed, max_fit_samples=max_fit_samples).fit(counts, vocab)
        if reference.n_topics_ == k:
            values = topic_stability(counts, vocab, reference.top_terms_, max_fit_samples)
            curve.append(KStability(k, tuple(round(float(v), 4) for v in values)))
        if progress:
            progress(done, len(ks))
    return curve


def most_stable_k(curve: Sequence[KStability]) -> int | None:
    """The k with the highest mean stability; the smaller k on a tie (fewer topics are easier to read)."""
    if not curve:
        return None
    return min(curve, key=lambda point: (-round(point.mean, 4), point.k)).k


def curve_record(curve: Sequence[KStability], passages: int) -> dict:
    """The curve as plain JSON data, as the index keeps it: the passages it was measured on, and each k's values."""
    return {"passages": passages, "points": [{"k": point.k, "topics": list(point.topics)} for point in curve]}


def curve_from_record(record: dict) -> list[KStability]:
    """The curve back from its stored record."""
    return [KStability(int(point["k"]), tuple(float(v) for v in point["topics"])) for point in record["points"]]
