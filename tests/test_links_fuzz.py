"""Hostile links, fuzzed: unknown and repeated keys, huge values, percent-encoded markup, ../ and NUL.

Through AppTest on the shipped corpus (every page): never an exception, one notice per problem (exactly the
notices corpuslens.urlstate gives for the same link, each shown as escaped text), and nothing from the URL
rendered as HTML. Each AppTest run costs ~0.1 s, so most cases go to parse_params directly.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslens.query.common import choices_for
from corpuslens.filters import FILTER_BY_KEY as FILTER_KEYS
from corpuslens.page_settings import PAGE_SETTINGS
from corpuslens.urlstate import parse_params, shown_key
from dashboard.text import md_escape

KNOWN_KEYS = sorted(set(FILTER_KEYS) | {p.key for specs in PAGE_SETTINGS.values() for p in specs} | {"b_theme", "b_q"})
HOSTILE = [
    "../../etc/passwd", "..\\..\\windows\\win.ini", "\x00", "a\x00b", "%00", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "[x](javascript:alert(1))",
    "**bold** _it_ `code` # h", "&lt;b&gt;", "%253Cb%253E", "'\"><svg onload=alert(1)>", "\u202e\u200b", "İ", "-1",
    "1e9", "99999999999999999999", "2020", "karabakh", "energy", "putin", "Moscow", "npmi", "passage", "3", "",
]
_values = st.sampled_from(HOSTILE) | st.text(max_size=40) | st.integers(201, 20_000).map(lambda n: "<b>" * (n // 3))
_keys = st.sampled_from(KNOWN_KEYS) | st.sampled_from(["<script>", "../x", "a\x00", "%3Cb%3E", "q[]", "THEME"]) \
    | st.text(min_size=1, max_size=20)
_params = st.dictionaries(_keys, st.lists(_values, min_size=1, max_size=4), max_size=6)
_MARKUP_ELEMENTS = ("markdown", "caption", "warning", "info", "success", "error", "title", "header", "subheader")
_UNESCAPED_TAG = re.compile(r"(?<!\\)<")


def _rendered(at):
    for kind in _MARKUP_ELEMENTS:
        for element in getattr(at, kind):
            yield element, str(element.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(params=_params, page=st.sampled_from(["overview", "topics", "terms", "actors", "documents"]))
def test_any_link_opens_without_error_with_notices_and_no_html(open_page, shipped_index, params, page):
    at = open_page(page, **{k: v if len(v) > 1 else v[0] for k, v in params.items()})
    assert not at.exception, [e.value for e in at.exception]

    expected = parse_params(params, choices_for(shipped_index)).notices
    notices = [w.value for w in at.warning if w.value.startswith("Link: ")]
    # Every problem urlstate finds is shown, in order; pages may add their own (e.g. an unknown actor pair).
    remaining = iter(notices)
    assert all(any(shown == f"Link: {md_escape(n)}" for shown in remaining) for n in expected), (expected, notices)

    from_url = [v for values in params.values() for v in values if "<" in v] + [k for k in params if "<" in k]
    for element, text in _rendered(at):
        if getattr(element.proto, "allow_html", False):
            assert not any(value in text for value in from_url)
        else:
            assert not _UNESCAPED_TAG.search(text), text[:200]


_long_values = _values | st.text(min_size=190, max_size=400)


@settings(max_examples=1000, deadline=None)
@given(st.dictionaries(_keys, st.lists(_long_values, min_size=1, max_size=30), max_size=70))
def test_every_bad_parameter_gets_a_notice_naming_it(shipped_index_choices, params):
    parsed = parse_params(params, shipped_index_choices)
    for key, values in params.items():
        known = key in KNOWN_KEYS or (key.startswith("b_") and key[2:] in FILTER_KEYS)
        if not known and len(params) <= 60:
            assert f"unknown parameter {shown_key(key)} ignored" in parsed.notices
        if known and any("\x00" in v or len(v) > 200 for v in values):
            assert f"{key}: an oversized or malformed value was ignored" in parsed.notices
    for notice in parsed.notices:
        assert "\x00" not in notice and len(notice) < 400
    assert "\x00" not in repr(parsed.filters) and len(parsed.filters.query) <= 200


def test_repeated_keys_keep_each_valid_value_once_and_name_each_bad_one(shipped_index_choices):
    parsed = parse_params({"theme": ["karabakh", "karabakh", "<b>", "../x"]}, shipped_index_choices)
    assert parsed.filters.themes == ("karabakh",)
    assert [n for n in parsed.notices if n.startswith("theme:")] == [
        "theme: '<b>' is not in this corpus, ignored", "theme: '../x' is not in this corpus, ignored"]


import pytest  # noqa: E402  (fixtures below the tests they serve, to keep the tests first)


@pytest.fixture(scope="session")
def shipped_index_choices(shipped_index):
    return choices_for(shipped_index)
