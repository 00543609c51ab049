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

from corpuslens.filters import FILTER_FIELDS, Filters
from corpuslens.page_settings import PAGE_SETTINGS, setting
from corpuslens.urlstate import B_PREFIX, CORPUS_KEY, Choices, filters_to_params, parse_params, view_to_params
from dashboard.sidebar import widget_key, widget_value

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
    for spec in FILTER_FIELDS:
        st.session_state[widget_key(prefix, spec)] = widget_value(spec, filters)


def take_notices() -> list[str]:
    """Notices about the link, shown on the run that read it and then forgotten."""
    return st.session_state.pop(_NOTICES, [])


def view_value(key: str):
    return st.session_state[_VIEW][key]


def view_widget(widget: Callable, key: str, label: str | None = None, **kwargs):
    """Draw a page-setting widget bound to the view state and return its value.

    Label, help, options (with their labels) and bounds come from the setting's declaration
    (corpuslens.page_settings); `label` and `kwargs` add what only the page knows (options drawn from the corpus,
    a label that names the current window).
    The widget key is "view.<key>" (e.g. "view.measure"), seeded from the view state, which
    its on_change keeps current; so the setting survives page switches and goes into links.
    """
    spec = setting(key)
    declared: dict = {"help": spec.help or None}
    if spec.options:
        declared.update(options=list(spec.options), format_func=spec.option_label)
    elif spec.low is not None and widget in (st.slider, st.number_input):
        declared.update(min_value=spec.low, max_value=spec.high, step=spec.step)
    elif spec.low is not None and widget is st.select_slider:
        declared.update(options=list(range(spec.low, spec.high + 1, spec.step)))
    elif widget is st.text_input:
        declared.update(max_chars=spec.max_chars)
    widget_key = f"view.{key}"
    if widget_key not in st.session_state:
        st.session_state[widget_key] = _widget_value(st.session_state[_VIEW][key])

    def remember():
        st.session_state[_VIEW][key] = _view_value(st.session_state[widget_key])

    value = widget(label or spec.label, key=widget_key, on_change=remember, **{**declared, **kwargs})
    st.session_state[_VIEW][key] = _view_value(value)
    return st.session_state[_VIEW][key]


def page_values(page: str) -> dict:
    """The page's settings as they stand (page settings live in the view state, see view_widget)."""
    view = st.session_state[_VIEW]
    return {spec.key: view[spec.key] for spec in PAGE_SETTINGS[page]}


def set_view(key: str, value) -> None:
    """Change a page setting from code (e.g. a click on a chart), widget included."""
    st.session_state[_VIEW][key] = value
    st.session_state[f"view.{key}"] = _widget_value(value)


def _widget_value(value):
    return list(value) if isinstance(value, tuple) else value


def _view_value(value):
    return tuple(value) if isinstance(value, list) else value


def link_params(page: str, filters: Filters, compare: Filters | None = None, corpus: str = "") -> dict[str, list[str]]:
    """The query parameters that reopen the current view: the address bar and the share box both show these."""
    params = filters_to_params(filters)
    params.update(view_to_params(page, st.session_state.get(_VIEW, {})))
    if compare is not None:
        params.update(filters_to_params(compare, B_PREFIX))
    if corpus:
        params[CORPUS_KEY] = [corpus]
    return params


def write_url(params: dict[str, list[str]]) -> None:
    """Rewrite the address bar with these parameters, only when it differs (no needless history)."""
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if current != params:
        st.query_params.from_dict(params)
