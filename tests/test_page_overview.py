"""The Overview page in AppTest, on the shipped corpus (five articles; see PRODUCT.md for what is known of them)."""

from __future__ import annotations

from corpuslens.filters import Filters
from corpuslens.query.overview import theme_shares
from corpuslens.selection import selection_mask

from pages_apptest import vega_specs, view_params

CERTAIN = "Russia Seeks to Break the Ice in Relations with Azerbaijan"  # 003, Ceyhun Mahmudlu, 25 September 2020


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at) -> list[str]:
    return list(vega_specs(at))


def size_line(at) -> str:
    return at.markdown[0].value


def test_default_view_shows_the_whole_corpus(open_page, shipped_index):
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert size_line(at).startswith("**68 passages in 5 documents**")
    assert metrics(at) == {"Documents": "5", "Passages": "68", "Authors": "4", "Years": "2017–2022"}
    assert charts(at) == ["Documents per year", "Authors by number of documents", "Themes"]
    # The theme chart draws the engine's shares, largest first.
    drawn = vega_specs(at)["Themes"]["data"]["values"]
    engine = theme_shares(shipped_index, selection_mask(shipped_index, Filters()))
    assert {row["label"]: row["passages"] for row in drawn} == dict(zip(engine["label"], engine["passages"]))
    assert [row["share"] for row in drawn] == sorted(engine["share"], reverse=True)
    table = at.dataframe[0].value.set_index("id")
    assert len(table) == 5 and table["passages"].sum() == 68
    assert [b.label for b in at.get("download_button")] == [
        "Download the selection's passages (CSV)", "Download the selection's citations (CSV)",
        "Download the document table (CSV)"]


def test_document_table_says_unknown_and_never_invents(open_page):
    table = open_page().dataframe[0].value.set_index("title")
    row = table.loc[CERTAIN]
    assert (row["authors"], row["publication"], row["date"], row["year"]) == ("Ceyhun Mahmudlu", "caspri.org",
                                                                              "2020-09-25", "2020")
    # 000 states no author; 004 has no title: both say so instead of a blank or a guess.
    assert table.loc["Russia, Azerbaijan Improve Relations Amidst Centrifugal Tendencies in Armenia", "authors"] == "(unknown)"
    assert table.loc["(unknown)", "authors"] == "Zaur Shiriyev"
    assert not table.reset_index().isin(["", None]).any().any()


def test_theme_in_the_link_narrows_every_count(open_page, shipped_index):
    military = int(selection_mask(shipped_index, Filters(themes=("military",))).sum())
    assert 0 < military < 68
    at = open_page(theme="military")
    assert not at.exception
    assert metrics(at)["Passages"] == str(military)
    assert size_line(at).startswith(f"**{military} passages in ")
    assert at.dataframe[0].value["passages"].sum() == military
    assert view_params(at) == {"theme": "military"}


def test_author_in_the_link_leaves_one_document(open_page):
    at = open_page(author="Ceyhun Mahmudlu")
    assert metrics(at) == {"Documents": "1", "Passages": "11", "Authors": "1", "Years": "2020"}
    assert list(at.dataframe[0].value["title"]) == [CERTAIN]


def test_choosing_an_author_in_the_sidebar_updates_the_view_and_the_link(open_page):
    at = open_page()
    at.multiselect(key="filter.authors").select("Zaur Shiriyev").run()
    assert not at.exception
    assert metrics(at)["Documents"] == "1"
    assert list(at.dataframe[0].value["authors"]) == ["Zaur Shiriyev"]
    assert view_params(at) == {"author": "Zaur Shiriyev"}


def test_bad_parameters_are_ignored_with_a_notice(open_page):
    at = open_page(theme="<script>alert(1)</script>", **{"from": "abc", "nonsense": "1"})
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "theme" in notices and "from" in notices and "nonsense" in notices
    assert "<script>" not in notices  # shown escaped, never as markup
    assert metrics(at)["Documents"] == "5"


def test_empty_selection_shows_the_empty_state_and_no_chart(open_page):
    at = open_page(q="zzzznotaword")
    assert not at.exception
    assert size_line(at).startswith("**0 passages in 0 documents**")
    assert "No passages match" in at.info[0].value
    assert "(Search)" in at.info[0].value and "Years" not in at.info[0].value  # names only the filter that is on
    assert charts(at) == [] and len(at.dataframe) == 0 and len(at.metric) == 0


def test_empty_state_names_every_filter_that_is_on(open_page):
    at = open_page(theme="energy", author="Zaur Shiriyev", q="pipeline")
    assert "(Author, Theme, Search)" in at.info[0].value


def test_publications_link_shows_the_publications_chart(open_page):
    at = open_page(contributors="publications")
    assert charts(at) == ["Documents per year", "Publications by number of documents", "Themes"]
    assert at.get("segmented_control")[0].value == "publications"


def test_documents_with_no_known_author_are_counted_beside_the_chart_not_drawn_as_a_bar(open_page):
    # 000 states no author: on a folder of saved pages such documents are most of the corpus, and one
    # "(unknown)" bar would dwarf every named author.
    at = open_page()
    drawn = vega_specs(at)["Authors by number of documents"]["data"]["values"]
    assert "(unknown)" not in {row["label"] for row in drawn}
    assert sum(row["documents"] for row in drawn) == 4
    assert "Not on the chart: 1 document(s) with no known author." in [c.value for c in at.caption]
