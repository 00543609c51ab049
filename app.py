"""Corpus Lens: the dashboard's entry point. Builds the index if needed, draws the shared sidebar,
and runs the chosen page; the URL always holds the whole view."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from corpuslens.index import built_index_folder, load_or_build
from corpuslens.settings import data_dir
from dashboard import cache, corpus_link, state, uploads
from dashboard.context import Context, set_current
from dashboard.sidebar import filter_widgets
from dashboard.text import md_escape

st.set_page_config(page_title="Corpus Lens", page_icon=":material/search:", layout="wide")

DATA = data_dir()

# Declared before the first build so that its progress shows beside the pages' names, not the files'.
pages = {
    "overview": st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    "topics": st.Page("pages/topics.py", title="Topics", icon=":material/scatter_plot:", url_path="topics"),
    "terms": st.Page("pages/terms.py", title="Terms", icon=":material/match_word:", url_path="terms"),
    "actors": st.Page("pages/actors.py", title="Actors", icon=":material/hub:", url_path="actors"),
    "documents": st.Page("pages/documents.py", title="Documents", icon=":material/article:", url_path="documents"),
    "validate": st.Page("pages/validate.py", title="Validate", icon=":material/fact_check:", url_path="validate"),
}
page = st.navigation(list(pages.values()))
page_name = next(name for name, p in pages.items() if p.url_path == page.url_path)


def ensure_index() -> None:
    """Build the index on first start, with visible progress; later starts find it on disk.

    Checked once per server process: the check fingerprints every raw file (0.4 s for 10,000
    articles), and the loaded index is held for the life of the process anyway."""
    checked = cache.CHECKED_DATA_FOLDERS
    if str(DATA) in checked:
        return
    if built_index_folder(DATA) is not None:
        checked.add(str(DATA))
        return
    note = st.caption(f"First start on {md_escape(DATA)}: the articles are read and indexed once; later starts open "
                      "at once.")
    bar = st.progress(0.0, text="Building the index of the articles (first start only)…")
    load_or_build(DATA, progress=lambda fraction, message: bar.progress(min(fraction, 1.0), text=message))
    bar.empty()
    note.empty()
    checked.add(str(DATA))


if not (DATA / "raw").is_dir():
    st.error(f"No articles: the data folder {md_escape(DATA)} has no raw/ folder.")
    st.stop()
ensure_index()
index = cache.corpus_index(str(DATA))
if index.n_passages == 0:
    st.error("None of the files in the data folder could be read, so there is nothing to explore.")
    for skipped in index.skipped:
        st.write(f"{skipped.file}: {skipped.reason}")
    st.stop()

index = uploads.session_index(index)  # the shared index plus this session's own articles, if any
choices = cache.corpus_tools(index).choices
state.start_session(choices)

with st.sidebar:
    st.header("Filters")
    filters = filter_widgets(st.sidebar, index, choices)

for notice in state.take_notices():
    st.warning(f"Link: {md_escape(notice)}", icon=":material/warning:")
corpus_link.show_notice()

set_current(Context(index=index, filters=filters, choices=choices))
page.run()

compare = st.session_state.get("compare") if state.view_value("compare") == "b" else None
params = state.link_params(page_name, filters, compare, corpus_link.current_corpus())
state.write_url(params)

with st.sidebar.expander("Share this view"):
    base = (st.context.url or "").split("?")[0]
    st.code(base + ("?" + urlencode(params, doseq=True) if params else ""), language=None, wrap_lines=True)
    st.caption("Copy this link (button at the right of the box): it reopens exactly this view.")
