"""The one cached layer between the pages and the engine.

Three kinds of entry, all shared by every visitor and read-only:
- the index and what is made once per index: its choices, the compiled theme lexicon, topic models;
- one wrapper per view function (corpuslens.views): a view's frozen result for (index, filters, settings),
  so a selection any visitor has seen is answered from memory;
- downloads made when clicked (CSV of the selection's passages or citations, one citation).
The index is hashed by its fingerprint alone; the other arguments are the hashable filters and settings.
"""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from corpuslens import citations, figures, views
from corpuslens.filters import Filters
from corpuslens.index import CorpusIndex, load_or_build
from corpuslens.index.corpora import corpus_id
from corpuslens.index.corpus_index import Topics
from corpuslens.matching import ThemeTagger
from corpuslens.query import documents as document_views
from corpuslens.query import topics, validation
from corpuslens.query.common import choices_for, passage_row, passage_table
from corpuslens.selection import selection_mask
from corpuslens.settings import IndexSettings
from corpuslens.urlstate import Choices
from corpuslens.validation.targets import Target, parse_target


def _fingerprint(index: CorpusIndex) -> str:
    return index.manifest["fingerprint"]


_BY_FINGERPRINT = {CorpusIndex: _fingerprint}
PER_INDEX = dict(show_spinner=False, hash_funcs=_BY_FINGERPRINT)

# -- The index and what is made once per index ---------------------------------------------


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


@st.cache_resource(**PER_INDEX)
def choices(index: CorpusIndex) -> Choices:
    return choices_for(index)


@st.cache_data(max_entries=500, **PER_INDEX)
def mask(index: CorpusIndex, filters: Filters) -> np.ndarray:
    """The selection's passages: the size line and the empty state of every page read it."""
    return selection_mask(index, filters)


@st.cache_resource(**PER_INDEX)
def theme_tagger(index: CorpusIndex) -> ThemeTagger:
    """The theme lexicon compiled once per index, to mark theme terms in the reader and in samples."""
    return ThemeTagger(index.themes)


@st.cache_resource(show_spinner="Fitting topics…", max_entries=8, hash_funcs=_BY_FINGERPRINT)
def topic_model(index: CorpusIndex, n_topics: int) -> Topics:
    """One topic model per number of topics."""
    return topics.topics_for(index, n_topics)


@st.cache_resource(max_entries=8, **PER_INDEX)
def topic_profiles(index: CorpusIndex, n_topics: int) -> pd.DataFrame:
    """What names each topic of a model (typical openings, the document it may mirror)."""
    return topics.topic_profiles(index, topic_model(index, n_topics))


@st.cache_resource(show_spinner="Measuring topic stability (5 refits on resampled passages)…", max_entries=8,
                   hash_funcs=_BY_FINGERPRINT)
def topic_stability(index: CorpusIndex, n_topics: int) -> np.ndarray:
    """Each topic's stability, measured once per number of topics."""
    return topics.topic_stability(index, topic_model(index, n_topics))


def stability_curve(index: CorpusIndex):
    """The stored stability-by-k curve, or None. Not cached: it is read from the manifest or a small file beside
    the index, which a measurement on request (below) may write at any time."""
    return topics.stability_curve(index)


@st.cache_resource(max_entries=4, **PER_INDEX)
def measure_stability_curve(index: CorpusIndex, _progress=None):
    """Measure the stability curve once per corpus and server (it is then also stored beside the index)."""
    return topics.measure_stability_curve(index, _progress)


def target_topics(index: CorpusIndex, target: Target) -> Topics:
    """The topic model a validation target is judged against: its own number of topics, else the index's."""
    return topic_model(index, target.n_topics or index.n_topics)


# -- Views: one per view function ------------------------------------------------------------

# Results kept: a dozen recent selections of every view. Bounded for memory: the largest, the Topics view at
# 100,000 passages with its map of 1,000 sampled passages, holds ~3 MB.
VIEWS = dict(max_entries=64, **PER_INDEX)


@st.cache_resource(**VIEWS)
def overview(index: CorpusIndex, filters: Filters, settings: dict, validated: tuple = ()) -> views.OverviewView:
    return views.overview_view(index, filters, settings, validated)


@st.cache_resource(**VIEWS)
def topics_page(index: CorpusIndex, filters: Filters, settings: dict) -> views.TopicsView:
    k = views.chosen_k(index, settings)
    return views.topics_view(index, filters, settings, topic_model(index, k), topic_profiles(index, k))


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
def documents(index: CorpusIndex, filters: Filters, settings: dict) -> views.DocumentsView:
    return views.documents_view(index, filters, settings, theme_tagger(index))


@st.cache_resource(**VIEWS)
def validation_sample(index: CorpusIndex, filters: Filters, target: str, n: int, seed: int):
    parsed = parse_target(index, target)
    return validation.validation_sample(index, mask(index, filters), parsed, n, seed,
                                        topics=target_topics(index, parsed), tagger=theme_tagger(index))


# -- Downloads and citations, made when asked ---------------------------------------------------

DOWNLOADS = dict(max_entries=20, **PER_INDEX)


@st.cache_data(**DOWNLOADS)
def selected_passages_csv(index: CorpusIndex, filters: Filters) -> bytes:
    """The selection's passages as CSV bytes."""
    return passage_table(index, np.flatnonzero(mask(index, filters))).to_csv(index=False).encode("utf-8")


@st.cache_data(**DOWNLOADS)
def provenance_csv(index: CorpusIndex, filters: Filters) -> bytes:
    """The selection's documents, each value with where it came from, as CSV bytes."""
    return document_views.provenance_table(index, mask(index, filters)).to_csv(index=False).encode("utf-8")


@st.cache_data(**DOWNLOADS)
def selected_citations_csv(index: CorpusIndex, filters: Filters, base_url: str) -> bytes:
    """The selection's passages with their citation fields as CSV bytes."""
    rows = np.flatnonzero(mask(index, filters))
    table = citations.citation_table(index, rows, base_url, corpus_id(index))
    return table.to_csv(index=False).encode("utf-8")


@st.cache_data(max_entries=500, **PER_INDEX)
def citation(index: CorpusIndex, passage_id: str, style: str, base_url: str) -> str:
    row = passage_row(index, passage_id)
    if row is None:
        return f"No passage {passage_id} in this corpus."
    return citations.format_citation(citations.citation(index, row, base_url, corpus_id(index)), style)


# -- A figure of the index, not of a selection (the stability-by-k curve) ---------------------


@st.cache_resource(max_entries=16, show_spinner=False)
def _figure(name: str, args: tuple, kwargs: dict):
    return getattr(figures, name)(*args, **kwargs)


def figure(make, *args, **kwargs):
    """`make(*args, **kwargs)`, a chart of `corpuslens.figures`, built once per distinct input and shared, not
    copied, so no page may change it: st.plotly_chart only reads it."""
    return _figure(make.__name__, args, kwargs)
