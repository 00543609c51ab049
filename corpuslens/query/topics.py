"""The Topics view: topic sizes in the selection, the passage map, prevalence and a topic's passages; the
stability of each topic and of each number of topics; what names a topic.

Topics are 0-based inside the engine (columns of `doc_topic`, values of `topic`) and 1-based wherever a person
reads or types them (cards, chart labels, links, the command line, validation targets): `topic_number` and
`topic_index` are the one crossing between the two.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from corpuslens.analysis import stability
from corpuslens.analysis.topics import TopicModel, prevalence
from corpuslens.filters import UNKNOWN
from corpuslens.index.corpus_index import CorpusIndex, Topics
from corpuslens.index.stability_store import curve_path, read_curve, write_curve
from corpuslens.query.common import display_title, passage_start, passage_table
from corpuslens.query.overview import unknown_label

# A random sample of 1,000 passages shows the clusters as well as 3,000 did, and redraws in the browser in
# ~40 % of the time (measured at 100k passages: 315 vs 450-520 ms per filter change, SVG or WebGL).
MAP_POINTS = 1000


# A topic "mirrors a single document" when at least this share of its weight (summed over every passage of the
# corpus) lies in one document's passages: it then says more about that article than about the corpus.
SINGLE_DOCUMENT_SHARE = 0.5
TYPICAL_PASSAGES = 2  # passages whose opening words describe a topic: those with the highest topic weight
OPENING_WORDS = 8


def topic_number(topic: int) -> int:
    """The number people see for the engine's 0-based topic."""
    return topic + 1


def topic_index(number: int) -> int:
    """The engine's 0-based topic for the number people see."""
    return number - 1


def topics_for(index: CorpusIndex, n_topics: int, seed: int | None = None) -> Topics:
    """The index's own topic model, or a new one with another number of topics over the same passages, fitted
    as the build fits it (same seed and fit sample), so its stability can be read from the stored curve."""
    if n_topics == index.topics.n_topics or index.n_passages == 0:
        return index.topics
    settings = index.manifest["settings"]
    seed = settings.get("seed", 0) if seed is None else seed
    model = TopicModel(n_topics=n_topics, seed=seed, max_fit_samples=settings["topic_fit_sample"])
    model.fit(index.terms, index.vocab)
    return Topics(doc_topic=model.doc_topic_, topic=np.asarray(model.topic_), coords=model.coords_, terms=model.top_terms_)


# Up to this many passages, stability is measured whenever topics are shown (5 refits take ~1 s at 70 passages,
# seconds at 10,000); beyond it only when asked, since each refit may take many seconds.
STABILITY_AUTOMATIC_PASSAGES = 20_000


def topic_stability(index: CorpusIndex, topics: Topics | None = None) -> np.ndarray:
    """Each topic's stability (0–1): the mean top-10-term Jaccard with its match in refits on resampled passages.

    Read from the stored stability curve when it holds this number of topics (the curve's model at k is fitted
    exactly as `topics_for` fits it), else measured now."""
    topics = topics or index.topics
    if not topics.terms or index.n_passages == 0:
        return np.zeros(len(topics.terms))
    curve = stability_curve(index)
    if curve is not None and topics.n_topics in set(curve["k"]):
        return np.asarray(curve.loc[curve["k"] == topics.n_topics, "topics"].iloc[0], dtype=float)
    return stability.topic_stability(index.terms, index.vocab, topics.terms,
                                     max_fit_samples=index.manifest["settings"]["topic_fit_sample"])


def stability_curve(index: CorpusIndex) -> pd.DataFrame | None:
    """The stability of each number of topics in the settings' range, as measured at build or later on request:
    k, stability (the mean over its topics), topics (each topic's stability, numbered as the model at k numbers
    them), passages (how many it was measured on), default (True for the index's own k). None when not measured;
    no rows when it was, but the corpus is too small for any number in the range."""
    record = index.manifest.get("topic_stability_by_k")
    if record is None and _stored_curve_path(index) is not None:
        record = read_curve(_stored_curve_path(index))
    if record is None:
        return None
    points = record["points"]
    return pd.DataFrame(columns=["k", "stability", "topics", "passages", "default"], data={
        "k": [int(p["k"]) for p in points],
        "stability": [round(float(np.mean(p["topics"])), 4) for p in points],
        "topics": [tuple(p["topics"]) for p in points],  # tuples: the table can be hashed as a cache key
        "passages": int(record["passages"]),
        "default": [int(p["k"]) == index.n_topics for p in points],
    })


def measure_stability_curve(index: CorpusIndex, progress=None) -> pd.DataFrame:
    """Measure the stability curve now (5 refits per k: minutes on a large corpus) and keep it in the index folder
    (corpuslens.index.stability_store), so that it is measured once per corpus. `progress(done, total)` is called
    after each k."""
    settings = index.manifest["settings"]
    low, high = settings["topic_k_range"]
    curve = stability.stability_by_k(index.terms, index.vocab, range(low, high + 1), settings.get("seed", 0),
                                     settings["topic_fit_sample"], progress=progress)
    record = stability.curve_record(curve, index.n_passages)
    path = _stored_curve_path(index)
    if path is not None:
        write_curve(path, record)
    else:  # a session's corpus with uploads: kept with this index object only
        index.manifest["topic_stability_by_k"] = record
    return stability_curve(index)


def _stored_curve_path(index: CorpusIndex) -> Path | None:
    """Where a curve measured on request is kept: beside the shared index; None for a session's own corpus."""
    digest = index.manifest.get("terms_digest")
    return curve_path(index.path.parent, digest) if index.path is not None and digest else None


def default_topics_note(index: CorpusIndex) -> str:
    """Why the index has the number of topics it opens with, in a sentence."""
    chosen = index.manifest.get("topic_number", {}).get("chosen_by")
    low, high = index.manifest["settings"].get("topic_k_range", (4, 12))
    k = index.n_topics
    if chosen == "most stable":
        return f"{k} topics by default: the most stable number from {low} to {high}."
    if chosen == "topics.yaml":
        return f"{k} topics by default, as the knowledge file topics.yaml fixes it."
    if chosen == "settings":
        return f"{k} topics, as asked for when the index was built."
    limit = index.manifest["settings"].get("stability_curve_at_build", 0)
    return (f"{k} topics by default: the stability of {low} to {high} topics is measured when the index is built "
            f"only for corpora of up to {limit:,} passages.")


def topic_label(topics: Topics, topic: int) -> str:
    """"T3 · lavrov · mediator · minsk": the number users pick by, then its top terms. Charts and menus name a
    topic by this; cards, the command line and validation add the opening words of its typical passages."""
    if topic < 0:
        return "no topic"
    return f"T{topic_number(topic)} · " + " · ".join(topics.terms[topic][:3])


def opening_words(text: str, words: int = OPENING_WORDS) -> str:
    """The first words of a passage, ending in "…" when there are more."""
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def topic_profiles(index: CorpusIndex, topics: Topics | None = None) -> pd.DataFrame:
    """What names each topic of a model, over the whole corpus (not a selection): topic (its number), label,
    openings (the opening words of its TYPICAL_PASSAGES passages of highest weight), main_document (the title of
    the document holding most of its weight), main_document_share, single_document (that share is at least
    SINGLE_DOCUMENT_SHARE: the topic mirrors one document)."""
    topics = topics or index.topics
    k = topics.n_topics
    texts = index.passages["text"].to_numpy()
    titles = index.docs["title"].to_numpy()
    openings, main, main_share = [], [], []
    for t in range(k):
        weights = topics.doc_topic[:, t].astype(np.float64)
        top = np.flatnonzero(weights > 0)
        top = top[np.lexsort((top, -weights[top]))][:TYPICAL_PASSAGES]  # ties by passage order: stable
        openings.append([opening_words(texts[row]) for row in top])
        per_document = np.bincount(index.passage_doc, weights=weights, minlength=len(titles))
        total = per_document.sum()
        biggest = int(per_document.argmax()) if total > 0 else -1
        main.append(display_title(titles[biggest]) if biggest >= 0 else None)
        main_share.append(round(float(per_document[biggest] / total), 4) if total > 0 else 0.0)
    return pd.DataFrame({
        "topic": [topic_number(t) for t in range(k)],
        "label": [topic_label(topics, t) for t in range(k)],
        "openings": openings,
        "main_document": main,
        "main_document_share": main_share,
        "single_document": [share >= SINGLE_DOCUMENT_SHARE for share in main_share],
    })


def topic_table(index: CorpusIndex, mask: np.ndarray, topics: Topics | None = None,
                profiles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each topic with its label, top terms, typical openings, whether it mirrors one document (see
    `topic_profiles`, passed in when already made), its passages in the selection and their share."""
    topics = topics or index.topics
    profiles = topic_profiles(index, topics) if profiles is None else profiles
    chosen = topics.topic[mask]
    counts = np.bincount(chosen[chosen >= 0], minlength=topics.n_topics)
    total = max(int(mask.sum()), 1)
    table = profiles.copy()
    table.insert(2, "terms", [", ".join(terms) for terms in topics.terms])
    table["passages"] = counts.astype(int)
    table["share"] = counts / total
    return table


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
