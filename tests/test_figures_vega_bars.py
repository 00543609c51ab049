"""The horizontal bar charts' Vega-Lite specs: nothing of the data outside `data.values`, so that Streamlit updates a
drawn chart in place when only the selection changes (tests/e2e/test_bar_order.py checks the order in the browser)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from corpuslens.figures.vega import PICK, distinctive_terms, term_bars, theme_shares, top_contributors

TERMS_1 = pd.DataFrame({"term": ["gas", "oil", "pipeline"], "count": [9, 5, 2], "passages": [4, 3, 1]})
TERMS_2 = pd.DataFrame({"term": ["war", "ceasefire", "gas"], "count": [3, 8, 1], "passages": [2, 5, 1]})

CHARTS = {
    "term_bars": (term_bars, TERMS_1, TERMS_2),
    "distinctive_terms": (
        distinctive_terms,
        pd.DataFrame({"term": ["gas", "oil", "war"], "z": [3.1, -2.5, 2.0], "side": ["a", "b", "a"]}),
        pd.DataFrame({"term": ["peace", "talks", "gas"], "z": [-4.0, 2.2, 1.1], "side": ["b", "a", "a"]})),
    "top_contributors": (
        top_contributors,
        pd.DataFrame({"name": ["Ann", "Bob"], "documents": [3, 5], "passages": [9, 12]}),
        pd.DataFrame({"name": ["Cleo", "Ann"], "documents": [1, 2], "passages": [2, 3]})),
    "theme_shares": (
        theme_shares,
        pd.DataFrame({"theme": ["energy", "war"], "label": ["Energy", "War"], "passages": [4, 9], "share": [0.2, 0.45]}),
        pd.DataFrame({"theme": ["energy", "war"], "label": ["Energy", "War"], "passages": [7, 1], "share": [0.5, 0.1]})),
}


def without_data(spec: dict) -> dict:
    return {k: v for k, v in spec.items() if k != "data"}


@pytest.mark.parametrize("name", CHARTS)
def test_the_spec_is_the_same_for_other_data_with_as_many_rows(name):
    make, one, other = CHARTS[name]
    a, b = make(one), make(other)
    assert a["data"]["values"] != b["data"]["values"]
    assert without_data(a) == without_data(b)
    text = json.dumps(without_data(a))
    labels = {str(row["label"]) for row in a["data"]["values"]}
    assert not [label for label in labels if f'"{label}"' in text]  # no label spelled out in the spec


@pytest.mark.parametrize("name", CHARTS)
def test_rows_stand_by_their_order_and_a_text_layer_writes_their_labels(name):
    make, one, _ = CHARTS[name]
    spec = make(one)
    values = spec["data"]["values"]
    assert sorted(row["order"] for row in values) == list(range(len(values)))
    y = spec["encoding"]["y"]
    assert (y["field"], y["type"], y["axis"]["labels"]) == ("order", "ordinal", False)
    bars, labels = spec["layer"]
    assert bars["mark"]["type"] == "bar" and spec["encoding"]["tooltip"]
    assert labels["mark"]["type"] == "text" and labels["mark"]["align"] == "right"
    assert labels["encoding"]["text"] == {"field": "label"} and labels["encoding"]["x"]["value"] < 0
    assert labels["mark"]["limit"] > 0


def test_term_bars_order_and_click_selection():
    spec = term_bars(TERMS_2)
    drawn = sorted(spec["data"]["values"], key=lambda row: row["order"])
    assert [row["term"] for row in drawn] == ["ceasefire", "war", "gas"]  # most occurrences at the top
    bars = spec["layer"][0]
    assert bars["params"][0]["name"] == PICK and bars["params"][0]["select"]["fields"] == ["term"]
    assert bars["mark"]["cursor"] == "pointer"
    assert spec["encoding"]["color"]["condition"]["param"] == PICK
    assert spec["layer"][1]["encoding"]["color"] == {"value": spec["layer"][1]["mark"]["color"]}  # labels stay dark


def test_streamlit_finds_the_click_selection_in_the_bars_layer():
    from streamlit.elements.vega_charts import _parse_selection_mode

    assert _parse_selection_mode(term_bars(TERMS_1), PICK) == [PICK]
