"""Filters select the passages a user expects (tiny corpus; passages listed in conftest.py)."""

from __future__ import annotations

import numpy as np

from corpuslens.filters import UNKNOWN, Filters
from corpuslens.selection import selection_mask


def selected(index, **filters) -> list[int]:
    return list(np.flatnonzero(selection_mask(index, Filters(**filters))))


def test_no_filter_selects_every_passage(tiny_index):
    assert selected(tiny_index) == [0, 1, 2, 3, 4]


def test_author_filter_and_unknown_author(tiny_index):
    assert selected(tiny_index, authors=("Ann Lee",)) == [0, 1]
    assert selected(tiny_index, authors=("Ann Lee", "Bob Stone")) == [0, 1, 2, 3]
    assert selected(tiny_index, authors=(UNKNOWN,)) == [4]
    assert selected(tiny_index, authors=("Nobody",)) == []


def test_year_range_leaves_out_unknown_years(tiny_index):
    assert selected(tiny_index, year_from=2021) == [2, 3]
    assert selected(tiny_index, year_to=2020) == [0, 1]
    assert selected(tiny_index, year_from=2020, year_to=2021) == [0, 1, 2, 3]  # c.txt has no year


def test_theme_filter_takes_passages_tagged_with_any_chosen_theme(tiny_index):
    assert selected(tiny_index, themes=("energy",)) == [0, 1, 4]
    assert selected(tiny_index, themes=("peace", "war")) == [1, 2]


def test_actor_filter_matches_any_alias(tiny_index):
    # Azerbaijan is named as "Baku" in p0 and p2, and as "Azerbaijan" in p0.
    assert selected(tiny_index, actors=("azerbaijan",)) == [0, 2]
    assert selected(tiny_index, actors=("iran", "ukraine")) == [1, 4]


def test_fields_combine_and_values_within_a_field_are_alternatives(tiny_index):
    assert selected(tiny_index, themes=("energy",), authors=("Ann Lee",)) == [0, 1]
    assert selected(tiny_index, themes=("energy",), actors=("russia",)) == [0]


def test_search_needs_every_word_and_keywords_need_any(tiny_index):
    assert selected(tiny_index, query="gas") == [0, 1]
    assert selected(tiny_index, query="gas market") == [1]
    assert selected(tiny_index, query="GAS the") == [0, 1]  # case and stopwords do not matter
    assert selected(tiny_index, query="zzzz") == []
    assert selected(tiny_index, keywords=("pipeline", "ceasefire")) == [0, 2, 4]


def test_duplicates_are_never_selected(tiny_data):
    from tests.conftest import TINY_FILES, write_corpus
    from corpuslens.index import load_or_build
    from corpuslens.settings import IndexSettings

    write_corpus(tiny_data, {"copy-of-a.md": TINY_FILES["a.md"]})
    index = load_or_build(tiny_data, IndexSettings(n_topics=2))
    copy = index.docs.set_index("file").loc["copy-of-a.md"]
    assert copy["duplicate_of"] == "a"
    assert index.n_passages == 5  # the copy owns no passages
    assert len(selected(index)) == 5
