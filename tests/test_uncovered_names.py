"""The names no actor covers: what the Actors page lists for the user to add to actors.yaml, and the entry it offers."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from corpuslens.index import load_or_build
from corpuslens.lexicon import load_actors
from corpuslens.query import actors
from corpuslens.query.name_candidates import actor_id_for, yaml_stub
from corpuslens.settings import IndexSettings

from tests.conftest import TINY_THEMES, write_corpus

ACTORS = """
actors:
- {id: russia, label: Russia, kind: state, affiliation: null, aliases: [Moscow]}
- {id: azerbaijan, label: Azerbaijan, kind: state, affiliation: null, aliases: [Baku]}
- {id: armenia, label: Armenia, kind: state, affiliation: null, aliases: [Armenian, Yerevan]}
"""

NAMES_FILES = {
    "names.md": """\
        ---
        title: Names
        date: 2020-01-01
        ---
        Moscow hosted Anar Hasanov at the Dossier Center on Feb. 22, and Hasanov praised the Dossier Center in New York.

        Baku signed the Convention on the Legal Status of the Caspian Sea (Izvestia, September 7).

        Baku sent delegates to a conference called “Only Ally in the Caucasus” last year.

        The armed forces of Baku and the Armed Forces of Yerevan met, as the pact's Article 5 requires.

        Lebanese Armenians and other Armenians watched the rector of MGIMO Anatoly Torkunov in St. Petersburg.
        """,
}


@pytest.fixture
def names_index(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    return load_or_build(write_corpus(tmp_path / "data", NAMES_FILES, TINY_THEMES, ACTORS), IndexSettings(n_topics=2))


def listed(index):
    return actors.uncovered_names(index, np.ones(index.n_passages, dtype=bool))


def test_only_names_an_expert_would_add_are_listed(names_index):
    names = set(listed(names_index)["name"])
    assert names == {"Anar Hasanov", "Dossier Center", "New York", "Convention on the Legal Status of the Caspian Sea",
                     "Lebanese Armenians", "MGIMO", "Anatoly Torkunov", "St. Petersburg"}


@pytest.mark.parametrize("not_a_name", [
    "Feb",  # a month
    "Izvestia",  # a source cited with its date
    "Ally", "Caucasus",  # words of a quoted title
    "Armed Forces",  # ordinary words the text also writes in lower case
    "Article",  # a numbered part of a text
    "Armenians",  # the plural of an actor's adjective: a people, not the state
    "York", "St", "Legal Status", "Caspian Sea",  # pieces of longer names
    "MGIMO Anatoly Torkunov",  # two names run together
])
def test_what_is_not_a_name_is_left_out(names_index, not_a_name):
    assert not_a_name not in set(listed(names_index)["name"])


def test_a_surname_after_the_full_name_is_its_alias(names_index):
    row = listed(names_index).set_index("name").loc["Anar Hasanov"]
    assert row["aliases"] == ("Hasanov",) and row["passages"] == 1


def test_stub_is_an_actors_yaml_entry_once_its_kind_is_filled_in(names_index, tmp_path):
    stub = listed(names_index).set_index("name").loc["Anar Hasanov", "stub"]
    entry = yaml.safe_load(stub)[0]
    assert entry == {"id": "anar-hasanov", "label": "Anar Hasanov", "kind": None, "affiliation": None,
                     "aliases": ["Anar Hasanov", "Hasanov"]}
    assert "fill in: state | person | organisation | bloc" in stub
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS + stub.replace("kind:", "kind: person  #"), encoding="utf-8")
    assert load_actors(path)[-1].aliases == ("Anar Hasanov", "Hasanov")


def test_stub_ids_are_slugs_for_any_script():
    assert actor_id_for("Çocuq Mərcanlı") == "cocuq-mercanli"
    assert actor_id_for("St. Petersburg") == "st-petersburg"
    assert actor_id_for("ХАМАС").startswith("actor-")
    assert yaml.safe_load(yaml_stub("O'Brien: \"Jr\"", []))[0]["label"] == "O'Brien: \"Jr\""


def test_empty_selection_lists_nothing(names_index):
    table = actors.uncovered_names(names_index, np.zeros(names_index.n_passages, dtype=bool))
    assert table.empty and list(table.columns) == ["name", "passages", "aliases", "stub"]


def test_a_name_in_quoted_speech_is_still_a_name(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    files = {"speech.md": """\
        ---
        title: Speech
        ---
        The minister said: “we will keep talking to our partners in Dushanbe whatever happens next year,” and left.
        """}
    index = load_or_build(write_corpus(tmp_path / "data", files, TINY_THEMES, ACTORS), IndexSettings(n_topics=2))
    assert "Dushanbe" in set(listed(index)["name"])
