"""Loading and validating the knowledge files: themes, actors, stopwords and the topic settings.

The lexicons are edited by hand (often by users growing them for their own corpus), so
every mistake must surface as a `ValueError` that names the file and the entry at fault,
instead of a confusing failure later in the index build.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from corpuslens.model import ACTOR_KINDS, Actor, Theme
from corpuslens.textnorm import fold, normalize_text

# Ids appear in URLs and CLI flags: lower-case ASCII words joined by single hyphens.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _problem(path: Path, where: str, message: str) -> ValueError:
    return ValueError(f"{path}: {where}: {message}")


def _read_entries(path: Path, key: str) -> list[dict]:
    """The YAML file's list of entries: either a top-level list or a mapping {key: [...]}."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    if isinstance(raw, dict) and key in raw:
        raw = raw[key]
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{path}: expected a non-empty list of {key} (or a mapping with a '{key}' list)")
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise _problem(path, f"entry #{i + 1}", "each entry must be a mapping with an 'id'")
    return raw


def _entry_name(entry: dict, i: int) -> str:
    return f"entry #{i + 1} (id {entry.get('id')!r})"


def _text_field(path: Path, where: str, entry: dict, field: str, required: bool = True) -> str:
    value = entry.get(field)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise _problem(path, where, f"'{field}' must be a non-empty string")
    return normalize_text(value).strip()


def _string_list(path: Path, where: str, entry: dict, field: str) -> tuple[str, ...]:
    values = entry.get(field)
    if not isinstance(values, list) or not values:
        raise _problem(path, where, f"'{field}' must be a non-empty list")
    out: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise _problem(path, where, f"'{field}' has an empty or non-string item: {value!r}")
        out.append(" ".join(normalize_text(value).split()))
    return tuple(dict.fromkeys(out))  # drop repeats, keep order


def _check_id(path: Path, where: str, entry: dict, seen: set[str]) -> str:
    ident = entry.get("id")
    if not isinstance(ident, str) or not SLUG.match(ident):
        raise _problem(path, where, f"id {ident!r} is not a slug (lower-case letters, digits, single hyphens)")
    if ident in seen:
        raise _problem(path, where, f"duplicate id {ident!r}")
    seen.add(ident)
    return ident


def _min_matches(path: Path, where: str, entry: dict) -> int:
    value = entry.get("min_matches", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _problem(path, where, f"'min_matches' must be a whole number of 1 or more, not {value!r}")
    return value


ANCHOR_SCOPES = ("neighbours", "passage")


def _one_of(path: Path, where: str, entry: dict, key: str, choices: tuple[str, ...]) -> str:
    """An entry's value for `key`, one of `choices` (the first when left out)."""
    value = entry.get(key, choices[0])
    if value not in choices:
        raise _problem(path, where, f"'{key}' must be one of {', '.join(choices)}, not {value!r}")
    return value


def _anchor_scope(path: Path, where: str, entry: dict) -> str:
    value = _one_of(path, where, entry, "anchor_scope", ANCHOR_SCOPES)
    if value != ANCHOR_SCOPES[0] and not entry.get("anchors"):
        raise _problem(path, where, "'anchor_scope' needs 'anchors' to apply to")
    return value


LONE_LIST_ITEMS = ("count", "passing")


def _lone_list_items(path: Path, where: str, entry: dict) -> str:
    return _one_of(path, where, entry, "lone_list_items", LONE_LIST_ITEMS)


def _check_not_within(path: Path, where: str, ident: str, words: tuple[str, ...], phrases: tuple[str, ...]) -> None:
    """Each not_within phrase must hold one of the theme's words, or it vetoes nothing."""
    from corpuslens.matching import ThemeTagger  # matching needs the model, not the lexicon

    # Compared in lower case: "cis summit" holds the term "CIS" when the text writes "CIS summit".
    lower = tuple(word.lower() for word in words)
    for phrase in phrases:
        body = phrase.rstrip("*").lower()
        others = tuple(word for word in lower if word != phrase.lower())  # the phrase may be a term itself
        tagger = ThemeTagger([Theme(id=ident, label=ident, terms=others)])
        if not others or not any(end - start < len(body) for start, end, *_ in tagger.explain(body)):
            raise _problem(path, where, f"not_within {phrase!r} holds none of the theme's terms or context terms "
                                        "inside it, so it would veto nothing")


def load_themes(path: str | Path) -> list[Theme]:
    """Themes from a YAML list of {id, label, description, terms, and optionally context_terms,
    anchors, anchor_scope, not_near, not_within, min_matches and lone_list_items} (see `Theme`).

    A term is a word or phrase matched on word boundaries, in any case when written in lower case,
    only as written when written with a capital letter ("US" is not "us"); a trailing `*` makes its
    last word a prefix (`sanction*` matches sanctions, sanctioned).
    """
    path = Path(path)
    themes: list[Theme] = []
    seen: set[str] = set()
    for i, entry in enumerate(_read_entries(path, "themes")):
        where = _entry_name(entry, i)
        ident = _check_id(path, where, entry, seen)
        label = _text_field(path, where, entry, "label")
        description = _text_field(path, where, entry, "description", required=False)
        terms = _string_list(path, where, entry, "terms")
        rules = {name: _string_list(path, where, entry, name) if entry.get(name) is not None else ()
                 for name in ("context_terms", "anchors", "not_near", "not_within")}
        for term in (*terms, *rules["context_terms"], *rules["anchors"], *rules["not_near"], *rules["not_within"]):
            body = term[:-1] if term.endswith("*") else term
            if "*" in body or not re.search(r"\w", body):
                raise _problem(path, where, f"term {term!r}: '*' is allowed only at the end, after a word")
        if overlap := sorted(set(rules["context_terms"]) & set(rules["anchors"])):
            raise _problem(path, where, f"{', '.join(overlap)}: a context term cannot be its own anchor")
        _check_not_within(path, where, ident, (*terms, *rules["context_terms"]), rules["not_within"])
        themes.append(Theme(id=ident, label=label, terms=terms, description=description,
                            min_matches=_min_matches(path, where, entry),
                            anchor_scope=_anchor_scope(path, where, entry),
                            lone_list_items=_lone_list_items(path, where, entry), **rules))
    return themes


def load_actors(path: str | Path) -> list[Actor]:
    """Actors from a YAML list of {id, label, kind, affiliation, aliases}.

    Checks: slug ids, unique ids, a known kind, an affiliation naming another actor of the
    file (or null), a non-empty alias list, and that no alias (compared folded) belongs to
    two actors, because a mention must resolve to exactly one actor. The label is matched
    too, so it need not be repeated among the aliases.
    """
    path = Path(path)
    entries = _read_entries(path, "actors")
    actors: list[Actor] = []
    seen: set[str] = set()
    owner: dict[str, str] = {}
    for i, entry in enumerate(entries):
        where = _entry_name(entry, i)
        ident = _check_id(path, where, entry, seen)
        label = _text_field(path, where, entry, "label")
        kind = entry.get("kind")
        if kind not in ACTOR_KINDS:
            raise _problem(path, where, f"kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        affiliation = entry.get("affiliation")
        if affiliation is not None and not isinstance(affiliation, str):
            raise _problem(path, where, f"affiliation {affiliation!r} must be an actor id or null")
        aliases = _string_list(path, where, entry, "aliases")
        if label not in aliases:
            aliases = (label, *aliases)
        for alias in aliases:
            key = " ".join(fold(alias).split())
            if key in owner and owner[key] != ident:
                raise _problem(path, where, f"alias {alias!r} already belongs to {owner[key]!r}")
            owner[key] = ident
        actors.append(Actor(id=ident, label=label, kind=kind, affiliation=affiliation or None, aliases=aliases))
    for i, actor in enumerate(actors):
        if actor.affiliation is not None and (actor.affiliation not in seen or actor.affiliation == actor.id):
            raise _problem(
                path, _entry_name(entries[i], i), f"affiliation {actor.affiliation!r} is not another actor's id"
            )
    return actors


def load_stopwords(path: str | Path) -> frozenset[str]:
    """One word per line; `#` starts a comment. Words are folded, with ’ written as '."""
    path = Path(path)
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(fold(normalize_text(word)).replace("’", "'"))
    return frozenset(words)


# The numbers of topics a domain expert may fix: the dashboard's "Number of topics" control offers these.
TOPIC_NUMBERS = range(3, 21)


def load_topic_number(path: str | Path) -> int | None:
    """The number of topics topics.yaml fixes (`k: 10`), or None for `k: auto` or a file without `k`."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping such as 'k: auto' or 'k: 8'")
    k = raw.get("k", "auto")
    if k == "auto" or k is None:
        return None
    if isinstance(k, bool) or not isinstance(k, int) or k not in TOPIC_NUMBERS:
        raise _problem(path, "k", f"{k!r} is neither 'auto' nor a whole number from {TOPIC_NUMBERS.start} "
                                  f"to {TOPIC_NUMBERS.stop - 1}")
    return k
