"""The filter widgets: one sidebar, the same on every page (and again for selection B)."""

from __future__ import annotations

import streamlit as st

from corpuslens.filters import UNKNOWN, Filters
from corpuslens.index import CorpusIndex
from corpuslens.urlstate import Choices

MAX_KEYWORDS = 20

# The sidebar's label of each filter field, to name the filters that are on.
FILTER_LABELS = {"authors": "Author", "publications": "Publication", "year_from": "Years", "year_to": "Years",
                 "themes": "Theme", "keywords": "Ad-hoc theme", "actors": "Actor", "query": "Search"}


def active_filters(filters: Filters) -> list[str]:
    """The sidebar labels of the filters that narrow the selection, in sidebar order, each once."""
    names = [FILTER_LABELS[f] for f, value in vars(filters).items() if value not in ((), None, "")]
    return list(dict.fromkeys(names))


def filter_widgets(container, index: CorpusIndex, choices: Choices, prefix: str = "filter.") -> Filters:
    """Draw Author, Publication, Years, Theme, Keywords, Actor and Search; return the chosen filters.

    Widget keys are `prefix + field` (e.g. "filter.themes"), seeded from the link by dashboard.state.
    """
    authors = sorted(choices.authors, key=str.casefold) + ([UNKNOWN] if UNKNOWN in index.author_docs else [])
    publications = sorted(choices.publications, key=str.casefold) + ([UNKNOWN] if UNKNOWN in index.publication_docs else [])
    theme_labels = {t.id: t.label for t in index.themes}
    actor_labels = {a.id: a.label for a in index.actors}

    chosen_authors = container.multiselect("Author", authors, key=prefix + "authors", placeholder="All authors")
    chosen_publications = container.multiselect("Publication", publications, key=prefix + "publications",
                                                placeholder="All publications")
    year_from, year_to = _years(container, choices, prefix)
    chosen_themes = container.multiselect("Theme", list(theme_labels), key=prefix + "themes", placeholder="All themes",
                                          format_func=theme_labels.get,
                                          help="Passages tagged with any of these themes (data/themes.yaml).")
    keywords = container.text_input("Ad-hoc theme (keywords)", key=prefix + "keywords", max_chars=300,
                                    placeholder="e.g. pipeline, gas, TANAP",
                                    help="Comma-separated words or phrases: passages with any of them.")
    chosen_actors = container.multiselect("Actor", sorted(actor_labels, key=lambda a: actor_labels[a].casefold()),
                                          key=prefix + "actors", format_func=actor_labels.get, placeholder="All actors",
                                          help="Passages mentioning any of these actors, by any alias.")
    query = container.text_input("Search", key=prefix + "query", max_chars=200, placeholder="words that must all occur")
    return Filters(
        authors=tuple(chosen_authors),
        publications=tuple(chosen_publications),
        year_from=year_from,
        year_to=year_to,
        themes=tuple(chosen_themes),
        keywords=tuple(k.strip() for k in keywords.split(",") if k.strip())[:MAX_KEYWORDS],
        actors=tuple(chosen_actors),
        query=query.strip(),
    )


def _years(container, choices: Choices, prefix: str) -> tuple[int | None, int | None]:
    """A year-range slider over the corpus's known years; the full range means no year filter."""
    low, high = choices.year_min, choices.year_max
    key = prefix + "years"
    if low is None or low == high:
        container.caption(f"Years: {low if low is not None else 'unknown'} (nothing to narrow)")
        return None, None
    start, end = st.session_state.get(key) or (None, None)
    if start is None or end is None:  # an open end in the link means the corpus's own bound
        st.session_state[key] = (low if start is None else start, high if end is None else end)
    start, end = container.slider("Years", min_value=low, max_value=high, key=key, step=1,
                                  help="Documents of unknown year are left out once the range is narrowed.")
    return (None if start == low else start), (None if end == high else end)
