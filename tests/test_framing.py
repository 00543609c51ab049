"""The words around two actors: Fightin' Words of the sentences naming A against those naming B."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corpuslens.cli import main
from corpuslens.index import load_or_build
from corpuslens.query import actors
from corpuslens.settings import IndexSettings

from tests.conftest import write_corpus

# Three sentences name only Russia (gas), three only Azerbaijan (carpets), two name both (treaty).
FRAMING_FILES = {
    "trade.md": """\
        ---
        title: Two trades
        date: 2020-01-01
        ---
        Moscow sells gas to Europe. Russia sells gas and oil. Russia pipes gas north.
        Baku weaves carpets. Azerbaijan sells carpets abroad. Baku exports carpets too.
        Russia and Baku signed a treaty. Moscow and Azerbaijan praised the treaty.
        """,
}


@pytest.fixture
def framing_data(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    return write_corpus(tmp_path / "data", FRAMING_FILES)


@pytest.fixture
def framing_index(framing_data):
    return load_or_build(framing_data, IndexSettings(n_topics=2))


def everything(index):
    return np.ones(index.n_passages, dtype=bool)


def test_word_only_one_actor_s_sentences_use_is_on_that_side(framing_index):
    framing = actors.framing_terms(framing_index, everything(framing_index), "russia", "azerbaijan")
    sides = dict(zip(framing.terms["term"], framing.terms["side"]))
    assert sides["gas"] == "a" and sides["carpets"] == "b"
    gas = framing.terms.set_index("term").loc["gas"]
    assert (gas["count_a"], gas["count_b"]) == (3, 0) and gas["z"] > 0
    assert (framing.units_a, framing.units_b, framing.units_both) == (3, 3, 2)


def test_sentences_naming_both_and_the_actors_own_names_count_for_neither_side(framing_index):
    terms = set(actors.framing_terms(framing_index, everything(framing_index), "russia", "azerbaijan").terms["term"])
    assert "treaty" not in terms  # only in sentences naming both
    assert not terms & {"russia", "moscow", "baku", "azerbaijan"}


def test_swapping_the_actors_swaps_the_sides(framing_index):
    framing = actors.framing_terms(framing_index, everything(framing_index), "azerbaijan", "russia")
    sides = dict(zip(framing.terms["term"], framing.terms["side"]))
    assert sides["carpets"] == "a" and sides["gas"] == "b"


def test_passage_window_puts_the_whole_passage_on_both_sides(framing_index):
    # The one passage names both actors: in passages there is nothing to contrast.
    framing = actors.framing_terms(framing_index, everything(framing_index), "russia", "azerbaijan", window="passage")
    assert framing.terms.empty and (framing.units_a, framing.units_b, framing.units_both) == (0, 0, 1)


def test_actor_never_named_gives_an_empty_framing(framing_index):
    framing = actors.framing_terms(framing_index, everything(framing_index), "russia", "iran")
    assert framing.terms.empty and framing.units_b == 0 and framing.units_a == 5  # 3 alone, 2 with Azerbaijan


def test_keyword_in_context_shows_the_sentences_behind_a_word(framing_index):
    lines = actors.framing_kwic(framing_index, everything(framing_index), "russia", "azerbaijan", "carpets")
    assert list(lines["side"]) == ["b", "b", "b"]
    assert lines["left"].iloc[0].endswith("Baku weaves ") and list(lines["match"]) == ["carpets"] * 3
    assert actors.framing_kwic(framing_index, everything(framing_index), "russia", "azerbaijan", "treaty").empty


def run(capsys, data, *args):
    code = main(["terms", "--data", str(data), "--topics", "2", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_around_vs_json_contract(capsys, framing_data):
    code, out, err = run(capsys, framing_data, "--around", "Moscow", "--vs", "azerbaijan", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert (result["a"], result["b"], result["window"]) == ("russia", "azerbaijan", "sentence")
    assert (result["units_a"], result["units_b"], result["units_both"]) == (3, 3, 2)
    gas = next(t for t in result["terms"] if t["term"] == "gas")
    assert set(gas) >= {"term", "count_a", "count_b", "log_odds", "z", "side"} and gas["side"] == "a"
    assert "2 naming both are left out" in err


def test_cli_around_an_actor_without_sentences_says_so(capsys, framing_data):
    code, out, err = run(capsys, framing_data, "--around", "russia", "--vs", "iran", "--format", "json")
    assert code == 0 and json.loads(out)["terms"] == []
    assert "no sentence of the selection names Iran" in err


@pytest.mark.parametrize("args, message", [
    (("--around", "atlantis", "--vs", "russia"), "--around: 'atlantis' is not an actor"),
    (("--around", "russia", "--vs", "atlantis"), "--vs: 'atlantis' is not an actor"),
    (("--around", "russia", "--vs", "Moscow"), "choose two different actors"),
    (("--around", "russia"), "needs two actors"),
])
def test_cli_around_refuses_bad_actors_with_a_message(capsys, framing_data, args, message):
    with pytest.raises(SystemExit) as stop:
        run(capsys, framing_data, *args)
    assert message in str(stop.value)


def test_phrases_holding_an_actor_s_name_are_left_out_too(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    files = {"a.md": "President Putin visited farms. Baku built ports.\n\nPresident Putin visited mines. Baku built roads.\n"}
    data = write_corpus(tmp_path / "data", files, actors="""
actors:
- {id: putin, label: Vladimir Putin, kind: person, affiliation: null, aliases: [Putin]}
- {id: azerbaijan, label: Azerbaijan, kind: state, affiliation: null, aliases: [Baku]}
""")
    index = load_or_build(data, IndexSettings(n_topics=2))
    assert "president putin" in set(index.vocab)  # a phrase of two passages, so the index keeps it
    terms = set(actors.framing_terms(index, everything(index), "putin", "azerbaijan").terms["term"])
    assert "visited" in terms and "built" in terms
    assert not {"president putin", "putin", "putin visited"} & terms


def test_many_sentences_are_read_as_an_even_sample_and_say_so(framing_index, monkeypatch):
    monkeypatch.setattr(actors, "MAX_SENTENCES_READ", 2)
    framing = actors.framing_terms(framing_index, everything(framing_index), "russia", "azerbaijan")
    assert (framing.units_a, framing.read_a) == (3, 2)
    gas = framing.terms.set_index("term").loc["gas"]
    assert gas["count_a"] == 2  # the first and last of the three sentences
    assert list(actors.even_sample(np.arange(10), 3)) == [0, 4, 9]  # spread over the whole range, in order
    assert list(actors.even_sample(np.arange(3), 5)) == [0, 1, 2]
