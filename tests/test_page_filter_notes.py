"""Filters read more widely than written say so on the page: an actor named by an alias, an early year."""

from __future__ import annotations

from pages_apptest import open_page  # noqa: F401  (fixture)


def test_an_actor_alias_in_a_link_is_described_as_every_name_of_the_actor(open_page):
    at = open_page("overview", "actor=Kremlin&from=1990")
    notes = " | ".join(w.value for w in at.warning).replace("\\", "")
    assert "'Kremlin' is a name of the actor 'russia'" in notes
    assert "1990 is before the corpus's first year (2017): the range is open at the start" in notes
    described = at.markdown[0].value.replace("\\", "")
    assert "Actor: Russia (any of its 17 names, e.g. Moscow, the Kremlin)" in described
    assert at.multiselect(key="filter.actors").value == ["russia"]
