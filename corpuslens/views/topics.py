"""The Topics page: the passage map, the topic cards' table, prevalence by group, and a chosen topic's passages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from corpuslens.figures import vega
from corpuslens.filters import Filters
from corpuslens.index.corpus_index import CorpusIndex, Topics
from corpuslens.page_settings import setting
from corpuslens.query import topics as query
from corpuslens.selection import selection_mask
from corpuslens.views.common import page_values


def chosen_k(index: CorpusIndex, settings: Mapping | None) -> int:
    """The number of topics shown: the settings' `k`, or the index's own number when it is 0 (absent)."""
    return page_values("topics", settings)["k"] or index.n_topics


@dataclass(frozen=True)
class TopicsView:
    empty: bool
    k: int
    topic: int  # the chosen topic's number (1-based), 0 for none
    topic_dropped: int  # a topic number from the settings beyond k (then none is chosen), else 0
    map_chart: dict  # Vega-Lite; a click selects the point's topic (figures.vega.TOPIC_PICK: its 0-based index)
    table: pd.DataFrame  # query.topics.topic_table: one row per topic, with its label, openings and marks
    prevalence: pd.DataFrame
    prevalence_chart: dict  # Vega-Lite
    passages: pd.DataFrame | None  # the chosen topic's passages in the selection, strongest first
    passage_count: int


def topics_view(index: CorpusIndex, filters: Filters, settings: Mapping | None, model: Topics,
                profiles: pd.DataFrame | None = None) -> TopicsView:
    """`model`: the topic model with `chosen_k` topics (fitted once and shared: dashboard.cache.topic_model);
    `profiles`: its topics' openings and single-document marks (query.topics.topic_profiles), computed when None."""
    values = page_values("topics", settings)
    k = chosen_k(index, values)
    mask = selection_mask(index, filters)
    topic = values["topic"] if values["topic"] <= k else 0
    points, total = query.map_points(index, mask, model)
    prevalence = query.topic_prevalence(index, mask, values["by"], model)
    passages, count = (query.topic_passages(index, mask, query.topic_index(topic), model) if topic else (None, 0))
    return TopicsView(
        empty=not mask.any(), k=k, topic=topic, topic_dropped=values["topic"] if values["topic"] > k else 0,
        map_chart=vega.topic_map(points, sampled_from=total),
        table=query.topic_table(index, mask, model, profiles=profiles),
        prevalence=prevalence,
        prevalence_chart=vega.topic_prevalence(prevalence, setting("by").option_label(values["by"])),
        passages=passages, passage_count=count,
    )
