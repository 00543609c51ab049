"""Open one page of the real app (app.py, shipped corpus) in Streamlit's AppTest, as a link would.

Import the `open_page` fixture into a test module: `from pages_apptest import open_page`.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qs

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages_mode import leave_on_every_new_manager

APP = Path(__file__).resolve().parents[1] / "app.py"


def without_pages_folder_mode(monkeypatch) -> None:
    """Every pages manager AppTest makes leaves the pages/-folder mode, as app.py's st.navigation does on a server."""
    leave_on_every_new_manager(monkeypatch)


@pytest.fixture
def open_page(monkeypatch):
    """`open_page("terms", "grams=phrases&n=10")`: a fresh session that opens /terms with that query string.

    Streamlit treats an app with a `pages/` folder as a legacy multipage app until st.navigation has run
    once, and AppTest resets that flag before every run, so a page would run on its own, without app.py.
    Clearing the flag after the pages manager is made mirrors a running server, where app.py has already
    called st.navigation: app.py then runs first and hands over to the page, as it does for a visitor.
    """
    without_pages_folder_mode(monkeypatch)

    def open_(page: str, query: str = "") -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.query_params = {key: values if len(values) > 1 else values[0]
                           for key, values in parse_qs(query, keep_blank_values=True).items()}
        # Before the first run AppTest names a page by its file stem, which is our url_path too.
        at.switch_page(f"pages/{page}.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_


def vega_specs(at: AppTest) -> dict[str, dict]:
    """The page's Vega-Lite charts as dicts, by title (AppTest does not expose their keys); Streamlit sends the
    inline data apart, as Arrow, so it is put back as `spec["data"]["values"]`."""
    import pyarrow as pa

    specs = {}
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if chart.proto.HasField("data"):
            rows = pa.ipc.open_stream(chart.proto.data.data).read_all().to_pylist()
            spec["data"] = {"values": [{k: v for k, v in row.items() if not k.startswith("__")} for row in rows]}
        specs[spec["title"]["text"]] = spec
    return specs


def plotly_specs(at: AppTest) -> dict[str, dict]:
    """The page's plotly figures as dicts, by element key (e.g. "actors.heatmap")."""
    return {chart.key: json.loads(chart.proto.spec) for chart in at.get("plotly_chart")}


def warnings(at: AppTest) -> str:
    """Every warning on the page as one plain string (Markdown escapes removed)."""
    return " | ".join(w.value for w in at.warning).replace("\\", "")


def link(at: AppTest) -> dict[str, list[str]]:
    """The address bar's query parameters after the run that describe the view, every value as a list
    (the corpus id every link carries is left out: tests/test_corpus_links.py checks it)."""
    return {key: value if isinstance(value, list) else [value] for key, value in view_params(at).items()}


def view_params(at: AppTest) -> dict:
    """The address bar's query parameters as AppTest holds them, without the corpus id."""
    return {key: value for key, value in at.query_params.items() if key != "corpus"}


def array(value) -> np.ndarray:
    """A data array of a figure spec: plotly writes numpy arrays as base64 typed arrays."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        return data.reshape([int(n) for n in str(shape).split(",")]) if shape else data
    return np.asarray(value)
