"""Keyword-in-context lines as a grid with a "cite" action: the Terms page's term and the Actors page's framing word."""

from __future__ import annotations

import streamlit as st

from dashboard.citations import cite_control


def kwic_grid(index, lines, key: str, cite_key: str, match_title: str = "Match",
              sides: dict[str, str] | None = None) -> None:
    """`lines`: query.terms.KWIC_COLUMNS (passage, doc, title, year, left, match, right), with a `side` column when
    `sides` maps its values to names (the framing of a pair: which actor the line names)."""
    order = ["left", "match", "right", "title", "year"]
    config = {
        "left": st.column_config.TextColumn("Left context", width=260 if sides else 280, alignment="right"),
        "match": st.column_config.TextColumn(match_title, width=85, alignment="center"),
        "right": st.column_config.TextColumn("Right context", width=260 if sides else 280),
        "title": st.column_config.TextColumn("Document", width=140),
        "year": st.column_config.NumberColumn("Year", format="%d", width=55),
    }
    if sides:
        lines = lines.assign(side=lines["side"].map(sides))
        order.insert(0, "side")
        config["side"] = st.column_config.TextColumn("Names", width=110)
    st.dataframe(lines, hide_index=True, key=key, column_order=order, column_config=config)
    cite_control(index, {pid: f"{title}: …{left[-40:]}{match}{right[:40]}…" for pid, title, left, match, right
                         in zip(lines["passage"], lines["title"], lines["left"], lines["match"], lines["right"])},
                 key=cite_key)
