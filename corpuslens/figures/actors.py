"""Actor charts: the co-mention heatmap, a network view, and mentions over the years."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import style
from .common import every_year, finish, whole_step, plain, short_labels, shorten, year_axis

# Colour bar title, colour scale, fixed range and hover number format per measure.
MEASURES = {
    "count": dict(title="co-mentions", scale=style.SEQUENTIAL, zmin=0, zmax=None, fmt=",.0f"),
    # Jaccard: zmax=None scales to the largest pair; real values rarely pass 0.3, so a fixed 0–1
    # scale would leave every cell nearly white.
    "jaccard": dict(title="Jaccard", scale=style.SEQUENTIAL, zmin=0, zmax=None, fmt=".3f"),
    "npmi": dict(title="NPMI", scale=style.DIVERGING, zmin=-1, zmax=1, fmt="+.3f"),
}


def co_mention_heatmap(matrix: np.ndarray, labels: list[str], measure: str = "count",
                       label_chars: int = 28, counts: np.ndarray | None = None, ids=None) -> go.Figure:
    """Actor × actor heatmap of co-mentions, first actor at the top left.

    `matrix`: square (n × n), rows and columns in the order of `labels` (actor names). `measure`:
    "count" (sequential scale from 0 to the largest pair count; the diagonal is kept and reads as
    the actor's own mention count, drawn darkest when beyond that scale), "jaccard" (0 to the largest
    pair) or
    "npmi" (diverging, centred on 0, fixed -1…1). For Jaccard and NPMI the diagonal is blanked
    (NaN): an actor's association with itself is trivially maximal and would only stretch the eye.
    Every label is shown (column labels turn vertical and smaller as actors grow); the height
    grows by 28 px per actor.
    `counts` (optional, same shape): the raw co-mention counts; for Jaccard and NPMI, pairs never
    named together are then left blank (no evidence) instead of a wall of 0 or -1 cells.
    `ids` (optional, the actors' ids in the order of `labels`): each clickable cell's customdata is then
    [pair, row actor's id, column actor's id] (escaped; `unplain` gives them back), so a click names its pair.
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {sorted(MEASURES)}, not {measure!r}")
    spec = MEASURES[measure]
    z = np.array(matrix, dtype=float)
    n = len(labels)
    if z.shape != (n, n):
        raise ValueError(f"matrix shape {z.shape} does not match {n} labels")
    subtitle = None
    if measure != "count":
        np.fill_diagonal(z, np.nan)
        if counts is not None:
            never = np.asarray(counts) == 0
            np.fill_diagonal(never, False)
            if never.any():
                z[never] = np.nan
                subtitle = "blank: never named together"
    names = np.array([plain(label) for label in labels], dtype=object)
    pair = names[:, None] + " × " + names[None, :]
    zmax = spec["zmax"]
    if zmax is None:  # scale to the pairs, so an actor's own (much larger) count does not wash them out
        pairs = z[~np.eye(n, dtype=bool)]
        pairs, cells = pairs[np.isfinite(pairs)], z[np.isfinite(z)]
        zmax = pairs.max() if pairs.size and pairs.max() > 0 else (cells.max() if cells.size and cells.max() > 0 else 1)
        if measure == "count" and n > 1 and cells.size and cells.max() > zmax:
            subtitle = "diagonal: sentences or passages naming the actor at all (darkest: beyond the scale; hover for it)"
    heatmap = go.Heatmap(
        z=z, x=np.arange(n), y=np.arange(n), customdata=pair, colorscale=spec["scale"],
        zmin=spec["zmin"], zmax=zmax,
        zmid=0 if measure == "npmi" else None, xgap=1, ygap=1, hoverongaps=False,
        colorbar=dict(title=dict(text=spec["title"], side="right")),
        hovertemplate="%{customdata}: %{z:" + spec["fmt"] + "}<extra></extra>",
    )
    if n <= 15:
        heatmap.update(texttemplate="%{z:" + spec["fmt"].lstrip("+").replace(".3f", ".2f") + "}", textfont=dict(size=10))
    fig = go.Figure(heatmap)
    # Plotly cannot select heatmap cells (plotly.js gives heatmaps no point selection, so Streamlit's
    # on_select returns nothing: streamlit/streamlit#8760). An invisible marker at the centre of every
    # drawn cell carries the hover and makes a click select that cell as a point (x: column, y: row).
    rows, columns = np.nonzero(np.isfinite(z))
    fig.update_traces(hoverinfo="skip", selector=dict(type="heatmap"))
    cell_data = pair[rows, columns]
    if ids is not None:
        safe_ids = np.array([plain(i) for i in ids], dtype=object)
        cell_data = np.column_stack([cell_data, safe_ids[rows], safe_ids[columns]])
    fig.add_trace(go.Scatter(
        x=columns, y=rows, mode="markers", showlegend=False, name="cells",
        marker=dict(symbol="square", size=max(6, min(24, 600 // max(n, 1))), opacity=0, color=style.NEUTRAL),
        customdata=cell_data, text=z[rows, columns],
        hovertemplate=("%{customdata}" if ids is None else "%{customdata[0]}") + ": %{text:" + spec["fmt"]
                      + "}<extra></extra>",
    ))
    ticks = dict(tickmode="array", tickvals=list(range(n)), ticktext=short_labels(labels, label_chars),
                 showgrid=False, zeroline=False, automargin=True, tickfont=dict(size=12))
    # Many actors: vertical, smaller column labels so neighbours never overlap.
    ticks["tickfont"] = dict(size=12 if n <= 30 else (10 if n <= 45 else 9))
    # Explicit ranges (first actor top left): the invisible cell markers would otherwise pad the axes.
    fig.update_xaxes(**ticks, tickangle=-45 if n <= 15 else -90, side="bottom", range=[-0.5, n - 0.5])
    fig.update_yaxes(**ticks, range=[n - 0.5, -0.5])
    title = "Actor co-mentions" + ("" if measure == "count" else f" ({spec['title']})")
    # Blank (NaN) cells show the plot background: grey, so they never read as a white zero.
    return finish(fig, title, "actor", "actor", height=max(420, n * style.ROW_PX + 220), subtitle=subtitle,
                  plot_bgcolor=style.BLANK_CELL)


def _circle(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic circular layout, first node at the top, clockwise."""
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / max(n, 1)
    return np.cos(angle), np.sin(angle)


def actor_network(matrix: np.ndarray, labels: list[str], min_value: float = 1,
                  mentions: np.ndarray | None = None, value_name: str = "co-mentions") -> go.Figure:
    """Network of actors on a circle: an edge where the co-mention value is at least `min_value`.

    `matrix`: square co-mention matrix (counts or an association measure) in the order of
    `labels`; only its upper triangle is read. `mentions`: each actor's mention count for the
    node size (default: the matrix diagonal). Edges fall into up to three width classes, one
    line trace each, whose legend entries give the value range; a note explains node size.
    `value_name` names the matrix's values in the legend (e.g. "NPMI").
    """
    z = np.array(matrix, dtype=float)
    n = len(labels)
    sizes_from = np.diag(z) if mentions is None else np.asarray(mentions, dtype=float)
    x, y = _circle(n)
    names = np.array([plain(label) for label in labels], dtype=object)
    i, j = np.triu_indices(n, k=1)
    keep = np.isfinite(z[i, j]) & (z[i, j] >= min_value)
    i, j, values = i[keep], j[keep], z[i, j][keep]
    fig = go.Figure()
    if len(values):
        edges = np.unique(np.quantile(values, [0, 1 / 3, 2 / 3, 1]))
        classes = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, max(len(edges) - 2, 0))
        for k in range(max(len(edges) - 1, 1)):
            sel = classes == k
            if not sel.any():
                continue
            # One trace per width class: node pairs separated by None (NaN) breaks.
            ex = np.column_stack([x[i[sel]], x[j[sel]], np.full(sel.sum(), np.nan)]).ravel()
            ey = np.column_stack([y[i[sel]], y[j[sel]], np.full(sel.sum(), np.nan)]).ravel()
            lo, hi = values[sel].min(), values[sel].max()
            fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", hoverinfo="skip", name=f"{plain(value_name)} {lo:.3g}–{hi:.3g}",
                                     line=dict(width=1 + 2.5 * k, color=style.NEUTRAL), opacity=0.7,
                                     legendgroup="edges", legendgrouptitle_text="line width"))
        # Invisible points at edge midpoints carry the hover ("A × B: value").
        fig.add_trace(go.Scatter(
            x=(x[i] + x[j]) / 2, y=(y[i] + y[j]) / 2, mode="markers", marker=dict(size=8, opacity=0),
            customdata=(names[i] + " × " + names[j]), text=values, showlegend=False,
            hovertemplate="%{customdata}: %{text:,.3~f}<extra></extra>",
        ))
    safe = np.nan_to_num(sizes_from, nan=0.0).clip(min=0)
    node_size = 12 + 30 * np.sqrt(safe / safe.max()) if n and safe.max() > 0 else np.full(n, 14.0)
    fig.add_trace(go.Scatter(
        x=x, y=y, mode="markers+text", name="actor (size: mentions)", text=short_labels(labels, 22),
        textposition=["top center" if yy >= 0 else "bottom center" for yy in y],
        marker=dict(size=node_size, color=style.ACCENT, line=dict(width=1, color="white")),
        customdata=np.column_stack([names, safe]) if n else None,
        hovertemplate="%{customdata[0]}: %{customdata[1]:,.0f} mentions<extra></extra>",
    ))
    fig.update_xaxes(visible=False, range=[-1.45, 1.45])
    fig.update_yaxes(visible=False, range=[-1.3, 1.3], scaleanchor="x")
    return finish(fig, "Actor network", height=620,
                  subtitle=f"node size: mentions · line width: co-mention value ≥ {min_value:g} · {len(values)} links",
                  legend=dict(orientation="v", x=1.0, xanchor="left", y=1.0))


def actor_trend(df: pd.DataFrame) -> go.Figure:
    """Lines of passages mentioning each actor per year, one trace (and legend entry) per actor.

    df columns: `year` (int), `actor` (name), `passages` (int). Actors keep their order of first
    appearance in df (the caller's ranking); colours follow that order in the shared palette.
    """
    years = df["year"].astype(int)
    fig = go.Figure()
    for k, (actor, rows) in enumerate(df.groupby("actor", sort=False).indices.items()):
        part = df.iloc[rows].assign(year=years.iloc[rows]).sort_values("year")
        name = plain(actor)
        # A year without any text in the selection is a gap in the line, not a zero and not a bridge.
        line_years, passages = every_year(part["year"], part["passages"])
        hover = [f"{name} · {year}: {int(n)} passages" if n == n else "" for year, n in zip(line_years, passages)]
        fig.add_trace(go.Scatter(
            x=line_years, y=passages, mode="lines+markers", name=short_labels([actor], 28)[0],
            line=dict(color=style.palette_color(k), width=2), marker=dict(size=7),
            hovertemplate=None, hovertext=hover, hoverinfo="text",
        ))
    fig.update_xaxes(**year_axis(years.unique()), showgrid=False)
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["passages"]))
    return finish(fig, "Actor mentions over the years", "year", "passages mentioning the actor", height=420,
                  legend=dict(title=dict(text="actor")))


def pair_over_years(df: pd.DataFrame, label_a: str, label_b: str, unit: str = "sentence",
                    min_units: int = 5) -> go.Figure:
    """A pair's NPMI per year (top) over the units naming both (bottom), on one year axis.

    df: `pair_association(..., by_year=True)`: year, units, units_a, units_b, both, npmi, enough. A year
    without `enough` evidence has no NPMI point (a gap in the line) and a grey bar below, so the reader sees
    both that the year is there and why it has no value; the hover gives every count.
    """
    from plotly.subplots import make_subplots

    a, b = plain(shorten(label_a, 30)), plain(shorten(label_b, 30))
    years = df["year"].astype(int).to_numpy()
    hover = [
        f"{year}: NPMI {'left out (too little evidence)' if not ok else format(value, '+.3f')}<br>"
        f"{both:,} {unit}s name both · {a} in {na:,}, {b} in {nb:,} of {n:,}"
        for year, value, ok, both, na, nb, n in zip(years, df["npmi"], df["enough"], df["both"], df["units_a"],
                                                    df["units_b"], df["units"])
    ]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.62, 0.38], vertical_spacing=0.08)
    # Every year from the first to the last, NaN (a gap) where a year has no text or too little evidence.
    line_years = np.arange(years.min(), years.max() + 1) if len(years) else years
    values = pd.Series(df["npmi"].where(df["enough"]).to_numpy(dtype=float), index=years).reindex(line_years).to_numpy()
    full_hover = dict(zip(years, hover))
    fig.add_trace(go.Scatter(
        x=line_years, y=values, mode="lines+markers", name="NPMI", connectgaps=False,
        line=dict(color=style.ACCENT, width=2), marker=dict(size=8),
        hovertext=[full_hover.get(y, "") for y in line_years], hoverinfo="text",
    ), row=1, col=1)
    enough = df["enough"].to_numpy(dtype=bool)
    for shown, name, color in ((enough, f"{unit}s naming both", style.ACCENT_LIGHT),
                               (~enough, f"no NPMI: {a} or {b} in fewer than {min_units} {unit}s", style.NEUTRAL)):
        if shown.any():
            fig.add_trace(go.Bar(
                x=years[shown], y=df["both"].to_numpy()[shown], name=name, marker_color=color,
                text=df["both"].to_numpy()[shown], textposition="outside", cliponaxis=False,
                hovertext=np.array(hover, dtype=object)[shown], hoverinfo="text",
            ), row=2, col=1)
    fig.update_yaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor=style.MUTED, title_text="NPMI", row=1, col=1)
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["both"]),
                     title_text=f"{unit}s naming both", row=2, col=1)
    fig.update_xaxes(**year_axis(years), showgrid=False)
    return finish(fig, f"{a} and {b} over the years", height=460,
                  subtitle="NPMI: above 0, named together more often than chance predicts; below 0, less",
                  legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0))
