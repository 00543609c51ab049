"""Every tunable of the index and its analyses, in one frozen place.

The index fingerprint includes `IndexSettings`, so changing any of these rebuilds the index.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DATA = PROJECT_ROOT / "data"

# Bump when the stored layout or any build step changes meaning: old indexes are then rebuilt.
INDEX_FORMAT = 7

# Files larger than this are reported and skipped. 5 MB is ~50 times the longest article we
# have seen; anything bigger is a dump or a binary, not an article.
MAX_FILE_BYTES = 5_000_000

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

# Articles a visitor adds in the browser, for their session only (corpuslens/ingest/uploads.py).
# Bounded so one session cannot hold much memory or CPU on a shared server: a long article is ~100 KB.
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 1_000_000  # per file
MAX_UPLOAD_TOTAL_BYTES = 5_000_000  # per session


# The number of topics of a large corpus whose stability curve was not measured at build, when nothing fixes it.
FALLBACK_TOPICS = 8


@dataclass(frozen=True)
class IndexSettings:
    # The index's own number of topics, the default of every view. None: the one topics.yaml fixes, else the most
    # stable number in topic_k_range when the stability curve is measured at build, else FALLBACK_TOPICS.
    n_topics: int | None = None
    # The numbers of topics whose stability is compared (inclusive): fewer than 4 topics lump unrelated subjects,
    # and beyond 12 a few hundred articles give topics of a handful of passages.
    topic_k_range: tuple[int, int] = (4, 12)
    # Up to this many passages the build measures the stability of every k in topic_k_range (a fit and 5 refits
    # each, measured on 2 busy cores: 1 s for the shipped 68 passages, 30 s at 560, 40-70 s at 1,150, 60 s at
    # 2,300, 110-170 s at 22,000), so a small hand-collected corpus opens at its most stable k; beyond it the
    # Topics page and `topics --stability-by-k` measure it on request (kept by corpuslens.index.stability_store),
    # and the index keeps FALLBACK_TOPICS unless topics.yaml fixes k. 400: a folder of a few dozen articles waits
    # ~20 s more on its first start; a folder of a hundred would wait a minute, so it asks instead.
    stability_curve_at_build: int = 400
    # Paragraphs longer than this many words are split at sentence boundaries.
    max_passage_words: int = 150
    # Jaccard similarity of word 5-gram shingles above which two documents are near duplicates.
    near_duplicate_threshold: float = 0.8
    # Two-word phrases must occur in at least this many passages to enter the vocabulary
    # (single words always do, so search and KWIC can find any word).
    phrase_min_passages: int = 2
    # Upper bound on passages used to fit the topic model; the rest are projected with transform.
    topic_fit_sample: int = 20_000
    seed: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder: an explicit one, else $CORPUSLENS_DATA, else the shipped data/."""
    chosen = explicit or os.environ.get("CORPUSLENS_DATA") or SHIPPED_DATA
    return Path(chosen).expanduser().resolve()


def knowledge_file(data: Path, name: str) -> Path:
    """A lexicon: the data folder's own if it has one, else the shipped one. The catalog is never
    borrowed: it states facts about one folder's files, so a folder without catalog.csv has none."""
    own = data / name
    if name == "catalog.csv":
        return own
    return own if own.exists() else SHIPPED_DATA / name
