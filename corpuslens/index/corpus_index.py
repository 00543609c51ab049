"""The built index: every table and matrix a view needs, precomputed once per corpus.

A filter change only slices these structures with a boolean passage mask; nothing here is
refitted per request. Row i of every passage-level matrix is passage i of `passages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from corpuslens.filters import UNKNOWN
from corpuslens.model import METADATA_FIELDS, Actor, SkippedFile, Theme


def _rows_by_value(values: pd.Series) -> dict[str, np.ndarray]:
    """Value -> rows holding it, for a column of lists of values; UNKNOWN -> rows with none."""
    rows: dict[str, list[int]] = {}
    for row, names in enumerate(values):
        for name in names or [UNKNOWN]:
            rows.setdefault(name, []).append(row)
    return {name: np.asarray(r, dtype=np.int64) for name, r in rows.items()}


def _rows_by_single_value(values: pd.Series) -> dict[str, np.ndarray]:
    """`_rows_by_value` for a column of one value per row, where an empty string or NaN is unknown."""
    return _rows_by_value(values.map(lambda v: [v] if isinstance(v, str) and v else []))


@dataclass
class Topics:
    """One fitted topic model's view of the passages: weights, best topic, map position, top terms."""

    doc_topic: np.ndarray  # passages x k, rows sum to 1 (0 for passages without terms)
    topic: np.ndarray  # best topic per passage, -1 when none
    coords: np.ndarray  # passages x 2
    terms: list[list[str]]

    @property
    def n_topics(self) -> int:
        return self.doc_topic.shape[1]


@dataclass
class CorpusIndex:
    manifest: dict
    # One row per document, duplicates included (they own no passages). Columns: id, file,
    # title, authors (list), publication, date, year (Int64), url, provenance (dict),
    # duplicate_of, duplicate_kind, passages, themes (dict id -> share), removed (list), encoding.
    docs: pd.DataFrame
    # One row per passage. Columns: doc (row in docs), position (within its document), text,
    # topic (-1 when the passage has no terms), x, y (map position), year (Int64).
    passages: pd.DataFrame
    sentence_passage: np.ndarray  # sentence -> passage row
    sentence_spans: np.ndarray  # sentence -> (start, end) in its passage's text
    # Actor mentions: passage, sentence, actor (column in actor matrices), start, end, alias.
    mentions: pd.DataFrame
    terms: sparse.csr_matrix  # passages x vocab: counts of words and two-word phrases
    vocab: np.ndarray
    theme_hits: sparse.csr_matrix  # passages x themes: lexicon term matches
    actor_passage: sparse.csr_matrix  # passages x actors: mention counts
    actor_sentence: sparse.csr_matrix  # sentences x actors: 1 where mentioned
    names: sparse.csr_matrix  # passages x name_vocab: proper names no actor covers
    name_vocab: np.ndarray
    doc_topic: np.ndarray  # passages x topics, rows sum to 1 (0 for empty passages)
    topic_terms: list[list[str]]
    topic_labels: list[str]
    themes: list[Theme]
    actors: list[Actor]
    skipped: list[SkippedFile] = field(default_factory=list)
    path: Path | None = None

    def __post_init__(self) -> None:
        # pandas reads parquet strings as Arrow-backed columns, and every `.to_numpy()` of one builds
        # new Python strings (40 ms for the texts of 100k passages, on every filter change). Plain
        # object columns convert once here and are free to read afterwards.
        for table in (self.docs, self.passages):
            for column in table.columns:
                if isinstance(table[column].dtype, pd.StringDtype):
                    table[column] = table[column].astype(object)

    # -- lookups -------------------------------------------------------------------------

    @cached_property
    def term_column(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.vocab)}

    @cached_property
    def theme_column(self) -> dict[str, int]:
        return {t.id: i for i, t in enumerate(self.themes)}

    @cached_property
    def actor_column(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.actors)}

    @cached_property
    def passage_doc(self) -> np.ndarray:
        return self.passages["doc"].to_numpy(np.int64)

    @cached_property
    def passage_year(self) -> np.ndarray:
        """Year per passage as float (NaN when unknown), for fast range masks."""
        return self.passages["year"].to_numpy(dtype=float, na_value=np.nan)

    @cached_property
    def doc_provenance(self) -> pd.DataFrame:
        """docs x metadata fields: where each value came from ("unknown" when nowhere), read out of the
        per-document dicts once instead of per cell on every filter change (15 ms for 10,000 documents)."""
        sources = [p or {} for p in self.docs["provenance"]]
        return pd.DataFrame({name: [s.get(name, "unknown") for s in sources] for name in METADATA_FIELDS},
                            dtype=object)

    @cached_property
    def theme_tagged(self) -> sparse.csc_matrix:
        """passages x themes, True where the passage is tagged; column slicing is fast."""
        return (self.theme_hits > 0).tocsc()

    @cached_property
    def actor_mentioned(self) -> sparse.csc_matrix:
        return (self.actor_passage > 0).tocsc()

    @cached_property
    def terms_by_column(self) -> sparse.csc_matrix:
        """The term counts column-major, so one term's passages and counts come out without a scan."""
        return self.terms.tocsc()

    @cached_property
    def live_term_counts(self) -> np.ndarray:
        """Term counts of every passage of a live (not duplicate) document: "the rest" is this minus a selection."""
        live = self.live_docs[self.passage_doc]
        return np.asarray(self.terms.T @ live.astype(self.terms.dtype)).ravel()

    @cached_property
    def passage_term_totals(self) -> np.ndarray:
        return np.asarray(self.terms.sum(axis=1)).ravel()

    @cached_property
    def is_phrase(self) -> np.ndarray:
        return np.char.find(self.vocab.astype(str), " ") >= 0 if len(self.vocab) else np.zeros(0, dtype=bool)

    @cached_property
    def corpus_term_counts(self) -> np.ndarray:
        """Whole-corpus term counts: the informative prior of distinctive-term comparisons."""
        return np.asarray(self.terms.sum(axis=0)).ravel()

    @cached_property
    def live_docs(self) -> np.ndarray:
        """Boolean per document: False for duplicates, which are kept out of every count."""
        return self.docs["duplicate_of"].isna().to_numpy()

    @cached_property
    def topics(self) -> Topics:
        """The topic model fitted at build time (with the settings' number of topics)."""
        return Topics(
            doc_topic=self.doc_topic,
            topic=self.passages["topic"].to_numpy(),
            coords=self.passages[["x", "y"]].to_numpy(),
            terms=self.topic_terms,
        )

    @cached_property
    def author_docs(self) -> dict[str, np.ndarray]:
        """Author name -> rows of their documents; UNKNOWN -> documents with no known author."""
        return _rows_by_value(self.docs["authors"])

    @cached_property
    def publication_docs(self) -> dict[str, np.ndarray]:
        return _rows_by_single_value(self.docs["publication"])

    @cached_property
    def language_docs(self) -> dict[str, np.ndarray]:
        """Language -> rows of its documents; UNKNOWN -> documents whose language was not told."""
        return _rows_by_single_value(self.docs["language"])

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(self.manifest.get("stopwords", ()))

    @property
    def n_passages(self) -> int:
        return len(self.passages)

    @property
    def n_topics(self) -> int:
        return self.doc_topic.shape[1]

    def theme(self, theme_id: str) -> Theme:
        return self.themes[self.theme_column[theme_id]]

    def actor(self, actor_id: str) -> Actor:
        return self.actors[self.actor_column[actor_id]]
