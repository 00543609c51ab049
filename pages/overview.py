"""Overview: the selection's size, documents over time, themes, authors and publications, the document table."""

from __future__ import annotations

import streamlit as st

from dashboard import cache, state
from dashboard.context import empty_state, page_header
from corpuslens.validation.targets import theme_target
from dashboard.citations import app_base_url
from dashboard.exports import csv_download
from dashboard.text import md_escape
from dashboard.validation import precisions, validate_button



def years_label(summary: dict) -> str:
    low, high = summary["year_min"], summary["year_max"]
    if low is None:
        return "unknown"
    return str(low) if low == high else f"{low}–{high}"


def theme_validation(index) -> tuple[tuple[str, str], ...]:
    """(theme id, its precision line) of every validated theme, for the chart's hover and the caption under it."""
    known = precisions()
    return tuple((t.id, known[str(theme_target(t.id))].describe()) for t in index.themes
                 if str(theme_target(t.id)) in known)


def validation_caption(index, checked: tuple[tuple[str, str], ...]) -> None:
    """Under the theme chart: each validated theme's precision, and a way to validate one."""
    labels = {t.id: t.label for t in index.themes}
    if checked:
        st.caption("Validated themes (estimated precision of the tagging, 95% Wilson interval): " +
                   "; ".join(f"{md_escape(labels[theme])}: {md_escape(line)}" for theme, line in checked),
                   help="From the analysts' judgments of sampled passages (the Validate page).")
    else:
        st.caption("No theme has been validated yet: choose one below to judge a sample of its passages.")
    choice, button = st.columns([3, 1], vertical_alignment="bottom")
    theme = choice.selectbox("Validate a theme", list(labels), format_func=labels.get, key="overview.validate_theme",
                             label_visibility="collapsed")
    validate_button(theme_target(theme), key="overview.validate", label="Validate this theme", container=button)


def main() -> None:
    ctx = page_header("Overview", "What the current selection holds: how many documents and passages, from when, "
                      "on which themes and by whom. Every number follows the filters in the sidebar.")
    if ctx.empty:
        empty_state("the overview")
        return
    index, filters = ctx.index, ctx.filters
    documents, passages, authors, years = st.columns(4)
    # Bottom-aligned: the switch above the right chart must not push it below the left one.
    left, right = st.columns(2, vertical_alignment="bottom")
    with right:
        # One contributors chart at a time: every chart costs the browser ~25 ms per filter change.
        state.view_widget(st.segmented_control, "contributors", required=True, label_visibility="collapsed")
    checked = theme_validation(index)
    view = cache.view("overview", index, filters, state.page_values("overview"), (checked,))

    summary = view.summary
    documents.metric("Documents", f"{summary['documents']:,}", border=True)
    passages.metric("Passages", f"{summary['passages']:,}", border=True)
    authors.metric("Authors", f"{summary['authors']:,}", border=True,
                   help=f"Known authors; {summary['unknown_author_documents']:,} document(s) with no known author.")
    years.metric("Years", years_label(summary), border=True,
                 help=f"Span of known years; {summary['unknown_year_documents']:,} document(s) of unknown year.")
    left.vega_lite_chart(view.years_chart, theme=None, key="overview.years")
    kind = "author" if view.contributors_by == "authors" else "publication"
    if view.contributors_chart is not None:
        right.vega_lite_chart(view.contributors_chart, theme=None, key=f"overview.{view.contributors_by}")
    else:
        right.info(f"No document in the selection has a known {kind}.")
    if view.contributors_chart is not None and view.contributors_unknown:
        right.caption(f"Not on the chart: {view.contributors_unknown:,} document(s) with no known {kind}.")
    st.vega_lite_chart(view.themes_chart, theme=None, key="overview.themes")
    validation_caption(index, checked)

    st.subheader("Documents in the selection")
    table = view.documents
    st.dataframe(
        table, hide_index=True, key="overview.documents",
        column_order=["title", "authors", "publication", "date", "year", "passages"],
        column_config={
            "title": st.column_config.TextColumn("Title", width="large"),
            "authors": st.column_config.TextColumn("Authors"),
            "publication": st.column_config.TextColumn("Publication"),
            "date": st.column_config.TextColumn("Date", help="As precise as the source states it"),
            "year": st.column_config.TextColumn("Year"),
            "passages": st.column_config.NumberColumn("Passages in selection", format="%d"),
        },
    )
    st.caption("“(unknown)” means the article and the catalog do not state it; nothing is guessed. "
               "The Documents page shows where each value came from.")

    left, right = st.columns(2)
    # The passages file can be large: it is made when the button is clicked, not on every rerun.
    left.download_button("Download the selection's passages (CSV)", key="overview.download_passages",
                         data=lambda: cache.download("passages", index, filters), on_click="ignore",
                         file_name="corpuslens-passages.csv", mime="text/csv", icon=":material/download:")
    csv_download("Download the document table (CSV)", table, "corpuslens-documents.csv",
                 key="overview.download_documents", container=right)
    base_url = app_base_url()
    left.download_button("Download the selection's citations (CSV)", key="overview.download_citations",
                         data=lambda: cache.download("citations", index, filters, base_url), on_click="ignore",
                         file_name="corpuslens-citations.csv", mime="text/csv", icon=":material/format_quote:",
                         help="Every passage of the selection with author, title, publication, date, URL and a "
                              "permalink; unknown fields are left empty.")


main()
