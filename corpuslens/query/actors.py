"""The Actors view: co-mention matrices, the passages behind a pair, trends, uncovered names."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpuslens.analysis import comention
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.query.common import passage_table
from corpuslens.page_settings import setting
from corpuslens.textnorm import fold

MEASURES = setting("measure").values
WINDOWS = setting("window").values


@dataclass
class CoMentions:
    ids: list[str]
    labels: list[str]
    values: np.ndarray  # the chosen measure, actors x actors
    counts: np.ndarray  # raw co-mention counts, actors x actors (diagonal: units mentioning the actor)
    units: int  # sentences or passages in the selection
    window: str
    measure: str

    def as_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.values, index=self.labels, columns=self.labels)

    def pair_at(self, row: int, column: int) -> tuple[str, str] | None:
        """The two actor ids of a heatmap cell (row, column), or None off the matrix or on its diagonal."""
        n = len(self.ids)
        if not (0 <= row < n and 0 <= column < n) or row == column:
            return None
        return self.ids[row], self.ids[column]

    def pairs_table(self) -> pd.DataFrame:
        """Every pair once (the diagonal: units naming the actor), for export: ids, names, the raw
        co-mention count and, unless the measure is the count itself, the measure."""
        i, j = np.triu_indices(len(self.ids))
        ids, labels = np.array(self.ids, dtype=object), np.array(self.labels, dtype=object)
        table = pd.DataFrame({
            "actor_a": ids[i], "actor_b": ids[j], "name_a": labels[i], "name_b": labels[j],
            f"{self.window}s_naming_both": self.counts[i, j].astype(np.int64),
        })
        if self.measure != "count":
            table[self.measure] = self.values[i, j]
        table[f"{self.window}s_in_selection"] = self.units
        return table


def _units(index: CorpusIndex, mask: np.ndarray, window: str):
    if window == "sentence":
        return index.actor_sentence, mask[index.sentence_passage]
    return index.actor_passage, mask


def co_mentions(index: CorpusIndex, mask: np.ndarray, window: str = "sentence", measure: str = "count",
                kinds: tuple[str, ...] = (), top: int = 20) -> CoMentions:
    """The `top` most mentioned actors of the chosen kinds, and how they are named together."""
    if window not in WINDOWS or measure not in MEASURES:
        raise ValueError(f"window must be one of {WINDOWS} and measure one of {MEASURES}")
    occurrence, unit_mask = _units(index, mask, window)
    allowed = np.array([not kinds or a.kind in kinds for a in index.actors], dtype=bool)
    counts = comention.co_mention_counts(occurrence, unit_mask)
    diagonal = np.where(allowed, np.diag(counts), 0)
    chosen = comention.top_actors(np.diag(diagonal), top)
    counts = counts[np.ix_(chosen, chosen)]
    n_units = int(unit_mask.sum())
    if measure == "count":
        values = counts.astype(float)
    elif measure == "jaccard":
        values = comention.jaccard(counts)
    else:
        values = comention.npmi(counts, n_units)
    return CoMentions(
        ids=[index.actors[i].id for i in chosen],
        labels=[index.actors[i].label for i in chosen],
        values=values,
        counts=counts,
        units=n_units,
        window=window,
        measure=measure,
    )


def pair_passages(index: CorpusIndex, mask: np.ndarray, actor_a: str, actor_b: str, window: str = "sentence",
                  limit: int = 200) -> tuple[pd.DataFrame, int]:
    """Passages where both actors are named (in one sentence, or one passage), with the spans to highlight.

    Returns the passage table (first `limit`) with a `highlights` column of (start, end, actor id), and the total.
    """
    a, b = index.actor_column[actor_a], index.actor_column[actor_b]
    occurrence, unit_mask = _units(index, mask, window)
    units = comention.units_with_both(occurrence, a, b, rows=unit_mask)
    rows = np.unique(index.sentence_passage[units]) if window == "sentence" else units
    total = len(rows)
    rows = rows[:limit]
    table = passage_table(index, rows)
    mentions = index.mentions
    wanted = mentions[mentions["passage"].isin(rows) & mentions["actor"].isin([a, b])]
    by_passage = {p: list(zip(g["start"], g["end"], [index.actors[i].id for i in g["actor"]])) for p, g in wanted.groupby("passage")}
    table["highlights"] = [by_passage.get(p, []) for p in rows]
    return table, total


def actor_trend(index: CorpusIndex, mask: np.ndarray, actor_ids: list[str]) -> pd.DataFrame:
    """Selected passages mentioning each actor, per known year: year, actor, passages, share."""
    years = index.passage_year
    keep = mask & ~np.isnan(years)
    columns = ["year", "actor", "passages", "share"]
    if not keep.any() or not actor_ids:
        return pd.DataFrame(columns=columns)
    year_values = years[keep].astype(int)
    first = year_values.min()
    per_year = np.bincount(year_values - first)
    frames = []
    for actor_id in actor_ids:
        column = index.actor_column[actor_id]
        mentioned = np.asarray(index.actor_mentioned[:, column].todense()).ravel()[keep]
        hits = np.bincount(year_values - first, weights=mentioned.astype(float), minlength=len(per_year))
        present = np.flatnonzero(per_year)
        frames.append(pd.DataFrame({
            "year": present + first,
            "actor": index.actor(actor_id).label,
            "passages": hits[present].astype(int),
            "share": hits[present] / per_year[present],
        }))
    return pd.concat(frames, ignore_index=True)[columns]


def actor_mentions(index: CorpusIndex, mask: np.ndarray) -> pd.DataFrame:
    """Every actor with its mentions and passages in the selection, most mentioned first."""
    selected = index.actor_passage[mask]
    mentions = np.asarray(selected.sum(axis=0)).ravel()
    passages = np.bincount(selected.indices, minlength=len(index.actors))
    table = pd.DataFrame({
        "id": [a.id for a in index.actors],
        "actor": [a.label for a in index.actors],
        "kind": [a.kind for a in index.actors],
        "mentions": mentions.astype(int),
        "passages": passages.astype(int),
    })
    return table[table["mentions"] > 0].sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def uncovered_names(index: CorpusIndex, mask: np.ndarray, n: int = 30) -> pd.DataFrame:
    """Frequent proper names in the selection that no actor covers: candidates for the dictionary."""
    if index.names.shape[1] == 0 or not mask.any():
        return pd.DataFrame(columns=["name", "passages"])
    passages = np.bincount(index.names[mask].indices, minlength=index.names.shape[1])
    order = np.lexsort((index.name_vocab.astype(str), -passages))[:n]
    order = order[passages[order] > 0]
    return pd.DataFrame({"name": index.name_vocab[order].astype(str), "passages": passages[order].astype(int)})


# Smallest co-mention value drawn as a link in the network view, per measure: a single shared
# sentence for counts; for Jaccard and NPMI, only clearly positive associations (at NPMI 0 two
# actors co-occur exactly as often as chance predicts).
NETWORK_MIN_VALUE = {"count": 1.0, "jaccard": 0.05, "npmi": 0.1}


def resolve_actor(index: CorpusIndex, value: str) -> str | None:
    """An actor id from a link or a form: the id itself, or any name or alias of the actor (case-folded)."""
    value = (value or "").strip()
    if not value:
        return None
    if value in index.actor_column:
        return value
    wanted = fold(value)
    for actor in index.actors:
        if wanted == fold(actor.label) or wanted in (fold(alias) for alias in actor.aliases):
            return actor.id
    return None


def trend_actors(result: CoMentions, actor_a: str = "", actor_b: str = "", n: int = 5) -> list[str]:
    """Whose mentions over the years to draw: the chosen pair when there is one, else the `n` most mentioned."""
    chosen = [a for a in dict.fromkeys((actor_a, actor_b)) if a]
    return chosen if chosen else result.ids[:n]
