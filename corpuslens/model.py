"""Plain records passed between the engine's stages.

Ingestion produces `Document`s and `SkippedFile`s; the lexicons produce `Theme`s and
`Actor`s; matching produces `Mention`s. The index stores all of them as tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Where a metadata value came from. "unknown" means nobody stated it: never guessed.
PROVENANCES = ("text", "front matter", "html meta", "url", "catalog", "catalog, inferred", "unknown")

METADATA_FIELDS = ("title", "authors", "publication", "date", "year", "url")


@dataclass
class Document:
    """One article after cleaning.

    `id` is a URL-safe slug ([a-z0-9_-]) derived from the file's path under raw/.
    `date` is ISO: "YYYY-MM-DD", "YYYY-MM" or "YYYY" depending on what is known.
    `provenance` maps each of METADATA_FIELDS to one of PROVENANCES.
    `paragraphs` is the cleaned body (furniture removed); `removed` lists the lines taken
    out, each with the reason, so the debug view can show them.
    """

    id: str
    file: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publication: str | None = None
    date: str | None = None
    year: int | None = None
    url: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # "exact" or "near"
    content_hash: str = ""
    encoding: str = ""
    # The language whose common words the text is richest in (jusText's name, "English"), "" when too few of its
    # words tell: told from the words, never stated by the page.
    language: str = ""
    catalog_note: str = ""  # the curated catalog's note on this file (which values are inferred, and from what)


@dataclass(frozen=True)
class SkippedFile:
    """A file that could not be read, with a reason a person understands."""

    file: str
    reason: str


@dataclass
class IngestResult:
    documents: list[Document]
    skipped: list[SkippedFile]


@dataclass(frozen=True)
class Theme:
    """A theme of the lexicon. `terms` count wherever they occur; `context_terms` count only where one
    of `anchors` occurs in the passage or a passage next to it (without anchors: where the passage
    holds a second, different word of the theme), and no word of `not_near` stands in the same sentence.
    `anchor_scope` "passage" keeps the neighbours out. No word counts inside one of the longer `not_within`
    phrases; a passage carries the theme when at least `min_matches` words count in it. With
    `lone_list_items` "passing", a word that is its theme's only one among the items of an enumeration
    ("security, military ties, energy, and trade") does not count."""

    id: str
    label: str
    terms: tuple[str, ...]
    description: str = ""
    context_terms: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    not_within: tuple[str, ...] = ()
    min_matches: int = 1
    anchor_scope: str = "neighbours"  # or "passage": an anchor in a neighbouring passage does not count
    lone_list_items: str = "count"  # or "passing": the theme's only word among a list's items does not count


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    kind: str  # one of ACTOR_KINDS
    affiliation: str | None  # another actor's id, e.g. putin -> russia
    aliases: tuple[str, ...]


ACTOR_KINDS = ("state", "person", "organisation", "bloc")


@dataclass(frozen=True)
class Mention:
    """An actor found in a text: character span [start, end) and the alias text matched."""

    actor: str
    start: int
    end: int
    alias: str
