"""Documents to passages and sentences, with their theme hits, actor mentions and names."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from corpuslens.ingest import split_passages, split_sentences
from corpuslens.matching import ActorMatcher, ThemeTagger, proper_name_candidates
from corpuslens.model import Actor, Document, Theme
from corpuslens.settings import IndexSettings


@dataclass
class PassageTable:
    texts: list[str]
    doc_rows: np.ndarray  # passage -> row of its document
    positions: np.ndarray  # passage -> its order within the document
    sentence_passage: np.ndarray
    sentence_spans: np.ndarray  # sentences x 2
    mentions: pd.DataFrame
    theme_hits: sparse.csr_matrix
    actor_passage: sparse.csr_matrix
    actor_sentence: sparse.csr_matrix
    names: sparse.csr_matrix
    name_vocab: np.ndarray


def passage_table(docs: list[Document], themes: list[Theme], actors: list[Actor], settings: IndexSettings) -> PassageTable:
    matcher = ActorMatcher(actors)
    tagger = ThemeTagger(themes)
    actor_col = {a.id: i for i, a in enumerate(actors)}
    theme_col = {t.id: i for i, t in enumerate(themes)}

    texts: list[str] = []
    doc_rows: list[int] = []
    positions: list[int] = []
    sent_passage: list[int] = []
    sent_spans: list[tuple[int, int]] = []
    mention_rows: dict[str, list] = {k: [] for k in ("passage", "sentence", "actor", "start", "end", "alias")}
    theme_coo: tuple[list, list, list] = ([], [], [])
    name_ids: dict[str, int] = {}
    name_coo: tuple[list, list] = ([], [])

    for row, doc in enumerate(docs):
        if doc.duplicate_of:
            continue  # a copy owns no passages: it is kept out of every count
        doc_passages = split_passages(doc.paragraphs, settings.max_passage_words)
        doc_themes = tagger.tag_passages(doc_passages)
        for position, text in enumerate(doc_passages):
            p = len(texts)
            texts.append(text)
            doc_rows.append(row)
            positions.append(position)
            spans = split_sentences(text) or [(0, len(text))]
            first_sentence = len(sent_spans)
            sent_spans.extend(spans)
            sent_passage.extend([p] * len(spans))
            starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))

            mentions = matcher.find(text)
            for m in mentions:
                sentence = first_sentence + int(np.searchsorted(starts, m.start, side="right")) - 1
                mention_rows["passage"].append(p)
                mention_rows["sentence"].append(max(sentence, first_sentence))
                mention_rows["actor"].append(actor_col[m.actor])
                mention_rows["start"].append(m.start)
                mention_rows["end"].append(m.end)
                mention_rows["alias"].append(m.alias)

            for theme_id, hits in doc_themes[position].items():
                if hits:
                    theme_coo[0].append(p)
                    theme_coo[1].append(theme_col[theme_id])
                    theme_coo[2].append(hits)

            for name in proper_name_candidates(text, mentions):
                name_coo[0].append(p)
                name_coo[1].append(name_ids.setdefault(name, len(name_ids)))

    n_p, n_s = len(texts), len(sent_spans)
    mentions_df = pd.DataFrame(mention_rows).astype(
        {"passage": np.int32, "sentence": np.int32, "actor": np.int16, "start": np.int32, "end": np.int32, "alias": str}
    )
    ones = np.ones(len(mentions_df), dtype=np.int32)
    actor_passage = sparse.csr_matrix(
        (ones, (mentions_df["passage"].to_numpy(), mentions_df["actor"].to_numpy())), shape=(n_p, len(actors))
    )
    actor_sentence = sparse.csr_matrix(
        (ones, (mentions_df["sentence"].to_numpy(), mentions_df["actor"].to_numpy())), shape=(n_s, len(actors))
    )
    # Presence, not counts: two mentions of one actor in a sentence are one co-mention unit.
    actor_sentence = (actor_sentence > 0).astype(np.int8).tocsr()
    theme_hits = sparse.csr_matrix(
        (np.asarray(theme_coo[2], dtype=np.int32), (theme_coo[0], theme_coo[1])), shape=(n_p, len(themes))
    )
    names = sparse.csr_matrix(
        (np.ones(len(name_coo[0]), dtype=np.int32), name_coo), shape=(n_p, len(name_ids))
    )
    return PassageTable(
        texts=texts,
        doc_rows=np.asarray(doc_rows, dtype=np.int64),
        positions=np.asarray(positions, dtype=np.int32),
        sentence_passage=np.asarray(sent_passage, dtype=np.int32),
        sentence_spans=np.asarray(sent_spans, dtype=np.int32).reshape(-1, 2),
        mentions=mentions_df,
        theme_hits=theme_hits,
        actor_passage=actor_passage,
        actor_sentence=actor_sentence,
        names=names,
        name_vocab=np.asarray(list(name_ids), dtype=object),
    )
