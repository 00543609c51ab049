"""Shared fixtures: a tiny hand-made corpus whose answers can be worked out by hand, and the
shipped corpus's index, built once per test session."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from corpuslens.index import load_or_build
from corpuslens.settings import SHIPPED_DATA, IndexSettings

# Property tests check what the code does, not how fast: a loaded machine (CI beside other work) must
# not fail them on a first call that compiles a pattern. Speed is measured by `make bench`.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

TINY_THEMES = """
themes:
- id: energy
  label: Energy
  description: Oil and gas.
  terms: [gas, pipeline]
- id: war
  label: War
  description: Fighting and ceasefires.
  terms: [war, ceasefire]
- id: peace
  label: Peace
  description: Talks.
  terms: [peace]
"""

TINY_ACTORS = """
actors:
- {id: russia, label: Russia, kind: state, affiliation: null, aliases: [Moscow, Russian]}
- {id: azerbaijan, label: Azerbaijan, kind: state, affiliation: null, aliases: [Baku]}
- {id: armenia, label: Armenia, kind: state, affiliation: null, aliases: [Yerevan]}
- {id: ukraine, label: Ukraine, kind: state, affiliation: null, aliases: [Kyiv]}
- {id: iran, label: Iran, kind: state, affiliation: null, aliases: [Tehran]}
- {id: putin, label: Vladimir Putin, kind: person, affiliation: russia, aliases: [Putin]}
"""

# Five passages, seven sentences (see tests/test_queries.py for the hand-worked answers):
#   p0 (a, 2020): "Moscow sells gas to Baku." | "Russia and Azerbaijan signed a pipeline deal."
#   p1 (a, 2020): "The war in Ukraine changed the gas market."
#   p2 (b, 2021): "Baku and Yerevan discussed peace." | "The ceasefire held."
#   p3 (b, 2021): "Armenia thanked Russia."
#   p4 (c, unknown year, unknown author): "Iran watched the pipeline closely."
TINY_FILES = {
    "a.md": """\
        ---
        title: Gas and War
        author: Ann Lee
        date: 2020-05-01
        ---
        Moscow sells gas to Baku. Russia and Azerbaijan signed a pipeline deal.

        The war in Ukraine changed the gas market.
        """,
    "b.md": """\
        ---
        title: Peace Talks
        author: Bob Stone
        date: 2021-03-02
        ---
        Baku and Yerevan discussed peace. The ceasefire held.

        Armenia thanked Russia.
        """,
    "c.txt": """\
        Iran watched the pipeline closely.
        """,
}


def write_corpus(folder: Path, files: dict[str, str | bytes], themes: str = TINY_THEMES, actors: str = TINY_ACTORS) -> Path:
    """A data folder with raw/ and its own lexicons; returns the folder."""
    raw = folder / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    (folder / "themes.yaml").write_text(themes, encoding="utf-8")
    (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_data(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    return write_corpus(tmp_path / "data", TINY_FILES)


@pytest.fixture
def tiny_index(tiny_data):
    return load_or_build(tiny_data, IndexSettings(n_topics=2))


@pytest.fixture(scope="session")
def shipped_index():
    """The shipped corpus's index (built into data/index/ if it is not there yet)."""
    return load_or_build(SHIPPED_DATA, IndexSettings())


# -- Dashboard pages (streamlit.testing.v1.AppTest) ---------------------------------------

APP = Path(__file__).resolve().parent.parent / "app.py"


@pytest.fixture
def open_page(shipped_index, monkeypatch):
    """Open a dashboard page as a visitor following a link: `open_page("topics", topic="2")` -> a run AppTest.

    The app builds its navigation with st.navigation, which in a real server turns Streamlit's old
    pages/-folder mode off for good. AppTest switches that mode back on before every run (because a
    pages/ folder exists), and then runs a chosen page file alone, without app.py; keeping it off
    makes AppTest run app.py like the server does, so `switch_page` works even before the first run.
    """
    from streamlit.testing.v1 import AppTest

    from pages_apptest import without_pages_folder_mode

    without_pages_folder_mode(monkeypatch)
    monkeypatch.delenv("CORPUSLENS_DATA", raising=False)

    def open_(page: str = "overview", **params) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params = params
        if page != "overview":
            at.switch_page(f"pages/{page}.py")
        return at.run()

    return open_
