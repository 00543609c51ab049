"""Uploads in the dashboard (AppTest supports st.file_uploader in Streamlit 1.67): a visitor's articles join
every view of their session, refusals are shown with reasons, and another session never sees them."""

from __future__ import annotations

import io
import zipfile

from dashboard.uploads import additions_zip
from corpuslens.ingest.uploads import ingest_uploads

TEHRAN = b"Tehran Talks\n\nPutin visited Tehran to discuss gas with Iran and the Kremlin.\n"


def _size(at) -> str:
    return next(m.value for m in at.markdown if "passages in" in m.value)


def _upload(at, files):
    at.file_uploader(key="uploads.files").set_value([(name, data, "text/plain") for name, data in files])
    return at.run()


def test_uploaded_articles_join_the_views_and_refusals_are_explained(open_page):
    at = open_page()
    before = _size(at)
    _upload(at, [("../../etc/passwd.txt", TEHRAN), ("<b>empty</b>.md", b""), ("x.txt", b"%PDF-1.4 binary")])
    assert not at.exception
    shared_passages, shared_docs = (int(n) for n in before.strip("*").replace(" passages in ", " ").split()[:2])
    assert _size(at).startswith(f"**{shared_passages + 1} passages in {shared_docs + 1} documents")
    warnings = [w.value for w in at.warning]
    assert any("Not added" in w and "empty" in w for w in warnings)
    assert any("x\\.txt" in w and "PDF" in w for w in warnings)
    assert not any("<b>" in w for w in warnings)  # the name is escaped text, never markup
    assert any("passwd\\.txt" in c.value for c in at.caption)
    assert not any("/etc" in c.value or "\\.\\./" in c.value for c in at.caption)


def test_another_session_never_sees_the_uploads(open_page):
    first = open_page()
    shared = _size(first)
    _upload(first, [("tehran.txt", TEHRAN)])
    assert _size(first) != shared
    second = open_page()
    assert _size(second) == shared and not second.warning


def test_an_uploaded_actor_can_be_chosen_on_another_page(open_page):
    at = open_page("actors")
    _upload(at, [("tehran.txt", TEHRAN)])
    at.sidebar.multiselect(key="filter.actors").set_value(["putin"]).run()
    assert not at.exception


def test_the_download_holds_the_files_under_generated_names_and_a_catalog():
    batch = ingest_uploads([("../../etc/passwd.txt", TEHRAN), ("Copy.txt", TEHRAN)])
    archive = zipfile.ZipFile(io.BytesIO(additions_zip(batch.documents, batch.labels, batch.data)))
    assert sorted(archive.namelist()) == ["catalog.csv", "provenance.json", "raw/upload-1-passwd.txt", "raw/upload-2-copy.txt"]
    assert archive.read("raw/upload-1-passwd.txt") == TEHRAN
    catalog = archive.read("catalog.csv").decode()
    assert "upload-1-passwd.txt,upload-1-passwd,passwd.txt,Tehran Talks" in catalog
    assert "upload-1-passwd,exact" in catalog  # the second file is a copy of the first
