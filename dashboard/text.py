"""Showing text from articles and links as text: never as HTML, never as Markdown."""

from __future__ import annotations

import html

from corpuslens.textnorm import escape_markdown


def md_escape(text: str) -> str:
    """Text safe to pass to any Streamlit element that renders Markdown: every markup character escaped."""
    return escape_markdown(text)


def highlighted_html(text: str, spans: list[tuple[int, int, str]], css_class_of: dict[str, str] | None = None) -> str:
    """The text HTML-escaped, with each (start, end, label) span wrapped in <mark>; overlapping spans are skipped.

    The result only ever contains our own <mark> and <span> tags: every character of the text is escaped.
    """
    out, cursor = [], 0
    for start, end, label in sorted(spans):
        if start < cursor or end <= start:
            continue
        out.append(html.escape(text[cursor:start]))
        css = (css_class_of or {}).get(label, "hl")
        out.append(f'<mark class="{html.escape(css)}" title="{html.escape(label)}">{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)
