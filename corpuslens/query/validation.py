"""The Validate view: a target's passages in the selection, the seeded sample of them, and why each matched."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.index.corpus_index import CorpusIndex, Topics
from corpuslens.matching import ThemeTagger
from corpuslens.query.common import passage_ids
from corpuslens.query.overview import unknown_label
from corpuslens.validation.judgments import text_key
from corpuslens.validation.sampling import stratified_sample
from corpuslens.validation.targets import Target, evidence, target_mask

SAMPLE_COLUMNS = ["id", "row", "title", "year", "position", "text", "highlights", "matched", "text_sha1"]


def target_rows(index: CorpusIndex, mask: np.ndarray, target: Target, topics: Topics | None = None) -> np.ndarray:
    """The selection's passages that the target tags."""
    return np.flatnonzero(mask & target_mask(index, target, topics))


def validation_sample(index: CorpusIndex, mask: np.ndarray, target: Target, n: int, seed: int,
                      topics: Topics | None = None, tagger: ThemeTagger | None = None) -> tuple[pd.DataFrame, int]:
    """`n` of the target's passages in the selection, drawn with `seed` (see `stratified_sample`), each with the
    spans to highlight and the rule or aliases that matched; and how many passages the target tags there."""
    rows = target_rows(index, mask, target, topics)
    chosen = stratified_sample(index.passage_doc, rows, n, seed)
    tagger = tagger or (ThemeTagger(index.themes) if target.kind == "theme" else None)
    found = [evidence(index, target, int(row), tagger, topics) for row in chosen]
    texts = index.passages["text"].to_numpy()[chosen]
    docs = index.docs.iloc[index.passage_doc[chosen]]
    table = pd.DataFrame({
        "id": passage_ids(index, chosen),
        "row": chosen,
        "title": [unknown_label(t) for t in docs["title"]],
        "year": [unknown_label(y) for y in docs["year"]],
        "position": index.passages["position"].to_numpy()[chosen] + 1,
        "text": texts,
        "highlights": [spans for spans, _ in found],
        "matched": [why for _, why in found],
        "text_sha1": [text_key(t) for t in texts],
    }, columns=SAMPLE_COLUMNS)
    return table, len(rows)
