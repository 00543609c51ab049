"""Read the metadata an article states about itself, and say where each value came from.

Two places in a text are read: the header (the paragraphs before the first paragraph of prose,
and the standfirst) and the closing block of furniture (author notes, credits, newsletter
footers); besides them only a wire credit or a copyright statement, wherever it stands. Dates
anywhere else are events, never the publication date. Values stated by the file's structure
(front matter, HTML meta tags) win over values read from the text. The article's URL is the last
resort: a date in its path, a writer named at the end of its slug, and its host's name for the
publication; its host also tells which header line is the site's own name. Whatever is not stated
stays None / [] with provenance "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpuslens.ingest.boilerplate import HEADER_LINE_MAX_CHARS, page_stoplist, stopword_share
from corpuslens.ingest.dates import date_from_url, dateline_at_start, has_weekday, parse_date, search_date, year_of
from corpuslens.ingest.people import LABELLED_BYLINE, credit_line, is_organisation, person_names, posted_by
from corpuslens.ingest.furniture import NAME_PATTERN, ROLE_WORDS, author_in_note, line_reason, looks_like_name
from corpuslens.ingest.readers import ParsedFile
from corpuslens.ingest.urls import NAME_FUNCTION_WORDS, is_listing_url, names_host, site_name, slug_byline, slug_words
from corpuslens.model import METADATA_FIELDS

MAX_DATELINE_WORDS = 4  # a place, an outlet, a section or an author beside the date
_DATELINE_WORDS = frozenset("published posted updated date dated on at am pm utc gmt est edt min mins read опубликовано обновлено".split())
HEADER_WINDOW_LINES = 30  # the title, byline and dateline sit within the first lines of a saved page
NAME_LINE_DISTANCE = 3  # a name-only author line sits this close under the title

_PUBLICATION_LINE = re.compile(r"^publication\s*:\s*(?P<pub>.+?)(?:\s+(?:volume|vol\.|issue|no\.)\s*:?\s*\d.*)?$", re.I)
# "By Jane Doe", "ByJane Doe"; Spanish and Portuguese "Por: Jane Doe", French "Par Jane Doe".
_BYLINE = re.compile(r"^(?:by\s*|(?:por|par)\s*:?\s+)(?=[^\W\d_])(?P<rest>.{3,150})$", re.I)
_BYLINE_PARTS = re.compile(r"\s+(?:\||•|·|—|–|-|on|in|for)\s+")
_NAME_LIST = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s*;\s*|\s+and\s+|\s*&\s*")  # "A, B, and C" too
_BRACKETED_SOURCE = re.compile(r"^(?P<title>.+?)\s*\[(?P<source>[^\[\]]{2,60})\]$")
_NOT_A_SOURCE = frozenset("video photo photos opinion analysis updated update interview op-ed exclusive live audio podcast infographic commentary map maps pdf".split())
# "© 2008 by the United States Institute of Peace.", "Copyright © 2019. Democracy for Development (D4D). All
# rights reserved.", "© Group for Legal and Political Studies, July, 2018.": the holder is the publisher.
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?)?\s*[.,]?\s*"
    r"(?:by\s+)?(?P<holder>[^\W\d_][^.|©]{1,80}?)\s*(?:,\s*(?:[^\W\d_]+,?\s*)?(?P<year2>(?:19|20)\d{2})\s*)?"
    r"(?P<end>[.|]|\s+all rights reserved|$)", re.I)
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
        and not text.rstrip("\"”»’'").endswith((".", ",", ";", ":"))  # a sentence, quoted to its end or not
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'«")
    )


def _names(text: str) -> list[str]:
    """The names in 'A', 'A and B', 'A, B & C' when every part is a name, else []."""
    parts = [p for p in _NAME_LIST.split(text.strip()) if p]
    return parts if parts and all(looks_like_name(p) for p in parts) else []


_FOOTNOTE_MARKS = re.compile(r"(?<=\w)[*†‡¹²³⁴⁵]+|(?<=[^\W\d_])\d(?=\s|,|;|$)")


def _lowercase_words(paragraphs: list[str]) -> frozenset[str]:
    """The words a page's running text writes in lower case: ordinary words, where a person's name is
    capitalised (file names and handles in captions and menus do not count)."""
    return frozenset(w for p in paragraphs if _is_prose(p) for w in re.findall(r"[^\W\d_]{4,}", p) if w.islower())


def _name_line(text: str, paragraphs: list[str], stopwords: frozenset[str], lowercase: frozenset[str]) -> list[str]:
    """The authors of a line that only lists them, as a paper's front matter prints them under its
    title ("Nawaz A. Hakro* and Wadho Waqar Ahmed**", "MEEKAL AZIZ AHMED"), else [].

    A line of capitalised words alone can as well be a title-case headline ("IMF Stabilization Programs
    and Macroeconomic Outcomes") or a place, so the line must mark a name with a footnote or be printed
    again elsewhere on the page (a cover and a first page); and none of its words may be one the page's
    running text writes in lower case or one of its common words."""
    bare = _FOOTNOTE_MARKS.sub("", text).strip()
    parts = _names(bare)
    names = person_names("; ".join(parts)) if parts else []
    words = [w for n in names for w in n.split() if len(w.strip(".")) > 1]
    if (not names or len(names) != len(parts) or stopword_share(" ".join(words), stopwords) > 0
            or any(w.casefold() in lowercase for w in words)):
        return []
    printed_again = sum(1 for p in paragraphs if p.casefold() == text.casefold()) > 1
    return names if bare != text or printed_again else []


_BYLINE_ROLE = re.compile(r",\s.*$")  # "Jane Doe, Senior Fellow at ..." -> "Jane Doe"
_AUTHOR_LABEL = re.compile(
    r"^(?:text|words|authors?|written by|prepared by|rapporteurs?|автор|авторы|[tт]екст)\s*:\s*(?P<rest>.{3,200})$", re.I)
# A wire story's closing credit: "(Reporting by Marat Gurt, Writing by Felix Light; Editing by Kirsten Donovan)".
# Reporters and writers are its authors; editors are not.
_WIRE_CREDIT = re.compile(r"^[(*\s]*(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\s", re.I)
_CREDIT_ROLE = re.compile(r"(?P<role>additional reporting|reporting|writing|written|compiled|editing|edited)\s+by\s+(?P<names>[^;()]+?)(?=\s*(?:[;)]|,\s*(?:additional reporting|reporting|writing|editing|edited)\b|$))", re.I)
_WRITES_FOR = re.compile(rf"^(?P<name>{NAME_PATTERN})\s+writes\s+(?:in\s+(?:his|her|their)\s+(?:piece|article|column|op-ed|essay)\s+)?(?:for|in)\s+(?P<pub>[A-Z][^,.;:]{{1,60}})")
# A standfirst that names its writer at the end of a sentence: "…, writes Dr Erica Gaston." A name
# followed by more words ("…, writes John Smith in Foreign Affairs") cites somebody else's piece.
_STANDFIRST_WRITER = re.compile(
    rf",\s+writes\s+(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?(?P<name>{NAME_PATTERN})\s*\.(?:\s|$)")
TAIL_LINES = 6  # a closing "Posted by" line sits among the last lines of a page
_DATELINE_PREFIX = re.compile(r"^\s*(?:dated|date|published|posted|publication date|дата|опубликовано)\s*[:\-–—]?\s*", re.I)
_UPDATED = re.compile(r"\b(?:updated?|modified|last edited|обновлено|изменено)\b", re.I)


_SENTENCE_END = re.compile(r"[.!?…»”\"]$")
_CANNOT_END_A_HEADLINE = frozenset(
    "a an the of and or but to in on at by for from with as that than into onto about и в во на с со по к о об для от из что".split())


def _undouble(text: str) -> str:
    """"Jane DoeJane Doe" (a name printed twice without a space) -> "Jane Doe"."""
    half = len(text) // 2
    return text[:half] if len(text) % 2 == 0 and half >= 5 and text[:half] == text[half:] else text


# "Andrew Mayeda, Jenny Leonard and Joe Deaux": three names or more in a list, the last after "and".
_LISTED_NAMES = re.compile(r"^[^,]+(?:,\s*[^,]+)+,?\s+(?:and|&)\s+[^,]+$")


def _people(text: str) -> list[str]:
    """People named in a byline's text: roles after a comma dropped, agencies refused."""
    if _LISTED_NAMES.match(text.strip()):
        items = _names(text)
        if items and all(person_names(i) == [i] and not ROLE_WORDS.search(i) for i in items):
            return list(dict.fromkeys(items))
    parts = re.split(r"\s*(?:&|\band\b|\bи\b|;)\s*", text, flags=re.I)
    names: list[str] = []
    for part in parts:
        part = _BYLINE_ROLE.sub("", part.strip())
        names.extend(n for n in person_names(_undouble(part)) if n not in names)
    return names


_OTHER_CREDIT = re.compile(r"\.\s+(?=[A-Z][a-z]+(?:\s+[a-z]+)?\s+by\s)")
_DATE_LEAD_IN = re.compile(r"\s+(?:on|at|published|posted|updated)$", re.I)


def _byline(text: str) -> tuple[list[str], str | None] | None:
    """(authors, date) of "By Jane Doe", "ByJohn Newman", "BY JANE DOE", "By A and B | Feb 23, 2024",
    "By Jane Doe March 3, 2021", "Text: Jane Doe", "Posted by kovarex on 2019-02-15"; None when the
    line names no person."""
    if names := posted_by(text):
        found = search_date(text)
        return names, found[0] if found else None
    match = _BYLINE.match(text) or _AUTHOR_LABEL.match(text)
    if not match:
        return None
    rest = match.group("rest")
    date = None
    found = search_date(rest)
    if found:
        date, rest = found[0], (rest[: found[1]] + " " + rest[found[2]:]).strip(" |•·—–-,")
        rest = _DATE_LEAD_IN.sub("", rest)  # "By Jane Doe on January 5, 2017": "on" went with the date
    rest = _OTHER_CREDIT.split(rest)[0]  # "By Jane Doe. Design by John Smith.": the designer did not write it
    parts = _BYLINE_PARTS.split(rest)
    names = _people(parts[0])
    if not names:
        # "By The Associated Press January 15, 2017": an organisation's byline still dates the article.
        return ([], date) if date else None
    if date is None:
        date = next((d for d in (parse_date(p) for p in parts[1:]) if d), None)
    return names, date


# A writer's name with no "By", run into the date beside it ("Keiran Pedley16 February 2024": two page elements
# saved without a space; with a space it could as well be a place's dateline) or followed by the outlet's name
# ("Alfredo Corchado The Dallas Morning News").
_NAME_RUN_INTO_DATE = re.compile(
    rf"^(?P<name>{NAME_PATTERN})(?<=[^\W\d_])(?P<date>\d{{1,2}}\s+[A-Z][a-z]+\.?\s+\d{{4}}|[A-Z][a-z]+\.?\s+\d{{1,2}},?\s+\d{{4}})$")
# "RAMON ROYANDOYAN, Nikkei staff writer": a name and the writer's job at the outlet, the date may follow.
_NAME_AND_ROLE = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3}),\s+(?:[\w&.'’ -]{0,40}\s)?"
    r"(?i:staff writer|staff reporter|senior writer|contributing writer|correspondent|reporter|columnist)"
    r"(?:\s*[|,]?\s*(?P<date>[A-Z0-9][\w ,:.]{5,40}))?$")
_NAME_AND_OUTLET = re.compile(rf"^(?P<name>{NAME_PATTERN}?)\s+(?P<outlet>The\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,4}})$")


# The word that ends a newspaper's or a magazine's name ("The Dallas Morning News", "The Sunday Times").
_NEWS_OUTLET_WORDS = frozenset(
    "news times post journal herald tribune guardian telegraph standard chronicle gazette observer monitor mail "
    "express star globe press independent economist diplomat review examiner inquirer record daily".split())


def _bare_byline(text: str) -> tuple[str, str | None, str | None] | None:
    """(author, date, outlet) of a byline without "By" that the page's layout gives away; else None."""
    if len(text) > 100:
        return None
    glued = _NAME_RUN_INTO_DATE.match(text)
    if glued and person_names(glued["name"]) == [glued["name"]] and (date := parse_date(glued["date"])):
        return glued["name"], date, None
    staff = _NAME_AND_ROLE.match(text)
    if staff and (names := person_names(staff["name"])) and len(names) == 1 and not is_organisation(names[0]):
        if not staff["date"]:
            return names[0], None, None
        date = parse_date(staff["date"]) or next(iter(search_date(staff["date"]) or ()), None)
        if date:  # what follows the job must be a date ("… staff writerFebruary 2, 2024 12:00 JST")
            return names[0], date, None
    outlet = _NAME_AND_OUTLET.match(text)
    if outlet and len(outlet["name"].split()) in (2, 3) and person_names(outlet["name"]) == [outlet["name"]] \
            and not is_organisation(outlet["name"]) and outlet["outlet"].split()[-1].casefold() in _NEWS_OUTLET_WORDS:
        return outlet["name"], None, outlet["outlet"]
    return None


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


def _dateline(text: str) -> tuple[str, bool] | None:
    """(date, is_update) when the line is a dateline: a date with at most a few words around it
    ("July 19, 2023", "Politics 12:30, 03.03.2021", "February 15, 2013|Reuters", "15 min readMay 2, 2019")."""
    if len(text) > 90:
        return None
    date = parse_date(text)
    if date:
        return date, bool(_UPDATED.search(text))
    text = re.sub(r"(?<=[a-zа-я])(?=[A-ZА-Я][a-zа-я])", " ", text)  # "readMay 2" -> "read May 2"
    found = search_date(text)
    if not found:
        return None
    rest = (text[: found[1]] + " " + text[found[2]:]).strip()
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.casefold() not in _DATELINE_WORDS and not has_weekday(w)]
    if len(words) > MAX_DATELINE_WORDS:
        return None  # a sentence or a headline that mentions a date: not a dateline
    if text.rstrip().endswith(".") and any(w.islower() for w in words):
        return None  # "Elections were held on March 3, 2021.": a sentence about an event
    return found[0], bool(_UPDATED.search(text[: found[1]]))


_CAPS_SURNAME = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]+(?:\s[A-ZА-ЯЁ][a-zа-яё]+)?\s[A-ZА-ЯЁ]{3,}(?:-[A-ZА-ЯЁ]{2,})?$")


def _capitalised_surnames(text: str) -> list[str]:
    """Authors in a dateline written as given name and surname in capitals ("…, Бишкек - 24.kg, Жазгуль
    МАСАЛИЕВА"), the convention of many newsrooms; a place in capitals ("NEW YORK") is not one."""
    names: list[str] = []
    for part in re.split(r"\s*[,|]\s*|\s+[-–—]\s+", text):
        if _CAPS_SURNAME.match(part.strip()):
            names.extend(person_names(part.strip()))
    return names


_STATEMENT_END = re.compile(r"[.!…][\"”»’')]?$")


def _is_sentence(text: str) -> bool:
    """Three words or more ending in a full stop: running text, not a menu, a label or a banner
    (banners ask: "Switch to the light version?")."""
    return len(text.split()) >= 3 and bool(_STATEMENT_END.search(text))


def _headline_follows(paragraphs: list[str], reasons: list[str | None], i: int) -> bool:
    """Whether one of the next two lines reads as a headline with the article's prose, a dateline or a
    byline right under it."""
    for j in (i + 1, i + 2):
        if j + 1 < len(paragraphs) and not reasons[j] and _is_heading(paragraphs[j]):
            under = paragraphs[j + 1]
            if _is_prose(under) or _dateline(under) or _byline(under):
                return True
    return False


def _is_clock(text: str) -> bool:
    """A weekday date with nothing else on its line but a time: the page's clock, not a dateline
    ("Monday March 1 2021"); "BAGHDAD | Fri Feb 15, 2013 10:13am EST" names a place, so it is one."""
    if not has_weekday(text):
        return False
    found = search_date(text)
    rest = text[: found[1]] + " " + text[found[2]:] if found else text
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if not has_weekday(w) and w.lower() not in ("am", "pm", "utc", "gmt", "est", "edt", "pst", "cet", "msk")]
    return len(words) == 0


def _previous_open(i: int, reasons: list[str | None], consumed: dict[int, str], candidates: list[int]) -> int | None:
    """The nearest line above `i` that is a title candidate or neither furniture nor read as metadata."""
    return next((j for j in range(i - 1, -1, -1) if j in candidates or (not reasons[j] and j not in consumed)), None)


def _title_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 1 and not w.isdigit()}


# Words of a URL's path that name the kind of page, not its subject.
_URL_KIND_WORDS = frozenset("news post posts article articles story stories view page html htm php amp index en".split())
SLUG_WORDS_TO_JUDGE = 3  # a slug of fewer subject words may be an id or a section, and says too little


def _slug_disowns(text: str, slug: set[str], stopwords: frozenset[str]) -> bool:
    """Whether a page's URL, naming its subject in three words or more, shares none of them with a line in Latin
    letters: then the line is not the headline but a label, a credit or a subheading ("Original content", "Table of
    Content", "Photographer: …" over /trump-vows-to-respond-to-europes-retaliatory-metal-tariffs). A headline in
    another script is left alone: its URL spells it in Latin letters. Words match on their first five letters
    ("mediates", "mediation"), and hyphens inside a word do not part it ("E-stonia" is estonia)."""
    subject = {w for w in slug if len(w) > 2 and w.isalpha() and w not in stopwords and w not in _URL_KIND_WORDS}
    if len(subject) < SLUG_WORDS_TO_JUDGE or not re.search(r"[A-Za-z]", text) or re.search(r"[^\W\d_A-Za-z\u00c0-\u024f]", text):
        return False
    words = _title_words(text) | _title_words(re.sub(r"(?<=\w)-(?=\w)", "", text))
    return not any(w == s or (len(w) >= 5 and len(s) >= 5 and w[:5] == s[:5]) for w in words for s in subject)


DECK_MIN_WORDS = 6


def _written_in_sentence_case(text: str) -> bool:
    """A line with a word in lower case that is not a function word: a headline written as a sentence, not a
    masthead or a name in capitals ("The Lahore Journal of Economics")."""
    return any(w[:1].islower() and w.casefold() not in NAME_FUNCTION_WORDS and w.isalpha() for w in text.split())


def _stands_over_a_byline(i: int, candidates: list[int], kinds: dict[int, str], paragraphs: list[str],
                          deck: bool = True) -> bool:
    """Whether a byline, a dateline or an author line stands under the line, before any other heading-like line; or,
    once, under the heading-like line right below it when that reads as a deck, six words or more, under a headline
    written as a sentence (a headline over its deck over the byline; a shorter line is a place and a date,
    "Pristina, Kosovo December 2019"; a line of capitalised words over a headline is a masthead)."""
    for j in range(i + 1, min(i + 4, len(paragraphs))):
        if j in kinds or j in candidates:
            if kinds.get(j) in ("byline", "dateline", "author line", "name line"):
                return True
            return (deck and j == i + 1 and j in candidates and len(paragraphs[j].split()) >= DECK_MIN_WORDS
                    and _written_in_sentence_case(paragraphs[i])
                    and _stands_over_a_byline(j, candidates, kinds, paragraphs, deck=False))
    return False


def _title_score(i: int, candidates: list[int], paragraphs: list[str], kinds: dict[int, str], slug: set[str],
                 stopwords: frozenset[str]) -> float:
    text = paragraphs[i]
    words = text.split()
    score = 0.0
    if i == candidates[0]:
        score += 1.0  # the first heading-like line is the usual place of the headline
    if any(abs(j - i) > 1 and paragraphs[j] == text for j in candidates):
        # Repeated (page title and headline, or headline and image alt text); a line printed twice in a
        # row is a photo's caption and alt text.
        score += 2.0
    if _stands_over_a_byline(i, candidates, kinds, paragraphs):
        score += 2.0
    if len(words) <= 3 and len(candidates) > 1:
        score -= 2.0  # among other heading-like lines, a short one is a section label, a logo, a site name
    following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
    if _is_prose(following) or (len(following.split()) >= 10 and _SENTENCE_END.search(following)):
        score += 1.0  # right above the article's first paragraph or sentence
    if len(words) >= 6 and len({w.casefold() for w in words}) < 0.8 * len(words):
        score -= 2.0  # a tag list that names the same people and places again
    if _BYLINE.match(text):
        score -= 4.0  # "By …" that names no person is an organisation's byline, not a headline
    if any(_is_sentence(paragraphs[j]) and kinds.get(j) != "banner" for j in range(max(0, i - 10), i)):
        score -= 3.0  # below running text: a subheading or a closing line, not the headline
    if re.match(r"^\d{1,3}[.)]\s", text) or re.search(r"\s\d{1,3}$", text):
        score -= 3.0  # an item of a numbered list or a table of contents (with its page number)
    if len(words) >= 4 and stopword_share(text, stopwords) == 0:
        score -= 2.0  # a run of names or tags; headlines have a function word or two
    if words[-1].casefold() in _CANNOT_END_A_HEADLINE:
        score -= 3.0  # a line that stops on "of" or "the" is a sentence cut off, not a headline
    elif len(words) >= 5:
        score += 0.5
    if slug:
        overlap = len(_title_words(text) & slug) / max(1, len(slug))
        score += 4.0 * overlap
    return score


def _read_header(paragraphs: list[str], reasons: list[str | None], heading: str | None, found: dict,
                 consumed: dict[int, str], url: str | None, stopwords: frozenset[str]) -> None:
    """Publication line, bylines, datelines and the title, from the paragraphs before the article's prose.

    The title is the markup's heading where there is one; otherwise the heading-like line that
    looks most like a headline: repeated, standing right above a byline or a dateline, matching
    the words of the page's URL, and not a two-word section label. Dates above the title count
    only right above it and without a weekday (a weekday date at the top of a page is its clock);
    an "updated" date never counts."""
    kinds: dict[int, str] = {}
    dates: list[tuple[int, str]] = []
    candidates: list[int] = []
    lowercase = _lowercase_words(paragraphs)
    end = min(len(paragraphs), HEADER_WINDOW_LINES)
    for i in range(end):
        text = paragraphs[i]
        if reasons[i] == "image caption (repeated line)" and _is_heading(text) and line_reason(text) is None:
            candidates.append(i)  # a headline printed twice at the top of a page (page title and heading)
            continue
        if reasons[i]:
            continue
        if publication := _PUBLICATION_LINE.match(text):
            found.setdefault("publication", publication.group("pub").strip())
            consumed[i] = "publication line (kept as metadata)"
            kinds[i] = "publication"
            continue
        if byline := _byline(text):
            _add_unique(found.setdefault("authors", []), byline[0])
            if byline[1]:
                dates.append((i, byline[1]))
            consumed[i] = "byline (kept as metadata)"
            kinds[i] = "byline"
            continue
        if byline := _bare_byline(text):
            _add_unique(found.setdefault("authors", []), [byline[0]])
            if byline[1]:
                dates.append((i, byline[1]))
            if byline[2]:
                found.setdefault("publication", byline[2])
            consumed[i] = "byline (kept as metadata)"
            kinds[i] = "byline"
            continue
        if (note_name := author_in_note(text)) and len(text) <= 400:
            _add_unique(found.setdefault("authors", []), person_names(note_name))
            consumed[i] = "author biography"
            continue
        if writes := _WRITES_FOR.match(text):
            _add_unique(found.setdefault("authors", []), person_names(writes.group("name")))
            found.setdefault("publication", writes.group("pub").strip())
        if dateline := _dateline(text):
            _add_unique(found.setdefault("authors", []), _capitalised_surnames(text))
            kinds[i] = "dateline"
            consumed[i] = "dateline (kept as metadata)" if not dateline[1] else "update date (not the publication date)"
            if not dateline[1]:
                dates.append((i, dateline[0]))
            continue
        if _is_prose(text):
            if not candidates and i <= 2 and _headline_follows(paragraphs, reasons, i):
                kinds[i] = "banner"  # a long photo caption or banner above the headline
                continue
            if (writer := _STANDFIRST_WRITER.search(text[:600])) and looks_like_name(writer.group("name")):
                _add_unique(found.setdefault("authors", []), person_names(writer.group("name")))
            break
        under_candidate = candidates and candidates[-1] == _previous_open(i, reasons, consumed, candidates)
        if under_candidate and _name_line(text, paragraphs, stopwords, lowercase):
            kinds[i] = "name line"  # the authors under a title, not a heading of their own
            continue
        if _is_heading(text):
            candidates.append(i)
    else:
        i = end
    # A dateline or byline may stand under a standfirst, after the first prose: a few more lines are
    # read for those alone (a line of its own that is a date or a byline; never a sentence).
    for j in range(i + 1, min(len(paragraphs), i + 8)):
        if reasons[j] or j in consumed:
            continue
        dateline = _dateline(paragraphs[j])
        if dateline and (len(paragraphs[j]) <= 40 or parse_date(paragraphs[j])):
            kinds[j] = "dateline"
            consumed[j] = "dateline (kept as metadata)" if not dateline[1] else "update date (not the publication date)"
            if not dateline[1]:
                dates.append((j, dateline[0]))
        elif byline := _byline(paragraphs[j]):
            _add_unique(found.setdefault("authors", []), byline[0])
            consumed[j] = "byline (kept as metadata)"
            kinds[j] = "byline"
    title_at: int | None = None
    if heading:
        title_at = next((i for i in candidates if paragraphs[i].casefold() == heading.casefold()), None)
    elif candidates:
        slug = slug_words(url)
        scores = {i: _title_score(i, candidates, paragraphs, kinds, slug, stopwords) for i in candidates}
        best = max(candidates, key=lambda i: (scores[i], -i))
        if scores[best] > 0 and not _slug_disowns(paragraphs[best], slug, stopwords):
            title_at = best
    if not heading and title_at is not None:
        # Above a headline read from the text stand the site's header lines (menus, banners, section
        # labels): a page's own text starts with its headline. A sentence above it is left alone.
        for i in range(title_at):
            if not reasons[i] and i not in consumed and len(paragraphs[i]) <= 300 and not _is_sentence(paragraphs[i]):
                consumed[i] = "site header above the headline"
    title = heading or (paragraphs[title_at] if title_at is not None else None)
    if title:
        for i in range(len(paragraphs)):  # the headline once: its repetitions (image alt text, page title) go too
            if paragraphs[i].casefold() == title.casefold():
                consumed[i] = "title (kept as metadata)"
    # Author lines: a name-only line right under the title and next to a dateline (a bare line of
    # capitalised words elsewhere is as often a section label, a button or a person in the news).
    if title_at is not None:
        for i in range(title_at + 1, min(end, title_at + 1 + NAME_LINE_DISTANCE)):
            if kinds.get(i) == "name line" and _previous_open(i, reasons, consumed, candidates) == title_at:
                _add_unique(found.setdefault("authors", []), _name_line(paragraphs[i], paragraphs, stopwords, lowercase))
                consumed[i] = "author line (kept as metadata)"
                continue
            if i in consumed or reasons[i] or not (kinds.get(i - 1) == "dateline" or kinds.get(i + 1) == "dateline"):
                continue
            if names := _names(paragraphs[i]):
                _add_unique(found.setdefault("authors", []), [n for n in names if not is_organisation(n)])
                consumed[i] = "author line (kept as metadata)"
    if dates:
        anchor = title_at if title_at is not None else -1
        below = [d for i, d in dates if i > anchor]
        # A weekday date alone on its line is the page's clock, unless the URL dates the page to its month too
        # (a blog's "Wednesday, November 6, 2013" over the post of /2013/11/).
        url_date = date_from_url(url)
        above = [d for i, d in dates if anchor - 3 <= i < anchor
                 and (not _is_clock(paragraphs[i]) or (url_date and len(url_date) >= 7 and d.startswith(url_date)))]
        chosen = below[0] if below else (above[-1] if above else None)
        if chosen:
            found.setdefault("date", chosen)
    if title:
        title, source = split_bracketed_source(title)
        found["title"] = title
        if source:
            found.setdefault("publication", source)


_YEAR_MONTH = re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])(?![\d-])")  # "date 2024-03 …": a month


def strip_leading_dateline(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """A "date 2022-09-16 MOSCOW (AP) — …" header or a "Feb. 23, 2015 -- …" dateline glued to one of the first
    paragraphs: the date, and the paragraphs with the label and the date taken off."""
    for i, text in enumerate(paragraphs[:3]):
        if opening := dateline_at_start(text):
            return paragraphs[:i] + [opening[1]] + paragraphs[i + 1:], opening[0]
        match = _DATELINE_PREFIX.match(text)
        if not match or not match.group(0).strip():
            continue
        found_date = search_date(text[match.end(): match.end() + 40])
        if not (found_date and found_date[1] == 0) and (month := _YEAR_MONTH.match(text, match.end())):
            found_date = (f"{month['year']}-{month['month']}", 0, month.end() - match.end())
        if found_date and found_date[1] == 0:
            rest = text[match.end() + found_date[2]:].strip()
            return paragraphs[:i] + ([rest] if rest else []) + paragraphs[i + 1:], found_date[0]
    return paragraphs, None


_SITE_SUFFIX = re.compile(r"\s+[|–—\-:]\s+(?P<site>[^|–—]{2,60})$")
# A site's or a section's name before a bar: "The New Humanitarian | Afghanistan: What does …".
_SITE_PREFIX = re.compile(r"^[^|]{2,40}?\s+\|\s+(?=\S)")
_KICKER = re.compile(r"\s+[|–—\-:]\s*(?:analysis|opinion|commentary|news|op-ed)\s+(?:from|by)\s+\S.{0,60}$", re.I)
# A label before the headline: "CENTRAL ASIA BLOG: …", "ANALYSIS: …", "Permalink …", "Press release – …".
_LEADING_LABEL = re.compile(
    r"^(?:[A-Z][A-Z0-9 &'’.-]{2,30}:\s+(?=\S)|(?i:permalink)\s+|(?i:press release)\s*[–—-]\s*|"
    r"(?i:analysis|opinion|commentary|exclusive|explainer|interview|editorial|breaking|watch|live|video|photos)\s*:\s+)"
)


def clean_title(title: str, publication: str | None, url: str | None) -> str:
    """The headline without a kicker ("… Analysis from X", "ANALYSIS: …"), a site's or section's name
    before a bar, or the site's name after a bar or dash."""
    title = _KICKER.sub("", title).strip()
    if (prefix := _SITE_PREFIX.match(title)) and len(title[prefix.end():].split()) >= 4:
        title = title[prefix.end():]
    unlabelled = _LEADING_LABEL.sub("", title, count=1).strip()
    if len(unlabelled.split()) >= 3:
        title = unlabelled
    match = _SITE_SUFFIX.search(title)
    if match:
        site = match.group("site").casefold().strip()
        host = site_name(url) or ""
        names = {(publication or "").casefold().strip(), host, *(label for label in host.split(".") if len(label) > 3)}
        if site in names or re.sub(r"[^\w]", "", site) in names:
            title = title[: match.start()].strip()
    return title


_NAME_PARTS = re.compile(r"\s+[|–—-]\s+|:\s+")
_CREDIT_OWNER = re.compile(r"^(?:©|\(c\))\s*(?P<owner>[^/]{2,60}?)\s*/")  # "© UNHCR/R. Nuri"
_DATELINE_AGENCY = re.compile(r"\(([^()]{2,60})\)\s*[-–—:]")  # "Ulaanbaatar (AsiaNews/Agencies) - …"
_AFFILIATION = re.compile(r"\b(?:at|for)\s+(?:the\s+)?((?:The\s+)?[A-Z][^,;|]{2,80})")  # "… correspondent for The Times of Israel"
MAX_SITE_NAME_WORDS = 6


def _name_candidates(text: str) -> list[str]:
    """Phrases of a header line that may be the site's name: the short line itself, its parts around a bar
    or a dash, a bracket's parts ("Ulaanbaatar (AsiaNews/Agencies) -"), an affiliation ("… at the X") and the
    owner in a photo's credit ("© UNHCR/R. Nuri": UNHCR, never the credit line itself)."""
    if credit := _CREDIT_OWNER.match(text):
        return [credit.group("owner")]
    phrases = [] if _is_prose(text) else [text, *_NAME_PARTS.split(text)]
    for inner in _DATELINE_AGENCY.findall(text[:100]):
        phrases += inner.split("/")
    phrases += _AFFILIATION.findall(text[:300])
    phrases = [p.strip(" .,") for p in phrases]
    # A person's name matching the host (adamrang.medium.com) is the blog's author, not its title.
    return [p for p in phrases
            if p and len(p.split()) <= MAX_SITE_NAME_WORDS and not (looks_like_name(p) and person_names(p) == [p])]


def site_named_in_header(paragraphs: list[str], url: str | None) -> str | None:
    """The site's name as the page writes it in its header (a masthead, a dateline's agency in brackets,
    an author's affiliation), recognised by matching the page's host: "Teller Report" on tellerreport.com.
    A name that the host does not spell is left alone: it may be a section, a source or a partner."""
    if not url:
        return None
    for text in paragraphs[:HEADER_WINDOW_LINES]:
        if len(text) <= 2000:
            for phrase in _name_candidates(text):
                if names_host(phrase, url):
                    return phrase
    return None


# The site speaking of itself by name: "At YIP, nuanced policy briefs emerge from …", "At The Conversation, we …".
_SELF_INTRODUCTION = re.compile(r"^At (?P<name>(?:The )?[A-Z][\w&’'.\-]*(?: [A-Z][\w&’'.\-]*){0,4}),\s")


def self_introduction_in_header(paragraphs: list[str], reasons: list[str | None], url: str | None) -> tuple[int, str] | None:
    """A header line in which the site introduces itself ("At <its name>, …"), its name recognised by matching
    the page's host: the line is the publisher's blurb, not the article, and it names the publication."""
    if not url:
        return None
    for i, text in enumerate(paragraphs[:HEADER_WINDOW_LINES]):
        match = _SELF_INTRODUCTION.match(text)
        if match and not reasons[i] and len(text) <= HEADER_LINE_MAX_CHARS and names_host(match.group("name"), url):
            return i, match.group("name")
    return None


# Words that name an outlet or an institution in a masthead: "The Lahore Journal of Economics", "Pakistan
# Institute of Development Economics". "News" is left out: "World News" above a headline is a section.
_OUTLET_WORDS = frozenset(
    "journal review quarterly gazette herald tribune times monitor observer institute institution "
    "centre center council foundation".split())


def headline_row(consumed: dict[int, str]) -> int | None:
    """The line the headline was read from (its first copy), if the header reader took one from the text."""
    return next((i for i in sorted(consumed) if consumed[i] == "title (kept as metadata)"), None)


def masthead_above_title(paragraphs: list[str], consumed: dict[int, str]) -> str | None:
    """A line above the headline that names an outlet or an institution ("The Lahore Journal of
    Economics" over a paper's title): three to six capitalised words, one of them an outlet's word
    (two, as "Council Elections", are more often a section label)."""
    title_at = headline_row(consumed)
    for text in paragraphs[:title_at or 0]:
        words = text.split()
        if (3 <= len(words) <= MAX_SITE_NAME_WORDS and not re.search(r"[\d.,:;!?|@/]", text)
                and all(w[0].isupper() or w.casefold() in NAME_FUNCTION_WORDS for w in words)
                and any(w.casefold() in _OUTLET_WORDS for w in words)):
            return text
    return None


def copyright_year_in_header(paragraphs: list[str]) -> int | None:
    """The year of a copyright line above the text's first paragraph of prose, as a report's front matter states it
    ("© 2008 by the United States Institute of Peace."): the year only, the date stays unknown. A copyright line
    under the article is the site's footer, dated when the page was saved, and never counts; nor does a range."""
    for text in paragraphs[:HEADER_WINDOW_LINES]:
        match = _COPYRIGHT_HOLDER.match(text.strip()[:300])
        if match:
            year = match.group("year") or match.group("year2")
            return int(year) if year and year.isdigit() else None
        if _is_prose(text):
            return None
    return None


def copyright_holder(text: str) -> str | None:
    """Who a copyright line names, when it names an organisation with a year or "All rights reserved";
    "© Atko Januson" under a photo credits a person, not the publisher."""
    text = text.strip()[:300]  # the statement; a licence's terms may follow it on the same line
    match = _COPYRIGHT_HOLDER.match(text)
    if not match:
        return None
    holder = re.sub(r"^the\s+", "", match.group("holder").strip(" ,"), flags=re.I)
    dated = match.group("year") or match.group("year2") or re.search(r"all rights reserved", text, re.I)
    if not dated or len(holder.split()) > 10 or not holder[:1].isalpha() or (person_names(holder) == [holder] and looks_like_name(holder)):
        return None
    if holder.casefold().startswith("all rights"):
        return None
    return holder


_TAGLINE = re.compile(r"^(?P<name>\S+(?:\s\S+){0,2})\s+[|–—-]\s+\S+(?:\s\S+){2,}$")  # "Aktuálně.cz - Víte, co se právě děje"
_POWERED_BY = re.compile(r"\s+(?:powered|hosted)\s+by\s+.*$", re.I)  # "Fandom powered by Wikia"
_COMPANY_FORM = re.compile(r",?\s+(?:inc|ltd|llc|gmbh|corp|plc|limited)\.?$", re.I)  # "Spiceworks Inc"
_DOMAIN_TAIL = re.compile(r"(?<=[^\W\d_])\.(?:com|fr|de|net|org|co\.uk|ru|it|es)$")  # "Le Monde.fr", "Salon.com"
_DOMAIN_TAIL_ANY_CASE = re.compile(_DOMAIN_TAIL.pattern, re.I)
_BARE_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.I)


def clean_publication(name: str) -> str | None:
    """The outlet's name out of a stated site name: without a tagline, "powered by", a company form or a
    domain ending; None when the "name" is only a web address ("http://www.tmz.com", "en.wikipedia.org"),
    which says no more than the URL does."""
    name = " ".join(name.split())
    if _BARE_ADDRESS.match(name) and (name.count(".") > 1 or "/" in name):
        return None
    if match := _TAGLINE.match(name):
        name = match.group("name")
    name = _COMPANY_FORM.sub("", _POWERED_BY.sub("", name)).strip()
    return _DOMAIN_TAIL.sub("", name) or None


# The parts of a page's <title>: "Headline - The New York Times", "Silicon Exposed: Headline", "Headline | TMZ.com".
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*|:\s+")


def publication_in_title(page_title: str | None, url: str | None, stated: str | None) -> str | None:
    """The site's name as its <title> writes it for readers, when the first or last part of the title is the host's
    own name and the page states no other name, or states this one squashed for machines ("NYTimes" for "The New York
    Times" on nytimes.com, "HeraldSun" for "Herald Sun", "SIMPLYFOUND.COM" for "SimplyFound"). `stated`: the
    page's cleaned site name, if any."""
    if not page_title or not url:
        return None
    parts = [part.strip() for part in _TITLE_PARTS.split(page_title) if part.strip()]
    if len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        name = clean_publication(part)
        if not name or len(name.split()) > 6 or not names_host(name, url):
            continue
        if not stated:
            return name
        if " " not in stated and stated != name and _squashed(stated) in _squashed_forms(name):
            return name
        return None
    return None


def _squashed(name: str) -> str:
    words = re.findall(r"[^\W_]+", _DOMAIN_TAIL_ANY_CASE.sub("", name).casefold())
    return "".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def _squashed_forms(name: str) -> set[str]:
    """A name run together, whole or as initials before its last word ("The New York Times": newyorktimes, nytimes)."""
    words = re.findall(r"[^\W_]+", name.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return {"".join(words), "".join(w[0] for w in words[:-1]) + words[-1] if words else ""}


def wire_credit_authors(text: str) -> list[str] | None:
    """The reporters and writers of a wire credit line, or None when the line is not one."""
    if len(text) > 300 or not _WIRE_CREDIT.match(text):
        return None
    names: list[str] = []
    for match in _CREDIT_ROLE.finditer(text):
        if not match.group("role").lower().startswith("edit"):
            names.extend(n for n in _people(match.group("names")) if n not in names)
    return names or None


def _read_closing(paragraphs: list[str], reasons: list[str | None], found: dict, consumed: dict[int, str]) -> None:
    credited: list[str] = []
    for i, text in enumerate(paragraphs):
        if not reasons[i] and (names := wire_credit_authors(text)) is not None:
            consumed[i] = "wire credit line (kept as metadata)"
            _add_unique(credited, names)
    if credited:
        _add_unique(found.setdefault("authors", []), credited)
    notes: list[str] = []
    for text, reason in zip(paragraphs, reasons):
        if reason == "author biography" and (name := author_in_note(text)):
            notes.append(name)
        elif reason in ("copyright notice", None) and "publication" not in found and (holder := copyright_holder(text)):
            found["publication"] = holder
        elif reason in ("newsletter sign-up", "donation plea") and "publication" not in found:
            for pattern in _FOOTER_PUBLICATION:
                if match := pattern.search(text):
                    found["publication"] = match.group("pub").strip()
                    break
    authors = found.setdefault("authors", [])
    _add_unique(authors, notes)
    if not authors:
        # "Posted by Jane Doe." under the article, as blogs print it; "（编译/林靖东）" closing its last paragraph.
        tail = range(max(0, len(paragraphs) - TAIL_LINES), len(paragraphs))
        # Several "By: …" lines under the article are the bylines of a list of other stories.
        one_labelled = sum(bool(LABELLED_BYLINE.match(paragraphs[i])) for i in tail) <= 1
        for i in tail:
            # a short label closing the page was set aside as a signature or the site's name; a labelled byline
            # among them ("Por: Júlia Barbon") still names the writer
            if not one_labelled and LABELLED_BYLINE.match(paragraphs[i]):
                continue
            readable = not reasons[i] or reasons[i] in ("publication name", "author signature")
            names, whole_line = credit_line(paragraphs[i]) if readable else ([], False)
            if names:
                _add_unique(authors, names)
                if whole_line:
                    consumed[i] = "byline (kept as metadata)"
    # A bare name closing the article is not read as its author: news sites close with the editor's,
    # translator's or photographer's name as often as blogs sign with the writer's.


def _authors_in_slug(url: str | None, paragraphs: list[str], stopwords: frozenset[str] | None) -> list[str]:
    """The writer a URL names at the end of its slug ("…-by-andres-velasco-2024-05"), when the words are
    no common words of the page ("…-killed-by-russian-strike" names an event, not a writer)."""
    words = slug_byline(url)
    if not words:
        return []
    common = _lowercase_words(paragraphs) | (stopwords or frozenset())
    if any(w in common for w in words.split()):
        return []
    return person_names(words.title())


_TEASER_METADATA = frozenset({"title (kept as metadata)", "byline (kept as metadata)", "dateline (kept as metadata)",
                              "author line (kept as metadata)", "site header above the headline"})


def extract_metadata(paragraphs: list[str], reasons: list[str | None], parsed: ParsedFile,
                     url: str | None = None, leading_date: str | None = None,
                     stopwords: frozenset[str] | None = None) -> Extracted:
    """Title, authors, publication, date, year and url with their provenance.

    `url` is the page's address from the catalog; `leading_date` a date read off a dateline glued
    to the first paragraph. What nothing states stays unknown, except the publication: without a
    stated name, the site's host name from the URL stands in, with provenance "url"."""
    from_text: dict = {}
    consumed: dict[int, str] = {}
    if leading_date:
        from_text["date"] = leading_date
    # A title stated by front matter or meta tags counts as the heading: only a paragraph repeating it is
    # taken out of the text, never a different first line that merely reads like a heading.
    stated_url = url or parsed.stated.get("url")
    _read_header(paragraphs, reasons, parsed.heading or parsed.stated.get("title"), from_text, consumed, stated_url,
                 stopwords if stopwords is not None else page_stoplist(paragraphs))
    if is_listing_url(stated_url):
        # A listing's first headline, byline and date are its first teaser's: the page itself states none, and the
        # teasers stay in its text.
        for key in ("title", "authors", "date"):
            from_text.pop(key, None)
        consumed = {i: why for i, why in consumed.items() if why not in _TEASER_METADATA}
    if (intro := self_introduction_in_header(paragraphs, reasons, stated_url)) and intro[0] not in consumed:
        consumed[intro[0]] = "publisher's self-description"
        from_text.setdefault("publication", intro[1])
    if "publication" not in from_text:
        # The host's own name written in the header is surer than an outlet's word in a masthead line.
        if site := site_named_in_header(paragraphs, stated_url) or masthead_above_title(paragraphs, consumed):
            from_text["publication"] = site
    _read_closing(paragraphs, reasons, from_text, consumed)

    result = Extracted(consumed=consumed)
    for name in ("title", "authors", "publication", "date", "url"):
        if parsed.stated.get(name):
            setattr(result, name, parsed.stated[name])
            result.provenance[name] = parsed.stated_from
        elif from_text.get(name):
            setattr(result, name, from_text[name])
            result.provenance[name] = "text"
    if url:
        result.url, result.provenance["url"] = url, "catalog"
    if not result.authors and (names := _authors_in_slug(result.url, paragraphs, stopwords)):
        result.authors, result.provenance["authors"] = names, "url"
    url_date = date_from_url(result.url)
    # The URL's date where nothing else states one, or where it names the day of the month the text states.
    if url_date and (result.date is None or (len(result.date) < len(url_date) and url_date.startswith(result.date))):
        result.date, result.provenance["date"] = url_date, "url"
    if result.title:
        result.title = clean_title(result.title, result.publication, result.url)
        # The headline the page states (meta tags, an <h2> the extractor kept) printed again atop the text.
        for i, text in enumerate(paragraphs[:3]):
            if i not in consumed and not reasons[i] and text.strip().casefold() == result.title.strip().casefold():
                consumed[i] = "title (kept as metadata)"
    if result.publication and result.provenance.get("publication") != "url":
        result.publication = clean_publication(result.publication)
        if result.publication is None:
            del result.provenance["publication"]
    if named := publication_in_title(parsed.page_title, result.url, result.publication):
        result.publication, result.provenance["publication"] = named, parsed.stated_from
    if result.publication is None and (host := site_name(result.url)):
        result.publication, result.provenance["publication"] = host, "url"
    result.year = year_of(result.date)
    if result.year is not None:
        result.provenance["year"] = result.provenance["date"]
    elif (year := copyright_year_in_header(paragraphs)) is not None:
        result.year, result.provenance["year"] = year, "text"
    for name in METADATA_FIELDS:
        result.provenance.setdefault(name, "unknown")
    return result
