"""Topic clusters of passages: TF-IDF + NMF, a 2-D map, and topic prevalence by group.

Fitted once per corpus and settings by the index; the dashboard only slices the stored `doc_topic_`, `topic_` and
`coords_`. Deterministic: the same matrix, vocabulary and parameters give bit-identical results.
"""

from __future__ import annotations

from collections.abc import Sequence

import warnings

import numpy as np
import pandas as pd
import scipy.sparse as sp

from corpuslens.analysis.frequencies import phrase_mask

LABEL_SEPARATOR = " · "
NO_TOPIC = -1


class TopicModel:
    """NMF topics over TF-IDF weighted passage-term counts, in scikit-learn estimator style.

    Parameters (stored as given; nothing is computed in __init__):
      n_topics - the number of topics asked for; capped at the number of usable passages and terms.
      seed - seeds the fit sample, the NNDSVDa initialisation and the map jitter.
      max_fit_samples - NMF is fitted on at most this many passages (a seeded sample), then every passage is
        projected with transform: fitting cost stays bounded on a 100,000-passage corpus.
      n_top_terms - how many terms describe each topic in `top_terms_`; the label uses the first three.
      min_df - a term must appear in at least this many passages to be used (rarer terms cannot shape a topic,
        and dropping them shrinks the matrix); relaxed to 1 when that would leave fewer terms than topics.
      max_terms - at most this many words (those in the most passages) are used: halves the fit time on a
        150,000-term vocabulary, and terms beyond the 20,000 most widespread are too rare to shape a topic.
      max_iter - NMF iteration cap; a fit that reaches it is still usable (converged_ says so, no warning).

    Only single-word columns are used. A two-word phrase in the count matrix repeats the words it is made of,
    so including phrases counts those words twice and lets a frequent collocation ("south caucasus") dominate a
    topic by itself; single words already carry the signal, and the matrix is about half as wide.

    Fitted attributes:
      components_ (k x vocab float64: each topic's weight per vocabulary term, zero for unused columns),
      top_terms_ (k lists of terms), labels_ (k strings, e.g. "lavrov · mediator · minsk"),
      doc_topic_ (passages x k float32, rows sum to 1, all zero for a passage with no usable term),
      topic_ (int64 argmax per passage, -1 for a passage with no usable term),
      coords_ (passages x 2 float32 map positions), anchors_ (k x 2: each topic's place on the map),
      n_topics_ (the k actually used), n_iter_ and converged_ (NMF's iterations).
    Topics are numbered by decreasing prevalence: topic 0 is the largest.
    """

    def __init__(self, n_topics: int = 8, seed: int = 0, max_fit_samples: int = 20_000, n_top_terms: int = 10,
                 min_df: int = 2, max_terms: int = 20_000, max_iter: int = 400):
        self.n_topics = n_topics
        self.seed = seed
        self.max_fit_samples = max_fit_samples
        self.n_top_terms = n_top_terms
        self.min_df = min_df
        self.max_terms = max_terms
        self.max_iter = max_iter

    def fit(self, counts_csr, vocab: Sequence[str]) -> "TopicModel":
        """Fit on the passages x vocab count matrix; learned attributes cover every row of it."""
        counts = sp.csr_matrix(counts_csr)  # no copy when it is already CSR
        terms = np.asarray(vocab, dtype=str)
        n_rows, n_cols = counts.shape
        if terms.size != n_cols:
            raise ValueError(f"vocab has {terms.size} terms for {n_cols} columns")

        columns = self._usable_columns(counts, terms)
        x = counts[:, columns].astype(np.float64)
        x.eliminate_zeros()
        nonempty = np.flatnonzero(np.diff(x.indptr) > 0)
        k = int(min(self.n_topics, nonempty.size, columns.size))
        self.n_topics_ = max(k, 0)
        if k <= 0:
            return self._set_empty(n_rows, n_cols)

        # scikit-learn is imported when a model is fitted, not when the dashboard starts on a built index (0.5 s).
        from sklearn.decomposition import NMF
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.feature_extraction.text import TfidfTransformer

        tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(x)
        rng = np.random.default_rng(self.seed)
        fit_rows = nonempty
        if nonempty.size > self.max_fit_samples:
            fit_rows = np.sort(rng.choice(nonempty, size=self.max_fit_samples, replace=False))
        nmf = NMF(n_components=k, init="nndsvda", random_state=self.seed, max_iter=self.max_iter, tol=1e-4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            # An exact fit (as many topics as passages, on a tiny corpus) leaves a loss of minus a rounding
            # error, whose square root sklearn takes: a warning about nothing.
            warnings.filterwarnings("ignore", "invalid value encountered in sqrt", RuntimeWarning)
            nmf.fit(tfidf[fit_rows])
        self.n_iter_ = int(nmf.n_iter_)
        self.converged_ = self.n_iter_ < self.max_iter
        weights = np.asarray(nmf.transform(tfidf), dtype=np.float64)

        # Number topics by prevalence so topic 0 is the biggest: stable names for the same corpus.
        order = np.lexsort((np.arange(k), -weights.sum(axis=0)))
        weights, h = weights[:, order], nmf.components_[order]

        totals = weights.sum(axis=1)
        has_topic = totals > 0
        doc_topic = np.zeros_like(weights)
        doc_topic[has_topic] = weights[has_topic] / totals[has_topic, None]

        self.components_ = np.zeros((k, n_cols))
        self.components_[:, columns] = h
        self.top_terms_ = [self._top(row, terms) for row in self.components_]
        self.labels_ = [LABEL_SEPARATOR.join(t[:3]) if t else "(empty topic)" for t in self.top_terms_]
        self.doc_topic_ = doc_topic.astype(np.float32)
        self.topic_ = np.where(has_topic, doc_topic.argmax(axis=1), NO_TOPIC).astype(np.int64)
        self.anchors_ = _topic_anchors(self.components_)
        self.coords_ = _map_positions(doc_topic, has_topic, self.anchors_, self.seed)
        return self

    def _usable_columns(self, counts: sp.csr_matrix, terms: np.ndarray) -> np.ndarray:
        """Single-word columns seen in at least min_df passages (min_df relaxed to 1 on a tiny corpus), at most
        max_terms of them: those in the most passages, ties by column, returned in column order."""
        df = np.bincount(counts.indices[counts.data != 0], minlength=counts.shape[1])
        words = ~phrase_mask(terms) if terms.size else np.zeros(0, dtype=bool)
        columns = np.flatnonzero(words & (df >= self.min_df))
        if columns.size < self.n_topics:
            columns = np.flatnonzero(words & (df >= 1))
        if columns.size > self.max_terms:
            columns = np.sort(columns[np.lexsort((columns, -df[columns]))[: self.max_terms]])
        return columns

    def _top(self, weights: np.ndarray, terms: np.ndarray) -> list[str]:
        """The topic's n_top_terms heaviest terms, ties by term so the labels never flicker."""
        positive = np.flatnonzero(weights > 0)
        order = np.lexsort((terms[positive], -weights[positive]))
        return [str(t) for t in terms[positive[order[: self.n_top_terms]]]]

    def _set_empty(self, n_rows: int, n_cols: int) -> "TopicModel":
        """No usable terms: a model with zero topics in which every passage has no topic."""
        self.n_iter_, self.converged_ = 0, True
        self.components_ = np.zeros((0, n_cols))
        self.top_terms_, self.labels_ = [], []
        self.doc_topic_ = np.zeros((n_rows, 0), dtype=np.float32)
        self.topic_ = np.full(n_rows, NO_TOPIC, dtype=np.int64)
        self.anchors_ = np.zeros((0, 2))
        self.coords_ = _map_positions(np.zeros((n_rows, 0)), np.zeros(n_rows, bool), self.anchors_, self.seed)
        return self


def _topic_anchors(components: np.ndarray) -> np.ndarray:
    """k points on the unit circle, one per topic, with similar topics (cosine of term weights) side by side.

    The circle keeps every topic equally visible; the order around it is a greedy nearest-neighbour tour from
    topic 0, so a passage mixing two related topics lands between them rather than across the map."""
    k = components.shape[0]
    if k == 0:
        return np.zeros((0, 2))
    norms = np.linalg.norm(components, axis=1)
    unit = components / np.where(norms > 0, norms, 1.0)[:, None]
    similarity = unit @ unit.T
    tour, left = [0], set(range(1, k))
    while left:
        last = tour[-1]
        nxt = max(sorted(left), key=lambda t: similarity[last, t])  # first best on ties: deterministic
        tour.append(nxt)
        left.remove(nxt)
    angles = np.empty(k)
    angles[tour] = np.pi / 2 - 2 * np.pi * np.arange(k) / k  # topic 0 at the top, then clockwise
    return np.column_stack([np.cos(angles), np.sin(angles)])


def _map_positions(doc_topic: np.ndarray, has_topic: np.ndarray, anchors: np.ndarray, seed: int) -> np.ndarray:
    """Each passage at the mean of the topic anchors weighted by its squared topic shares, plus seeded jitter.

    Squaring sharpens the weights so passages gather near their main topic instead of collapsing to the centre;
    the jitter (sd 0.06 of the circle's radius) spreads passages that would otherwise sit on the same point.
    Passages with no topic sit around the centre. O(passages x topics): instant at 100,000 passages."""
    n = doc_topic.shape[0]
    sharp = np.square(doc_topic)
    totals = sharp.sum(axis=1, keepdims=True)
    sharp = np.divide(sharp, totals, out=np.zeros_like(sharp), where=totals > 0)
    xy = sharp @ anchors if anchors.size else np.zeros((n, 2))
    xy[~has_topic] = 0.0
    jitter = np.random.default_rng(seed).normal(scale=0.06, size=(n, 2))
    return (xy + jitter).astype(np.float32)


def prevalence(doc_topic, groups, weights=None) -> pd.DataFrame:
    """Each group's mean topic share, as a long table: group, topic, share, passages.

    `doc_topic` is passages x k (rows summing to 1, or all zero for a passage with no topic), `groups` one label
    per passage (a year, an author; missing values form one last group with a missing label, because unknown
    is shown as unknown),
    `weights` optional per-passage weights (e.g. passage length) for a weighted mean. Passages with no topic are
    left out, so each group's shares sum to 1. `passages` is the number of passages with a topic in the group.
    Groups in sorted order, topics ascending; no passages gives an empty table with these columns.
    """
    columns = ["group", "topic", "share", "passages"]
    dt = np.asarray(doc_topic, dtype=np.float64)
    if dt.ndim != 2:
        raise ValueError("doc_topic must be a passages x topics matrix")
    if isinstance(groups, pd.Series):
        labels = groups
    elif isinstance(groups, np.ndarray):
        labels = pd.Series(groups)
    else:  # a list may mix years and None: keep the values as they are rather than turn them into floats
        labels = pd.Series(list(groups), dtype=object)
    if labels.size != dt.shape[0]:
        raise ValueError(f"{labels.size} group labels for {dt.shape[0]} passages")
    w = np.ones(dt.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    keep = (dt.sum(axis=1) > 0) & (w > 0)
    if not keep.any() or dt.shape[1] == 0:
        return pd.DataFrame({"group": pd.Series(dtype=object), "topic": pd.Series(dtype=np.int64),
                             "share": pd.Series(dtype=np.float64), "passages": pd.Series(dtype=np.int64)})
    dt, w, labels = dt[keep], w[keep], labels[keep].reset_index(drop=True)
    codes, found = pd.factorize(labels, sort=True)
    uniques = list(found)
    if (codes < 0).any():  # missing labels: one last group, labelled None
        codes = np.where(codes < 0, len(uniques), codes)
        uniques.append(None)
    n_groups, k = len(uniques), dt.shape[1]
    weight_sum = np.bincount(codes, weights=w, minlength=n_groups)
    shares = np.zeros((n_groups, k))
    for t in range(k):  # a loop over topics (k is small), never over passages
        shares[:, t] = np.bincount(codes, weights=dt[:, t] * w, minlength=n_groups)
    shares /= weight_sum[:, None]
    count = np.bincount(codes, minlength=n_groups)
    return pd.DataFrame(
        {
            "group": np.repeat(np.asarray(uniques, dtype=object), k),
            "topic": np.tile(np.arange(k, dtype=np.int64), n_groups),
            "share": shares.ravel(),
            "passages": np.repeat(count, k).astype(np.int64),
        },
        columns=columns,
    )
