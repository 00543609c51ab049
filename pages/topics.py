"""Topics: the passage map coloured by topic, topic cards, prevalence by group, and a topic's passages."""

from __future__ import annotations

import streamlit as st

from corpuslens.figures import vega
from corpuslens.figures.vega import TOPIC_PICK
from corpuslens.page_settings import setting
from corpuslens.query import topics as topic_queries
from corpuslens.query.topics import (SINGLE_DOCUMENT_SHARE, STABILITY_AUTOMATIC_PASSAGES, default_topics_note,
                                     topic_index, topic_number)
from dashboard import cache
from dashboard.context import empty_state, page_header
from dashboard.citations import cite_control, passage_choice
from dashboard.exports import csv_download
from dashboard.passages_html import topic_passages_html
from dashboard.state import page_values, set_view, view_value, view_widget
from dashboard.text import md_escape
from dashboard.validation import precision_line, precisions, validate_button
from corpuslens.validation.targets import topic_target

MAP_KEY = "topics.map"
K_OPTIONS = list(range(setting("k").low, setting("k").high + 1))  # the numbers of topics a link may ask for
CARDS_PER_ROW = 4
READ_FIRST = 10  # passages shown as readable text; all of them are in the table and the CSV
def choose_topic_from_map() -> None:
    """A click on a map point chooses that point's topic (the chart's selection names its 0-based index)."""
    event = st.session_state.get(MAP_KEY)
    picked = (event.selection.get(TOPIC_PICK) if event is not None else None) or []
    topic = picked[0].get("topic") if picked and isinstance(picked[0], dict) else None
    if isinstance(topic, (int, float)) and topic >= 0:
        set_view("topic", topic_number(int(topic)))


def choose_topic(topic: int) -> None:
    set_view("topic", topic)


def topic_cards(table, index, k: int, stability=None) -> None:
    """One bordered card per topic: its number, top terms, the opening words of its two most typical passages,
    a mark when it mirrors a single document, passages in the selection, its stability across refits (when
    measured), its estimated precision when it was validated, a button to read them."""
    known = precisions()
    records = table.to_dict("records")
    for start in range(0, len(records), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, topic in zip(columns, records[start:start + CARDS_PER_ROW]):
            with column.container(border=True):
                n = topic["passages"]
                st.markdown(f"**Topic {topic['topic']}** · {n:,} passage{'s' * (n != 1)} ({topic['share']:.0%})")
                st.caption(md_escape(topic["terms"]))
                if topic["openings"]:
                    st.caption(" · ".join(f"“{md_escape(o)}”" for o in topic["openings"]), help=OPENINGS_HELP)
                if topic["single_document"]:
                    st.caption(f":orange-badge[:material/description: mirrors one document] "
                                f"{topic['main_document_share']:.0%} of its weight is in "
                                f"*{md_escape(topic['main_document'])}*", help=SINGLE_DOCUMENT_HELP)
                if stability is not None and len(stability) >= topic["topic"]:
                    st.caption(f"stability {stability[topic_index(topic['topic'])]:.2f}", help=STABILITY_HELP)
                checked = known.get(str(topic_target(index, topic["topic"], k)))
                if checked:
                    st.caption(md_escape(checked.describe()))
                st.button("Read its passages", key=f"topics.card.{topic['topic']}", on_click=choose_topic,
                          args=(topic["topic"],), disabled=topic["passages"] == 0, type="tertiary",
                          icon=":material/arrow_downward:")


OPENINGS_HELP = "The opening words of the topic's two most typical passages: those with the highest topic weight."
SINGLE_DOCUMENT_HELP = (f"A topic mirrors one document when at least {SINGLE_DOCUMENT_SHARE:.0%} of its weight "
                        "(summed over every passage of the corpus) lies in one document's passages: it then "
                        "describes that article more than a subject the corpus shares.")
STABILITY_HELP = ("How reliably this topic comes back: the model is refitted 5 times (other seeds, a random 80% of "
                  "the passages each time), its topics matched to these by the Hungarian method, and the overlap "
                  "(Jaccard) of this topic's top 10 terms with its match averaged. 1: the same terms every time; "
                  "below ~0.5: read the topic with care.")


def stability_of(index, k: int):
    """The topics' stability: measured at once on a corpus of moderate size, on request on a large one (the
    request shows it in this session only; the result is shared so the next request is instant)."""
    if index.n_passages <= STABILITY_AUTOMATIC_PASSAGES or st.session_state.get(f"topics.stability.{k}"):
        return cache.topic_stability(index, k)
    if st.button("Measure topic stability (5 refits; may take a minute at this size)", key="topics.measure_stability",
                 icon=":material/balance:"):
        st.session_state[f"topics.stability.{k}"] = True
        return cache.topic_stability(index, k)
    return None


def number_of_topics(index, curve) -> int:
    """The number-of-topics control, labelled with each number's stability. The view keeps 0 for the index's own
    number, so a link made at the default carries no `k` and opens the corpus's own default."""
    own = index.n_topics
    if "view.k" not in st.session_state:
        st.session_state["view.k"] = view_value("k") or own
    values = {} if curve is None else dict(zip(curve["k"], curve["stability"]))

    def slider_with_own_as_zero(label, **kwargs):
        value = st.select_slider(label, **kwargs)
        return 0 if value == own else value

    k = view_widget(slider_with_own_as_zero, "k", options=K_OPTIONS,
                    format_func=lambda n: f"{n} · {values[n]:.2f}" if n in values else str(n))
    return k or own


def stability_note(index, curve) -> str:
    """Why the index opens with its number of topics, and how the curve reads."""
    low, high = index.manifest["settings"]["topic_k_range"]
    note = default_topics_note(index)
    if curve is None:
        return note
    if curve.empty:
        return f"{note} The corpus is too small to fit {low} to {high} topics, so their stability cannot be compared."
    best = curve.loc[curve["stability"].idxmax()]
    compared = (f"Its mean stability is {best['stability']:.2f}" if best["k"] == index.n_topics
                else f"The most stable is {int(best['k'])} topics (mean {best['stability']:.2f})")
    return (f"{note} {compared}, measured on all {curve['passages'].iloc[0]:,} passages. On the curve: the "
            "default is a star, the number shown now is ringed, each dot is one topic.")


def stability_by_k_panel(index, curve, k: int) -> None:
    """The stability of each number of topics as a small curve, or a button that measures it."""
    low, high = index.manifest["settings"]["topic_k_range"]
    if curve is None:
        if st.button(f"Measure the stability of {low} to {high} topics ({5 * (high - low + 1)} refits; may take "
                     "minutes at this size)", key="topics.measure_curve", icon=":material/show_chart:"):
            bar = st.progress(0.0, text="Measuring topic stability…")
            cache.measure_stability_curve(index, lambda done, total: bar.progress(
                done / total, text=f"Measuring topic stability: {done} of {total} numbers of topics"))
            st.rerun()
    elif not curve.empty:
        st.vega_lite_chart(vega.stability_by_k(curve, chosen=k), theme=None, key="topics.stability_by_k")


def main() -> None:
    ctx = page_header("Topics", "Passages grouped by the words they share (NMF on TF-IDF, fitted on the whole corpus): "
                      "nearby points on the map use similar words. Pick a topic to read its passages.")
    if ctx.empty:
        empty_state("the topic views")
        return
    index, filters = ctx.index, ctx.filters

    curve = topic_queries.stability_curve(index)  # stored beside the index: read afresh
    control, panel = st.columns([2, 3])
    with control:
        k = number_of_topics(index, curve)
        st.caption(stability_note(index, curve))
    with panel:
        stability_by_k_panel(index, curve, k)
    # Sections in page order; the prevalence grouping's radio is drawn first, in its section, so that the view is
    # computed once from every setting.
    map_area, cards_area, prevalence_area = st.container(), st.container(), st.container()
    with prevalence_area:
        st.subheader("Topic prevalence")
        view_widget(st.radio, "by", horizontal=True)
    view = cache.view("topics", index, filters, page_values("topics"))
    with map_area:
        if view.topic_dropped:
            st.warning(f"Topic {view.topic_dropped} does not exist with {k} topics: no topic is chosen.", icon="⚠️")
            set_view("topic", 0)
        st.vega_lite_chart(view.map_chart, theme=None, key=MAP_KEY, on_select=choose_topic_from_map,
                           selection_mode=TOPIC_PICK)
        st.caption("Hover a point to see its document and the start of the passage; click it to read its topic's "
                   "passages.")
    table = view.table
    with cards_area:
        st.subheader("Topics and their top terms")
        topic_cards(table, index, k, stability_of(index, k))
    with prevalence_area:
        st.vega_lite_chart(view.prevalence_chart, theme=None, key="topics.prevalence")
        st.caption("Each cell: the topic's mean weight over that group's passages in the selection.")

    st.subheader("A topic's passages")
    labels = dict(zip(table["topic"], table["label"]))
    chosen = view_widget(st.selectbox, "topic", options=[0, *labels],
                         format_func=lambda t: labels.get(t, "— choose a topic —"))
    if not chosen:
        st.caption("Choose a topic above, on a card, or by clicking a point on the map.")
        return
    passages, count = view.passages, view.passage_count
    shown = f"the {len(passages):,} strongest of " if count > len(passages) else ""
    st.markdown(f"**{md_escape(labels[chosen])}**: {shown}{count:,} passage{'s' * (count != 1)} in the selection")
    openings = table.set_index("topic").loc[chosen, "openings"]
    if openings:
        st.caption("Its most typical passages open: " + " · ".join(f"“{md_escape(o)}”" for o in openings))
    target = topic_target(index, chosen, k)
    line, button = st.columns([4, 1], vertical_alignment="center")
    line.caption(f"Validated: {md_escape(precision_line(target))}")
    validate_button(target, key="topics.validate", label="Validate this topic", container=button)
    if passages.empty:
        st.info("No passage of the selection belongs to this topic.", icon="🔎")
        return
    st.html(topic_passages_html(passages.head(READ_FIRST)))
    cite_control(index, {p.id: passage_choice(p.title, p.position, p.text) for p in passages.itertuples()},
                 key="topics.cite")
    if len(passages) > READ_FIRST:
        st.caption(f"The first {READ_FIRST} are shown; the table and the CSV hold all {len(passages):,}.")
    with st.expander(f"All {len(passages):,} as a table"):
        st.dataframe(
            passages, hide_index=True, key="topics.passages",
            column_order=["title", "year", "text", "weight"],
            column_config={
                "title": st.column_config.TextColumn("Document", width="medium"),
                "year": st.column_config.TextColumn("Year", width="small"),
                "text": st.column_config.TextColumn("Passage", width="large"),
                "weight": st.column_config.NumberColumn("Topic weight", format="%.2f", width="small",
                                                        help="The passage's share of this topic (0–1)"),
            },
        )
    csv_download("Download these passages (CSV)", passages, f"corpuslens-topic-{chosen}.csv", key="topics.download")


main()
