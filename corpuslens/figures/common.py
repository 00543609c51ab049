"""Helpers every figure uses: plain-text escaping, label shortening, shared layout, placeholder.

Plotly renders hover, tick, legend and title strings as a small HTML dialect (<b>, <br>, <a>,
entities). Text from articles must therefore be escaped before it goes into any of them, or a
passage containing "<b>" or "<script>" would be rendered as markup.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import style

ELLIPSIS = "…"


def plain(s: object) -> str:
    """`s` as text plotly shows literally: "&", "<" and ">" escaped; None/NaN become ""."""
    if s is None or (isinstance(s, float) and math.isnan(s)):
        return ""
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unplain(s: str) -> str:
    """The text `plain` escaped, back: for ids a click returns from a figure's customdata."""
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain_series(values: pd.Series) -> pd.Series:
    """Vectorised `plain` for a column of strings (missing values become "")."""
    text = values.astype("string").fillna("")
    return (text.str.replace("&", "&amp;", regex=False)
                .str.replace("<", "&lt;", regex=False)
                .str.replace(">", "&gt;", regex=False)).astype(object)


def hover_lines(values: pd.Series, width: int = 72) -> pd.Series:
    """A column of free text as escaped hover text wrapped at about `width` characters.

    Existing line breaks are kept; wrapping happens before escaping so an entity is never cut."""
    text = values.astype("string").fillna("").str.strip()
    wrapped = text.str.replace(rf"([^\n]{{1,{width}}})(?:[ \t]+|\n|$)", "\\1\n", regex=True).str.rstrip("\n")
    return plain_series(wrapped).str.replace("\n", "<br>", regex=False)


def shorten(label: object, n: int = 40) -> str:
    """`label` cut to at most `n` characters, ending in "…" when cut (at a word break if near).

    Shortens raw text; escape the result with `plain` afterwards."""
    text = " ".join(plain_or_empty(label).split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    space = cut.rfind(" ")
    if space >= n * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-–—") + ELLIPSIS


def plain_or_empty(s: object) -> str:
    """`s` as a string, None/NaN as "" (no escaping)."""
    if s is None or (isinstance(s, float) and math.isnan(s)):
        return ""
    return str(s)


def short_labels(labels, n: int = 40) -> list[str]:
    """Escaped, shortened tick/legend labels for a (small) list of category names."""
    return [plain(shorten(label, n)) for label in labels]


def year_axis(years) -> dict:
    """Layout for an integer year axis: one tick per year when that stays readable."""
    years = [int(y) for y in years]
    if not years:
        return dict(tickformat="d")
    span = max(years) - min(years) + 1
    dtick = 1 if span <= 20 else (2 if span <= 40 else 5)
    return dict(tickmode="linear", dtick=dtick, tick0=min(years), tickformat="d",
                range=[min(years) - 0.6, max(years) + 0.6])


def every_year(years, values) -> tuple[np.ndarray, np.ndarray]:
    """`values` by year over every year from the first to the last, NaN where a year has no value:
    plotly leaves a gap there instead of drawing a line across years without any text."""
    series = pd.Series(np.asarray(values, dtype=float), index=np.asarray(years, dtype=int))
    if series.empty:
        return np.zeros(0, dtype=int), np.zeros(0)
    full = np.arange(series.index.min(), series.index.max() + 1)
    return full, series.groupby(level=0).sum().reindex(full).to_numpy()


def whole_step(counts: pd.Series, most_ticks: int = 8) -> int | None:
    """A tick step of 1 for small counts, so a ",d" axis never shows 0, 0, 1, 1, 2 (plotly's 0.5 steps
    rounded); None (plotly's choice) once the counts are large enough for whole steps anyway."""
    top = int(counts.max()) if len(counts) else 0
    return 1 if top <= most_ticks else None


def counted(values: pd.Series, singular: str, plural: str) -> pd.Series:
    """"1 document", "3 documents": a column of counts with the right noun, thousands separated."""
    values = values.astype(int)
    return values.map("{:,}".format) + np.where(values == 1, f" {singular}", f" {plural}")


def finish(fig: go.Figure, title: str, x_title: str | None = None, y_title: str | None = None,
           height: int | None = None, subtitle: str | None = None, **layout) -> go.Figure:
    """Apply the house template, title (and optional subtitle), axis titles and height.

    `title` and `subtitle` are inserted verbatim: escape any article-derived part first."""
    title_spec: dict = dict(text=title)
    if subtitle:
        title_spec["subtitle"] = dict(text=subtitle, font=dict(size=12, color=style.MUTED))
    # One update: each update_layout call validates its whole argument tree again (~2 ms a call).
    axes = {f"{axis}axis_title_text": text for axis, text in (("x", x_title), ("y", y_title)) if text is not None}
    fig.update_layout(template=style.template(), title=title_spec, height=height or 420, **axes, **layout)
    return fig


def horizontal_bars(values, hover: pd.Series, color: str = style.ACCENT, ids=None) -> go.Bar:
    """One horizontal bar trace on row positions 0..n-1 (so equal short labels never merge).

    `ids` (optional, one per bar): what a click on a bar chooses; each bar's customdata is then
    [hover text, id], so a page reads the clicked bar's id from the click event without a second query.
    Ids are escaped like every string in a figure: `unplain` gives them back."""
    customdata = hover.to_numpy() if ids is None else np.column_stack(
        [hover.to_numpy(), plain_series(pd.Series(ids, dtype=object)).to_numpy()])
    return go.Bar(
        x=values, y=np.arange(len(values)), orientation="h", customdata=customdata, marker_color=color,
        hovertemplate=("%{customdata}" if ids is None else "%{customdata[0]}") + "<extra></extra>",
    )


def label_rows(fig: go.Figure, labels, label_chars: int) -> None:
    """Name the bar rows with shortened, escaped labels, first row at the top."""
    fig.update_yaxes(tickmode="array", tickvals=list(range(len(labels))),
                     ticktext=short_labels(labels, label_chars), autorange="reversed", showgrid=False,
                     zeroline=False)


def empty_figure(message: str, height: int = 260) -> go.Figure:
    """An annotation-only placeholder figure saying `message` (escaped); no axes, no data."""
    fig = go.Figure()
    fig.add_annotation(text=plain(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=15, color=style.MUTED))
    fig.update_layout(template=style.template(), height=height,
                      xaxis=dict(visible=False), yaxis=dict(visible=False))
    return fig
