"""Top terms and term trends on a tiny hand-made count matrix."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from corpuslens.analysis.frequencies import (
    TOP_TERMS_COLUMNS,
    TREND_COLUMNS,
    phrase_mask,
    selection_counts,
    selection_passage_counts,
    term_trend,
    top_terms,
)

VOCAB = ["azerbaijan", "baku", "russia", "south caucasus", "energy"]
# passages x vocab counts
COUNTS = sp.csr_matrix(
    np.array(
        [
            [2, 0, 1, 1, 0],  # p0
            [1, 1, 0, 0, 0],  # p1
            [0, 0, 3, 2, 0],  # p2
            [0, 1, 0, 0, 0],  # p3
        ]
    )
)


def test_top_terms_by_hand():
    table = top_terms(COUNTS, VOCAB, n=10)
    assert list(table.columns) == TOP_TERMS_COLUMNS
    # counts: azerbaijan 3 (p0,p1), baku 2 (p1,p3), russia 4 (p0,p2), south caucasus 3 (p0,p2), energy 0.
    # Order: russia 4; azerbaijan 3 and south caucasus 3 tie -> alphabetical; baku 2; energy never occurs.
    assert table["term"].tolist() == ["russia", "azerbaijan", "south caucasus", "baku"]
    assert table["count"].tolist() == [4, 3, 3, 2]
    assert table["passages"].tolist() == [2, 2, 2, 2]


def test_top_terms_of_a_selection():
    # p1 and p3: baku 2 (2 passages), azerbaijan 1 (1 passage).
    table = top_terms(COUNTS, VOCAB, n=10, rows=np.array([False, True, False, True]))
    assert table.to_dict("list") == {"term": ["baku", "azerbaijan"], "count": [2, 1], "passages": [2, 1]}
    same = top_terms(COUNTS[[1, 3]], VOCAB, n=10)  # rows already sliced by the caller
    pd.testing.assert_frame_equal(table, same)
    assert top_terms(COUNTS, VOCAB, n=10, rows=[1, 3]).equals(table)


def test_top_terms_n_cuts_after_tie_break():
    table = top_terms(COUNTS, VOCAB, n=2)
    assert table["term"].tolist() == ["russia", "azerbaijan"]


def test_top_terms_words_or_phrases():
    assert top_terms(COUNTS, VOCAB, n=10, kind="phrases")["term"].tolist() == ["south caucasus"]
    words = top_terms(COUNTS, VOCAB, n=10, kind="words", is_phrase=phrase_mask(VOCAB))
    assert words["term"].tolist() == ["russia", "azerbaijan", "baku"]
    with pytest.raises(ValueError):
        top_terms(COUNTS, VOCAB, kind="bigrams")


def test_top_terms_empty_selection_has_columns():
    table = top_terms(COUNTS, VOCAB, n=10, rows=np.zeros(4, dtype=bool))
    assert table.empty and list(table.columns) == TOP_TERMS_COLUMNS
    empty_matrix = top_terms(sp.csr_matrix((0, 5)), VOCAB, n=10)
    assert empty_matrix.empty and list(empty_matrix.columns) == TOP_TERMS_COLUMNS


def test_selection_counts_and_passage_counts():
    mask = np.array([True, False, True, False])
    assert selection_counts(COUNTS, mask).tolist() == [2, 0, 4, 3, 0]
    assert selection_passage_counts(COUNTS, mask).tolist() == [1, 0, 2, 2, 0]
    assert selection_passage_counts(COUNTS).tolist() == [2, 2, 2, 2, 0]


def test_phrase_mask():
    assert phrase_mask(VOCAB).tolist() == [False, False, False, True, False]
    assert phrase_mask([]).size == 0


YEARS = [2018, 2018, 2019, 2020, None, 2020]
HITS = np.array([1, 0, 0, 2, 5, 0])
TOKENS = np.array([10, 10, 20, 30, 10, 10])


def test_term_trend_by_hand():
    trend = term_trend(HITS, YEARS, passage_terms=TOKENS)
    assert list(trend.columns) == TREND_COLUMNS
    # 2018: p0 (1 hit, 10 terms) + p1 (0, 10): count 1, passages 1 of 2, 1/20*1000 = 50 per 1000 terms
    # 2019: p2 (0, 20): present with count 0
    # 2020: p3 (2, 30) + p5 (0, 10): count 2, passages 1 of 2, 2/40*1000 = 50
    # p4 has no year: left out (its 5 hits cannot be placed in time)
    assert trend["year"].tolist() == [2018, 2019, 2020]
    assert trend["count"].tolist() == [1, 0, 2]
    assert trend["passages"].tolist() == [1, 0, 1]
    assert trend["n_passages"].tolist() == [2, 1, 2]
    assert trend["n_terms"].tolist() == [20, 20, 40]
    assert trend["per_1000_terms"].tolist() == pytest.approx([50.0, 0.0, 50.0])
    assert trend["share_of_passages"].tolist() == pytest.approx([0.5, 0.0, 0.5])


def test_term_trend_selection_and_sparse_column():
    column = sp.csr_matrix(HITS.reshape(-1, 1))
    trend = term_trend(column, YEARS, passage_terms=TOKENS, rows=[1, 2])
    # only p1 (2018, 0 hits, 10 terms) and p2 (2019, 0 hits, 20 terms)
    assert trend["year"].tolist() == [2018, 2019]
    assert trend["count"].tolist() == [0, 0]
    assert trend["n_terms"].tolist() == [10, 20]


def test_term_trend_years_without_text_are_absent():
    trend = term_trend([1, 1], [2016, 2018])
    assert trend["year"].tolist() == [2016, 2018]  # 2017 has no text: no row
    assert trend["per_1000_terms"].isna().all()  # no term totals given: no rate, not a made-up one
    assert trend["n_terms"].isna().all()


def test_term_trend_no_known_year_is_empty_with_columns():
    trend = term_trend([3, 1], [None, float("nan")])
    assert trend.empty and list(trend.columns) == TREND_COLUMNS
    assert term_trend([], []).empty
