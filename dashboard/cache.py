"""The one cached layer between the pages and the engine.

`st.cache_resource` holds the loaded index (one shared, read-only object per data folder);
`st.cache_data` holds results, keyed by the index fingerprint and the hashable filters and
settings, so a filter change already seen by any visitor is answered from memory. Cached
functions read only their arguments; the index is hashed by its fingerprint alone.
"""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import streamlit as st

from corpuslens.filters import Filters
from corpuslens.index import CorpusIndex, load_or_build
from corpuslens.index.corpus_index import Topics
from corpuslens import figures, views
from corpuslens.query import actors, overview, terms, topics
from corpuslens import citations
from corpuslens.query.common import choices_for, passage_row, passage_table
from corpuslens.query import documents as document_views
from corpuslens.query import validation
from corpuslens.index.corpora import corpus_id
from corpuslens.validation.targets import Target, parse_target
from corpuslens.matching import ThemeTagger
from corpuslens.selection import selection_mask
from corpuslens.settings import IndexSettings
from corpuslens.urlstate import Choices

def _fingerprint(index: CorpusIndex) -> str:
    return index.manifest["fingerprint"]


_BY_FINGERPRINT = {CorpusIndex: _fingerprint}
RESULTS = dict(max_entries=500, show_spinner=False, hash_funcs=_BY_FINGERPRINT)


@st.cache_resource(show_spinner=False)
def checked_data_folders() -> set[str]:
    """Data folders whose index this server process has already found built (shared by all sessions)."""
    return set()


@st.cache_resource(show_spinner=False)
def corpus_index(data: str) -> CorpusIndex:
    """The index of a data folder, built beforehand by the app's start-up step with visible progress."""
    index = load_or_build(Path(data), IndexSettings())
    # Streamlit runs a full garbage collection after every rerun (runner.postScriptGC), and a full
    # collection walks every tracked object: the loaded libraries and the index's strings and tables
    # (80 ms per rerun at 100,000 passages). Freezing what exists now, all of it long-lived, leaves
    # the collection only the objects of recent reruns.
    gc.freeze()
    return index


@st.cache_resource(show_spinner=False, hash_funcs=_BY_FINGERPRINT)
def choices(index: CorpusIndex) -> Choices:
    return choices_for(index)


@st.cache_resource(show_spinner="Fitting topics…", max_entries=8, hash_funcs=_BY_FINGERPRINT)
def topic_model(index: CorpusIndex, n_topics: int) -> Topics:
    """One topic model per number of topics, shared by every visitor (read-only)."""
    return topics.topics_for(index, n_topics)


@st.cache_data(**RESULTS)
def mask(index: CorpusIndex, filters: Filters) -> np.ndarray:
    return selection_mask(index, filters)


# -- Views: one per page, shared read-only by every visitor ----------------------------------

# Results kept: a dozen recent selections of every page. Bounded for memory: the largest, the Topics view at
# 100,000 passages with its map of 1,000 sampled passages, holds ~3 MB.
VIEWS_KEPT = 64
VIEWS = dict(max_entries=VIEWS_KEPT, show_spinner=False, hash_funcs=_BY_FINGERPRINT)


@st.cache_resource(**VIEWS)
def overview(index: CorpusIndex, filters: Filters, settings: dict, validated: tuple = ()) -> views.OverviewView:
    return views.overview_view(index, filters, settings, validated)


@st.cache_resource(**VIEWS)
def terms(index: CorpusIndex, filters: Filters, settings: dict, compare: Filters | None = None) -> views.TermsView:
    return views.terms_view(index, filters, settings, compare)


@st.cache_resource(**VIEWS)
def actors(index: CorpusIndex, filters: Filters, settings: dict) -> views.ActorsView:
    return views.actors_view(index, filters, settings)


@st.cache_resource(**VIEWS)
def pair(index: CorpusIndex, filters: Filters, settings: dict) -> views.PairView:
    return views.pair_view(index, filters, settings)


@st.cache_resource(**VIEWS)
def topics_page(index: CorpusIndex, filters: Filters, settings: dict) -> views.TopicsView:
    k = views.chosen_k(index, settings)
    return views.topics_view(index, filters, settings, topic_model(index, k), topic_profiles(index, k))


@st.cache_resource(**VIEWS)
def documents(index: CorpusIndex, filters: Filters, settings: dict) -> views.DocumentsView:
    return views.documents_view(index, filters, settings, theme_tagger(index))


# -- Overview and documents --------------------------------------------------------------

@st.cache_data(**RESULTS)
def selected_passages(index: CorpusIndex, filters: Filters, limit: int | None = None):
    rows = np.flatnonzero(mask(index, filters))
    return passage_table(index, rows if limit is None else rows[:limit])


# -- Terms -------------------------------------------------------------------------------

# -- Actors ------------------------------------------------------------------------------

# -- Topics ------------------------------------------------------------------------------

@st.cache_resource(show_spinner="Measuring topic stability (5 refits on resampled passages)…", max_entries=8,
                   hash_funcs=_BY_FINGERPRINT)
def topic_stability(index: CorpusIndex, n_topics: int) -> np.ndarray:
    """Each topic's stability, measured once per number of topics and shared by every visitor (read-only)."""
    return topics.topic_stability(index, topic_model(index, n_topics))


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs=_BY_FINGERPRINT)
def topic_profiles(index: CorpusIndex, n_topics: int):
    """What names each topic (typical openings, the document it may mirror): once per model, read-only."""
    return topics.topic_profiles(index, topic_model(index, n_topics))


def stability_curve(index: CorpusIndex):
    """The stored stability-by-k curve, or None. Not cached: it is read from the manifest or a small file beside
    the index, which a measurement on request (below) may write at any time."""
    return topics.stability_curve(index)


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs=_BY_FINGERPRINT)
def measure_stability_curve(index: CorpusIndex, _progress=None):
    """Measure the stability curve once per corpus and server (it is then also stored beside the index)."""
    return topics.measure_stability_curve(index, _progress)


@st.cache_data(**RESULTS)
def topic_table(index: CorpusIndex, filters: Filters, n_topics: int):
    return topics.topic_table(index, mask(index, filters), topic_model(index, n_topics),
                              profiles=topic_profiles(index, n_topics))


@st.cache_data(**RESULTS)
def map_points(index: CorpusIndex, filters: Filters, n_topics: int):
    return topics.map_points(index, mask(index, filters), topic_model(index, n_topics))


@st.cache_data(**RESULTS)
def topic_prevalence(index: CorpusIndex, filters: Filters, n_topics: int, by: str):
    return topics.topic_prevalence(index, mask(index, filters), by, topic_model(index, n_topics))


@st.cache_data(**RESULTS)
def topic_passages(index: CorpusIndex, filters: Filters, n_topics: int, topic: int):
    return topics.topic_passages(index, mask(index, filters), topic, topic_model(index, n_topics))


# -- Validation --------------------------------------------------------------------------

def target_topics(index: CorpusIndex, target: Target) -> Topics:
    """The topic model a target is judged against: its own number of topics, else the index's."""
    return topic_model(index, target.n_topics or index.n_topics)


@st.cache_data(**RESULTS)
def validation_sample(index: CorpusIndex, filters: Filters, target: str, n: int, seed: int):
    parsed = parse_target(index, target)
    return validation.validation_sample(index, mask(index, filters), parsed, n, seed,
                                        topics=target_topics(index, parsed), tagger=theme_tagger(index))


# -- Citations ---------------------------------------------------------------------------

@st.cache_data(**RESULTS)
def citation(index: CorpusIndex, passage_id: str, style: str, base_url: str) -> str:
    row = passage_row(index, passage_id)
    if row is None:
        return f"No passage {passage_id} in this corpus."
    return citations.format_citation(citations.citation(index, row, base_url, corpus_id(index)), style)


@st.cache_data(max_entries=20, show_spinner=False, hash_funcs=_BY_FINGERPRINT)
def selected_citations_csv(index: CorpusIndex, filters: Filters, base_url: str) -> bytes:
    """The selection's passages with their citation fields as CSV bytes, made when the download is clicked."""
    rows = np.flatnonzero(mask(index, filters))
    table = citations.citation_table(index, rows, base_url, corpus_id(index))
    return table.to_csv(index=False).encode("utf-8")


# -- Overview summary and the Documents page ---------------------------------------------

@st.cache_resource(show_spinner=False, hash_funcs=_BY_FINGERPRINT)
def theme_tagger(index: CorpusIndex) -> ThemeTagger:
    """The theme lexicon compiled once per index, to mark theme terms in the reader."""
    return ThemeTagger(index.themes)


@st.cache_data(max_entries=20, show_spinner=False, hash_funcs=_BY_FINGERPRINT)
def selected_passages_csv(index: CorpusIndex, filters: Filters) -> bytes:
    """The selection's passages as CSV bytes, for a download generated when it is clicked."""
    return selected_passages(index, filters).to_csv(index=False).encode("utf-8")


# -- Terms and Actors pages: extras ----------------------------------------------------------

# -- Figures ----------------------------------------------------------------------------------

# Figures kept built: every chart of every page for a dozen recent selections. Bounded for memory: the
# largest, a topic map of 1,000 sampled passages, holds 2.5 MB at 100,000 passages (160 MB at most here).
FIGURES_KEPT = 64


@st.cache_resource(max_entries=FIGURES_KEPT, show_spinner=False)
def _figure(name: str, args: tuple, kwargs: dict):
    return getattr(figures, name)(*args, **kwargs)


def figure(make, *args, **kwargs):
    """`make(*args, **kwargs)`, a chart of `corpuslens.figures`, built once per distinct input.

    Building a plotly figure validates every property (~20 ms a chart, most of a cached rerun's time),
    while the results it is drawn from are already cached. The figure is shared, not copied, so no page
    may change it: st.plotly_chart only reads it."""
    return _figure(make.__name__, args, kwargs)
