"""View-level answers on the tiny corpus, each worked out by hand from the passages in conftest.py."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpuslens.filters import Filters
from corpuslens.query import actors, overview, terms, topics
from corpuslens.query.common import selection_size, size_label
from corpuslens.selection import selection_mask


def everything(index):
    return selection_mask(index, Filters())


def test_selection_size_counts_passages_and_documents(tiny_index):
    mask = selection_mask(tiny_index, Filters(themes=("energy",)))
    assert selection_size(tiny_index, mask) == (3, 2)
    assert size_label(tiny_index, mask) == "3 passages in 2 documents"
    assert size_label(tiny_index, selection_mask(tiny_index, Filters(query="market"))) == "1 passage in 1 document"


def test_documents_by_year_reports_unknown_years_apart(tiny_index):
    table, unknown = overview.documents_by_year(tiny_index, everything(tiny_index))
    assert table.to_dict("records") == [
        {"year": 2020, "documents": 1, "passages": 2},
        {"year": 2021, "documents": 1, "passages": 2},
    ]
    assert unknown == 1


def test_theme_shares_are_shares_of_selected_passages(tiny_index):
    table = overview.theme_shares(tiny_index, everything(tiny_index)).set_index("theme")
    # energy: p0, p1, p4 -> 3 of 5; war: p1, p2 -> 2 of 5; peace: p2 -> 1 of 5
    assert table.loc["energy", "passages"] == 3 and table.loc["energy", "share"] == pytest.approx(0.6)
    assert table.loc["war", "share"] == pytest.approx(0.4)
    assert table.loc["peace", "share"] == pytest.approx(0.2)


def test_document_theme_shares_are_shares_of_its_passages(tiny_index):
    docs = tiny_index.docs.set_index("id")
    # a: p0 energy, p1 energy+war -> energy 1.0, war 0.5; b: p2 peace+war, p3 none -> 0.5 each
    assert docs.loc["a", "themes"] == {"energy": 1.0, "war": 0.5}
    assert docs.loc["b", "themes"] == {"war": 0.5, "peace": 0.5}


def test_contributors_include_unknown(tiny_index):
    table = overview.contributors(tiny_index, everything(tiny_index), "authors")
    assert table.to_dict("records") == [
        {"name": "Ann Lee", "documents": 1, "passages": 2},
        {"name": "Bob Stone", "documents": 1, "passages": 2},
        {"name": "(unknown)", "documents": 1, "passages": 1},
    ]


def test_top_terms_count_occurrences_and_passages(tiny_index):
    table = terms.top_terms(tiny_index, everything(tiny_index), n=5, kind="words")
    # baku: p0, p2; gas: p0, p1; pipeline: p0, p4; russia: p0, p3; every other word once; ties by term
    assert table.to_dict("records")[:4] == [
        {"term": "baku", "count": 2, "passages": 2},
        {"term": "gas", "count": 2, "passages": 2},
        {"term": "pipeline", "count": 2, "passages": 2},
        {"term": "russia", "count": 2, "passages": 2},
    ]
    assert table.iloc[4]["count"] == 1


def test_term_trend_per_year(tiny_index):
    trend = terms.term_trend(tiny_index, everything(tiny_index), "gas")
    assert trend[["year", "count", "passages"]].to_dict("records") == [
        {"year": 2020, "count": 2, "passages": 2},
        {"year": 2021, "count": 0, "passages": 0},
    ]


def test_kwic_finds_each_occurrence_with_its_document(tiny_index):
    table = terms.kwic(tiny_index, everything(tiny_index), "Pipeline")
    assert list(table["passage"]) == ["a-p1", "c-p1"]
    assert list(table["match"]) == ["pipeline", "pipeline"]
    assert table.iloc[1]["left"].endswith("watched the ")


def test_sentence_co_mentions_count_sentences_naming_both(tiny_index):
    result = actors.co_mentions(tiny_index, everything(tiny_index), window="sentence", measure="count", top=10)
    m = result.as_frame()
    # Russia & Azerbaijan: s0 (Moscow, Baku) and s1 -> 2; Azerbaijan & Armenia: s3; Armenia & Russia: s5
    assert m.loc["Russia", "Azerbaijan"] == 2
    assert m.loc["Azerbaijan", "Armenia"] == 1 and m.loc["Armenia", "Russia"] == 1
    assert m.loc["Russia", "Russia"] == 3  # s0, s1, s5
    assert "Vladimir Putin" not in result.labels  # never mentioned
    assert result.units == 7


def test_passage_window_and_jaccard(tiny_index):
    mask = everything(tiny_index)
    by_passage = actors.co_mentions(tiny_index, mask, window="passage", measure="count").as_frame()
    assert by_passage.loc["Russia", "Azerbaijan"] == 1  # only p0
    jac = actors.co_mentions(tiny_index, mask, window="sentence", measure="jaccard").as_frame()
    assert jac.loc["Russia", "Azerbaijan"] == pytest.approx(2 / (3 + 3 - 2))


def test_actor_kind_filter(tiny_index):
    result = actors.co_mentions(tiny_index, everything(tiny_index), kinds=("person",))
    assert result.labels == []


def test_pair_passages_highlight_both_actors(tiny_index):
    table, total = actors.pair_passages(tiny_index, everything(tiny_index), "russia", "armenia")
    assert total == 1 and list(table["id"]) == ["b-p2"]
    spans = table.iloc[0]["highlights"]
    text = table.iloc[0]["text"]
    assert sorted(text[s:e] for s, e, _ in spans) == ["Armenia", "Russia"]


def test_actor_trend_by_year(tiny_index):
    trend = actors.actor_trend(tiny_index, everything(tiny_index), ["russia"])
    # 2020: p0 of p0-p1 mention Russia; 2021: p3 of p2-p3
    assert trend[["year", "passages"]].to_dict("records") == [{"year": 2020, "passages": 1}, {"year": 2021, "passages": 1}]
    assert list(trend["share"]) == [0.5, 0.5]


def test_topics_cover_every_passage_with_terms(tiny_index):
    table = topics.topic_table(tiny_index, everything(tiny_index))
    assert table["passages"].sum() == 5
    points, total = topics.map_points(tiny_index, everything(tiny_index))
    assert total == 5 and len(points) == 5
    assert np.isfinite(points[["x", "y"]].to_numpy()).all()


def test_topic_count_can_be_changed_without_rebuilding(tiny_index):
    other = topics.topics_for(tiny_index, 3)
    assert other.n_topics == 3 and other.doc_topic.shape == (5, 3)
    assert topics.topics_for(tiny_index, tiny_index.topics.n_topics) is tiny_index.topics


@pytest.mark.parametrize("values", [
    pd.Series(["A title", "", None, float("nan"), "Ə title"], dtype=object),
    pd.Series([["Ann Lee", "Bob Stone"], [], None, ["Ceyhun Mahmudlu"]], dtype=object),
    pd.Series([2020, None, 2008], dtype="Int64"),
    pd.Series(["x", None], dtype="string"),
    pd.Series([], dtype=object),
])
def test_column_labels_match_the_one_value_label(values):
    """The fast whole-column labels say exactly what the per-value label says, "(unknown)" included."""
    from corpuslens.query.overview import unknown_label, unknown_labels

    assert list(unknown_labels(values)) == [unknown_label(v) for v in values]


def test_document_list_shows_unknown_metadata_as_unknown(tiny_index):
    table = overview.document_list(tiny_index, selection_mask(tiny_index, Filters()))
    assert not table.isna().any().any() and not (table[["title", "authors", "publication", "date", "year"]] == "").any().any()
    assert set(table["id"]) == set(tiny_index.docs["id"][tiny_index.live_docs])


def test_document_menu_offers_the_first_documents_and_keeps_a_chosen_later_one(tiny_index):
    from corpuslens.query.documents import document_choices

    everything = selection_mask(tiny_index, Filters())
    ids = list(document_choices(tiny_index, everything))
    assert len(ids) == 3
    assert list(document_choices(tiny_index, everything, limit=1)) == ids[:1]
    assert list(document_choices(tiny_index, everything, limit=1, keep=ids[2])) == [ids[0], ids[2]]
    # A document the selection does not hold is not added, whatever the link asks.
    only_a = selection_mask(tiny_index, Filters(authors=("Ann Lee",)))
    assert list(document_choices(tiny_index, only_a, limit=0, keep=ids[2])) == []
