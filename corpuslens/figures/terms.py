"""Term charts: top terms, distinctive terms (A vs B), a term's trend over the years."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import style
from .vega import bar_order  # the order the bars are drawn in, shared with the Vega-Lite bars
from .common import counted, every_year, finish, whole_step, horizontal_bars, label_rows, plain, plain_series, shorten, year_axis

# Values of the `side` column that mean the first side (A / the selection); anything else is B.
SIDE_A_VALUES = ("A", "a", "selection")


def term_bars(df: pd.DataFrame, title: str = "Top terms", label_chars: int = 30) -> go.Figure:
    """Horizontal bars of term counts, most frequent at the top, in the order given by count.

    df columns: `term` (word or phrase), `count` (occurrences), `passages` (passages containing it).
    `title` is inserted as given (it is ours, not an article's).
    """
    df = bar_order(df)
    hover = (plain_series(df["term"]) + ": " + counted(df["count"], "occurrence", "occurrences") + " in "
             + counted(df["passages"], "passage", "passages"))
    fig = go.Figure(horizontal_bars(df["count"].to_numpy(), hover, ids=df["term"].to_numpy()))  # a click picks the term
    label_rows(fig, df["term"].tolist(), label_chars)
    fig.update_xaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["count"]))
    return finish(fig, title, "occurrences", "term", height=style.rows_height(len(df), row_px=24), showlegend=False)


def distinctive_terms(df: pd.DataFrame, label_a: str = "selection", label_b: str = "rest",
                      label_chars: int = 30) -> go.Figure:
    """Diverging bars of the terms that distinguish side A from side B.

    df columns: `term`, `z` (z-score of the log-odds ratio with an informative Dirichlet prior;
    signed or absolute, the sign is taken from `side`), `side` ("A"/"selection" for A, anything
    else, e.g. "B"/"rest", for B). A's terms point right, B's left; the most A-ish at the top.
    `label_a`, `label_b` name the sides in the legend (escaped here).
    """
    is_a = df["side"].isin(SIDE_A_VALUES).to_numpy()
    signed = np.where(is_a, np.abs(df["z"].to_numpy(dtype=float)), -np.abs(df["z"].to_numpy(dtype=float)))
    order = np.argsort(-signed, kind="stable")
    terms = df["term"].to_numpy()[order]
    signed, is_a = signed[order], is_a[order]
    positions = np.arange(len(terms))
    hover = plain_series(pd.Series(terms)) + ": z = " + pd.Series(signed).abs().round(2).astype(str)
    fig = go.Figure()
    for mask, name, color in ((is_a, label_a, style.SIDE_A), (~is_a, label_b, style.SIDE_B)):
        fig.add_trace(go.Bar(
            x=signed[mask], y=positions[mask], orientation="h", name=f"more in {plain(shorten(name, 40))}",
            marker_color=color, customdata=(hover[mask] + " (more in " + plain(name) + ")").to_numpy(),
            hovertemplate="%{customdata}<extra></extra>",
        ))
    label_rows(fig, list(terms), label_chars)
    fig.update_xaxes(zeroline=True, zerolinecolor=style.MUTED, zerolinewidth=1)
    a, b = plain(shorten(label_a, 30)), plain(shorten(label_b, 30))
    return finish(fig, "Distinctive terms", f"← more in {b}     z-score (log-odds ratio)     more in {a} →", "term",
                  height=style.rows_height(len(terms), row_px=24), barmode="overlay",
                  legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0))


def term_trend(df: pd.DataFrame, term: str) -> go.Figure:
    """A term's use over the years: occurrences as bars (left axis), rate per 1,000 terms as a line (right).

    df columns: `year` (int), `count` (occurrences that year), `per_1000_terms` (count per 1,000
    tokens of that year's text, so years with more text do not look busier). `term` is escaped.
    """
    df = df.sort_values("year")
    years = df["year"].astype(int).to_numpy()
    fig = go.Figure()
    # Occurrences as bars on the left axis; the rate on an overlaid right axis, so the line is drawn on top.
    fig.add_trace(go.Bar(
        x=years, y=df["count"].to_numpy(), name="occurrences (left axis)", width=0.7,  # one year wide at most
        marker_color=style.ACCENT_LIGHT, hovertemplate="%{x}: %{y:,} occurrences<extra></extra>",
    ))
    # A year without any text in the selection is a gap in the line, not a zero and not a bridge.
    line_years, rates = every_year(years, df["per_1000_terms"])
    fig.add_trace(go.Scatter(
        x=line_years, y=rates, name="per 1,000 terms (right axis)", yaxis="y2",
        mode="lines+markers", line=dict(color=style.ACCENT, width=2.5), marker=dict(size=8),
        hovertemplate="%{x}: %{y:.2f} per 1,000 terms<extra></extra>",
    ))
    fig.update_xaxes(**year_axis(years), showgrid=False)
    # Whole occurrences only: small counts would otherwise get ticks at 0.5 that ",d" prints twice.
    fig.update_yaxes(rangemode="tozero", tickformat=",d", **({"dtick": 1} if df["count"].max() <= 5 else {}))
    fig.update_layout(yaxis2=dict(title=dict(text="per 1,000 terms", font=dict(size=13, color=style.MUTED)),
                                  overlaying="y", side="right", rangemode="tozero", showgrid=False,
                                  tickmode="auto", tickformat=".3~g", automargin=True))
    return finish(fig, f"“{plain(shorten(term, 40))}” over the years", "year", "occurrences", height=380,
                  legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0))
