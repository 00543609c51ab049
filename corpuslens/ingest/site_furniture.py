"""Lines that a site prints on every page: furniture, whatever they say.

A folder of pages saved from one site repeats its menus, slogans, newsletter boxes and footers on
each page. A line that stands in at least `MIN_PAGES` pages of one site, and in at least half of
that site's pages, is taken out of all of them and listed with the reason. Pages are grouped by the
host of their URL (from the catalog or the page); pages without a URL are not grouped.
"""

from __future__ import annotations

from collections import Counter

from corpuslens.ingest.furniture import line_key
from corpuslens.ingest.urls import site_name
from corpuslens.model import Document

MIN_PAGES = 3
MIN_SHARE = 0.5
MAX_LINE_CHARS = 400  # a long paragraph shared by pages is a quotation or a copy, not furniture


def remove_site_furniture(documents: list[Document]) -> None:
    """Move the lines each site repeats across its pages from the documents' text to their removed lines."""
    sites: dict[str, list[Document]] = {}
    for doc in documents:
        host = site_name(doc.url) if not doc.duplicate_of else None  # a copy is kept out of every count
        if host:
            sites.setdefault(host, []).append(doc)
    for host, pages in sites.items():
        if len(pages) < MIN_PAGES:
            continue
        counts = Counter(key for doc in pages for key in {line_key(p) for p in doc.paragraphs if len(p) <= MAX_LINE_CHARS})
        needed = max(MIN_PAGES, MIN_SHARE * len(pages))
        repeated = {key for key, n in counts.items() if n >= needed}
        if not repeated:
            continue
        for doc in pages:
            kept = [p for p in doc.paragraphs if line_key(p) not in repeated]
            if not kept:
                continue  # never empty a page: a site of near-copies is the duplicate finder's case
            doc.removed.extend((p, f"printed on {counts[line_key(p)]} of {len(pages)} pages of {host}")
                               for p in doc.paragraphs if line_key(p) in repeated)
            doc.paragraphs = kept
