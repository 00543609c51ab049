"""Figures: pure functions from tables (or a matrix) to plotly figures; no I/O, no streamlit.

Every string that comes from an article is escaped with `plain` before it reaches plotly,
because plotly renders hover, tick, legend and title text as a small HTML dialect.
"""

from .actors import actor_network, actor_trend, co_mention_heatmap, pair_over_years
from .common import empty_figure, plain, shorten, unplain
from .overview import documents_by_year, theme_shares, top_contributors
from .terms import distinctive_terms, term_bars, term_trend
from .topics import stability_by_k, topic_map, topic_prevalence, topic_sizes
from .wordcloud import word_cloud_image, word_cloud_png

__all__ = [
    "actor_network", "actor_trend", "co_mention_heatmap", "distinctive_terms", "documents_by_year", "pair_over_years",
    "empty_figure", "plain", "shorten", "stability_by_k", "term_bars", "term_trend", "theme_shares", "top_contributors",
    "topic_map", "topic_prevalence", "topic_sizes", "unplain", "word_cloud_image", "word_cloud_png",
]
