"""The sidebar's "Add your articles": a visitor's own files, in every view, for their session only.

The session index (shared index + uploads, corpuslens.index.overlay) lives in `st.session_state`, so it
dies with the session and no other visitor can reach it; the shared index object and the disk are never
changed. It is rebuilt only when the uploaded files change. Cached results are keyed by the session
index's own fingerprint, so they never mix with the shared index's. Names from the browser are shown as
escaped text and never used as paths; the download holds the files under their generated names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import streamlit as st

from corpuslens.index import CorpusIndex
from corpuslens.index.overlay import mark_shared_copies, session_index as merge, shared_text_hashes
from corpuslens.ingest.uploads import ingest_uploads
from corpuslens.model import Document, SkippedFile
from corpuslens.settings import MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, MAX_UPLOAD_TOTAL_BYTES, UPLOAD_SUFFIXES
from dashboard.text import md_escape

_STATE = "uploads.session"
CATALOG_FIELDS = ("file", "id", "uploaded_as", "title", "authors", "publication", "date", "year", "url",
                  "duplicate_of", "duplicate_kind", "encoding")


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs={CorpusIndex: lambda i: i.manifest["fingerprint"]})
def _shared_hashes(index: CorpusIndex) -> dict[str, str]:
    """Content hashes of the shared documents, once per shared index (read-only, the same for everyone)."""
    return shared_text_hashes(index)


def session_index(base: CorpusIndex) -> CorpusIndex:
    """Draw the uploader in the sidebar; return the index this session sees (the shared one if no uploads)."""
    with st.sidebar.expander("Add your articles", expanded=bool(st.session_state.get("uploads.files"))):
        files = st.file_uploader(
            "Your .txt, .md or .html articles", accept_multiple_files=True,
            type=[s.lstrip(".") for s in UPLOAD_SUFFIXES], key="uploads.files",
            help=(f"Up to {MAX_UPLOAD_FILES} files, {MAX_UPLOAD_BYTES / 1e6:.0f} MB each and "
                  f"{MAX_UPLOAD_TOTAL_BYTES / 1e6:.0f} MB in all. They join every view for this browser session "
                  "only: nobody else sees them, nothing is saved on the server, and shared links do not carry them."),
        ) or []
        if not files:
            st.session_state.pop(_STATE, None)
            return base
        session = _session(base, [(f.name, f.getvalue()) for f in files])
        _report(session)
        st.download_button("Download your additions (.zip)", data=session["zip"], file_name="my-articles.zip",
                           mime="application/zip", key="uploads.download",
                           help="The files under their generated names, and catalog.csv with their metadata.")
    return session["index"]


def _session(base: CorpusIndex, files: list[tuple[str, bytes]]) -> dict:
    """The session's uploads, read and merged once per distinct set of files (and shared index)."""
    key = hashlib.sha256(base.manifest["fingerprint"].encode())
    for name, data in files:
        key.update(hashlib.sha256(name.encode("utf-8", "replace")).digest() + hashlib.sha256(data).digest())
    cached = st.session_state.get(_STATE)
    if cached and cached["key"] == key.hexdigest():
        return cached
    with st.spinner("Reading your articles…"):
        batch = ingest_uploads(files)
        mark_shared_copies(batch.documents, _shared_hashes(base))
        refused = [SkippedFile(f"upload: {r.label}", r.reason) for r in batch.refused]
        index = merge(base, batch.documents, refused)
    session = {"key": key.hexdigest(), "index": index, "documents": batch.documents, "labels": batch.labels,
               "refused": batch.refused, "zip": additions_zip(batch.documents, batch.labels, batch.data)}
    st.session_state[_STATE] = session
    return session


def _report(session: dict) -> None:
    labels = session["labels"]
    added = [d for d in session["documents"] if not d.duplicate_of]
    copies = [d for d in session["documents"] if d.duplicate_of]
    if added:
        st.success(f"Added {len(added)} article{'s' * (len(added) != 1)} to your views.", icon="📄")
        for doc in added:
            st.caption(f"{md_escape(labels[doc.id])} → {md_escape(doc.title or '(untitled)')}")
    for doc in copies:
        st.info(f"{md_escape(labels[doc.id])}: a copy of {md_escape(doc.duplicate_of)}, kept out of counts.", icon="♊")
    for refused in session["refused"]:
        st.warning(f"Not added: {md_escape(refused.label)} ({md_escape(refused.reason)})", icon="⚠️")


def additions_zip(documents: list[Document], labels: dict[str, str], raw: dict[str, bytes]) -> bytes:
    """The accepted files under their generated names, plus catalog.csv of their extracted metadata."""
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=CATALOG_FIELDS)
    writer.writeheader()
    for doc in documents:
        writer.writerow({
            "file": doc.file, "id": doc.id, "uploaded_as": labels.get(doc.id, ""), "title": doc.title or "",
            "authors": "; ".join(doc.authors), "publication": doc.publication or "", "date": doc.date or "",
            "year": doc.year or "", "url": doc.url or "", "duplicate_of": doc.duplicate_of or "",
            "duplicate_kind": doc.duplicate_kind or "", "encoding": doc.encoding,
        })
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in documents:
            archive.writestr(f"raw/{doc.file}", raw.get(doc.id, b""))
        archive.writestr("catalog.csv", table.getvalue())
        archive.writestr("provenance.json", json.dumps({d.id: d.provenance for d in documents}, indent=1))
    return buffer.getvalue()
