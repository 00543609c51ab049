"""Validate: a seeded random sample of one tag's passages (theme, actor, actor pair or topic) to mark right or
wrong, with the words that matched highlighted; the tag's estimated precision and the coders' agreement."""

from __future__ import annotations

import streamlit as st

from corpuslens.index.corpora import corpus_id
from corpuslens.urlstate import shown_value
from corpuslens.validation.judgments import clean_coder
from corpuslens.validation.sampling import new_seed
from corpuslens.validation.targets import UnknownTarget, parse_target, target_label, topic_target
from dashboard import cache
from dashboard.context import empty_state, page_header
from dashboard.citations import cite_control, passage_choice
from dashboard.exports import csv_download
from dashboard.state import set_view, view_value, view_widget
from dashboard.passages_html import sample_html
from dashboard.text import md_escape
from dashboard.validation import judging_allowed, store

CODER_KEY = "validate.coder"
VERDICT_LABELS = {"right": "Right", "wrong": "Wrong", "skip": "Skip"}

def check_target_in_link(index) -> None:
    """A target from a link is parsed against the corpus; anything else is dropped with a notice."""
    value = view_value("target")
    if not value:
        return
    try:
        parsed = str(parse_target(index, value))
    except UnknownTarget as error:
        st.warning(f"Link: target: {md_escape(shown_value(value))} ignored ({md_escape(error)})", icon="⚠️")
        parsed = ""
    if parsed != value:
        set_view("target", parsed)


def target_options(index) -> dict[str, str]:
    """Every theme, actor and topic of the index's model, plus the current target (a pair, another model's topic)."""
    options = {"": "— choose what to validate —"}
    options.update({f"theme:{t.id}": f"Theme: {t.label}" for t in index.themes})
    options.update({f"actor:{a.id}": f"Actor: {a.label}" for a in sorted(index.actors, key=lambda a: a.label.casefold())})
    own = cache.topic_model(index, index.n_topics).model
    for number in range(1, own.n_topics + 1):
        target = topic_target(index, number, own.n_topics)
        options[str(target)] = target_label(index, target, own)
    current = view_value("target")
    if current and current not in options:
        target = parse_target(index, current)
        options[current] = target_label(index, target, cache.topic_model(index, target.n_topics or index.n_topics).model)
    return options


def record(target: str, text: str, passage_id: str, verdict: str, matched: str, corpus: str) -> None:
    if judging_allowed():  # checked again here: a button is only a request
        store().record(target, text, passage_id, verdict, st.session_state.get(CODER_KEY, ""), matched, corpus)


def results(target: str) -> None:
    judgments = store()
    st.markdown(f"**{md_escape(judgments.precision(target).describe())}** (95% Wilson interval; each passage counts "
                "once, by the majority of its coders)")
    for agreement in judgments.agreements(target):
        st.caption(md_escape(agreement.describe()))


def main() -> None:
    ctx = page_header("Validate", "Check a tag by reading a random sample of its passages: mark each one right (the "
                      "tag fits) or wrong. The judgments are kept, and every chart built on the tag shows its "
                      "estimated precision.")
    if ctx.empty:
        empty_state("the validation sample")
        return
    index, filters = ctx.index, ctx.filters
    allowed = judging_allowed()
    check_target_in_link(index)
    options = target_options(index)
    target = view_widget(st.selectbox, "target", options=list(options), format_func=options.get)
    if not target:
        st.caption("Choose a theme, actor or topic here, or use “Validate this” beside a chart (the Actors page for "
                   "a pair of actors).")
        return
    if not view_value("seed"):
        set_view("seed", new_seed())

    size_column, seed_column, coder_column = st.columns([2, 2, 3], vertical_alignment="bottom")
    with size_column:
        n = view_widget(st.number_input, "sample")
    with seed_column:
        st.button("Draw another sample", key="validate.redraw", icon=":material/casino:",
                  on_click=lambda: set_view("seed", new_seed()))
    with coder_column:
        coder = st.text_input("Your name (coder)", key=CODER_KEY, max_chars=60, disabled=not allowed,
                              placeholder="e.g. your initials")
    if not allowed:
        st.info("Judging is switched off on this dashboard: visitors can read the samples and the precision, but not "
                "change them. Its owner can switch judging on (see the README: CORPUSLENS_ALLOW_JUDGING).",
                icon=":material/lock:")

    seed = view_value("seed")
    results(target)
    sample, total = cache.view("validate", index, filters, {"target": target, "sample": int(n), "seed": int(seed)})
    judged = store().verdicts_by_coder(target)
    me = clean_coder(coder)
    mine = {key: verdicts[me] for key, verdicts in judged.items() if me in verdicts} if allowed else {}
    done = sum(key in mine for key in sample["text_sha1"])
    st.markdown(f"**Sample of {len(sample):,}** from the {total:,} passage{'s' * (total != 1)} it tags in the "
                f"selection · **seed {seed}** (in the link: the same link draws the same sample)"
                + (f" · {md_escape(me)}: {done} of {len(sample)} judged" if allowed else ""))
    corpus = corpus_id(index)
    parsed = parse_target(index, target)
    # A pair's two actors in two colours (their spans are labelled by actor id); any other match in one.
    css = dict(zip(parsed.ids, ("cl-a", "cl-b"))) if parsed.kind == "pair" else {}
    for i, passage in enumerate(sample.itertuples()):
        with st.container(border=True, key=f"validate.passage.{i}"):
            st.html(sample_html(passage, css))
            st.caption("Matched: " + md_escape(passage.matched or "—"))
            others = judged.get(passage.text_sha1, {})
            if others:
                st.caption("Judged: " + md_escape(", ".join(f"{name} {verdict}" for name, verdict in others.items())),
                           help="Every coder's verdict on this passage for this target (kept across index rebuilds).")
            verdict = mine.get(passage.text_sha1)
            for column, (value, label) in zip(st.columns([1, 1, 1, 5]), VERDICT_LABELS.items()):
                column.button(label, key=f"validate.{value}.{i}", disabled=not allowed,
                              type="primary" if verdict == value else "secondary",
                              on_click=record, args=(target, passage.text, passage.id, value, passage.matched, corpus))
    cite_control(index, {p.id: passage_choice(p.title, p.position, p.text) for p in sample.itertuples()},
                 key="validate.cite")
    csv_download("Download this target's judgments (CSV)", store().table(target),
                 f"corpuslens-judgments-{target.replace(':', '-').replace(',', '-')}.csv", key="validate.download")
    csv_download("Download all judgments (CSV)", store().table(), "corpuslens-judgments.csv",
                 key="validate.download_all")


main()
