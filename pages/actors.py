"""Actors: who is named with whom (co-mention heatmap and network, per year), the passages behind a pair, the pair
over the years and in its own words, each actor's mentions over the years, and the names the actor dictionary
does not cover yet."""

from __future__ import annotations

import streamlit as st

from corpuslens.figures import shorten
from corpuslens.figures.vega import PAIR_PICK
from corpuslens.page_settings import setting
from corpuslens.query.actors import MAX_SENTENCES_READ, MIN_UNITS_PER_ACTOR
from corpuslens.query.common import display_title
from corpuslens.validation.targets import actor_target, pair_target
from dashboard import cache, state
from dashboard.citations import cite_control, passage_choice
from dashboard.context import CHART_CONFIG, empty_state, page_header
from dashboard.exports import csv_download
from dashboard.kwic import kwic_grid
from dashboard.passages_html import pair_html
from dashboard.text import md_escape
from dashboard.validation import precision_line, precisions, validate_button

PASSAGES_SHOWN = 50


def settings_row() -> None:
    window_col, measure_col, kinds_col, top_col = st.columns([3, 3, 3, 2])
    with window_col:
        state.view_widget(st.radio, "window", horizontal=True)
    with measure_col:
        state.view_widget(st.radio, "measure", horizontal=True)
    with kinds_col:
        state.view_widget(st.multiselect, "kinds", placeholder="All kinds")
    with top_col:
        state.view_widget(st.slider, "top")


def pick_pair_from_heatmap() -> None:
    """A heatmap cell was clicked: the pair the chart's selection names becomes the chosen pair."""
    picked = st.session_state["actors.heatmap"].selection.get(PAIR_PICK) or []
    cell = picked[0] if picked and isinstance(picked[0], dict) else {}
    a, b = cell.get("a"), cell.get("b")
    if isinstance(a, str) and isinstance(b, str) and a and b and a != b:
        state.set_view("a", a)
        state.set_view("b", b)


def year_slider(view) -> None:
    """One year of the selection for the co-mention view, or every year (unknown years included).

    A slider rather than small multiples: a heatmap needs its full width to stay readable, and the chosen
    pair's chart below shows every year at once."""
    if view.year_dropped:
        st.caption(f"No passage of the selection is from {view.year_dropped}: showing every year.")
        state.set_view("in_year", 0)
    if len(view.years) >= 2:
        state.view_widget(st.select_slider, "in_year", options=[0, *view.years],
                          format_func=lambda y: "every year" if y == 0 else str(y))


def chart_section(view, chart_switch) -> None:
    result = view.co_mentions
    measure, window = result.measure, result.window
    if not result.ids:
        chart_switch.empty()
        st.info("No actor of the chosen kinds is mentioned in the selection"
                + (f" in {view.year}." if view.year else "."))
        return
    if state.view_value("chart") == "heatmap":
        st.vega_lite_chart(view.heatmap_chart, theme=None, key="actors.heatmap", on_select=pick_pair_from_heatmap,
                           selection_mode=PAIR_PICK)
        year = f" from {view.year}" if view.year else ""
        st.caption(f"{result.units:,} {window}s in the selection{year}. Click a cell to read the passages naming "
                   "both actors below, or choose the pair there.")
    else:
        st.plotly_chart(view.network_figure, config=CHART_CONFIG, key="actors.network")
        st.caption(f"A line joins two actors whose {setting('measure').option_label(measure)} is at least "
                   f"{view.network_min:g}.")
    year = f"-{view.year}" if view.year else ""
    csv_download("Download the co-mention matrix (CSV: counts and measure for every pair)", result.pairs_table(),
                 f"corpuslens-co-mentions-{window}-{measure}{year}.csv", key="actors.download_matrix")


def pair_choice(index, pair) -> None:
    """The two actor boxes; a link's value that names no actor is dropped with a notice."""
    for note in pair.notes:
        st.warning(f"Link: {md_escape(note)}", icon="⚠️")
    for key, actor in (("a", pair.a), ("b", pair.b)):
        if state.view_value(key) != actor:
            state.set_view(key, actor)
    actors = sorted(index.actors, key=lambda a: a.label.casefold())
    options = [""] + [a.id for a in actors]
    labels = {a.id: a.label for a in actors} | {"": "—"}
    first, second = st.columns(2)
    with first:
        state.view_widget(st.selectbox, "a", options=options, format_func=labels.get)
    with second:
        state.view_widget(st.selectbox, "b", options=options, format_func=labels.get)


def pair_section(index, pair, window) -> None:
    if not pair.a or not pair.b:
        st.caption("Choose two actors (or click a heatmap cell) to read the passages where both are named.")
        return
    if pair.a == pair.b:
        st.caption("Choose two different actors.")
        return
    label_a, label_b = index.actor(pair.a).label, index.actor(pair.b).label
    table, total = pair.passages, pair.total
    shown = f" (the first {len(table)} listed)" if total > len(table) else ""
    st.markdown(f"**{total:,} passage{'s' * (total != 1)}** name {md_escape(label_a)} and "
                f"{md_escape(label_b)} in the same {window}{shown}.")
    target = pair_target(pair.a, pair.b)
    line, button = st.columns([4, 1], vertical_alignment="center")
    line.caption(f"Co-mention in one sentence, validated: {md_escape(precision_line(target))}")
    validate_button(target, key="actors.validate_pair", label="Validate this pair", container=button)
    if total:
        with st.container(height=620 if len(table) > 3 else "content", key="actors.pair_passages"):
            st.html(pair_html(table.head(PASSAGES_SHOWN), pair.a, pair.b, label_a, label_b))
        if len(table) > PASSAGES_SHOWN:
            st.caption(f"Showing {PASSAGES_SHOWN} here; the download has all {len(table):,}.")
        cite_control(index, {p.id: passage_choice(display_title(p.title), p.position, p.text)
                             for p in table.head(PASSAGES_SHOWN).itertuples()}, key="actors.cite")
        csv_download("Download these passages (CSV)", table.drop(columns="highlights"),
                     f"corpuslens-passages-{pair.a}-{pair.b}.csv", key="actors.download_pair")
    elif window == "sentence":
        st.caption("Try “Same passage” above: the two may be named in neighbouring sentences.")


def pair_over_time_section(index, pair, window) -> None:
    """The chosen pair's NPMI per year, over the counts it rests on."""
    if not pair.a or not pair.b or pair.a == pair.b:
        return
    st.subheader("The pair over the years")
    if pair.by_year_figure is None:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
        return
    st.plotly_chart(pair.by_year_figure, config=CHART_CONFIG, key="actors.pair_years")
    st.caption(f"NPMI of each year's {window}s. A year gets no value (grey bar) when either actor is named in fewer "
               f"than {MIN_UNITS_PER_ACTOR} of its {window}s: one {window} more or less would swing it. Hover for "
               "the counts; passages of unknown year are left out.")
    csv_download("Download the pair by year (CSV)", pair.by_year, f"corpuslens-pair-{pair.a}-{pair.b}-by-year.csv",
                 key="actors.download_pair_years")


def framing_section(index, pair, window) -> None:
    """The words that set the units naming A apart from those naming B, and the sentences behind a word.

    Here rather than on the Terms page: the pair is chosen here, and the comparison is between two actors,
    not two selections of the filters."""
    st.subheader("The words around each actor")
    framing = pair.framing
    if framing is None:
        st.caption("Choose two different actors above to see the words that set the sentences naming one apart "
                   "from those naming the other.")
        return
    label_a, label_b = index.actor(pair.a).label, index.actor(pair.b).label
    st.caption(f"Words used more in the {window}s naming {md_escape(label_a)} (right) or {md_escape(label_b)} "
               f"(left) than chance predicts: z-scores of the log-odds ratio with an informative Dirichlet prior, as "
               f"for selections on the Terms page. {framing.units_a:,} {window}s name only "
               f"{md_escape(label_a)}, {framing.units_b:,} only {md_escape(label_b)}; the {framing.units_both:,} "
               "naming both count for neither side, and the two actors' own names are left out."
               + (f" The words of an even sample of {MAX_SENTENCES_READ:,} sentences per side were counted."
                  if framing.read_a < framing.units_a or framing.read_b < framing.units_b else ""))
    missing = [label for label, units in ((label_a, framing.units_a), (label_b, framing.units_b)) if units == 0]
    if missing:
        other = {label_a: label_b, label_b: label_a}
        st.info(" ".join(f"No {window} of the selection names {md_escape(m)} without {md_escape(other[m])}."
                         for m in missing) + " There is nothing to compare.")
        return
    if pair.framing_chart is None:
        st.info("No word occurs often enough around either actor to compare.")
        return
    sides = {"a": label_a, "b": label_b}
    # The chart at full width: its axis title names both sides, too long for a column.
    st.vega_lite_chart(pair.framing_chart, theme=None, key="actors.framing")
    listing = st.expander("The words as a table")
    listing.dataframe(framing.terms.assign(side=framing.terms["side"].map(sides)), hide_index=True,
                      key="actors.framing_table", column_order=["term", "side", "z", "count_a", "count_b"],
                      column_config={
                          "term": st.column_config.TextColumn("Word"),
                          "side": st.column_config.TextColumn("More around"),
                          "z": st.column_config.NumberColumn("z", format="%.2f"),
                          "count_a": st.column_config.NumberColumn(shorten(label_a, 14), format="%d",
                                                                   help=f"Occurrences around {label_a}"),
                          "count_b": st.column_config.NumberColumn(shorten(label_b, 14), format="%d",
                                                                   help=f"Occurrences around {label_b}"),
                      })
    csv_download("Download these words (CSV)", framing.terms, f"corpuslens-framing-{pair.a}-{pair.b}.csv",
                 key="actors.download_framing", container=listing)
    framing_lines(index, pair, window, sides)


def framing_lines(index, pair, window, sides: dict[str, str]) -> None:
    """Keyword in context for one framing word: the sentences behind it, on each side."""
    if pair.fterm_dropped:
        st.caption(f"“{md_escape(pair.fterm_dropped)}” is not among these words: showing “{md_escape(pair.fterm)}”.")
    if state.view_value("fterm") != pair.fterm:
        state.set_view("fterm", pair.fterm)
    state.view_widget(st.selectbox, "fterm", label=f"The {window}s behind a word",
                      options=list(pair.framing.terms["term"]))
    kwic_grid(index, pair.framing_lines, key="actors.framing_kwic", cite_key="actors.framing_cite", match_title="Word",
              sides=sides)


def trend_section(view) -> None:
    if not view.trend_chosen:
        return
    if view.trend_chart is None:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
        return
    st.vega_lite_chart(view.trend_chart, theme=None, key="actors.trend")
    st.caption("The chosen pair." if state.view_value("a") or state.view_value("b") else
               f"The {len(view.trend_chosen)} most mentioned actors of the heatmap; choose a pair to compare those two.")


def mentions_section(view) -> None:
    st.subheader("Actor mentions")
    known = precisions()
    table = view.mentions.assign(
        validated=lambda t: [known[str(actor_target(a))].describe() if str(actor_target(a)) in known else None
                             for a in t["id"]])
    st.dataframe(table, hide_index=True, key="actors.mentions",
                 column_order=["actor", "kind", "mentions", "passages", "validated"], column_config={
                     "actor": st.column_config.TextColumn("Actor"),
                     "kind": st.column_config.TextColumn("Kind"),
                     "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
                     "passages": st.column_config.NumberColumn("Passages", format="%d"),
                     "validated": st.column_config.TextColumn(
                         "Matching validated", help="Estimated precision of the actor's name matching, from "
                         "judged samples (the Validate page), with its 95% Wilson interval."),
                 })


def uncovered_section(table) -> None:
    """The names the dictionary misses, each with an actors.yaml entry to copy (on request: the `names` switch)."""
    if table is None:
        st.caption("Frequent proper names of the selection that no actor of data/actors.yaml covers, each with an "
                   "entry to copy into it. Listed on request: finding them reads every passage of the selection.")
        return
    st.dataframe(table, hide_index=True, key="actors.uncovered", column_order=["name", "passages", "aliases"],
                 column_config={
                     "name": st.column_config.TextColumn("Name"),
                     "passages": st.column_config.NumberColumn("Passages", format="%d",
                                                               help="Passages of the selection using it as a name"),
                     "aliases": st.column_config.ListColumn("Also written", help="Other forms found, e.g. a surname "
                                                            "used after the full name"),
                 })
    st.caption("Frequent proper names in the selection that match no actor, leaving out capitalised ordinary words, "
               "months, quoted titles, cited sources and pieces of longer names. Adding one (or an alias of an "
               "existing actor) to data/actors.yaml grows the dictionary; the index is rebuilt on the next start.")
    if table.empty:
        return
    stubs = dict(zip(table["name"], table["stub"]))
    name = st.selectbox("An actors.yaml entry for", list(stubs), key="actors.stub_for")
    st.code(stubs[name], language="yaml")
    st.caption("Copy it with the button at its top right, paste it under `actors:` and fill in the kind; check the "
               "aliases and add an affiliation if it belongs to another actor.")


def main() -> None:
    ctx = page_header("Actors", "Which actors the texts name together. Each cell counts the sentences (or passages) "
                      "naming both actors; NPMI and Jaccard show association rather than sheer frequency. "
                      "Click a cell, or choose a pair, to read the evidence.")
    if ctx.empty:
        empty_state("the actor views")
        return
    index = ctx.index
    # The page's sections in order; every control that the views read is drawn before they are computed.
    settings_row()
    slider = st.container()
    # Only the chosen chart is drawn: a hidden tab would still cost the browser a redraw per filter change.
    chart_switch = st.empty()
    with chart_switch.container():
        state.view_widget(st.segmented_control, "chart", required=True, label_visibility="collapsed")
    chart = st.container()
    st.subheader("Passages naming both")
    choice, pair_area, trend_area = st.container(), st.container(), st.container()
    mentions_column, names_column = st.columns(2)
    with names_column:
        st.subheader("Names no actor covers")
        state.view_widget(st.segmented_control, "names", required=True, label_visibility="collapsed")

    settings = state.page_values("actors")
    pair = cache.view("pair", index, ctx.filters, settings)
    view = cache.view("actors", index, ctx.filters, settings)
    with choice:
        pair_choice(index, pair)
    with slider:
        year_slider(view)
    with chart:
        chart_section(view, chart_switch)
    window = view.co_mentions.window
    with pair_area:
        pair_section(index, pair, window)
        pair_over_time_section(index, pair, window)
        framing_section(index, pair, window)
    with trend_area:
        st.subheader("Mentions over the years")
        trend_section(view)
    with mentions_column:
        mentions_section(view)
    with names_column:
        uncovered_section(view.uncovered)


main()
