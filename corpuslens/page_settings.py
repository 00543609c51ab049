"""Every page setting, declared once: its URL key, label, options with their labels, default and bounds.

The link parser (corpuslens.urlstate), the pages' widgets (dashboard.state.view_widget), the command
line's choices (corpuslens.cli) and the engine's checks read these declarations. Keys are unique
across pages, so one link can carry them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from corpuslens.validation.sampling import DEFAULT_SAMPLE


@dataclass(frozen=True)
class PageSetting:
    """One page setting: a choice among `options` (value -> label), a bounded whole number, or short free text."""

    key: str
    default: object
    label: str
    options: Mapping[str, str] = field(default_factory=dict)  # for choices; a repeated parameter when `multi`
    low: int | None = None
    high: int | None = None
    step: int = 1
    multi: bool = False
    max_chars: int = 80
    help: str = ""

    def option_label(self, value) -> str:
        return self.options.get(value, str(value))

    @property
    def values(self) -> tuple:
        return tuple(self.options)

    def parse(self, values: list[str]) -> tuple[object, str | None]:
        """A link's values for this setting: (the value, or the default, and a notice when a value was refused)."""
        if self.multi:
            chosen = tuple(dict.fromkeys(v for v in values if v in self.options))
            bad = [v for v in values if v not in self.options]
            return (chosen or self.default), (f"{self.key}: unknown value ignored" if bad else None)
        value = values[-1]
        if self.options:
            return (value, None) if value in self.options else (
                self.default, f"{self.key}: not one of {', '.join(map(str, self.options))}")
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


ACTOR_KINDS = {"state": "States", "person": "People", "organisation": "Organisations", "bloc": "Blocs"}

PAGE_SETTINGS: dict[str, tuple[PageSetting, ...]] = {
    "overview": (
        PageSetting("contributors", "authors", "Contributors", {"authors": "Authors", "publications": "Publications"}),
    ),
    "topics": (
        PageSetting("topic", 0, "Topic", low=0, high=50),  # 0: no topic chosen
        PageSetting("by", "year", "Compare topics by", {"year": "Year", "author": "Author", "publication": "Publication"}),
        # 0 (absent from a link): the index's own number of topics
        PageSetting("k", 0, "Number of topics", low=3, high=20,
                    help="Fitted once per number and shared by every visitor; the filters then only slice it. Beside "
                         "each number: its stability, the mean over its topics of how reliably each comes back when "
                         "the model is refitted (see a card's stability). The most stable number is usually the one "
                         "to trust."),
    ),
    "terms": (
        PageSetting("grams", "all", "Show", {"all": "Words and phrases", "words": "Words", "phrases": "Two-word phrases"}),
        PageSetting("n", 25, "How many terms", low=5, high=100, step=5),
        PageSetting("show", "bars", "Drawn as", {"bars": "Bars", "cloud": "Word cloud"}),
        PageSetting("term", "", "Term"),
        PageSetting("compare", "rest", "Compare the selection with",
                    {"rest": "the rest of the corpus", "b": "another selection (B)"}),
    ),
    "actors": (
        PageSetting("chart", "heatmap", "Chart", {"heatmap": "Heatmap", "network": "Network"}),
        PageSetting("window", "sentence", "Named together in", {"sentence": "Same sentence", "passage": "Same passage"}),
        PageSetting("measure", "count", "Measure", {"count": "Count", "jaccard": "Jaccard", "npmi": "NPMI"},
                    help="Count: units (sentences or passages) naming both. Jaccard: those units as a share of the "
                         "units naming either (0–1). NPMI: how much more (>0) or less (<0) often the two are named "
                         "together than chance predicts (−1…1), so frequent actors do not swamp the rest."),
        PageSetting("kinds", (), "Kinds of actor", ACTOR_KINDS, multi=True),
        PageSetting("top", 20, "How many actors", low=3, high=60),
        PageSetting("a", "", "First actor"),
        PageSetting("b", "", "Second actor"),
        PageSetting("in_year", 0, "Co-mentions in", low=0, high=9999,
                    help="Slide to see who is named with whom in one year of the selection."),  # the co-mention view of one year; 0: every year
        PageSetting("fterm", "", "Read the sentences with"),  # the framing word whose sentences are shown
        # Listing the names is work on every passage of the selection (0.2-0.5 s at 10,000 passages): on request.
        PageSetting("names", "hide", "Names no actor covers", {"hide": "Hide", "show": "Show"},
                    help="Frequent proper names in the selection that match no actor, each with an actors.yaml entry "
                         "to copy: for growing the actor dictionary."),
    ),
    "documents": (
        PageSetting("doc", "", "Document"),
        PageSetting("passage", 0, "Cited passage", low=0, high=100_000),  # 0: none cited
    ),
    "validate": (
        # theme:ID, actor:ID, pair:ID,ID or topic:N[@K]; checked by corpuslens.validation.targets
        PageSetting("target", "", "What to validate", max_chars=120),
        PageSetting("seed", 0, "Seed", low=0, high=999_999),  # 0: none yet, the page draws one
        PageSetting("sample", DEFAULT_SAMPLE, "Passages to draw", low=1, high=100),
    ),
}
SETTING: dict[str, PageSetting] = {s.key: s for specs in PAGE_SETTINGS.values() for s in specs}
if len(SETTING) != sum(map(len, PAGE_SETTINGS.values())):
    raise ImportError("two page settings share a URL key")


def setting(key: str) -> PageSetting:
    return SETTING[key]
