"""Loading and validating the knowledge files, including the shipped ones."""

import textwrap

import pytest

from corpuslens.lexicon import load_actors, load_stopwords, load_themes
from corpuslens.model import ACTOR_KINDS
from corpuslens.settings import SHIPPED_DATA


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD_ACTORS = """
actors:
- id: russia
  label: Russia
  kind: state
  affiliation: null
  aliases: [Moscow, the Kremlin]
- id: putin
  label: Vladimir Putin
  kind: person
  affiliation: russia
  aliases: [Putin, Путин, Putin]
"""


def test_load_actors_reads_fields_adds_label_and_drops_repeats(tmp_path):
    russia, putin = load_actors(write(tmp_path, "actors.yaml", GOOD_ACTORS))
    assert (russia.id, russia.kind, russia.affiliation) == ("russia", "state", None)
    assert russia.aliases == ("Russia", "Moscow", "the Kremlin")
    assert putin.affiliation == "russia"
    assert putin.aliases == ("Vladimir Putin", "Putin", "Путин")


def test_load_actors_accepts_a_top_level_list(tmp_path):
    body = "- {id: iran, label: Iran, kind: state, affiliation: null, aliases: [Tehran]}\n"
    assert [a.id for a in load_actors(write(tmp_path, "a.yaml", body))] == ["iran"]


@pytest.mark.parametrize(
    "entry, message",
    [
        ("{id: Russia Fed, label: R, kind: state, aliases: [R]}", "not a slug"),
        ("{id: russia, label: R, kind: state, aliases: [Rus]}", "duplicate id 'russia'"),
        ("{id: x, label: X, kind: country, aliases: [X]}", "kind 'country'"),
        ("{id: x, label: X, kind: person, affiliation: atlantis, aliases: [X]}", "affiliation 'atlantis'"),
        ("{id: x, label: X, kind: person, affiliation: x, aliases: [X]}", "affiliation 'x'"),
        ("{id: x, label: X, kind: person, aliases: []}", "'aliases' must be a non-empty list"),
        ("{id: x, label: X, kind: person}", "'aliases' must be a non-empty list"),
        ("{id: x, label: X, kind: person, aliases: ['  ']}", "empty or non-string"),
        ("{id: x, label: '', kind: person, aliases: [X]}", "'label'"),
        ("{id: x, label: X, kind: person, aliases: [MOSCOW]}", "alias 'MOSCOW' already belongs to 'russia'"),
    ],
)
def test_load_actors_rejects_bad_entries_naming_file_and_entry(tmp_path, entry, message):
    path = write(tmp_path, "actors.yaml", GOOD_ACTORS + "- " + entry + "\n")
    with pytest.raises(ValueError) as err:
        load_actors(path)
    assert message in str(err.value)
    assert "actors.yaml" in str(err.value) and "entry #3" in str(err.value)


def test_load_actors_rejects_non_list_and_broken_yaml(tmp_path):
    with pytest.raises(ValueError, match="non-empty list"):
        load_actors(write(tmp_path, "a.yaml", "actors: {russia: 1}\n"))
    with pytest.raises(ValueError, match="not valid YAML"):
        load_actors(write(tmp_path, "b.yaml", "actors: [unclosed\n"))


def test_load_themes_and_its_errors(tmp_path):
    body = """
    themes:
    - id: ukraine-war
      label: War in Ukraine
      description: The invasion and sanctions.
      terms: [sanction*, war in ukraine, Kyiv]
    """
    (theme,) = load_themes(write(tmp_path, "themes.yaml", body))
    assert theme.terms == ("sanction*", "war in ukraine", "Kyiv")
    assert theme.description == "The invasion and sanctions."
    bad = body.replace("Kyiv]", "Ky*iv]")
    with pytest.raises(ValueError, match=r"themes\.yaml: entry #1 \(id 'ukraine-war'\): term 'Ky\*iv'"):
        load_themes(write(tmp_path, "themes.yaml", bad))
    with pytest.raises(ValueError, match="'terms' must be a non-empty list"):
        load_themes(write(tmp_path, "t2.yaml", body.replace("terms: [sanction*, war in ukraine, Kyiv]", "terms: []")))


def test_load_stopwords_skips_comments_and_folds(tmp_path):
    path = write(tmp_path, "stop.txt", "# comment\nThe\n\nsaid  # reporting verb\nDon’t\n")
    assert load_stopwords(path) == frozenset({"the", "said", "don't"})


def test_shipped_lexicons_load_and_are_large_enough():
    themes = load_themes(SHIPPED_DATA / "themes.yaml")
    actors = load_actors(SHIPPED_DATA / "actors.yaml")
    stop = load_stopwords(SHIPPED_DATA / "stopwords.txt")
    assert len(themes) >= 10 and all(t.description and t.terms for t in themes)
    assert len(actors) >= 45
    kinds = {a.kind for a in actors}
    assert kinds == set(ACTOR_KINDS)
    ids = {a.id for a in actors}
    for required in ("russia", "azerbaijan", "armenia", "turkey", "iran", "csto", "eaeu", "eu", "nato",
                     "putin", "ilham-aliyev", "heydar-aliyev", "pashinyan", "lavrov", "erdogan"):
        assert required in ids
    assert {"the", "said", "mr"} <= stop
    assert not {"russia", "azerbaijan", "karabakh"} & stop  # content words of this corpus stay
