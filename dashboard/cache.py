"""The one cached layer between the pages and the engine: nine entries, all shared by every visitor and read-only.

- the index of a data folder, and what is made once per index (its choices and compiled theme lexicon; topic models
  and their stability);
- `view`: the frozen result of one view function of corpuslens.views for (index, filters, page settings), so a
  selection any visitor has seen is answered from memory;
- downloads and citations, made when asked.
The index is hashed by its fingerprint alone; the other arguments are the hashable filters and settings.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from corpuslens import citations, views
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
from corpuslens.validation.targets import parse_target


def _fingerprint(index: CorpusIndex) -> str:
    return index.manifest["fingerprint"]


_BY_FINGERPRINT = {CorpusIndex: _fingerprint}
PER_INDEX = dict(show_spinner=False, hash_funcs=_BY_FINGERPRINT)

# Data folders whose index this server process has already found built: the check fingerprints every raw file.
CHECKED_DATA_FOLDERS: set[str] = set()


# -- The index and what is made once per index ---------------------------------------------


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


@dataclass(frozen=True)
class CorpusTools:
    choices: Choices  # what links and filters may name in this corpus
    tagger: ThemeTagger  # the theme lexicon compiled, to mark theme terms in the reader and in samples
    duplicates: pd.DataFrame  # the files left out as duplicates (the Documents page), whatever the filters
    skipped: pd.DataFrame  # the files the build could not read


@st.cache_resource(**PER_INDEX)
def corpus_tools(index: CorpusIndex) -> CorpusTools:
    return CorpusTools(choices_for(index), ThemeTagger(index.themes), document_views.duplicates_table(index),
                       document_views.skipped_table(index))


@st.cache_data(max_entries=500, **PER_INDEX)
def mask(index: CorpusIndex, filters: Filters) -> np.ndarray:
    """The selection's passages: the size line and the empty state of every page read it."""
    return selection_mask(index, filters)


@dataclass(frozen=True)
class TopicModel:
    model: Topics
    profiles: pd.DataFrame  # what names each topic: typical openings, the document it may mirror


@st.cache_resource(show_spinner="Fitting topics…", max_entries=8, hash_funcs=_BY_FINGERPRINT)
def topic_model(index: CorpusIndex, n_topics: int) -> TopicModel:
    """One topic model per number of topics."""
    model = topics.topics_for(index, n_topics)
    return TopicModel(model, topics.topic_profiles(index, model))


@st.cache_resource(show_spinner="Measuring topic stability (5 refits on resampled passages)…", max_entries=8,
                   hash_funcs=_BY_FINGERPRINT)
def topic_stability(index: CorpusIndex, n_topics: int) -> np.ndarray:
    """Each topic's stability, measured once per number of topics."""
    return topics.topic_stability(index, topic_model(index, n_topics).model)


@st.cache_resource(max_entries=4, **PER_INDEX)
def measure_stability_curve(index: CorpusIndex, _progress=None):
    """Measure the stability-by-k curve once per corpus and server (it is then also stored beside the index;
    `query.topics.stability_curve` reads it)."""
    return topics.measure_stability_curve(index, _progress)


# -- Views ---------------------------------------------------------------------------------

# A dozen recent selections of every view. Bounded for memory: the largest, the Topics view at 100,000 passages
# with its map of 1,000 sampled passages, holds ~3 MB.
@st.cache_resource(max_entries=64, **PER_INDEX)
def view(name: str, index: CorpusIndex, filters: Filters, settings: dict, extra: tuple = ()):
    """The result of the view function `name` (corpuslens.views.VIEWS; "topics", "documents" and "validate" also
    get the shared model or lexicon they read). `extra`: the view function's further arguments (the Overview's
    validated themes, the Terms page's selection B)."""
    if name == "topics":
        model = topic_model(index, views.chosen_k(index, settings))
        return views.topics_view(index, filters, settings, model.model, model.profiles)
    if name == "documents":
        return views.documents_view(index, filters, settings, corpus_tools(index).tagger)
    if name == "validate":
        target = parse_target(index, settings["target"])
        model = topic_model(index, target.n_topics or index.n_topics).model
        return validation.validation_sample(index, mask(index, filters), target, int(settings["sample"]),
                                            int(settings["seed"]), topics=model, tagger=corpus_tools(index).tagger)
    return views.VIEWS[name](index, filters, settings, *extra)


# -- Downloads and citations, made when asked ---------------------------------------------------

DOWNLOADS = ("passages", "citations", "provenance")


@st.cache_data(max_entries=20, **PER_INDEX)
def download(kind: str, index: CorpusIndex, filters: Filters, base_url: str = "") -> bytes:
    """The selection as CSV bytes: its passages, its passages with their citation fields (permalinks to
    `base_url`), or its documents with where each value came from."""
    if kind == "passages":
        table = passage_table(index, np.flatnonzero(mask(index, filters)))
    elif kind == "citations":
        table = citations.citation_table(index, np.flatnonzero(mask(index, filters)), base_url, corpus_id(index))
    elif kind == "provenance":
        table = document_views.provenance_table(index, mask(index, filters))
    else:
        raise ValueError(f"download must be one of {DOWNLOADS}, not {kind!r}")
    return table.to_csv(index=False).encode("utf-8")


@st.cache_data(max_entries=500, **PER_INDEX)
def citation(index: CorpusIndex, passage_id: str, style: str, base_url: str) -> str:
    row = passage_row(index, passage_id)
    if row is None:
        return f"No passage {passage_id} in this corpus."
    return citations.format_citation(citations.citation(index, row, base_url, corpus_id(index)), style)
