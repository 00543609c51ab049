"""Figures: built from tiny hand-made tables, checked through `fig.to_dict()`."""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from corpuslens.figures import (
    actor_network, actor_trend, co_mention_heatmap, distinctive_terms, documents_by_year, empty_figure, plain,
    shorten, term_bars, term_trend, theme_shares, top_contributors, topic_map, topic_prevalence, topic_sizes,
    word_cloud_image,
    word_cloud_png,
)
from corpuslens.figures.common import hover_lines

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def arr(value) -> np.ndarray:
    """A data array from `to_dict()`: plotly stores numpy arrays as base64 typed arrays."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        return data.reshape([int(s) for s in shape.split(",")]) if shape else data
    return np.asarray(value)


def title(d: dict) -> str:
    return d["layout"]["title"]["text"]


def axis_title(d: dict, axis: str) -> str:
    return d["layout"][axis]["title"]["text"]


def all_strings(d) -> list[str]:
    """Every string anywhere in a figure dict, template excluded."""
    if isinstance(d, dict):
        return [s for k, v in d.items() if k != "template" for s in all_strings(v)]
    if isinstance(d, (list, tuple, np.ndarray)):
        return [s for v in d for s in all_strings(v)]
    return [d] if isinstance(d, str) else []


def assert_titled(d: dict, x: bool = True, y: bool = True) -> None:
    assert title(d)
    if x:
        assert axis_title(d, "xaxis")
    if y:
        assert axis_title(d, "yaxis")


# --- helpers --------------------------------------------------------------------------------

def test_plain_escapes_markup_so_plotly_shows_it_as_text():
    assert plain(SCRIPT) == ESCAPED_SCRIPT
    assert plain("Tom & <b>Jerry</b>") == "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;"
    assert plain(None) == "" and plain(float("nan")) == ""


def test_shorten_ends_with_ellipsis_only_when_cut():
    assert shorten("Karabakh", 40) == "Karabakh"
    short = shorten("Russia, Azerbaijan Improve Relations Amidst Centrifugal Tendencies in Armenia", 30)
    assert len(short) <= 30 and short.endswith("…")


def test_hover_lines_wrap_keep_breaks_and_escape():
    out = hover_lines(pd.Series(["a " * 60 + "\nTitle <b>", None]), width=20).tolist()
    assert "<b>" not in out[0] and "&lt;b&gt;" in out[0]
    assert out[0].count("<br>") >= 6 and out[1] == ""


def test_empty_figure_is_annotation_only():
    d = empty_figure("No passages <here>").to_dict()
    assert d["data"] == []
    assert d["layout"]["annotations"][0]["text"] == "No passages &lt;here&gt;"


# --- overview -------------------------------------------------------------------------------

def test_documents_by_year_has_integer_year_axis_and_states_unknown_years():
    df = pd.DataFrame({"year": [2020, 2017, 2018], "documents": [1, 2, 1], "passages": [10, 30, 12]})
    d = documents_by_year(df, unknown_count=2).to_dict()
    assert_titled(d)
    assert d["layout"]["xaxis"]["dtick"] == 1 and d["layout"]["xaxis"]["tickformat"] == "d"
    assert list(arr(d["data"][0]["x"])) == [2017, 2018, 2020]
    assert "2 documents with unknown year" in d["layout"]["title"]["subtitle"]["text"]


def test_documents_by_year_without_unknowns_has_no_note():
    df = pd.DataFrame({"year": [2018], "documents": [1], "passages": [5]})
    assert "subtitle" not in documents_by_year(df).to_dict()["layout"]["title"]


def test_theme_shares_sorted_largest_on_top_with_short_labels_and_full_hover():
    long = "Karabakh conflict and the peace process between Armenia and Azerbaijan"
    df = pd.DataFrame({"theme": ["energy", "karabakh"], "label": ["Energy", long],
                       "passages": [3, 8], "share": [0.2, 0.5]})
    d = theme_shares(df).to_dict()
    assert_titled(d)
    ticks = d["layout"]["yaxis"]["ticktext"]
    assert ticks[0].startswith("Karabakh") and ticks[0].endswith("…") and ticks[1] == "Energy"
    assert d["layout"]["yaxis"]["autorange"] == "reversed"
    assert long in d["data"][0]["customdata"][0]


def test_top_contributors_escapes_names_and_keeps_top_n():
    df = pd.DataFrame({"name": [SCRIPT, "Markedonov", "Shiriyev"], "documents": [1, 3, 2], "passages": [4, 9, 7]})
    d = top_contributors(df, what="Author", top=2).to_dict()
    assert_titled(d)
    assert axis_title(d, "yaxis") == "Author"
    assert d["layout"]["yaxis"]["ticktext"] == ["Markedonov", "Shiriyev"]
    d = top_contributors(df).to_dict()
    assert SCRIPT not in all_strings(d)
    assert any(ESCAPED_SCRIPT in s for s in all_strings(d))


# --- topics ---------------------------------------------------------------------------------

@pytest.fixture
def map_table() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "x": rng.normal(size=6), "y": rng.normal(size=6), "topic": [0, 1, 0, 2, 1, 0],
        "topic_label": ["T1 · russia · baku", "T2 · csto · armenia", "T1 · russia · baku",
                        "T3 · gas · caspian", "T2 · csto · armenia", "T1 · russia · baku"],
        "hover": [f"Passage {i} {SCRIPT}\nDocument title" for i in range(6)],
    })


def test_topic_map_has_one_trace_per_topic_named_by_topic(map_table):
    d = topic_map(map_table).to_dict()
    assert_titled(d)
    assert [t["type"] for t in d["data"]] == ["scatter"] * 3  # SVG: few points
    assert [t["name"] for t in d["data"]] == ["T1 · russia · baku", "T2 · csto · armenia", "T3 · gas · caspian"]
    assert [len(arr(t["x"])) for t in d["data"]] == [3, 2, 1]
    assert len({t["marker"]["color"] for t in d["data"]}) == 3


def test_topic_map_switches_to_webgl_for_many_points(map_table):
    from corpuslens.figures.topics import WEBGL_FROM_POINTS

    many = map_table.sample(WEBGL_FROM_POINTS, replace=True, random_state=0)
    d = topic_map(many).to_dict()
    assert {t["type"] for t in d["data"]} == {"scattergl"}
    assert sum(len(arr(t["x"])) for t in d["data"]) == WEBGL_FROM_POINTS


def test_topic_map_hover_is_escaped(map_table):
    d = topic_map(map_table).to_dict()
    hover = [h for t in d["data"] for h in t["hovertext"]]
    assert all(ESCAPED_SCRIPT in h and "<script>" not in h for h in hover)
    assert "Passage 0" in hover[0] and "Document title" in hover[0]


def test_topic_map_states_random_sample(map_table):
    subtitle = topic_map(map_table, sampled_from=5000).to_dict()["layout"]["title"]["subtitle"]["text"]
    assert "showing 6 of 5,000 passages (random sample)" in subtitle
    assert "random sample" not in topic_map(map_table).to_dict()["layout"]["title"]["subtitle"]["text"]


def test_topic_prevalence_heatmap_matches_shares_and_titles_colour_bar():
    df = pd.DataFrame({"group": [2018, 2018, 2020], "topic_label": ["T1 · a", "T2 · b", "T1 · a"],
                       "share": [0.75, 0.25, 1.0]})
    d = topic_prevalence(df, group_title="Year").to_dict()
    assert_titled(d)
    heat = d["data"][0]
    assert heat["type"] == "heatmap"
    np.testing.assert_allclose(arr(heat["z"]), [[0.75, 1.0], [0.25, 0.0]])
    assert heat["colorbar"]["title"]["text"] == "share of passages"
    assert d["layout"]["xaxis"]["ticktext"] == ["2018", "2020"]
    assert d["layout"]["yaxis"]["ticktext"] == ["T1 · a", "T2 · b"]


def test_topic_sizes_bars_largest_first():
    df = pd.DataFrame({"topic": [0, 1], "topic_label": ["T1 · a", "T2 · b"], "passages": [3, 9]})
    d = topic_sizes(df).to_dict()
    assert_titled(d)
    assert d["layout"]["yaxis"]["ticktext"] == ["T2 · b", "T1 · a"]
    assert list(arr(d["data"][0]["x"])) == [9, 3]


# --- terms ----------------------------------------------------------------------------------

def test_term_bars_most_frequent_on_top():
    df = pd.DataFrame({"term": ["baku", "moscow", "csto"], "count": [5, 9, 2], "passages": [4, 6, 2]})
    d = term_bars(df, "Top terms").to_dict()
    assert_titled(d)
    assert d["layout"]["yaxis"]["ticktext"] == ["moscow", "baku", "csto"]
    assert d["layout"]["yaxis"]["autorange"] == "reversed"


def test_distinctive_terms_legend_names_both_sides_and_diverges():
    df = pd.DataFrame({"term": ["gas", "csto", "pipeline", "armenia"], "z": [3.0, -2.5, 1.5, 4.0],
                       "side": ["A", "B", "A", "B"]})
    d = distinctive_terms(df, label_a="Shahbazov", label_b="Markedonov <b>").to_dict()
    assert_titled(d)
    names = [t["name"] for t in d["data"]]
    assert names == ["more in Shahbazov", "more in Markedonov &lt;b&gt;"]
    assert (arr(d["data"][0]["x"]) > 0).all() and (arr(d["data"][1]["x"]) < 0).all()
    # Most A-distinctive at the top, most B-distinctive at the bottom.
    assert d["layout"]["yaxis"]["ticktext"] == ["gas", "pipeline", "csto", "armenia"]


def test_term_trend_has_two_named_traces_and_two_axes():
    df = pd.DataFrame({"year": [2017, 2018, 2020], "count": [2, 5, 1], "per_1000_terms": [1.2, 2.0, 0.4]})
    d = term_trend(df, "<b>csto</b>").to_dict()
    assert_titled(d)
    assert "&lt;b&gt;csto" in title(d)
    assert len(d["data"]) == 2 and all(t["name"] for t in d["data"])
    assert d["data"][1]["yaxis"] == "y2" and d["layout"]["yaxis2"]["title"]["text"]
    assert d["layout"]["xaxis"]["dtick"] == 1
    # 2019 has no text at all: a gap in the rate line, not a line drawn from 2018 to 2020.
    line = d["data"][1]
    assert list(arr(line["x"])) == [2017, 2018, 2019, 2020]
    assert np.isnan(arr(line["y"])[2]) and list(arr(line["y"])[[0, 1, 3]]) == [1.2, 2.0, 0.4]


# --- word cloud -----------------------------------------------------------------------------

def test_word_cloud_returns_image_of_requested_size():
    image = word_cloud_image({"russia": 10, "azerbaijan": 8, "Əliyev": 3}, width=300, height=150)
    assert isinstance(image, Image.Image) and image.size == (300, 150)


def test_word_cloud_is_deterministic():
    freq = {"russia": 10, "azerbaijan": 8, "karabakh": 5, "csto": 2}
    assert word_cloud_image(freq, 200, 100).tobytes() == word_cloud_image(freq, 200, 100).tobytes()


def test_word_cloud_of_nothing_is_none():
    assert word_cloud_image({}) is None
    assert word_cloud_image({"zero": 0}) is None


# --- actors ---------------------------------------------------------------------------------

MATRIX = np.array([[5.0, 2.0, 0.0], [2.0, 4.0, 1.0], [0.0, 1.0, 3.0]])
ACTORS = ["Russia", "Azerbaijan", SCRIPT]


def test_co_mention_heatmap_counts_keep_matrix_and_label_both_axes():
    d = co_mention_heatmap(MATRIX, ACTORS, "count").to_dict()
    assert_titled(d)
    heat = d["data"][0]
    np.testing.assert_array_equal(arr(heat["z"]), MATRIX)
    assert heat["colorbar"]["title"]["text"] == "co-mentions"
    assert heat["zmin"] == 0
    for axis in ("xaxis", "yaxis"):
        assert d["layout"][axis]["ticktext"] == ["Russia", "Azerbaijan", ESCAPED_SCRIPT]
    assert d["layout"]["xaxis"]["tickangle"] == -45
    assert heat["customdata"][0][1] == "Russia × Azerbaijan"
    assert heat["hovertemplate"].startswith("%{customdata}: %{z")


def test_co_mention_heatmap_npmi_diverges_around_zero_with_blank_diagonal():
    npmi = np.array([[1.0, 0.4, -0.3], [0.4, 1.0, 0.1], [-0.3, 0.1, 1.0]])
    heat = co_mention_heatmap(npmi, ACTORS, "npmi").to_dict()["data"][0]
    z = arr(heat["z"])
    assert np.isnan(np.diag(z)).all()
    off = ~np.eye(3, dtype=bool)
    np.testing.assert_allclose(z[off], npmi[off])
    assert (heat["zmin"], heat["zmax"], heat["zmid"]) == (-1, 1, 0)
    assert heat["colorbar"]["title"]["text"] == "NPMI"


def test_co_mention_heatmap_jaccard_blanks_diagonal():
    heat = co_mention_heatmap(MATRIX / 10, ACTORS, "jaccard").to_dict()["data"][0]
    assert np.isnan(np.diag(arr(heat["z"]))).all()
    assert heat["colorbar"]["title"]["text"] == "Jaccard"


def test_co_mention_heatmap_shows_every_label_and_grows_with_actors():
    labels = [f"Actor number {i}" for i in range(30)]
    d = co_mention_heatmap(np.ones((30, 30)), labels, "count").to_dict()
    for axis in ("xaxis", "yaxis"):
        assert d["layout"][axis]["tickvals"] == list(range(30))
        assert d["layout"][axis]["ticktext"] == labels
        assert d["layout"][axis]["automargin"] is True
    small = co_mention_heatmap(np.ones((10, 10)), labels[:10], "count").to_dict()
    assert d["layout"]["height"] > small["layout"]["height"]
    assert d["layout"]["height"] >= 30 * 28


def test_co_mention_heatmap_rejects_unknown_measure():
    with pytest.raises(ValueError):
        co_mention_heatmap(MATRIX, ACTORS, "pmi")


def test_actor_network_edges_above_threshold_and_nodes_escaped():
    d = actor_network(MATRIX, ACTORS, min_value=1).to_dict()
    assert title(d) and "node size" in d["layout"]["title"]["subtitle"]["text"]
    nodes = d["data"][-1]
    assert nodes["text"][:2] == ["Russia", "Azerbaijan"]
    assert nodes["text"][2].startswith("&lt;script&gt;") and nodes["text"][2].endswith("…")
    assert nodes["customdata"][2][0] == ESCAPED_SCRIPT  # full name in hover
    edge_traces = [t for t in d["data"] if t.get("mode") == "lines"]
    points = sum(int(np.isfinite(arr(t["x"])).sum()) for t in edge_traces)
    assert points == 2 * 2  # two pairs reach 1: Russia–Azerbaijan (2) and Azerbaijan–third (1)
    assert all(t["name"].startswith("co-mentions") for t in edge_traces)
    assert SCRIPT not in all_strings(d)


def test_actor_network_without_edges_still_shows_nodes():
    d = actor_network(np.eye(3), ACTORS, min_value=5).to_dict()
    assert len(d["data"]) == 1 and d["data"][0]["text"][0] == "Russia"


def test_actor_trend_one_line_per_actor_in_legend():
    df = pd.DataFrame({"year": [2017, 2018, 2018, 2020], "actor": ["Russia", "Russia", "CSTO", "Russia"],
                       "passages": [3, 5, 2, 1]})
    d = actor_trend(df).to_dict()
    assert_titled(d)
    assert [t["name"] for t in d["data"]] == ["Russia", "CSTO"]
    assert list(arr(d["data"][0]["x"])) == [2017, 2018, 2019, 2020]
    russia = arr(d["data"][0]["y"])
    assert np.isnan(russia[2]) and list(russia[[0, 1, 3]]) == [3, 5, 1]  # 2019: a gap, not a bridge


def test_no_raw_script_reaches_any_figure(map_table):
    figs = [
        topic_map(map_table.assign(topic_label=SCRIPT)),
        term_bars(pd.DataFrame({"term": [SCRIPT], "count": [1], "passages": [1]}), "Top terms"),
        topic_prevalence(pd.DataFrame({"group": [SCRIPT], "topic_label": [SCRIPT], "share": [1.0]}), "Author"),
        actor_trend(pd.DataFrame({"year": [2018], "actor": [SCRIPT], "passages": [1]})),
        co_mention_heatmap(MATRIX, ACTORS, "npmi"),
    ]
    for fig in figs:
        strings = all_strings(fig.to_dict())
        assert not any("<script" in s for s in strings)
        assert any("&lt;script&gt;" in s for s in strings)


def test_co_mention_heatmap_counts_scale_to_the_pairs_not_the_diagonal():
    d = co_mention_heatmap(MATRIX, ACTORS, "count").to_dict()
    assert d["data"][0]["zmax"] == 2.0  # the largest pair; the diagonal (5, 4, 3) saturates
    assert "diagonal" in d["layout"]["title"]["subtitle"]["text"]


def test_co_mention_heatmap_blanks_pairs_never_named_together_when_counts_given():
    npmi = np.array([[1.0, 0.4, -1.0], [0.4, 1.0, 0.1], [-1.0, 0.1, 1.0]])
    counts = np.array([[5, 2, 0], [2, 4, 1], [0, 1, 3]])
    d = co_mention_heatmap(npmi, ACTORS, "npmi", counts=counts).to_dict()
    z = arr(d["data"][0]["z"])
    assert np.isnan(z[0, 2]) and np.isnan(z[2, 0]) and z[0, 1] == 0.4
    assert "never named together" in d["layout"]["title"]["subtitle"]["text"]


def test_co_mention_heatmap_cells_are_clickable_points_with_the_pair_hover():
    d = co_mention_heatmap(MATRIX, ACTORS, "count").to_dict()
    cells = d["data"][1]
    assert cells["type"] == "scatter" and cells["marker"]["opacity"] == 0
    pairs = {(int(x), int(y)) for x, y in zip(arr(cells["x"]), arr(cells["y"]))}
    assert pairs == {(x, y) for x in range(3) for y in range(3)}  # every drawn cell, the counts' diagonal too
    assert "Russia × Azerbaijan" in list(arr(cells["customdata"]))
    assert d["data"][0]["hoverinfo"] == "skip"


def test_co_mention_heatmap_column_labels_turn_vertical_for_many_actors():
    labels = [f"Actor number {i}" for i in range(50)]
    d = co_mention_heatmap(np.ones((50, 50)), labels, "count").to_dict()
    assert d["layout"]["xaxis"]["tickangle"] == -90
    assert d["layout"]["xaxis"]["tickfont"]["size"] < 12


def test_co_mention_heatmap_jaccard_scales_to_the_largest_pair_and_greys_blanks():
    jaccard = np.array([[1.0, 0.2, 0.05], [0.2, 1.0, 0.1], [0.05, 0.1, 1.0]])
    d = co_mention_heatmap(jaccard, ACTORS, "jaccard").to_dict()
    assert d["data"][0]["zmin"] == 0 and d["data"][0]["zmax"] == pytest.approx(0.2)
    assert d["layout"]["plot_bgcolor"] != "#ffffff"  # a blank cell is not a white zero


def test_co_mention_heatmap_with_no_pairs_at_all_does_not_fail():
    heat = co_mention_heatmap(np.eye(2), ["Russia", "Iran"], "npmi", counts=np.eye(2)).to_dict()["data"][0]
    assert np.isnan(arr(heat["z"])).all()


def test_hover_counts_use_singular_for_one():
    df = pd.DataFrame({"name": ["Shiriyev"], "documents": [1], "passages": [1]})
    hover = top_contributors(df).to_dict()["data"][0]["customdata"][0]
    assert hover == "Shiriyev: 1 document, 1 passage"


def test_word_cloud_png_is_a_png_of_the_dashboard_size_with_readable_words():
    from io import BytesIO

    from corpuslens.figures.wordcloud import DASHBOARD_CLOUD

    data = word_cloud_png({"russia": 10, "azerbaijan": 8, "Əliyev": 3})
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(BytesIO(data))
    assert image.size == (DASHBOARD_CLOUD["width"] * DASHBOARD_CLOUD["scale"],
                          DASHBOARD_CLOUD["height"] * DASHBOARD_CLOUD["scale"])
    assert len(np.unique(np.asarray(image.convert("RGB")).reshape(-1, 3), axis=0)) > 2  # words, not a blank canvas
    assert word_cloud_png({}) is None


def test_figures_carry_the_house_template():
    """Fonts and colours come from the house template, whatever template plotly or Streamlit made the default."""
    import plotly.io as pio

    from corpuslens.figures import style

    previous, pio.templates.default = pio.templates.default, "plotly_dark"  # as another library might (Streamlit does)
    try:
        layout = term_bars(pd.DataFrame({"term": ["gas"], "count": [3], "passages": [2]}), title="t").to_dict()["layout"]
    finally:
        pio.templates.default = previous
    assert layout["template"]["layout"]["font"]["family"] == style.FONT_FAMILY
    assert tuple(layout["template"]["layout"]["colorway"]) == style.PALETTE
