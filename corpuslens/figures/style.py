"""The look shared by every figure: colours, fonts, margins and a light plotly template.

One module so that a topic has the same colour on the map, the size bars and anywhere else,
and so that changing the house style is a one-file edit.
"""

from __future__ import annotations

from functools import lru_cache

FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
FONT_SIZE = 13
TEXT = "#262730"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BACKGROUND = "#ffffff"

# One accent for single-series charts (bars whose colour encodes nothing).
ACCENT = "#2f6f9f"
ACCENT_LIGHT = "#a9c8e0"
# The two sides of a comparison (A vs B, selection vs rest): blue vs orange stays distinct
# for the common colour-vision deficiencies.
SIDE_A = "#2f6f9f"
SIDE_B = "#d9822b"
# Outlier / unassigned points (topic -1) and neutral edges.
NEUTRAL = "#9ca3af"
# Heatmap background: blank (NaN) cells show it, so they differ from a white zero.
BLANK_CELL = "#eceef1"

# Qualitative palette for topics, themes and actors: twelve colours distinguishable on white,
# none too pale to read as a line. Beyond twelve categories colours repeat, so the topic map
# also changes the marker symbol (see `topic_symbol`).
PALETTE = (
    "#1f77b4", "#d95f02", "#1b9e77", "#c2185b", "#7570b3", "#a6761d",
    "#e6ab02", "#17becf", "#66a61e", "#8c564b", "#e7298a", "#4d4d4d",
)
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x")

# Continuous scales: sequential for counts and shares, diverging (centred on 0) for NPMI.
SEQUENTIAL = "Blues"
DIVERGING = "RdBu_r"

MARGIN = dict(l=10, r=10, t=72, b=10)
ROW_PX = 28          # height per category row (bars, heatmap rows)
MIN_HEIGHT = 320
MAX_HEIGHT = 2400


def palette_color(index: int) -> str:
    """The palette colour for category number `index` (cycling); negative means unassigned."""
    return NEUTRAL if index < 0 else PALETTE[index % len(PALETTE)]


def topic_symbol(index: int) -> str:
    """Marker symbol for topic `index`: changes each time the palette wraps around."""
    return "circle" if index < 0 else SYMBOLS[(index // len(PALETTE)) % len(SYMBOLS)]


def rows_height(n_rows: int, extra: int = 140, row_px: int = ROW_PX) -> int:
    """A height that gives each of `n_rows` categories room for its label, within bounds."""
    return int(min(MAX_HEIGHT, max(MIN_HEIGHT, n_rows * row_px + extra)))


@lru_cache(maxsize=1)
def template():
    """The house plotly template, made when a plotly chart is first drawn (so that pages drawn with Vega-Lite,
    the first page among them, never import plotly). Written out in full rather than layered on plotly_white: every
    figure gets it explicitly, and plotly validates a template property by property on each figure (plotly_white's many
    trace defaults cost 6-8 ms per figure, this one ~1.5 ms)."""
    import plotly.graph_objects as go

    return _template(go)


def _template(go):
    axis = dict(gridcolor=GRID, zerolinecolor=GRID, zerolinewidth=2, linecolor=GRID, ticks="", automargin=True,
                title=dict(font=dict(size=13, color=MUTED), standoff=15))
    return go.layout.Template(
        layout=dict(
            font=dict(family=FONT_FAMILY, size=FONT_SIZE, color=TEXT),
            title=dict(font=dict(size=17, color=TEXT), x=0.0, xanchor="left", xref="container", pad=dict(l=12)),
            colorway=list(PALETTE),
            paper_bgcolor=BACKGROUND,
            plot_bgcolor=BACKGROUND,
            margin=MARGIN,
            hovermode="closest",
            autotypenumbers="strict",
            hoverlabel=dict(bgcolor="white", bordercolor=GRID, font=dict(family=FONT_FAMILY, size=12, color=TEXT),
                            align="left"),
            legend=dict(font=dict(size=12), bgcolor="rgba(255,255,255,0.85)"),
            xaxis=axis,
            yaxis=axis,
        ),
        data=dict(
            bar=[go.Bar(marker=dict(line=dict(color="white", width=0.5)))],
            heatmap=[go.Heatmap(colorbar=dict(outlinewidth=0, ticks=""))],
        ),
    )

