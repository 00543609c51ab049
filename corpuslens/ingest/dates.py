"""Read a publication date written by a person or a machine, and return it as ISO text.

`parse_date` accepts a string that IS a date (a dateline, a meta tag, a front matter value), not
a sentence that mentions one: finding dates inside prose would turn events into publication
dates. Results are "YYYY-MM-DD", "YYYY-MM", or (only with `allow_year`) "YYYY".

Numeric day/month order, the one rule that needs a decision:
- dotted numbers ("25.09.2020", "1.9.2018") are day.month.year, the European and Russian convention;
- ISO order ("2020-09-25", "2020/09/25", "2020.09.25") is year-month-day;
- slashed or dashed numbers with the year last ("03/04/2020") are read only when one of the first two
  numbers is above 12 ("25/09/2020" -> day first, "09/25/2020" -> month first), or both are equal;
  otherwise the date is ambiguous between the US and European orders and is NOT guessed (None).
Impossible dates (2023-02-30, month 13) give None. Years outside 1900-2100 give None.
"""

from __future__ import annotations

import datetime as _dt
import re

from corpuslens.ingest.urls import url_path

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Russian, nominative and genitive ("25 сентября 2020").
    "январь": 1, "января": 1, "февраль": 2, "февраля": 2, "март": 3, "марта": 3, "апрель": 4,
    "апреля": 4, "май": 5, "мая": 5, "июнь": 6, "июня": 6, "июль": 7, "июля": 7, "август": 8,
    "августа": 8, "сентябрь": 9, "сентября": 9, "октябрь": 10, "октября": 10, "ноябрь": 11,
    "ноября": 11, "декабрь": 12, "декабря": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
# Words that may introduce a dateline: "Published: 25.09.2020", "Posted on Feb 23, 2024".
_PREFIX = r"(?:(?:published|posted|updated|date|dated|last updated)(?:\s+on)?\s*[:\-–—]?\s*)?"
# A time or zone after the date is allowed and ignored: "2024-02-23 10:00", "Feb 23, 2024, 9:15 am".
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z)?)?"

_PATTERNS = [
    ("iso", re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")),
    ("ymd", re.compile(r"(?P<year>\d{4})[/.•](?P<month>\d{1,2})[/.•](?P<day>\d{1,2})")),
    ("ym", re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")),
    ("dotted", re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")),
    ("slashed", re.compile(r"(?P<a>\d{1,2})[/\-](?P<b>\d{1,2})[/\-](?P<year>\d{4})")),
    ("mdy", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I)),
    ("dmy", re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})(?:\s*(?:г\.|года))?", re.I)),
    ("my", re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.I)),
    ("y", re.compile(r"(?P<year>\d{4})")),
]
_WRAPPED = [
    (kind, re.compile(r"\s*" + _PREFIX + _WEEKDAY + "(?:" + rx.pattern + ")" + _TIME + r"\s*\.?\s*", rx.flags | re.I))
    for kind, rx in _PATTERNS
]

_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/\-](?P<month>[01]?\d)(?:[/\-](?P<day>[0-3]?\d))?(?=[/\-_.]|$)")
# A date inside a slug: "…-evening-review-2025-12-08-214444", "…-by-andres-velasco-2024-05".
_SLUG_DATE = re.compile(r"[-_](?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?=[-_/.]|$)")
# Dates written without separators: a path segment "/20240226/", "/202410/31/"; or a day-first "/14112024-…" that
# only a day above 12 tells from a month-first one.
_COMPACT_URL_DATE = re.compile(r"[/-](?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?:/?(?P<day>[0-3]\d))(?=[/\-_.]|$)")
_DAY_FIRST_URL_DATE = re.compile(r"/(?P<day>1[3-9]|2\d|3[01])(?P<month>0[1-9]|1[0-2])(?P<year>(?:19|20)\d{2})(?=[\-_])")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(text: str) -> int | None:
    """The month's number; None for a spelling the case-insensitive pattern let through but the table
    lacks (Unicode case-insensitive matching accepts "ſept" with a long s, or the Kelvin sign for k)."""
    return int(text) if text.isdigit() else MONTHS.get(text.casefold().rstrip("."))


def parse_date(text: str | None, allow_year: bool = False) -> str | None:
    """The ISO form of a string that is a date, else None (see the module docstring for the rules)."""
    if not text or len(text) > 80:
        return None
    for kind, pattern in _WRAPPED:
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if kind == "y":
            return _iso(year) if allow_year else None
        if kind == "slashed":
            a, b = int(parts["a"]), int(parts["b"])
            if a > 12 >= b:
                return _iso(year, b, a)
            if b > 12 >= a or a == b:
                return _iso(year, a, b)
            return None  # 03/04/2020: day-month or month-day? Not guessed.
        month = _month_number(parts["month"])
        if month is None:
            return None
        day = int(parts["day"]) if parts.get("day") else None
        return _iso(year, month, day)
    return None


# Dates as they stand inside a line, most specific shapes first; a bare year or "May 2021" inside a
# line is not enough to call the line a dateline.
_SEARCHED = [(kind, re.compile(r"(?<![\w.])(?:" + rx.pattern + r")(?![\w]|\.\d)", rx.flags | re.I))
             for kind, rx in _PATTERNS if kind in ("iso", "ymd", "dotted", "slashed", "mdy", "dmy")]
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
                           r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)", re.I)


def search_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first full date written inside `text`, else None.

    Same rules as `parse_date` (ambiguous numeric dates are not read); meant for the short lines
    of an article's header (a dateline with a section label, a byline with a date), not for prose."""
    best: tuple[str, int, int] | None = None
    for kind, pattern in _SEARCHED:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            found = parse_date(match.group(0))
            if found:
                best = (found, match.start(), match.end())
                break
    return best


DATELINE_MIN_WORDS = 8  # the article's first sentence follows the dash
_DATELINE_DASH = re.compile(r"\s*(?:--|[—–]|-(?=\s))\s*")


def dateline_at_start(text: str) -> tuple[str, str] | None:
    """(ISO date, the rest) of a paragraph that opens on a full date and a dash, as news sites date their first
    paragraph ("Feb. 23, 2015 -- Life-threatening peanut allergies …"), else None."""
    found = search_date(text[:40])
    if not found or found[1] != 0:
        return None
    dash = _DATELINE_DASH.match(text, found[2])
    rest = text[dash.end():] if dash else ""
    if len(rest.split()) < DATELINE_MIN_WORDS:
        return None  # "Jun 14, 2023 - World": a header line with a section's name, read with the header
    return found[0], rest


def has_weekday(text: str) -> bool:
    return bool(_WEEKDAY_NAME.search(text))


# "/publications/2013/september/": a year and the month's name (English, written in full).
_URL_MONTH_NAME = re.compile(
    rf"/(?P<year>(?:19|20)\d{{2}})/(?P<month>{'|'.join(list(MONTHS)[:12])})(?=/|$)",  # MONTHS opens with them
    re.I)


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL's path, like /2020/09/25/, /2020/09/ or /20200925/, else None."""
    if not url:
        return None
    path = url_path(url)
    if found := _first_date([*_URL_DATE.finditer(path), *_SLUG_DATE.finditer(path)]):
        return found
    if month := _URL_MONTH_NAME.search(path):
        return _iso(int(month["year"]), MONTHS[month["month"].casefold()])
    return _first_date([*_COMPACT_URL_DATE.finditer(path), *_DAY_FIRST_URL_DATE.finditer(path)])


def _first_date(matches: list[re.Match]) -> str | None:
    """The first of the matches (groups `year`, `month`, `day`; a day may be missing) that is a real date."""
    for match in matches:
        day = match.group("day")
        if found := _iso(int(match.group("year")), int(match.group("month")), int(day) if day else None):
            return found
    return None


def year_of(date: str | None) -> int | None:
    """The year of an ISO date string, else None."""
    return int(date[:4]) if date and len(date) >= 4 and date[:4].isdigit() else None
