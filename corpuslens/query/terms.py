"""The Terms view: top terms, distinctive terms, a term's trend and keyword in context."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.analysis import frequencies, keyness
from corpuslens.analysis.kwic import kwic as find_in_context
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.query.common import display_title, passage_ids
from corpuslens.selection import passages_with_words
from corpuslens.tokens import tokenize


def term_counts(index: CorpusIndex, mask: np.ndarray) -> np.ndarray:
    """The selection's count of every vocabulary term: what top terms, the word cloud and keyness share."""
    return frequencies.selection_counts(index.terms, mask)


def top_terms(index: CorpusIndex, mask: np.ndarray, n: int = 25, kind: str = "all",
              counts: np.ndarray | None = None) -> pd.DataFrame:
    """The selection's most frequent words and phrases: term, count, passages.

    `counts` (`term_counts` of the same mask) saves recounting when the caller already has them."""
    return frequencies.top_terms(index.terms_by_column, index.vocab, n=n, kind=kind, rows=mask,
                                 is_phrase=index.is_phrase, counts=counts)


def cloud_frequencies(index: CorpusIndex, mask: np.ndarray, n: int = 120,
                      counts: np.ndarray | None = None) -> dict[str, int]:
    table = top_terms(index, mask, n=n, kind="all", counts=counts)
    return dict(zip(table["term"], table["count"].astype(int)))


def distinctive_terms(index: CorpusIndex, mask_a: np.ndarray, mask_b: np.ndarray | None = None, top: int = 20,
                      counts_a: np.ndarray | None = None) -> pd.DataFrame:
    """Terms over-represented in A versus B (default B: the rest of the corpus), both sides.

    Columns term, count_a, count_b, log_odds, z, side ("a"/"b"). The prior is the whole corpus.
    `counts_a` (`term_counts` of mask_a) saves recounting when the caller already has them.
    """
    if counts_a is None:
        counts_a = term_counts(index, mask_a)
    live = index.live_docs[index.passage_doc]
    if mask_b is None and not (mask_a & ~live).any():
        counts_b = index.live_term_counts - counts_a  # the rest, without a second pass over the matrix
    else:
        counts_b = term_counts(index, comparison_mask(index, mask_a, mask_b))
    return keyness.distinctive_terms(counts_a, counts_b, index.vocab, prior=index.corpus_term_counts, top=top, side="both",
                                     min_count=2)


def comparison_mask(index: CorpusIndex, mask_a: np.ndarray, mask_b: np.ndarray | None = None) -> np.ndarray:
    """The passages side A is compared with: `mask_b` if given, else the rest of the corpus (duplicates left out)."""
    return ~mask_a & index.live_docs[index.passage_doc] if mask_b is None else mask_b


def default_term(table: pd.DataFrame) -> str:
    """The term a term view shows before the user chooses one: the selection's most frequent (first of a top-terms table)."""
    return str(table["term"].iloc[0]) if len(table) else ""


def term_column(index: CorpusIndex, term: str) -> int | None:
    """The vocabulary column of a typed term (folded and tokenised like the index), if any."""
    words = [w for w in tokenize(term) if w]
    return index.term_column.get(" ".join(words)) if words else None


def term_trend(index: CorpusIndex, mask: np.ndarray, term: str) -> pd.DataFrame:
    """Occurrences of the term per year in the selection, with a rate per 1,000 terms."""
    column = term_column(index, term)
    counts = np.zeros(index.n_passages) if column is None else index.terms_by_column[:, column]
    return frequencies.term_trend(counts, index.passage_year, index.passage_term_totals, rows=mask)


KWIC_COLUMNS = ["passage", "doc", "title", "year", "left", "match", "right"]


def kwic(index: CorpusIndex, mask: np.ndarray, term: str, width: int = 70, limit: int | None = 300) -> pd.DataFrame:
    """Every occurrence of the term in the selection (the first `limit`; None: all), with its context and document."""
    if not term.strip():
        return pd.DataFrame(columns=KWIC_COLUMNS)
    # The term matrix says which passages can contain the term; only those are scanned.
    rows = np.flatnonzero(mask & passages_with_words(index, term))
    texts = index.passages["text"].to_numpy()[rows]
    hits = find_in_context(list(texts), term, width=width, limit=limit)
    if not hits:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    hit_rows = rows[[h["row"] for h in hits]]
    docs = index.docs.iloc[index.passage_doc[hit_rows]]
    return pd.DataFrame(
        {
            "passage": passage_ids(index, hit_rows),
            "doc": docs["id"].to_numpy(),
            "title": [display_title(t) for t in docs["title"]],
            "year": docs["year"].to_numpy(),
            "left": [h["left"] for h in hits],
            "match": [h["match"] for h in hits],
            "right": [h["right"] for h in hits],
        },
        columns=KWIC_COLUMNS,
    )
