"""The Actors page's year view, the chosen pair over the years and the words around each actor (AppTest, shipped
corpus). Expected values from the CLI: `actors --pair russia,azerbaijan --by-year` (2017: 17 sentences naming both,
NPMI +0.286; 2018: 38) and `actors --pair russia,turkey --by-year` (only 2020 has enough evidence)."""

from __future__ import annotations

import pytest

from corpuslens.views.actors import FRAMING_TITLE
from pages_apptest import array, link, open_page, plotly_specs, vega_specs  # noqa: F401  (open_page is a fixture)


def table_with(at, column: str):
    """The page's table holding `column` (AppTest keeps no keys on dataframes)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def captions(at) -> str:
    return " | ".join(c.value for c in at.caption)


def test_pair_over_the_years_shows_npmi_over_its_counts(open_page):
    at = open_page("actors", "a=russia&b=azerbaijan")
    spec = plotly_specs(at)["actors.pair_years"]
    npmi, both = spec["data"][0], spec["data"][1]
    assert list(array(npmi["x"])) == [2017, 2018, 2019, 2020, 2021, 2022]  # a gap for years without text
    assert array(npmi["y"])[0] == pytest.approx(0.2864, abs=1e-4)
    assert list(array(both["x"])) == [2017, 2018, 2020, 2022] and list(array(both["y"]))[:2] == [17, 38]


def test_years_without_enough_evidence_have_no_npmi_point(open_page):
    at = open_page("actors", "a=russia&b=turkey")
    spec = plotly_specs(at)["actors.pair_years"]
    values = dict(zip(array(spec["data"][0]["x"]), array(spec["data"][0]["y"])))
    assert values[2020] == values[2020] and values[2018] != values[2018]  # 2018: NaN, a gap
    grey = next(t for t in spec["data"] if t["name"].startswith("no NPMI"))
    assert list(array(grey["x"])) == [2017, 2018, 2022]


def test_year_slider_draws_the_heatmap_of_one_year_and_goes_into_the_link(open_page):
    at = open_page("actors", "in_year=2018")
    assert at.select_slider(key="view.in_year").value == 2018
    assert "104 sentences in the selection from 2018" in captions(at)
    assert link(at)["in_year"] == ["2018"]
    at.select_slider(key="view.in_year").set_value(0).run()
    assert "in_year" not in link(at) and "from 2018" not in captions(at)


def test_a_year_outside_the_selection_falls_back_to_every_year_with_a_notice(open_page):
    at = open_page("actors", "in_year=1999")
    assert "No passage of the selection is from 1999" in captions(at)
    assert at.select_slider(key="view.in_year").value == 0


def test_words_around_each_actor_with_the_sentences_behind_a_word(open_page):
    at = open_page("actors", "a=putin&b=aliyev&fterm=medvedev")
    assert FRAMING_TITLE in vega_specs(at)
    table = table_with(at, "z")
    assert set(table["side"]) == {"Vladimir Putin", "Ilham Aliyev"}
    assert at.selectbox(key="view.fterm").value == "medvedev"
    lines = table_with(at, "left")
    assert len(lines) == 2 and set(lines["side"]) == {"Vladimir Putin"} and set(lines["match"].str.lower()) == {"medvedev"}
    assert "naming both count for neither side" in captions(at)


def test_the_same_actor_twice_asks_for_two_actors(open_page):
    at = open_page("actors", "a=russia&b=russia")
    assert "actors.pair_years" not in plotly_specs(at) and FRAMING_TITLE not in vega_specs(at)
    assert "Choose two different actors above" in captions(at)


def test_an_actor_never_named_without_the_other_gets_an_empty_state(open_page):
    at = open_page("actors", "a=russia&b=iran&to=2017")
    assert FRAMING_TITLE not in vega_specs(at)
    assert any("names Iran without Russia" in i.value or "nothing to compare" in i.value for i in at.info)


def test_names_no_actor_covers_offer_an_actors_yaml_entry_to_copy(open_page):
    at = open_page("actors", "names=show")
    names = table_with(at, "aliases")
    assert names["name"].iloc[0] == "Karabakh" and not {"Feb", "York", "St", "Ministers"} & set(names["name"])
    assert at.selectbox(key="actors.stub_for").value == "Karabakh"
    assert at.code[0].value.startswith("- id: karabakh\n  label: Karabakh\n  kind:")
    at.selectbox(key="actors.stub_for").set_value("Anar Hasanov").run()
    assert at.code[0].value.startswith("- id: anar-hasanov\n")
