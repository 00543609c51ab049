"""Ingestion: the raw article files of a data folder -> clean, deduplicated `Document`s.

    ingest_folder(raw_dir, catalog, settings) -> IngestResult(documents, skipped)

Files are found safely and in sorted order (files.py), decoded (decode.py), read by format
(readers.py), cleaned of site furniture (furniture.py), given the metadata they state
(metadata.py, dates.py), overridden by the curated catalog (catalog.py), cleared of the lines a
site prints on all its pages (site_furniture.py) and checked for copies (duplicates.py). Passages and sentences for the index come from passages.py.
"""

from __future__ import annotations

from pathlib import Path

from corpuslens.ingest.catalog import apply_catalog_row, match_rows, read_catalog
from corpuslens.ingest.decode import UnreadableFile
from corpuslens.ingest.document import build_document
from corpuslens.ingest.duplicates import mark_duplicates
from corpuslens.ingest.files import find_files, read_bytes, unique_ids
from corpuslens.ingest.passages import split_passages, split_sentences
from corpuslens.ingest.site_furniture import remove_site_furniture
from corpuslens.model import Document, IngestResult, SkippedFile
from corpuslens.settings import IndexSettings

__all__ = ["ingest_folder", "split_passages", "split_sentences"]


def ingest_folder(raw_dir: Path, catalog: Path | None = None, settings: IndexSettings = IndexSettings()) -> IngestResult:
    """Every readable article under raw_dir as a Document; every other file as a SkippedFile with its reason."""
    found, skipped = find_files(Path(raw_dir))
    ids = unique_ids([f.relative for f in found])
    rows = match_rows(read_catalog(catalog), [f.relative for f in found])
    documents: list[Document] = []
    for doc_id, file in zip(ids, found):
        try:
            url = rows.get(file.relative, {}).get("url")
            documents.append(build_document(doc_id, file.relative, read_bytes(file.path), url))
        except UnreadableFile as problem:
            skipped.append(SkippedFile(file.relative, str(problem)))
        except OSError as error:
            skipped.append(SkippedFile(file.relative, f"cannot be read ({error.strerror or error})"))

    for doc in documents:
        if doc.file in rows:
            apply_catalog_row(doc, rows[doc.file])

    mark_duplicates(documents, settings.near_duplicate_threshold)
    remove_site_furniture(documents)  # after: copies of one article must not make its text "furniture"
    skipped.sort(key=lambda s: s.file)
    return IngestResult(documents=documents, skipped=skipped)
