"""The curated catalog: data/catalog.csv, one row per file, overriding what extraction found.

Columns: file,title,authors,publication,date,year,url,inferred,note (authors separated by ";"). A
non-empty cell overrides the extracted value and sets its provenance to "catalog"; an empty cell
leaves the extracted value alone. A value that the curator inferred rather than read is marked
"catalog, inferred": the fields named in `inferred` (e.g. "date;year"), or, when that column is
empty, the fields that a sentence of `note` calls inferred ("Date inferred (September 2018) …").
The note itself is kept with the document (`catalog_note`) so the dashboard can show it.
Rows key on `file`, the path under raw/ with forward slashes; a key without a folder also matches
a file of that name in a subfolder when the name is unique in the corpus.
Cells that cannot be used (a date that is not a date, a year that is not a number) are ignored
with a logged warning rather than failing the whole build.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path, PurePosixPath

from corpuslens.ingest.dates import parse_date, year_of
from corpuslens.model import Document

log = logging.getLogger(__name__)

CATALOG_COLUMNS = ("file", "title", "authors", "publication", "date", "year", "url", "inferred", "note")
_FIELD_WORDS = {"title": "title", "author": "authors", "authors": "authors", "publication": "publication",
                "date": "date", "year": "year", "url": "url"}


def read_catalog(path: Path | None) -> dict[str, dict[str, str]]:
    """file -> {column: non-empty cell}; a missing file gives an empty catalog."""
    if path is None or not Path(path).is_file():
        return {}
    rows: dict[str, dict[str, str]] = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
            log.warning("catalog %s has no 'file' column; ignored", path)
            return {}
        for line, row in enumerate(reader, start=2):
            cells = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
            key = cells.pop("file", "").replace("\\", "/").removeprefix("./")
            if not key:
                continue
            if key in rows:
                log.warning("catalog line %d repeats %s; the later row wins", line, key)
            rows[key] = {k: v for k, v in cells.items() if v and k in CATALOG_COLUMNS}
    return rows


def match_rows(catalog: dict[str, dict[str, str]], files: list[str]) -> dict[str, dict[str, str]]:
    """Document file -> its catalog row: by exact path, else by bare name when unambiguous."""
    by_name: dict[str, list[str]] = {}
    for file in files:
        by_name.setdefault(PurePosixPath(file).name, []).append(file)
    matched: dict[str, dict[str, str]] = {}
    for key, row in catalog.items():
        if key in by_name.get(PurePosixPath(key).name, []):
            matched[key] = row
        elif "/" not in key and len(by_name.get(key, [])) == 1:
            matched.setdefault(by_name[key][0], row)
    return matched


def inferred_fields(row: dict[str, str]) -> set[str]:
    """The fields whose catalog values were inferred: the `inferred` column, else what the note says."""
    found: set[str] = set()
    if row.get("inferred"):
        for word in (w.strip().lower() for w in row["inferred"].replace(",", ";").split(";") if w.strip()):
            if word in _FIELD_WORDS:
                found.add(_FIELD_WORDS[word])
            else:
                log.warning("catalog 'inferred' names %r, which is not a field (title, authors, publication, date, year, url)", word)
        return _with_year(found)
    for sentence in re.split(r"(?<=[.;])\s+", row.get("note", "")):
        # "Date inferred (September 2018) from …": the fields named before "inferred"; "not inferred" says the opposite.
        before = re.split(r"\binferred\b", sentence, maxsplit=1, flags=re.I)
        if len(before) == 2 and not re.search(r"\bnot\s*$", before[0], re.I):
            found |= {_FIELD_WORDS[w.lower()] for w in re.findall(r"\b(title|authors?|publication|date|year|url)\b", before[0], re.I)}
    return _with_year(found)


def _with_year(found: set[str]) -> set[str]:
    if found & {"date", "year"}:
        found |= {"date", "year"}  # the year is the date's; one inferred is the other inferred
    return found


def apply_catalog_row(doc: Document, row: dict[str, str]) -> None:
    """Override the document's fields with the row's non-empty cells; provenance becomes "catalog",
    or "catalog, inferred" for a value the curator inferred."""
    _apply_values(doc, row)
    inferred = inferred_fields(row)
    for name, source in doc.provenance.items():
        if source == "catalog" and name in inferred:
            doc.provenance[name] = "catalog, inferred"
    if row.get("note"):
        doc.catalog_note = row["note"]


def _apply_values(doc: Document, row: dict[str, str]) -> None:
    if row.get("title"):
        doc.title = row["title"]
        doc.provenance["title"] = "catalog"
    if row.get("authors"):
        doc.authors = [a.strip() for a in row["authors"].split(";") if a.strip()]
        doc.provenance["authors"] = "catalog"
    if row.get("publication"):
        doc.publication = row["publication"]
        doc.provenance["publication"] = "catalog"
    if row.get("url"):
        doc.url = row["url"]
        doc.provenance["url"] = "catalog"
    if row.get("date"):
        date = parse_date(row["date"], allow_year=True)
        if date:
            doc.date, doc.provenance["date"] = date, "catalog"
            doc.year, doc.provenance["year"] = year_of(date), "catalog"
        else:
            log.warning("catalog date %r for %s is not a date; ignored", row["date"], doc.file)
    if row.get("year"):
        if row["year"].isdigit() and 1900 <= int(row["year"]) <= 2100:
            year = int(row["year"])
            if doc.date and year_of(doc.date) != year:
                # The curated year wins; a date from another year cannot be right.
                doc.date, doc.provenance["date"] = None, "unknown"
            doc.year, doc.provenance["year"] = year, "catalog"
        else:
            log.warning("catalog year %r for %s is not a year; ignored", row["year"], doc.file)
