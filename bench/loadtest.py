"""The load test (`make loadtest`): waves of concurrent visitors on one server, each checking it sees its own view.

    python -m bench.loadtest [--waves 5,10,20,40] [--changes 4] [--servers 1] [--out bench/out/loadtest.json]
                             [--in-place]

1. The app's code (app.py, pages/, dashboard/, corpuslens/) is copied to bench/out/loadtest/app/ (see `snapshot_app`:
   others edit this checkout, and a page edited mid-run next to modules imported earlier made the app fail; with
   `--in-place` the checkout itself is served). The shipped corpus's index is built with that code
   (`python -m corpuslens build`, environment from bench/run.py's `index_env`), then ONE
   `streamlit run app.py --server.address 127.0.0.1 --server.headless true --server.port <free port>` (the command of
   bench/run.py's `streamlit_server`; loopback only; the project's .streamlit/config.toml applies) serves every wave.
   Its log is bench/out/loadtest/server-app-data.log. This process computes the expected views with the same copy of
   the engine. With `--servers N` (N > 1), N such processes (one shared cookie secret) run behind an nginx on a
   loopback port that keeps each visitor on one process (sticky sessions by cookie, see `nginx_conf`; the README's
   recipe); logs server-app-data-<n>.log and nginx/error.log.
2. Browser: ONE headless Chromium process, one browser context (a separate visitor: own cookies, own websocket,
   own Streamlit session) per visitor. Playwright's sync API is single-threaded, so the visitors of a wave are driven
   in lock-step rounds from this one thread: every visitor's link is opened (starts staggered by 0.3 s), then every
   visitor is waited for; then, per round, every visitor's sidebar change is made (press on a Theme option, or on a
   chosen theme's remove cross) before any is waited for, so the N reruns of a round overlap on the server (the
   presses of a round of 20 take ~3-8 s here: "press_round_s" in the JSON).
   All contexts of a wave stay open until the wave ends. One Chromium with many contexts is much lighter on 2 cores
   than a browser per visitor, and leaves the timing inside each page (below) unaffected by the driving order.
3. Each visitor opens a DIFFERENT deep link (the five pages; `theme` (1-2), sometimes `actor`, `from`/`to`, `author`,
   `q`, and a page setting such as `grams=words` or `by=author`), then makes `--changes` sidebar changes, alternately
   adding a theme and removing its oldest theme. Wave N uses the first N links, so later waves replay the earlier
   visitors and add new ones. Every selection along the way is non-empty (checked with the engine beforehand).
4. Cross-talk: after the link has loaded and after every change, the visitor's page must show ITS OWN selection:
   the URL's path and query parameters equal what the app writes for that visitor's filters (urlstate's
   `filters_to_params`, plus the link's page setting, plus `doc` on the Documents page: the engine's first document
   of the selection, kept while it stays in the selection); the sidebar's Theme/Actor/Author/Publication chips, Years
   slider and Search box show that visitor's values; the main area's "N passages in M documents" line is the engine's
   `size_label` for those filters, followed by the engine's description of them. Each check first waits (up to 120 s,
   else a timeout error) until the sidebar has drawn every widget it reads: Streamlit loads each widget kind's code
   lazily and shows a placeholder until it has arrived, which on a busy server can be seconds after the run is over
   (a check that did not wait read "sidebar Search shows None": tests/e2e/test_loadtest_check.py). Then a mismatch
   still there after 5 s counts as cross-talk (the report says when the page shows another visitor's selection
   instead). How many visitors' first runs were done before their sidebar was drawn is reported ("sidebar_late").
5. Errors: Streamlit exception boxes (`[data-testid="stException"]`), page errors, crashed pages, HTTP errors from
   the server (status >= 400; the 404s of Streamlit's own base-path probe `/<page>/_stcore/health|host-config` are
   expected and not counted; requests to other hosts, e.g. icon fonts with no network, are ignored), failed requests
   to the server, a websocket to the server closing while its visitor is open, timeouts (Playwright's, or a rerun
   that never ends), the server process dying, tracebacks in its log.
6. Repaint: bench/run.py's in-page timing (`ARM`): from the press to `data-test-script-state` back to `notRunning`
   plus two animation frames; p50 / p95 / max over every change of the wave. Each change is also split into phases
   (`PHASES`): queue (press -> the state turns "running": the request crossing the browser, the server's event loop,
   a script thread starting), run (-> "notRunning" again) and paint (-> two frames later).
   CPU (`Cpu`, psutil every 0.5 s): cores used during the changes of each wave by the server (its event-loop thread
   and the rest), the proxy, Chromium by process type, the driver (this process and Playwright's node), and the rest
   of the machine; it says what the wave's time goes to.
7. Server memory (psutil: RSS of the streamlit process and its children, sampled every 0.2 s by a thread): before
   wave 1, peak during each wave, and after each wave once its contexts are closed and the RSS is steady (unchanged
   within 2 MB for 3 s, at most 20 s). Streamlit keeps a disconnected session's state for reconnection for
   `server.disconnectedSessionTTL` (120 s) and CPython rarely returns freed memory to the system, so "after" is not
   "before" (which is a server with no session yet: the index and the libraries load at the first visit); the rule
   checks instead that memory does not grow from wave to wave: the RSS after every later wave must be at most the RSS
   after wave 1 plus 40 MB or 10 % of it, whichever is larger (MEMORY_TOLERANCE_MB, MEMORY_TOLERANCE_SHARE).
   The server's `active_sessions` metric (/_stcore/metrics) is read during and after each wave as well.
8. Prints a table and writes bench/out/loadtest.json. Exits 1 on any error, any cross-talk, a dead server, or memory
   failing the rule.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import psutil

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests" / "e2e"):  # tests/e2e/streamlit_page.py is shared with the benchmark
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import bench.run as bench_run  # noqa: E402
from bench.run import (ARM, OUT, SHIPPED, WS_TAP, index_env, log, percentile, theme_widget, wait_idle)  # noqa: E402
from streamlit_page import SIZE_RE  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 1000}
PAGE_PATHS = ("", "topics", "terms", "actors", "documents")  # Overview is "/"
# A page setting some links carry too (urlstate.PAGE_SETTINGS), so page state is checked as well as filters.
VIEW_EXTRAS = {"": [], "topics": [("by", "author"), ("by", "publication")], "terms": [("grams", "words"), ("n", "10")],
               "actors": [("measure", "jaccard"), ("window", "passage")], "documents": []}
SEARCH_WORDS = ("gas", "pipeline", "oil", "peace", "sanctions", "weapons", "border", "energy", "war", "security",
                "trade", "president")
STAGGER_S = 0.3  # between two visitors' first navigation
ACTION_TIMEOUT_MS = 60_000  # one Playwright action (click, wait for an option) under load
RERUN_TIMEOUT_MS = 120_000  # a rerun (or the first load) to finish
CHECK_GRACE_S = 5.0  # a view that does not match yet is looked at again for this long before it is cross-talk
SAMPLE_S = 0.2
CPU_SAMPLE_S = 0.5
SETTLE_MAX_S = 20.0
SETTLE_WINDOW_S = 3.0
SETTLE_MB = 2.0
MEMORY_TOLERANCE_MB = 40.0
MEMORY_TOLERANCE_SHARE = 0.10
LOG_DIR = OUT / "loadtest"
SNAPSHOT = LOG_DIR / "app"  # the app's code, frozen for the run (see snapshot_app)
APP_CODE = ("app.py", "pages", "dashboard", "corpuslens")
BASE_PATH_PROBE = re.compile(r"^/[^?]+/_stcore/(health|host-config)$")  # the frontend finding the server's base path

# The sidebar widgets the checks read, by label. Streamlit draws each element through a lazily loaded component
# (React.lazy: TextInput, Multiselect, Slider are chunks of their own) and shows a grey `stSkeleton` in its place until
# the chunk has arrived and run, which can be after the script state is back to "notRunning" and the main area is
# drawn: every visitor is a fresh browser context with an empty cache, so each fetches the chunks from the busy
# server. A check must not read a widget that is not drawn yet (that read "sidebar Search shows None": no input).
SIDEBAR_MULTISELECTS = ("Author", "Publication", "Theme", "Actor")
SIDEBAR_TEXT_INPUTS = ("Ad-hoc theme (keywords)", "Search")

# What the sidebar still lacks of the widgets the checks read ([] once they are all drawn). Other placeholders (the
# "Share this view" box's code block, say) are not waited for: the checks do not read them.
SIDEBAR_MISSING = """([multis, texts, years]) => {
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  if (!sidebar) return ['the sidebar'];
  const label = el => (el.querySelector('[data-testid="stWidgetLabel"]')?.innerText || '').trim();
  const missing = [];
  const haveMulti = new Set([...sidebar.querySelectorAll('[data-testid="stMultiSelect"]')].map(label));
  for (const m of multis) if (!haveMulti.has(m)) missing.push(m);
  const haveText = new Set([...sidebar.querySelectorAll('[data-testid="stTextInput"] input')].map(i => i.getAttribute('aria-label')));
  for (const t of texts) if (!haveText.has(t)) missing.push(t);
  if (years && ![...sidebar.querySelectorAll('[data-testid="stSlider"]')].some(
        s => label(s) === 'Years' && s.querySelectorAll('[data-testid="stSliderThumbValue"]').length === 2)) missing.push('Years');
  return missing;
}"""

# When each phase of a rerun happened, in the page's clock (installed next to ARM before a press): the press, the
# script state leaving "notRunning" (the server has started the run and said so: before it, the rerun request waits
# in the browser, the network, the server's event loop and for a script thread), and its return to "notRunning"
# (the run's last message has arrived). ARM's end is two frames after that return (the browser has painted).
PHASES = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const p = {press: null, running: null, done: null};
  window.__benchPhases = p;
  document.addEventListener('pointerdown', () => { if (p.press === null) p.press = performance.now(); },
                            {capture: true, once: true});
  window.__benchPhasesObserver?.disconnect();
  const obs = window.__benchPhasesObserver = new MutationObserver(() => {
    if (p.press === null) return;
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running' && p.running === null) p.running = performance.now();
    if (state === 'notRunning' && p.running !== null) p.done = performance.now();
  });
  obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

# What one visitor's page shows, in one round trip: URL, sidebar chips, Years slider, text boxes, main text, errors.
OBSERVE = """() => {
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const label = el => (el.querySelector('[data-testid="stWidgetLabel"]')?.innerText || '').trim();
  const multi = {}, inputs = {};
  let years = null;
  if (sidebar) {
    for (const ms of sidebar.querySelectorAll('[data-testid="stMultiSelect"]'))
      multi[label(ms)] = [...ms.querySelectorAll('[data-tag]')].map(t => t.getAttribute('aria-label'));
    for (const s of sidebar.querySelectorAll('[data-testid="stSlider"]'))
      if (label(s) === 'Years') years = [...s.querySelectorAll('[data-testid="stSliderThumbValue"]')].map(e => e.innerText.trim());
    for (const i of sidebar.querySelectorAll('[data-testid="stTextInput"] input')) inputs[i.getAttribute('aria-label')] = i.value;
  }
  const main = document.querySelector('[data-testid="stMain"]');
  return {url: location.href, multi, years, inputs, main: main ? main.innerText.slice(0, 4000) : '',
          state: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') || null,
          exceptions: [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.innerText.slice(0, 600))};
}"""


# -- what each visitor asks for ---------------------------------------------------------------

class Engine:
    """The engine over the shipped index, in this process: expected sizes, descriptions, documents, URLs."""

    def __init__(self):
        os.environ.update({k: v for k, v in index_env(SHIPPED).items() if k.startswith("CORPUSLENS")})
        # Everything the checks use, imported now: the same code as the snapshot the server runs.
        import corpuslens.query.documents  # noqa: F401
        import corpuslens.selection  # noqa: F401
        import corpuslens.urlstate  # noqa: F401
        from corpuslens.index import load_or_build
        from corpuslens.query.common import choices_for
        from corpuslens.settings import IndexSettings

        self.index = load_or_build(SHIPPED, IndexSettings())
        self.choices = choices_for(self.index)
        self.theme_labels = {t.id: t.label for t in self.index.themes}
        self.actor_labels = {a.id: a.label for a in self.index.actors}
        self.years = sorted(int(y) for y in self.index.docs[self.index.live_docs]["year"].dropna().unique())

    def mask(self, filters):
        from corpuslens.selection import selection_mask
        return selection_mask(self.index, filters)

    def size(self, filters) -> str:
        from corpuslens.query.common import size_label
        return size_label(self.index, self.mask(filters))

    def described(self, filters) -> str:
        from corpuslens.query.common import describe_filters
        return describe_filters(self.index, filters)

    def documents(self, filters) -> list[str]:
        from corpuslens.query.documents import document_choices
        return list(document_choices(self.index, self.mask(filters)))


@dataclass(frozen=True)
class Want:
    """One visitor's view as the app should show it."""

    path: str
    themes: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    query: str = ""
    view: tuple[tuple[str, str], ...] = ()
    doc: str | None = None  # the Documents page's reader document

    def filters(self, engine: Engine):
        from corpuslens.filters import Filters
        low, high = engine.choices.year_min, engine.choices.year_max  # the slider's full range is "no bound"
        return Filters(themes=self.themes, actors=self.actors, authors=self.authors, query=self.query,
                       year_from=None if self.year_from in (None, low) else self.year_from,
                       year_to=None if self.year_to in (None, high) else self.year_to)

    def params(self, engine: Engine) -> dict[str, list[str]]:
        from corpuslens.urlstate import filters_to_params
        params = filters_to_params(self.filters(engine))
        for key, value in self.view:
            params[key] = [value]
        if self.doc:
            params["doc"] = [self.doc]
        return params

    def link(self) -> str:
        pairs = [("theme", t) for t in self.themes] + [("actor", a) for a in self.actors]
        pairs += [("author", a) for a in self.authors]
        pairs += [(k, str(v)) for k, v in (("from", self.year_from), ("to", self.year_to), ("q", self.query)) if v]
        pairs += list(self.view)
        return f"/{self.path}?{urlencode(pairs)}"

    def with_doc(self, engine: Engine) -> "Want":
        """On the Documents page: the reader keeps its document while it is in the selection, else the first."""
        if self.path != "documents":
            return self
        docs = engine.documents(self.filters(engine))
        return replace(self, doc=self.doc if self.doc in docs else (docs[0] if docs else None))


@dataclass
class Plan:
    start: Want
    ops: list[tuple[str, str]]  # ("add" | "remove", theme id)


def make_plans(engine: Engine, count: int, changes: int, seed: int = 7) -> list[Plan]:
    """`count` visitors with different links and change plans whose every selection is non-empty."""
    rng = random.Random(seed)
    themes = list(engine.theme_labels)
    actors = sorted(engine.actor_labels)
    authors = sorted(engine.choices.authors)
    plans, links = [], set()
    while len(plans) < count:
        path = PAGE_PATHS[len(plans) % len(PAGE_PATHS)]
        kw: dict = {"themes": tuple(rng.sample(themes, rng.choice((1, 1, 2))))}
        if rng.random() < 0.4:
            kw["actors"] = (rng.choice(actors),)
        if rng.random() < 0.35:
            a, b = sorted(rng.sample(engine.years, 2))
            kw["year_from"], kw["year_to"] = a, b
        if rng.random() < 0.25:
            kw["authors"] = (rng.choice(authors),)
        if rng.random() < 0.25:
            kw["query"] = rng.choice(SEARCH_WORDS)
        extras = VIEW_EXTRAS[path]
        if extras and rng.random() < 0.6:
            kw["view"] = (rng.choice(extras),)
        want = Want(path=path, **kw)
        if want.link() in links or not engine.mask(want.filters(engine)).any():
            continue
        ops, current = [], want
        for step in range(changes):
            op = None
            if step % 2 == 1 and len(current.themes) > 1:  # remove the oldest theme that leaves something
                for theme in current.themes:
                    trial = replace(current, themes=tuple(t for t in current.themes if t != theme))
                    if engine.mask(trial.filters(engine)).any():
                        op = ("remove", theme)
                        break
            if op is None:
                op = ("add", rng.choice([t for t in themes if t not in current.themes]))
            ops.append(op)
            current = apply(current, op)
        links.add(want.link())
        plans.append(Plan(want, ops))
    return plans


def apply(want: Want, op: tuple[str, str]) -> Want:
    kind, theme = op
    themes = want.themes + (theme,) if kind == "add" else tuple(t for t in want.themes if t != theme)
    return replace(want, themes=themes)


# -- one visitor ----------------------------------------------------------------------------

@dataclass
class Visitor:
    number: int
    plan: Plan
    base: str
    server: subprocess.Popen
    context: object = None
    page: object = None
    want: Want | None = None
    errors: list[dict] = field(default_factory=list)
    crosstalk: list[dict] = field(default_factory=list)
    repaint_ms: list[float] = field(default_factory=list)
    checks: int = 0
    broken: bool = False  # after a timeout or an exception in the driver, its remaining steps are skipped
    closing: bool = False
    opened_s: float | None = None
    t_start: float = 0.0
    pending: tuple | None = None
    sidebar_late: dict | None = None  # the sidebar was not drawn yet when the first run was done (see wait_loaded)
    phases: list[dict] = field(default_factory=list)  # per change: ms from the press to running, done, painted

    def error(self, kind: str, detail: str) -> None:
        self.errors.append({"visitor": self.number, "kind": kind, "detail": detail[:800],
                            "link": self.plan.start.link()})

    def open(self, browser) -> None:
        self.context = browser.new_context(viewport=dict(VIEWPORT))
        self.context.set_default_timeout(ACTION_TIMEOUT_MS)
        self.context.add_init_script(WS_TAP)
        self.page = page = self.context.new_page()
        page.on("pageerror", lambda error: self.error("page error", str(error)))
        page.on("crash", lambda _page: self.error("page crashed", self.page.url))
        page.on("response", self._response)
        page.on("requestfailed", self._request_failed)
        page.on("websocket", self._websocket)

    def _local(self, url: str) -> bool:
        return url.startswith(self.base.replace("http", "ws", 1)) or url.startswith(self.base)

    def _response(self, response) -> None:
        if response.status >= 400 and self._local(response.url):
            if response.status == 404 and BASE_PATH_PROBE.match(urlsplit(response.url).path):
                return
            self.error("http", f"{response.status} {response.request.method} {response.url}")

    def _request_failed(self, request) -> None:
        if self._local(request.url) and not self.closing:
            self.error("request failed", f"{request.method} {request.url}: {request.failure}")

    def _websocket(self, ws) -> None:
        if not self._local(ws.url):
            return
        ws.on("close", lambda _ws: None if self.closing else self.error("websocket closed", ws.url))
        ws.on("socketerror", lambda message: self.error("websocket error", f"{ws.url}: {message}"))

    def close(self) -> None:
        self.closing = True
        try:
            self.context.close()
        except Exception as exc:  # a crashed context
            self.error("close", repr(exc))


def step(visitor: Visitor, where: str, action) -> None:
    """Run one driver step of a visitor; a timeout or driver exception is an error and ends its run."""
    if visitor.broken:
        return
    if visitor.server.poll() is not None:  # counted once for the wave, as "server died"
        visitor.broken = True
        return
    try:
        action()
    except Exception as exc:
        kind = "timeout" if "Timeout" in type(exc).__name__ or "Timeout" in str(exc)[:200] else "driver"
        visitor.error(kind, f"{where}: {str(exc).splitlines()[0][:400]}")
        visitor.broken = True


def sidebar_wanted(engine: Engine) -> list:
    """SIDEBAR_MISSING's argument: the widgets the checks read (the Years slider only when there are years to narrow)."""
    low, high = engine.choices.year_min, engine.choices.year_max
    return [list(SIDEBAR_MULTISELECTS), list(SIDEBAR_TEXT_INPUTS), low is not None and low != high]


def wait_drawn(visitor: Visitor, engine: Engine, timeout_ms: int = RERUN_TIMEOUT_MS) -> None:
    """Wait until the sidebar shows every widget the checks read (no loading placeholder left)."""
    visitor.page.wait_for_function(f"args => ({SIDEBAR_MISSING})(args).length === 0", arg=sidebar_wanted(engine),
                                   timeout=timeout_ms, polling=100)


def wait_loaded(visitor: Visitor, engine: Engine) -> None:
    """The link's first run is done and painted, and the sidebar widgets the checks read are drawn.

    "Done" (the size line in the main area, the Theme box, the script state "notRunning") is not "drawn": each
    widget kind's code is loaded lazily by the page, so a text box can still be a placeholder then. How often, and
    for how long, is recorded (`sidebar_late`)."""
    page = visitor.page
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=RERUN_TIMEOUT_MS)
    page.wait_for_function("re => new RegExp(re).test(document.querySelector('[data-testid=\"stMain\"]')?.innerText || '')",
                           arg=SIZE_RE.pattern, timeout=RERUN_TIMEOUT_MS, polling=200)
    theme_widget(page).wait_for(state="visible", timeout=RERUN_TIMEOUT_MS)
    wait_idle(page, RERUN_TIMEOUT_MS)
    missing = page.evaluate(SIDEBAR_MISSING, sidebar_wanted(engine))
    if missing:
        t0 = time.perf_counter()
        wait_drawn(visitor, engine)
        visitor.sidebar_late = {"missing": missing, "drawn_after_ms": round((time.perf_counter() - t0) * 1000)}


def press(visitor: Visitor, op: tuple[str, str], engine: Engine) -> None:
    """Make one sidebar change without waiting for its rerun (bench/run.py's add_theme/remove_theme, split)."""
    page = visitor.page
    kind, theme = op
    label = engine.theme_labels[theme]
    if kind == "add":
        box = theme_widget(page).locator("input")
        box.click()
        box.fill(label)  # the dropdown draws only the first ten options: typing brings any one into view
        target = page.get_by_role("option", name=label, exact=True)
    else:
        target = theme_widget(page).get_by_role("button", name=f"Remove {label}", exact=True)
    target.wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
    page.evaluate(ARM, RERUN_TIMEOUT_MS)
    page.evaluate(PHASES)
    target.click()
    visitor.pending = op


def finish(visitor: Visitor) -> None:
    """Wait for the pending change's rerun to be done and painted; record its repaint time."""
    page = visitor.page
    kind, theme = visitor.pending
    outcome = page.evaluate("() => window.__benchDone")
    wait_idle(page, RERUN_TIMEOUT_MS)
    if kind == "add":
        page.keyboard.press("Escape")  # close the dropdown, as bench/run.py's add_theme does
    if outcome is None:
        visitor.error("timeout", f"the rerun after {kind} {theme} did not end within {RERUN_TIMEOUT_MS / 1000:.0f} s")
    else:
        visitor.repaint_ms.append(float(outcome["ms"]))
        p = page.evaluate("() => window.__benchPhases")
        if p and p.get("press") is not None and p.get("running") is not None and p.get("done") is not None:
            visitor.phases.append({"queue_ms": p["running"] - p["press"], "run_ms": p["done"] - p["running"],
                                   "paint_ms": max(0.0, float(outcome["ms"]) - (p["done"] - p["press"]))})
    visitor.pending = None


def differences(visitor: Visitor, seen: dict, engine: Engine) -> list[str]:
    """What differs between the visitor's page and its own selection (empty when all matches)."""
    want = visitor.want
    filters = want.filters(engine)
    out = []
    url = urlsplit(seen["url"])
    if url.path.strip("/") != want.path:
        out.append(f"page {url.path!r}, asked for /{want.path}")
    params = view_params(url.query)
    expected = want.params(engine)
    if params != expected:
        out.append(f"URL parameters {params}, expected {expected}")
    chips = {"Theme": [engine.theme_labels[t] for t in want.themes], "Actor": [engine.actor_labels[a] for a in want.actors],
             "Author": list(want.authors), "Publication": []}
    for label, expected_chips in chips.items():
        if seen["multi"].get(label) != expected_chips:
            out.append(f"sidebar {label} shows {seen['multi'].get(label)}, expected {expected_chips}")
    years = [str(filters.year_from or engine.choices.year_min), str(filters.year_to or engine.choices.year_max)]
    if seen["years"] != years:
        out.append(f"sidebar Years shows {seen['years']}, expected {years}")
    if seen["inputs"].get("Search") != want.query:
        out.append(f"sidebar Search shows {seen['inputs'].get('Search')!r}, expected {want.query!r}")
    match = SIZE_RE.search(seen["main"])
    size = engine.size(filters)
    if not match or match.group(0) != size:
        out.append(f"size line {match.group(0) if match else None!r}, the engine says {size!r}")
    described = engine.described(filters)
    if described and f"{size} · {described}" not in seen["main"]:
        line = next((l for l in seen["main"].splitlines() if SIZE_RE.search(l)), None)
        out.append(f"selection line {line!r}, expected {size + ' · ' + described!r}")
    return out


def check(visitor: Visitor, where: str, engine: Engine, others: list[Visitor]) -> None:
    """The visitor's page shows its own selection (and no exception box); else cross-talk (or an error)."""
    if visitor.broken:
        return
    # Only a drawn sidebar can show a selection: a widget still loading is not a wrong value (and a sidebar that
    # never draws is an error, raised here as a timeout).
    wait_drawn(visitor, engine)
    deadline = time.perf_counter() + CHECK_GRACE_S
    while True:
        seen = visitor.page.evaluate(OBSERVE)
        diffs = differences(visitor, seen, engine)
        if not diffs and seen["state"] == "notRunning" or time.perf_counter() > deadline:
            break
        visitor.page.wait_for_timeout(250)
    visitor.checks += 1
    for text in seen["exceptions"]:
        visitor.error("exception box", f"{where}: {text}")
    if diffs:
        visitor.crosstalk.append({"visitor": visitor.number, "where": where, "link": visitor.plan.start.link(),
                                  "script_state": seen["state"], "exception_shown": bool(seen["exceptions"]),
                                  "differences": diffs, "shows_the_selection_of_visitors": whose(seen, visitor, others, engine)})


def view_params(query: str) -> dict[str, list[str]]:
    """A page's URL parameters that describe the view: `corpus` (which corpus the link was made on) is the
    same for every visitor of one server and says nothing about whose selection it is."""
    params = parse_qs(query, keep_blank_values=True)
    params.pop("corpus", None)
    return params


def whose(seen: dict, visitor: Visitor, others: list[Visitor], engine: Engine) -> list[int]:
    """Other visitors whose current selection this page shows (its URL, or its size and description line)."""
    url = urlsplit(seen["url"])
    params = view_params(url.query)
    mine = visitor.want.filters(engine)
    found = []
    for other in others:
        if other is visitor or other.want is None or other.want.filters(engine) == mine:
            continue
        filters = other.want.filters(engine)
        line = f"{engine.size(filters)} · {engine.described(filters)}"
        if (url.path.strip("/") == other.want.path and params == other.want.params(engine)) \
                or any(l.strip() == line for l in seen["main"].splitlines()):
            found.append(other.number)
    return found


# -- server memory ------------------------------------------------------------------------

class Memory(threading.Thread):
    """RSS of the server processes (and the proxy) with their children every SAMPLE_S seconds; the peak since the last
    reset."""

    def __init__(self, pids: list[int]):
        super().__init__(daemon=True)
        self.roots = [psutil.Process(pid) for pid in pids]
        self.samples: list[tuple[float, float]] = []
        self.peak = 0.0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.t0 = time.perf_counter()

    def rss_mb(self) -> float:
        total = 0
        processes = []
        for root in self.roots:
            try:
                processes += [root] + root.children(recursive=True)
            except psutil.Error:
                pass
        for proc in processes:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total / 2**20

    def run(self) -> None:
        while not self.stopping.wait(SAMPLE_S):
            mb = self.rss_mb()
            with self.lock:
                self.samples.append((round(time.perf_counter() - self.t0, 2), round(mb, 1)))
                self.peak = max(self.peak, mb)

    def reset_peak(self) -> None:
        with self.lock:
            self.peak = self.rss_mb()

    def settle(self) -> tuple[float, float]:
        """Wait until the RSS is steady (within SETTLE_MB for SETTLE_WINDOW_S), at most SETTLE_MAX_S: (MB, seconds)."""
        start = time.perf_counter()
        window: list[tuple[float, float]] = []
        while True:
            now = time.perf_counter()
            window = [(t, mb) for t, mb in window if now - t <= SETTLE_WINDOW_S] + [(now, self.rss_mb())]
            values = [mb for _, mb in window]
            if now - start >= SETTLE_WINDOW_S and window[0][0] <= now - SETTLE_WINDOW_S + 0.6 \
                    and max(values) - min(values) <= SETTLE_MB:
                break
            if now - start >= SETTLE_MAX_S:
                break
            time.sleep(0.5)
        return window[-1][1], time.perf_counter() - start


class Cpu(threading.Thread):
    """CPU time per group of processes, sampled every CPU_SAMPLE_S, summed since the last `reset`.

    Groups: "server" (the streamlit processes and their children; split into their main thread, which runs
    Streamlit's event loop: websocket messages, static files, and the rest: the script threads, one per run), "proxy" (nginx, with --servers > 1), "chromium" (the headless browser's processes, by
    --type: browser, renderer, gpu-process, utility), "driver" (this process and Playwright's node driver), "other"
    (the rest of the machine's busy time: other people's work, the kernel). A process seen for the first time counts
    all its CPU time (it started after the previous sample), so a renderer that lives less than CPU_SAMPLE_S is not
    lost; one that ends between two samples loses at most CPU_SAMPLE_S of its time."""

    def __init__(self, server_pids: list[int], proxy_pids: list[int]):
        super().__init__(daemon=True)
        self.server_pids, self.proxy_pids = list(server_pids), list(proxy_pids)
        self.me = psutil.Process()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.seen: dict[tuple, float] = {}  # (pid, create time) or ("thread", pid, tid) -> CPU seconds last seen
        self.totals: dict[str, float] = {}
        self.machine_busy = 0.0
        self.started = time.perf_counter()
        self._machine_last = self._machine()
        self._sample(count=False)

    @staticmethod
    def _machine() -> float:
        t = psutil.cpu_times()
        return sum(t) - t.idle - getattr(t, "iowait", 0.0) - getattr(t, "guest", 0.0) - getattr(t, "guest_nice", 0.0)

    def _groups(self) -> list[tuple[str, psutil.Process]]:
        out = []
        taken = set()
        for label, pids in (("server", self.server_pids), ("proxy", self.proxy_pids)):
            for pid in pids:
                try:
                    root = psutil.Process(pid)
                    for proc in [root] + root.children(recursive=True):
                        out.append((label, proc))
                        taken.add(proc.pid)
                except psutil.Error:
                    pass
        try:
            mine = [self.me] + self.me.children(recursive=True)
        except psutil.Error:
            mine = [self.me]
        for proc in mine:
            if proc.pid in taken:
                continue
            try:
                name = proc.name()
                if "chrom" in name:
                    kind = next((a.split("=", 1)[1] for a in proc.cmdline() if a.startswith("--type=")), "browser")
                    out.append((f"chromium:{kind}", proc))
                else:
                    out.append(("driver", proc))
            except psutil.Error:
                pass
        return out

    def _sample(self, count: bool = True) -> None:
        deltas: dict[str, float] = {}
        for label, proc in self._groups():
            try:
                key = (proc.pid, proc.create_time())
                times = proc.cpu_times()
                total = times.user + times.system
            except psutil.Error:
                continue
            deltas[label] = deltas.get(label, 0.0) + total - self.seen.get(key, 0.0)
            self.seen[key] = total
            if label == "server":
                try:
                    threads = proc.threads()
                except psutil.Error:
                    threads = []
                for thread in threads:  # the main thread only: a script thread may end between two samples
                    if thread.id != proc.pid:
                        continue
                    tkey = ("thread", proc.pid, thread.id)
                    ttotal = thread.user_time + thread.system_time
                    deltas["server:event loop"] = deltas.get("server:event loop", 0.0) + ttotal - self.seen.get(tkey, 0.0)
                    self.seen[tkey] = ttotal
        machine = self._machine()
        with self.lock:
            if count:
                for label, seconds in deltas.items():
                    self.totals[label] = self.totals.get(label, 0.0) + max(0.0, seconds)
                self.machine_busy += max(0.0, machine - self._machine_last)
            self._machine_last = machine

    def run(self) -> None:
        while not self.stopping.wait(CPU_SAMPLE_S):
            self._sample()

    def reset(self) -> None:
        self._sample(count=False)
        with self.lock:
            self.totals, self.machine_busy, self.started = {}, 0.0, time.perf_counter()

    def cores(self) -> dict:
        """Average cores used per group since the reset (CPU seconds / wall seconds), and the machine's."""
        self._sample()
        with self.lock:
            wall = max(time.perf_counter() - self.started, 1e-9)
            groups = {label: round(seconds / wall, 2) for label, seconds in sorted(self.totals.items())}
            busy = self.machine_busy / wall
        chromium = sum(v for k, v in groups.items() if k.startswith("chromium:"))
        server = groups.get("server", 0.0)
        known = server + groups.get("proxy", 0.0) + chromium + groups.get("driver", 0.0)
        return {"wall_s": round(wall, 1), "cpus": os.cpu_count(), "machine": round(busy, 2),
                "server": server, "server_event_loop": groups.get("server:event loop", 0.0),
                "server_other_threads": round(max(0.0, server - groups.get("server:event loop", 0.0)), 2),
                "proxy": groups.get("proxy", 0.0),
                "chromium": round(chromium, 2),
                "chromium_by_type": {k.split(":", 1)[1]: v for k, v in groups.items() if k.startswith("chromium:")},
                "driver": groups.get("driver", 0.0), "other": round(max(0.0, busy - known), 2)}


def active_sessions(base: str) -> int | None:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/metrics", timeout=10) as response:
            text = response.read().decode()
    except OSError:
        return None
    match = re.search(r"^active_sessions (\d+)", text, re.M)
    return int(match.group(1)) if match else None


# -- a wave -------------------------------------------------------------------------------

def run_wave(browser, cluster: "Cluster", plans: list[Plan], engine: Engine, memory: Memory, cpu: Cpu) -> dict:
    size = len(plans)
    base = cluster.base
    log_offsets = {path: log_size(path) for path in cluster.logs}
    memory.reset_peak()
    cpu.reset()
    before_mb = memory.rss_mb()
    started = time.perf_counter()
    visitors = [Visitor(number=i + 1, plan=plan, base=base, server=cluster) for i, plan in enumerate(plans)]
    for v in visitors:
        v.open(browser)
    for v in visitors:  # every link requested, a little apart
        v.want = v.plan.start.with_doc(engine)
        v.t_start = time.perf_counter()
        step(v, "open", lambda: v.page.goto(base + v.plan.start.link(), wait_until="commit", timeout=ACTION_TIMEOUT_MS))
        time.sleep(STAGGER_S)
    for v in visitors:
        step(v, "load", lambda: wait_loaded(v, engine))
        if not v.broken:
            v.opened_s = time.perf_counter() - v.t_start
        step(v, "check after load", lambda: check(v, "after load", engine, visitors))
    all_open_s = time.perf_counter() - started
    cpu_open = cpu.cores()
    cpu.reset()
    by_server = cluster.sessions_by_server()  # how the proxy spread the visitors (one number with one server)
    during = [None if None in by_server else sum(by_server)]
    press_s = []  # per round: from the first visitor's press to the last one's (all N reruns are in flight)
    for number in range(len(visitors[0].plan.ops) if visitors else 0):
        if cluster.poll() is not None:
            break
        t0 = time.perf_counter()
        for v in visitors:
            op = v.plan.ops[number]
            step(v, f"change {number + 1} ({op[0]} {op[1]})", lambda: press(v, op, engine))
        press_s.append(round(time.perf_counter() - t0, 1))
        for v in visitors:
            op = v.plan.ops[number]
            step(v, f"change {number + 1} ({op[0]} {op[1]})", lambda: finish(v))
            v.want = apply(v.want, op).with_doc(engine)
            step(v, f"check after change {number + 1}",
                 lambda: check(v, f"after change {number + 1} ({op[0]} {op[1]})", engine, visitors))
        during.append(cluster.active_sessions())
    cpu_changes = cpu.cores()
    busy_s = time.perf_counter() - started
    peak_mb = memory.peak
    for v in visitors:
        v.close()
    server_died = cluster.poll() is not None
    after_mb, settle_s = memory.settle()
    peak_mb = max(peak_mb, memory.peak)
    repaints = [ms for v in visitors for ms in v.repaint_ms]
    phases = [p for v in visitors for p in v.phases]
    errors = [e for v in visitors for e in v.errors]
    if server_died:
        errors.append({"visitor": None, "kind": "server died", "detail": f"exit code {cluster.returncode}"})
    for path, offset in log_offsets.items():
        for text in server_tracebacks(path, offset):
            errors.append({"visitor": None, "kind": "server traceback", "detail": text})
    crosstalk = [c for v in visitors for c in v.crosstalk]
    opened = [v.opened_s for v in visitors if v.opened_s is not None]
    late = [{"visitor": v.number, **v.sidebar_late} for v in visitors if v.sidebar_late]

    def pct(values: list[float], q: float) -> float | None:
        return round(percentile(values, q), 1) if values else None

    return {
        "sessions": size, "errors": len(errors), "crosstalk": len(crosstalk), "server_died": server_died,
        "changes": len(repaints), "checks": sum(v.checks for v in visitors),
        "repaint_p50_ms": pct(repaints, 50), "repaint_p95_ms": pct(repaints, 95),
        "repaint_max_ms": round(max(repaints), 1) if repaints else None,
        # Where a change's time goes (see PHASES): waiting for the run to start, the run, the paint after it.
        "phases_ms": {name: {"p50": pct([p[name] for p in phases], 50), "p95": pct([p[name] for p in phases], 95)}
                      for name in ("queue_ms", "run_ms", "paint_ms")},
        "open_p50_s": round(statistics.median(opened), 2) if opened else None,
        "open_max_s": round(max(opened), 2) if opened else None,
        # Visitors whose first run was done (size line, Theme box, "notRunning") before the sidebar was drawn:
        # a check reading the sidebar then would have seen a missing widget.
        "sidebar_late": len(late), "sidebar_late_list": late,
        "all_open_s": round(all_open_s, 1), "wave_s": round(busy_s, 1), "press_round_s": press_s,
        "cpu_cores_open": cpu_open, "cpu_cores_changes": cpu_changes,
        "rss_before_mb": round(before_mb, 1), "rss_peak_mb": round(peak_mb, 1), "rss_after_mb": round(after_mb, 1),
        "settle_s": round(settle_s, 1),
        "active_sessions_during": during, "sessions_by_server": by_server, "active_sessions_after": cluster.active_sessions(),
        "error_list": errors, "crosstalk_list": crosstalk,
        "repaint_ms": [round(ms, 1) for ms in repaints],
        "links": [p.start.link() for p in plans],
    }


class Cluster:
    """The servers of a run: `count` `streamlit run` processes and, when there are several, an nginx in front of them
    that keeps each visitor on one of them (sticky sessions: a Streamlit session lives in one process). `base` is the
    URL visitors open; `poll()` is None while every process is alive."""

    def __init__(self, app: Path, count: int):
        self.app, self.count = app, count
        self.procs: list[subprocess.Popen] = []
        self.ports: list[int] = []
        self.logs: list[Path] = []
        self.proxy: subprocess.Popen | None = None
        self.proxy_port: int | None = None
        self.base = ""

    @property
    def bases(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def poll(self) -> int | None:
        for proc in self.procs + ([self.proxy] if self.proxy else []):
            if proc.poll() is not None:
                return proc.returncode
        return None

    @property
    def returncode(self) -> int | None:
        return self.poll()

    def active_sessions(self) -> int | None:
        counts = self.sessions_by_server()
        return None if any(c is None for c in counts) else sum(counts)

    def sessions_by_server(self) -> list[int | None]:
        return [active_sessions(base) for base in self.bases]

    def start(self) -> None:
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        env = index_env(SHIPPED)
        if self.count > 1:
            # Several processes share one cookie secret, so that a cookie signed by one (XSRF) is valid at the others
            # (Streamlit takes it from the environment or a config file only, not from the command line).
            env["STREAMLIT_SERVER_COOKIE_SECRET"] = os.urandom(32).hex()
        for number in range(self.count):
            port = bench_run.free_port()
            log_path = LOG_DIR / (f"server-app-{SHIPPED.name}.log" if self.count == 1
                                  else f"server-app-{SHIPPED.name}-{number + 1}.log")
            cmd = [sys.executable, "-m", "streamlit", "run", str(self.app), "--server.port", str(port),
                   "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
            with open(log_path, "w") as log_file:
                self.procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                                   stdin=subprocess.DEVNULL))
            self.ports.append(port)
            self.logs.append(log_path)
        for base in self.bases:
            wait_healthy(base, self)
        if self.count == 1:
            self.base = self.bases[0]
            return
        self.proxy_port = bench_run.free_port()
        conf = LOG_DIR / "nginx" / "nginx.conf"
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text(nginx_conf(self.proxy_port, self.ports, conf.parent))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise SystemExit("--servers > 1 needs nginx in front of the servers: apt-get install nginx")
        self.logs.append(conf.parent / "error.log")
        self.proxy = subprocess.Popen([nginx, "-p", str(conf.parent), "-c", str(conf), "-e", str(conf.parent / "error.log")],
                                      cwd=conf.parent, stdin=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.proxy_port}"
        wait_healthy(self.base, self)

    def stop(self) -> None:
        for proc in ([self.proxy] if self.proxy else []) + self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in ([self.proxy] if self.proxy else []) + self.procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def wait_healthy(base: str, cluster: Cluster, timeout_s: float = 90) -> None:
    deadline = time.perf_counter() + timeout_s
    while True:
        if cluster.poll() is not None:
            raise SystemExit(f"a server process exited with code {cluster.poll()} before {base} was healthy; "
                             f"logs in {LOG_DIR}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.perf_counter() > deadline:
            raise SystemExit(f"{base} was not healthy after {timeout_s:.0f} s; logs in {LOG_DIR}")
        time.sleep(0.2)


def nginx_conf(port: int, upstream_ports: list[int], prefix: Path) -> str:
    """nginx in front of several Streamlit processes, with sticky sessions and WebSockets (the README's recipe).

    Open-source nginx has no `sticky` directive: a visitor without the route cookie gets a random key ($request_id),
    hashed to one upstream, and the key back as a cookie; every later request of that browser (the page's scripts,
    the websocket, uploads, media) carries it and reaches the same process. `consistent` keeps the other visitors
    where they are if a process is added or removed."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in upstream_ports)
    return f"""# written by bench/loadtest.py
worker_processes 1;
daemon off;
master_process on;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/tmp-body;
    proxy_temp_path {prefix}/tmp-proxy;
    fastcgi_temp_path {prefix}/tmp-fastcgi;
    uwsgi_temp_path {prefix}/tmp-uwsgi;
    scgi_temp_path {prefix}/tmp-scgi;
    client_max_body_size 6m;
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    map $cookie_corpuslens_route $corpuslens_route {{ "" $request_id; default $cookie_corpuslens_route; }}
    upstream corpuslens {{
        hash $corpuslens_route consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://corpuslens;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            add_header Set-Cookie "corpuslens_route=$corpuslens_route; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""


def log_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def server_tracebacks(path: Path, offset: int = 0) -> list[str]:
    try:
        text = path.read_bytes()[offset:].decode(errors="replace")
    except OSError:
        return []
    return [block[:1500] for block in re.split(r"(?=Traceback \(most recent call last\))", text)
            if block.startswith("Traceback")]


def memory_rule(waves: list[dict]) -> dict:
    if not waves:
        return {"ok": False, "rule": "no wave ran"}
    first = waves[0]["rss_after_mb"]
    allowed = max(MEMORY_TOLERANCE_MB, MEMORY_TOLERANCE_SHARE * first)
    growth = [round(w["rss_after_mb"] - first, 1) for w in waves[1:]]
    ok = all(g <= allowed for g in growth)
    return {"ok": ok, "allowed_growth_mb": round(allowed, 1), "growth_after_each_later_wave_mb": growth,
            "rule": f"RSS after every later wave <= RSS after wave 1 + max({MEMORY_TOLERANCE_MB:.0f} MB, "
                    f"{MEMORY_TOLERANCE_SHARE:.0%} of it) = {first + allowed:.0f} MB"}


def report(result: dict) -> str:
    servers = result.get("servers", 1)
    lines = [f"Servers: {servers} streamlit process{'es behind nginx (sticky sessions)' if servers > 1 else ''}; "
             f"{result['machine']['cpus']} CPUs",
             "",
             "| wave | sessions | errors | cross-talk (checks) | repaint p50 ms | repaint p95 ms | repaint max ms "
             "| open p50 s | all open s | RSS before MB | RSS peak MB | RSS after MB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for number, w in enumerate(result["waves"], start=1):
        lines.append(f"| {number} | {w['sessions']} | {w['errors']} | {w['crosstalk']} ({w['checks']}) | "
                     f"{w['repaint_p50_ms']} | {w['repaint_p95_ms']} | {w['repaint_max_ms']} | {w['open_p50_s']} | "
                     f"{w['all_open_s']} | {w['rss_before_mb']:.0f} | {w['rss_peak_mb']:.0f} | {w['rss_after_mb']:.0f} |")
    lines += ["",
              "Where the time goes during the changes: cores used (CPU s / wall s) and a change's phases, p50 / p95 ms "
              "(queue: press -> run started; run: -> run ended; paint: -> painted)",
              "| wave | machine | server (event loop + other threads) | chromium (renderers, gpu, browser+utility) "
              "| driver | other | queue | run | paint | most CPU |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for number, w in enumerate(result["waves"], start=1):
        c = w["cpu_cores_changes"]
        by = c["chromium_by_type"]
        rest = round(sum(v for k, v in by.items() if k not in ("renderer", "gpu-process")), 2)
        server = c["server"] + c.get("proxy", 0.0)
        groups = {"server": server, "chromium": c["chromium"], "driver": c["driver"], "other": c["other"]}
        top = max(groups, key=groups.get)
        ph = w["phases_ms"]
        lines.append(f"| {number} | {c['machine']:.2f} / {c['cpus']} | {server:.2f} ({c['server_event_loop']:.2f} + "
                     f"{c['server_other_threads']:.2f}) | {c['chromium']:.2f} ({by.get('renderer', 0):.2f}, "
                     f"{by.get('gpu-process', 0):.2f}, {rest:.2f}) | {c['driver']:.2f} | {c['other']:.2f} | "
                     + " | ".join(f"{ph[k]['p50']} / {ph[k]['p95']}" for k in ("queue_ms", "run_ms", "paint_ms"))
                     + f" | {top} |")
    late = [f"{w['sessions']}: {w['sidebar_late']}" for w in result["waves"]]
    lines.append("")
    lines.append("First run done before the sidebar was drawn (visitors per wave size; each check waits for it): "
                 + ", ".join(late))
    rule = result["memory"]
    lines.append(f"Memory: {rule['rule']}: {'settles' if rule['ok'] else 'DOES NOT SETTLE'} "
                 f"(growth after later waves: {', '.join(f'{g:+.0f}' for g in rule.get('growth_after_each_later_wave_mb', []))} MB)")
    lines.append(f"Server: {'DIED' if result['server_died'] else 'alive throughout'}; server log tracebacks: "
                 f"{len(result['server_tracebacks'])}")
    lines.append(f"Verdict: {'PASS' if result['ok'] else 'FAIL'}")
    return "\n".join(lines)


def snapshot_app(in_place: bool) -> Path:
    """The app.py to serve: a copy of the app's code as it is now (app.py, pages/, dashboard/, corpuslens/).

    Other people edit this checkout while the test runs, and Streamlit re-reads page files from disk when every
    session has gone (between two waves) while keeping the modules it has imported: a page edited mid-run then
    meets an older dashboard/ or corpuslens/ and fails (seen: pages/terms.py using a new page setting that the
    loaded corpuslens.urlstate did not have yet). Serving a frozen copy tests one version of the app throughout.
    Its data and index are the shipped ones (index_env), and the server's cwd stays the project, so the project's
    .streamlit/config.toml applies."""
    if in_place:
        return ROOT / "app.py"
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    SNAPSHOT.mkdir(parents=True)
    for name in APP_CODE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, SNAPSHOT / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, SNAPSHOT / name)
    return SNAPSHOT / "app.py"


def build_index(code: Path) -> None:
    env = dict(index_env(SHIPPED), PYTHONPATH=str(code))
    out = subprocess.run([sys.executable, "-m", "corpuslens", "build"], cwd=code, env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit(f"`python -m corpuslens build` failed:\n{out.stdout}\n{out.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Corpus Lens load test: waves of concurrent visitors")
    parser.add_argument("--waves", default="5,10,20,40", help="concurrent sessions per wave, in order")
    parser.add_argument("--changes", type=int, default=4, help="sidebar changes per visitor")
    parser.add_argument("--out", default=str(OUT / "loadtest.json"))
    parser.add_argument("--servers", type=int, default=1,
                        help="streamlit processes; more than one are put behind nginx with sticky sessions")
    parser.add_argument("--in-place", action="store_true",
                        help="serve the checkout itself rather than a frozen copy of the app's code")
    args = parser.parse_args()
    waves = [int(w) for w in args.waves.split(",") if w.strip()]
    if not waves or min(waves) < 1 or args.changes < 0 or args.servers < 1:
        parser.error("--waves needs positive numbers, --changes a non-negative one, --servers at least 1")

    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    app = snapshot_app(args.in_place)
    # This process's engine runs the same code as the server: bench.generate (imported by bench.run) has already
    # imported corpuslens from the checkout, so that is forgotten and the snapshot's imported instead.
    sys.path.insert(0, str(app.parent))
    for name in [m for m in sys.modules if m == "corpuslens" or m.startswith("corpuslens.")]:
        del sys.modules[name]
    log(f"serving {app.relative_to(ROOT)}; building the shipped corpus's index (if needed)…")
    build_index(app.parent)
    engine = Engine()
    plans = make_plans(engine, max(waves), args.changes)
    result: dict = {"started": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform(), "load_average": os.getloadavg()},
                    "browser": "one headless Chromium, one context per visitor, visitors driven in lock-step rounds",
                    "waves_asked": waves, "changes": args.changes, "waves": []}
    cluster = Cluster(app, args.servers)
    result["servers"] = args.servers
    try:
        cluster.start()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                memory = Memory([p.pid for p in cluster.procs] + ([cluster.proxy.pid] if cluster.proxy else []))
                memory.start()
                cpu = Cpu([p.pid for p in cluster.procs], [cluster.proxy.pid] if cluster.proxy else [])
                cpu.start()
                time.sleep(1.0)
                result["rss_start_mb"] = round(memory.rss_mb(), 1)
                log(f"{cluster.base} up ({args.servers} server process{'es' if args.servers > 1 else ''}), "
                    f"RSS {result['rss_start_mb']:.0f} MB")
                for size in waves:
                    if cluster.poll() is not None:
                        break
                    log(f"wave of {size} sessions…")
                    wave = run_wave(browser, cluster, plans[:size], engine, memory, cpu)
                    result["waves"].append(wave)
                    c = wave["cpu_cores_changes"]
                    log(f"  {wave['errors']} errors, {wave['crosstalk']} cross-talk, repaint p50 {wave['repaint_p50_ms']} "
                        f"p95 {wave['repaint_p95_ms']} max {wave['repaint_max_ms']} ms, RSS {wave['rss_before_mb']:.0f} -> "
                        f"peak {wave['rss_peak_mb']:.0f} -> after {wave['rss_after_mb']:.0f} MB (settled in "
                        f"{wave['settle_s']} s), all open in {wave['all_open_s']} s, wave {wave['wave_s']} s; cores: "
                        f"machine {c['machine']}, server {c['server']}, chromium {c['chromium']}, driver {c['driver']}, "
                        f"other {c['other']}; sidebar drawn late for {wave['sidebar_late']}")
                    for item in (wave["error_list"] + wave["crosstalk_list"])[:8]:
                        log(f"    {json.dumps(item)[:600]}")
                memory.stopping.set()
                cpu.stopping.set()
                result["memory_samples"] = memory.samples[::5]
            finally:
                browser.close()
        result["server_died"] = cluster.poll() is not None
        time.sleep(0.5)
    finally:
        cluster.stop()
    result["server_logs"] = [str(path.relative_to(ROOT)) for path in cluster.logs]
    result["server_tracebacks"] = [t for path in cluster.logs for t in server_tracebacks(path)]
    result["memory"] = memory_rule(result["waves"])
    errors = sum(w["errors"] for w in result["waves"])
    crosstalk = sum(w["crosstalk"] for w in result["waves"])
    result["ok"] = (errors == 0 and crosstalk == 0 and not result["server_died"] and result["memory"]["ok"]
                    and len(result["waves"]) == len(waves))
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["table"] = report(result)
    Path(args.out).write_text(json.dumps(result, indent=1))
    print()
    print(result["table"])
    print(f"\n({result['seconds']:.0f} s; details in {args.out})")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
