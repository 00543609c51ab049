"""The benchmark (`make bench`): build, engine and browser figures at 1k, 10k and 100k passages.

    python -m bench.run [--sizes 1k,10k,100k] [--skip-browser] [--skip-build] [--browser-sizes shipped,100k]

1. Corpora: bench/generate.py writes (or reuses) realistic corpora under bench/out/corpus-<size>/raw.
2. Build: each index is built from scratch in a fresh subprocess: wall time and peak RSS (os.wait4's
   rusage of that process), plus the shipped corpus (built into bench/out/index-shipped, so the
   project's own data/index is left alone).
3. Engine: for each page, what a filter change makes it compute (the same engine calls as
   pages/*.py through dashboard/cache.py, without Streamlit's caches), over ~30 random filter
   changes (themes, actors, years, authors): median and p90. "engine" is the queries (mask
   included); "+page" adds what the page then does with the results without Streamlit (plotly
   figures, word cloud, reader HTML; CSV downloads are made only when clicked).
4. Browser: `streamlit run app.py` on the corpus (index prebuilt) and bench/floor_app.py (only the
   sidebar Theme multiselect) in headless Chromium: time from the press on a sidebar Theme option
   (or on a chosen theme's remove cross) to Streamlit's `data-test-script-state` back to
   `notRunning` and two animation frames, measured inside the page; alternately adding and removing
   themes; median per page and as a ratio to the floor's median measured in the same run. Also the
   time from starting the server to the Overview's "N passages in M documents" line.
5. Prints a table and writes bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.generate import OUT, corpus_dir, generate, parse_size  # noqa: E402

SHIPPED = ROOT / "data"
SHIPPED_INDEX = OUT / "index-shipped"
PAGES = ("overview", "topics", "terms", "actors", "documents")
PAGE_PATHS = {"overview": "", "topics": "topics", "terms": "terms", "actors": "actors", "documents": "documents"}
TARGETS = {"engine_ms_100k": 50, "build_s_100k": 120, "build_gb_100k": 4, "first_page_s": 3,
           "ratio_shipped": 2, "ratio_100k": 3}


def log(message: str) -> None:
    print(message, flush=True)


def index_env(data: Path) -> dict:
    """Environment that points the engine and the app at a data folder (and its index folder)."""
    env = dict(os.environ, CORPUSLENS_DATA=str(data), PYTHONPATH=str(ROOT))
    if data == SHIPPED:
        env["CORPUSLENS_INDEX"] = str(SHIPPED_INDEX)
    else:
        env.pop("CORPUSLENS_INDEX", None)
    return env


def index_folder(data: Path) -> Path:
    return SHIPPED_INDEX if data == SHIPPED else data / "index"


# -- 1. build ----------------------------------------------------------------------------------

BUILD_CHILD = """
import sys, time
from pathlib import Path
from corpuslens.index import load_or_build
from corpuslens.settings import IndexSettings
start = time.perf_counter()
index = load_or_build(Path(sys.argv[1]), IndexSettings())
print(time.perf_counter() - start, index.n_passages, len(index.docs), int(index.live_docs.sum()), index.terms.shape[1])
"""


def measure_build(data: Path) -> dict:
    """Build the index from scratch in a fresh interpreter: wall time, peak RSS, what was built."""
    shutil.rmtree(index_folder(data), ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", BUILD_CHILD, str(data)], env=index_env(data), cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"index build of {data} failed (exit {proc.returncode})")
    build_s, passages, docs, live, vocab = out.split()[-5:]
    return {"wall_s": round(wall, 2), "build_s": round(float(build_s), 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
            "passages": int(passages), "documents": int(docs), "live_documents": int(live), "vocabulary": int(vocab)}


# -- 2. engine ---------------------------------------------------------------------------------

def random_filter_changes(index, n: int, seed: int = 1) -> list:
    """n different, non-empty selections a person might make: themes, actors, years, authors, combined."""
    from corpuslens.filters import Filters
    from corpuslens.selection import selection_mask

    rng = np.random.default_rng(seed)
    themes = [t.id for t in index.themes]
    actors = [a.id for a in index.actors[:30]]
    authors = sorted(a for a in index.author_docs if a != "(unknown)")
    years = sorted(int(y) for y in index.docs["year"].dropna().unique())
    seen, out = set(), []
    for _ in range(n * 20):
        if len(out) == n:
            break
        kw: dict = {}
        kind = rng.random()
        if kind < 0.45 or not (authors and years):
            kw["themes"] = tuple(rng.choice(themes, size=int(rng.integers(1, 3)), replace=False))
        if 0.3 < kind < 0.6 and years:
            a, b = sorted(rng.choice(years, size=2))
            kw["year_from"], kw["year_to"] = int(a), int(b)
        if 0.55 < kind < 0.8:
            kw["actors"] = (str(rng.choice(actors)),)
        if kind > 0.75 and authors:
            kw["authors"] = (str(rng.choice(authors)),)
        if not kw:
            kw["themes"] = (str(rng.choice(themes)),)
        filters = Filters(**kw)
        if filters in seen or not selection_mask(index, filters).any():
            continue
        seen.add(filters)
        out.append(filters)
    return out


def page_work(index):
    """For each page, a function doing what a rerun after a filter change computes, uncached: the page's view
    function (corpuslens.views, the same call the page makes through dashboard/cache.py, with each setting at its
    declared default), then `mark()`, then what the page itself still makes from the view (the reader's HTML)."""
    from corpuslens import views
    from corpuslens.matching import ThemeTagger
    from corpuslens.query import topics
    from corpuslens.query.common import size_label
    from corpuslens.selection import selection_mask
    from dashboard.passages_html import reader_html

    tagger = ThemeTagger(index.themes)  # st.cache_resource in the app: built once per index
    model = topics.topics_for(index, index.n_topics)  # the index's own model (the default k), made once in the app
    profiles = topics.topic_profiles(index, model)

    def common(filters):
        mask = selection_mask(index, filters)
        size_label(index, mask)
        filters.describe()
        return mask

    def overview_page(filters, mark):
        common(filters)
        views.overview_view(index, filters)
        mark()

    def topics_page(filters, mark):
        common(filters)
        views.topics_view(index, filters, None, model, profiles)
        mark()

    def terms_page(filters, mark):
        common(filters)
        views.terms_view(index, filters)  # bars by default; the cloud only on request
        mark()

    def actors_page(filters, mark):
        common(filters)
        views.actors_view(index, filters)  # heatmap by default, network on request; no pair chosen
        mark()

    def documents_page(filters, mark):
        common(filters)
        view = views.documents_view(index, filters, tagger=tagger)
        mark()
        reader_html(view.passages)

    return {"overview": overview_page, "topics": topics_page, "terms": terms_page, "actors": actors_page,
            "documents": documents_page}


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def measure_engine(data: Path, n_changes: int, profile_dir: Path | None = None) -> dict:
    """Median and p90 (ms) of each page's computation over `n_changes` random filter changes."""
    os.environ.update({k: v for k, v in index_env(data).items() if k.startswith("CORPUSLENS")})
    if data != SHIPPED:
        os.environ.pop("CORPUSLENS_INDEX", None)
    from corpuslens.index import load_or_build
    from corpuslens.settings import IndexSettings

    start = time.perf_counter()
    index = load_or_build(data, IndexSettings())
    load_s = time.perf_counter() - start
    work = page_work(index)
    changes = random_filter_changes(index, n_changes)
    # The first rerun fills the index's lazy lookups (column-major copies, totals): once per process.
    start = time.perf_counter()
    for fn in work.values():
        fn(changes[0], lambda: None)
    warm_s = time.perf_counter() - start
    results = {"load_s": round(load_s, 2), "first_rerun_all_pages_s": round(warm_s, 2), "changes": len(changes),
               "pages": {}}
    for name, fn in work.items():
        engine, total = [], []
        for filters in changes:
            marks = []
            t0 = time.perf_counter()
            fn(filters, lambda: marks.append(time.perf_counter()))
            t1 = time.perf_counter()
            engine.append((marks[0] - t0) * 1000)
            total.append((t1 - t0) * 1000)
        results["pages"][name] = {
            "engine_median_ms": round(statistics.median(engine), 1), "engine_p90_ms": round(percentile(engine, 90), 1),
            "page_median_ms": round(statistics.median(total), 1), "page_p90_ms": round(percentile(total, 90), 1),
        }
    if profile_dir is not None:
        results["profiles"] = profile_pages(work, changes[:10], profile_dir)
    return results


def profile_pages(work, changes, folder: Path) -> dict:
    """cProfile of each page over a few filter changes: the functions with the most own+callee time."""
    import cProfile
    import pstats

    folder.mkdir(parents=True, exist_ok=True)
    summary = {}
    for name, fn in work.items():
        profiler = cProfile.Profile()
        profiler.enable()
        for filters in changes:
            fn(filters, lambda: None)
        profiler.disable()
        path = folder / f"{name}.prof"
        profiler.dump_stats(path)
        stats = pstats.Stats(profiler)
        rows = []
        for (file, line, func), (_cc, _nc, tt, ct, _callers) in stats.stats.items():
            if "corpuslens" in file or "dashboard" in file:
                rows.append((ct / len(changes) * 1000, tt / len(changes) * 1000, f"{Path(file).name}:{line} {func}"))
        rows.sort(reverse=True)
        summary[name] = [{"function": f, "cumulative_ms": round(c, 1), "own_ms": round(t, 1)} for c, t, f in rows[:12]]
    return summary


# -- 3. browser --------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(script: str, data: Path):
    """`streamlit run script` on a free loopback port; yields (url, process, start time). The dashboard itself
    (app.py) is started as `make run` starts it, through dashboard.serve."""
    port = free_port()
    env = index_env(data)
    launcher = ["-m", "dashboard.serve"] if script == "app.py" else ["-m", "streamlit", "run", script]
    cmd = [sys.executable, *launcher, "--server.port", str(port), "--server.address",
           "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    started = time.perf_counter()
    with running(cmd, env, OUT / f"server-{Path(script).stem}-{data.name}.log") as proc:
        yield f"http://127.0.0.1:{port}", proc, started


@contextmanager
def running(cmd: list[str], env: dict, log_path: Path):
    """A server process (`cmd`, from the project's root) with its output in `log_path`, stopped when the block ends."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log_file:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def goto_when_up(page, url: str, timeout_s: float = 60) -> None:
    deadline = time.perf_counter() + timeout_s
    while True:
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=5000)
            return
        except Exception:
            if time.perf_counter() > deadline:
                raise
            time.sleep(0.05)


SIZE_LINE = re.compile(r"[\d,]+ passages? in [\d,]+ documents?")

# Every message the app receives over its websocket is timestamped (installed before the app loads).
WS_TAP = """(() => {
  const Native = window.WebSocket;
  window.__wsCount = 0; window.__wsLast = 0;
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('message', () => { window.__wsCount += 1; window.__wsLast = performance.now(); });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();"""

# Installed before each click: resolves with the ms from the press (pointerdown) to the app being back
# in "notRunning" after having left it, plus two animation frames. A very fast rerun (the floor's) can
# start and finish within one React render, so the attribute never visibly changes; then the end is the
# last websocket message of the rerun (the "script finished" message) plus two frames, once the socket
# has been quiet for 400 ms. Resolves null after a timeout.
ARM = """(timeoutMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const b = {start: null, left: false, count: window.__wsCount, batched: false};
  window.__benchStart = b;
  document.addEventListener('pointerdown', () => { if (b.start === null) b.start = performance.now(); },
                            {capture: true, once: true});
  const twoFrames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));
  window.__benchDone = new Promise(resolve => {
    let finished = false;
    const finish = (value) => { if (!finished) { finished = true; obs.disconnect(); clearInterval(poll); resolve(value); } };
    const obs = new MutationObserver(records => {
      for (const r of records) { if (r.oldValue !== 'notRunning') b.left = true; }
      if (app.getAttribute('data-test-script-state') !== 'notRunning') { b.left = true; return; }
      if (b.left && b.start !== null) twoFrames().then(t => finish({ms: t - b.start, batched: false}));
    });
    obs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
    const poll = setInterval(() => {
      const now = performance.now();
      if (b.start !== null && now - b.start > timeoutMs) finish(null);
      if (!b.left && b.start !== null && window.__wsCount > b.count && window.__wsLast > b.start
          && now - window.__wsLast > 400
          && app.getAttribute('data-test-script-state') === 'notRunning') {
        const last = window.__wsLast;
        const t0 = performance.now();
        twoFrames().then(t => finish({ms: last - b.start + (t - t0), batched: true}));
      }
    }, 50);
  });
}"""


def wait_idle(page, timeout_ms: int = 120_000) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached",
                           timeout=timeout_ms)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")


def theme_widget(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_text("Theme", exact=True)).first


BATCHED: list[bool] = []  # per measured click: True when its end was read from the websocket (see ARM)


def click_measured(page, click, timeout_ms: int = 60_000) -> float | None:
    page.evaluate(ARM, timeout_ms)
    click()
    outcome = page.evaluate("() => window.__benchDone")
    wait_idle(page, timeout_ms)
    if outcome is None:
        return None
    BATCHED.append(bool(outcome["batched"]))
    return outcome["ms"]


def add_theme(page, label: str) -> float | None:
    widget = theme_widget(page)
    widget.locator("input").click()
    option = page.get_by_role("option", name=label, exact=True)
    option.wait_for(state="visible", timeout=10_000)
    ms = click_measured(page, lambda: option.click())
    page.keyboard.press("Escape")
    return ms


def remove_theme(page, label: str) -> float | None:
    cross = theme_widget(page).get_by_role("button", name=f"Remove {label}", exact=True)
    cross.wait_for(state="visible", timeout=10_000)
    return click_measured(page, lambda: cross.click())


def measure_clicks(page, url: str, labels: list[str], rounds: int) -> dict:
    """Warm-up add/remove, then `rounds` adds and removes of different themes: ms each (None on timeout)."""
    BATCHED.clear()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=60_000)
    page.wait_for_timeout(500)
    wait_idle(page)
    theme_widget(page).wait_for(state="visible", timeout=60_000)
    add_theme(page, labels[0])
    remove_theme(page, labels[0])
    adds, removes = [], []
    for i in range(rounds):
        label = labels[1 + i % (len(labels) - 1)]
        adds.append(add_theme(page, label))
        page.wait_for_timeout(150)
        removes.append(remove_theme(page, label))
        page.wait_for_timeout(150)
    return {"add_ms": adds, "remove_ms": removes, "ended_by_websocket": sum(BATCHED[2:])}


def summarize_clicks(samples: dict) -> dict:
    all_ms = [v for v in samples["add_ms"] + samples["remove_ms"] if v is not None]
    adds = [v for v in samples["add_ms"] if v is not None]
    removes = [v for v in samples["remove_ms"] if v is not None]
    return {"median_ms": round(statistics.median(all_ms), 1) if all_ms else None,
            "add_median_ms": round(statistics.median(adds), 1) if adds else None,
            "remove_median_ms": round(statistics.median(removes), 1) if removes else None,
            "timeouts": sum(v is None for v in samples["add_ms"] + samples["remove_ms"]),
            "ended_by_websocket": samples.get("ended_by_websocket", 0),
            "samples": {k: [None if v is None else round(v, 1) for v in samples[k]] for k in ("add_ms", "remove_ms")}}


def next_visitor_s(browser, url: str, ready) -> float:
    """Seconds from a new visitor (a fresh browser context: no cache, no session) opening `url` on a running server
    to `ready(page)` being visible: what a reader of a shared link waits once the server has served anyone."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        ready(page).wait_for(state="visible", timeout=120_000)
        return round(time.perf_counter() - started, 2)
    finally:
        context.close()


def measure_browser(data: Path, rounds: int, screenshots: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from corpuslens.lexicon import load_themes
    from corpuslens.settings import knowledge_file

    labels = [t.label for t in load_themes(knowledge_file(data, "themes.yaml"))]
    screenshots.mkdir(parents=True, exist_ok=True)
    result: dict = {"pages": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.add_init_script(WS_TAP)
            page = context.new_page()
            # First page ready: from starting the server (index already built) to the Overview's size line.
            with streamlit_server("app.py", data) as (url, proc, started):
                goto_when_up(page, url)
                page.get_by_text(SIZE_LINE).first.wait_for(state="visible", timeout=120_000)
                result["first_page_s"] = round(time.perf_counter() - started, 2)
                wait_idle(page)
                log(f"    first page ready after {result['first_page_s']} s")
                result["next_visitor_s"] = next_visitor_s(browser, url, lambda p: p.get_by_text(SIZE_LINE).first)
                log(f"    a next visitor's first page ready after {result['next_visitor_s']} s")
                floor_samples: dict = {"add_ms": [], "remove_ms": []}
                with streamlit_server("bench/floor_app.py", data) as (floor_url, _p, floor_started):
                    # The floor's own first page, from starting its server to its Theme box: what Streamlit
                    # itself costs before any script of ours runs.
                    goto_when_up(page, floor_url)
                    theme_widget(page).wait_for(state="visible", timeout=120_000)
                    result["floor_first_page_s"] = round(time.perf_counter() - floor_started, 2)
                    log(f"    floor's first page ready after {result['floor_first_page_s']} s")
                    result["floor_next_visitor_s"] = next_visitor_s(browser, floor_url, theme_widget)
                    first = measure_clicks(page, floor_url, labels, rounds)
                    for name in PAGES:
                        samples = measure_clicks(page, f"{url}/{PAGE_PATHS[name]}", labels, rounds)
                        result["pages"][name] = summarize_clicks(samples)
                        page.screenshot(path=str(screenshots / f"{data.name}-{name}.png"))
                        log(f"    {name}: median {result['pages'][name]['median_ms']} ms")
                    last = measure_clicks(page, floor_url, labels, rounds)
                for key in first:
                    floor_samples[key] = first[key] + last[key]
                result["floor"] = summarize_clicks(floor_samples)
                log(f"    floor: median {result['floor']['median_ms']} ms")
            floor = result["floor"]["median_ms"]
            for name, page_result in result["pages"].items():
                page_result["ratio"] = round(page_result["median_ms"] / floor, 2) if floor and page_result["median_ms"] else None
        finally:
            browser.close()
    return result


# -- 4. report ---------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "MISSED")


def report(results: dict) -> str:
    lines = []
    sizes = list(results["corpora"])
    lines.append("Build (fresh process, index from scratch)")
    lines.append(f"| corpus | passages | documents | vocabulary | build s | peak RSS MB |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for size in sizes:
        b = results["corpora"][size].get("build")
        if b:
            lines.append(f"| {size} | {b['passages']:,} | {b['documents']:,} | {b['vocabulary']:,} | {b['wall_s']:.1f} | "
                         f"{b['peak_rss_mb']:,.0f} |")
    lines.append("")
    lines.append("Engine: one filter change, per page, ms (median / p90 over random changes; "
                 "engine = the page's view function: queries, mask and figures; +page = with the HTML the page makes)")
    header = "| page | " + " | ".join(f"{s} engine | {s} +page" for s in sizes) + " |"
    lines.append(header)
    lines.append("|---|" + "---:|---:|" * len(sizes))
    for name in PAGES:
        cells = []
        for size in sizes:
            e = results["corpora"][size].get("engine", {}).get("pages", {}).get(name)
            cells += [f"{e['engine_median_ms']:.0f} / {e['engine_p90_ms']:.0f}", f"{e['page_median_ms']:.0f} / {e['page_p90_ms']:.0f}"] if e else ["", ""]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    browser_sizes = [s for s in sizes if results["corpora"][s].get("browser")]
    if browser_sizes:
        lines.append("")
        lines.append("Browser: click on a sidebar Theme option -> rerun done and painted, median ms (x floor)")
        lines.append("| page | " + " | ".join(browser_sizes) + " |")
        lines.append("|---|" + "---:|" * len(browser_sizes))
        for name in ("floor", *PAGES):
            cells = []
            for size in browser_sizes:
                br = results["corpora"][size]["browser"]
                r = br["floor"] if name == "floor" else br["pages"].get(name, {})
                ratio = "" if name == "floor" else f" ({r.get('ratio')}x)"
                cells.append(f"{r.get('median_ms')}{ratio}")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        for label, key in (("first page ready (s)", "first_page_s"), ("the floor's first page (s)", "floor_first_page_s"),
                           ("a next visitor's first page, server running (s)", "next_visitor_s"),
                           ("the floor's, for a next visitor (s)", "floor_next_visitor_s")):
            lines.append(f"| {label} | " + " | ".join(
                str(results["corpora"][s]["browser"].get(key)) for s in browser_sizes) + " |")
    lines.append("")
    lines.append("Targets")
    for name, (value, target, ok) in results["targets"].items():
        lines.append(f"- {name}: {value} (target {target}): {verdict(ok)}")
    return "\n".join(lines)


def check_targets(results: dict) -> dict:
    corpora = results["corpora"]
    out = {}
    big = corpora.get("100k", {})
    if big.get("engine"):
        worst = max(p["engine_median_ms"] for p in big["engine"]["pages"].values())
        out["engine median per page at 100k, worst page (ms)"] = (worst, f"<= {TARGETS['engine_ms_100k']}",
                                                                  worst <= TARGETS["engine_ms_100k"])
    if big.get("build"):
        b = big["build"]
        out["build 100k (s)"] = (b["wall_s"], f"<= {TARGETS['build_s_100k']}", b["wall_s"] <= TARGETS["build_s_100k"])
        out["build 100k peak (GB)"] = (round(b["peak_rss_mb"] / 1024, 2), f"<= {TARGETS['build_gb_100k']}",
                                       b["peak_rss_mb"] / 1024 <= TARGETS["build_gb_100k"])
    for size, limit in (("shipped", TARGETS["ratio_shipped"]), ("100k", TARGETS["ratio_100k"])):
        br = corpora.get(size, {}).get("browser")
        if br:
            ratios = {n: p.get("ratio") for n, p in br["pages"].items()}
            worst = max((r for r in ratios.values() if r is not None), default=None)
            out[f"repaint at {size}, worst page (x floor)"] = (worst, f"<= {limit}", None if worst is None else worst <= limit)
    sh = corpora.get("shipped", {}).get("browser")
    if sh:
        out["first page ready, shipped (s)"] = (sh.get("first_page_s"), f"<= {TARGETS['first_page_s']}",
                                                sh.get("first_page_s") is not None and sh["first_page_s"] <= TARGETS["first_page_s"])
        if sh.get("next_visitor_s") is not None:
            out["a next visitor's first page, shipped (s)"] = (sh["next_visitor_s"], f"<= {TARGETS['first_page_s']}",
                                                               sh["next_visitor_s"] <= TARGETS["first_page_s"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Corpus Lens benchmark")
    parser.add_argument("--sizes", default="1k,10k,100k", help="generated corpora, passages (e.g. 1k,10k,100k)")
    parser.add_argument("--browser-sizes", default="shipped,100k", help="corpora measured in the browser")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-build", action="store_true", help="reuse built indexes (no build figures)")
    parser.add_argument("--changes", type=int, default=30, help="random filter changes per page (engine)")
    parser.add_argument("--rounds", type=int, default=5, help="add+remove pairs per page (browser)")
    parser.add_argument("--profile", action="store_true", help="also cProfile each page at each size")
    parser.add_argument("--out", default=str(OUT / "results.json"))
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sizes = ["shipped"] + [s.strip() for s in args.sizes.split(",") if s.strip()]
    browser_sizes = set() if args.skip_browser else {s.strip() for s in args.browser_sizes.split(",")}
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "started": time.strftime("%Y-%m-%d %H:%M:%S"), "corpora": {}}
    for size in sizes:
        if size == "shipped":
            data = SHIPPED
        else:
            data = generate(parse_size(size))
        log(f"== {size}: {data}")
        entry: dict = {"data": str(data.relative_to(ROOT))}
        if not args.skip_build or not (index_folder(data).exists()):
            entry["build"] = measure_build(data)
            log(f"  build: {entry['build']}")
        entry["engine"] = run_engine_subprocess(data, args.changes, args.profile)
        log(f"  engine: " + ", ".join(f"{n} {p['engine_median_ms']}/{p['page_median_ms']} ms"
                                       for n, p in entry["engine"]["pages"].items()))
        if size in browser_sizes:
            log("  browser…")
            entry["browser"] = measure_browser(data, args.rounds, OUT / "screenshots")
        results["corpora"][size] = entry
        results["targets"] = check_targets(results)
        Path(args.out).write_text(json.dumps(results, indent=1))
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["targets"] = check_targets(results)
    results["table"] = report(results)
    Path(args.out).write_text(json.dumps(results, indent=1))
    print()
    print(results["table"])
    print(f"\n({results['seconds']:.0f} s; figures in {args.out})")


def run_engine_subprocess(data: Path, changes: int, profile: bool) -> dict:
    """The engine timing in its own interpreter, so each size starts from a loaded index and no other."""
    code = ("import json, sys; from pathlib import Path; from bench.run import measure_engine; "
            "prof = Path(sys.argv[3]) if sys.argv[3] else None; "
            "print('RESULT' + json.dumps(measure_engine(Path(sys.argv[1]), int(sys.argv[2]), prof)))")
    profile_dir = str(OUT / "profiles" / data.name) if profile else ""
    out = subprocess.run([sys.executable, "-c", code, str(data), str(changes), profile_dir], env=index_env(data),
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"engine benchmark failed on {data}:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.split("RESULT", 1)[1])


if __name__ == "__main__":
    main()
