"""The article inside a saved web page, by trafilatura: main text, title, authors, date, site name.

trafilatura scores the page's blocks (text and link density, position, known layouts), falls back
to jusText and readability-style extraction when its own result looks too short, and reads the
metadata from meta tags, JSON-LD and visible bylines; the date comes from htmldate, which prefers
the original publication date to an update and bounds it by today, so a page clock cannot win.
Only the page is read: no network, nothing downloaded.
"""

from __future__ import annotations

from corpuslens.ingest.dates import date_from_url, parse_date
from corpuslens.ingest.people import person_names
from corpuslens.textnorm import normalize_text

# Pages with less main text than this are left to the block-by-block rules: extraction on a
# snippet of a few lines is a guess.
MIN_MAIN_TEXT_CHARS = 200
LATEST_DATE = "2099-12-31"


def main_text(html: str, url: str | None = None) -> tuple[list[str], dict[str, object]] | None:
    """(paragraphs, stated metadata) of the page's main text, or None when there is none to speak of."""
    import trafilatura  # imported on first use: it costs a second of start-up the dashboard does not need

    try:
        found = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,
            # No date guessed from the running text: only the page's markup, its URL and datelines.
            # A fixed latest date, not today's: the same files must give the same index on any day.
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": LATEST_DATE},
        )
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None
    if found is None:
        return None
    text = normalize_text(found.text or "")
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p) for p in paragraphs) < MIN_MAIN_TEXT_CHARS:
        return None
    stated: dict[str, object] = {}
    if found.title:
        stated["title"] = " ".join(normalize_text(found.title).split())
    people = person_names(found.author or "")
    if people:
        stated["authors"] = people
    if found.sitename:
        stated["publication"] = " ".join(normalize_text(found.sitename).split())
    date = parse_date(found.date or "", allow_year=True)
    if date and date != date_from_url(found.url or url):  # a date read off the URL is said to come from it
        stated["date"] = date
    if found.url:
        stated["url"] = found.url
    return paragraphs, stated
