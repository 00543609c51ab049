"""Terms: top words and phrases, a word cloud, distinctive terms (vs the rest or vs selection B),
a term's trend over the years and its keyword-in-context lines."""

from __future__ import annotations

import streamlit as st

from corpuslens.figures.vega import PICK
from corpuslens.filters import FILTER_FIELDS, Filters
from corpuslens.views.terms import KWIC_SHOWN
from dashboard import cache, state
from dashboard.context import empty_state, page_header, table_height
from dashboard.exports import csv_download
from dashboard.kwic import kwic_grid
from dashboard.sidebar import filter_widgets, widget_key
from dashboard.text import md_escape


def pick_term_from_list() -> None:
    """The top-terms list was used: its term becomes the page's term."""
    picked = st.session_state.get("terms.pick")
    if picked:
        state.set_view("term", picked)


def pick_term_from_bars() -> None:
    """A bar was clicked: its term (the chart's selection names it) becomes the page's term."""
    picked = st.session_state["terms.bars"].selection.get(PICK) or []
    term = picked[0].get("term") if picked and isinstance(picked[0], dict) else None
    if isinstance(term, str) and term:
        state.set_view("term", term)


def settings_row() -> None:
    """The page's own controls, drawn before the view is computed from them."""
    controls = st.columns([2, 3])
    with controls[0]:
        state.view_widget(st.radio, "grams", horizontal=True)
    with controls[1]:
        state.view_widget(st.slider, "n")


def top_terms_section(view, picture_column, table_column) -> None:
    """Bars or word cloud beside the term table."""
    with picture_column:
        if view.cloud_png is not None:
            st.image(view.cloud_png, caption="Word cloud of the selection's most frequent words and phrases (size: "
                     f"occurrences; as many of the top {view.cloud_terms} as fit)", width="stretch", output_format="PNG")
            st.download_button("Download the word cloud (PNG)", data=view.cloud_png,
                               file_name="corpuslens-word-cloud.png", mime="image/png", icon=":material/download:",
                               key="terms.download_cloud", on_click="ignore")
        elif state.view_value("show") == "cloud":
            st.info("No terms to draw a word cloud from.")
        elif view.bars_chart is None:
            st.info(f"No {view.grams_label.lower()} in the selection.")
        else:
            st.vega_lite_chart(view.bars_chart, theme=None, key="terms.bars", on_select=pick_term_from_bars,
                               selection_mode=PICK)
            st.caption("Click a bar to see that term over the years and in context below.")
    with table_column:
        table = view.top
        st.dataframe(table, hide_index=True, key="terms.table", height=table_height(table, 560),
                     column_config={
                         "term": st.column_config.TextColumn("Term"),
                         "count": st.column_config.NumberColumn("Occurrences", format="%d"),
                         "passages": st.column_config.NumberColumn("Passages", format="%d",
                                                                   help="Passages containing the term"),
                     })
        csv_download("Download the term table (CSV)", table, "corpuslens-terms.csv", key="terms.download_terms")


def selection_b(container, index, choices) -> Filters:
    """Selection B's filters, drawn in an expander with the sidebar's widgets (keys "compare.*")."""
    if any(widget_key("compare.", spec) not in st.session_state for spec in FILTER_FIELDS):
        # Streamlit forgets a widget's value while it is not drawn: restore B from the last one seen.
        state.seed_filter_widgets("compare.", st.session_state.get("compare") or Filters())
    with container.expander("Selection B: its own filters", expanded=True):
        compare = filter_widgets(st.container(), index, choices, prefix="compare.")
    st.session_state["compare"] = compare
    return compare


def distinctive_section(view, chart, listing) -> None:
    label_a, label_b = view.side_labels
    if view.comparison_size == 0:
        chart.info("Selection B has no passages: choose its filters above." if label_b == "selection B" else
                   "The selection is the whole corpus, so there is no rest to compare with. Narrow it with the "
                   "filters in the sidebar, or compare with another selection (B).")
        return
    table = view.distinctive
    if view.distinctive_chart is None:
        chart.info("No term occurs often enough on either side to compare.")
        return
    chart.vega_lite_chart(view.distinctive_chart, theme=None, key="terms.distinctive")
    listing.dataframe(table.assign(side=table["side"].map({"a": label_a, "b": label_b})), hide_index=True,
                      key="terms.distinctive_table", column_order=["term", "side", "z", "count_a", "count_b"],
                      column_config={
                          "term": st.column_config.TextColumn("Term"),
                          "side": st.column_config.TextColumn("More in"),
                          "z": st.column_config.NumberColumn("z", format="%.2f"),
                          "count_a": st.column_config.NumberColumn(f"In {label_a.split()[-1]}", format="%d",
                                                                   help=f"Occurrences in {label_a}"),
                          "count_b": st.column_config.NumberColumn(f"In {label_b.split()[-1]}", format="%d",
                                                                   help=f"Occurrences in {label_b}"),
                      })
    csv_download("Download the distinctive terms (CSV)", table, "corpuslens-distinctive-terms.csv",
                 key="terms.download_distinctive", container=listing)


def term_section(view, index) -> None:
    term, lines = view.term, view.kwic
    if view.term_is_default:
        st.caption(f"Showing the selection's most frequent term, “{md_escape(term)}”: type a term, pick one, "
                   "or click a bar above.")
    if lines is None or (int(view.trend["count"].sum()) == 0 and lines.empty):
        st.info(f"“{md_escape(term)}” does not occur in the selection.")
        return
    if view.trend_chart is None:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
    else:
        st.vega_lite_chart(view.trend_chart, theme=None, key="terms.trend")
    shown = f"first {len(lines):,}" if len(lines) >= KWIC_SHOWN else f"{len(lines):,}"
    st.markdown(f"**Keyword in context** · {md_escape(shown)} occurrence{'s' * (len(lines) != 1)} "
                f"of “{md_escape(term)}”")
    kwic_grid(index, lines, key="terms.kwic", cite_key="terms.cite")
    csv_download("Download the keyword-in-context lines (CSV)", lines, "corpuslens-kwic.csv", key="terms.download_kwic")


def main() -> None:
    ctx = page_header("Terms", "The words and phrases of the selection: the most frequent, those that set it apart "
                      "from the rest (or from a selection B), and any term over the years and in its sentences.")
    if ctx.empty:
        empty_state("the term views")
        return
    index = ctx.index
    # Every control comes first, in the page's order, so that the view is computed once from all of them.
    settings_row()
    picture_column, table_column = st.columns([3, 2])
    with picture_column:
        # One picture at a time: a new selection's word cloud takes ~70 ms to lay out, so it is drawn on request.
        state.view_widget(st.segmented_control, "show", required=True, label_visibility="collapsed")
    st.subheader("Distinctive terms")
    mode = state.view_widget(st.radio, "compare", horizontal=True)
    sides = ("selection A", "selection B") if mode == "b" else ("the selection", "the rest")
    st.caption(f"Terms used more in {sides[0]} (right) or in {sides[1]} (left) than chance predicts: z-scores of the "
               "log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). "
               "|z| > 1.96 is unlikely by chance.")
    if mode == "b":  # B's filters at the left, the chart beside them, the table below
        filters_column, chart, listing = *st.columns([1, 2]), st.container()
        compare = selection_b(filters_column, index, ctx.choices)
    else:
        chart, listing = st.columns([3, 2])
        compare = None
    distinctive_anchor = (chart, listing)
    st.subheader("One term: over the years and in context")
    typed, picked = st.columns(2)
    with typed:
        chosen = state.view_widget(st.text_input, "term", placeholder="type a word or phrase")

    view = cache.view("terms", index, ctx.filters, state.page_values("terms"), (compare,))
    top_terms_section(view, picture_column, table_column)
    distinctive_section(view, *distinctive_anchor)
    # The list follows the page's term, so it never shows a stale pick.
    st.session_state["terms.pick"] = chosen.strip() if chosen.strip() in view.listed else None
    picked.selectbox("…or pick one of the top terms", view.listed, key="terms.pick", on_change=pick_term_from_list,
                     placeholder="choose a term")
    term_section(view, index)


main()
