"""Simple charts as Vega-Lite specs: plain dicts with their data inline, no plotly.

A bar chart drawn by Vega-Lite costs the browser a fraction of a plotly chart on each repaint
(`python -m bench.element_costs` measures both), and a dict needs no validation on the server.
Vega draws every string as text (axis labels in SVG text, tooltips escaped by its tooltip
handler), so article strings need no escaping here, unlike in plotly's HTML-like labels.
"""

from __future__ import annotations

import pandas as pd

from . import style

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


def documents_by_year(df: pd.DataFrame, unknown_count: int = 0) -> dict:
    """Bars of documents per year, every year of the span on the axis (a year without documents shows none).

    df columns: `year`, `documents`, `passages`. `unknown_count`: documents of unknown year, stated in the subtitle."""
    counts = {int(y): (int(d), int(p)) for y, d, p in zip(df["year"], df["documents"], df["passages"])}
    years = range(min(counts), max(counts) + 1) if counts else range(0)
    values = [{"year": str(y), "documents": counts.get(y, (0, 0))[0], "passages": counts.get(y, (0, 0))[1]}
              for y in years]
    subtitle = (f"plus {_plural(unknown_count, 'document', 'documents')} with unknown year (not on the axis)"
                if unknown_count else None)
    return _chart("Documents per year", subtitle, 300, values, mark={"type": "bar", "tooltip": True}, encoding={
        "x": {"field": "year", "type": "ordinal", "title": "year", "axis": {"labelAngle": 0, "labelOverlap": True}},
        "y": {"field": "documents", "type": "quantitative", "title": "documents",
              "axis": {"format": ",d", "tickMinStep": 1}},
        "tooltip": [{"field": "year", "title": "Year"},
                    {"field": "documents", "type": "quantitative", "title": "Documents", "format": ","},
                    {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","}],
    })


def _horizontal_bars(title: str, values: list[dict], x: dict, label_title: str, tooltip: list[dict],
                     label_limit: int, min_height: int = 120) -> dict:
    """Bars top to bottom in the order of `values` (each holds `label` and `order`)."""
    return _chart(title, None, max(min_height, ROW_PX * len(values) + 40), values, mark={"type": "bar", "tooltip": True},
                  encoding={
                      "y": {"field": "label", "type": "nominal", "title": label_title,
                            "sort": {"field": "order"}, "axis": {"labelLimit": label_limit}},
                      "x": x,
                      "tooltip": tooltip,
                  })


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
        min_height=250)  # beside the documents-per-year chart: about its height


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
        {"field": "share", "type": "quantitative", "title": "share of passages", "axis": {"format": ".0%", "tickCount": 8}},
        "theme", [{"field": "label", "title": "Theme"},
                  {"field": "share", "type": "quantitative", "title": "Share of passages", "format": ".1%"},
                  {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","},
                  {"field": "validated", "title": "Tagging validated"}], label_px)


# -- Terms ---------------------------------------------------------------------------------

PICK = "pick"  # the point selection a click on a term bar makes; its value names the clicked term


def term_bars(df: pd.DataFrame, title: str = "Top terms", label_px: int = 200) -> dict:
    """Term counts, most frequent at the top (the order of `figures.terms.bar_order`). A click selects the bar's
    term: Streamlit's selection event then holds {"pick": [{"term": ...}]}.

    df columns: `term`, `count` (occurrences), `passages` (passages containing it)."""
    df = df.sort_values(["count", "passages"], ascending=False, kind="stable")
    values = [{"label": str(t), "term": str(t), "order": i, "count": int(c), "passages": int(p)}
              for i, (t, c, p) in enumerate(zip(df["term"], df["count"], df["passages"]))]
    spec = _horizontal_bars(
        title, values,
        {"field": "count", "type": "quantitative", "title": "occurrences", "axis": {"format": ",d", "tickMinStep": 1}},
        "term", [{"field": "term", "title": "Term"},
                 {"field": "count", "type": "quantitative", "title": "Occurrences", "format": ","},
                 {"field": "passages", "type": "quantitative", "title": "Passages", "format": ","}], label_px)
    spec["params"] = [{"name": PICK, "select": {"type": "point", "fields": ["term"], "on": "click", "clear": False}}]
    spec["encoding"]["color"] = {"condition": {"param": PICK, "empty": True, "value": style.ACCENT},
                                 "value": style.ACCENT_LIGHT}
    spec["encoding"]["cursor"] = {"value": "pointer"}
    spec["mark"]["cursor"] = "pointer"
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
    shown = term if len(term) <= 40 else term[:39] + "…"
    return _chart(f"“{shown}” over the years", "bars: occurrences (left axis); line: per 1,000 terms (right axis)",
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

    df columns: `year`, `actor` (name), `passages`; a year an actor is not named in has its row with 0 passages."""
    actors = list(dict.fromkeys(df["actor"]))
    years = sorted({int(y) for y in df["year"]})
    known = {(int(y), a): int(n) for y, a, n in zip(df["year"], df["actor"], df["passages"])}
    span = range(years[0], years[-1] + 1) if years else range(0)
    values = [{"year": str(y), "actor": str(a), "passages": known.get((y, a))} for a in actors for y in span]
    colours = [style.palette_color(k) for k in range(len(actors))]
    return _chart("Actor mentions over the years", None, 340, values,
                  # invalid: None keeps a year without text as a break in the line instead of bridging it.
                  mark={"type": "line", "point": True, "tooltip": True, "invalid": None}, encoding={
                      "x": {"field": "year", "type": "ordinal", "title": "year",
                            "axis": {"labelAngle": 0, "labelOverlap": True}},
                      "y": {"field": "passages", "type": "quantitative", "title": "passages naming the actor",
                            "axis": {"format": ",d", "tickMinStep": 1}},
                      "color": {"field": "actor", "type": "nominal", "title": "actor", "sort": actors,
                                "scale": {"domain": actors, "range": colours}, "legend": {"labelLimit": 220}},
                      "tooltip": [{"field": "actor", "title": "Actor"}, {"field": "year", "title": "Year"},
                                  {"field": "passages", "type": "quantitative", "title": "Passages"}],
                  })
