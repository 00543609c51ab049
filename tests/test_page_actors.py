"""The Actors page in AppTest, on the shipped corpus. Expected values were checked by hand with the CLI:
`python -m corpuslens actors --top 3` (Azerbaijan, Russia, Armenia; Azerbaijan × Russia: 92 sentences), and
`passages --actor russia --format json` (59 passages, 54 of them naming Azerbaijan too).
"""

from __future__ import annotations

import pytest

from corpuslens.views.actors import TREND_TITLE
from pages_apptest import link, open_page, plotly_specs, vega_specs, warnings  # noqa: F401  (open_page is a fixture)


def heatmap(at):
    return next(spec for title, spec in vega_specs(at).items() if title.startswith("Actor co-mentions"))


def tick_labels(spec):
    """The actors' names top to bottom (the text layers write them at rows and columns by their rank `i`)."""
    return [row["label"] for row in sorted((r for r in spec["data"]["values"] if r["kind"] == "actor"),
                                           key=lambda r: r["i"])]


def legend_order(trend) -> list[str]:
    """The trend's actors in legend order: by rank (the colour scale's domain is sorted by it)."""
    ranks = {row["actor"]: row["rank"] for row in trend["data"]["values"]}
    return sorted(ranks, key=ranks.get)


def colour(spec) -> dict:
    return spec["layer"][0]["encoding"]["color"]


def cell(spec, row: str, column: str) -> float:
    return next(v["value"] for v in spec["data"]["values"] if v["kind"] == "cell" and v["row"] == row
                and v["column"] == column)


def pair_count_line(at) -> str:
    return next(m.value for m in at.markdown if " name " in m.value)


def test_default_view_draws_the_heatmap_trend_and_tables(open_page):
    at = open_page("actors")
    assert at.title[0].value == "Actors"
    spec = heatmap(at)
    labels = tick_labels(spec)
    assert len(labels) == 20 and labels[:3] == ["Azerbaijan", "Russia", "Armenia"]
    assert cell(spec, "Azerbaijan", "Russia") == 92  # sentences naming both
    assert colour(spec)["title"] == "co-mentions"
    column_labels = spec["layer"][-1]
    assert column_labels["encoding"]["x"]["field"] == "j" and column_labels["encoding"]["text"] == {"field": "label"}
    assert TREND_TITLE in vega_specs(at) and "actors.network" not in plotly_specs(at)  # network: on demand
    mentions = at.dataframe[0].value
    assert mentions.iloc[0]["actor"] == "Russia" and list(mentions.columns[:3]) == ["id", "actor", "kind"]
    # Names no actor covers: listed on request (the switch is kept in the link).
    assert len(at.dataframe) == 1 and any("Listed on request" in c.value for c in at.caption)
    at.get("segmented_control")[1].set_value("show").run()
    uncovered = at.dataframe[1].value
    assert len(uncovered) > 0 and "Karabakh" in set(uncovered["name"])
    assert any("actors.yaml" in c.value for c in at.caption) and link(at)["names"] == ["show"]
    assert not at.get("html")  # no pair chosen yet: no passages listed


def test_link_with_measure_window_and_pair_lists_the_pair_passages(open_page):
    at = open_page("actors", "measure=npmi&window=passage&a=russia&b=azerbaijan")
    assert at.radio(key="view.measure").value == "npmi" and at.radio(key="view.window").value == "passage"
    assert at.selectbox(key="view.a").value == "russia" and at.selectbox(key="view.b").value == "azerbaijan"
    spec = heatmap(at)
    assert colour(spec)["title"] == "NPMI" and colour(spec)["scale"]["domainMid"] == 0
    assert pair_count_line(at).startswith("**54 passages**")
    body = at.get("html")[0].proto.body
    assert body.count('<div class="cl-pair">') == 50  # the first 50 shown; the CSV has all 54
    assert 'class="cl-a"' in body and 'class="cl-b"' in body
    assert ">Moscow</mark>" in body or ">Russia</mark>" in body
    trend = vega_specs(at)[TREND_TITLE]
    assert legend_order(trend) == ["Russia", "Azerbaijan"]
    assert link(at)["a"] == ["russia"] and link(at)["measure"] == ["npmi"]


def test_an_alias_in_the_link_resolves_to_its_actor(open_page):
    at = open_page("actors", "a=Moscow&b=Baku")
    assert at.selectbox(key="view.a").value == "russia" and at.selectbox(key="view.b").value == "azerbaijan"
    assert not at.warning
    assert pair_count_line(at).startswith("**50 passages**")  # same sentence: 50 of the 54 passages


def test_changing_widgets_redraws_the_heatmap_and_the_pair(open_page):
    at = open_page("actors")
    at.radio(key="view.measure").set_value("jaccard")
    at.multiselect(key="view.kinds").set_value(["person"])
    at.slider(key="view.top").set_value(5)
    at.run()
    assert not at.exception
    spec = heatmap(at)
    assert colour(spec)["title"] == "Jaccard"
    labels = tick_labels(spec)
    assert len(labels) == 5 and "Azerbaijan" not in labels and "Ilham Aliyev" in labels
    at.selectbox(key="view.a").select("armenia")
    at.selectbox(key="view.b").select("russia")
    at.run()
    assert pair_count_line(at).split("**")[1].endswith("passages")
    assert at.get("html") and link(at)["a"] == ["armenia"] and link(at)["kinds"] == ["person"]
    assert legend_order(vega_specs(at)[TREND_TITLE]) == ["Armenia", "Russia"]


@pytest.mark.parametrize("query, named", [
    ("measure=<script>alert(1)</script>", "measure"),
    ("top=9999", "top"),
    ("a=nobody", "'nobody' is not an actor"),
    ("b_theme=nope", "b_theme"),
    ("kinds=robots", "kinds"),
])
def test_bad_parameters_are_ignored_with_a_notice(open_page, query, named):
    at = open_page("actors", query)
    assert named in warnings(at)
    assert at.radio(key="view.measure").value == "count" and at.slider(key="view.top").value == 20
    assert at.selectbox(key="view.a").value == ""
    assert len(tick_labels(heatmap(at))) == 20
    assert "<script>" not in str(at.main)  # only ever shown escaped


def test_empty_selection_shows_the_empty_state_and_no_chart(open_page):
    at = open_page("actors", "q=zzzznotaword&a=russia&b=azerbaijan")
    assert any("No passages match" in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.get("vega_lite_chart") and not at.dataframe and not at.get("html")


def test_network_link_draws_the_network_instead_of_the_heatmap(open_page):
    at = open_page("actors", "chart=network&measure=jaccard")
    specs = plotly_specs(at)
    assert "actors.network" in specs and "actors.heatmap" not in specs
    assert at.get("segmented_control")[0].value == "network"
    labelled = [t for t in specs["actors.network"]["data"] if "text" in t.get("mode", "")]
    assert labelled and "Russia" in labelled[0]["text"], "the network does not name the actors"
