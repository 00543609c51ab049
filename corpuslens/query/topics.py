"""The Topics view: topic sizes in the selection, the passage map, prevalence and a topic's passages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.analysis.topics import prevalence
from corpuslens.filters import UNKNOWN
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.query.common import display_title, passage_table

MAP_POINTS = 3000  # more points add nothing a person can see and slow the browser


def topic_label(index: CorpusIndex, topic: int) -> str:
    """"T3 · lavrov · mediator · minsk": the number users pick by, then its top terms."""
    return f"T{topic + 1} · " + " · ".join(index.topic_terms[topic][:3]) if topic >= 0 else "no topic"


def topic_table(index: CorpusIndex, mask: np.ndarray) -> pd.DataFrame:
    """Each topic with its top terms, its passages in the selection and their share."""
    topics = index.passages["topic"].to_numpy()[mask]
    counts = np.bincount(topics[topics >= 0], minlength=index.n_topics)
    total = max(int(mask.sum()), 1)
    return pd.DataFrame({
        "topic": np.arange(index.n_topics) + 1,
        "label": [topic_label(index, t) for t in range(index.n_topics)],
        "terms": [", ".join(terms) for terms in index.topic_terms],
        "passages": counts.astype(int),
        "share": counts / total,
    })


def map_points(index: CorpusIndex, mask: np.ndarray, max_points: int = MAP_POINTS, seed: int = 0) -> tuple[pd.DataFrame, int]:
    """Map positions of the selection's passages, a fixed random sample when there are too many, and the total."""
    rows = np.flatnonzero(mask & (index.passages["topic"].to_numpy() >= 0))
    total = len(rows)
    if total > max_points:
        rows = np.sort(np.random.default_rng(seed).choice(rows, size=max_points, replace=False))
    passages = index.passages
    titles = index.docs["title"].to_numpy()[index.passage_doc[rows]]
    texts = passages["text"].to_numpy()[rows]
    topics = passages["topic"].to_numpy()[rows]
    labels = [topic_label(index, t) for t in range(index.n_topics)]
    return pd.DataFrame({
        "row": rows,
        "x": passages["x"].to_numpy()[rows],
        "y": passages["y"].to_numpy()[rows],
        "topic": topics,
        "topic_label": [labels[t] for t in topics],
        "hover": [f"{display_title(title)}<br>{_start(text)}" for title, text in zip(titles, texts)],
    }), total


def _start(text: str, chars: int = 160) -> str:
    return text if len(text) <= chars else text[: chars - 1].rsplit(" ", 1)[0] + "…"


def topic_prevalence(index: CorpusIndex, mask: np.ndarray, by: str = "year") -> pd.DataFrame:
    """Mean topic share per year, author or publication in the selection: group, topic_label, share, passages."""
    rows = np.flatnonzero(mask)
    docs = index.docs.iloc[index.passage_doc[rows]]
    if by == "author":
        # A passage with two authors counts for each of them.
        authors = [a if a else [UNKNOWN] for a in docs["authors"]]
        repeat = np.array([len(a) for a in authors], dtype=int)
        rows = np.repeat(rows, repeat)
        groups = [name for names in authors for name in names]
    elif by == "publication":
        groups = [p if p else UNKNOWN for p in docs["publication"]]
    else:
        groups = [str(int(y)) if pd.notna(y) else UNKNOWN for y in docs["year"]]
    table = prevalence(index.doc_topic[rows], groups)
    table["topic_label"] = [topic_label(index, t) for t in table["topic"]]
    return table[["group", "topic", "topic_label", "share", "passages"]]


def topic_passages(index: CorpusIndex, mask: np.ndarray, topic: int, limit: int = 100) -> tuple[pd.DataFrame, int]:
    """The selection's passages of one topic (0-based), strongest first, with their weight."""
    rows = np.flatnonzero(mask & (index.passages["topic"].to_numpy() == topic))
    weights = index.doc_topic[rows, topic]
    order = np.argsort(-weights, kind="stable")[:limit]
    table = passage_table(index, rows[order])
    table.insert(0, "weight", np.round(weights[order], 3))
    return table, len(rows)
