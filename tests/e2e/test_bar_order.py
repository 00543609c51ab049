"""The top-terms bars stand in the right order after the selection changes, in a real Chromium.

The bar chart's spec does not change with the data (corpuslens.figures.vega._horizontal_bars), so when a sidebar
filter changes, Streamlit swaps the chart's data in place instead of drawing it anew, and Vega must then still put
the most frequent term at the top. A person reads the bars top to bottom by hovering each one: its tooltip names the
term and its count, and the label at its left must name the same term. The expected order comes from the engine
(the Terms view of the shipped corpus for the same selection), never typed in.

A spec that is stable but lets Vega keep the earlier rows' places (y as the nominal label, sorted by the data's order)
fails this test: the bars of the second theme then stand partly in the order of the first."""

from __future__ import annotations

import pytest

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.settings import SHIPPED_DATA, IndexSettings
from corpuslens.views import terms_view
from streamlit_page import expect_rerun, open_app, screenshot

pytestmark = pytest.mark.browser

# The chart's bars top to bottom as Vega's SVG renderer draws them (a rect mark's items are <path>s in a group of class
# "mark-rect"); the i-th is scrolled into view and returned as its box, with every text drawn in the chart (the row
# labels, whichever mark or axis draws them) as its right end and vertical centre. Boxes are read afresh for each bar,
# since the page may scroll while the pointer moves.
BAR = """([chart, i]) => {
    const bars = [...chart.querySelectorAll('svg .mark-rect path')]
        .filter(p => p.getBoundingClientRect().height > 0)
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    if (i >= bars.length) return {count: bars.length};
    bars[i].scrollIntoView({block: 'nearest'});
    const r = bars[i].getBoundingClientRect();
    const texts = [...chart.querySelectorAll('svg text')].map(t => {
        const b = t.getBoundingClientRect();
        return {text: t.textContent, right: b.right, y: b.top + b.height / 2};
    });
    return {count: bars.length, bar: {x: r.left, y: r.top, w: r.width, h: r.height}, texts};
}"""


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.replace("\t", "\n").splitlines() if c.strip()]


def _field(cells: list[str], field: str) -> str | None:
    return next((cells[i + 1] for i in range(len(cells) - 1) if cells[i] == field), None)


def tooltip_at(page, x: float, y: float, tries: int = 20) -> tuple[str, int]:
    """(term, occurrences) of the tooltip shown with the pointer at (x, y), once it reads the same twice."""
    page.mouse.move(x, y)
    last = None
    for _ in range(tries):
        page.wait_for_timeout(60)  # the tooltip follows the pointer a frame or two later
        tip = page.locator("#vg-tooltip-element")
        if tip.count() and tip.is_visible():
            cells = _cells(tip.inner_text())
            now = (_field(cells, "Term"), _field(cells, "Occurrences"))
            if now[0] is not None and now[1] is not None and now == last:
                return now[0], int(now[1].replace(",", ""))
            last = now
    raise AssertionError(f"no steady tooltip at ({x:.0f}, {y:.0f}); last read {last}")


def read_bars(page, chart) -> list[tuple[str, int, str]]:
    """Each bar top to bottom: (term and count from its tooltip, the label written at its left)."""
    handle = chart.element_handle()
    rows, i = [], 0
    while True:
        found = page.evaluate(BAR, [handle, i])
        if i >= found["count"]:
            break
        bar, texts = found["bar"], found["texts"]
        middle = bar["y"] + bar["h"] / 2
        term, count = tooltip_at(page, bar["x"] + min(bar["w"] / 2, 40), middle)
        beside = [t for t in texts if t["right"] <= bar["x"] + 1 and abs(t["y"] - middle) < bar["h"] / 2]
        label = min(beside, key=lambda t: bar["x"] - t["right"])["text"] if beside else ""
        rows.append((term, count, label))
        i += 1
    assert rows, "the chart draws no bars"
    page.mouse.move(0, 0)
    return rows


def theme_box(page):
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Theme", exact=True))


def choose_theme(page, label: str) -> None:
    theme_box(page).locator("input").click()
    option = page.get_by_role("option", name=label, exact=True)
    option.wait_for(state="visible")
    with expect_rerun(page):
        option.click()
    page.keyboard.press("Escape")


def drop_theme(page, label: str) -> None:
    with expect_rerun(page):
        theme_box(page).get_by_role("button", name=f"Remove {label}", exact=True).click()


def _moves(a: list[str], b: list[str]) -> int:
    """How many of b's terms stand at another place than in a (absent from a counts too)."""
    return sum(1 for i, t in enumerate(b) if i >= len(a) or a[i] != t)


@pytest.fixture(scope="module")
def expected():
    """The engine's bars for the whole corpus and for two themes whose bars stand in orders unlike the whole
    corpus's and unlike each other's: the most demanding order changes the shipped corpus offers."""
    index = load_or_build(SHIPPED_DATA, IndexSettings())

    def order(filters: Filters) -> list[tuple[str, int]]:
        values = sorted(terms_view(index, filters).bars_chart["data"]["values"], key=lambda row: row["order"])
        return [(row["term"], row["count"]) for row in values]

    everything = order(Filters())
    by_theme = {t.label: order(Filters(themes=(t.id,))) for t in index.themes}
    terms = lambda bars: [t for t, _ in bars]  # noqa: E731
    first = max(by_theme, key=lambda k: _moves(terms(everything), terms(by_theme[k])))
    second = max((k for k in by_theme if k != first), key=lambda k: _moves(terms(by_theme[first]), terms(by_theme[k])))
    return {"all": everything, "first": (first, by_theme[first]), "second": (second, by_theme[second])}


def check(rows: list[tuple[str, int, str]], wanted: list[tuple[str, int]], where: str) -> None:
    counts = [c for _t, c, _l in rows]
    assert counts == sorted(counts, reverse=True), f"{where}: bars not in descending count order: {rows}"
    assert [(t, c) for t, c, _l in rows] == wanted, f"{where}: bars read top to bottom {rows}, expected {wanted}"
    misplaced = [(t, label) for t, _c, label in rows if label != t]
    assert not misplaced, f"{where}: the label beside a bar names another term (term, label): {misplaced}"


def test_term_bars_stay_in_descending_order_when_the_theme_changes(app_url, page, expected, screenshots):
    open_app(page, f"{app_url}/terms")
    chart = page.get_by_test_id("stVegaLiteChart").first  # the top-terms bars come first on the page
    check(read_bars(page, chart), expected["all"], "whole corpus")
    svg = chart.locator("svg").first.element_handle()

    first, first_bars = expected["first"]
    choose_theme(page, first)
    check(read_bars(page, chart), first_bars, f"theme {first!r}")

    second, second_bars = expected["second"]
    drop_theme(page, first)
    choose_theme(page, second)
    check(read_bars(page, chart), second_bars, f"theme {second!r} after {first!r}")
    screenshot(page, screenshots / "73-terms-bars-after-theme-change.png")

    # The point of a stable spec: Streamlit swapped the data in the drawn chart instead of drawing it anew.
    assert page.evaluate("svg => svg.isConnected", svg), "the bar chart was drawn anew, not updated in place"
