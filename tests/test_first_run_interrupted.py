"""A shared link's first run keeps the link's selection however that run is cut short.

The load test once reported a shared link's Search box without its word (`/terms?...&q=oil`). The cause was the
check (tests/e2e/test_loadtest_check.py), but these are the app's candidates, each driven deterministically in AppTest:

- the first visit of a fresh server to a deep link, which runs pages/terms.py alone and reruns it through app.py
  (dashboard.context._run_through_app);
- a first run stopped for a rerun (st.rerun, as a rerun request from the browser stops it) after the link was read
  into widget state but before the sidebar was drawn, in the middle of the sidebar, or before `write_url` rewrote the
  address bar: the rerun must draw the link's values, not empty widgets, and the link must keep q.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import dashboard.context
import dashboard.sidebar
import dashboard.state
from pages_apptest import APP, link, open_page  # noqa: F401  (open_page is a fixture)

QUERY = "theme=ukraine-war&theme=armenia-politics&q=oil"
WANT = {"theme": ["ukraine-war", "armenia-politics"], "q": ["oil"]}


def assert_link_selection(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="filter.query").value == "oil"
    assert at.multiselect(key="filter.themes").value == ["ukraine-war", "armenia-politics"]
    assert {k: v for k, v in link(at).items() if k in WANT} == WANT
    assert any(re.search(r"passages? in", m.value) and "Search\\: oil" in m.value for m in at.markdown)  # the selection line


def test_first_visit_deep_link_on_a_fresh_server_keeps_the_search(monkeypatch):
    """No monkeypatching of the pages manager: the page runs alone first, as on a fresh server, then via app.py."""
    reruns = []
    real = dashboard.context._run_through_app
    monkeypatch.setattr(dashboard.context, "_run_through_app", lambda: (reruns.append(1), real()))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params = {key: values if len(values) > 1 else values[0] for key, values in parse_qs(QUERY).items()}
    at.switch_page("pages/terms.py")
    at.run()
    assert reruns == [1], "the page did not run alone first: the test proves nothing"
    assert at.title[0].value == "Terms"
    assert_link_selection(at)


class _StopsOnce:
    """A sidebar container that stops the run (st.rerun) the first time the widget `label` is drawn."""

    def __init__(self, container, label: str, fired: list):
        self._container, self._label, self._fired = container, label, fired

    def __getattr__(self, name):
        method = getattr(self._container, name)

        def draw(label, *args, **kwargs):
            if label == self._label and not self._fired:
                self._fired.append(label)
                st.rerun()
            return method(label, *args, **kwargs)

        return draw


@pytest.mark.parametrize("where", ["before the sidebar", "before the Search box", "before write_url"])
def test_a_first_run_stopped_for_a_rerun_keeps_the_links_search(open_page, monkeypatch, where):
    fired: list = []
    real_widgets, real_write_url = dashboard.sidebar.filter_widgets, dashboard.state.write_url

    def filter_widgets(container, *args, **kwargs):
        if where == "before the sidebar" and not fired:
            fired.append(where)
            st.rerun()
        if where == "before the Search box":
            container = _StopsOnce(container, "Search", fired)
        return real_widgets(container, *args, **kwargs)

    def write_url(*args, **kwargs):
        if where == "before write_url" and not fired:
            fired.append(where)
            st.rerun()
        return real_write_url(*args, **kwargs)

    monkeypatch.setattr(dashboard.sidebar, "filter_widgets", filter_widgets)
    monkeypatch.setattr(dashboard.state, "write_url", write_url)
    at = open_page("terms", QUERY)
    assert fired, "the first run was not stopped: the test proves nothing"
    assert_link_selection(at)
    # And the session goes on from there: a change keeps the search.
    at.multiselect(key="filter.themes").set_value(["ukraine-war"]).run()
    assert not at.exception
    assert at.text_input(key="filter.query").value == "oil"
    assert link(at)["q"] == ["oil"] and link(at)["theme"] == ["ukraine-war"]
