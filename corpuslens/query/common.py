"""Helpers every view shares: the selection's size, validation choices, passage tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.filters import UNKNOWN, Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.textnorm import fold
from corpuslens.urlstate import Choices, choices_of

PASSAGE_COLUMNS = ["id", "doc", "file", "title", "authors", "publication", "year", "position", "text", "themes", "actors"]


def selection_size(index: CorpusIndex, mask: np.ndarray) -> tuple[int, int]:
    """(passages, documents) in the selection."""
    rows = np.flatnonzero(mask)
    return len(rows), len(np.unique(index.passage_doc[rows]))


def size_label(index: CorpusIndex, mask: np.ndarray) -> str:
    passages, docs = selection_size(index, mask)
    return f"{passages:,} passage{'s' * (passages != 1)} in {docs:,} document{'s' * (docs != 1)}"


def describe_filters(index: CorpusIndex, filters: Filters) -> str:
    """The filters in words, with theme and actor labels rather than ids; an actor says that any of its names
    counts ("Russia (any of its 17 names, e.g. Moscow, the Kremlin)"), since a link or the command line may
    have named it by one alias."""
    themes = {t.id: t.label for t in index.themes}

    def shown(spec, value) -> str:
        if spec.name == "themes":
            return themes.get(value, value)
        return actor_with_names(index, value) if spec.name == "actors" else str(value)

    return filters.describe(shown)


def actor_with_names(index: CorpusIndex, actor_id: str, examples: int = 2) -> str:
    if actor_id not in index.actor_column:
        return actor_id
    actor = index.actor(actor_id)
    names = list(dict.fromkeys([actor.label, *actor.aliases]))
    # Examples that do not merely repeat the label ("Moscow", not "Russian Federation") show best how wide it is.
    others = sorted((n for n in names if n != actor.label), key=lambda n: fold(actor.label) in fold(n))[:examples]
    if not others:
        return actor.label
    return f"{actor.label} (any of its {len(names)} names, e.g. {', '.join(others)})"


def choices_for(index: CorpusIndex) -> Choices:
    """What links and command-line filters may name in this corpus."""
    live = index.docs[index.live_docs]
    aliases = {fold(alias): actor.id for actor in index.actors for alias in actor.aliases}
    aliases.update({fold(actor.label): actor.id for actor in index.actors})
    return choices_of(
        authors=[a for a in index.author_docs if a != UNKNOWN],
        publications=[p for p in index.publication_docs if p != UNKNOWN],
        themes=[t.id for t in index.themes],
        actors=[a.id for a in index.actors],
        years=[int(y) for y in live["year"].dropna()],
        actor_aliases=aliases,
        languages=[lang for lang in index.language_docs if lang != UNKNOWN],
    )


def passage_ids(index: CorpusIndex, rows: np.ndarray) -> list[str]:
    """Stable passage ids: document id and the passage's number within it."""
    doc_ids = index.docs["id"].to_numpy()[index.passage_doc[rows]]
    positions = index.passages["position"].to_numpy()[rows] + 1
    return [f"{d}-p{p}" for d, p in zip(doc_ids, positions)]


def passage_row(index: CorpusIndex, passage_id: str) -> int | None:
    """The row of the passage with this id (see `passage_ids`), or None when the corpus has no such passage."""
    doc_id, _, number = (passage_id or "").strip().rpartition("-p")
    if not doc_id or not number.isdigit():
        return None
    docs = np.flatnonzero(index.docs["id"].to_numpy() == doc_id)
    if not len(docs):
        return None
    rows = np.flatnonzero((index.passage_doc == docs[0]) & (index.passages["position"].to_numpy() == int(number) - 1))
    return int(rows[0]) if len(rows) else None


def passage_table(index: CorpusIndex, rows: np.ndarray) -> pd.DataFrame:
    """Passages with their document's metadata, theme ids and actor ids: for lists and exports."""
    rows = np.asarray(rows, dtype=np.int64)
    docs = index.docs.iloc[index.passage_doc[rows]]
    theme_ids = np.array([t.id for t in index.themes], dtype=object)
    actor_ids = np.array([a.id for a in index.actors], dtype=object)
    tagged = index.theme_hits[rows]
    mentioned = index.actor_passage[rows]
    return pd.DataFrame(
        {
            "id": passage_ids(index, rows),
            "doc": docs["id"].to_numpy(),
            "file": docs["file"].to_numpy(),
            "title": docs["title"].to_numpy(),
            "authors": list(docs["authors"]),
            "publication": docs["publication"].to_numpy(),
            "year": docs["year"].to_numpy(),
            "position": index.passages["position"].to_numpy()[rows] + 1,
            "text": index.passages["text"].to_numpy()[rows],
            "themes": [list(theme_ids[tagged.indices[tagged.indptr[i]:tagged.indptr[i + 1]]]) for i in range(len(rows))],
            "actors": [list(actor_ids[mentioned.indices[mentioned.indptr[i]:mentioned.indptr[i + 1]]]) for i in range(len(rows))],
        },
        columns=PASSAGE_COLUMNS,
    )


def passage_start(text: str, chars: int = 160) -> str:
    """The first words of a passage, cut at a word and ending in "…" when shortened."""
    return text if len(text) <= chars else text[: chars - 1].rsplit(" ", 1)[0] + "…"


def display_title(title) -> str:
    return title if isinstance(title, str) and title else "(untitled)"
