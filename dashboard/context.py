"""What every page receives from the app: the index, the current filters, the corpus's choices."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from corpuslens.filters import Filters
from corpuslens.index import CorpusIndex
from corpuslens.query.common import describe_filters, size_label
from corpuslens.urlstate import Choices
from dashboard import cache
from dashboard.pages_mode import leave_pages_folder_mode
from dashboard.text import md_escape

_KEY = "context"

# Every chart's modebar: no logo, and "download as PNG" at twice the screen resolution.
CHART_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def table_height(table, most: int) -> int:
    """A data grid tall enough for the table's rows (35 px each, with the header), at most `most`: no blank rows."""
    return min(most, 35 * (len(table) + 1) + 3)


@dataclass(frozen=True)
class Context:
    index: CorpusIndex
    filters: Filters
    choices: Choices

    @property
    def mask(self) -> np.ndarray:
        return cache.mask(self.index, self.filters)

    @property
    def empty(self) -> bool:
        return not self.mask.any()


def set_current(context: Context) -> None:
    st.session_state[_KEY] = context


def current() -> Context:
    if _KEY not in st.session_state:
        _run_through_app()
    return st.session_state[_KEY]


def _run_through_app() -> None:
    """Rerun a page that Streamlit started without app.py, so the app's shell runs first.

    A fresh server's first deep link runs the page file alone (dashboard.pages_mode says why). Leaving that
    mode and rerunning sends the same URL, query included, through app.py like every later visit.
    """
    leave_pages_folder_mode()
    st.rerun()


def page_header(title: str, how_to_read: str) -> Context:
    """Title, the selection's size, and a one-line guide: the same top on every page."""
    context = current()
    st.title(title)
    st.caption(how_to_read)
    size = size_label(context.index, context.mask)
    described = describe_filters(context.index, context.filters)
    st.markdown(f"**{md_escape(size)}** · {md_escape(described)}")
    return context


def empty_state(what: str = "this view") -> None:
    """The message shown instead of empty charts when the filters leave nothing: it names the filters that are on."""
    active = [spec.label for spec in current().filters.active()]
    advice = (f"Loosen or clear one of the filters that are on ({', '.join(active)}) in the sidebar to see results."
              if active else "The corpus has no passages to show.")
    st.info(f"No passages match the current filters, so there is nothing to show in {what}. {advice}",
            icon=":material/search_off:")
