"""Find copies: the same article saved twice, or saved twice with small differences.

Exact duplicates share the hash of their normalised text (case-folded, whitespace collapsed).
Near duplicates have a Jaccard similarity of word 5-gram shingles at or above the threshold.
Comparing every pair is quadratic, so candidates come from MinHash with locality-sensitive
hashing (16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with probability
> 0.999, a pair at 0.3 with probability ~0.12), and each candidate pair is then verified with the
exact Jaccard of the shingle sets. Hashing is numpy arithmetic on word ids, so it is the same in
every process (Python's own str hash is salted per process) and fast on 10,000 documents.

Documents are taken in the order given (sorted by file): a later one is marked the duplicate of
the earliest original it matches, with duplicate_kind "exact" or "near".
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from corpuslens.model import Document
from corpuslens.textnorm import fold

SHINGLE_WORDS = 5
BANDS, ROWS = 16, 4
_WORD = re.compile(r"\w+")
_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def normalised_text(paragraphs: list[str]) -> str:
    return " ".join(fold(" ".join(paragraphs)).split())


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads nearby integers over all 64 bits."""
    with np.errstate(over="ignore"):
        z = values + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def shingle_set(text: str, vocabulary: dict[str, int]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's word 5-grams (the whole text if shorter)."""
    ids = np.fromiter((vocabulary.setdefault(w, len(vocabulary)) for w in _WORD.findall(text)), dtype=np.uint64)
    if ids.size == 0:
        return ids
    ids = _mix(ids)
    width = min(SHINGLE_WORDS, ids.size)
    count = ids.size - width + 1
    with np.errstate(over="ignore"):
        hashes = np.zeros(count, dtype=np.uint64)
        for offset in range(width):
            hashes = _mix(hashes ^ ids[offset : offset + count])
    return np.unique(hashes)


def _permutations(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)
    return a, b


def minhash(shingles: np.ndarray, a: np.ndarray, b: np.ndarray, chunk: int = 4096) -> np.ndarray:
    signature = np.full(a.size, _MASK, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, shingles.size, chunk):
            block = shingles[start : start + chunk, None] * a + b
            np.minimum(signature, block.min(axis=0), out=signature)
    return signature


def jaccard(x: np.ndarray, y: np.ndarray) -> float:
    if x.size == 0 and y.size == 0:
        return 1.0
    shared = np.intersect1d(x, y, assume_unique=True).size
    return shared / (x.size + y.size - shared)


def mark_duplicates(docs: list[Document], threshold: float) -> None:
    """Set content_hash on every document, and duplicate_of/duplicate_kind on the copies."""
    originals_by_hash: dict[str, Document] = {}
    texts = [normalised_text(doc.paragraphs) for doc in docs]
    for doc, text in zip(docs, texts):
        # Equal for texts that differ only in case or spacing.
        doc.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        original = originals_by_hash.setdefault(doc.content_hash, doc)
        if original is not doc:
            doc.duplicate_of, doc.duplicate_kind = original.id, "exact"

    kept = [i for i, d in enumerate(docs) if d.duplicate_of is None]
    candidates = [docs[i] for i in kept]
    vocabulary: dict[str, int] = {}
    shingles = [shingle_set(texts[i], vocabulary) for i in kept]
    a, b = _permutations()
    root = list(range(len(candidates)))  # candidate -> the original it copies (itself if none)
    buckets: dict[bytes, list[int]] = {}
    for j, doc in enumerate(candidates):
        if shingles[j].size == 0:
            continue
        signature = minhash(shingles[j], a, b)
        seen: set[int] = set()
        for band in range(BANDS):
            key = band.to_bytes(1, "little") + signature[band * ROWS : (band + 1) * ROWS].tobytes()
            bucket = buckets.setdefault(key, [])
            seen.update(bucket)
            bucket.append(j)
        for i in sorted(seen):
            if jaccard(shingles[i], shingles[j]) >= threshold:
                root[j] = root[i]
                doc.duplicate_of, doc.duplicate_kind = candidates[root[i]].id, "near"
                break
