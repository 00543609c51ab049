"""The one model of a selection: which passages the user is looking at.

Values inside one field are alternatives (author A or B); fields combine (author A and
theme T). Duplicated documents are never selected: they are kept out of every count.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

UNKNOWN = "(unknown)"  # the filter value that selects documents whose field is not known


@dataclass(frozen=True)
class Filters:
    authors: tuple[str, ...] = ()
    publications: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    themes: tuple[str, ...] = ()  # theme ids
    keywords: tuple[str, ...] = ()  # an ad-hoc theme: passages with any of these words or phrases
    actors: tuple[str, ...] = ()  # actor ids
    query: str = ""  # every word must occur in the passage

    def is_empty(self) -> bool:
        return self == Filters()

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def describe(self) -> str:
        """A short human summary, e.g. for chart subtitles and exports."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value in ((), None, ""):
                continue
            shown = ", ".join(value) if isinstance(value, tuple) else str(value)
            parts.append(f"{f.name.replace('_', ' ')}: {shown}")
        return "; ".join(parts) or "whole corpus"
