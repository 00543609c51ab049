"""The helpers the Terms and Actors pages ask the engine for, on the tiny corpus of conftest.py."""

from __future__ import annotations

import pandas as pd
import pytest

from corpuslens.figures.terms import bar_order
from corpuslens.filters import Filters
from corpuslens.query import actors, terms
from corpuslens.selection import selection_mask


def select(index, **filters):
    return selection_mask(index, Filters(**filters))


def test_rest_of_the_corpus_is_the_other_side_by_default(tiny_index):
    mask_a = select(tiny_index, authors=("Ann Lee",))  # p0, p1
    rest = terms.comparison_mask(tiny_index, mask_a)
    assert list(rest) == [False, False, True, True, True]
    mask_b = select(tiny_index, authors=("Bob Stone",))
    assert list(terms.comparison_mask(tiny_index, mask_a, mask_b)) == list(mask_b)


def test_default_term_is_the_most_frequent_and_empty_without_terms(tiny_index):
    table = terms.top_terms(tiny_index, select(tiny_index), 5)
    # No term occurs more than twice; of those twice (baku, gas, pipeline, russia), "baku" comes first alphabetically.
    assert list(table["count"])[:1] == [2]
    assert terms.default_term(table) == "baku"
    assert terms.default_term(table.iloc[0:0]) == ""


def test_bar_order_puts_ties_with_more_passages_first():
    table = pd.DataFrame({"term": ["a", "b", "c"], "count": [3, 5, 5], "passages": [1, 2, 4]})
    assert list(bar_order(table)["term"]) == ["c", "b", "a"]


def test_heatmap_cell_gives_its_row_and_column_actors(tiny_index):
    result = actors.co_mentions(tiny_index, select(tiny_index), top=10)
    first, second = result.ids[0], result.ids[1]
    assert result.pair_at(0, 1) == (first, second)
    assert result.pair_at(1, 0) == (second, first)
    assert result.pair_at(1, 1) is None  # the diagonal is one actor, not a pair
    assert result.pair_at(0, len(result.ids)) is None


def test_pairs_table_has_each_pair_once_with_count_and_measure(tiny_index):
    result = actors.co_mentions(tiny_index, select(tiny_index), window="sentence", measure="jaccard", top=10)
    table = result.pairs_table()
    n = len(result.ids)
    assert len(table) == n * (n + 1) // 2
    row = table[(table["actor_a"].isin(["russia", "azerbaijan"])) & (table["actor_b"].isin(["russia", "azerbaijan"]))
                & (table["actor_a"] != table["actor_b"])].iloc[0]
    assert row["sentences_naming_both"] == 2
    assert row["jaccard"] == pytest.approx(2 / (3 + 3 - 2))
    assert set(table["sentences_in_selection"]) == {7}
    counts = actors.co_mentions(tiny_index, select(tiny_index), measure="count").pairs_table()
    assert "count" not in counts.columns  # the raw count is already there


@pytest.mark.parametrize("value, expected", [
    ("russia", "russia"), ("Moscow", "russia"), ("  baku ", "azerbaijan"), ("Vladimir Putin", "putin"),
    ("nobody", None), ("", None), ("<script>", None),
])
def test_resolve_actor_by_id_name_or_alias(tiny_index, value, expected):
    assert actors.resolve_actor(tiny_index, value) == expected


def test_trend_actors_prefer_the_chosen_pair(tiny_index):
    result = actors.co_mentions(tiny_index, select(tiny_index), top=10)
    assert actors.trend_actors(result, "iran", "russia") == ["iran", "russia"]
    assert actors.trend_actors(result, "iran", "") == ["iran"]
    assert actors.trend_actors(result, "", "", n=2) == result.ids[:2]


@pytest.mark.parametrize("filters", [{}, {"authors": ("Ann Lee",)}, {"themes": ("energy",)}, {"query": "russia"}])
def test_shared_term_counts_give_the_same_tables_as_counting_afresh(tiny_index, filters):
    """The Terms page counts a selection once and reuses it; every table must equal a direct count."""
    from corpuslens.analysis import frequencies, keyness

    mask = select(tiny_index, **filters)
    counts = terms.term_counts(tiny_index, mask)
    row_major = frequencies.top_terms(tiny_index.terms, tiny_index.vocab, n=10, rows=mask)  # the CSR path
    pd.testing.assert_frame_equal(terms.top_terms(tiny_index, mask, 10, counts=counts), row_major)
    pd.testing.assert_frame_equal(terms.top_terms(tiny_index, mask, 10), row_major)
    rest = frequencies.selection_counts(tiny_index.terms, terms.comparison_mask(tiny_index, mask))
    direct = keyness.distinctive_terms(counts, rest, tiny_index.vocab, prior=tiny_index.corpus_term_counts, top=20,
                                       side="both", min_count=2)
    pd.testing.assert_frame_equal(terms.distinctive_terms(tiny_index, mask, None, 20, counts_a=counts), direct)
