"""Articles a visitor hands over in memory, as (name, bytes): checked like files on disk, never stored.

The name a browser sends is only a label. It is never used as a path: it is reduced to a short, printable
display name, and each accepted upload gets a generated id `upload-<n>-<slug>` and a generated file name
`upload-<n>-<slug>.<ext>` (the only names the rest of the program sees). Limits (settings.py): at most
MAX_UPLOAD_FILES files, MAX_UPLOAD_BYTES each and MAX_UPLOAD_TOTAL_BYTES together; files beyond them are
refused with the reason, the others still load. Decoding, format reading, furniture removal and metadata
are the same as for files on disk (`build_document`); copies among the uploads are marked as duplicates.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from corpuslens.ingest.decode import UnreadableFile
from corpuslens.ingest.document import build_document
from corpuslens.ingest.duplicates import mark_duplicates
from corpuslens.ingest.files import slug
from corpuslens.model import Document
from corpuslens.settings import (MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, MAX_UPLOAD_TOTAL_BYTES, UPLOAD_SUFFIXES,
                                 IndexSettings)

MAX_LABEL_CHARS = 80


@dataclass(frozen=True)
class Refused:
    """An upload that was not added: its display name and the reason."""

    label: str
    reason: str


@dataclass
class UploadBatch:
    documents: list[Document]  # accepted, in upload order; copies carry duplicate_of
    refused: list[Refused]
    labels: dict[str, str]  # document id -> the display name the visitor gave
    data: dict[str, bytes]  # document id -> the bytes as uploaded (for the visitor's download)


def display_name(name: str) -> str:
    """The browser's file name as harmless text: last path part only, printable, at most 80 characters.

    "../../etc/passwd.txt" -> "passwd.txt"; "C:\\\\x\\\\a.md" -> "a.md"; control characters are dropped."""
    text = unicodedata.normalize("NFC", str(name))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if ch.isprintable()).strip().lstrip(".")
    if len(text) > MAX_LABEL_CHARS:
        text = text[: MAX_LABEL_CHARS - 1] + "…"
    return text or "unnamed file"


def _suffix(label: str) -> str:
    return "." + label.rsplit(".", 1)[-1].lower() if "." in label else ""


def generated_name(number: int, label: str) -> str:
    """`upload-<n>-<slug>.<ext>`: made of [a-z0-9_-] and the checked extension only."""
    stem = label.rsplit(".", 1)[0] if "." in label else label
    return f"upload-{number}-{slug(stem)[:40].strip('-_') or 'file'}{_suffix(label)}"


def ingest_uploads(files: Iterable[tuple[str, bytes]], settings: IndexSettings = IndexSettings()) -> UploadBatch:
    """Check, read and clean each (name, bytes); refuse what breaks a rule, with the reason."""
    documents: list[Document] = []
    refused: list[Refused] = []
    labels: dict[str, str] = {}
    originals: dict[str, bytes] = {}
    total = 0
    for position, (name, data) in enumerate(files):
        label = display_name(name)
        reason = _refusal(label, data, position, total)
        if reason:
            refused.append(Refused(label, reason))
            continue
        total += len(data)
        file_name = generated_name(len(documents) + 1, label)
        doc_id = file_name.rsplit(".", 1)[0]
        try:
            doc = build_document(doc_id, file_name, bytes(data))
        except UnreadableFile as problem:
            refused.append(Refused(label, str(problem)))
            continue
        documents.append(doc)
        labels[doc.id] = label
        originals[doc.id] = bytes(data)
    mark_duplicates(documents, settings.near_duplicate_threshold)
    return UploadBatch(documents, refused, labels, originals)


def _refusal(label: str, data: bytes, position: int, total: int) -> str | None:
    if position >= MAX_UPLOAD_FILES:
        return f"more than {MAX_UPLOAD_FILES} files: only the first {MAX_UPLOAD_FILES} are read"
    if _suffix(label) not in UPLOAD_SUFFIXES:
        return f"not an article type ({_suffix(label) or 'no extension'}); readable types are {', '.join(UPLOAD_SUFFIXES)}"
    if len(data) > MAX_UPLOAD_BYTES:
        return f"too large: {len(data) / 1e6:.1f} MB, the limit is {MAX_UPLOAD_BYTES / 1e6:.0f} MB per file"
    if total + len(data) > MAX_UPLOAD_TOTAL_BYTES:
        return f"the session's uploads would exceed {MAX_UPLOAD_TOTAL_BYTES / 1e6:.0f} MB in all"
    return None
