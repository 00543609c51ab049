"""The one model of a selection: which passages the user is looking at, and the one declaration of each filter.

Values inside one field are alternatives (author A or B); fields combine (author A and
theme T). Duplicated documents are never selected: they are kept out of every count.

Each field of `Filters` carries its declaration (`FilterField`): its URL key, its label, its kind,
its command-line option and its help. The link parser (corpuslens.urlstate), the sidebar and
selection B (dashboard.sidebar), the state seeding (dashboard.state), the command line
(corpuslens.cli), the header and the empty state all read these declarations, so adding a filter
means one field here plus its mask function in corpuslens.selection.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

UNKNOWN = "(unknown)"  # the filter value that selects documents whose field is not known

# The kinds of filter, each drawn, parsed and described one way:
CORPUS_VALUES = "corpus values"  # any of the values the corpus offers (authors, theme ids…): a multiselect
WORDS = "words"  # any of several free words or phrases, comma-separated in the sidebar
TEXT = "text"  # one free text
YEAR_FROM = "year from"  # the two ends of one year range: one slider in the sidebar, "Years" everywhere
YEAR_TO = "year to"
FLAG = "flag"  # on or off: a checkbox, `key=1` in a link


@dataclass(frozen=True)
class FilterField:
    """How one filter is named and shown everywhere. `name` is the field of `Filters` it declares."""

    key: str  # the URL parameter; selection B's is "b_" + key
    label: str  # the sidebar's label, also used by the header, the empty state and notices
    kind: str
    cli: str  # the command-line option
    help: str = ""
    placeholder: str = ""
    # For CORPUS_VALUES: the attribute of corpuslens.urlstate.Choices holding the allowed values, and whether
    # "(unknown)" may be chosen (documents whose field is not known).
    choices: str = ""
    unknown_allowed: bool = False
    name: str = ""  # filled from the dataclass field

    @property
    def multi(self) -> bool:
        return self.kind in (CORPUS_VALUES, WORDS)


def _declare(default, **declaration):
    return field(default=default, metadata={"filter": FilterField(**declaration)})


@dataclass(frozen=True)
class Filters:
    authors: tuple[str, ...] = _declare(
        (), key="author", label="Author", kind=CORPUS_VALUES, cli="--author", choices="authors", unknown_allowed=True,
        placeholder="All authors", help="Documents by any of these authors; '(unknown)' selects documents without one.")
    publications: tuple[str, ...] = _declare(
        (), key="publication", label="Publication", kind=CORPUS_VALUES, cli="--publication", choices="publications",
        unknown_allowed=True, placeholder="All publications", help="Documents from any of these publications.")
    languages: tuple[str, ...] = _declare(
        (), key="lang", label="Language", kind=CORPUS_VALUES, cli="--language", choices="languages",
        unknown_allowed=True, placeholder="All languages",
        help="Documents in any of these languages, told from their common words (no page states it); '(unknown)' "
             "selects documents whose words did not tell.")
    year_from: int | None = _declare(
        None, key="from", label="Years", kind=YEAR_FROM, cli="--year-from",
        help="The years the documents were published; documents of unknown year are left out once the range is "
             "narrowed. A link or the command line names the first year (from) and the last (to).")
    year_to: int | None = _declare(None, key="to", label="Years", kind=YEAR_TO, cli="--year-to",
                                   help="The last year of the range.")
    themes: tuple[str, ...] = _declare(  # theme ids
        (), key="theme", label="Theme", kind=CORPUS_VALUES, cli="--theme", choices="themes", placeholder="All themes",
        help="Passages tagged with any of these themes (data/themes.yaml).")
    keywords: tuple[str, ...] = _declare(  # an ad-hoc theme: passages with any of these words or phrases
        (), key="kw", label="Ad-hoc theme", kind=WORDS, cli="--keyword", placeholder="e.g. pipeline, gas, TANAP",
        help="Passages with any of these words or phrases (comma-separated in the sidebar).")
    actors: tuple[str, ...] = _declare(  # actor ids
        (), key="actor", label="Actor", kind=CORPUS_VALUES, cli="--actor", choices="actors", placeholder="All actors",
        help="Passages mentioning any of these actors, by any of their names (data/actors.yaml).")
    query: str = _declare(  # every word must occur in the passage
        "", key="q", label="Search", kind=TEXT, cli="--query", placeholder="words that must all occur",
        help="Passages containing every one of these words.")
    has_url: bool = _declare(
        False, key="url", label="Has a web address", kind=FLAG, cli="--has-url",
        help="Only documents whose web address is known (from the page, its catalog row or its text), "
             "so every passage can be cited with a link.")

    def is_empty(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def active(self) -> list[FilterField]:
        """The declarations of the filters that narrow the selection, in declaration order, a label once."""
        on = [spec for spec in FILTER_FIELDS if is_set(getattr(self, spec.name))]
        return list({spec.label: spec for spec in on}.values())

    def describe(self, shown=None) -> str:
        """A short human summary with the filters' labels, e.g. "Theme: Energy; Years: 2015–2020".

        `shown(spec, value)` may turn ids into names (theme and actor labels); by default values are shown as they are."""
        parts = []
        for spec in self.active():
            if spec.kind in (YEAR_FROM, YEAR_TO):
                low, high = self.year_from, self.year_to
                text = f"{low}–{high}" if low is not None and high is not None else (
                    f"from {low}" if low is not None else f"to {high}")
            elif spec.kind == FLAG:
                text = "yes"
            else:
                value = getattr(self, spec.name)
                values = value if isinstance(value, tuple) else (value,)
                text = ", ".join(shown(spec, v) if shown else str(v) for v in values)
            parts.append(f"{spec.label}: {text}")
        return "; ".join(parts) or "whole corpus"


def is_set(value) -> bool:
    """Whether a filter field's value narrows the selection (an empty tuple or list, None, "" and False do not)."""
    return value not in ((), [], None, "", False)


FILTER_FIELDS: tuple[FilterField, ...] = tuple(
    replace(f.metadata["filter"], name=f.name) for f in fields(Filters))
FILTER_BY_NAME = {spec.name: spec for spec in FILTER_FIELDS}
FILTER_BY_KEY = {spec.key: spec for spec in FILTER_FIELDS}
