"""Writing and reading an index folder.

Layout of one index: parquet tables, scipy `.npz` matrices, numpy arrays, and
`manifest.json`, which is written last: a folder without a readable manifest whose
fingerprint matches is never trusted.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.model import Actor, SkippedFile, Theme

_MATRICES = ("terms", "theme_hits", "actor_passage", "actor_sentence", "names")
_JSON_DOC_COLUMNS = ("authors", "provenance", "themes", "removed")


class CorruptIndex(Exception):
    """The folder is not a complete index of the expected format."""


def save(index: CorpusIndex, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    docs = index.docs.copy()
    for col in _JSON_DOC_COLUMNS:
        docs[col] = docs[col].map(lambda v: json.dumps(v, ensure_ascii=False))
    docs.to_parquet(folder / "docs.parquet", index=False)
    index.passages.to_parquet(folder / "passages.parquet", index=False)
    index.mentions.to_parquet(folder / "mentions.parquet", index=False)
    for name in _MATRICES:
        sparse.save_npz(folder / f"{name}.npz", getattr(index, name).tocsr(), compressed=False)
    np.savez(
        folder / "arrays.npz",
        sentence_passage=index.sentence_passage,
        sentence_spans=index.sentence_spans,
        doc_topic=index.doc_topic,
        vocab=index.vocab.astype(str),
        name_vocab=index.name_vocab.astype(str),
    )
    manifest = dict(index.manifest)
    manifest.update(
        topic_terms=index.topic_terms,
        topic_labels=index.topic_labels,
        themes=[asdict(t) for t in index.themes],
        actors=[asdict(a) for a in index.actors],
        skipped=[asdict(s) for s in index.skipped],
    )
    # The manifest goes last: its presence marks the folder complete.
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def read_manifest(folder: Path) -> dict | None:
    """The manifest as a dict, or None when it is missing, unreadable or not a JSON object."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def load(folder: Path) -> CorpusIndex:
    manifest = read_manifest(folder)
    if manifest is None:
        raise CorruptIndex(f"{folder} has no readable manifest")
    try:
        docs = pd.read_parquet(folder / "docs.parquet")
        for col in _JSON_DOC_COLUMNS:
            docs[col] = docs[col].map(json.loads)
        passages = pd.read_parquet(folder / "passages.parquet")
        mentions = pd.read_parquet(folder / "mentions.parquet")
        matrices = {name: sparse.load_npz(folder / f"{name}.npz").tocsr() for name in _MATRICES}
        with np.load(folder / "arrays.npz", allow_pickle=False) as arrays:
            arrays = {k: arrays[k] for k in arrays.files}
    except Exception as exc:  # any damage to any file means the same thing: rebuild
        raise CorruptIndex(f"{folder} is damaged: {exc}") from exc
    try:
        index = _assemble(folder, manifest, docs, passages, mentions, matrices, arrays)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a manifest with missing or malformed entries
        raise CorruptIndex(f"{folder} has a malformed manifest: {exc!r}") from exc
    _check_consistent(index)
    return index


def _assemble(folder: Path, manifest: dict, docs, passages, mentions, matrices, arrays) -> CorpusIndex:
    return CorpusIndex(
        manifest={k: v for k, v in manifest.items() if k not in ("themes", "actors", "skipped", "topic_terms", "topic_labels")},
        docs=docs,
        passages=passages,
        sentence_passage=arrays["sentence_passage"],
        sentence_spans=arrays["sentence_spans"],
        mentions=mentions,
        vocab=arrays["vocab"].astype(object),
        name_vocab=arrays["name_vocab"].astype(object),
        doc_topic=arrays["doc_topic"],
        topic_terms=manifest["topic_terms"],
        topic_labels=manifest["topic_labels"],
        themes=[Theme(**{k: tuple(v) if isinstance(v, list) else v for k, v in t.items()}) for t in manifest["themes"]],
        actors=[Actor(**{**a, "aliases": tuple(a["aliases"])}) for a in manifest["actors"]],
        skipped=[SkippedFile(**s) for s in manifest["skipped"]],
        path=folder,
        **matrices,
    )


def _check_consistent(index: CorpusIndex) -> None:
    n = index.n_passages
    shapes = {
        "terms": index.terms.shape[0],
        "theme_hits": index.theme_hits.shape[0],
        "actor_passage": index.actor_passage.shape[0],
        "names": index.names.shape[0],
        "doc_topic": index.doc_topic.shape[0],
    }
    bad = [name for name, rows in shapes.items() if rows != n]
    if bad or index.terms.shape[1] != len(index.vocab) or index.actor_sentence.shape[0] != len(index.sentence_passage):
        raise CorruptIndex(f"index tables disagree in size: {bad or 'vocab/sentences'}")
