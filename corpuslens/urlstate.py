"""The one owner of the mapping between a view's state and URL query parameters.

Parsing is strict and forgiving at once: every parameter is validated against what the
corpus offers, and anything unknown, malformed, out of range or oversized is dropped with
a notice naming it, never an error. No streamlit here, so the CLI and tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from corpuslens.filters import UNKNOWN, Filters
from corpuslens.textnorm import fold
from corpuslens.validation.sampling import DEFAULT_SAMPLE

MAX_VALUES_PER_KEY = 25
MAX_VALUE_CHARS = 200
MAX_KEYS = 60

# Filter fields and their URL keys. Selection B of the comparison uses the same keys with "b_".
FILTER_KEYS = {
    "author": "authors",
    "publication": "publications",
    "from": "year_from",
    "to": "year_to",
    "theme": "themes",
    "kw": "keywords",
    "actor": "actors",
    "q": "query",
}
_MULTI = {"authors", "publications", "themes", "keywords", "actors"}
B_PREFIX = "b_"
# The short id of the corpus a link was made on (corpuslens.index.corpora): opened on another, the app says so.
CORPUS_KEY = "corpus"


@dataclass(frozen=True)
class ViewParam:
    """One page setting in the URL: a choice, a bounded integer, or short free text."""

    key: str
    default: object
    options: tuple = ()  # for choices; a repeated parameter when `multi`
    low: int | None = None
    high: int | None = None
    multi: bool = False
    max_chars: int = 80

    def parse(self, values: list[str]) -> tuple[object, str | None]:
        if self.multi:
            chosen = tuple(dict.fromkeys(v for v in values if v in self.options))
            bad = [v for v in values if v not in self.options]
            return (chosen or self.default), (f"{self.key}: unknown value ignored" if bad else None)
        value = values[-1]
        if self.options:
            return (value, None) if value in self.options else (self.default, f"{self.key}: not one of {', '.join(map(str, self.options))}")
        if self.low is not None:
            try:
                number = int(value)
            except ValueError:
                return self.default, f"{self.key}: not a whole number"
            if not self.low <= number <= self.high:
                return self.default, f"{self.key}: outside {self.low}–{self.high}"
            return number, None
        if len(value) > self.max_chars:
            return self.default, f"{self.key}: longer than {self.max_chars} characters"
        return value, None


# Each page's own settings. Keys are unique across pages so one link can carry them all.
VIEW_PARAMS: dict[str, tuple[ViewParam, ...]] = {
    "overview": (ViewParam("contributors", "authors", options=("authors", "publications")),),
    "topics": (
        ViewParam("topic", 0, low=0, high=50),  # 0: no topic chosen
        ViewParam("by", "year", options=("year", "author", "publication")),
        ViewParam("k", 0, low=3, high=20),  # number of topics; 0 (absent): the index's own number
    ),
    "terms": (
        ViewParam("grams", "all", options=("all", "words", "phrases")),
        ViewParam("n", 25, low=5, high=100),
        ViewParam("show", "bars", options=("bars", "cloud")),
        ViewParam("term", ""),
        ViewParam("compare", "rest", options=("rest", "b")),
    ),
    "actors": (
        ViewParam("chart", "heatmap", options=("heatmap", "network")),
        ViewParam("window", "sentence", options=("sentence", "passage")),
        ViewParam("measure", "count", options=("count", "jaccard", "npmi")),
        ViewParam("kinds", (), options=("state", "person", "organisation", "bloc"), multi=True),
        ViewParam("top", 20, low=3, high=60),
        ViewParam("a", ""),
        ViewParam("b", ""),
    ),
    "documents": (ViewParam("doc", ""), ViewParam("passage", 0, low=0, high=100_000)),  # passage 0: none cited
    "validate": (
        ViewParam("target", "", max_chars=120),  # theme:ID, actor:ID, pair:ID,ID or topic:N[@K]; checked by the page
        ViewParam("seed", 0, low=0, high=999_999),  # 0: none yet, the page draws one
        ViewParam("sample", DEFAULT_SAMPLE, low=1, high=100),
    ),
}
_VIEW_KEYS = {p.key for params in VIEW_PARAMS.values() for p in params}


@dataclass(frozen=True)
class Choices:
    """What this corpus offers, to validate links against."""

    authors: frozenset[str]
    publications: frozenset[str]
    themes: frozenset[str]
    actors: frozenset[str]
    year_min: int | None
    year_max: int | None
    actor_aliases: Mapping[str, str] = field(default_factory=dict)  # folded alias -> actor id


@dataclass
class ParsedState:
    filters: Filters
    compare: Filters  # selection B
    view: dict
    notices: list[str]
    corpus: str = ""  # the corpus the link was made on, "" when the link does not say
    # What was read differently from how it was written, though nothing was dropped: an actor named by an alias
    # (all its names are then selected), a year range open because it starts before the corpus.
    info: list[str] = field(default_factory=list)


def parse_params(params: Mapping[str, list[str]], choices: Choices, page: str | None = None) -> ParsedState:
    """Query parameters (each key with its list of values) to filters, page settings and notices."""
    notices: list[str] = []
    params = dict(params)
    if len(params) > MAX_KEYS:
        notices.append(f"too many parameters: only the first {MAX_KEYS} were read")
        params = dict(list(params.items())[:MAX_KEYS])
    cleaned: dict[str, list[str]] = {}
    for key, values in params.items():
        values = [values] if isinstance(values, str) else list(values)
        known = key in FILTER_KEYS or key in _VIEW_KEYS or key == CORPUS_KEY or (key.startswith(B_PREFIX) and key[len(B_PREFIX):] in FILTER_KEYS)
        if not known:
            notices.append(f"unknown parameter {shown_key(key)} ignored")
            continue
        if len(values) > MAX_VALUES_PER_KEY:
            notices.append(f"{key}: more than {MAX_VALUES_PER_KEY} values, the rest ignored")
            values = values[:MAX_VALUES_PER_KEY]
        kept = [v for v in values if len(v) <= MAX_VALUE_CHARS and "\x00" not in v]
        if len(kept) < len(values):
            notices.append(f"{key}: an oversized or malformed value was ignored")
        if kept:
            cleaned[key] = kept
    info: list[str] = []
    filters = _parse_filters(cleaned, choices, "", notices, info)
    compare = _parse_filters(cleaned, choices, B_PREFIX, notices, info)
    view: dict = {}
    for page_name, specs in VIEW_PARAMS.items():
        for spec in specs:
            if spec.key in cleaned:
                value, notice = spec.parse(cleaned[spec.key])
                if notice and (page is None or page == page_name):
                    notices.append(notice)
            else:
                value = spec.default
            view[spec.key] = value
    corpus = cleaned.get(CORPUS_KEY, [""])[-1]
    if corpus and not (corpus.isascii() and corpus.isalnum() and len(corpus) <= 64):
        notices.append(f"{CORPUS_KEY}: {shown_value(corpus)} is not a corpus id, ignored")
        corpus = ""
    return ParsedState(filters, compare, view, notices, corpus, info)


def _parse_filters(params: dict[str, list[str]], choices: Choices, prefix: str, notices: list[str],
                   info: list[str]) -> Filters:
    values: dict = {}
    allowed = {
        "authors": choices.authors | {UNKNOWN},
        "publications": choices.publications | {UNKNOWN},
        "themes": choices.themes,
        "actors": choices.actors,
    }
    for key, name in FILTER_KEYS.items():
        raw = params.get(prefix + key)
        if not raw:
            continue
        label = prefix + key
        if name in allowed:
            good = []
            for value in raw:
                resolved = _resolve(name, value, choices)
                if resolved in allowed[name]:
                    good.append(resolved)
                    if name == "actors" and resolved != value:
                        info.append(f"{label}: {shown_value(value)} is a name of the actor {shown_value(resolved)}: "
                                    "passages naming it by any of its names are selected")
                else:
                    notices.append(f"{label}: {shown_value(value)} is not in this corpus, ignored")
            values[name] = tuple(dict.fromkeys(good))
        elif name == "keywords":
            values[name] = tuple(dict.fromkeys(v.strip() for v in raw if v.strip()))
        elif name == "query":
            values[name] = raw[-1].strip()
        else:  # a year bound
            year = _year(raw[-1], choices)
            if year is not None and _open_end(name, year, choices):
                side = ("before", "first", "start") if name == "year_from" else ("after", "last", "end")
                bound = choices.year_min if name == "year_from" else choices.year_max
                info.append(f"{label}: {year} is {side[0]} the corpus's {side[1]} year ({bound}): "
                            f"the range is open at the {side[2]}")
                continue
            if year is None or not choices.year_min <= year <= choices.year_max:
                notices.append(f"{label}: {shown_value(raw[-1])} is not a year of this corpus, ignored")
            else:
                values[name] = year
    if values.get("year_from") and values.get("year_to") and values["year_from"] > values["year_to"]:
        notices.append(f"{prefix}from is after {prefix}to: the years were swapped")
        values["year_from"], values["year_to"] = values["year_to"], values["year_from"]
    return Filters(**values)


def _resolve(name: str, value: str, choices: Choices) -> str:
    """An actor's id from any of its names; an author or publication as the corpus spells it, whatever the case."""
    if name == "actors" and value not in choices.actors:
        return choices.actor_aliases.get(fold(value.strip()), value)
    if name in ("authors", "publications"):
        known = getattr(choices, name)
        if value not in known:
            wanted = fold(value.strip())
            return next((k for k in sorted(known) if fold(k) == wanted), value)
    return value


def _year(value: str, choices: Choices) -> int | None:
    """A year of the corpus's range, or a year before its start (`from`) or after its end (`to`); else None."""
    try:
        year = int(value)
    except ValueError:
        return None
    if choices.year_min is None or not 0 < year < 10_000:
        return None
    return year


def _open_end(name: str, year: int, choices: Choices) -> bool:
    """True when a bound lies beyond the corpus's own end on its side: the range is then open there."""
    return year < choices.year_min if name == "year_from" else year > choices.year_max


def filters_to_params(filters: Filters, prefix: str = "") -> dict[str, list[str]]:
    """Filters as query parameters, omitting defaults so links stay short."""
    params: dict[str, list[str]] = {}
    for key, name in FILTER_KEYS.items():
        value = getattr(filters, name)
        if value in (None, "", ()):
            continue
        params[prefix + key] = list(value) if name in _MULTI else [str(value)]
    return params


def view_to_params(page: str, view: Mapping) -> dict[str, list[str]]:
    """A page's settings as query parameters, omitting defaults."""
    params: dict[str, list[str]] = {}
    for spec in VIEW_PARAMS.get(page, ()):
        value = view.get(spec.key, spec.default)
        if value == spec.default or value in ("", None):
            continue
        params[spec.key] = [str(v) for v in value] if spec.multi else [str(value)]
    return params


def shown_key(key: str) -> str:
    """A parameter name as safe, short plain text for a notice."""
    return repr(_clip(key))


def shown_value(value: str) -> str:
    return repr(_clip(value))


def _clip(text: str, limit: int = 40) -> str:
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def choices_of(authors: Iterable[str], publications: Iterable[str], themes: Iterable[str], actors: Iterable[str],
               years: Iterable[int], actor_aliases: Mapping[str, str] | None = None) -> Choices:
    years = sorted(set(years))
    return Choices(
        authors=frozenset(authors),
        publications=frozenset(publications),
        themes=frozenset(themes),
        actors=frozenset(actors),
        year_min=years[0] if years else None,
        year_max=years[-1] if years else None,
        actor_aliases=dict(actor_aliases or {}),
    )
