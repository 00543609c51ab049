"""What a validation target tags, and why each of its passages matched.

A target is written `theme:ID`, `actor:ID`, `pair:ID,ID` (both actors named in one sentence) or
`topic:N` (topic N of the index's model; `topic:N@K` for topic N of a model with K topics). The
same string names the target in links, on the command line and in the judgments database.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corpuslens.analysis import comention
from corpuslens.index.corpus_index import CorpusIndex, Topics
from corpuslens.matching import ThemeTagger
from corpuslens.query.actors import resolve_actor
from corpuslens.query.topics import topic_index, topic_label

KINDS = ("theme", "actor", "pair", "topic")


class UnknownTarget(ValueError):
    """The target string is malformed or names something this corpus does not have."""


@dataclass(frozen=True)
class Target:
    kind: str  # one of KINDS
    ids: tuple[str, ...]  # theme id; actor id; two actor ids; topic number (1-based) as text
    n_topics: int | None = None  # topics only: the model's number of topics (None: the index's own)

    def __str__(self) -> str:
        if self.kind == "topic":
            return f"topic:{self.ids[0]}" + (f"@{self.n_topics}" if self.n_topics else "")
        return f"{self.kind}:{','.join(self.ids)}"

    @property
    def topic(self) -> int:
        """The 0-based topic of a topic target."""
        return topic_index(int(self.ids[0]))


def theme_target(theme_id: str) -> Target:
    return Target("theme", (theme_id,))


def actor_target(actor_id: str) -> Target:
    return Target("actor", (actor_id,))


def pair_target(actor_a: str, actor_b: str) -> Target:
    """A pair in a canonical order, so that A–B and B–A share their judgments."""
    return Target("pair", tuple(sorted((actor_a, actor_b))))


def topic_target(index: CorpusIndex, topic: int, n_topics: int) -> Target:
    """Topic `topic` (1-based) of the model with `n_topics` topics; the index's own model needs no suffix."""
    return Target("topic", (str(topic),), None if n_topics == index.n_topics else n_topics)


def parse_target(index: CorpusIndex, text: str) -> Target:
    """A target string, checked against the corpus; actors may be named by any alias. Raises UnknownTarget."""
    kind, _, rest = (text or "").strip().partition(":")
    rest = rest.strip()
    if kind not in KINDS or not rest:
        raise UnknownTarget(f"{text!r} is not a target: write theme:ID, actor:ID, pair:ID,ID or topic:N")
    if kind == "theme":
        if rest not in index.theme_column:
            raise UnknownTarget(f"{rest!r} is not a theme of this corpus")
        return theme_target(rest)
    if kind in ("actor", "pair"):
        names = [n.strip() for n in rest.split(",")]
        if len(names) != (1 if kind == "actor" else 2):
            raise UnknownTarget(f"{kind}: needs {'one actor' if kind == 'actor' else 'two actors, comma-separated'}")
        ids = [resolve_actor(index, n) for n in names]
        for name, actor_id in zip(names, ids):
            if actor_id is None:
                raise UnknownTarget(f"{name!r} is not an actor of this corpus")
        if kind == "actor":
            return actor_target(ids[0])
        if ids[0] == ids[1]:
            raise UnknownTarget("a pair needs two different actors")
        return pair_target(*ids)
    number, _, k = rest.partition("@")
    try:
        topic, n_topics = int(number), int(k) if k else index.n_topics
    except ValueError:
        raise UnknownTarget(f"topic: {rest!r} is not a topic number (N or N@K)") from None
    if not 3 <= n_topics <= 20 and n_topics != index.n_topics:
        raise UnknownTarget(f"topic: a model has 3 to 20 topics, not {n_topics}")
    if not 1 <= topic <= n_topics:
        raise UnknownTarget(f"topic: {topic} is not between 1 and {n_topics}")
    return topic_target(index, topic, n_topics)


def target_label(index: CorpusIndex, target: Target, topics: Topics | None = None) -> str:
    """The target as a person reads it: "Theme: Energy and the Caspian", "Pair: Russia and Turkey"."""
    if target.kind == "theme":
        return f"Theme: {index.theme(target.ids[0]).label}"
    if target.kind == "actor":
        return f"Actor: {index.actor(target.ids[0]).label}"
    if target.kind == "pair":
        a, b = (index.actor(i).label for i in target.ids)
        return f"Pair: {a} and {b} (named in one sentence)"
    label = topic_label(topics, target.topic) if topics is not None else f"T{target.ids[0]}"
    return f"Topic: {label}" + (f" (model with {target.n_topics} topics)" if target.n_topics else "")


def target_mask(index: CorpusIndex, target: Target, topics: Topics | None = None) -> np.ndarray:
    """Boolean per passage: True where the target tags the passage (in the whole corpus, duplicates excepted)."""
    if target.kind == "theme":
        column = index.theme_column[target.ids[0]]
        tagged = index.theme_tagged[:, column].toarray().ravel()
    elif target.kind == "actor":
        tagged = index.actor_mentioned[:, index.actor_column[target.ids[0]]].toarray().ravel()
    elif target.kind == "pair":
        a, b = (index.actor_column[i] for i in target.ids)
        sentences = comention.units_with_both(index.actor_sentence, a, b)
        tagged = np.zeros(index.n_passages, dtype=bool)
        tagged[index.sentence_passage[sentences]] = True
    else:
        tagged = (topics or index.topics).topic == target.topic
    return np.asarray(tagged, dtype=bool) & index.live_docs[index.passage_doc]


def _neighbours(index: CorpusIndex, row: int) -> list[str]:
    """The passages before and after `row` in its document: context rules of themes look at them."""
    texts, doc = index.passages["text"].to_numpy(), index.passage_doc
    return [texts[r] for r in (row - 1, row + 1) if 0 <= r < index.n_passages and doc[r] == doc[row]]


def evidence(index: CorpusIndex, target: Target, row: int, tagger: ThemeTagger | None = None,
             topics: Topics | None = None) -> tuple[list[tuple[int, int, str]], str]:
    """Why `row` carries the target: (start, end, label) spans to highlight, and the rule or aliases that matched.

    Themes: each counted match of the theme with its term and rule (as `ThemeTagger.explain` says);
    actors and pairs: the mentions table's spans and aliases; topics: no words, the topic weight."""
    text = index.passages["text"].to_numpy()[row]
    if target.kind == "theme":
        tagger = tagger or ThemeTagger(index.themes)
        found = [(s, e, f"'{term}' ({rule})") for s, e, theme, term, rule in tagger.explain(text, _neighbours(index, row))
                 if theme == target.ids[0]]
        return found, "; ".join(dict.fromkeys(why for _, _, why in found))
    if target.kind in ("actor", "pair"):
        columns = [index.actor_column[i] for i in target.ids]
        mentions = index.mentions
        rows = mentions[(mentions["passage"] == row) & mentions["actor"].isin(columns)]
        spans = [(int(s), int(e), index.actors[int(a)].id) for s, e, a in zip(rows["start"], rows["end"], rows["actor"])]
        aliases = [f"{index.actors[int(a)].label}: '{alias}'" for a, alias in zip(rows["actor"], rows["alias"])]
        return sorted(spans), "; ".join(dict.fromkeys(aliases))
    weight = float((topics or index.topics).doc_topic[row, target.topic])
    return [], f"best topic, weight {weight:.2f}"
