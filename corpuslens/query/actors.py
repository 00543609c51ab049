"""The Actors view: co-mention matrices, the passages behind a pair, trends, uncovered names."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpuslens.analysis import comention, frequencies, keyness
from corpuslens.analysis.kwic import kwic as find_in_context
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.page_settings import setting
from corpuslens.query import name_candidates
from corpuslens.query.common import display_title, passage_ids, passage_table
from corpuslens.selection import passages_with_words
from corpuslens.textnorm import fold
from corpuslens.tokens import terms as countable_terms
from corpuslens.tokens import tokenize

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
                kinds: tuple[str, ...] = (), top: int = 20, year: int | None = None) -> CoMentions:
    """The `top` most mentioned actors of the chosen kinds, and how they are named together.

    `year`: only the selection's passages of that year (None: every year, unknown years included)."""
    if window not in WINDOWS or measure not in MEASURES:
        raise ValueError(f"window must be one of {WINDOWS} and measure one of {MEASURES}")
    if year is not None:
        mask = mask & (index.passage_year == year)
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
    """Frequent proper names in the selection that no actor covers: candidates for the dictionary, each with
    the passages using it as a name, the other forms found and an actors.yaml stub (see `name_candidates`)."""
    return name_candidates.listed_names(index, mask, n)


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


# -- The pair over the years ---------------------------------------------------------------

# A pair's NPMI is given only when each actor is named in at least this many of the units it is computed on
# (a year's sentences, or passages). Below that one shared sentence more or less swings the value across most of
# its range (two sentences naming each actor: -1 without a shared one, near +1 with one), so the counts are
# shown and the value is left empty.
MIN_UNITS_PER_ACTOR = 5
PAIR_COLUMNS = ["units", "units_a", "units_b", "both", "npmi", "enough"]


def selection_years(index: CorpusIndex, mask: np.ndarray) -> list[int]:
    """The known years of the selection's passages, ascending."""
    years = index.passage_year[mask]
    return [int(y) for y in np.unique(years[~np.isnan(years)])]


def _unit_years(index: CorpusIndex, window: str) -> np.ndarray:
    return index.passage_year[index.sentence_passage] if window == "sentence" else index.passage_year


def _pair_row(pair_occurrence, rows: np.ndarray) -> tuple:
    counts = comention.co_mention_counts(pair_occurrence, rows)
    units = int(rows.sum())
    enough = bool(min(counts[0, 0], counts[1, 1]) >= MIN_UNITS_PER_ACTOR)
    value = comention.npmi(counts, units)[0, 1] if enough else np.nan
    return units, int(counts[0, 0]), int(counts[1, 1]), int(counts[0, 1]), float(value), enough


def pair_association(index: CorpusIndex, mask: np.ndarray, actor_a: str, actor_b: str, window: str = "sentence",
                     by_year: bool = False) -> pd.DataFrame:
    """How two actors are named together in the selection: one row, or one row per known year (`by_year`;
    units of unknown year are then left out).

    Columns: (year,) units (sentences or passages), units_a and units_b (naming each actor), both (naming both),
    npmi (NaN when `enough` is False: either actor named in fewer than MIN_UNITS_PER_ACTOR units) and enough."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    a, b = index.actor_column[actor_a], index.actor_column[actor_b]
    occurrence, unit_mask = _units(index, mask, window)
    pair = occurrence[:, [a, b]]
    if not by_year:
        return pd.DataFrame([_pair_row(pair, unit_mask)], columns=PAIR_COLUMNS)
    unit_year = _unit_years(index, window)
    rows = [(year, *_pair_row(pair, unit_mask & (unit_year == year))) for year in selection_years(index, mask)]
    table = pd.DataFrame(rows, columns=["year", *PAIR_COLUMNS])
    return table.astype({"year": "int64"}) if rows else table


# -- The pair in their own words -------------------------------------------------------------

@dataclass
class Framing:
    """The words that set the units naming actor A apart from those naming actor B."""

    terms: pd.DataFrame  # keyness.COLUMNS; side "a": more in A's units, "b": more in B's
    units_a: int  # units naming A and not B
    units_b: int  # units naming B and not A
    units_both: int  # units naming both: counted on neither side
    window: str
    read_a: int = 0  # units whose words were counted: all of units_a, or an even sample of MAX_SENTENCES_READ
    read_b: int = 0


def framing_units(index: CorpusIndex, mask: np.ndarray, actor_a: str, actor_b: str,
                  window: str = "sentence") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The selection's units (sentence or passage numbers) naming only A, only B, and both."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {WINDOWS}")
    occurrence, unit_mask = _units(index, mask, window)
    a, b = index.actor_column[actor_a], index.actor_column[actor_b]
    naming_a = comention.units_with_both(occurrence, a, a, rows=unit_mask)
    naming_b = comention.units_with_both(occurrence, b, b, rows=unit_mask)
    return (np.setdiff1d(naming_a, naming_b), np.setdiff1d(naming_b, naming_a),
            np.intersect1d(naming_a, naming_b))


def _unit_texts(index: CorpusIndex, units: np.ndarray, window: str) -> list[str]:
    texts = index.passages["text"].to_numpy()
    if window == "passage":
        return list(texts[units])
    spans = index.sentence_spans[units]
    return [texts[p][start:end] for p, (start, end) in zip(index.sentence_passage[units], spans)]


def _unit_rows(index: CorpusIndex, units: np.ndarray, window: str) -> np.ndarray:
    """The passage row of each unit."""
    return index.sentence_passage[units] if window == "sentence" else units


# Sentences read per side for a framing. Sentences are tokenised when asked for (~50 µs each); beyond this many an
# even sample across the selection (in corpus order) is read, which keeps a popular actor's framing within about a
# second on a large corpus and is ample evidence for log-odds.
MAX_SENTENCES_READ = 20_000


def even_sample(units: np.ndarray, most: int) -> np.ndarray:
    """At most `most` of `units`, evenly spread over them in their order (all when there are no more)."""
    if len(units) <= most:
        return units
    return units[np.unique(np.linspace(0, len(units) - 1, most).round().astype(np.intp))]


def unit_term_counts(index: CorpusIndex, units: np.ndarray, window: str = "sentence") -> np.ndarray:
    """Counts of every vocabulary term over the given units. Passages are read from the index's term matrix;
    sentences are tokenised as the index tokenises passages (phrases count when the vocabulary holds them)."""
    if window == "passage":
        return frequencies.selection_counts(index.terms, np.asarray(units, dtype=np.intp))
    column = index.term_column
    found = [column[t] for text in _unit_texts(index, units, window)
             for t in countable_terms(text, index.stopwords) if t in column]
    return np.bincount(np.asarray(found, dtype=np.intp), minlength=len(index.vocab)).astype(np.float64)


def _own_name_columns(index: CorpusIndex, actor_ids, columns: np.ndarray) -> np.ndarray:
    """Those of `columns` whose term is, or holds, a word of one of the actors' names (label or alias):
    "putin", "vladimir putin", "president vladimir"."""
    words = {word for actor_id in actor_ids for name in (index.actor(actor_id).label, *index.actor(actor_id).aliases)
             for word in tokenize(name)}
    terms = index.vocab[columns]
    return columns[[bool(words.intersection(str(term).split())) for term in terms]] if len(columns) else columns


def framing_terms(index: CorpusIndex, mask: np.ndarray, actor_a: str, actor_b: str, window: str = "sentence",
                  top: int = 20) -> Framing:
    """Fightin' Words (log-odds with an informative Dirichlet prior, as for two selections) of the units naming
    A against those naming B. Units naming both carry no contrast between the two and are left out of both
    sides. The two actors' own names are left out too: every unit naming A uses one, so they would only say
    which actor each side names. The prior is the whole corpus, and a term must occur twice on the two sides
    together, as in the selection comparison."""
    only_a, only_b, both = framing_units(index, mask, actor_a, actor_b, window)
    sizes = (len(only_a), len(only_b), len(both))
    if only_a.size == 0 or only_b.size == 0:
        table = pd.DataFrame(columns=keyness.COLUMNS)
    else:
        if window == "sentence":
            only_a, only_b = even_sample(only_a, MAX_SENTENCES_READ), even_sample(only_b, MAX_SENTENCES_READ)
        counts_a, counts_b = unit_term_counts(index, only_a, window), unit_term_counts(index, only_b, window)
        own_names = _own_name_columns(index, (actor_a, actor_b), np.flatnonzero(counts_a + counts_b))
        counts_a[own_names] = counts_b[own_names] = 0
        table = keyness.distinctive_terms(counts_a, counts_b, index.vocab, prior=index.corpus_term_counts, top=top,
                                          side="both", min_count=2)
    return Framing(table, *sizes, window, read_a=len(only_a), read_b=len(only_b))


FRAMING_KWIC_COLUMNS = ["side", "passage", "doc", "title", "year", "left", "match", "right"]


def framing_kwic(index: CorpusIndex, mask: np.ndarray, actor_a: str, actor_b: str, term: str,
                 window: str = "sentence", width: int = 70, limit: int = 200) -> pd.DataFrame:
    """The term in context in the units behind a framing: those naming only A (side "a"), then only B ("b")."""
    frames = []
    holding = passages_with_words(index, term)  # only units of passages holding the term are read
    for side, units in zip("ab", framing_units(index, mask, actor_a, actor_b, window)[:2]):
        units = units[holding[_unit_rows(index, units, window)]]
        hits = find_in_context(_unit_texts(index, units, window), term, width=width, limit=limit)
        if not hits:
            continue
        rows = _unit_rows(index, units[[h["row"] for h in hits]], window)
        docs = index.docs.iloc[index.passage_doc[rows]]
        frames.append(pd.DataFrame({
            "side": side, "passage": passage_ids(index, rows), "doc": docs["id"].to_numpy(),
            "title": [display_title(t) for t in docs["title"]], "year": docs["year"].to_numpy(),
            "left": [h["left"] for h in hits], "match": [h["match"] for h in hits],
            "right": [h["right"] for h in hits],
        }))
    return pd.concat(frames, ignore_index=True)[FRAMING_KWIC_COLUMNS] if frames else \
        pd.DataFrame(columns=FRAMING_KWIC_COLUMNS)
