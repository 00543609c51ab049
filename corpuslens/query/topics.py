"""The Topics view: topic sizes in the selection, the passage map, prevalence and a topic's passages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.analysis import stability
from corpuslens.analysis.topics import TopicModel, prevalence
from corpuslens.filters import UNKNOWN
from corpuslens.index.corpus_index import CorpusIndex, Topics
from corpuslens.query.common import display_title, passage_start, passage_table
from corpuslens.query.overview import unknown_label

# A random sample of 1,000 passages shows the clusters as well as 3,000 did, and redraws in the browser in
# ~40 % of the time (measured at 100k passages: 315 vs 450-520 ms per filter change, SVG or WebGL).
MAP_POINTS = 1000


def topics_for(index: CorpusIndex, n_topics: int, seed: int = 0) -> Topics:
    """The index's own topic model, or a new one with another number of topics over the same passages."""
    if n_topics == index.topics.n_topics or index.n_passages == 0:
        return index.topics
    model = TopicModel(n_topics=n_topics, seed=seed, max_fit_samples=index.manifest["settings"]["topic_fit_sample"])
    model.fit(index.terms, index.vocab)
    return Topics(doc_topic=model.doc_topic_, topic=np.asarray(model.topic_), coords=model.coords_, terms=model.top_terms_)


# Up to this many passages, stability is measured whenever topics are shown (5 refits take ~1 s at 70 passages,
# seconds at 10,000); beyond it only when asked, since each refit may take many seconds.
STABILITY_AUTOMATIC_PASSAGES = 20_000


def topic_stability(index: CorpusIndex, topics: Topics | None = None) -> np.ndarray:
    """Each topic's stability (0–1): the mean top-10-term Jaccard with its match in refits on resampled passages."""
    topics = topics or index.topics
    if not topics.terms or index.n_passages == 0:
        return np.zeros(len(topics.terms))
    return stability.topic_stability(index.terms, index.vocab, topics.terms,
                                     max_fit_samples=index.manifest["settings"]["topic_fit_sample"])


def topic_label(topics: Topics, topic: int) -> str:
    """"T3 · lavrov · mediator · minsk": the number users pick by, then its top terms."""
    return f"T{topic + 1} · " + " · ".join(topics.terms[topic][:3]) if topic >= 0 else "no topic"


def topic_table(index: CorpusIndex, mask: np.ndarray, topics: Topics | None = None) -> pd.DataFrame:
    """Each topic with its top terms, its passages in the selection and their share."""
    topics = topics or index.topics
    chosen = topics.topic[mask]
    counts = np.bincount(chosen[chosen >= 0], minlength=topics.n_topics)
    total = max(int(mask.sum()), 1)
    return pd.DataFrame({
        "topic": np.arange(topics.n_topics) + 1,
        "label": [topic_label(topics, t) for t in range(topics.n_topics)],
        "terms": [", ".join(terms) for terms in topics.terms],
        "passages": counts.astype(int),
        "share": counts / total,
    })


def map_points(index: CorpusIndex, mask: np.ndarray, topics: Topics | None = None, max_points: int = MAP_POINTS,
               seed: int = 0) -> tuple[pd.DataFrame, int]:
    """Map positions of the selection's passages, a fixed random sample when there are too many, and the total."""
    topics = topics or index.topics
    rows = np.flatnonzero(mask & (topics.topic >= 0))
    total = len(rows)
    if total > max_points:
        rows = np.sort(np.random.default_rng(seed).choice(rows, size=max_points, replace=False))
    passages = index.passages
    titles = index.docs["title"].to_numpy()[index.passage_doc[rows]]
    texts = passages["text"].to_numpy()[rows]
    chosen = topics.topic[rows]
    labels = [topic_label(topics, t) for t in range(topics.n_topics)]
    return pd.DataFrame({
        "row": rows,
        "x": topics.coords[rows, 0],
        "y": topics.coords[rows, 1],
        "topic": chosen,
        "topic_label": [labels[t] for t in chosen],
        # Plain text, one line break between title and passage start: the figure escapes and wraps it.
        "hover": [f"{display_title(title)}\n{passage_start(text)}" for title, text in zip(titles, texts)],
    }), total


def topic_prevalence(index: CorpusIndex, mask: np.ndarray, by: str = "year", topics: Topics | None = None) -> pd.DataFrame:
    """Mean topic share per year, author or publication in the selection: group, topic_label, share, passages."""
    topics = topics or index.topics
    rows = np.flatnonzero(mask)
    if by == "author":
        # A passage with two authors counts for each of them.
        authors = [a if a else [UNKNOWN] for a in index.docs["authors"].to_numpy()[index.passage_doc[rows]]]
        repeat = np.array([len(a) for a in authors], dtype=int)
        rows = np.repeat(rows, repeat)
        groups = [name for names in authors for name in names]
    elif by == "publication":
        publications = index.docs["publication"].to_numpy()[index.passage_doc[rows]]
        groups = [p if isinstance(p, str) and p else UNKNOWN for p in publications]
    else:  # years as labels, made per distinct year rather than per passage
        years = index.passage_year[rows]
        known = ~np.isnan(years)
        groups = np.full(len(rows), UNKNOWN, dtype=object)
        distinct, position = np.unique(years[known].astype(np.int64), return_inverse=True)
        groups[known] = np.array([str(y) for y in distinct], dtype=object)[position]
    table = prevalence(topics.doc_topic[rows], groups)
    table["topic_label"] = [topic_label(topics, t) for t in table["topic"]]
    return table[["group", "topic", "topic_label", "share", "passages"]]


def topic_passages(index: CorpusIndex, mask: np.ndarray, topic: int, topics: Topics | None = None,
                   limit: int = 100) -> tuple[pd.DataFrame, int]:
    """The selection's passages of one topic (0-based), strongest first, with their weight; and their total."""
    topics = topics or index.topics
    rows = np.flatnonzero(mask & (topics.topic == topic))
    weights = topics.doc_topic[rows, topic]
    order = np.argsort(-weights, kind="stable")[:limit]
    table = passage_table(index, rows[order])
    table.insert(0, "weight", np.round(weights[order], 3))
    # Shown and exported as text: an unknown title or year is said, never left blank.
    table["title"] = table["title"].map(display_title)
    table["year"] = table["year"].map(unknown_label)
    return table, len(rows)
