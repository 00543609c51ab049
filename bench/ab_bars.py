"""A/B of the horizontal bar charts' Vega-Lite specs in the real browser: `python -m bench.ab_bars`.

Serves the dashboard on the shipped corpus (data/, `CORPUSLENS_DATA` unset) twice: B with the current
corpuslens/figures/vega.py, A with that module as it was at `--old-rev` (by default the last commit whose bar
charts spelled their order out in the spec, which made the spec change with every selection), swapped in before
the app imports it; the app's code is otherwise the same. Beside them bench/floor_app.py. Then the same measured
click as `make bench` (bench/run.py: press on a sidebar Theme option, or on a chosen theme's remove cross ->
rerun done and painted) on the Terms and the Overview page of A and of B and on the floor, in rounds that
alternate the order (the floor, then each page's A and B; the floor, then each page's B and A; …) so that machine
drift hits all alike.

`--pages actors --old-rev <rev>` does the same for the Actors page (its co-mention heatmap and actor trend), with A
the vega.py of the given revision, e.g. the last one whose heatmap spelled the actors' order and the colour scale's
end out in the spec.

Prints median ms and x floor per page and variant (over all clicks, and the median of the per-round ratios) and
writes bench/out/ab_bars.json (or `--name`). Ports: 8620–8639 (the first free ones).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.run import OUT, ROOT, SHIPPED, WS_TAP, goto_when_up, log, measure_clicks, running

OLD_REV = "25136f2"  # the bar charts' order spelled out in the spec (`sort`: the labels in order)
PAGES = {"terms": "terms", "overview": "", "actors": "actors"}
PORTS = range(8620, 8640)

# Start the dashboard as `make run` does (dashboard.serve), with another corpuslens/figures/vega.py in place of the
# current one (argv[1] of the wrapper: the file; the rest: streamlit's options). Streamlit runs the app's pages in
# this process, so they import the module swapped in here. That module must still fit the views that call it (keywords
# it does not know are dropped); a page showing an exception stops the run before anything is measured.
SWAP = """
import importlib.util, sys
import corpuslens.figures
path = sys.argv.pop(1)
spec = importlib.util.spec_from_file_location("corpuslens.figures.vega", path)
module = importlib.util.module_from_spec(spec)
sys.modules["corpuslens.figures.vega"] = module
spec.loader.exec_module(module)
# The views may pass keywords the old module's functions do not take (e.g. the heatmap's `size`): those are dropped.
import functools, inspect
for name, f in list(vars(module).items()):
    if inspect.isfunction(f) and f.__module__ == module.__name__:
        params = inspect.signature(f).parameters
        if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
            setattr(module, name, functools.wraps(f)(
                lambda *a, _f=f, _p=params, **k: _f(*a, **{x: v for x, v in k.items() if x in _p})))
corpuslens.figures.vega = module
from dashboard.serve import main
main(sys.argv[1:])
"""


def free_port(taken: set[int]) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise RuntimeError(f"no free port in {PORTS.start}–{PORTS.stop - 1}")


@contextmanager
def server(script: str, port: int, name: str, vega_file: Path | None = None):
    """`streamlit run script` on the shipped corpus (data/ and its index) at 127.0.0.1:port; yields the URL. The
    dashboard (app.py) is started through dashboard.serve, with `vega_file` swapped in when given."""
    env = {k: v for k, v in os.environ.items() if k not in ("CORPUSLENS_DATA", "CORPUSLENS_INDEX")}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    options = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.runOnSave", "false"]
    if script != "app.py":
        cmd = [sys.executable, "-m", "streamlit", "run", script, *options]
    elif vega_file:
        cmd = [sys.executable, "-c", SWAP, str(vega_file), *options]
    else:
        cmd = [sys.executable, "-m", "dashboard.serve", *options]  # as `make run` starts the dashboard
    with running(cmd, env, OUT / f"ab_bars-{name}.log"):
        yield f"http://127.0.0.1:{port}"


def old_vega(rev: str, folder: Path) -> Path:
    text = subprocess.run(["git", "show", f"{rev}:corpuslens/figures/vega.py"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    path = folder / "vega_old.py"
    path.write_text(text)
    return path


def clicks(samples: dict) -> list[float]:
    return [v for v in samples["add_ms"] + samples["remove_ms"] if v is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=6, help="rounds; each measures every page of A and B once")
    parser.add_argument("--clicks", type=int, default=2, help="add+remove pairs per page and round")
    parser.add_argument("--old-rev", default=OLD_REV, help="git revision of corpuslens/figures/vega.py for A")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--screenshots", default=str(OUT / "ab_bars"), help="folder for a shot of each page")
    parser.add_argument("--name", default="ab_bars", help="name of the JSON written to bench/out/")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from corpuslens.lexicon import load_themes
    from corpuslens.settings import knowledge_file

    pages = args.pages.split(",")
    labels = [t.label for t in load_themes(knowledge_file(SHIPPED, "themes.yaml"))]
    shots = Path(args.screenshots)
    shots.mkdir(parents=True, exist_ok=True)
    ms: dict = {"floor": [], **{f"{v}:{p}": [] for v in "AB" for p in pages}}
    per_round: dict = {k: [] for k in ms}
    with sync_playwright() as pw, ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        taken: set[int] = set()
        urls = {
            "floor": stack.enter_context(server("bench/floor_app.py", free_port(taken), "floor")),
            "A": stack.enter_context(server("app.py", free_port(taken), "A", old_vega(args.old_rev, folder))),
            "B": stack.enter_context(server("app.py", free_port(taken), "B")),
        }
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        stack.callback(browser.close)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WS_TAP)
        page = context.new_page()
        time.sleep(2)
        for url in urls.values():
            goto_when_up(page, url)
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached",
                                   timeout=120_000)
        for name in pages:  # first runs (caches, lazy imports) out of the measurement; a shot of each
            for variant in "AB":
                measure_clicks(page, f"{urls[variant]}/{PAGES[name]}", labels, 1)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(shots / f"{name}-{variant}.png"), full_page=True)
                if page.locator('[data-testid="stException"]').count():
                    raise SystemExit(f"{name} of {variant} shows an exception (bench/out/ab_bars-{variant}.log)")
        for r in range(args.rounds):
            order = "AB" if r % 2 == 0 else "BA"
            floor = clicks(measure_clicks(page, urls["floor"], labels, args.clicks))
            ms["floor"] += floor
            per_round["floor"].append(statistics.median(floor))
            for name in pages:
                for variant in order:
                    key = f"{variant}:{name}"
                    got = clicks(measure_clicks(page, f"{urls[variant]}/{PAGES[name]}", labels, args.clicks))
                    ms[key] += got
                    per_round[key].append(statistics.median(got))
            log(f"round {r + 1}/{args.rounds} ({order}): " + ", ".join(
                f"{k} {per_round[k][-1]:.0f}" for k in per_round))
    floor = statistics.median(ms["floor"])
    rows = []
    for key in ms:
        median = statistics.median(ms[key])
        ratios = [m / f for m, f in zip(per_round[key], per_round["floor"])]
        rows.append({"what": key, "median_ms": round(median, 1), "x_floor": round(median / floor, 2),
                     "median_round_ratio": round(statistics.median(ratios), 2), "rounds": len(per_round[key]),
                     "clicks": len(ms[key]), "per_round_ms": [round(v, 1) for v in per_round[key]]})
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.name}.json").write_text(json.dumps({"old_rev": args.old_rev, "rows": rows,
                                                  "samples": {k: [round(v, 1) for v in ms[k]] for k in ms}}, indent=1))
    print(f"A: vega.py at {args.old_rev}; B: current. Click on a Theme option -> rerun done and painted.")
    print("| page | variant | median ms | x floor | median of per-round x floor | rounds | clicks |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for row in rows:
        name, variant = (row["what"].split(":")[1], row["what"].split(":")[0]) if ":" in row["what"] else ("floor", "")
        print(f"| {name} | {variant} | {row['median_ms']} | {row['x_floor']} | {row['median_round_ratio']} | "
              f"{row['rounds']} | {row['clicks']} |")
    for name in pages:  # paired by round: both variants measured next to each other
        gains = [a - b for a, b in zip(per_round[f"A:{name}"], per_round[f"B:{name}"])]
        print(f"{name}: A - B per round (ms): {', '.join(f'{g:.0f}' for g in gains)}; median {statistics.median(gains):.0f}; "
              f"B faster in {sum(g > 0 for g in gains)} of {len(gains)} rounds")


if __name__ == "__main__":
    main()
