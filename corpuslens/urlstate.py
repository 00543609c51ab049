"""The one owner of the mapping between a view's state and URL query parameters.

Parsing is strict and forgiving at once: every parameter is validated against what the
corpus offers, and anything unknown, malformed, out of range or oversized is dropped with
a notice naming it, never an error. No streamlit here, so the CLI and tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from corpuslens.filters import (CORPUS_VALUES, FILTER_BY_KEY, FILTER_FIELDS, FLAG, TEXT, UNKNOWN, WORDS, YEAR_FROM,
                                Filters, is_set)
from corpuslens.textnorm import fold
from corpuslens.page_settings import PAGE_SETTINGS, SETTING

MAX_VALUES_PER_KEY = 25
MAX_VALUE_CHARS = 200
MAX_KEYS = 60

# Filter fields and their URL keys are declared with the filters (corpuslens.filters.FILTER_FIELDS).
# Selection B of the comparison uses the same keys with "b_".
B_PREFIX = "b_"
# The short id of the corpus a link was made on (corpuslens.index.corpora): opened on another, the app says so.
CORPUS_KEY = "corpus"
FLAG_ON = ("1", "true", "yes", "on")
FLAG_OFF = ("0", "false", "no", "off")


_VIEW_KEYS = set(SETTING)


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
    languages: frozenset[str] = frozenset()


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
        known = key in FILTER_BY_KEY or key in _VIEW_KEYS or key == CORPUS_KEY or key.removeprefix(B_PREFIX) in FILTER_BY_KEY
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
    for page_name, specs in PAGE_SETTINGS.items():
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
    for spec in FILTER_FIELDS:
        raw = params.get(prefix + spec.key)
        if not raw:
            continue
        label = prefix + spec.key
        name = spec.name
        if spec.kind == CORPUS_VALUES:
            allowed = getattr(choices, spec.choices) | ({UNKNOWN} if spec.unknown_allowed else set())
            good = []
            for value in raw:
                resolved = _resolve(name, value, choices)
                if resolved in allowed:
                    good.append(resolved)
                    if name == "actors" and resolved != value:
                        info.append(f"{label}: {shown_value(value)} is a name of the actor {shown_value(resolved)}: "
                                    "passages naming it by any of its names are selected")
                else:
                    notices.append(f"{label}: {shown_value(value)} is not in this corpus, ignored")
            values[name] = tuple(dict.fromkeys(good))
        elif spec.kind == WORDS:
            values[name] = tuple(dict.fromkeys(v.strip() for v in raw if v.strip()))
        elif spec.kind == TEXT:
            values[name] = raw[-1].strip()
        elif spec.kind == FLAG:
            if raw[-1].strip().lower() in FLAG_ON:
                values[name] = True
            elif raw[-1].strip().lower() not in FLAG_OFF:
                notices.append(f"{label}: {shown_value(raw[-1])} is not 1 or 0, ignored")
        else:  # a year bound
            year = _year(raw[-1], choices)
            if year is not None and _open_end(name, year, choices):
                side = ("before", "first", "start") if spec.kind == YEAR_FROM else ("after", "last", "end")
                bound = choices.year_min if spec.kind == YEAR_FROM else choices.year_max
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
    return filter_values_to_params(vars(filters), prefix)


def filter_values_to_params(values: Mapping[str, object], prefix: str = "") -> dict[str, list[str]]:
    """Filter values by field name (a `Filters`' fields, the command line's options) as query parameters; values
    that do not narrow the selection are left out."""
    params: dict[str, list[str]] = {}
    for spec in FILTER_FIELDS:
        value = values.get(spec.name)
        if not is_set(value):
            continue
        params[prefix + spec.key] = list(value) if spec.multi else ["1"] if spec.kind == FLAG else [str(value)]
    return params


def view_to_params(page: str, view: Mapping) -> dict[str, list[str]]:
    """A page's settings as query parameters, omitting defaults."""
    params: dict[str, list[str]] = {}
    for spec in PAGE_SETTINGS.get(page, ()):
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
               years: Iterable[int], actor_aliases: Mapping[str, str] | None = None,
               languages: Iterable[str] = ()) -> Choices:
    years = sorted(set(years))
    return Choices(
        authors=frozenset(authors),
        publications=frozenset(publications),
        themes=frozenset(themes),
        actors=frozenset(actors),
        year_min=years[0] if years else None,
        year_max=years[-1] if years else None,
        actor_aliases=dict(actor_aliases or {}),
        languages=frozenset(languages),
    )
