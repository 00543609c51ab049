"""One file's bytes -> one clean Document: decode, read the format, remove furniture, read metadata."""

from __future__ import annotations

from corpuslens.ingest.boilerplate import boilerplate_lines, language_vote, stoplist
from corpuslens.ingest.decode import UnreadableFile, decode_bytes
from corpuslens.ingest.furniture import classify_furniture, split_trailing_note
from corpuslens.ingest.metadata import extract_metadata, headline_row, strip_leading_dateline
from corpuslens.ingest.readers import parse_file
from corpuslens.model import Document
from corpuslens.settings import MAX_FILE_BYTES


def _split_notes(paragraphs: list[str]) -> list[str]:
    """Cut an author note off the end of the article's last paragraph (a one-paragraph article)."""
    if not paragraphs:
        return paragraphs
    split = split_trailing_note(paragraphs[-1])
    return paragraphs[:-1] + list(split) if split else paragraphs


def build_document(doc_id: str, relative: str, data: bytes, url: str | None = None) -> Document:
    """The cleaned document of a file; raises UnreadableFile with the reason when there is none.

    `url` is the page's address where the catalog states it: it helps find the article's text,
    title and date, and is the last resort for the publication's name."""
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"too large: over {MAX_FILE_BYTES / 1e6:.0f} MB per article")
    decoded = decode_bytes(data)
    suffix = "." + relative.rsplit(".", 1)[-1].lower() if "." in relative else ""
    parsed = parse_file(decoded.text, suffix, url)
    paragraphs, leading_date = strip_leading_dateline(_split_notes(parsed.paragraphs))
    reasons = classify_furniture(paragraphs)
    language, told = language_vote(paragraphs)
    stopwords = stoplist(language)
    meta = extract_metadata(paragraphs, reasons, parsed, url, leading_date, stopwords)

    if suffix not in (".html", ".htm", ".md", ".markdown"):
        # Saved page text: what the rules and the header reader left is judged line by line in context.
        judged = {i for i, r in enumerate(reasons) if r} | set(meta.consumed)
        for i in boilerplate_lines(paragraphs, judged, stopwords, headline_row(meta.consumed)):
            reasons[i] = "site furniture: short or few common words, among other furniture"
    removed = list(parsed.removed)
    body: list[str] = []
    for i, text in enumerate(paragraphs):
        reason = reasons[i] or meta.consumed.get(i)
        if reason:
            removed.append((text, reason))
        else:
            body.append(text)
    if not body:
        raise UnreadableFile("no article text: every line is a title, metadata or site furniture")
    return Document(
        id=doc_id,
        file=relative,
        title=meta.title,
        authors=list(meta.authors),
        publication=meta.publication,
        date=meta.date,
        year=meta.year,
        url=meta.url,
        provenance=dict(meta.provenance),
        paragraphs=body,
        removed=removed,
        encoding=decoded.encoding,
        language=told or "",
    )
