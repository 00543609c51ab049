"""Read the metadata an article states about itself, and say where each value came from.

Only two places in a text are read: the header (the paragraphs before the first paragraph of
prose) and the closing block of furniture (author notes, newsletter footers). Dates anywhere else
are events, never the publication date. Values stated by the file's structure (front matter,
HTML meta tags) win over values read from the text; a date in the article's URL is the last
resort. Whatever is not stated stays None / [] with provenance "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpuslens.ingest.dates import date_from_url, parse_date, year_of
from corpuslens.ingest.furniture import author_in_note, looks_like_name
from corpuslens.ingest.readers import ParsedFile
from corpuslens.model import METADATA_FIELDS

HEADER_WINDOW = 8  # the title, byline and dateline sit within the first paragraphs
NAME_LINE_DISTANCE = 3  # a name-only author line sits this close under the title

_PUBLICATION_LINE = re.compile(r"^publication\s*:\s*(?P<pub>.+?)(?:\s+(?:volume|vol\.|issue|no\.)\s*:?\s*\d.*)?$", re.I)
_BYLINE = re.compile(r"^by\s*(?=[^\W\d_])(?P<rest>.{3,150})$", re.I)
_BYLINE_PARTS = re.compile(r"\s+(?:\||•|·|—|–|-|on)\s+")
_NAME_LIST = re.compile(r"\s*,\s*|\s*;\s*|\s+and\s+|\s*&\s*")
_BRACKETED_SOURCE = re.compile(r"^(?P<title>.+?)\s*\[(?P<source>[^\[\]]{2,60})\]$")
_NOT_A_SOURCE = frozenset("video photo photos opinion analysis updated update interview op-ed exclusive live audio podcast infographic commentary map maps pdf".split())
_FOOTER_PUBLICATION = (
    re.compile(r"^sign up for (?:the )?(?P<pub>[^\s'’][^'’]{1,60}?)['’]s?\s+(?:free\s+)?(?:\w+\s+)?newsletter", re.I),
    re.compile(r"\bsupport (?P<pub>[^:]{2,60}):\s*help keep\b", re.I),
)


@dataclass
class Extracted:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publication: str | None = None
    date: str | None = None
    year: int | None = None
    url: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    # Paragraph index -> why it left the body although it is not furniture (title, byline, ...).
    consumed: dict[int, str] = field(default_factory=dict)


def _is_prose(text: str) -> bool:
    return len(text) > 200 or len(text.split()) > 35 or (len(text) > 120 and text.endswith("."))


def _is_heading(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 25
        and len(text) <= 200
        and not text.endswith((".", ",", ";", ":"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'«")
    )


def _names(text: str) -> list[str]:
    """The names in 'A', 'A and B', 'A, B & C' when every part is a name, else []."""
    parts = [p for p in _NAME_LIST.split(text.strip()) if p]
    return parts if parts and all(looks_like_name(p) for p in parts) else []


def _byline(text: str) -> tuple[list[str], str | None] | None:
    """(authors, date) of "By Jane Doe", "ByJohn Newman", "By A and B | Feb 23, 2024"."""
    match = _BYLINE.match(text)
    if not match:
        return None
    parts = _BYLINE_PARTS.split(match.group("rest"))
    names = [n for n in _NAME_LIST.split(parts[0]) if looks_like_name(n)]
    if not names:
        return None
    date = next((d for d in (parse_date(p) for p in parts[1:]) if d), None)
    return names, date


def split_bracketed_source(title: str) -> tuple[str, str | None]:
    """("Title", "World Politics Review") for "Title [World Politics Review]"; a tag like [Video] is dropped, not kept."""
    match = _BRACKETED_SOURCE.match(title)
    if not match:
        return title, None
    source = match.group("source").strip()
    words = source.split()
    if source.lower() in _NOT_A_SOURCE or not words[0][0].isupper() or not any(ch.isalpha() for ch in source):
        return (match.group("title"), None) if source.lower() in _NOT_A_SOURCE else (title, None)
    return match.group("title"), source


def _add_unique(names: list[str], new: list[str]) -> None:
    seen = {n.casefold() for n in names}
    for name in new:
        if name.casefold() not in seen:
            names.append(name)
            seen.add(name.casefold())


def _read_header(paragraphs: list[str], reasons: list[str | None], heading: str | None, found: dict, consumed: dict[int, str]) -> None:
    """Publication line, byline, dateline, title and a name line under it, from the header paragraphs.

    Without a markup heading the title is the first header paragraph that is neither furniture nor
    a metadata line, if it reads as a heading; if it reads as prose, the article has no title."""
    title_at: int | None = None
    title_decided = False
    for i, text in enumerate(paragraphs[:HEADER_WINDOW]):
        if reasons[i]:
            continue
        if publication := _PUBLICATION_LINE.match(text):
            found.setdefault("publication", publication.group("pub").strip())
            consumed[i] = "publication line (kept as metadata)"
            continue
        if byline := _byline(text):
            _add_unique(found.setdefault("authors", []), byline[0])
            if byline[1]:
                found.setdefault("date", byline[1])
            consumed[i] = "byline (kept as metadata)"
            continue
        if date := parse_date(text):
            found.setdefault("date", date)
            consumed[i] = "dateline (kept as metadata)"
            continue
        if heading and title_at is None and text.casefold() == heading.casefold():
            title_at = i
            continue
        names = _names(text)
        near_title = title_at is not None and i - title_at <= NAME_LINE_DISTANCE
        if names and (near_title or not title_decided):
            _add_unique(found.setdefault("authors", []), names)
            consumed[i] = "author line (kept as metadata)"
            continue
        if not title_decided and not heading:
            title_decided = True
            if _is_heading(text):
                title_at = i
                continue
        if _is_prose(text):
            break
    title = heading if heading else (paragraphs[title_at] if title_at is not None else None)
    if title_at is not None:
        consumed[title_at] = "title (kept as metadata)"
    if title:
        title, source = split_bracketed_source(title)
        found["title"] = title
        if source:
            found.setdefault("publication", source)


def _read_closing(paragraphs: list[str], reasons: list[str | None], found: dict) -> None:
    notes: list[str] = []
    signature: list[str] = []
    for text, reason in zip(paragraphs, reasons):
        if reason == "author biography" and (name := author_in_note(text)):
            notes.append(name)
        elif reason == "author signature":
            signature.append(text.strip())
        elif reason in ("newsletter sign-up", "donation plea") and "publication" not in found:
            for pattern in _FOOTER_PUBLICATION:
                if match := pattern.search(text):
                    found["publication"] = match.group("pub").strip()
                    break
    authors = found.setdefault("authors", [])
    _add_unique(authors, notes)
    if not authors:
        _add_unique(authors, signature)


def extract_metadata(paragraphs: list[str], reasons: list[str | None], parsed: ParsedFile) -> Extracted:
    """Title, authors, publication, date, year and url with their provenance."""
    from_text: dict = {}
    consumed: dict[int, str] = {}
    # A title stated by front matter or meta tags counts as the heading: only a paragraph repeating it is
    # taken out of the text, never a different first line that merely reads like a heading.
    _read_header(paragraphs, reasons, parsed.heading or parsed.stated.get("title"), from_text, consumed)
    _read_closing(paragraphs, reasons, from_text)

    result = Extracted(consumed=consumed)
    for name in ("title", "authors", "publication", "date", "url"):
        if parsed.stated.get(name):
            setattr(result, name, parsed.stated[name])
            result.provenance[name] = parsed.stated_from
        elif from_text.get(name):
            setattr(result, name, from_text[name])
            result.provenance[name] = "text"
    if result.date is None and (url_date := date_from_url(result.url)):
        result.date, result.provenance["date"] = url_date, "url"
    result.year = year_of(result.date)
    if result.year is not None:
        result.provenance["year"] = result.provenance["date"]
    for name in METADATA_FIELDS:
        result.provenance.setdefault(name, "unknown")
    return result
