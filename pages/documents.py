"""Documents: the selection's documents with where each metadata value came from, duplicates, skipped
files, and a reader that shows one document with its actors and theme terms highlighted."""

from __future__ import annotations

import html

import streamlit as st

from corpuslens.urlstate import shown_value
from dashboard import cache
from dashboard.context import empty_state, page_header, table_height
from dashboard.state import set_view, view_value, view_widget
from dashboard.citations import cite_control, passage_choice
from dashboard.text import highlighted_html, md_escape

# Highlight colours of the reader, per actor kind and for theme terms (the legend uses the same CSS).
MARKS = {
    "state": ("#cfe3fb", "state"),
    "person": ("#fbdcc2", "person"),
    "organisation": ("#cdeed2", "organisation"),
    "bloc": ("#e6d8f7", "bloc"),
    "theme": ("transparent", "theme term"),
}
READER_CSS = "<style>" + "".join(
    f".cl-{kind}{{background:{colour};border-radius:3px;padding:0 2px;color:inherit}}"
    for kind, (colour, _) in MARKS.items()
) + (".cl-theme{border-bottom:2px solid #d4a017;border-radius:0;padding:0}"
     ".cl-reader{max-width:56em}.cl-reader p{line-height:1.65;margin:0 0 .9em 0}"
     ".cl-reader .cl-n{color:#6b7785;font-size:.8em;margin-right:.5em}"
     ".cl-out{color:#8a94a0}.cl-cited{outline:2px solid #d4a017;outline-offset:4px;border-radius:2px}"
     ".cl-legend span{margin-right:1em;font-size:.9em}</style>")


def provenance_section(index, filters) -> None:
    st.subheader("Documents and where their metadata came from")
    table = cache.provenance_table(index, filters)
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
    duplicates, skipped = cache.duplicates_table(index), cache.skipped_table(index)
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


def chosen_document(index, filters, choices: dict[str, str]) -> str:
    """The document to read: the link's or the widget's if it is in the selection, else the selection's first."""
    doc = view_value("doc")
    if doc and doc not in choices:
        if cache.has_document(index, doc):
            st.info("The document in the link is outside the current filters: showing the selection's first document.",
                    icon="ℹ️")
        else:
            st.warning(f"Link: doc: {md_escape(shown_value(doc))} is not a document of this corpus, ignored.",
                       icon="⚠️")
        doc = ""
    if not doc:
        set_view("doc", next(iter(choices)))
    return view_widget(st.selectbox, "doc", options=list(choices), format_func=choices.get)


def cited_passage(passages, doc: str) -> int:
    """The passage a permalink points at (its number in the document), shown above the reader; 0 for none.
    It belongs to the link's document: choosing another document forgets it."""
    cited = view_value("passage")
    if not cited:
        return 0
    if st.session_state.setdefault("documents.cited_doc", doc) != doc:
        set_view("passage", 0)
        return 0
    found = passages[passages["position"] == cited]
    if found.empty:
        st.warning(f"Link: passage: this document has no passage {int(cited)}, ignored.", icon="⚠️")
        set_view("passage", 0)
        return 0
    st.session_state.setdefault("documents.cite.passage", found["id"].iloc[0])
    st.markdown(f"**Cited passage ¶{int(cited)}** (framed in the text below)")
    st.html(READER_CSS + f'<div class="cl-reader"><p class="cl-cited">{html.escape(found["text"].iloc[0])}</p></div>')
    return int(cited)


def legend() -> str:
    chips = "".join(f'<span><mark class="cl-{kind}">{html.escape(name)}</mark></span>' for kind, (_, name) in MARKS.items())
    return f'<div class="cl-legend">{chips}<span class="cl-out">grey text: outside the current filters</span></div>'


def reader_html(passages, cited: int = 0) -> str:
    """The passages as escaped HTML: only our own <p>, <span> and <mark> tags, never the article's.
    Passage number `cited` (from a permalink) is framed."""
    paragraphs = []
    for passage in passages.itertuples():
        marks = highlighted_html(passage.text, [(s, e, label) for s, e, label, _ in passage.spans],
                                 {label: f"cl-{kind}" for _, _, label, kind in passage.spans})
        classes = ([] if passage.selected else ["cl-out"]) + (["cl-cited"] if passage.position == cited else [])
        out = f' class="{" ".join(classes)}"' if classes else ""
        paragraphs.append(f'<p{out}><span class="cl-n">¶{passage.position}</span>{marks}</p>')
    return READER_CSS + legend() + '<div class="cl-reader">' + "".join(paragraphs) + "</div>"


def reader_section(index, filters) -> None:
    st.subheader("Reader")
    choices = cache.document_choices(index, filters)
    doc = chosen_document(index, filters, choices)
    metadata = cache.document_metadata(index, doc)
    st.dataframe(metadata, hide_index=True, key="documents.metadata", column_config={
        "field": "Field", "value": st.column_config.TextColumn("Value", width="large"), "source": "Came from"})

    themes_column, actors_column = st.columns(2, gap="large")
    with themes_column:
        st.markdown("**Themes** (share of its passages)")
        themes = cache.document_themes(index, doc)
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
        actors = cache.document_actors(index, doc)
        if actors.empty:
            st.caption("No actor of the dictionary is named in this document.")
        else:
            st.dataframe(actors, hide_index=True, key="documents.actors", column_order=["actor", "kind", "mentions"],
                         height=table_height(actors, 250), column_config={"actor": "Actor", "kind": "Kind", "mentions":
                                                    st.column_config.NumberColumn("Mentions", format="%d")})
    passages = cache.reader_passages(index, filters, doc)
    cited = cited_passage(passages, doc)
    cite_control(index, {p.id: passage_choice("", p.position, p.text) for p in passages.itertuples()},
                 key="documents.cite")
    st.html(reader_html(passages, cited))

    removed = cache.removed_lines(index, doc)
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
    provenance_section(ctx.index, ctx.filters)
    reader_section(ctx.index, ctx.filters)


main()
