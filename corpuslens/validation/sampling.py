"""A seeded random sample of a target's passages in which no document dominates."""

from __future__ import annotations

import numpy as np

DEFAULT_SAMPLE = 20


def stratified_sample(passage_doc: np.ndarray, rows: np.ndarray, n: int, seed: int) -> np.ndarray:
    """Up to `n` of `rows` (passage rows), drawn round-robin over their documents.

    The documents are put in a random order and each one's passages shuffled, all from `seed`; then one
    passage is taken from each document in turn, so a long article gives no more than its share until
    the shorter ones run out. The same rows, seed and n always give the same sample, in the same order."""
    rows = np.asarray(rows, dtype=np.int64)
    if n <= 0 or not len(rows):
        return rows[:0]
    rng = np.random.default_rng(seed)
    docs = passage_doc[rows]
    queues = [rng.permutation(rows[docs == doc]) for doc in rng.permutation(np.unique(docs))]
    chosen: list[int] = []
    depth = 0
    while len(chosen) < n and any(depth < len(q) for q in queues):
        chosen.extend(int(q[depth]) for q in queues if depth < len(q))
        depth += 1
    return np.asarray(chosen[:n], dtype=np.int64)


def new_seed() -> int:
    """A fresh seed for a new sample: shown to the user and kept in the link, so the sample can be drawn again."""
    return int(np.random.default_rng().integers(1, 1_000_000))
