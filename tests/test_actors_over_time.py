"""A pair of actors over the years: per-year co-mention counts and NPMI, on a corpus small enough to count by hand."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corpuslens.cli import main
from corpuslens.index import load_or_build
from corpuslens.query import actors
from corpuslens.settings import IndexSettings

from tests.conftest import write_corpus

# 2020: ten sentences: three name Russia and Azerbaijan, two Russia alone, two Azerbaijan alone, three neither.
# 2021: two sentences, one naming both. No date: one sentence naming both.
YEARS_FILES = {
    "y2020.md": """\
        ---
        title: A year of talks
        date: 2020-01-01
        ---
        Russia and Baku met. Moscow and Azerbaijan talked. Russia praised Baku. Russia waited. Moscow spoke.
        Baku built roads. Azerbaijan sold oil. The rain fell. The wind rose. The sea was calm.
        """,
    "y2021.md": """\
        ---
        title: A short year
        date: 2021-01-01
        ---
        Russia and Baku signed. The talks ended.
        """,
    "undated.txt": """\
        Moscow and Baku agreed on nothing.
        """,
}


@pytest.fixture
def years_index(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    return load_or_build(write_corpus(tmp_path / "data", YEARS_FILES), IndexSettings(n_topics=2))


def everything(index):
    return np.ones(index.n_passages, dtype=bool)


def test_pair_npmi_per_year_matches_hand_computed_values(years_index):
    table = actors.pair_association(years_index, everything(years_index), "russia", "azerbaijan", by_year=True)
    assert list(table["year"]) == [2020, 2021]  # the undated sentence belongs to no year
    y2020, y2021 = table.iloc[0], table.iloc[1]
    assert (y2020["units"], y2020["units_a"], y2020["units_b"], y2020["both"]) == (10, 5, 5, 3)
    # log(0.3 / (0.5 * 0.5)) / -log(0.3)
    assert y2020["npmi"] == pytest.approx(0.151433285, abs=1e-6) and y2020["enough"]
    # One sentence naming each: the counts stay, the value (+1 here) is left out.
    assert (y2021["units"], y2021["units_a"], y2021["units_b"], y2021["both"]) == (2, 1, 1, 1)
    assert np.isnan(y2021["npmi"]) and not y2021["enough"]


def test_pair_over_the_whole_selection_counts_undated_sentences(years_index):
    row = actors.pair_association(years_index, everything(years_index), "russia", "azerbaijan").iloc[0]
    assert (row["units"], row["units_a"], row["units_b"], row["both"]) == (13, 7, 7, 5)
    # log((5/13) / (7/13)^2) / -log(5/13)
    assert row["npmi"] == pytest.approx(0.295723273, abs=1e-6)


def test_pair_per_year_is_the_heatmap_of_that_year(years_index):
    result = actors.co_mentions(years_index, everything(years_index), measure="npmi", year=2020)
    i, j = result.ids.index("russia"), result.ids.index("azerbaijan")
    assert result.units == 10 and result.counts[i, j] == 3
    assert result.values[i, j] == pytest.approx(0.151433285, abs=1e-6)
    assert actors.co_mentions(years_index, everything(years_index), year=2019).ids == []


def test_pair_per_year_of_a_selection_without_known_years_is_empty(years_index):
    undated = years_index.passages.index[np.isnan(years_index.passage_year)]
    mask = np.zeros(years_index.n_passages, dtype=bool)
    mask[undated] = True
    table = actors.pair_association(years_index, mask, "russia", "azerbaijan", by_year=True)
    assert table.empty and "year" in table.columns
    assert actors.selection_years(years_index, mask) == []


def cli(capsys, data, *args):
    code = main(["actors", "--data", str(data), "--topics", "2", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_pair_by_year_json_contract(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = write_corpus(tmp_path / "data", YEARS_FILES)
    code, out, err = cli(capsys, data, "--pair", "Moscow,azerbaijan", "--by-year", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["pair"] == ["russia", "azerbaijan"] and result["labels"] == ["Russia", "Azerbaijan"]
    assert result["window"] == "sentence" and result["min_units_per_actor"] == actors.MIN_UNITS_PER_ACTOR
    assert [r["year"] for r in result["rows"]] == [2020, 2021]
    assert set(result["rows"][0]) >= {"year", "units", "units_a", "units_b", "both", "npmi", "enough"}
    assert result["rows"][0]["npmi"] == pytest.approx(0.151433, abs=1e-6)
    assert result["rows"][1]["npmi"] is None and result["rows"][1]["both"] == 1
    assert "2021" in err  # the year whose value is left out is named


def test_cli_pair_csv_has_one_row_per_year(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = write_corpus(tmp_path / "data", YEARS_FILES)
    code, out, _ = cli(capsys, data, "--pair", "russia,azerbaijan", "--by-year", "--format", "csv")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0] == "year,units,units_a,units_b,both,npmi,enough"
    assert lines[2].startswith("2021,2,1,1,1,,")  # no value without enough evidence


@pytest.mark.parametrize("args, message", [
    (("--pair", "russia,atlantis", "--by-year"), "'atlantis' is not an actor"),
    (("--pair", "russia,Moscow"), "choose two different actors"),
    (("--pair", "russia"), "needs two actors"),
    (("--by-year",), "--by-year needs --pair"),
])
def test_cli_pair_refuses_bad_pairs_with_a_message(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = write_corpus(tmp_path / "data", YEARS_FILES)
    with pytest.raises(SystemExit) as stop:
        cli(capsys, data, *args)
    assert message in str(stop.value)
