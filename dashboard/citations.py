"""The "Cite" action beside every list of passages: pick a passage and a style, copy the citation.

The citation is shown in a code box (plain text, with a copy button): article text is never rendered
as Markdown or HTML here either."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from corpuslens.citations import STYLES
from corpuslens.query.common import passage_start
from dashboard import cache

STYLE_NAMES = {"chicago": "Chicago", "apa": "APA", "markdown": "Markdown", "bibtex": "BibTeX"}
PAGE_PATHS = ("topics", "terms", "actors", "documents", "validate")


def app_base_url() -> str:
    """The dashboard's own address without the page and query: the base of permalinks."""
    parts = urlsplit(st.context.url or "")
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last in PAGE_PATHS:
        path = head
    return f"{parts.scheme}://{parts.netloc}{path}" if parts.netloc else path


def cite_control(index, passages: dict[str, str], key: str, label: str = "Cite a passage") -> None:
    """A popover that cites one of `passages` ({passage id: how to name it in the list})."""
    if not passages:
        return
    with st.popover(label, icon=":material/format_quote:"):
        ids = list(passages)
        chosen = st.selectbox("Passage", ids, format_func=passages.get, key=f"{key}.passage") if len(ids) > 1 else ids[0]
        style = st.segmented_control("Style", list(STYLES), format_func=STYLE_NAMES.get, default="chicago",
                                     key=f"{key}.style", required=True)
        st.code(cache.citation(index, chosen, style or "chicago", app_base_url()), language=None, wrap_lines=True)
        st.caption("Unknown author, title, publication or date stay unknown; the permalink opens the reader at "
                   "this passage.")


def passage_choice(title: str, position: int, text: str, chars: int = 70) -> str:
    """How a passage is named in the Cite list: its document (if given), number and first words."""
    start = passage_start(text, chars)
    return f"{title} ¶{position}: {start}" if title else f"¶{position}: {start}"
