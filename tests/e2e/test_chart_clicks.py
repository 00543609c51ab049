"""Clicks on charts choose what they show, in a real Chromium: a bar of the Terms page picks its term. The
chart carries the term in the clicked bar's customdata, so the page reads it from the click alone.

The expected term comes from the engine (the Terms view of the shipped corpus), never typed in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.settings import SHIPPED_DATA, IndexSettings
from corpuslens.views import actors_view, terms_view
from streamlit_page import expect_rerun, open_app, screenshot

pytestmark = pytest.mark.browser


def _names(text: str, field: str, wanted: str) -> bool:
    """Whether a Vega tooltip's text (a table of field and value) gives `field` the value `wanted`."""
    cells = [c.strip() for c in text.replace("\t", "\n").splitlines() if c.strip()]
    return any(cells[i] == field and cells[i + 1] == wanted for i in range(len(cells) - 1))


def _still_names(page, x: float, y: float, field: str, wanted: str) -> bool:
    """The tooltip may lag the pointer: stay at (x, y) a moment and read it again before trusting the spot."""
    page.mouse.move(x, y)
    page.wait_for_timeout(250)
    tip = page.locator("#vg-tooltip-element")
    return tip.count() > 0 and tip.is_visible() and _names(tip.inner_text(), field, wanted)


def point_at_tooltip(page, chart, wanted: str) -> tuple[float, float]:
    """Move the mouse down a Vega-Lite chart's rows, as a reader would, until its tooltip's Term row names `wanted`."""
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    for share in (0.45, 0.3, 0.6):
        x = box["x"] + box["width"] * share
        for y in range(int(box["y"]) + 20, int(box["y"] + box["height"]), 4):
            page.mouse.move(x, y)
            page.wait_for_timeout(60)  # the tooltip follows the pointer a frame or two later
            tip = page.locator("#vg-tooltip-element")
            if tip.count() and tip.is_visible():
                # The tooltip is a table of field and value: "Term", "russia", "Occurrences", "60", …
                if _names(tip.inner_text(), "Term", wanted) and _still_names(page, x, y, "Term", wanted):
                    return x, y
    raise AssertionError(f"no bar of the chart shows {wanted!r} in its tooltip")


def test_clicking_a_term_bar_shows_that_term_over_the_years_and_in_context(app_url, page, screenshots):
    listed = terms_view(load_or_build(SHIPPED_DATA, IndexSettings()), Filters()).listed
    wanted = listed[2]  # the third bar from the top: not the default term, which the page shows anyway
    open_app(page, f"{app_url}/terms")
    bars = page.get_by_test_id("stVegaLiteChart").first
    x, y = point_at_tooltip(page, bars, wanted)
    with expect_rerun(page):
        page.mouse.click(x, y)
    page.wait_for_function(
        "term => [...document.querySelectorAll('input')].some(i => i.value === term)", arg=wanted, timeout=30_000)
    screenshot(page, screenshots / "71-terms-bar-clicked.png")
    assert parse_qs(urlsplit(page.url).query).get("term") == [wanted]
    assert f"of “{wanted}”" in page.locator("body").inner_text()


def test_clicking_a_heatmap_cell_opens_the_passages_of_that_pair(app_url, page, screenshots):
    view = actors_view(load_or_build(SHIPPED_DATA, IndexSettings()), Filters())
    labels = view.co_mentions.labels
    first, second = view.co_mentions.ids[:2]
    open_app(page, f"{app_url}/actors")
    heatmap = page.get_by_test_id("stVegaLiteChart").first
    heatmap.scroll_into_view_if_needed()
    box = heatmap.bounding_box()
    # Find the cell of the first row and second column by its tooltip, moving along the first rows as a reader would.
    wanted = f"{labels[0]} × {labels[1]}"
    spot = None
    for y in range(int(box["y"]) + 30, int(box["y"]) + 200, 5):
        for x in range(int(box["x"]) + 60, int(box["x"] + box["width"]) - 60, 8):
            page.mouse.move(x, y)
            tip = page.locator("#vg-tooltip-element")
            if tip.count() and tip.is_visible() and _names(tip.inner_text(), "Pair", wanted) \
                    and _still_names(page, x, y, "Pair", wanted):
                spot = (x, y)
                break
        if spot:
            break
    assert spot, f"no cell's tooltip names {wanted!r}"
    with expect_rerun(page):
        page.mouse.click(*spot)
    page.wait_for_function("() => new URLSearchParams(location.search).get('b') !== null", timeout=30_000)
    screenshot(page, screenshots / "72-actors-cell-clicked.png")
    params = parse_qs(urlsplit(page.url).query)
    assert (params.get("a"), params.get("b")) == ([first], [second])
    assert "in the same sentence" in page.locator("body").inner_text()
