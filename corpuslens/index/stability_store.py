"""Stability curves kept across index rebuilds.

Measuring the stability of 4 to 12 topics takes 54 fits (half a minute on a corpus of a few hundred passages), and
it depends only on the passages' term counts and the topic settings, not on themes, actors or the catalog. An
expert editing themes.yaml rebuilds the index each time; keyed by a digest of what the curve depends on, the
curve of `<index root>/topic-stability/<digest>.json` is measured once and found again by every later build,
and by the dashboard and the command line when it was measured on request.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
from scipy import sparse

CURVES_FOLDER = "topic-stability"


def terms_digest(terms: sparse.csr_matrix, vocab, settings: dict) -> str:
    """A digest of everything a stability curve depends on: the term counts, the vocabulary, the topic settings."""
    terms = sparse.csr_matrix(terms)
    digest = hashlib.sha256()
    for part in (terms.indptr, terms.indices, terms.data):
        digest.update(np.ascontiguousarray(part).tobytes())
    digest.update("\n".join(map(str, vocab)).encode())
    wanted = {key: settings.get(key) for key in ("seed", "topic_fit_sample", "topic_k_range")}
    digest.update(json.dumps(wanted, sort_keys=True, default=list).encode())
    return digest.hexdigest()[:32]


def curve_path(index_root: Path, digest: str) -> Path:
    return index_root / CURVES_FOLDER / f"{digest}.json"


def read_curve(path: Path) -> dict | None:
    """A stored curve record, or None when there is none (or it cannot be read: it is then measured again)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("points"), list) else None


def write_curve(path: Path, record: dict) -> None:
    """Write so that no reader sees half a file; where nothing can be written, nothing is kept."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
