"""Actors: who is named with whom (co-mention heatmap and network), the passages behind a pair,
each actor's mentions over the years, and the names the actor dictionary does not cover yet."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from corpuslens import figures
from corpuslens.page_settings import setting
from corpuslens.query.actors import (MAX_SENTENCES_READ, MIN_UNITS_PER_ACTOR, NETWORK_MIN_VALUE, resolve_actor,
                                     trend_actors)
from corpuslens.query.common import display_title
from corpuslens.urlstate import shown_value
from dashboard import cache, state
from dashboard.context import CHART_CONFIG, current, empty_state, page_header
from dashboard.citations import cite_control, passage_choice
from dashboard.exports import csv_download
from dashboard.text import highlighted_html, md_escape
from corpuslens.figures import shorten
from dashboard.validation import precision_line, precisions, validate_button
from corpuslens.validation.targets import actor_target, pair_target

PAIR_CSS = ("<style>.cl-pair{margin:0 0 1em 0;line-height:1.55}.cl-pair .cl-doc{color:#6b7280;font-size:.85em}"
            "mark.cl-a{background:#cfe2f3;padding:0 2px;border-radius:3px}"
            "mark.cl-b{background:#fbd9b5;padding:0 2px;border-radius:3px}</style>")
PASSAGES_SHOWN = 50


def settings() -> tuple[str, str, tuple, int]:
    window_col, measure_col, kinds_col, top_col = st.columns([3, 3, 3, 2])
    with window_col:
        window = state.view_widget(st.radio, "window", horizontal=True)
    with measure_col:
        measure = state.view_widget(st.radio, "measure", horizontal=True)
    with kinds_col:
        kinds = state.view_widget(st.multiselect, "kinds", placeholder="All kinds")
    with top_col:
        top = state.view_widget(st.slider, "top")
    return window, measure, tuple(kinds), top


def check_pair_in_link(index) -> None:
    """A pair from a link names actors by id (or any alias); anything else is dropped with a notice."""
    for key in ("a", "b"):
        value = state.view_value(key)
        if not value:
            continue
        actor_id = resolve_actor(index, value)
        if actor_id is None:
            st.warning(f"Link: {key}: {md_escape(shown_value(value))} is not an actor of this corpus, ignored", icon="⚠️")
        if actor_id != value:
            state.set_view(key, actor_id or "")


def pick_pair_from_heatmap() -> None:
    """A heatmap cell was clicked: its row and column actors become the chosen pair."""
    points = st.session_state["actors.heatmap"].selection.points
    if not points:
        return
    ctx = current()
    result = cache.co_mentions_of_year(ctx.index, ctx.filters, state.view_value("window"), state.view_value("measure"),
                                       tuple(state.view_value("kinds")), state.view_value("top"),
                                       state.view_value("in_year") or None)
    x, y = points[0].get("x"), points[0].get("y")
    pair = result.pair_at(int(y), int(x)) if isinstance(x, (int, float)) and isinstance(y, (int, float)) else None
    if pair:
        state.set_view("a", pair[0])
        state.set_view("b", pair[1])


def heatmap_section(index, filters, window, measure, kinds, top, year=None):
    result = cache.co_mentions_of_year(index, filters, window, measure, kinds, top, year)
    if not result.ids:
        st.info("No actor of the chosen kinds is mentioned in the selection" + (f" in {year}." if year else "."))
        return result
    # Only the chosen chart is drawn: a hidden tab would still cost the browser a redraw per filter change.
    chart = state.view_widget(st.segmented_control, "chart", required=True, label_visibility="collapsed")
    if chart == "heatmap":
        st.plotly_chart(cache.figure(figures.co_mention_heatmap, result.values, result.labels, measure,
                                     counts=result.counts),
                        config=CHART_CONFIG,
                        key="actors.heatmap", on_select=pick_pair_from_heatmap, selection_mode="points")
        st.caption(f"{result.units:,} {window}s in the selection{f' from {year}' if year else ''}. Click a cell to read the passages naming both "
                   "actors below, or choose the pair there.")
    else:
        min_value = NETWORK_MIN_VALUE[measure]
        st.plotly_chart(cache.figure(figures.actor_network, result.values, result.labels, min_value=min_value,
                                              mentions=result.counts.diagonal(), value_name=setting("measure").option_label(measure)),
                        config=CHART_CONFIG, key="actors.network")
        st.caption(f"A line joins two actors whose {setting('measure').option_label(measure)} is at least {min_value:g}.")
    csv_download("Download the co-mention matrix (CSV: counts and measure for every pair)", result.pairs_table(),
                 f"corpuslens-co-mentions-{window}-{measure}{f'-{year}' if year else ''}.csv", key="actors.download_matrix")
    return result


def pair_html(table, actor_a: str, actor_b: str, label_a: str, label_b: str) -> str:
    """The passages as escaped text, both actors marked; title and year escaped too."""
    css = {actor_a: "cl-a", actor_b: "cl-b"}
    blocks = [f'<div class="cl-pair cl-doc">Marked: <mark class="cl-a">{html.escape(label_a)}</mark> '
              f'<mark class="cl-b">{html.escape(label_b)}</mark> (any of their names)</div>']
    for row in table.itertuples():
        year = "unknown year" if pd.isna(row.year) else str(int(row.year))
        blocks.append(f'<div class="cl-pair"><div class="cl-doc">{html.escape(display_title(row.title))} · '
                      f'{html.escape(year)} · ¶{int(row.position)}</div>'
                      f'{highlighted_html(row.text, row.highlights, css)}</div>')
    return PAIR_CSS + "".join(blocks)


def pair_section(index, filters, window) -> None:
    st.subheader("Passages naming both")
    actors = sorted(index.actors, key=lambda a: a.label.casefold())
    options = [""] + [a.id for a in actors]
    labels = {a.id: a.label for a in actors} | {"": "—"}
    first, second = st.columns(2)
    with first:
        actor_a = state.view_widget(st.selectbox, "a", options=options, format_func=labels.get)
    with second:
        actor_b = state.view_widget(st.selectbox, "b", options=options, format_func=labels.get)
    if not actor_a or not actor_b:
        st.caption("Choose two actors (or click a heatmap cell) to read the passages where both are named.")
        return
    if actor_a == actor_b:
        st.caption("Choose two different actors.")
        return
    table, total = cache.pair_passages(index, filters, actor_a, actor_b, window)
    shown = f" (the first {len(table)} listed)" if total > len(table) else ""
    st.markdown(f"**{total:,} passage{'s' * (total != 1)}** name {md_escape(labels[actor_a])} and "
                f"{md_escape(labels[actor_b])} in the same {window}{shown}.")
    pair = pair_target(actor_a, actor_b)
    line, button = st.columns([4, 1], vertical_alignment="center")
    line.caption(f"Co-mention in one sentence, validated: {md_escape(precision_line(pair))}")
    validate_button(pair, key="actors.validate_pair", label="Validate this pair", container=button)
    if total:
        with st.container(height=620 if len(table) > 3 else "content", key="actors.pair_passages"):
            st.html(pair_html(table.head(PASSAGES_SHOWN), actor_a, actor_b, labels[actor_a], labels[actor_b]))
        if len(table) > PASSAGES_SHOWN:
            st.caption(f"Showing {PASSAGES_SHOWN} here; the download has all {len(table):,}.")
        shown_rows = table.head(PASSAGES_SHOWN)
        cite_control(index, {p.id: passage_choice(display_title(p.title), p.position, p.text)
                             for p in shown_rows.itertuples()}, key="actors.cite")
        csv_download("Download these passages (CSV)", table.drop(columns="highlights"),
                     f"corpuslens-passages-{actor_a}-{actor_b}.csv", key="actors.download_pair")
    elif window == "sentence":
        st.caption("Try “Same passage” above: the two may be named in neighbouring sentences.")


def trend_section(index, filters, result) -> None:
    chosen = trend_actors(result, state.view_value("a"), state.view_value("b"))
    if not chosen:
        return
    trend = cache.actor_trend(index, filters, tuple(chosen))
    if trend.empty:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
        return
    st.plotly_chart(cache.figure(figures.actor_trend, trend), config=CHART_CONFIG, key="actors.trend")
    st.caption("The chosen pair." if state.view_value("a") or state.view_value("b") else
               f"The {len(chosen)} most mentioned actors of the heatmap; choose a pair to compare those two.")


def tables_section(index, filters) -> None:
    mentions, names = st.columns(2)
    with mentions:
        st.subheader("Actor mentions")
        known = precisions()
        table = cache.actor_mentions(index, filters).assign(
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
    with names:
        uncovered_section(index, filters)


def year_setting(index, filters) -> int | None:
    """One year of the selection for the co-mention view, or None for every year (unknown years included).

    A slider rather than small multiples: a heatmap needs its full width to stay readable, and the chosen
    pair's chart below shows every year at once."""
    years = cache.selection_years(index, filters)
    chosen = state.view_value("in_year")
    if chosen and chosen not in years:
        st.caption(f"No passage of the selection is from {chosen}: showing every year.")
        state.set_view("in_year", 0)
    if len(years) < 2:
        return None
    year = state.view_widget(st.select_slider, "in_year", options=[0, *years],
                             format_func=lambda y: "every year" if y == 0 else str(y))
    return year or None


def chosen_pair() -> tuple[str, str] | None:
    actor_a, actor_b = state.view_value("a"), state.view_value("b")
    return (actor_a, actor_b) if actor_a and actor_b and actor_a != actor_b else None


def pair_over_time_section(index, filters, window) -> None:
    """The chosen pair's NPMI per year, over the counts it rests on."""
    pair = chosen_pair()
    if pair is None:
        return
    label_a, label_b = index.actor(pair[0]).label, index.actor(pair[1]).label
    st.subheader("The pair over the years")
    table = cache.pair_by_year(index, filters, *pair, window)
    if table.empty:
        st.info("No passage of the selection has a known year, so there is no trend to draw.")
        return
    st.plotly_chart(cache.figure(figures.pair_over_years, table, label_a, label_b, window, MIN_UNITS_PER_ACTOR),
                    config=CHART_CONFIG, key="actors.pair_years")
    st.caption(f"NPMI of each year's {window}s. A year gets no value (grey bar) when either actor is named in fewer "
               f"than {MIN_UNITS_PER_ACTOR} of its {window}s: one {window} more or less would swing it. Hover for "
               "the counts; passages of unknown year are left out.")
    csv_download("Download the pair by year (CSV)", table, f"corpuslens-pair-{pair[0]}-{pair[1]}-by-year.csv",
                 key="actors.download_pair_years")


FRAMING_TOP = 15


def framing_section(index, filters, window) -> None:
    """The words that set the units naming A apart from those naming B, and the sentences behind a word.

    Here rather than on the Terms page: the pair is chosen here, and the comparison is between two actors,
    not two selections of the filters."""
    st.subheader("The words around each actor")
    pair = chosen_pair()
    if pair is None:
        st.caption("Choose two different actors above to see the words that set the sentences naming one apart "
                   "from those naming the other.")
        return
    label_a, label_b = index.actor(pair[0]).label, index.actor(pair[1]).label
    framing = cache.framing_terms(index, filters, *pair, window, FRAMING_TOP)
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
    if framing.terms.empty:
        st.info("No word occurs often enough around either actor to compare.")
        return
    sides = {"a": label_a, "b": label_b}
    # The chart at full width: its axis title names both sides, too long for a column.
    chart, listing = st.container(), st.expander("The words as a table")
    chart.plotly_chart(cache.figure(figures.distinctive_terms, framing.terms, f"{window}s naming {label_a}",
                                    f"{window}s naming {label_b}"), config=CHART_CONFIG, key="actors.framing")
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
    csv_download("Download these words (CSV)", framing.terms, f"corpuslens-framing-{pair[0]}-{pair[1]}.csv",
                 key="actors.download_framing", container=listing)
    framing_lines(index, filters, pair, window, list(framing.terms["term"]), sides)


def framing_lines(index, filters, pair, window, words: list[str], sides: dict[str, str]) -> None:
    """Keyword in context for one framing word: the sentences behind it, on each side."""
    chosen = state.view_value("fterm")
    if chosen not in words:
        if chosen:
            st.caption(f"“{md_escape(chosen)}” is not among these words: showing “{md_escape(words[0])}”.")
        state.set_view("fterm", words[0])
    word = state.view_widget(st.selectbox, "fterm", label=f"The {window}s behind a word", options=words)
    lines = cache.framing_kwic(index, filters, *pair, word, window)
    st.dataframe(lines.assign(side=lines["side"].map(sides)), hide_index=True, key="actors.framing_kwic",
                 column_order=["side", "left", "match", "right", "title", "year"], column_config={
                     "side": st.column_config.TextColumn("Names", width=110),
                     "left": st.column_config.TextColumn("Left context", width=260, alignment="right"),
                     "match": st.column_config.TextColumn("Word", width=85, alignment="center"),
                     "right": st.column_config.TextColumn("Right context", width=260),
                     "title": st.column_config.TextColumn("Document", width=140),
                     "year": st.column_config.NumberColumn("Year", format="%d", width=55),
                 })
    cite_control(index, {pid: f"{title}: …{left[-40:]}{match}{right[:40]}…" for pid, title, left, match, right
                         in zip(lines["passage"], lines["title"], lines["left"], lines["match"], lines["right"])},
                 key="actors.framing_cite")


def uncovered_section(index, filters) -> None:
    """The names the dictionary misses, each with an actors.yaml entry to copy."""
    st.subheader("Names no actor covers")
    table = cache.uncovered_names(index, filters)
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
    check_pair_in_link(ctx.index)
    window, measure, kinds, top = settings()
    year = year_setting(ctx.index, ctx.filters)
    result = heatmap_section(ctx.index, ctx.filters, window, measure, kinds, top, year)
    pair_section(ctx.index, ctx.filters, window)
    pair_over_time_section(ctx.index, ctx.filters, window)
    framing_section(ctx.index, ctx.filters, window)
    st.subheader("Mentions over the years")
    trend_section(ctx.index, ctx.filters, result)
    tables_section(ctx.index, ctx.filters)


main()
