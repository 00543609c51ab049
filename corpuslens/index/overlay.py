"""A session's own index: the shared index plus a visitor's uploaded documents, in memory only.

Why a merge and not a rebuild: the shared index must never change (other visitors read the same object, and
nothing a visitor does may touch the disk), and rebuilding a 100,000-passage corpus per upload is too slow.
So the uploads alone are split, tagged and counted with the shared index's own lexicons, stopwords and
settings, and every table is joined to copies of the shared ones:

- documents, passages, sentences and mentions are concatenated, with row offsets added to the uploads' rows;
- the term vocabulary is the sorted union (shared terms keep their order, so shared columns are only
  renumbered); a new two-word phrase enters only if it occurs in `phrase_min_passages` uploaded passages,
  the rule of the shared build; proper names not covered by an actor are a union in first-seen order;
- theme and actor matrices are stacked (same lexicons, same columns);
- the topic model is refitted on the merged matrix with the shared settings, so uploads get topics and map
  positions (and the topics may shift a little for this session, which is the honest result);
- the result has its own fingerprint, the shared one plus a hash of the uploads, so cached results of the
  shared index and of this session never mix.

An upload whose text equals a live shared document (same normalised text) is marked as its exact
duplicate and, like every copy, owns no passages.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from scipy import sparse

from corpuslens.analysis.topics import TopicModel
from corpuslens.index.build import _doc_table
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.index.languages import passage_stopwords
from corpuslens.index.passage_table import passage_table
from corpuslens.index.vocabulary import count_terms
from corpuslens.ingest.duplicates import normalised_text
from corpuslens.model import Document, SkippedFile
from corpuslens.settings import IndexSettings


def shared_text_hashes(index: CorpusIndex) -> dict[str, str]:
    """Content hash (as ingestion computes it) -> id of each live shared document, from its passages.

    Passages are the document's paragraphs split at sentence boundaries, and the hash collapses all
    whitespace, so joining them gives the same hash as the paragraphs did at build time."""
    texts: dict[int, list[str]] = {}
    for row, text in zip(index.passage_doc, index.passages["text"]):
        texts.setdefault(int(row), []).append(text)
    ids = index.docs["id"].to_numpy()
    return {hashlib.sha256(normalised_text(parts).encode("utf-8")).hexdigest(): str(ids[row])
            for row, parts in texts.items()}


def mark_shared_copies(documents: list[Document], hashes: dict[str, str]) -> None:
    """Uploads equal to a shared document become its exact duplicates (kept out of counts)."""
    for doc in documents:
        if doc.duplicate_of is None and doc.content_hash in hashes:
            doc.duplicate_of, doc.duplicate_kind = hashes[doc.content_hash], "exact"


def uploads_fingerprint(base: CorpusIndex, documents: list[Document], refused: list[SkippedFile] = ()) -> str:
    """The shared fingerprint extended by everything the uploads add: texts, metadata, refusals."""
    digest = hashlib.sha256(base.manifest["fingerprint"].encode())
    for doc in documents:
        digest.update(repr((doc.id, doc.content_hash, doc.title, doc.authors, doc.publication, doc.date,
                            doc.duplicate_of)).encode())
    for skipped in refused:
        digest.update(repr((skipped.file, skipped.reason)).encode())
    return digest.hexdigest()


def session_index(base: CorpusIndex, documents: list[Document], refused: list[SkippedFile] = ()) -> CorpusIndex:
    """A new CorpusIndex = `base` + `documents`; `base` and everything it holds is left untouched."""
    if not documents and not refused:
        return base
    settings = IndexSettings(**base.manifest["settings"])
    table = passage_table(documents, base.themes, base.actors, settings)
    n_docs, n_passages, n_sentences = len(base.docs), base.n_passages, len(base.sentence_passage)

    vocab, terms = _merged_terms(base, table.texts, settings.phrase_min_passages,
                                 passage_stopwords(documents, table.doc_rows, base.stopwords))
    name_vocab, names = _merged_names(base, table.names, table.name_vocab)
    model = TopicModel(n_topics=base.n_topics, seed=settings.seed, max_fit_samples=settings.topic_fit_sample)
    model.fit(terms, vocab)

    new_docs = _doc_table(documents, table, base.themes)
    docs = pd.concat([base.docs, new_docs], ignore_index=True)
    years = docs["year"].to_numpy()
    doc_rows = np.concatenate([base.passage_doc, table.doc_rows + n_docs])
    passages = pd.DataFrame({
        "doc": doc_rows,
        "position": np.concatenate([base.passages["position"].to_numpy(), table.positions]),
        "text": list(base.passages["text"]) + table.texts,
        "topic": np.asarray(model.topic_, dtype=np.int32),
        "x": model.coords_[:, 0].astype(np.float32),
        "y": model.coords_[:, 1].astype(np.float32),
        "year": pd.array(years[doc_rows] if len(doc_rows) else [], dtype="Int64"),
    })
    mentions = table.mentions.copy()
    mentions["passage"] += n_passages
    mentions["sentence"] += n_sentences
    manifest = dict(base.manifest)
    for key in ("topic_stability_by_k", "terms_digest"):  # the shared corpus's, not this session's
        manifest.pop(key, None)
    manifest.update(
        fingerprint=uploads_fingerprint(base, documents, list(refused)),
        base_fingerprint=base.manifest["fingerprint"],
        uploads=len(documents),
        documents=len(docs),
        passages=len(passages),
        sentences=n_sentences + len(table.sentence_passage),
    )
    return CorpusIndex(
        manifest=manifest,
        docs=docs,
        passages=passages,
        sentence_passage=np.concatenate([base.sentence_passage, table.sentence_passage + n_passages]).astype(np.int32),
        sentence_spans=np.concatenate([base.sentence_spans, table.sentence_spans]).astype(np.int32).reshape(-1, 2),
        mentions=pd.concat([base.mentions, mentions], ignore_index=True).astype(base.mentions.dtypes.to_dict()),
        terms=terms,
        vocab=vocab,
        theme_hits=sparse.vstack([base.theme_hits, table.theme_hits], format="csr"),
        actor_passage=sparse.vstack([base.actor_passage, table.actor_passage], format="csr"),
        actor_sentence=sparse.vstack([base.actor_sentence, table.actor_sentence], format="csr"),
        names=names,
        name_vocab=name_vocab,
        doc_topic=np.asarray(model.doc_topic_, dtype=np.float32),
        topic_terms=[list(t) for t in model.top_terms_],
        topic_labels=list(model.labels_),
        themes=list(base.themes),
        actors=list(base.actors),
        skipped=list(base.skipped) + list(refused),
        path=None,
    )


def _remap(matrix: sparse.csr_matrix, columns: np.ndarray, width: int) -> sparse.csr_matrix:
    """The same rows with column j moved to columns[j], in a new matrix (the input is not modified)."""
    matrix = matrix.tocsr()
    remapped = sparse.csr_matrix((matrix.data.copy(), columns[matrix.indices], matrix.indptr.copy()),
                                 shape=(matrix.shape[0], width))
    remapped.sort_indices()
    return remapped


def _merged_terms(base: CorpusIndex, texts: list[str], phrase_min: int,
                  stopwords: list[frozenset[str]]) -> tuple[np.ndarray, sparse.csr_matrix]:
    counts, found = count_terms(texts, base.stopwords, stopwords)
    known = np.isin(found.astype(str), base.vocab.astype(str))
    is_phrase = np.char.find(found.astype(str), " ") >= 0 if found.size else np.zeros(0, dtype=bool)
    passages_with = np.bincount(counts.indices, minlength=len(found))
    keep = known | ~is_phrase | (passages_with >= phrase_min)
    counts, found = counts[:, keep], found[keep]
    vocab = np.union1d(base.vocab.astype(str), found.astype(str)).astype(object)
    base_part = _remap(base.terms, np.searchsorted(vocab.astype(str), base.vocab.astype(str)), len(vocab))
    new_part = _remap(counts, np.searchsorted(vocab.astype(str), found.astype(str)), len(vocab))
    return vocab, sparse.vstack([base_part, new_part], format="csr").astype(base.terms.dtype)


def _merged_names(base: CorpusIndex, names: sparse.csr_matrix, found: np.ndarray) -> tuple[np.ndarray, sparse.csr_matrix]:
    column = {str(n): i for i, n in enumerate(base.name_vocab)}
    merged = list(base.name_vocab)
    for name in found:
        if str(name) not in column:
            column[str(name)] = len(merged)
            merged.append(name)
    width = len(merged)
    new_columns = np.asarray([column[str(n)] for n in found], dtype=np.int64)
    base_part = sparse.csr_matrix(base.names, copy=True)
    base_part.resize((base.names.shape[0], width))
    new_part = _remap(names, new_columns, width)
    return np.asarray(merged, dtype=object), sparse.vstack([base_part, new_part], format="csr").astype(base.names.dtype)
