"""The filter widgets: one sidebar, the same on every page (and again for selection B), drawn from the
filters' declarations (corpuslens.filters.FILTER_FIELDS)."""

from __future__ import annotations

import streamlit as st

from corpuslens.filters import CORPUS_VALUES, FILTER_FIELDS, FLAG, TEXT, UNKNOWN, WORDS, YEAR_FROM, YEAR_TO, FilterField, Filters
from corpuslens.index import CorpusIndex
from corpuslens.urlstate import Choices

MAX_KEYWORDS = 20
TEXT_CHARS = {WORDS: 300, TEXT: 200}


def widget_key(prefix: str, spec: FilterField) -> str:
    """The widget of a filter: `prefix + field` ("filter.themes"); the year range's one slider is `prefix + "years"`."""
    return prefix + ("years" if spec.kind in (YEAR_FROM, YEAR_TO) else spec.name)


def widget_value(spec: FilterField, filters: Filters):
    """A filter's value as its widget holds it (the link seeds the widgets with these)."""
    value = getattr(filters, spec.name)
    if spec.kind == CORPUS_VALUES:
        return list(value)
    if spec.kind == WORDS:
        return ", ".join(value)
    if spec.kind in (YEAR_FROM, YEAR_TO):
        return (filters.year_from, filters.year_to)
    return value


def filter_widgets(container, index: CorpusIndex, choices: Choices, prefix: str = "filter.") -> Filters:
    """Draw one widget per declared filter (the year range as one slider); return the chosen filters.

    Widget keys come from `widget_key`, seeded from the link by dashboard.state."""
    labels = {"themes": {t.id: t.label for t in index.themes}, "actors": {a.id: a.label for a in index.actors}}
    present = {"authors": index.author_docs, "publications": index.publication_docs, "languages": index.language_docs}
    # Themes keep the order of their knowledge file (an expert's order); other values are sorted by their name.
    declared_order = {"themes": [t.id for t in index.themes]}
    values: dict = {}
    for spec in FILTER_FIELDS:
        key = widget_key(prefix, spec)
        if spec.kind == CORPUS_VALUES:
            named = labels.get(spec.choices)
            options = declared_order.get(spec.choices) or sorted(
                getattr(choices, spec.choices), key=lambda v: (named.get(v, v) if named else v).casefold())
            if spec.unknown_allowed and UNKNOWN in present.get(spec.choices, ()):
                options.append(UNKNOWN)
            chosen = container.multiselect(spec.label, options, key=key, placeholder=spec.placeholder, help=spec.help,
                                           format_func=named.get if named else str)
            values[spec.name] = tuple(chosen)
        elif spec.kind == WORDS:
            text = container.text_input(f"{spec.label} (keywords)", key=key, max_chars=TEXT_CHARS[WORDS],
                                        placeholder=spec.placeholder, help=spec.help)
            values[spec.name] = tuple(k.strip() for k in text.split(",") if k.strip())[:MAX_KEYWORDS]
        elif spec.kind == TEXT:
            text = container.text_input(spec.label, key=key, max_chars=TEXT_CHARS[TEXT], placeholder=spec.placeholder,
                                        help=spec.help)
            values[spec.name] = text.strip()
        elif spec.kind == FLAG:
            values[spec.name] = container.checkbox(spec.label, key=key, help=spec.help)
        elif spec.kind == YEAR_FROM:
            values["year_from"], values["year_to"] = _years(container, choices, key, spec)
    return Filters(**values)


def _years(container, choices: Choices, key: str, spec: FilterField) -> tuple[int | None, int | None]:
    """A year-range slider over the corpus's known years; the full range means no year filter."""
    low, high = choices.year_min, choices.year_max
    if low is None or low == high:
        container.caption(f"{spec.label}: {low if low is not None else 'unknown'} (nothing to narrow)")
        return None, None
    start, end = st.session_state.get(key) or (None, None)
    if start is None or end is None:  # an open end in the link means the corpus's own bound
        st.session_state[key] = (low if start is None else start, high if end is None else end)
    start, end = container.slider(spec.label, min_value=low, max_value=high, key=key, step=1, help=spec.help)
    return (None if start == low else start), (None if end == high else end)
