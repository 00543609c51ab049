"""Overview charts: documents per year, theme shares, top authors or publications."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import style
from .common import counted, finish, horizontal_bars, label_rows, plain, plain_series, whole_step, year_axis


def documents_by_year(df: pd.DataFrame, unknown_count: int = 0) -> go.Figure:
    """Bars of documents per year.

    df columns: `year` (int), `documents` (int), `passages` (int, shown in hover).
    `unknown_count`: documents whose year is unknown; they cannot sit on a year axis, so the
    subtitle states how many there are instead of dropping them silently.
    """
    df = df.sort_values("year")
    years = df["year"].astype(int).to_numpy()
    fig = go.Figure(go.Bar(
        x=years, y=df["documents"].to_numpy(), customdata=df["passages"].to_numpy(),
        marker_color=style.ACCENT, name="documents",
        hovertemplate="%{x}: %{y:,} documents, %{customdata:,} passages<extra></extra>",
    ))
    subtitle = None
    if unknown_count:
        noun = "document" if unknown_count == 1 else "documents"
        subtitle = f"plus {unknown_count:,} {noun} with unknown year (not on the axis)"
    fig.update_xaxes(**year_axis(years), showgrid=False)
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["documents"]))
    return finish(fig, "Documents per year", "year", "documents", height=360, subtitle=subtitle,
                  showlegend=False, bargap=0.25)


def theme_shares(df: pd.DataFrame, label_chars: int = 36, validation: tuple[tuple[str, str], ...] = ()) -> go.Figure:
    """Horizontal bars of each theme's share of the selection's passages, largest at the top.

    df columns: `theme` (id), `label` (display name), `passages` (int), `share` (0–1: passages
    tagged with the theme / passages in the selection; a passage can carry several themes, so
    shares need not sum to 1). `validation`: (theme id, "precision 0.90 [0.70–0.97], …") pairs,
    added to the hover of the themes that were validated.
    """
    df = df.sort_values(["share", "passages"], ascending=False, kind="stable")
    hover = (plain_series(df["label"]) + ": " + (df["share"] * 100).round(1).astype(str) + "% of passages ("
             + counted(df["passages"], "passage", "passages") + ")")
    if validation:
        checked = dict(validation)
        hover = hover + pd.Series([("<br>" + plain(checked[t])) if t in checked else "" for t in df["theme"]],
                                  index=df.index, dtype=object)
    fig = go.Figure(horizontal_bars(df["share"].to_numpy(), hover))
    label_rows(fig, df["label"].tolist(), label_chars)
    fig.update_xaxes(tickformat=".0%", rangemode="tozero")
    return finish(fig, "Themes", "share of passages", "theme", height=style.rows_height(len(df)),
                  showlegend=False)


def top_contributors(df: pd.DataFrame, what: str = "Author", top: int = 20, label_chars: int = 32) -> go.Figure:
    """Horizontal bars of the `top` names with most documents in the selection (then passages).

    df columns: `name` (author or publication; "unknown" is a name like any other), `documents`,
    `passages` (ints). `what` names the kind ("Author", "Publication") for the titles.
    """
    df = df.sort_values(["documents", "passages"], ascending=False, kind="stable").head(top)
    hover = (plain_series(df["name"]) + ": " + counted(df["documents"], "document", "documents") + ", "
             + counted(df["passages"], "passage", "passages"))
    fig = go.Figure(horizontal_bars(df["documents"].to_numpy(), hover))
    label_rows(fig, df["name"].tolist(), label_chars)
    fig.update_xaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["documents"]))
    kind = plain(what)
    return finish(fig, f"{kind}s by number of documents", "documents", kind, height=style.rows_height(len(df)),
                  showlegend=False)
