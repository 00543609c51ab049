"""Documents: the selection's documents with where each metadata value came from, duplicates, skipped
files, and a reader that shows one document with its actors and theme terms highlighted."""

from __future__ import annotations

import streamlit as st

from corpuslens.urlstate import shown_value
from corpuslens.views.documents import NO_SUCH_PASSAGE, OUTSIDE, UNKNOWN
from dashboard import cache
from dashboard.context import empty_state, page_header, table_height
from dashboard.state import page_values, set_view, view_value, view_widget
from dashboard.citations import cite_control, passage_choice
from dashboard.passages_html import cited_html, reader_html
from dashboard.text import md_escape


def provenance_section(view, index, filters) -> None:
    st.subheader("Documents and where their metadata came from")
    table = view.provenance
    source = "text, front matter, html meta, url or catalog (data/catalog.csv); unknown means nobody stated it"
    st.dataframe(
        table, hide_index=True, key="documents.provenance",
        column_order=["title", "title from", "authors", "authors from", "publication", "publication from",
                      "date", "date from"],
        column_config={
            "title": st.column_config.TextColumn("Title", width="medium"),
            "title from": st.column_config.TextColumn("from", help=source, width="small"),
            "authors": st.column_config.TextColumn("Authors"),
            "authors from": st.column_config.TextColumn("from", help=source, width="small"),
            "publication": st.column_config.TextColumn("Publication"),
            "publication from": st.column_config.TextColumn("from", help=source, width="small"),
            "date": st.column_config.TextColumn("Date"),
            "date from": st.column_config.TextColumn("from", help=source, width="small"),
        },
    )
    if view.documents > len(table):
        st.caption(f"The first {len(table):,} of {view.documents:,} documents; the download has them all.")
    st.download_button(f"Download the {view.documents:,} documents with their provenance (CSV)",
                       key="documents.download_provenance", on_click="ignore", mime="text/csv",
                       data=lambda: cache.download("provenance", index, filters),
                       file_name="corpuslens-provenance.csv", icon=":material/download:")
    tools = cache.corpus_tools(index)  # the corpus's, not the selection's
    duplicates, skipped = tools.duplicates, tools.skipped
    left, right = st.columns(2)
    with left.expander(f"Duplicates left out ({len(duplicates):,})"):
        if duplicates.empty:
            st.caption("No file repeats another one.")
        else:
            st.dataframe(duplicates, hide_index=True, key="documents.duplicates", column_config={
                "file": "Duplicate file", "title": "Title", "duplicates": "Repeats", "kind": "Exact or near"})
    with right.expander(f"Files skipped when the index was built ({len(skipped):,})"):
        if skipped.empty:
            st.caption("Every file in the data folder could be read.")
        else:
            st.dataframe(skipped, hide_index=True, key="documents.skipped",
                         column_config={"file": "File", "reason": "Why it was skipped"})


def chosen_document(view) -> str:
    """The document to read: the view's (the link's or the widget's when in the selection, else the first)."""
    if view.doc_note == OUTSIDE:
        st.info("The document in the link is outside the current filters: showing the selection's first document.",
                icon="ℹ️")
    elif view.doc_note == UNKNOWN:
        st.warning(f"Link: doc: {md_escape(shown_value(view_value('doc')))} is not a document of this corpus, "
                   "ignored.", icon="⚠️")
    if view_value("doc") != view.doc:
        set_view("doc", view.doc)
    chosen = view_widget(st.selectbox, "doc", options=list(view.choices), format_func=view.choices.get)
    if view.documents > len(view.choices):
        st.caption(f"The menu offers the selection's first {len(view.choices):,} of {view.documents:,} "
                   "documents: narrow the filters in the sidebar to reach the others.")
    return chosen


def cited_passage(view) -> int:
    """The passage a permalink points at (its number in the document), shown above the reader; 0 for none.
    It belongs to the link's document: choosing another document forgets it."""
    if not view_value("passage"):
        return 0
    if st.session_state.setdefault("documents.cited_doc", view.doc) != view.doc:
        set_view("passage", 0)
        return 0
    if view.cited_note == NO_SUCH_PASSAGE:
        st.warning(f"Link: passage: this document has no passage {int(view_value('passage'))}, ignored.", icon="⚠️")
        set_view("passage", 0)
        return 0
    found = view.passages[view.passages["position"] == view.cited]
    st.session_state.setdefault("documents.cite.passage", found["id"].iloc[0])
    st.markdown(f"**Cited passage ¶{view.cited}** (framed in the text below)")
    st.html(cited_html(found["text"].iloc[0]))
    return view.cited


def reader_section(view, index) -> None:
    st.subheader("Reader")
    chosen_document(view)
    st.dataframe(view.metadata, hide_index=True, key="documents.metadata", column_config={
        "field": "Field", "value": st.column_config.TextColumn("Value", width="large"), "source": "Came from"})

    themes_column, actors_column = st.columns(2, gap="large")
    with themes_column:
        st.markdown("**Themes** (share of its passages)")
        themes = view.themes
        if themes.empty:
            st.caption("No theme term in this document.")
        else:
            st.dataframe(themes, hide_index=True, key="documents.themes", column_order=["label", "share"],
                         height=table_height(themes, 250),
                         column_config={"label": st.column_config.TextColumn("Theme", width="medium"),
                                        "share": st.column_config.ProgressColumn(
                                            "Share", format="percent", min_value=0.0, max_value=1.0)})
    with actors_column:
        st.markdown("**Actors** (mentions)")
        actors = view.actors
        if actors.empty:
            st.caption("No actor of the dictionary is named in this document.")
        else:
            st.dataframe(actors, hide_index=True, key="documents.actors", column_order=["actor", "kind", "mentions"],
                         height=table_height(actors, 250), column_config={"actor": "Actor", "kind": "Kind", "mentions":
                                                    st.column_config.NumberColumn("Mentions", format="%d")})
    cited = cited_passage(view)
    cite_control(index, {p.id: passage_choice("", p.position, p.text) for p in view.passages.itertuples()},
                 key="documents.cite")
    st.html(reader_html(view.passages, cited))

    removed = view.removed
    with st.expander(f"Removed lines ({len(removed):,}): what cleaning took out of this file, and why"):
        if removed.empty:
            st.caption("Nothing was removed from this file.")
        else:
            st.dataframe(removed, hide_index=True, key="documents.removed", column_config={
                "line": st.column_config.TextColumn("Line", width="large"), "reason": "Reason"})


def main() -> None:
    ctx = page_header("Documents", "The documents in the selection, where each metadata value came from, and a reader "
                      "with actors (coloured by kind) and theme terms (underlined) highlighted.")
    if ctx.empty:
        empty_state("the document list")
        return
    view = cache.view("documents", ctx.index, ctx.filters, page_values("documents"))
    provenance_section(view, ctx.index, ctx.filters)
    reader_section(view, ctx.index)


main()
