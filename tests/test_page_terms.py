"""The Terms page in AppTest, on the shipped corpus. Expected values were checked by hand with the CLI:
`python -m corpuslens terms` (azerbaijan 76 first), `terms --kind phrases --n 10` (karabakh conflict 8 first),
`kwic CSTO` (10 lines), `kwic energy` (4), `kwic pipeline` (0), `terms --author "Fuad Shahbazov" --distinctive` (declaration first, armenia first for the rest).
"""

from __future__ import annotations

import pytest

from corpuslens.figures.terms import bar_order
from pages_apptest import link, open_page, vega_specs, warnings  # noqa: F401  (open_page is a fixture)


def top_terms(at):
    return at.dataframe[0].value  # the term table comes first on the page


def kwic(at):
    table = at.dataframe[-1].value
    assert list(table.columns[:7]) == ["passage", "doc", "title", "year", "left", "match", "right"]
    return table


def test_default_view_lists_the_most_frequent_term_first_with_bars_trend_and_kwic(open_page):
    at = open_page("terms")
    assert at.title[0].value == "Terms"
    table = top_terms(at)
    assert len(table) == 25
    assert table.iloc[0].to_dict() == {"term": "azerbaijan", "count": 76, "passages": 46}
    charts = vega_specs(at)
    assert {"Top 25 words and phrases", "“azerbaijan” over the years"} <= set(charts)
    bars = charts["Top 25 words and phrases"]
    assert bars["encoding"]["x"]["title"] == "occurrences"
    drawn = sorted(bars["data"]["values"], key=lambda row: row["order"])
    assert [row["term"] for row in drawn] == list(bar_order(table)["term"])  # most occurrences at the top
    assert not at.get("image")  # the word cloud is drawn on request
    # No term chosen yet: the trend and KWIC show the most frequent term.
    lines = kwic(at)
    assert len(lines) == 76 and set(lines["match"].str.lower()) == {"azerbaijan"}
    # The whole corpus has no "rest" to compare with: an explanation instead of an empty chart.
    assert any("no rest to compare with" in i.value for i in at.info)
    assert "Distinctive terms" not in charts
    assert len(at.get("download_button")) >= 2


def test_link_opens_phrases_and_a_term_with_its_kwic(open_page):
    at = open_page("terms", "grams=phrases&n=10&term=CSTO")
    table = top_terms(at)
    assert len(table) == 10 and table.iloc[0]["term"] == "karabakh conflict" and table.iloc[0]["count"] == 8
    assert table["term"].str.contains(" ").all()
    assert at.radio(key="view.grams").value == "phrases"
    assert at.text_input(key="view.term").value == "CSTO"
    lines = kwic(at)
    assert len(lines) == 10
    assert (lines["match"] == "CSTO").all()
    assert lines["right"].str.len().gt(0).all() and lines["title"].str.len().gt(0).all()
    assert "“CSTO” over the years" in vega_specs(at)
    assert link(at)["grams"] == ["phrases"] and link(at)["term"] == ["CSTO"]


def test_changing_widgets_updates_the_views_and_the_link(open_page):
    at = open_page("terms")
    at.radio(key="view.grams").set_value("words")
    at.slider(key="view.n").set_value(10)
    at.run()
    table = top_terms(at)
    assert len(table) == 10 and not table["term"].str.contains(" ").any()
    at.text_input(key="view.term").input("energy").run()
    assert not at.exception
    lines = kwic(at)
    assert len(lines) == 4 and set(lines["match"].str.lower()) == {"energy"}  # `kwic energy`: 4 lines
    assert link(at)["term"] == ["energy"] and link(at)["grams"] == ["words"]
    # A term the selection never uses says so instead of drawing empty views.
    at.text_input(key="view.term").input("pipeline").run()
    assert any("does not occur" in i.value for i in at.info) and not any("over the years" in t for t in vega_specs(at))
    # Picking from the top-terms list sets the same term (and the text box follows).
    at.selectbox(key="terms.pick").select("moscow").run()
    assert at.text_input(key="view.term").value == "moscow"
    assert set(kwic(at)["match"].str.lower()) == {"moscow"}
    assert link(at)["term"] == ["moscow"]


def test_distinctive_terms_of_a_selection_against_the_rest(open_page):
    at = open_page("terms", "author=Fuad Shahbazov")
    table = at.dataframe[1].value
    chosen = table[table["side"] == "the selection"]
    rest = table[table["side"] == "the rest"]
    assert chosen.iloc[0]["term"] == "declaration" and rest.iloc[0]["term"] == "armenia"
    sides = vega_specs(at)["Distinctive terms"]["encoding"]["color"]["scale"]["domain"]
    assert sides == ["more in the selection", "more in the rest"]


def test_selection_b_from_the_link_is_compared_and_kept_in_the_link(open_page):
    at = open_page("terms", "author=Fuad Shahbazov&compare=b&b_author=Sergey Markedonov")
    assert at.radio(key="view.compare").value == "b"
    assert at.multiselect(key="compare.authors").value == ["Sergey Markedonov"]
    table = at.dataframe[1].value
    assert set(table["side"]) == {"selection A", "selection B"}
    sides = vega_specs(at)["Distinctive terms"]["encoding"]["color"]["scale"]["domain"]
    assert sides == ["more in selection A", "more in selection B"]
    assert link(at)["b_author"] == ["Sergey Markedonov"] and link(at)["compare"] == ["b"]
    # Choosing B with the widgets works the same way.
    at.multiselect(key="compare.authors").set_value(["Ceyhun Mahmudlu"]).run()
    assert not at.exception
    assert link(at)["b_author"] == ["Ceyhun Mahmudlu"]


@pytest.mark.parametrize("query, named", [
    ("grams=<b>x</b>", "grams"),
    ("n=9999", "n"),
    ("b_theme=nope", "b_theme"),
    ("measure=<script>alert(1)</script>", "measure"),
])
def test_bad_parameters_are_ignored_with_a_notice(open_page, query, named):
    at = open_page("terms", query)
    assert named in warnings(at)
    assert len(top_terms(at)) == 25  # the default view
    assert at.radio(key="view.grams").value == "all"


def test_empty_selection_shows_the_empty_state_and_no_chart(open_page):
    at = open_page("terms", "q=zzzznotaword")
    assert any("No passages match" in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.get("vega_lite_chart") and not at.dataframe and not at.get("image")


def test_word_cloud_link_draws_the_cloud_instead_of_the_bars(open_page):
    at = open_page("terms", "show=cloud")
    assert at.get("image"), "the word cloud image is missing"
    assert not any(title.startswith("Top ") for title in vega_specs(at))
    assert top_terms(at).iloc[0]["term"] == "azerbaijan"  # the table stays beside the picture
    assert "Download the word cloud (PNG)" in [b.label for b in at.get("download_button")]
