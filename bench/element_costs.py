"""The browser's cost of each kind of element on a repaint: `python -m bench.element_costs`.

For each kind in bench/element_app.py, a server draws N copies of it beside the floor's Theme multiselect; the
same measured click as `make bench` (bench/run.py: press on a Theme option -> rerun done and painted) is timed
several times, interleaved with the bare floor (N = 0) so that machine drift hits both alike. The cost of one
element is (median with N copies - median of the floor) / N. Writes bench/out/element_costs.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from bench.run import OUT, ROOT, SHIPPED, WS_TAP, free_port, goto_when_up, log, measure_clicks

KINDS = ("plotly_bars", "plotly_bars_dict", "plotly_heatmap", "vega_bars", "dataframe", "table", "markdown", "metric")


def serve(kind: str, copies: int):
    port = free_port()
    env = {**os.environ, "CORPUSLENS_BENCH_ELEMENT": kind, "CORPUSLENS_BENCH_COPIES": str(copies),
           "CORPUSLENS_DATA": str(SHIPPED)}
    cmd = [sys.executable, "-m", "streamlit", "run", "bench/element_app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f"http://127.0.0.1:{port}", proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from corpuslens.lexicon import load_themes
    from corpuslens.settings import knowledge_file

    labels = [t.label for t in load_themes(knowledge_file(SHIPPED, "themes.yaml"))]
    results: dict = {"copies": args.copies, "floor_ms": [], "kinds": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WS_TAP)
        page = context.new_page()
        servers = {kind: serve(kind, args.copies) for kind in ["none", *args.kinds.split(",")]}
        try:
            time.sleep(3)
            for kind, (url, _proc) in servers.items():
                goto_when_up(page, url)
            for kind in args.kinds.split(","):
                for name in ("none", kind):  # the floor right before each kind
                    samples = measure_clicks(page, servers[name][0], labels, args.rounds)
                    ms = [v for v in samples["add_ms"] + samples["remove_ms"] if v is not None]
                    if name == "none":
                        results["floor_ms"].extend(ms)
                        floor = statistics.median(ms)
                    else:
                        median = statistics.median(ms)
                        results["kinds"][kind] = {"median_ms": round(median, 1), "floor_ms": round(floor, 1),
                                                  "per_element_ms": round((median - floor) / args.copies, 1)}
                        log(f"{kind}: {median:.0f} ms with {args.copies} vs floor {floor:.0f} ms -> "
                            f"{(median - floor) / args.copies:.1f} ms per element")
        finally:
            for _url, proc in servers.values():
                proc.terminate()
            browser.close()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "element_costs.json").write_text(json.dumps(results, indent=1))
    print("| element | repaint with N (ms) | floor before it (ms) | per element (ms) |")
    print("|---|---:|---:|---:|")
    for kind, r in results["kinds"].items():
        print(f"| {kind} | {r['median_ms']} | {r['floor_ms']} | {r['per_element_ms']} |")


if __name__ == "__main__":
    main()
