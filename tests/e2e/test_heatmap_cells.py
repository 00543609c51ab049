"""The co-mention heatmap's cells sit under the right row and column names after the selection changes, in a real
Chromium.

The heatmap's spec depends on the measure and the number of actors asked for alone
(corpuslens.figures.vega.co_mention_heatmap), so when a sidebar filter changes, Streamlit swaps the chart's data in place instead of
drawing it anew; Vega must then put each actor's row and column where its name is written. A person reads the chart
by its names and by hovering a cell: the rows' names top to bottom and the columns' names left to right must be the
engine's actors in order, and a cell's tooltip must name the pair whose names stand at its row and its column, with
the engine's value. Expected values come from the engine (the Actors view of the shipped corpus), never typed in.

Two stable specs that go wrong fail this test: one that places cells and names by the actors' names in the data's
order (after the update Vega keeps the earlier actors' places, so the rows no longer stand in the new ranking), and
one that writes the names at their rank but places the cells by name (the cells' tooltips then name other pairs than
the names at their row and column)."""

from __future__ import annotations

import pytest

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.settings import SHIPPED_DATA, IndexSettings
from corpuslens.views import actors_view
from streamlit_page import open_app, screenshot
from test_bar_order import _cells, _field, choose_theme, drop_theme

pytestmark = pytest.mark.browser

# The heatmap's cells (a rect mark's items are <path>s in a group of class "mark-rect") and every text it draws, as
# boxes in the page.
DRAWN = """chart => {
    const box = e => { const b = e.getBoundingClientRect();
                       return {x: b.left, y: b.top, w: b.width, h: b.height}; };
    const cells = [...chart.querySelectorAll('svg .mark-rect path')].map(box).filter(b => b.w > 0 && b.h > 0);
    const texts = [...chart.querySelectorAll('svg .mark-text text')].map(t => ({text: t.textContent, ...box(t)}));
    return {cells, texts};
}"""


def drawn(page, chart) -> dict:
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    return page.evaluate(DRAWN, chart.element_handle())


def names(found: dict) -> tuple[list[str], list[str]]:
    """The names written left of the cells, top to bottom, and below them, left to right."""
    left = min(c["x"] for c in found["cells"])
    bottom = max(c["y"] + c["h"] for c in found["cells"])
    rows = sorted((t for t in found["texts"] if t["x"] + t["w"] <= left + 1), key=lambda t: t["y"])
    columns = sorted((t for t in found["texts"] if t["y"] >= bottom - 1), key=lambda t: t["x"])
    return [t["text"] for t in rows], [t["text"] for t in columns]


def name_at(texts: list[dict], centre: float, axis: str) -> str:
    """The written name whose middle is nearest `centre` along `axis` ("x" or "y")."""
    size = "w" if axis == "x" else "h"
    return min(texts, key=lambda t: abs(t[axis] + t[size] / 2 - centre))["text"]


def tooltip_at(page, x: float, y: float, title: str, tries: int = 20) -> tuple[str, str]:
    """(pair, value) of the tooltip shown with the pointer at (x, y), once it reads the same twice."""
    page.mouse.move(x, y)
    last = None
    for _ in range(tries):
        page.wait_for_timeout(60)
        tip = page.locator("#vg-tooltip-element")
        if tip.count() and tip.is_visible():
            cells = _cells(tip.inner_text())
            now = (_field(cells, "Pair"), _field(cells, title))
            if None not in now and now == last:
                return now
            last = now
    raise AssertionError(f"no steady tooltip at ({x:.0f}, {y:.0f}); last read {last}")


def check(page, chart, want: dict, where: str, every: int = 7) -> None:
    """The names in the engine's order, and every `every`-th cell (and the first row's) under its names."""
    found = drawn(page, chart)
    rows, columns = names(found)
    assert rows == want["labels"], f"{where}: rows top to bottom {rows}, expected {want['labels']}"
    assert columns == want["labels"], f"{where}: columns left to right {columns}, expected {want['labels']}"
    left = min(c["x"] for c in found["cells"])
    bottom = max(c["y"] + c["h"] for c in found["cells"])
    row_texts = [t for t in found["texts"] if t["x"] + t["w"] <= left + 1]
    column_texts = [t for t in found["texts"] if t["y"] >= bottom - 1]
    cells = sorted(found["cells"], key=lambda c: (round(c["y"]), c["x"]))
    top = cells[0]["y"]
    sample = [c for k, c in enumerate(cells) if k % every == 0 or abs(c["y"] - top) < 1]
    wrong = []
    for cell in sample:
        x, y = cell["x"] + cell["w"] / 2, cell["y"] + cell["h"] / 2
        pair, value = tooltip_at(page, x, y, want["title"])
        row, column = name_at(row_texts, y, "y"), name_at(column_texts, x, "x")
        if pair != f"{row} × {column}" or value != want["values"].get(pair):
            wrong.append((pair, value, f"{row} × {column}", want["values"].get(f"{row} × {column}")))
    page.mouse.move(0, 0)
    assert not wrong, f"{where}: cells whose tooltip (pair, value) is not the pair at their row and column " \
                      f"(pair there, engine value): {wrong}"


def expected_view(index, filters: Filters) -> dict:
    spec = actors_view(index, filters).heatmap_chart
    colour = spec["layer"][0]["encoding"]["color"]
    fmt = colour["legend"]["format"]
    cells = [row for row in spec["data"]["values"] if row["kind"] == "cell"]
    labels = [row["label"] for row in sorted((r for r in spec["data"]["values"] if r["kind"] == "actor"),
                                             key=lambda r: r["i"])]
    assert fmt == ",d"
    return {"labels": labels, "title": colour["title"], "values": {row["pair"]: f"{row['value']:,.0f}" for row in cells}}


def _moves(a: list[str], b: list[str]) -> int:
    return sum(1 for i, t in enumerate(b) if i >= len(a) or a[i] != t)


@pytest.fixture(scope="module")
def expected():
    """The engine's heatmap (counts) for the whole corpus and for the two themes with as many actors whose order
    differs most from the whole corpus's and from each other's."""
    index = load_or_build(SHIPPED_DATA, IndexSettings())
    everything = expected_view(index, Filters())
    n = len(everything["labels"])
    by_theme = {t.label: expected_view(index, Filters(themes=(t.id,))) for t in index.themes}
    by_theme = {k: v for k, v in by_theme.items() if len(v["labels"]) == n}
    first = max(by_theme, key=lambda k: _moves(everything["labels"], by_theme[k]["labels"]))
    second = max((k for k in by_theme if k != first),
                 key=lambda k: _moves(by_theme[first]["labels"], by_theme[k]["labels"]))
    return {"all": everything, "first": (first, by_theme[first]), "second": (second, by_theme[second])}


def test_heatmap_cells_stay_under_their_names_when_the_theme_changes(app_url, page, expected, screenshots):
    open_app(page, f"{app_url}/actors")
    chart = page.get_by_test_id("stVegaLiteChart").first  # the heatmap comes first on the page
    check(page, chart, expected["all"], "whole corpus")
    svg = chart.locator("svg").first.element_handle()

    first, first_view = expected["first"]
    choose_theme(page, first)
    check(page, chart, first_view, f"theme {first!r}")

    second, second_view = expected["second"]
    drop_theme(page, first)
    choose_theme(page, second)
    check(page, chart, second_view, f"theme {second!r} after {first!r}")
    screenshot(page, screenshots / "74-actors-heatmap-after-theme-change.png")

    # The point of a stable spec: Streamlit swapped the data in the drawn chart instead of drawing it anew.
    assert page.evaluate("svg => svg.isConnected", svg), "the heatmap was drawn anew, not updated in place"
