"""The view's state between the URL and the widgets.

A session starts from its link: the query parameters are parsed once (corpuslens.urlstate
validates them) and seeded into the widgets. From then on the widgets are the truth, and
after every run the URL is rewritten from them, so the address bar always holds a link that
reopens exactly this view. Page settings live in `st.session_state["view"]` as well as in
their widgets, because Streamlit forgets a widget's value when its page is not shown.
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from corpuslens.filters import Filters
from corpuslens.urlstate import B_PREFIX, CORPUS_KEY, Choices, filters_to_params, parse_params, view_to_params

_STARTED = "state.started"
_NOTICES = "state.notices"
_VIEW = "view"
LINK_CORPUS = "state.link_corpus"


def start_session(choices: Choices) -> None:
    """On a session's first run, read the link: filters and page settings into widget state."""
    if st.session_state.get(_STARTED):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    parsed = parse_params(params, choices)
    for prefix, filters in (("filter.", parsed.filters), ("compare.", parsed.compare)):
        seed_filter_widgets(prefix, filters)
    st.session_state[_VIEW] = dict(parsed.view)
    st.session_state[_NOTICES] = parsed.notices + parsed.info
    st.session_state[LINK_CORPUS] = parsed.corpus
    st.session_state[_STARTED] = True


def seed_filter_widgets(prefix: str, filters: Filters) -> None:
    st.session_state[prefix + "authors"] = list(filters.authors)
    st.session_state[prefix + "publications"] = list(filters.publications)
    st.session_state[prefix + "themes"] = list(filters.themes)
    st.session_state[prefix + "actors"] = list(filters.actors)
    st.session_state[prefix + "keywords"] = ", ".join(filters.keywords)
    st.session_state[prefix + "query"] = filters.query
    st.session_state[prefix + "years"] = (filters.year_from, filters.year_to)


def take_notices() -> list[str]:
    """Notices about the link, shown on the run that read it and then forgotten."""
    return st.session_state.pop(_NOTICES, [])


def view_value(key: str):
    return st.session_state[_VIEW][key]


def view_widget(widget: Callable, key: str, label: str, **kwargs):
    """Draw a page-setting widget bound to the view state and return its value.

    The widget key is "view.<key>" (e.g. "view.measure"), seeded from the view state, which
    its on_change keeps current; so the setting survives page switches and goes into links.
    """
    widget_key = f"view.{key}"
    if widget_key not in st.session_state:
        st.session_state[widget_key] = _widget_value(st.session_state[_VIEW][key])

    def remember():
        st.session_state[_VIEW][key] = _view_value(st.session_state[widget_key])

    value = widget(label, key=widget_key, on_change=remember, **kwargs)
    st.session_state[_VIEW][key] = _view_value(value)
    return st.session_state[_VIEW][key]


def set_view(key: str, value) -> None:
    """Change a page setting from code (e.g. a click on a chart), widget included."""
    st.session_state[_VIEW][key] = value
    st.session_state[f"view.{key}"] = _widget_value(value)


def _widget_value(value):
    return list(value) if isinstance(value, tuple) else value


def _view_value(value):
    return tuple(value) if isinstance(value, list) else value


def write_url(page: str, filters: Filters, compare: Filters | None = None, corpus: str = "") -> None:
    """Rewrite the address bar from the current view, only when it differs (no needless history)."""
    params = filters_to_params(filters)
    params.update(view_to_params(page, st.session_state.get(_VIEW, {})))
    if compare is not None:
        params.update(filters_to_params(compare, B_PREFIX))
    if corpus:
        params[CORPUS_KEY] = [corpus]
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if current != params:
        st.query_params.from_dict(params)
