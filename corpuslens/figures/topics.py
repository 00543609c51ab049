"""Topic charts: the 2-D passage map, topic prevalence by group, topic sizes.

A topic's colour (and, past twelve topics, its marker symbol) comes from its id through
`style.palette_color`, so the map and the size bars agree. Topic -1 means "unassigned".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import style
from .common import counted, finish, whole_step, hover_lines, label_rows, plain, plain_series, shorten, short_labels


def _topic_name(topic: int, label: object, chars: int = 48) -> str:
    return "unassigned" if topic < 0 else plain(shorten(label, chars))


# WebGL draws thousands of points fast but costs a fixed ~85 ms per redraw to set up (measured in
# Chromium without a GPU); SVG is cheaper up to a couple of thousand points (the dashboard draws 1,000).
WEBGL_FROM_POINTS = 2000


def topic_map(df: pd.DataFrame, sampled_from: int | None = None) -> go.Figure:
    """Passages on a 2-D map, one scatter trace per topic so the legend names the topics (WebGL from
    WEBGL_FROM_POINTS points, SVG below).

    df columns: `x`, `y` (map coordinates), `topic` (int id, -1 = unassigned), `topic_label`
    (e.g. "T1 · russia · azerbaijan · baku"), `hover` (passage start and document title; free
    text from articles, escaped and wrapped here). `sampled_from`: the number of passages the
    rows were randomly sampled from, stated in the subtitle; None when df holds them all.
    Each point's `customdata` is its topic id, so a click on the map can choose that topic.
    """
    topics = df["topic"].fillna(-1).astype(int).to_numpy()
    hover = hover_lines(df["hover"]).to_numpy()
    xs, ys = df["x"].to_numpy(dtype=float), df["y"].to_numpy(dtype=float)
    labels = df["topic_label"].to_numpy()
    size = 7 if len(df) <= 1000 else (5 if len(df) <= 3000 else 4)
    scatter = go.Scattergl if len(df) >= WEBGL_FROM_POINTS else go.Scatter
    fig = go.Figure()
    for topic, rows in sorted(pd.Series(topics).groupby(topics).indices.items()):
        name = _topic_name(topic, labels[rows[0]])
        fig.add_trace(scatter(
            x=xs[rows], y=ys[rows], mode="markers", name=name,
            marker=dict(color=style.palette_color(topic), symbol=style.topic_symbol(topic), size=size,
                        opacity=0.75, line=dict(width=0)),
            hovertext=("<b>" + name + "</b><br>" + pd.Series(hover[rows], dtype=object)).to_numpy(),
            customdata=np.full(len(rows), topic),  # a clicked point names its topic id
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    n = len(df)
    if sampled_from is not None and sampled_from > n:
        subtitle = f"showing {n:,} of {sampled_from:,} passages (random sample) · nearby passages use similar words"
    else:
        subtitle = f"{n:,} passages · nearby passages use similar words"
    fig.update_xaxes(showticklabels=False, showgrid=False, zeroline=False)
    fig.update_yaxes(showticklabels=False, showgrid=False, zeroline=False)
    return finish(fig, "Passages by topic", "map dimension 1", "map dimension 2", height=560, subtitle=subtitle,
                  legend=dict(title=dict(text="topic"), itemsizing="constant"))


def _ordered(values: pd.Series) -> list:
    """Distinct values: sorted when numeric (years), else in order of first appearance."""
    unique = values.drop_duplicates().tolist()
    return sorted(unique) if pd.api.types.is_numeric_dtype(values) else unique


def topic_prevalence(df: pd.DataFrame, group_title: str = "Year", label_chars: int = 40) -> go.Figure:
    """Heatmap of topics (rows) × groups (columns): each cell the topic's share of the group's passages.

    df columns: `group` (a year or a name, e.g. an author), `topic_label`, `share` (0–1; within
    a group the shares over topics sum to 1 when every passage has one topic). A heatmap reads
    better than stacked bars once there are more than a handful of topics. Missing cells are 0.
    """
    groups, topics = _ordered(df["group"]), _ordered(df["topic_label"])
    z = (df.pivot_table(index="topic_label", columns="group", values="share", aggfunc="sum", sort=False)
           .reindex(index=topics, columns=groups).fillna(0.0).to_numpy())
    group_names = [str(int(g)) if isinstance(g, (int, np.integer, float)) and float(g).is_integer() else g
                   for g in groups]
    full_topics = np.array([plain(t) for t in topics], dtype=object)
    full_groups = np.array([plain(g) for g in group_names], dtype=object)
    kind = plain(group_title)
    hover = (full_topics[:, None] + "<br>" + kind + ": " + full_groups[None, :])
    heatmap = go.Heatmap(
        z=z, x=np.arange(len(groups)), y=np.arange(len(topics)), customdata=hover, zmin=0,
        colorscale=style.SEQUENTIAL, xgap=1, ygap=1,
        colorbar=dict(title=dict(text="share of passages", side="right"), tickformat=".0%"),
        hovertemplate="%{customdata}<br>share of passages: %{z:.1%}<extra></extra>",
    )
    if z.size <= 300:
        heatmap.update(texttemplate="%{z:.0%}", textfont=dict(size=11))
    fig = go.Figure(heatmap)
    label_rows(fig, topics, label_chars)
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(groups))), ticktext=short_labels(group_names, 24),
                     tickangle=0 if len(groups) <= 12 else -45, showgrid=False, zeroline=False)
    return finish(fig, f"Topic prevalence by {kind.lower()}", kind, "topic",
                  height=style.rows_height(len(topics), extra=200, row_px=34))


def topic_sizes(df: pd.DataFrame, label_chars: int = 40) -> go.Figure:
    """Horizontal bars of passages per topic, largest at the top, in each topic's map colour.

    df columns: `topic_label`, `passages` (int); optional `topic` (int id) for the colour,
    else topics are coloured by their row position in df.
    """
    df = df.reset_index(drop=True)
    ids = df["topic"].astype(int) if "topic" in df else pd.Series(np.arange(len(df)))
    order = df["passages"].sort_values(ascending=False, kind="stable").index
    df, ids = df.loc[order], ids.loc[order]
    hover = plain_series(df["topic_label"]) + ": " + counted(df["passages"], "passage", "passages")
    fig = go.Figure(go.Bar(
        x=df["passages"].to_numpy(), y=np.arange(len(df)), orientation="h", customdata=hover.to_numpy(),
        marker_color=[style.palette_color(i) for i in ids], hovertemplate="%{customdata}<extra></extra>",
    ))
    label_rows(fig, df["topic_label"].tolist(), label_chars)
    fig.update_xaxes(rangemode="tozero", tickformat=",d", dtick=whole_step(df["passages"]))
    return finish(fig, "Topic sizes", "passages", "topic", height=style.rows_height(len(df)), showlegend=False)


def stability_by_k(df: pd.DataFrame, chosen: int | None = None) -> go.Figure:
    """The stability of each number of topics: the mean over its topics as a line, each topic as a faint dot,
    the index's own number (df `default`) as a star and the number being viewed (`chosen`) ringed.

    df columns: `k` (int), `stability` (0–1, the mean), `topics` (list of each topic's stability), `default`."""
    fig = go.Figure()
    spread_x = [k for k, values in zip(df["k"], df["topics"]) for _ in values]
    spread_y = [v for values in df["topics"] for v in values]
    fig.add_trace(go.Scatter(
        x=spread_x, y=spread_y, mode="markers", name="one topic", marker=dict(color=style.ACCENT_LIGHT, size=6),
        hovertemplate="%{x} topics: one topic's stability %{y:.2f}<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=df["k"], y=df["stability"], mode="lines+markers", name="mean over the topics",
        line=dict(color=style.ACCENT, width=2), marker=dict(color=style.ACCENT, size=8),
        hovertemplate="%{x} topics: mean stability %{y:.2f}<extra></extra>",
    ))
    default = df[df["default"]]
    if not default.empty:
        fig.add_trace(go.Scatter(
            x=default["k"], y=default["stability"], mode="markers", name="the default",
            marker=dict(symbol="star", size=16, color=style.SIDE_B, line=dict(width=0)),
            hovertemplate="%{x} topics (the default): mean stability %{y:.2f}<extra></extra>",
        ))
    viewed = df[df["k"] == chosen]
    if not viewed.empty:
        fig.add_trace(go.Scatter(
            x=viewed["k"], y=viewed["stability"], mode="markers", name="shown now",
            marker=dict(symbol="circle-open", size=20, color=style.TEXT, line=dict(width=2)),
            hovertemplate="%{x} topics (shown now): mean stability %{y:.2f}<extra></extra>",
        ))
    fig.update_xaxes(tickmode="array", tickvals=df["k"].tolist(), showgrid=False)
    fig.update_yaxes(range=[0, 1.02], tickformat=".1f", dtick=0.2)
    return finish(fig, "Stability by number of topics", "number of topics", "stability", height=260,
                  legend=dict(orientation="h", y=-0.35, x=0), margin=dict(l=10, r=10, t=40, b=10))
