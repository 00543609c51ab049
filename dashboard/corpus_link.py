"""Links that know their corpus: every link carries `corpus=<short id>`, and a link made on another version
of the corpus opens with a notice naming what changed (corpuslens.index.corpora keeps the records)."""

from __future__ import annotations

import streamlit as st

from corpuslens.index import index_root
from corpuslens.index.corpora import corpus_id, link_notice
from corpuslens.settings import data_dir
from dashboard import cache
from dashboard.state import LINK_CORPUS
from dashboard.text import md_escape


def current_corpus() -> str:
    """The short id of the shared corpus this server shows (a visitor's uploads are not part of links)."""
    return corpus_id(cache.corpus_index(str(data_dir())))


def show_notice() -> None:
    """On the run that read a link made on another corpus: say so, and what changed; the view opens anyway."""
    linked = st.session_state.pop(LINK_CORPUS, "")
    notice = link_notice(index_root(data_dir()), linked, current_corpus()) if linked else None
    if notice:
        st.info(f"Link: {md_escape(notice)}", icon=":material/history:")
