"""Figures: pure functions from tables (or a matrix) to charts; no I/O, no streamlit.

`vega` makes Vega-Lite specs (plain dicts) for the charts a page redraws on every filter change; the other modules
make plotly figures. Every string that comes from an article is escaped with `plain` before it reaches plotly,
because plotly renders hover, tick, legend and title text as a small HTML dialect.

Names are imported from their module on first use, so that a page drawn with Vega-Lite alone (the first page
among them) never imports plotly (~0.3 s) or the word-cloud library.
"""

from importlib import import_module

_WHERE = {
    "actor_network": "actors", "actor_trend": "actors", "co_mention_heatmap": "actors", "pair_over_years": "actors",
    "empty_figure": "common", "plain": "common", "shorten": "common", "unplain": "common",
    "documents_by_year": "overview", "theme_shares": "overview", "top_contributors": "overview",
    "distinctive_terms": "terms", "term_bars": "terms", "term_trend": "terms",
    "stability_by_k": "topics", "topic_map": "topics", "topic_prevalence": "topics", "topic_sizes": "topics",
    "word_cloud_image": "wordcloud", "word_cloud_png": "wordcloud",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
