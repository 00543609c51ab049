"""Quoting a passage as evidence: its text with author, title, publication, date, URL and a permalink
that opens the reader at it, in Chicago, APA, Markdown or BibTeX.

Only what the index knows goes in. An unknown author, title, publication or date is written as unknown
("[author unknown]", "n.d.") in the prose styles and left out of BibTeX; a value the catalog marks as
inferred says so. Nothing is filled in from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.query.common import passage_ids
from corpuslens.textnorm import escape_markdown

STYLES = ("chicago", "apa", "markdown", "bibtex")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
CITATION_COLUMNS = ["passage", "authors", "title", "publication", "date", "date_inferred", "url", "permalink", "quote"]


@dataclass(frozen=True)
class Citation:
    passage: str  # passage id
    doc: str  # document id
    position: int  # the passage's number in its document (1-based)
    quote: str
    authors: tuple[str, ...]  # empty: unknown
    title: str | None
    publication: str | None
    date: str | None  # as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD
    date_inferred: bool
    url: str | None
    permalink: str


def permalink(base_url: str, doc_id: str, position: int, corpus: str = "") -> str:
    """The link that opens the Documents page's reader at this passage."""
    params = {"doc": doc_id, "passage": str(position)}
    if corpus:
        params["corpus"] = corpus
    return f"{base_url.rstrip('/')}/documents?{urlencode(params)}"


def _known(value) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def citation(index: CorpusIndex, row: int, base_url: str = "", corpus: str = "") -> Citation:
    """The citation of passage `row`."""
    doc = index.docs.iloc[int(index.passage_doc[row])]
    provenance = doc["provenance"] or {}
    position = int(index.passages["position"].iloc[row]) + 1
    return Citation(
        passage=passage_ids(index, np.array([row]))[0],
        doc=doc["id"],
        position=position,
        quote=index.passages["text"].iloc[row],
        authors=tuple(doc["authors"] or ()),
        title=_known(doc["title"]),
        publication=_known(doc["publication"]),
        date=_known(doc["date"]),
        date_inferred="inferred" in str(provenance.get("date", "")),
        url=_known(doc["url"]),
        permalink=permalink(base_url, doc["id"], position, corpus),
    )


def citation_table(index: CorpusIndex, rows: np.ndarray, base_url: str = "", corpus: str = "") -> pd.DataFrame:
    """One row per passage with the citation's fields (unknown fields empty), for a CSV export."""
    records = []
    for row in np.asarray(rows, dtype=np.int64):
        c = citation(index, int(row), base_url, corpus)
        records.append([c.passage, "; ".join(c.authors), c.title, c.publication, c.date, c.date_inferred, c.url,
                        c.permalink, c.quote])
    return pd.DataFrame(records, columns=CITATION_COLUMNS)


def _date_words(date: str | None, day_first: bool = False) -> str | None:
    """"2020-09-25" -> "September 25, 2020" (or "25 September 2020"); "2018-09" -> "September 2018"."""
    if not date:
        return None
    parts = date.split("-")
    if len(parts) == 1 or not all(p.isdigit() for p in parts):
        return date
    month = MONTHS[int(parts[1]) - 1] if 1 <= int(parts[1]) <= 12 else parts[1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = str(int(parts[2]))
    return f"{day} {month} {parts[0]}" if day_first else f"{month} {day}, {parts[0]}"


def _inferred(c: Citation) -> str:
    return " [date inferred]" if c.date and c.date_inferred else ""


def _last_first(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (name, "")


def chicago(c: Citation) -> str:
    """Chicago bibliography style, the quote first."""
    if c.authors:
        last, first = _last_first(c.authors[0])
        names = [f"{last}, {first}".rstrip(", ")] + list(c.authors[1:])
        authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", and " + names[-1]
    else:
        authors = "[author unknown]"
    parts = [f"“{c.quote}”", "", f"{authors}. “{c.title or '[untitled]'}.” {c.publication or '[publication unknown]'}, "
             f"{_date_words(c.date) or 'n.d.'}{_inferred(c)}." + (f" {c.url}." if c.url else ""),
             f"Passage {c.position}: {c.permalink}"]
    return "\n".join(parts)


def apa(c: Citation) -> str:
    """APA 7 style (author, date, title, site, URL), the quote first."""
    def initials(name: str) -> str:
        last, first = _last_first(name)
        return f"{last}, " + " ".join(f"{p[0]}." for p in first.replace("-", " ").split()) if first else last
    if c.authors:
        names = [initials(a) for a in c.authors]
        authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        authors = "[Author unknown]."
    when = _apa_date(c.date)
    authors = authors if authors.endswith(".") else authors + "."
    line = (f"{authors} ({when}){_inferred(c)}. {c.title or '[Untitled]'}. {c.publication or '[Publication unknown]'}."
            + (f" {c.url}" if c.url else ""))
    return "\n".join([f"“{c.quote}”", "", line, f"Passage {c.position}: {c.permalink}"])


def _apa_date(date: str | None) -> str:
    """"2020-09-25" -> "2020, September 25"; "2018-09" -> "2018, September"; unknown -> "n.d."."""
    if not date:
        return "n.d."
    parts = date.split("-")
    if len(parts) == 1 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return date
    month = MONTHS[int(parts[1]) - 1]
    return f"{parts[0]}, {month}" + (f" {int(parts[2])}" if len(parts) > 2 else "")


def markdown(c: Citation) -> str:
    """A Markdown block quote with its source; every Markdown character of the article's text escaped."""
    quote = "\n".join("> " + escape_markdown(line) if line else ">" for line in c.quote.splitlines())
    title = f"*{escape_markdown(c.title)}*" if c.title else "[untitled]"
    if c.url:
        title = f"[{title}](<{_md_url(c.url)}>)"
    source = ", ".join([escape_markdown(", ".join(c.authors)) or "[author unknown]", title,
                        escape_markdown(c.publication) if c.publication else "[publication unknown]",
                        (_date_words(c.date, day_first=True) or "n.d.") + _inferred(c)])
    return f"{quote}\n>\n> — {source} ([passage {c.position}](<{_md_url(c.permalink)}>))"


def bibtex(c: Citation) -> str:
    """A @misc entry; unknown fields are left out rather than filled in."""
    fields = []
    if c.authors:
        fields.append(("author", " and ".join(c.authors)))
    if c.title:
        fields.append(("title", c.title))
    if c.publication:
        fields.append(("howpublished", c.publication))
    if c.date:
        parts = c.date.split("-")
        fields.append(("year", parts[0]))
        if len(parts) > 1:
            fields.append(("month", MONTHS[int(parts[1]) - 1][:3].lower()))
        if len(parts) > 2:
            fields.append(("day", str(int(parts[2]))))
    links = [("url", c.url)] if c.url else []
    note = f"Passage {c.position}: “{c.quote}”" + (" Date inferred." if c.date_inferred and c.date else "")
    fields.append(("note", note))
    links.append(("permalink", c.permalink))
    key = re.sub(r"[^A-Za-z0-9_-]", "_", c.passage)
    body = ",\n".join([f"  {name} = {{{_bib(value)}}}" for name, value in fields]
                       + [f"  {name} = {{{_bib_url(value)}}}" for name, value in links])
    return f"@misc{{{key},\n{body}\n}}"


def _md_url(url: str) -> str:
    """A URL that cannot end a Markdown <…> link target early."""
    return "".join({"<": "%3C", ">": "%3E", " ": "%20", "\n": "", "\r": ""}.get(ch, ch) for ch in url)


def _bib(text: str) -> str:
    """A BibTeX value with its special characters escaped (braces balanced, no command injection)."""
    return re.sub(r"([\\{}%&$#_^~])", r"\\\1", text)


def _bib_url(url: str) -> str:
    """A URL as BibTeX's url field takes it: verbatim, only braces and backslashes percent-encoded."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


FORMATTERS = {"chicago": chicago, "apa": apa, "markdown": markdown, "bibtex": bibtex}


def format_citation(c: Citation, style: str) -> str:
    if style not in FORMATTERS:
        raise ValueError(f"style must be one of {', '.join(STYLES)}")
    return FORMATTERS[style](c)
