"""Links: every valid view survives a round trip; anything bad is dropped with a notice, never an error."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslens.filters import UNKNOWN, Filters
from corpuslens.urlstate import (MAX_VALUE_CHARS, choices_of, filters_to_params, parse_params, view_to_params)

CHOICES = choices_of(
    authors=["Ann Lee", "Bob Stone"],
    publications=["Eurasianet"],
    themes=["energy", "war"],
    actors=["russia", "azerbaijan"],
    years=[2017, 2020, 2022],
    actor_aliases={"moscow": "russia", "the kremlin": "russia", "baku": "azerbaijan"},
)


def test_filters_round_trip_through_the_url():
    filters = Filters(authors=("Ann Lee", UNKNOWN), publications=("Eurasianet",), year_from=2018, year_to=2021,
                      themes=("war", "energy"), keywords=("gas pipeline", "oil"), actors=("russia",), query="csto")
    parsed = parse_params(filters_to_params(filters), CHOICES)
    assert parsed.filters == filters
    assert parsed.notices == []


def test_default_view_makes_an_empty_query_string():
    assert filters_to_params(Filters()) == {}
    assert view_to_params("actors", {"window": "sentence", "measure": "count", "kinds": (), "top": 20}) == {}


def test_page_settings_round_trip_and_out_of_range_is_reset_with_notice():
    params = view_to_params("actors", {"window": "passage", "measure": "npmi", "kinds": ("state", "bloc"), "top": 30})
    parsed = parse_params(params, CHOICES, page="actors")
    assert parsed.view["window"] == "passage" and parsed.view["kinds"] == ("state", "bloc") and parsed.view["top"] == 30
    bad = parse_params({"top": ["9999"], "measure": ["<script>"]}, CHOICES, page="actors")
    assert bad.view["top"] == 20 and bad.view["measure"] == "count"
    assert any(n.startswith("top:") for n in bad.notices) and any(n.startswith("measure:") for n in bad.notices)


def test_unknown_values_and_keys_are_named_in_notices():
    parsed = parse_params({"theme": ["war", "nope"], "author": ["Eve"], "zzz": ["1"], "from": ["2999"]}, CHOICES)
    assert parsed.filters == Filters(themes=("war",))
    text = " | ".join(parsed.notices)
    assert "'nope'" in text and "'Eve'" in text and "'zzz'" in text and "from" in text


def test_actor_may_be_named_by_alias_and_years_are_swapped_when_reversed():
    parsed = parse_params({"actor": ["The Kremlin", "baku"], "from": ["2022"], "to": ["2017"]}, CHOICES)
    assert parsed.filters.actors == ("russia", "azerbaijan")
    assert (parsed.filters.year_from, parsed.filters.year_to) == (2017, 2022)
    assert any("swapped" in n for n in parsed.notices)


def test_oversized_and_nul_values_are_dropped():
    parsed = parse_params({"q": ["x" * (MAX_VALUE_CHARS + 1)], "kw": ["a\x00b"]}, CHOICES)
    assert parsed.filters == Filters()
    assert len(parsed.notices) == 2


def test_selection_b_uses_prefixed_keys():
    parsed = parse_params({"b_theme": ["energy"], "theme": ["war"]}, CHOICES)
    assert parsed.filters.themes == ("war",) and parsed.compare.themes == ("energy",)


_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["../../etc/passwd", "%3Cscript%3E", "<img src=x onerror=alert(1)>", "\x00", "war", "2020", "-1", "1e9"])
_keys = st.sampled_from(["theme", "author", "from", "to", "q", "kw", "actor", "top", "measure", "kinds", "doc",
                         "b_theme", "topic", "n"]) | _text


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_keys, st.lists(_text, min_size=1, max_size=30), max_size=70))
def test_any_query_string_parses_without_error(params):
    parsed = parse_params(params, CHOICES)
    assert isinstance(parsed.filters, Filters)
    for value in parsed.filters.themes:
        assert value in CHOICES.themes
    for value in parsed.filters.authors:
        assert value in CHOICES.authors | {UNKNOWN}
    assert len(parsed.filters.query) <= MAX_VALUE_CHARS
    for notice in parsed.notices:
        assert "\x00" not in notice and len(notice) < 400


def test_a_year_before_the_corpus_opens_the_range_with_a_note_instead_of_an_error():
    parsed = parse_params({"from": ["1066"], "to": ["2030"]}, CHOICES)
    assert (parsed.filters.year_from, parsed.filters.year_to) == (None, None) and parsed.notices == []
    assert parsed.info == ["from: 1066 is before the corpus's first year (2017): the range is open at the start",
                           "to: 2030 is after the corpus's last year (2022): the range is open at the end"]
    after_the_end = parse_params({"from": ["2030"]}, CHOICES)
    assert after_the_end.filters.year_from is None and "not a year of this corpus" in after_the_end.notices[0]


def test_authors_match_whatever_their_case_and_an_alias_says_it_widens():
    parsed = parse_params({"author": ["ann LEE"], "publication": ["EURASIANET"], "actor": ["the kremlin"]}, CHOICES)
    assert parsed.filters.authors == ("Ann Lee",) and parsed.filters.publications == ("Eurasianet",)
    assert parsed.filters.actors == ("russia",) and parsed.notices == []
    assert parsed.info == ["actor: 'the kremlin' is a name of the actor 'russia': passages naming it by any of its "
                           "names are selected"]
