"""Simple charts as Vega-Lite specs: plain dicts with their data inline, no plotly.

A bar chart drawn by Vega-Lite costs the browser a fraction of a plotly chart on each repaint
(`python -m bench.element_costs` measures both), and a dict needs no validation on the server.
Vega draws every string as text (axis labels in SVG text, tooltips escaped by its tooltip
handler), so article strings need no escaping here, unlike in plotly's HTML-like labels.
"""

from __future__ import annotations

import pandas as pd

from . import style
from .common import shorten

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
ROW_PX = 24  # height per bar of a horizontal bar chart

# The house look (corpuslens.figures.style), as Vega-Lite config.
CONFIG = {
    "font": style.FONT_FAMILY,
    "background": style.BACKGROUND,
    "view": {"stroke": None},
    "title": {"fontSize": 16, "fontWeight": 500, "color": style.TEXT, "anchor": "start", "offset": 12,
              "subtitleColor": style.MUTED, "subtitleFontSize": 12},
    "axis": {"labelColor": style.TEXT, "titleColor": style.MUTED, "labelFontSize": style.FONT_SIZE - 1,
             "titleFontSize": style.FONT_SIZE - 1, "titleFontWeight": "normal", "gridColor": style.GRID,
             "domainColor": style.GRID, "tickColor": style.GRID},
    "bar": {"color": style.ACCENT},
}


def _chart(title: str, subtitle: str | None, height: int, values: list[dict], **layers) -> dict:
    heading = {"text": title, **({"subtitle": subtitle} if subtitle else {})}
    return {"$schema": SCHEMA, "title": heading, "height": height, "width": "container", "config": CONFIG,
            "data": {"values": values}, **layers}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def documents_by_year(df: pd.DataFrame, unknown_count: int = 0, height: int = 300) -> dict:
    """Bars of documents per year, every year of the span on the axis (a year without documents shows none).

    df columns: `year`, `documents`, `passages`. `unknown_count`: documents of unknown year, stated in the subtitle.
    `height`: the plot's, e.g. that of the chart beside it."""
    counts = {int(y): (int(d), int(p)) for y, d, p in zip(df["year"], df["documents"], df["passages"])}
    years = range(min(counts), max(counts) + 1) if counts else range(0)
    values = [{"year": str(y), "documents": counts.get(y, (0, 0))[0], "passages": counts.get(y, (0, 0))[1]}
              for y in years]
    subtitle = (f"plus {_plural(unknown_count, 'document', 'documents')} with unknown year (not on the axis)"
                if unknown_count else None)
    return _chart("Documents per year", subtitle, height, values, mark={"type": "bar", "tooltip": True}, encoding={
        "x": {"field": "year", "type": "ordinal", "title": "year", "axis": {"labelAngle": 0, "labelOverlap": True}},
        "y": {"field": "documents", "type": "quantitative", "title": "documents",
              "axis": {"format": ",d", "tickMinStep": 1}},
        "tooltip": [{"field": "year", "title": "Year"},
                    {"field": "documents", "type": "quantitative", "title": "Documents", "format": ","},
                    {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","}],
    })


LABEL_GAP = 7  # px from a bar chart's left edge to the right end of its row labels (tick 5 + padding 2, as an axis)
LABEL_HEADING_PX = 16  # the height the label column's heading takes above the bars
# The row labels' font: the one Streamlit gives axis labels (its body font, over the spec's `font`), so that they look
# like the axis labels they stand in for; then the house font.
LABEL_FONT = f'"Source Sans", "Source Sans Pro", {style.FONT_FAMILY}'


def _horizontal_bars(title: str, values: list[dict], x: dict, label_title: str, tooltip: list[dict],
                     label_limit: int, min_height: int = 120, subtitle: str | None = None) -> dict:
    """Bars top to bottom in the order of `values` (each holds `label` and `order`, 0 = top).

    The spec holds nothing of the data but its row count (the height), so that a new selection with as many rows
    leaves it unchanged: Streamlit then swaps the data in place instead of drawing the chart anew. The rows' places
    come from `order` as an ordinal (numbers sort by value, so the axis is always 0, 1, … from the top), and a text
    layer writes each row's label where the axis labels would be. A nominal axis of the labels would not do: in the
    data's order, Vega keeps the earlier rows' places after an in-place update (tests/e2e/test_bar_order.py fails
    on it); sorted by the `order` field the bars stand right, but the axis keeps its earlier labels first in the
    SVG, so an updated chart and a fresh one differ in the page; and two rows of the same label would share a place.
    The two layers share the encoding at the top; the bars' layer is `spec["layer"][0]`."""
    text_size = style.FONT_SIZE - 1
    height = max(min_height, ROW_PX * len(values) + 40 + LABEL_HEADING_PX)  # the bars as tall as under a side title
    return _chart(title, subtitle, height, values, encoding={
        "y": {"field": "order", "type": "ordinal", "title": label_title,
              # The labels are the text layer's; the title stands above them, right-aligned as a column heading.
              "axis": {"labels": False, "titleAngle": 0, "titleAlign": "right", "titleAnchor": "start",
                       "titleBaseline": "bottom", "titleX": -LABEL_GAP, "titleY": -4}},
        "x": x,
        "tooltip": tooltip,
    }, layer=[
        {"mark": {"type": "bar", "tooltip": True}},
        {"mark": {"type": "text", "align": "right", "baseline": "middle", "limit": label_limit, "font": LABEL_FONT,
                  "fontSize": text_size, "color": style.TEXT, "tooltip": True},
         "encoding": {"x": {"value": -LABEL_GAP}, "text": {"field": "label"}, "color": {"value": style.TEXT}}},
    ])


def top_contributors(df: pd.DataFrame, what: str = "Author", top: int = 20, label_px: int = 220) -> dict:
    """The `top` names with most documents in the selection (then passages), most at the top.

    df columns: `name`, `documents`, `passages`. `what` names the kind ("Author", "Publication")."""
    df = df.sort_values(["documents", "passages"], ascending=False, kind="stable").head(top)
    values = [{"label": str(name), "order": i, "documents": int(d), "passages": int(p)}
              for i, (name, d, p) in enumerate(zip(df["name"], df["documents"], df["passages"]))]
    return _horizontal_bars(
        f"{what}s by number of documents", values,
        {"field": "documents", "type": "quantitative", "title": "documents", "axis": {"format": ",d", "tickMinStep": 1}},
        what, [{"field": "label", "title": what},
               {"field": "documents", "type": "quantitative", "title": "Documents", "format": ","},
               {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","}], label_px,
        min_height=250,  # beside the documents-per-year chart: about its height
        # said always, not only when bars tie, so that the spec stays the same from one selection to the next
        subtitle="equal counts: more passages first")


def theme_shares(df: pd.DataFrame, validation: tuple[tuple[str, str], ...] = (), label_px: int = 420) -> dict:
    """Each theme's share of the selection's passages, largest at the top.

    df columns: `theme` (id), `label`, `passages`, `share` (0–1; a passage may carry several themes).
    `validation`: (theme id, "precision 0.90 [0.70–0.97], …") of the validated themes, shown in their tooltip."""
    df = df.sort_values(["share", "passages"], ascending=False, kind="stable")
    checked = dict(validation)
    values = [{"label": str(label), "order": i, "share": float(share), "passages": int(n),
               "validated": checked.get(theme, "not validated yet")}
              for i, (theme, label, share, n) in enumerate(zip(df["theme"], df["label"], df["share"], df["passages"]))]
    return _horizontal_bars(
        "Themes", values,
        {"field": "share", "type": "quantitative", "title": "share of passages", "axis": {"format": ".1~%", "tickCount": 8}},
        "theme", [{"field": "label", "title": "Theme"},
                  {"field": "share", "type": "quantitative", "title": "Share of passages", "format": ".1%"},
                  {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","},
                  {"field": "validated", "title": "Tagging validated"}], label_px)


# -- Terms ---------------------------------------------------------------------------------

PICK = "pick"  # the point selection a click on a term bar makes; its value names the clicked term


def bar_order(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a top-terms table in the order the bars are drawn, top bar first: most occurrences, then most
    passages."""
    return df.sort_values(["count", "passages"], ascending=False, kind="stable")


def term_bars(df: pd.DataFrame, title: str = "Top terms", label_px: int = 200) -> dict:
    """Term counts, most frequent at the top (the order of `bar_order`). A click selects the bar's
    term: Streamlit's selection event then holds {"pick": [{"term": ...}]}.

    df columns: `term`, `count` (occurrences), `passages` (passages containing it)."""
    df = bar_order(df)
    values = [{"label": str(t), "term": str(t), "order": i, "count": int(c), "passages": int(p)}
              for i, (t, c, p) in enumerate(zip(df["term"], df["count"], df["passages"]))]
    spec = _horizontal_bars(
        title, values,
        {"field": "count", "type": "quantitative", "title": "occurrences", "axis": {"format": ",d", "tickMinStep": 1}},
        "term", [{"field": "term", "title": "Term"},
                 {"field": "count", "type": "quantitative", "title": "Occurrences", "format": ","},
                 {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","}], label_px)
    bars = spec["layer"][0]
    bars["params"] = [{"name": PICK, "select": {"type": "point", "fields": ["term"], "on": "click", "clear": False}}]
    bars["mark"]["cursor"] = "pointer"
    spec["encoding"]["color"] = {"condition": {"param": PICK, "empty": True, "value": style.ACCENT},
                                 "value": style.ACCENT_LIGHT}
    return spec


def distinctive_terms(df: pd.DataFrame, label_a: str = "the selection", label_b: str = "the rest",
                      label_px: int = 200, title: str = "Distinctive terms") -> dict:
    """Diverging bars of the terms that set side A apart from side B: A's to the right, B's to the left, the most
    A-ish at the top. df columns: `term`, `z`, `side` ("a"/"A"/"selection" for A, else B)."""
    is_a = df["side"].isin(("A", "a", "selection")).to_numpy()
    signed = [abs(float(z)) if a else -abs(float(z)) for z, a in zip(df["z"], is_a)]
    rows = sorted(zip(df["term"], signed, is_a), key=lambda row: -row[1])
    side_a, side_b = f"more in {label_a}", f"more in {label_b}"
    values = [{"label": str(t), "order": i, "z": z, "abs_z": round(abs(z), 2), "side": side_a if a else side_b}
              for i, (t, z, a) in enumerate(rows)]
    spec = _horizontal_bars(
        title, values,
        {"field": "z", "type": "quantitative", "title": f"← more in {label_b}   z-score   more in {label_a} →"},
        "term", [{"field": "label", "title": "Term"}, {"field": "abs_z", "type": "quantitative", "title": "z"},
                 {"field": "side", "title": "Side"}], label_px)
    spec["encoding"]["color"] = {"field": "side", "type": "nominal", "title": None,
                                 "scale": {"domain": [side_a, side_b], "range": [style.SIDE_A, style.SIDE_B]},
                                 "legend": {"orient": "top", "labelLimit": 320}}
    return spec


def term_trend(df: pd.DataFrame, term: str) -> dict:
    """A term's occurrences per year (bars, left axis) and its rate per 1,000 terms (line, right axis); a year
    of the span without text in the selection is a gap in the line. df columns: `year`, `count`, `per_1000_terms`."""
    by_year = {int(y): (int(c), None if pd.isna(r) else float(r))
               for y, c, r in zip(df["year"], df["count"], df["per_1000_terms"])}
    years = range(min(by_year), max(by_year) + 1) if by_year else range(0)
    values = [{"year": str(y), "count": by_year.get(y, (0, None))[0], "rate": by_year.get(y, (0, None))[1]}
              for y in years]
    x = {"field": "year", "type": "ordinal", "title": "year", "axis": {"labelAngle": 0, "labelOverlap": True}}
    return _chart(f"“{shorten(term, 40)}” over the years", "bars: occurrences (left axis); line: per 1,000 terms (right axis)",
                  300, values, layer=[
                      {"mark": {"type": "bar", "color": style.ACCENT_LIGHT, "tooltip": True}, "encoding": {
                          "x": x, "y": {"field": "count", "type": "quantitative", "title": "occurrences",
                                        "axis": {"format": ",d", "tickMinStep": 1}},
                          "tooltip": [{"field": "year", "title": "Year"},
                                      {"field": "count", "type": "quantitative", "title": "Occurrences"}]}},
                      {"mark": {"type": "line", "color": style.ACCENT, "point": True, "tooltip": True, "invalid": None},
                       "encoding": {
                          "x": x, "y": {"field": "rate", "type": "quantitative", "title": "per 1,000 terms",
                                        "axis": {"orient": "right", "format": ".3~g"}},
                          "tooltip": [{"field": "year", "title": "Year"},
                                      {"field": "rate", "type": "quantitative", "title": "Per 1,000 terms",
                                       "format": ".2f"}]}},
                  ], resolve={"scale": {"y": "independent"}})


# -- Actors --------------------------------------------------------------------------------

def actor_trend(df: pd.DataFrame) -> dict:
    """Passages naming each actor per year, a line per actor in the order of first appearance in df (the caller's
    ranking); a year of the span without text in the selection is a gap in the line, not a zero.

    The spec holds no name and no count: each actor's place in the legend and its colour come from its `rank` (the
    order in df) through the colour scale's domain sorted by rank and the palette as its range, so that Streamlit
    updates the drawn chart in place when only the selection changes.

    df columns: `year`, `actor` (name), `passages`; a year an actor is not named in has its row with 0 passages."""
    actors = list(dict.fromkeys(df["actor"]))
    years = sorted({int(y) for y in df["year"]})
    known = {(int(y), a): int(n) for y, a, n in zip(df["year"], df["actor"], df["passages"])}
    span = range(years[0], years[-1] + 1) if years else range(0)
    values = [{"year": str(y), "actor": str(a), "rank": k, "passages": known.get((y, a))}
              for k, a in enumerate(actors) for y in span]
    return _chart("Actor mentions over the years", None, 340, values,
                  # invalid: None keeps a year without text as a break in the line instead of bridging it.
                  mark={"type": "line", "point": True, "tooltip": True, "invalid": None}, encoding={
                      "x": {"field": "year", "type": "ordinal", "title": "year",
                            "axis": {"labelAngle": 0, "labelOverlap": True}},
                      "y": {"field": "passages", "type": "quantitative", "title": "passages naming the actor",
                            "axis": {"format": ",d", "tickMinStep": 1}},
                      "color": {"field": "actor", "type": "nominal", "title": "actor",
                                "sort": {"field": "rank", "op": "min"},
                                "scale": {"range": list(style.PALETTE)}, "legend": {"labelLimit": 220}},
                      "tooltip": [{"field": "actor", "title": "Actor"}, {"field": "year", "title": "Year"},
                                  {"field": "passages", "type": "quantitative", "title": "Passages"}],
                  })


# -- Topics ----------------------------------------------------------------------------------

TOPIC_PICK = "topic_pick"  # the point selection a click on the topic map makes; its value names the topic


def topic_map(df: pd.DataFrame, sampled_from: int | None = None) -> dict:
    """Passages on a 2-D map coloured by topic; a click selects the point's topic (0-based id; -1: unassigned):
    Streamlit's selection event then holds {"topic_pick": [{"topic": id}]}.

    df columns: `x`, `y`, `topic`, `topic_label`, `hover` (passage start and document). `sampled_from`: the
    passages the rows were sampled from, stated in the subtitle; None when df holds them all."""
    topics = df["topic"].fillna(-1).astype(int).to_numpy()
    names = {int(t): ("unassigned" if t < 0 else str(label)) for t, label in zip(topics, df["topic_label"])}
    order = [names[t] for t in sorted(names)]
    values = [{"x": round(float(x), 4), "y": round(float(y), 4), "topic": int(t), "name": names[int(t)],
               "passage": shorten(h, 160)} for x, y, t, h in zip(df["x"], df["y"], topics, df["hover"])]
    n = len(df)
    subtitle = (f"showing {n:,} of {sampled_from:,} passages (random sample) · nearby passages use similar words"
                if sampled_from is not None and sampled_from > n else
                f"{n:,} passages · nearby passages use similar words")
    axis = {"title": None, "labels": False, "ticks": False, "grid": False, "domain": False}
    return _chart("Passages by topic", subtitle, 480, values,
                  params=[{"name": TOPIC_PICK, "select": {"type": "point", "fields": ["topic"], "on": "click",
                                                          "clear": False}}],
                  mark={"type": "point", "filled": True, "size": 45, "opacity": 0.75, "tooltip": True,
                        "cursor": "pointer"},
                  encoding={
                      "x": {"field": "x", "type": "quantitative", "axis": axis, "scale": {"zero": False}},
                      "y": {"field": "y", "type": "quantitative", "axis": axis, "scale": {"zero": False}},
                      "color": {"field": "name", "type": "nominal", "title": "topic", "sort": order,
                                "scale": {"domain": order,
                                          "range": [style.palette_color(t) for t in sorted(names)]},
                                "legend": {"labelLimit": 260, "orient": "right"}},
                      "shape": {"field": "name", "type": "nominal", "sort": order, "legend": None,
                                "scale": {"domain": order, "range": [_shape(t) for t in sorted(names)]}},
                      "tooltip": [{"field": "name", "title": "Topic"}, {"field": "passage", "title": "Passage"}],
                  })


def _shape(topic: int) -> str:
    """Vega's name of the marker symbol for a topic (the palette repeats past twelve topics, the shape changes)."""
    return {"circle": "circle", "square": "square", "diamond": "diamond", "triangle-up": "triangle-up",
            "cross": "cross", "x": "cross"}[style.topic_symbol(topic)]


def topic_prevalence(df: pd.DataFrame, group_title: str = "Year") -> dict:
    """Topics (rows) × groups (columns): each cell the topic's mean weight over the group's passages.

    df columns: `group` (a year or a name), `topic_label`, `share` (0–1). Missing cells are 0."""
    groups = sorted(df["group"].drop_duplicates().tolist()) if pd.api.types.is_numeric_dtype(df["group"]) \
        else df["group"].drop_duplicates().tolist()
    topics = df["topic_label"].drop_duplicates().tolist()
    shares = {(t, g): float(s) for t, g, s in zip(df["topic_label"], df["group"], df["share"])}

    def shown(group) -> str:
        return str(int(group)) if isinstance(group, (int, float)) and float(group).is_integer() else str(group)

    values = [{"topic": str(t), "group": shown(g), "share": shares.get((t, g), 0.0)} for t in topics for g in groups]
    cell = {"x": {"field": "group", "type": "ordinal", "title": group_title, "sort": [shown(g) for g in groups],
                  "axis": {"labelAngle": 0 if len(groups) <= 12 else -45, "labelLimit": 160}},
            "y": {"field": "topic", "type": "ordinal", "title": "topic", "sort": [str(t) for t in topics],
                  "axis": {"labelLimit": 320}}}
    layers = [{"mark": {"type": "rect", "tooltip": True}, "encoding": {
        **cell, "color": {"field": "share", "type": "quantitative", "title": "share of passages",
                          "scale": {"scheme": "blues", "domainMin": 0}, "legend": {"format": ".0%"}},
        "tooltip": [{"field": "topic", "title": "Topic"}, {"field": "group", "title": group_title},
                    {"field": "share", "type": "quantitative", "title": "Share of passages", "format": ".1%"}]}}]
    if len(values) <= 300:
        layers.append({"mark": {"type": "text", "fontSize": 11}, "encoding": {
            **cell, "text": {"field": "share", "type": "quantitative", "format": ".0%"},
            "color": {"condition": {"test": "datum.share > 0.5", "value": "white"}, "value": style.TEXT}}})
    return _chart(f"Topic prevalence by {group_title.lower()}", None, max(160, 34 * len(topics) + 60), values,
                  layer=layers)


def stability_by_k(df: pd.DataFrame, chosen: int | None = None) -> dict:
    """The stability of each number of topics: the mean over its topics as a line, each topic as a faint dot,
    the index's own number (df `default`) as a star and the number being viewed (`chosen`) ringed.

    df columns: `k`, `stability` (the mean, 0–1), `topics` (each topic's stability), `default` (bool)."""
    means = [{"k": int(k), "stability": float(s), "default": bool(d), "chosen": int(k) == chosen}
             for k, s, d in zip(df["k"], df["stability"], df["default"])]
    dots = [{"k": int(k), "topic_stability": float(v)} for k, values in zip(df["k"], df["topics"]) for v in values]
    x = {"field": "k", "type": "ordinal", "title": "number of topics", "axis": {"labelAngle": 0}}
    y = {"type": "quantitative", "title": "stability", "scale": {"domain": [0, 1]},
         "axis": {"format": ".1f", "tickCount": 6}}
    mean_tip = [{"field": "k", "title": "Topics"},
                {"field": "stability", "type": "quantitative", "title": "Mean stability", "format": ".2f"}]
    return _chart("Stability by number of topics", "line: mean over the topics; dots: one topic each; "
                  "star: the default; ring: shown now", 220, means, layer=[
                      {"data": {"values": dots}, "mark": {"type": "circle", "size": 30, "color": style.ACCENT_LIGHT,
                                                         "tooltip": True},
                       "encoding": {"x": x, "y": {**y, "field": "topic_stability"},
                                    "tooltip": [{"field": "k", "title": "Topics"},
                                                {"field": "topic_stability", "type": "quantitative",
                                                 "title": "One topic's stability", "format": ".2f"}]}},
                      {"mark": {"type": "line", "point": True, "color": style.ACCENT, "tooltip": True},
                       "encoding": {"x": x, "y": {**y, "field": "stability"}, "tooltip": mean_tip}},
                      {"transform": [{"filter": "datum.default"}],
                       "mark": {"type": "point", "shape": "M0,-1L0.29,-0.4L0.95,-0.31L0.48,0.15L0.59,0.81L0,0.5L-0.59,"
                                                          "0.81L-0.48,0.15L-0.95,-0.31L-0.29,-0.4Z",
                                "filled": True, "size": 260, "color": style.SIDE_B, "tooltip": True},
                       "encoding": {"x": x, "y": {**y, "field": "stability"}, "tooltip": mean_tip}},
                      {"transform": [{"filter": "datum.chosen"}],
                       "mark": {"type": "point", "filled": False, "size": 420, "strokeWidth": 2, "color": style.TEXT},
                       "encoding": {"x": x, "y": {**y, "field": "stability"}}},
                  ])


# -- Actors: the co-mention heatmap ------------------------------------------------------------

PAIR_PICK = "pair_pick"  # the point selection a click on a heatmap cell makes; its value names both actors
MEASURE_LOOK = {  # colour bar title, colour scheme, fixed domain, number format
    "count": ("co-mentions", "blues", None, ",d"),
    "jaccard": ("Jaccard", "blues", None, ".3f"),
    "npmi": ("NPMI", "redblue", [-1, 1], "+.3f"),
}


CELL_PX = 26  # a heatmap cell's side


def co_mention_heatmap(matrix, labels: list, ids: list, measure: str = "count", counts=None,
                       size: int | None = None) -> dict:
    """Actor × actor co-mentions, the first actor at the top left; a click selects the cell's pair: Streamlit's
    selection event then holds {"pair_pick": [{"a": id, "b": id}]}.

    `matrix` (n × n): the measure; `counts` (n × n, optional): the raw co-mention counts. For Jaccard and NPMI the
    diagonal is left out (an actor's association with itself says nothing) and so are pairs never named together
    (no evidence): those cells show the grey background, never a white zero. For counts the diagonal reads as the
    actor's own mentions; the colour scale stops at the largest pair so that it does not wash the pairs out.

    The spec depends on the measure and on `size` alone (the number of actors asked for, which sets the chart's size
    and the column names' angle; default n), never on the counts, the names or how many actors the selection has, so
    that Streamlit updates a drawn heatmap's data in place when only the selection changes (as `_horizontal_bars`
    does for bars). Rows and columns stand at their actor's rank (`i`, `j`) on an ordinal scale (numbers sort by
    value: 0 at the top left), and text layers write the actors' names (rows of `kind` "actor" beside the cells' rows
    of `kind` "cell"; they give the scale every rank, so a row without a cell keeps its place) where the axis labels
    were. The cells' values are written in them when there are at most 15 actors (`written`). The colour of a count
    is its `shade`: the count cut off at the largest pair, so the colour scale, read from the data, ends at the
    largest pair and its legend is in counts; a diagonal beyond it takes the darkest colour, and the tooltip and the
    cell's text give the count itself."""
    import numpy as np

    title, scheme, domain, fmt = MEASURE_LOOK[measure]
    z = np.asarray(matrix, dtype=float)
    n = len(labels)
    never = (np.asarray(counts) == 0) if counts is not None else np.zeros((n, n), dtype=bool)
    pairs = z[~np.eye(n, dtype=bool)]
    pairs = pairs[np.isfinite(pairs)]
    cap = float(pairs.max()) if measure == "count" and pairs.size and pairs.max() > 0 else None
    values = []
    for i in range(n):
        for j in range(n):
            value = z[i, j]
            if measure != "count" and (i == j or never[i, j]) or not np.isfinite(value):
                continue
            values.append({"kind": "cell", "written": n <= 15, "i": i, "j": j, "row": str(labels[i]),
                           "column": str(labels[j]), "a": str(ids[i]), "b": str(ids[j]), "value": float(value),
                           "shade": min(float(value), cap) if cap else float(value),
                           "pair": f"{labels[i]} × {labels[j]}",
                           "count": int(counts[i, j]) if counts is not None else None})
    if measure == "count":
        subtitle = "diagonal: sentences or passages naming the actor at all (darkest: beyond the scale)"
    else:
        subtitle = "grey: never named together"
    scale: dict = {"scheme": scheme}
    if domain:
        scale["domain"] = domain
        scale["domainMid"] = 0
    elif measure == "count":
        scale["domainMin"] = 0
    size = n if size is None else size
    side = max(300, size * CELL_PX + 40)
    places = {"type": "ordinal", "title": None}
    cell = {"x": {"field": "j", **places, "axis": {"labels": False}},
            "y": {"field": "i", **places, "axis": {"labels": False}}}
    tooltip = [{"field": "pair", "title": "Pair"},
               {"field": "value", "type": "quantitative", "title": title, "format": fmt}]
    if counts is not None and measure != "count":
        tooltip.append({"field": "count", "type": "quantitative", "title": "Named together"})
    cells_only, actors_only = [{"filter": "datum.kind === 'cell'"}], [{"filter": "datum.kind === 'actor'"}]
    layers = [{"transform": cells_only, "params": [{"name": PAIR_PICK, "select": {"type": "point", "fields": ["a", "b"], "on": "click",
                                                         "clear": False}}],
               "mark": {"type": "rect", "tooltip": True, "cursor": "pointer", "stroke": "white", "strokeWidth": 1},
               "encoding": {**cell, "color": {"field": "shade", "type": "quantitative", "title": title,
                                              "scale": scale, "legend": {"format": fmt.replace(".3f", ".2f")}},
                            "tooltip": tooltip}}]
    layers.append({"transform": [{"filter": "datum.kind === 'cell' && datum.written"}],
                   "mark": {"type": "text", "fontSize": 10}, "encoding": {
                       **cell, "text": {"field": "value", "type": "quantitative", "format": fmt.replace(".3f", ".2f")}}})
    label = {"type": "text", "baseline": "middle", "limit": 160, "font": LABEL_FONT,
             "fontSize": style.FONT_SIZE - 1, "color": style.TEXT}
    layers += [  # the row labels at the left, the column labels below (turned as the axis turned them)
        {"transform": actors_only, "mark": {**label, "align": "right"},
         "encoding": {"y": cell["y"], "x": {"value": -LABEL_GAP}, "text": {"field": "label"}}},
        {"transform": actors_only, "mark": {**label, "align": "right", "angle": 315 if size <= 15 else 270},
         "encoding": {"x": cell["x"], "y": {"value": {"expr": f"height + {LABEL_GAP}"}}, "text": {"field": "label"}}},
    ]
    # The actors' names ride in the same data as the cells (Streamlit swaps one dataset in place), one row each.
    values += [{"kind": "actor", "i": k, "j": k, "label": str(name)} for k, name in enumerate(labels)]
    spec = _chart("Actor co-mentions" + ("" if measure == "count" else f" ({title})"), subtitle, side, values,
                  layer=layers)
    spec["width"] = side
    spec["config"] = {**CONFIG, "view": {"stroke": None, "fill": style.BLANK_CELL}}
    return spec
