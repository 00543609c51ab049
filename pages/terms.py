"""Terms: top words and phrases, a word cloud, distinctive terms (vs the rest or vs selection B),
a term's trend over the years and its keyword-in-context lines."""

from __future__ import annotations

import streamlit as st

from corpuslens import figures
from corpuslens.page_settings import setting
from corpuslens.figures.terms import bar_order
from corpuslens.filters import FILTER_FIELDS, Filters
from corpuslens.query.terms import default_term
from dashboard import cache, state
from dashboard.context import CHART_CONFIG, current, empty_state, page_header, table_height
from dashboard.citations import cite_control
from dashboard.exports import csv_download
from dashboard.sidebar import filter_widgets, widget_key
from dashboard.text import md_escape

DISTINCTIVE_TOP = 20


def pick_term_from_list() -> None:
    """The top-terms list was used: its term becomes the page's term."""
    picked = st.session_state.get("terms.pick")
    if picked:
        state.set_view("term", picked)


def pick_term_from_bars() -> None:
    """A bar was clicked: the term of that bar (bars are drawn in `bar_order`) becomes the page's term."""
    points = st.session_state["terms.bars"].selection.points
    if not points:
        return
    ctx = current()
    table = bar_order(cache.top_terms(ctx.index, ctx.filters, state.view_value("n"), state.view_value("grams")))
    position = points[0].get("point_index", points[0].get("y"))
    if isinstance(position, int) and 0 <= position < len(table):
        state.set_view("term", str(table["term"].iloc[position]))


def top_terms_section(index, filters) -> list[str]:
    """Bars or word cloud beside the term table; returns the listed terms, most frequent first."""
    controls = st.columns([2, 3])
    with controls[0]:
        grams = state.view_widget(st.radio, "grams", horizontal=True)
    with controls[1]:
        n = state.view_widget(st.slider, "n")
    table = cache.top_terms(index, filters, n, grams)
    left, right = st.columns([3, 2])
    with left:
        # One picture at a time: a new selection's word cloud takes ~70 ms to lay out, so it is drawn on request.
        picture = state.view_widget(st.segmented_control, "show", required=True, label_visibility="collapsed")
        if picture == "cloud":
            word_cloud(index, filters)
        elif table.empty:
            st.info(f"No {setting('grams').option_label(grams).lower()} in the selection.")
        else:
            bars = cache.figure(figures.term_bars, table, title=f"Top {len(table)} {setting('grams').option_label(grams).lower()}")
            st.plotly_chart(bars, config=CHART_CONFIG,
                            key="terms.bars", on_select=pick_term_from_bars, selection_mode="points")
            st.caption("Click a bar to see that term over the years and in context below.")
    with right:
        st.dataframe(table, hide_index=True, key="terms.table", height=table_height(table, 560),
                     column_config={
                         "term": st.column_config.TextColumn("Term"),
                         "count": st.column_config.NumberColumn("Occurrences", format="%d"),
                         "passages": st.column_config.NumberColumn("Passages", format="%d",
                                                                   help="Passages containing the term"),
                     })
        csv_download("Download the term table (CSV)", table, "corpuslens-terms.csv", key="terms.download_terms")
    return list(bar_order(table)["term"])


def word_cloud(index, filters) -> None:
    frequencies = cache.cloud_frequencies(index, filters)
    image = cache.word_cloud(tuple(frequencies.items())) if frequencies else None
    if image is None:
        st.info("No terms to draw a word cloud from.")
        return
    st.image(image, caption="Word cloud of the selection's most frequent words and phrases (size: occurrences; "
             f"as many of the top {len(frequencies)} as fit)", width="stretch", output_format="PNG")
    st.download_button("Download the word cloud (PNG)", data=image, file_name="corpuslens-word-cloud.png",
                       mime="image/png", icon=":material/download:", key="terms.download_cloud", on_click="ignore")


def selection_b(container, index, choices) -> Filters:
    """Selection B's filters, drawn in an expander with the sidebar's widgets (keys "compare.*")."""
    if any(widget_key("compare.", spec) not in st.session_state for spec in FILTER_FIELDS):
        # Streamlit forgets a widget's value while it is not drawn: restore B from the last one seen.
        state.seed_filter_widgets("compare.", st.session_state.get("compare") or Filters())
    with container.expander("Selection B: its own filters", expanded=True):
        compare = filter_widgets(st.container(), index, choices, prefix="compare.")
    st.session_state["compare"] = compare
    return compare


def distinctive_section(index, filters, choices) -> None:
    st.subheader("Distinctive terms")
    mode = state.view_widget(st.radio, "compare", horizontal=True)
    label_a, label_b = ("selection A", "selection B") if mode == "b" else ("the selection", "the rest")
    st.caption(f"Terms used more in {label_a} (right) or in {label_b} (left) than chance predicts: z-scores of the "
               "log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). "
               "|z| > 1.96 is unlikely by chance.")
    if mode == "b":  # B's filters at the left, the chart beside them, the table below
        filters_column, chart, listing = *st.columns([1, 2]), st.container()
        compare = selection_b(filters_column, index, choices)
    else:
        chart, listing = st.columns([3, 2])
        compare = None
    if cache.comparison_size(index, filters, compare) == 0:
        chart.info("Selection B has no passages: choose its filters above." if compare else
                "The selection is the whole corpus, so there is no rest to compare with. Narrow it with the filters "
                "in the sidebar, or compare with another selection (B).")
        return
    table = cache.distinctive_terms(index, filters, compare, DISTINCTIVE_TOP)
    if table.empty:
        chart.info("No term occurs often enough on either side to compare.")
        return
    chart.plotly_chart(cache.figure(figures.distinctive_terms, table, label_a, label_b), config=CHART_CONFIG,
                       key="terms.distinctive")
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


def term_section(index, filters, listed: list[str]) -> None:
    st.subheader("One term: over the years and in context")
    typed, picked = st.columns(2)
    with typed:
        chosen = state.view_widget(st.text_input, "term", placeholder="type a word or phrase")
    # The list follows the page's term, so it never shows a stale pick.
    st.session_state["terms.pick"] = chosen.strip() if chosen.strip() in listed else None
    picked.selectbox("…or pick one of the top terms", listed, key="terms.pick", on_change=pick_term_from_list,
                     placeholder="choose a term")
    term = chosen.strip()
    if not term:
        term = default_term(cache.top_terms(index, filters, 1, "all"))
        st.caption(f"Showing the selection's most frequent term, “{md_escape(term)}”: type a term, pick one, "
                   "or click a bar above.")
    trend = cache.term_trend(index, filters, term)
    lines = cache.kwic(index, filters, term)
    if int(trend["count"].sum()) == 0 and lines.empty:
        st.info(f"“{md_escape(term)}” does not occur in the selection.")
        return
    if trend.empty:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
    else:
        st.plotly_chart(cache.figure(figures.term_trend, trend, term), config=CHART_CONFIG, key="terms.trend")
    shown = f"first {len(lines):,}" if len(lines) >= 300 else f"{len(lines):,}"
    st.markdown(f"**Keyword in context** · {md_escape(shown)} occurrence{'s' * (len(lines) != 1)} "
                f"of “{md_escape(term)}”")
    st.dataframe(lines, hide_index=True, key="terms.kwic", column_order=["left", "match", "right", "title", "year"],
                 column_config={
                     "left": st.column_config.TextColumn("Left context", width=280, alignment="right"),
                     "match": st.column_config.TextColumn("Match", width=85, alignment="center"),
                     "right": st.column_config.TextColumn("Right context", width=280),
                     "title": st.column_config.TextColumn("Document", width=140),
                     "year": st.column_config.NumberColumn("Year", format="%d", width=55),
                 })
    cite_control(index, {pid: f"{title}: …{left[-40:]}{match}{right[:40]}…" for pid, title, left, match, right
                         in zip(lines["passage"], lines["title"], lines["left"], lines["match"], lines["right"])},
                 key="terms.cite")
    csv_download("Download the keyword-in-context lines (CSV)", lines, "corpuslens-kwic.csv", key="terms.download_kwic")


def main() -> None:
    ctx = page_header("Terms", "The words and phrases of the selection: the most frequent, those that set it apart "
                      "from the rest (or from a selection B), and any term over the years and in its sentences.")
    if ctx.empty:
        empty_state("the term views")
        return
    listed = top_terms_section(ctx.index, ctx.filters)
    distinctive_section(ctx.index, ctx.filters, ctx.choices)
    term_section(ctx.index, ctx.filters, listed)


main()
