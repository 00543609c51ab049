"""Render every figure from sample data to /tmp/figures (HTML, PNG) for a visual check.

Plotly's static export needs kaleido, which we do not ship, so each figure is written as a
self-contained HTML file (plotly.js from the installed package, no network) and screenshot
with Playwright driving the system Chromium. Some figures are also shot with a hover label
open, to check that article text shows as text.

    .venv/bin/python tools/render_figures.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpuslens import figures  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Page pixel of a data point (x, y) on the main axes.
PIXEL_OF = """([x, y]) => {
  const gd = document.getElementById('fig'), box = gd.getBoundingClientRect();
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  return [box.left + xa._offset + xa.d2p(x), box.top + ya._offset + ya.d2p(y)];
}"""
SCRIPT = "<script>alert(1)</script>"


def sample_figures() -> dict:
    """name → (figure, optional data point (x, y) to put the mouse on for a hover screenshot)."""
    rng = np.random.default_rng(0)
    years = pd.DataFrame({"year": [2017, 2018, 2020, 2022], "documents": [1, 2, 1, 1], "passages": [14, 41, 12, 30]})
    themes = pd.DataFrame({
        "theme": ["karabakh", "military", "energy", "economy", "alliances", "armenia", "ukraine", "turkey"],
        "label": ["Karabakh conflict and peace process", "Military and arms", "Energy and the Caspian",
                  "Economy and trade", "Alliances and blocs (CSTO, EAEU, NATO)", "Armenia's domestic politics",
                  "The war in Ukraine and sanctions", "Turkey and regional powers"],
        "passages": [40, 22, 18, 15, 12, 9, 20, 11]})
    themes["share"] = themes["passages"] / 97
    authors = pd.DataFrame({"name": ["Sergey Markedonov", "Fuad Shahbazov", "Ceyhun Mahmudlu", "Zaur Shiriyev",
                                     "unknown", f"A very long author name that goes on and on {SCRIPT}"],
                            "documents": [1, 1, 1, 1, 1, 1], "passages": [41, 30, 12, 14, 18, 3]})

    k, n = 9, 5000
    labels = [f"T{i + 1} · " + " · ".join(w) for i, w in enumerate([
        ("russia", "azerbaijan", "relations"), ("karabakh", "ceasefire", "peacekeepers"),
        ("csto", "armenia", "pashinyan"), ("gas", "pipeline", "caspian"), ("ukraine", "war", "sanctions"),
        ("turkey", "erdogan", "ankara"), ("arms", "weapons", "sales"), ("iran", "north-south", "corridor"),
        ("putin", "aliyev", "baku visit")])]
    centres = rng.normal(scale=4, size=(k, 2))
    topic = rng.integers(-1, k, size=n)
    xy = centres[np.clip(topic, 0, None)] + rng.normal(size=(n, 2))
    passage = "Moscow and Baku agreed <b>a new</b> framework for cooperation & trade, while Yerevan watched " \
              "the talks with growing concern about the CSTO's guarantees"
    topic_df = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "topic": topic,
                             "topic_label": [labels[t] if t >= 0 else "" for t in topic],
                             "hover": [f"{passage} {SCRIPT}…\n— Balancing Is Inevitable. What Aliyev and Putin Agreed"]
                             * n})
    prevalence = pd.DataFrame([(y, lab, s) for y in (2017, 2018, 2020, 2022)
                               for lab, s in zip(labels, rng.dirichlet(np.ones(k)))],
                              columns=["group", "topic_label", "share"])
    by_author = pd.DataFrame([(a, lab, s) for a in authors["name"][:5]
                              for lab, s in zip(labels, rng.dirichlet(np.ones(k)))],
                             columns=["group", "topic_label", "share"])
    sizes = pd.DataFrame({"topic": range(k), "topic_label": labels, "passages": rng.integers(20, 900, k)})

    words = ["russia", "azerbaijan", "baku", "moscow", "karabakh", "armenia", "csto", "gas", "pipeline",
             "sanctions", "turkey", "peacekeepers", "north-south transport corridor", "caspian", "aliyev",
             "putin", "arms sales", "eurasian economic union", "ukraine", "iran"]
    counts = np.sort(rng.integers(5, 200, len(words)))[::-1]
    term_df = pd.DataFrame({"term": words, "count": counts, "passages": (counts * 0.7).astype(int)})
    distinct = pd.DataFrame({"term": ["ukraine", "sanctions", "war", "neutrality", "gas", "csto", "pashinyan",
                                      "velvet revolution", "yerevan", "collective security treaty organization"],
                             "z": [4.1, 3.3, 2.9, 2.2, 1.9, -4.5, -3.9, -2.8, -2.1, -1.7],
                             "side": ["A"] * 5 + ["B"] * 5})
    trend = pd.DataFrame({"year": [2017, 2018, 2020, 2022], "count": [3, 12, 4, 9],
                          "per_1000_terms": [0.8, 1.9, 1.1, 1.4]})

    actors = ["Russia", "Azerbaijan", "Armenia", "Turkey", "Iran", "Georgia", "Ukraine", "United States",
              "European Union", "NATO", "CSTO", "Eurasian Economic Union", "OSCE Minsk Group", "Vladimir Putin",
              "Ilham Aliyev", "Nikol Pashinyan", "Recep Tayyip Erdoğan", "Sergey Lavrov", "Serzh Sargsyan",
              "Karabakh separatist authorities", "Gazprom", "SOCAR", "China", "France", "Israel", "Kazakhstan",
              "Belarus", "United Nations", "Collective Security Treaty Organization secretariat", SCRIPT]
    m = len(actors)
    base = rng.poisson(lam=np.linspace(12, 1, m)[:, None] * np.linspace(12, 1, m)[None, :] / 6)
    counts_m = np.triu(base, 1) + np.triu(base, 1).T
    np.fill_diagonal(counts_m, np.linspace(80, 3, m).astype(int))
    diag = np.diag(counts_m).astype(float)
    total = 400.0
    with np.errstate(divide="ignore", invalid="ignore"):
        p_ij = counts_m / total
        p_i = diag / total
        npmi = np.where(counts_m > 0, np.log(p_ij / np.outer(p_i, p_i)) / -np.log(p_ij), -1.0)
        jaccard = counts_m / (diag[:, None] + diag[None, :] - counts_m)
    npmi = np.clip(npmi, -1, 1)
    actor_years = pd.DataFrame([(y, a, int(rng.integers(1, 30))) for a in actors[:6]
                                for y in (2017, 2018, 2020, 2022)], columns=["year", "actor", "passages"])

    return {
        "documents_by_year": (figures.documents_by_year(years, unknown_count=1), None),
        "theme_shares": (figures.theme_shares(themes), None),
        "top_authors": (figures.top_contributors(authors, what="Author"), (0.5, 5)),
        "topic_map": (figures.topic_map(topic_df, sampled_from=12_345), tuple(xy[np.flatnonzero(topic == 0)[0]])),
        "topic_prevalence_year": (figures.topic_prevalence(prevalence, "Year"), None),
        "topic_prevalence_author": (figures.topic_prevalence(by_author, "Author"), None),
        "topic_sizes": (figures.topic_sizes(sizes), None),
        "term_bars": (figures.term_bars(term_df, "Top terms"), None),
        "distinctive_terms": (figures.distinctive_terms(distinct, "World Politics Review", "Eurasia.Expert"), None),
        "term_trend": (figures.term_trend(trend, "sanctions"), None),
        "co_mentions_count": (figures.co_mention_heatmap(counts_m, actors, "count"), None),
        "co_mentions_npmi_small": (figures.co_mention_heatmap(npmi[:8, :8], actors[:8], "npmi"),
                                   (1, 0)),
        "co_mentions_jaccard": (figures.co_mention_heatmap(jaccard, actors, "jaccard", counts=counts_m), None),
        "actor_network": (figures.actor_network(counts_m[:14, :14], actors[:14], min_value=3), None),
        "actor_trend": (figures.actor_trend(actor_years), None),
        "empty": (figures.empty_figure("No passages match the current filters."), None),
    }, dict(zip(words, counts.astype(float)))


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    figs, frequencies = sample_figures()
    figures.word_cloud_image(frequencies, width=800, height=400).save(out / "word_cloud.png")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1000, "height": 600})
        for name, (fig, hover) in figs.items():
            html = out / f"{name}.html"
            fig.write_html(html, include_plotlyjs=True, full_html=True, div_id="fig", config={"responsive": True})
            page.set_viewport_size({"width": 1000, "height": int(fig.layout.height or 450) + 20})
            page.goto(html.as_uri())
            page.wait_for_selector("#fig .main-svg")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            if hover is not None:
                # Move the mouse onto the data point like a person would (Fx.hover does not reach WebGL traces).
                px, py = page.evaluate(PIXEL_OF, [float(hover[0]), float(hover[1])])
                page.mouse.move(px, py)
                page.wait_for_timeout(200)
                page.screenshot(path=str(out / f"{name}_hover.png"), full_page=True)
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/figures"))
