"""Driving a Streamlit app in Playwright the way a person perceives it.

Shared by the end-to-end tests and (later) the benchmark, so it imports nothing from pytest.

A rerun is "done" for a person when the app says the script is no longer running
(`[data-testid="stApp"][data-test-script-state="notRunning"]`) and the browser has painted
that state (two animation frames later).
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

APP = '[data-testid="stApp"]'
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
APP_BUSY = '[data-testid="stApp"]:not([data-test-script-state="notRunning"])'
PLOTLY = '[data-testid="stPlotlyChart"], .js-plotly-plot'
CHART = '[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"]'  # any chart, plotly or Vega-Lite
EXCEPTION = '[data-testid="stException"]'
SIZE_RE = re.compile(r"([\d,]+) passages? in ([\d,]+) documents?")

TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"

# Counts the app's runs as they start (the script state leaving "notRunning"), so that a rerun
# that starts and ends between two polls is still seen. Installed in a context with `install`.
RUN_COUNTER = """
window.__stRuns = 0;
new MutationObserver(records => {
  for (const r of records) {
    if (r.target.getAttribute('data-testid') === 'stApp'
        && r.target.getAttribute('data-test-script-state') !== 'notRunning'
        && r.oldValue === 'notRunning') window.__stRuns += 1;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""


def install(context: BrowserContext) -> None:
    """Count reruns in every page of this context (see `expect_rerun`)."""
    context.add_init_script(RUN_COUNTER)


@contextmanager
def expect_rerun(page: Page, grace_ms: int = 5_000, timeout_ms: int = 60_000):
    """Wrap the action that triggers a rerun; on exit, wait until that rerun has run and is painted.

    Deterministic where `wait_for_rerun(triggered=True)` has to guess: the run counter installed by
    `install` shows whether a run started after the action, however fast it was. Without the
    counter this falls back to `wait_for_rerun`.
    """
    before = page.evaluate("() => window.__stRuns")
    yield
    if before is None:
        wait_for_rerun(page, triggered=True, timeout_ms=timeout_ms)
        return
    try:
        page.wait_for_function("n => window.__stRuns > n", arg=before, timeout=grace_ms)
    except PlaywrightTimeout:
        pass  # the action did not start a run (nothing changed): then the app is idle already
    wait_for_rerun(page, triggered=False, timeout_ms=timeout_ms)


def wait_for_rerun(page: Page, triggered: bool = True, grace_ms: int = 1500, timeout_ms: int = 60_000) -> float:
    """Wait until the app has finished its run and the result is painted; return the seconds waited.

    `triggered`: an action that starts a rerun was just done. We first wait (at most `grace_ms`)
    for the app to leave "notRunning", because the click's message may not have reached the
    server yet; a fast rerun may already be over by then, which is fine, so the grace period
    simply expires (`expect_rerun` removes that guess). Then we wait for "notRunning", for the
    lazily loaded elements to replace their grey placeholders (see `wait_for_settled`), and
    for two animation frames.
    """
    start = time.perf_counter()
    if triggered:
        try:
            page.wait_for_selector(APP_BUSY, state="attached", timeout=grace_ms)
        except PlaywrightTimeout:
            pass
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout_ms)
    wait_for_settled(page, timeout_ms=timeout_ms)
    return time.perf_counter() - start


# Streamlit loads some elements' code lazily (plotly charts, dataframes, metrics, buttons) and
# shows a grey `stSkeleton` until it arrives, after the run is already "notRunning"; a plotly
# chart then draws its SVG. A person sees the view only when both are done.
SETTLED = """() => !document.querySelector('[data-testid="stApp"] [data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every(c => c.querySelector('.js-plotly-plot .main-svg'))"""


# Resolves once the app's DOM has not changed for `quiet` ms (true), or after `limit` ms (false).
QUIET = """([quiet, limit]) => new Promise(resolve => {
  const app = document.querySelector('[data-testid="stApp"]') || document.body;
  const start = performance.now();
  let timer;
  const finish = ok => { observer.disconnect(); clearTimeout(timer); resolve(ok); };
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    if (performance.now() - start > limit) return finish(false);
    timer = setTimeout(() => finish(true), quiet);
  });
  observer.observe(app, {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(() => finish(true), quiet);
})"""


def wait_for_settled(page: Page, timeout_ms: int = 30_000, quiet_ms: int = 250) -> None:
    """Wait until no element is still a loading placeholder, every plotly chart is drawn, and the
    DOM has been still for `quiet_ms` (a data grid may refresh its rows a few frames after the
    run ends, later still on a busy machine), then two animation frames."""
    page.wait_for_function(SETTLED, timeout=timeout_ms)
    page.evaluate(QUIET, [quiet_ms, min(timeout_ms, 10_000)])
    page.evaluate(TWO_FRAMES)


def open_app(page: Page, url: str, timeout_ms: int = 60_000) -> None:
    """Load a URL and wait for the app's first run to finish and be painted."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(APP, state="attached", timeout=timeout_ms)
    # On a fresh load the app element appears as "initial", then "running", then "notRunning";
    # st.navigation runs the page in that same first run, so its content is there at the end.
    wait_for_rerun(page, triggered=False, timeout_ms=timeout_ms)


def wait_for_charts_drawn(page: Page, timeout_ms: int = 15_000) -> None:
    """Kept for callers that think in charts: the same as `wait_for_settled`."""
    wait_for_settled(page, timeout_ms=timeout_ms)


def size_line(page: Page) -> str:
    """The "N passages in M documents" line shown in the main area."""
    text = page.locator('[data-testid="stMain"]').inner_text()
    match = SIZE_RE.search(text)
    assert match, f"no 'N passages in M documents' line on {page.url}; main text starts: {text[:300]!r}"
    return match.group(0)


def size_numbers(line: str) -> tuple[int, int]:
    match = SIZE_RE.search(line)
    assert match, line
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def chart_signature(page: Page) -> list[str]:
    """What the charts and tables show, as comparable strings (plotly traces, Vega-Lite charts' text and marks as
    drawn in SVG, and table text)."""
    plots = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => JSON.stringify(
               (p.data || []).map(t => [t.type, t.name, t.x, t.y, t.z, t.values, t.labels, t.text])))"""
    )
    vega = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(c => {
               const svg = c.querySelector('svg.marks');
               return svg ? [...svg.querySelectorAll('text, path')].map(e => e.textContent || e.getAttribute('d')).join('|')
                          : (c.querySelector('canvas') ? 'canvas' : '');
           })"""
    )
    tables = page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').evaluate_all(
        "els => els.map(e => e.textContent)")  # the grid is a canvas; its text is in a hidden table
    return list(plots) + list(vega) + list(tables)


def screenshot(page: Page, path: Path, max_height: int = 12_000) -> Path:
    """A full-page screenshot of the whole app, including what is below the fold.

    Streamlit scrolls inside its own container, so Playwright's full_page alone captures only the
    viewport; the viewport is made as tall as the content for the shot, then restored.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
               ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
                  + ' [data-testid="stSidebarContent"], section.main')].map(e => e.scrollHeight))"""
    )
    tall = min(max(int(height) + 40, size["height"]), max_height)
    if tall != size["height"]:
        page.set_viewport_size({"width": size["width"], "height": tall})
        page.evaluate(TWO_FRAMES)
        page.wait_for_timeout(300)  # plotly re-lays out on resize (debounced)
    page.screenshot(path=str(path), full_page=True)
    if tall != size["height"]:
        page.set_viewport_size(size)
        page.evaluate(TWO_FRAMES)
    return path
