"""Citing a passage: the quote with what is known of its source, unknown fields left unknown, in four styles."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corpuslens.citations import citation, citation_table, format_citation
from corpuslens.cli import main
from corpuslens.query.common import passage_row

BASE = "https://lens.example.org"


def test_chicago_and_apa_cite_a_fully_known_passage(tiny_index):
    cited = citation(tiny_index, passage_row(tiny_index, "b-p2"), BASE)
    assert cited.quote == "Armenia thanked Russia." and cited.authors == ("Bob Stone",)
    chicago = format_citation(cited, "chicago")
    assert chicago.splitlines()[0] == "“Armenia thanked Russia.”"
    assert "Stone, Bob. “Peace Talks.” [publication unknown], March 2, 2021." in chicago
    assert chicago.endswith("Passage 2: https://lens.example.org/documents?doc=b&passage=2")
    apa = format_citation(cited, "apa")
    assert "Stone, B. (2021, March 2). Peace Talks. [Publication unknown]." in apa


def test_unknown_fields_stay_unknown_and_are_never_filled_in(tiny_index):
    cited = citation(tiny_index, passage_row(tiny_index, "c-p1"), BASE)  # c.txt: no title, author, date
    assert (cited.authors, cited.title, cited.publication, cited.date, cited.url) == ((), None, None, None, None)
    assert "[author unknown]. “[untitled].” [publication unknown], n.d." in format_citation(cited, "chicago")
    assert "[Author unknown]. (n.d.). [Untitled]. [Publication unknown]." in format_citation(cited, "apa")
    bibtex = format_citation(cited, "bibtex")
    for field in ("author", "title", "year", "howpublished", "url"):
        assert f"  {field} = " not in bibtex
    assert "note = {Passage 1: “Iran watched the pipeline closely.”}" in bibtex
    table = citation_table(tiny_index, np.array([passage_row(tiny_index, "c-p1")]), BASE)
    assert table.loc[0, ["title", "publication", "date", "url"]].isna().all() and table.loc[0, "authors"] == ""


def test_markdown_and_bibtex_escape_the_article_text(tiny_index):
    cited = citation(tiny_index, passage_row(tiny_index, "a-p1"), BASE)
    hostile = cited.__class__(**{**cited.__dict__, "quote": "A *bold* [link](javascript:x) {\\evil}",
                                 "title": "Gas_and}War"})
    markdown = format_citation(hostile, "markdown")
    assert markdown.startswith("> A \\*bold\\* \\[link\\]\\(javascript\\:x\\) \\{\\\\evil\\}")
    assert "*Gas\\_and\\}War*" in markdown and "(<https://lens.example.org/documents?doc=a&passage=1>)" in markdown
    bibtex = format_citation(hostile, "bibtex")
    assert "title = {Gas\\_and\\}War}" in bibtex and "\\{\\\\evil\\}" in bibtex
    assert bibtex.startswith("@misc{a-p1,") and "year = {2020},\n  month = {may},\n  day = {1}" in bibtex


def test_catalog_dates_marked_inferred_say_so(shipped_index):
    row = passage_row(shipped_index, "000_6faec565544156c5-p3")
    cited = citation(shipped_index, row, BASE)
    assert cited.date == "2018-09" and cited.date_inferred and not cited.authors
    assert "September 2018 [date inferred]" in format_citation(cited, "chicago")


def test_cli_cite_prints_the_style_and_json_carries_the_fields(capsys, tiny_data):
    assert main(["cite", "--data", str(tiny_data), "--topics", "2", "b-p2", "--style", "apa"]) == 0
    assert "Stone, B. (2021, March 2). Peace Talks." in capsys.readouterr().out
    assert main(["cite", "--data", str(tiny_data), "--topics", "2", "b-p2", "--style", "bibtex", "--format", "json",
                 "--base-url", BASE]) == 0
    cited = json.loads(capsys.readouterr().out)
    assert cited["passage"] == "b-p2" and cited["citation"].startswith("@misc{b-p2,")
    assert cited["permalink"].startswith(BASE + "/documents?doc=b&passage=2&corpus=")
    with pytest.raises(SystemExit, match="not a passage"):
        main(["cite", "--data", str(tiny_data), "--topics", "2", "b-p9"])
