"""Passages drawn as HTML for st.html: every string from an article escaped, only our own tags, one stylesheet.

Each function returns its CSS with its blocks, so any element can be placed alone on a page.
"""

from __future__ import annotations

import html

import pandas as pd

from corpuslens.query.common import display_title
from dashboard.text import highlighted_html

# Highlight colours of the reader, per actor kind and for theme terms (the legend uses the same CSS).
READER_MARKS = {
    "state": ("#cfe3fb", "state"),
    "person": ("#fbdcc2", "person"),
    "organisation": ("#cdeed2", "organisation"),
    "bloc": ("#e6d8f7", "bloc"),
    "theme": ("transparent", "theme term"),
}
READER_CSS = "<style>" + "".join(
    f".cl-{kind}{{background:{colour};border-radius:3px;padding:0 2px;color:inherit}}"
    for kind, (colour, _) in READER_MARKS.items()
) + (".cl-theme{border-bottom:2px solid #d4a017;border-radius:0;padding:0}"
     ".cl-reader{max-width:56em}.cl-reader p{line-height:1.65;margin:0 0 .9em 0}"
     ".cl-reader .cl-n{color:#6b7785;font-size:.8em;margin-right:.5em}"
     ".cl-out{color:#8a94a0}.cl-cited{outline:2px solid #d4a017;outline-offset:4px;border-radius:2px}"
     ".cl-legend span{margin-right:1em;font-size:.9em}</style>")
PAIR_CSS = ("<style>.cl-pair{margin:0 0 1em 0;line-height:1.55}.cl-pair .cl-doc{color:#6b7280;font-size:.85em}"
            "mark.cl-a{background:#cfe2f3;padding:0 2px;border-radius:3px}"
            "mark.cl-b{background:#fbd9b5;padding:0 2px;border-radius:3px}</style>")
TOPIC_CSS = ("<style>.cl-passage{border-left:3px solid #1f5a96;padding:.2em 0 .2em .9em;margin:0 0 1em 0}"
             ".cl-passage .cl-meta{color:#6b7785;font-size:.85em;margin-bottom:.2em}"
             ".cl-passage p{margin:0;line-height:1.6}</style>")
SAMPLE_CSS = ("<style>.cl-sample .cl-meta{color:#6b7785;font-size:.85em;margin-bottom:.3em}"
              ".cl-sample p{margin:0;line-height:1.6}"
              "mark.hl,mark.cl-a{background:#fde68a;padding:0 2px;border-radius:3px}"
              "mark.cl-b{background:#fbd9b5;padding:0 2px;border-radius:3px}</style>")


def reader_legend() -> str:
    chips = "".join(f'<span><mark class="cl-{kind}">{html.escape(name)}</mark></span>'
                    for kind, (_, name) in READER_MARKS.items())
    return f'<div class="cl-legend">{chips}<span class="cl-out">grey text: outside the current filters</span></div>'


def reader_html(passages, cited: int = 0) -> str:
    """A document's passages (query.documents.READER_COLUMNS) with actors and theme terms marked; passages outside
    the selection greyed; passage number `cited` (from a permalink) framed."""
    paragraphs = []
    for passage in passages.itertuples():
        marks = highlighted_html(passage.text, [(s, e, label) for s, e, label, _ in passage.spans],
                                 {label: f"cl-{kind}" for _, _, label, kind in passage.spans})
        classes = ([] if passage.selected else ["cl-out"]) + (["cl-cited"] if passage.position == cited else [])
        out = f' class="{" ".join(classes)}"' if classes else ""
        paragraphs.append(f'<p{out}><span class="cl-n">¶{passage.position}</span>{marks}</p>')
    return READER_CSS + reader_legend() + '<div class="cl-reader">' + "".join(paragraphs) + "</div>"


def cited_html(text: str) -> str:
    """The passage a permalink cites, framed, above the reader."""
    return READER_CSS + f'<div class="cl-reader"><p class="cl-cited">{html.escape(text)}</p></div>'


def sample_html(passage, css: dict[str, str]) -> str:
    """One sampled passage with the matched words marked; document, year, number and id above it."""
    return (SAMPLE_CSS + f'<div class="cl-sample"><div class="cl-meta">{html.escape(passage.title)} · '
            f'{html.escape(passage.year)} · ¶{int(passage.position)} · {html.escape(passage.id)}</div>'
            f"<p>{highlighted_html(passage.text, passage.highlights, css)}</p></div>")


def pair_html(table, actor_a: str, actor_b: str, label_a: str, label_b: str) -> str:
    """Passages naming both actors (query.actors.pair_passages), both marked; title, year and number above each."""
    css = {actor_a: "cl-a", actor_b: "cl-b"}
    blocks = [f'<div class="cl-pair cl-doc">Marked: <mark class="cl-a">{html.escape(label_a)}</mark> '
              f'<mark class="cl-b">{html.escape(label_b)}</mark> (any of their names)</div>']
    for row in table.itertuples():
        year = "unknown year" if pd.isna(row.year) else str(int(row.year))
        blocks.append(f'<div class="cl-pair"><div class="cl-doc">{html.escape(display_title(row.title))} · '
                      f'{html.escape(year)} · ¶{int(row.position)}</div>'
                      f'{highlighted_html(row.text, row.highlights, css)}</div>')
    return PAIR_CSS + "".join(blocks)


def topic_passages_html(passages) -> str:
    """A topic's passages (query.topics.topic_passages) as readable blocks: document, year, number and topic
    weight above the text."""
    blocks = [
        f'<div class="cl-passage"><div class="cl-meta">{html.escape(str(p.title))} · {html.escape(str(p.year))}'
        f" · ¶{int(p.position)} · topic weight {p.weight:.2f}</div><p>{html.escape(p.text)}</p></div>"
        for p in passages.itertuples()
    ]
    return TOPIC_CSS + "".join(blocks)
