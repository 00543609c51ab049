"""The floor app plus N copies of one kind of element that changes with the chosen themes.

`CORPUSLENS_BENCH_ELEMENT` names the kind (see ELEMENTS), `CORPUSLENS_BENCH_COPIES` how many. Each copy is
drawn from data that depends on the selection, as on the dashboard's pages, so every click changes it.
bench/element_costs.py measures the repaint of each kind against the bare floor: the browser's cost per element.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from corpuslens.figures.style import TEMPLATE
from corpuslens.lexicon import load_themes
from corpuslens.settings import data_dir, knowledge_file

st.set_page_config(page_title="Corpus Lens element costs", layout="wide")


@st.cache_resource(show_spinner=False)
def theme_labels() -> dict[str, str]:
    return {t.id: t.label for t in load_themes(knowledge_file(data_dir(), "themes.yaml"))}


labels = theme_labels()
chosen = st.sidebar.multiselect("Theme", list(labels), key="filter.themes", placeholder="All themes",
                                format_func=labels.get)
rng = np.random.default_rng(len(chosen) * 7 + sum(map(len, chosen)))
ROWS = 20


def table() -> pd.DataFrame:
    return pd.DataFrame({"term": [f"term {i}" for i in range(ROWS)], "count": rng.integers(1, 500, ROWS),
                         "passages": rng.integers(1, 200, ROWS)})


def plotly_bars() -> go.Figure:
    t = table()
    fig = go.Figure(go.Bar(x=t["count"], y=t["term"], orientation="h"))
    fig.update_layout(template=TEMPLATE, height=420, title="Top terms")
    return fig


def plotly_heatmap() -> go.Figure:
    fig = go.Figure(go.Heatmap(z=rng.random((ROWS, ROWS))))
    fig.update_layout(template=TEMPLATE, height=560, title="Co-mentions")
    return fig


def vega_bars(i: int) -> None:
    st.vega_lite_chart(table(), {"mark": "bar", "height": 380, "title": "Top terms",
                                 "encoding": {"y": {"field": "term", "type": "nominal", "sort": "-x"},
                                              "x": {"field": "count", "type": "quantitative"}}},
                       width="stretch", key=f"e{i}")


ELEMENTS = {
    "none": lambda i: None,
    "plotly_bars": lambda i: st.plotly_chart(plotly_bars(), key=f"e{i}"),
    "plotly_bars_dict": lambda i: st.plotly_chart(plotly_bars().to_dict(), key=f"e{i}"),
    "plotly_heatmap": lambda i: st.plotly_chart(plotly_heatmap(), key=f"e{i}"),
    "vega_bars": vega_bars,
    "dataframe": lambda i: st.dataframe(table(), hide_index=True, key=f"e{i}"),
    "table": lambda i: st.table(table()),
    "markdown": lambda i: st.markdown(f"**{len(chosen)} themes** · " + " ".join(f"word{rng.integers(99)}" for _ in range(40))),
    "metric": lambda i: st.metric("Passages", f"{rng.integers(1000):,}", border=True),
}

kind = os.environ.get("CORPUSLENS_BENCH_ELEMENT", "none")
for i in range(int(os.environ.get("CORPUSLENS_BENCH_COPIES", "0"))):
    ELEMENTS[kind](i)
