"""The Actors page's Vega-Lite specs: the co-mention heatmap's depends on the measure and the number of actors asked
for alone (not on how many the selection has), the actor trend's on nothing of the data, so that Streamlit updates a drawn chart in place when only the selection
changes (tests/e2e/test_heatmap_cells.py checks the cells under their labels in the browser)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from corpuslens.figures import style
from corpuslens.figures.vega import PAIR_PICK, actor_trend, co_mention_heatmap

COUNTS_1 = np.array([[9, 5, 0], [5, 7, 2], [0, 2, 4]])
COUNTS_2 = np.array([[30, 1, 3], [1, 12, 0], [3, 0, 2]])
ONE = (["Russia", "Azerbaijan", "Iran"], ["russia", "azerbaijan", "iran"])
TWO = (["Armenia", "CSTO", "Vladimir Putin"], ["armenia", "csto", "putin"])
NPMI_1 = np.array([[1.0, 0.4, -1.0], [0.4, 1.0, 0.1], [-1.0, 0.1, 1.0]])
NPMI_2 = np.array([[1.0, -0.2, 0.7], [-0.2, 1.0, -1.0], [0.7, -1.0, 1.0]])
MEASURES = {"count": (COUNTS_1, COUNTS_2), "jaccard": (COUNTS_1 / 20, COUNTS_2 / 40), "npmi": (NPMI_1, NPMI_2)}


def without_data(spec: dict) -> dict:
    return {k: v for k, v in spec.items() if k != "data"}


def heatmaps(measure: str) -> tuple[dict, dict]:
    first, second = MEASURES[measure]
    return (co_mention_heatmap(first, ONE[0], ONE[1], measure, counts=COUNTS_1),
            co_mention_heatmap(second, TWO[0], TWO[1], measure, counts=COUNTS_2))


def cells(spec: dict) -> list[dict]:
    return [row for row in spec["data"]["values"] if row["kind"] == "cell"]


def names(spec: dict) -> list[str]:
    return [row["label"] for row in sorted((r for r in spec["data"]["values"] if r["kind"] == "actor"),
                                           key=lambda r: r["i"])]


@pytest.mark.parametrize("measure", MEASURES)
def test_the_heatmap_spec_is_the_same_for_another_selection_with_as_many_actors(measure):
    a, b = heatmaps(measure)
    assert a["data"]["values"] != b["data"]["values"]
    assert without_data(a) == without_data(b)
    text = json.dumps(without_data(a))
    assert not [name for name in ONE[0] + ONE[1] if name in text]  # no actor named in the spec
    assert '"sort"' not in text and '"clamp"' not in text


def test_the_heatmap_spec_is_the_same_for_fewer_actors_than_asked_for_and_changes_with_the_measure_and_the_size():
    asked = co_mention_heatmap(np.ones((4, 4)), ["A", "B", "C", "D"], ["a", "b", "c", "d"], "count", size=20)
    fewer = co_mention_heatmap(COUNTS_1, ONE[0], ONE[1], "count", counts=COUNTS_1, size=20)
    assert without_data(asked) == without_data(fewer)
    assert without_data(asked) != without_data(co_mention_heatmap(COUNTS_1, ONE[0], ONE[1], "count", size=10))
    assert without_data(heatmaps("count")[0]) != without_data(heatmaps("npmi")[0])


@pytest.mark.parametrize("measure", MEASURES)
def test_rows_and_columns_stand_at_their_rank_and_text_layers_write_the_names(measure):
    spec, _ = heatmaps(measure)
    rect = spec["layer"][0]
    for channel, field in (("x", "j"), ("y", "i")):
        place = rect["encoding"][channel]
        assert (place["field"], place["type"], place["axis"]["labels"]) == (field, "ordinal", False)
        assert "scale" not in place  # the ranks drawn: numbers, sorted by value
    assert names(spec) == ONE[0]
    assert sorted(r["i"] for r in spec["data"]["values"] if r["kind"] == "actor") == [0, 1, 2]  # every rank a row
    for row in cells(spec):
        assert row["pair"] == f"{ONE[0][row['i']]} × {ONE[0][row['j']]}"
        assert (row["a"], row["b"]) == (ONE[1][row["i"]], ONE[1][row["j"]])
    row_labels, column_labels = spec["layer"][-2:]
    assert row_labels["encoding"]["y"]["field"] == "i" and row_labels["encoding"]["x"]["value"] < 0
    assert column_labels["encoding"]["x"]["field"] == "j" and column_labels["mark"]["angle"] in (270, 315)
    for layer in (row_labels, column_labels):
        assert layer["transform"] == [{"filter": "datum.kind === 'actor'"}]
        assert layer["encoding"]["text"] == {"field": "label"} and layer["mark"]["align"] == "right"
    assert rect["transform"] == [{"filter": "datum.kind === 'cell'"}]


def test_counts_colour_is_cut_off_at_the_largest_pair_and_the_legend_reads_counts():
    spec, other = heatmaps("count")
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["field"] == "shade" and colour["title"] == "co-mentions" and colour["legend"]["format"] == ",d"
    assert colour["scale"] == {"scheme": "blues", "domainMin": 0}  # the top end is the data's: the largest shade
    shade = {(row["i"], row["j"]): (row["value"], row["shade"]) for row in cells(spec)}
    assert shade[0, 0] == (9, 5) and shade[1, 1] == (7, 5) and shade[2, 2] == (4, 4)  # 5: the largest pair
    assert shade[0, 1] == (5, 5) and shade[1, 2] == (2, 2)
    assert max(row["shade"] for row in cells(other)) == 3  # the other selection's largest pair
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert [t["field"] for t in tooltip] == ["pair", "value"]  # the count itself, not its shade


def test_npmi_and_jaccard_leave_the_diagonal_and_pairs_never_named_together_grey():
    spec, _ = heatmaps("npmi")
    drawn = {(row["i"], row["j"]) for row in cells(spec)}
    assert drawn == {(0, 1), (1, 0), (1, 2), (2, 1)}  # not the diagonal, not Russia × Iran (never together)
    assert spec["config"]["view"]["fill"] == style.BLANK_CELL
    assert spec["title"]["subtitle"] == "grey: never named together"
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == [-1, 1] and colour["scale"]["domainMid"] == 0
    assert [t["title"] for t in spec["layer"][0]["encoding"]["tooltip"]] == ["Pair", "NPMI", "Named together"]


def test_cell_values_are_written_for_up_to_fifteen_actors_and_labels_turn_with_more():
    small, _ = heatmaps("count")
    numbers = small["layer"][1]
    assert numbers["encoding"]["text"]["field"] == "value" and "datum.written" in numbers["transform"][0]["filter"]
    assert all(row["written"] for row in cells(small)) and small["layer"][-1]["mark"]["angle"] == 315
    n = 20
    big = co_mention_heatmap(np.ones((n, n)), [f"A{k}" for k in range(n)], [f"a{k}" for k in range(n)], "count")
    assert not any(row["written"] for row in cells(big)) and big["layer"][-1]["mark"]["angle"] == 270


def test_streamlit_finds_the_click_selection_in_the_cells_layer():
    from streamlit.elements.vega_charts import _parse_selection_mode

    spec, _ = heatmaps("count")
    assert _parse_selection_mode(spec, PAIR_PICK) == [PAIR_PICK]
    select = spec["layer"][0]["params"][0]["select"]
    assert select["fields"] == ["a", "b"] and select["on"] == "click"


def trend(actors: list[str]) -> dict:
    return actor_trend(pd.DataFrame({"year": [2017, 2018, 2020] * len(actors),
                                     "actor": [a for a in actors for _ in range(3)],
                                     "passages": list(range(3 * len(actors)))}))


def test_the_trend_spec_holds_no_actor_and_orders_the_legend_by_rank():
    a, b = trend(["Russia", "Azerbaijan"]), trend(["Armenia", "CSTO", "Iran"])
    assert without_data(a) == without_data(b)
    assert "Russia" not in json.dumps(without_data(a))
    colour = a["encoding"]["color"]
    assert colour["sort"] == {"field": "rank", "op": "min"} and colour["scale"]["range"] == list(style.PALETTE)
    ranks = {row["actor"]: row["rank"] for row in b["data"]["values"]}
    assert ranks == {"Armenia": 0, "CSTO": 1, "Iran": 2}
    assert [row["passages"] for row in a["data"]["values"] if row["year"] == "2019"] == [None, None]  # a gap
