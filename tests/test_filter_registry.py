"""Each filter is declared once (corpuslens.filters) and every layer reads that declaration: the link, the
sidebar, selection B, the command line, the header and the empty state. "Has a web address" is the filter added
through the declaration alone, with its mask function; these tests follow it through each layer. "Language" is the
second, a filter over values the corpus offers (the language each document's words tell)."""

from __future__ import annotations

import json

import numpy as np

from tests.conftest import TINY_FILES, write_corpus
from corpuslens.cli import main
from corpuslens.filters import FILTER_FIELDS, Filters
from corpuslens.index import load_or_build
from corpuslens.query.common import choices_for, describe_filters
from corpuslens.selection import selection_mask
from corpuslens.settings import IndexSettings
from corpuslens.urlstate import filters_to_params, parse_params
from pages_apptest import open_page  # noqa: F401  (fixture)

WITH_URL = {**TINY_FILES, "d.md": """\
    ---
    title: Cited Piece
    author: Dee Ray
    date: 2021-07-07
    url: https://example.org/cited-piece
    ---
    Moscow and Baku spoke about the pipeline again.
    """}


def _index(tmp_path):
    return load_or_build(write_corpus(tmp_path / "data", WITH_URL), IndexSettings(n_topics=2))


def test_has_url_selects_only_documents_whose_address_is_known(tmp_path):
    index = _index(tmp_path)
    mask = selection_mask(index, Filters(has_url=True))
    titles = set(index.docs["title"].to_numpy()[index.passage_doc[np.flatnonzero(mask)]])
    assert titles == {"Cited Piece"}
    # It combines with the other filters like any field: an author without an address leaves nothing.
    assert not selection_mask(index, Filters(has_url=True, authors=("Ann Lee",))).any()


def test_every_declared_filter_survives_a_link_round_trip(tmp_path):
    index = _index(tmp_path)
    filters = Filters(authors=("Ann Lee",), publications=(), languages=("(unknown)",), year_from=2020, year_to=2021,
                      themes=("energy",), keywords=("gas", "oil deal"), actors=("russia",), query="pipeline",
                      has_url=True)
    assert all(getattr(filters, spec.name) not in ((), None, "", False) for spec in FILTER_FIELDS
               if spec.name != "publications"), "the example must set every field the tiny corpus allows"
    params = filters_to_params(filters)
    assert params["url"] == ["1"]
    parsed = parse_params(params, choices_for(index))
    assert parsed.notices == []
    assert parsed.filters == filters
    # Selection B reads the same declarations with its prefix.
    assert parse_params(filters_to_params(filters, "b_"), choices_for(index)).compare == filters


def test_a_flag_in_a_link_that_is_not_on_or_off_is_refused_with_a_notice(tmp_path):
    parsed = parse_params({"url": ["maybe"]}, choices_for(_index(tmp_path)))
    assert parsed.filters.has_url is False
    assert any(n.startswith("url:") for n in parsed.notices)


def test_the_header_names_filters_by_their_sidebar_labels(tmp_path):
    index = _index(tmp_path)
    described = describe_filters(index, Filters(themes=("energy",), year_from=2020, has_url=True))
    assert described == "Years: from 2020; Theme: Energy; Has a web address: yes"


def test_the_command_line_offers_the_new_filter_and_applies_it(tmp_path, capsys):
    data = write_corpus(tmp_path / "data", WITH_URL)
    assert main(["documents", "--data", str(data), "--topics", "2", "--has-url", "--format", "json"]) == 0
    out = capsys.readouterr()
    assert [d["title"] for d in json.loads(out.out)] == ["Cited Piece"]
    assert "Has a web address: yes" in out.err


def test_sidebar_and_empty_state_use_the_declaration(open_page):
    # The shipped articles state no web address: the link's filter leaves nothing, and the advice names it.
    at = open_page("overview", "url=1")
    assert at.checkbox(key="filter.has_url").value is True
    info = " ".join(i.value for i in at.info)
    assert "Has a web address" in info, info
    header = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Has a web address: yes" in header
    # Every declared filter has its widget in the sidebar, under its declared label.
    labels = {w.label for w in [*at.sidebar.multiselect, *at.sidebar.text_input, *at.sidebar.checkbox,
                                *at.sidebar.slider]}
    for spec in FILTER_FIELDS:
        assert any(label.startswith(spec.label) for label in labels), spec.label


ENGLISH = ("The committee met for a second time on Tuesday and agreed that the plan would need more money than the "
           "ministry had set aside, a point that several of its members said they had raised with the minister months "
           "before the vote was taken in the parliament of the country.")
FRENCH = ("Le comité s'est réuni pour la deuxième fois mardi et a convenu que le plan aurait besoin de plus d'argent "
          "que le ministère ne l'avait prévu, un point que plusieurs de ses membres avaient soulevé avec le ministre "
          "des mois avant le vote du parlement de la république.")


def test_the_language_filter_selects_documents_by_the_language_their_words_tell(tmp_path):
    files = {"en.txt": f"Budget talks\n\n{ENGLISH}\n", "fr.txt": f"Budget\n\n{FRENCH}\n"}
    index = load_or_build(write_corpus(tmp_path / "data", files), IndexSettings(n_topics=2))
    choices = choices_for(index)
    assert choices.languages == {"English", "French"}
    files_of = lambda mask: set(index.docs["file"].to_numpy()[index.passage_doc[np.flatnonzero(mask)]])  # noqa: E731
    assert files_of(selection_mask(index, Filters(languages=("French",)))) == {"fr.txt"}
    parsed = parse_params({"lang": ["English"]}, choices)
    assert parsed.filters.languages == ("English",) and parsed.notices == []
    assert files_of(selection_mask(index, parsed.filters)) == {"en.txt"}
    refused = parse_params({"lang": ["Klingon"]}, choices)
    assert refused.filters.languages == () and any(n.startswith("lang:") for n in refused.notices)
