"""Building the index from a data folder, once per fingerprint.

Each fingerprint gets its own folder under the index root. A build writes into a private
temporary folder and renames it into place, under a file lock, so two builds started at once
produce one index and a reader never sees a half-written one.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
from scipy import sparse

from corpuslens import __version__
from corpuslens.analysis.stability import curve_from_record, curve_record, most_stable_k, stability_by_k
from corpuslens.analysis.topics import TopicModel
from corpuslens.index import store
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.index import corpora
from corpuslens.index.fingerprint import corpus_fingerprint
from corpuslens.index.languages import passage_stopwords
from corpuslens.index.passage_table import PassageTable, passage_table
from corpuslens.index.stability_store import CURVES_FOLDER, curve_path, read_curve, terms_digest, write_curve
from corpuslens.index.vocabulary import term_matrix
from corpuslens.ingest import ingest_folder
from corpuslens.lexicon import load_actors, load_stopwords, load_themes, load_topic_number
from corpuslens.settings import FALLBACK_TOPICS, IndexSettings, knowledge_file

Progress = Callable[[float, str], None]


def _quiet(fraction: float, message: str) -> None:
    pass


def index_root(data: Path) -> Path:
    """Where indexes of this data folder live: $CORPUSLENS_INDEX, else data/index/."""
    chosen = os.environ.get("CORPUSLENS_INDEX")
    return Path(chosen).expanduser().resolve() if chosen else data / "index"


def built_index_folder(data: Path, settings: IndexSettings = IndexSettings()) -> Path | None:
    """The folder of a complete index for the data as it is now, or None if a build is needed."""
    fingerprint = corpus_fingerprint(data, settings)
    folder = index_root(data) / fingerprint[:24]
    manifest = store.read_manifest(folder)
    return folder if manifest and manifest.get("fingerprint") == fingerprint else None


def load_or_build(data: Path, settings: IndexSettings = IndexSettings(), progress: Progress = _quiet) -> CorpusIndex:
    """The index for the data folder as it is now: loaded if already built, else built."""
    fingerprint = corpus_fingerprint(data, settings)
    root = index_root(data)
    target = root / fingerprint[:24]
    index = _load_if_complete(target, fingerprint)
    if index is not None:
        corpora.remember(root, data, settings, fingerprint)
        return index
    root.mkdir(parents=True, exist_ok=True)
    with _build_lock(root):
        # Another process may have finished the same build while we waited for the lock.
        index = _load_if_complete(target, fingerprint)
        if index is not None:
            return index
        _remove_abandoned_builds(root)
        index = build(data, settings, progress, fingerprint=fingerprint, index_folder=root)
        temporary = root / f".building-{fingerprint[:24]}-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        store.save(index, temporary)
        shutil.rmtree(target, ignore_errors=True)  # a damaged earlier attempt, if any
        os.rename(temporary, target)
        index.path = target
        _remove_other_indexes(root, keep=target)
        corpora.remember(root, data, settings, fingerprint)
    return index


def _load_if_complete(folder: Path, fingerprint: str) -> CorpusIndex | None:
    manifest = store.read_manifest(folder)
    if manifest is None or manifest.get("fingerprint") != fingerprint:
        return None
    try:
        return store.load(folder)
    except store.CorruptIndex:
        return None  # rebuilt by the caller, never trusted


@contextmanager
def _build_lock(root: Path):
    with open(root / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_abandoned_builds(root: Path) -> None:
    """Temporary folders of builds that died: only the lock holder builds, so under the lock any is stale."""
    for folder in root.glob(".building-*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _remove_other_indexes(root: Path, keep: Path) -> None:
    for folder in root.iterdir():
        if folder.is_dir() and folder != keep and not folder.name.startswith(".building-") \
                and folder.name not in (corpora.RECORDS_FOLDER, CURVES_FOLDER):
            shutil.rmtree(folder, ignore_errors=True)


def build(data: Path, settings: IndexSettings = IndexSettings(), progress: Progress = _quiet, fingerprint: str = "",
          index_folder: Path | None = None) -> CorpusIndex:
    """Ingest, split, tag, count and fit: everything the views will slice later. `index_folder` (the index root)
    keeps stability curves across rebuilds (corpuslens.index.stability_store)."""
    started = time.perf_counter()
    themes = load_themes(knowledge_file(data, "themes.yaml"))
    actors = load_actors(knowledge_file(data, "actors.yaml"))
    stopwords = load_stopwords(knowledge_file(data, "stopwords.txt"))
    fixed_topics = load_topic_number(knowledge_file(data, "topics.yaml"))
    catalog = knowledge_file(data, "catalog.csv")

    progress(0.02, "Reading articles")
    ingested = ingest_folder(data / "raw", catalog if catalog.exists() else None, settings)
    docs = ingested.documents

    progress(0.25, f"Splitting and tagging {len(docs)} articles")
    table: PassageTable = passage_table(docs, themes, actors, settings)

    progress(0.55, f"Counting terms in {len(table.texts)} passages")
    terms, vocab = term_matrix(table.texts, stopwords, settings.phrase_min_passages,
                               passage_stopwords(docs, table.doc_rows, stopwords))

    digest = terms_digest(terms, vocab, settings.as_dict())
    stored = read_curve(curve_path(index_folder, digest)) if index_folder is not None else None
    curve = curve_from_record(stored) if stored is not None else None
    if curve is None and len(table.texts) <= settings.stability_curve_at_build:
        low, high = settings.topic_k_range
        progress(0.6, f"Measuring topic stability for {low} to {high} topics")
        curve = stability_by_k(terms, vocab, range(low, high + 1), settings.seed, settings.topic_fit_sample,
                               progress=lambda done, total: progress(0.6 + 0.1 * done / total,
                                                                     f"Topic stability: {done} of {total} measured"))
        if index_folder is not None:
            write_curve(curve_path(index_folder, digest), curve_record(curve, len(table.texts)))
    # Only a curve the build would have measured anyway may choose k: the same inputs then always give the same
    # default, whether or not a curve was measured on request before (links without `k` rely on it).
    measured_at_build = len(table.texts) <= settings.stability_curve_at_build
    topic_choice = _topic_number(settings, fixed_topics, curve if measured_at_build else None)

    progress(0.7, f"Fitting {topic_choice['k']} topics")
    model = TopicModel(n_topics=topic_choice["k"], seed=settings.seed, max_fit_samples=settings.topic_fit_sample)
    model.fit(terms, vocab)

    progress(0.95, "Writing the index")
    doc_table = _doc_table(docs, table, themes)
    passages = pd.DataFrame(
        {
            "doc": table.doc_rows,
            "position": table.positions,
            "text": table.texts,
            "topic": np.asarray(model.topic_, dtype=np.int32),
            "x": model.coords_[:, 0].astype(np.float32),
            "y": model.coords_[:, 1].astype(np.float32),
            "year": pd.array(doc_table["year"].to_numpy()[table.doc_rows] if len(table.doc_rows) else [], dtype="Int64"),
        }
    )
    manifest = {
        "fingerprint": fingerprint,
        "corpuslens_version": __version__,
        "settings": settings.as_dict(),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": round(time.perf_counter() - started, 3),
        "documents": len(docs),
        "passages": len(table.texts),
        "sentences": int(len(table.sentence_passage)),
        "stopwords": sorted(stopwords),
        "topic_number": topic_choice,
        "terms_digest": digest,
    }
    if curve is not None:
        manifest["topic_stability_by_k"] = curve_record(curve, len(table.texts))
    progress(1.0, "Index ready")
    return CorpusIndex(
        manifest=manifest,
        docs=doc_table,
        passages=passages,
        sentence_passage=table.sentence_passage,
        sentence_spans=table.sentence_spans,
        mentions=table.mentions,
        terms=terms,
        vocab=vocab,
        theme_hits=table.theme_hits,
        actor_passage=table.actor_passage,
        actor_sentence=table.actor_sentence,
        names=table.names,
        name_vocab=table.name_vocab,
        doc_topic=np.asarray(model.doc_topic_, dtype=np.float32),
        topic_terms=[list(t) for t in model.top_terms_],
        topic_labels=list(model.labels_),
        themes=themes,
        actors=actors,
        skipped=ingested.skipped,
    )


def _topic_number(settings: IndexSettings, fixed: int | None, curve) -> dict:
    """The index's own number of topics and what chose it: the settings (e.g. `--topics`), topics.yaml, the
    stability curve (its most stable k), or the fallback for a corpus whose curve was not measured."""
    if settings.n_topics is not None:
        return {"k": settings.n_topics, "chosen_by": "settings"}
    if fixed is not None:
        return {"k": fixed, "chosen_by": "topics.yaml"}
    best = most_stable_k(curve or [])
    if best is not None:
        return {"k": best, "chosen_by": "most stable"}
    return {"k": FALLBACK_TOPICS, "chosen_by": "fallback"}


def _doc_table(docs, table: PassageTable, themes) -> pd.DataFrame:
    n_docs = len(docs)
    counts = np.bincount(table.doc_rows, minlength=n_docs) if n_docs else np.zeros(0, int)
    tagged = (table.theme_hits > 0).astype(np.float64)
    # Share of each document's passages tagged with each theme.
    per_doc = sparse.csr_matrix(
        (np.ones(len(table.doc_rows)), (table.doc_rows, np.arange(len(table.doc_rows)))), shape=(n_docs, len(table.doc_rows))
    ) @ tagged
    per_doc = np.asarray(per_doc.todense()) if n_docs else np.zeros((0, len(themes)))
    shares = []
    for row, n in enumerate(counts):
        shares.append({t.id: round(float(per_doc[row, j] / n), 4) for j, t in enumerate(themes) if n and per_doc[row, j]})
    return pd.DataFrame(
        {
            "id": [d.id for d in docs],
            "file": [d.file for d in docs],
            "title": [d.title for d in docs],
            "authors": [list(d.authors) for d in docs],
            "publication": [d.publication for d in docs],
            "date": [d.date for d in docs],
            "year": pd.array([d.year for d in docs], dtype="Int64"),
            "url": [d.url for d in docs],
            "provenance": [dict(d.provenance) for d in docs],
            "duplicate_of": [d.duplicate_of for d in docs],
            "duplicate_kind": [d.duplicate_kind for d in docs],
            "passages": counts.astype(np.int64),
            "themes": shares,
            "removed": [[list(r) for r in d.removed] for d in docs],
            "encoding": [d.encoding for d in docs],
            "language": [d.language or None for d in docs],
            "catalog_note": [d.catalog_note for d in docs],
        }
    )
