"""Uploads: a visitor's own articles join a session index; the shared index and the disk never change.

Hand-worked on the tiny corpus (tests/conftest.py: passages p0-p4). The upload "Putin visited Tehran to
discuss gas with Iran." becomes passage p5 of document row 3: the only Putin passage, a new energy passage
(gas), and the first use of the word "tehran".
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from corpuslens.filters import Filters
from corpuslens.index.overlay import mark_shared_copies, session_index, shared_text_hashes
from corpuslens.ingest.uploads import display_name, generated_name, ingest_uploads
from corpuslens.query.common import choices_for
from corpuslens.selection import selection_mask
from corpuslens.settings import MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, MAX_UPLOAD_TOTAL_BYTES

TEHRAN = b"Tehran Talks\n\nPutin visited Tehran to discuss gas with Iran.\n"


def _listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def _snapshot(index) -> dict:
    return {
        "docs": index.docs.to_json(), "passages": index.passages.to_json(), "mentions": index.mentions.to_json(),
        "terms": (index.terms.data.copy(), index.terms.indices.copy(), index.terms.indptr.copy(), index.terms.shape),
        "vocab": index.vocab.copy(), "names": index.names.toarray(), "name_vocab": index.name_vocab.copy(),
        "doc_topic": index.doc_topic.copy(), "sentences": index.sentence_passage.copy(),
        "manifest": dict(index.manifest), "skipped": list(index.skipped), "topic_terms": [list(t) for t in index.topic_terms],
    }


def _same(a: dict, b: dict) -> None:
    for key in a:
        left, right = a[key], b[key]
        if isinstance(left, tuple):
            assert all(np.array_equal(x, y) for x, y in zip(left[:3], right[:3])) and left[3] == right[3], key
        elif isinstance(left, np.ndarray):
            assert np.array_equal(left, right), key
        else:
            assert left == right, key


@pytest.fixture
def merged(tiny_index):
    batch = ingest_uploads([("tehran.txt", TEHRAN)])
    return session_index(tiny_index, batch.documents), batch


def test_the_merged_index_answers_for_shared_and_uploaded_passages(tiny_index, merged):
    index, batch = merged
    assert index.n_passages == 6 and list(index.docs["id"]) == ["a", "b", "c", "upload-1-tehran"]
    assert index.passages["text"][5] == "Putin visited Tehran to discuss gas with Iran."
    assert np.flatnonzero(selection_mask(index, Filters(actors=("putin",)))).tolist() == [5]
    assert np.flatnonzero(selection_mask(index, Filters(actors=("iran",)))).tolist() == [4, 5]
    assert np.flatnonzero(selection_mask(index, Filters(themes=("energy",)))).tolist() == [0, 1, 4, 5]
    assert np.flatnonzero(selection_mask(index, Filters(authors=("Ann Lee",)))).tolist() == [0, 1]
    # Shared passages keep their counts under the renumbered columns; the upload adds its own.
    gas = index.terms[:, index.term_column["gas"]].toarray().ravel().tolist()
    assert gas == [1, 1, 0, 0, 0, 1]
    assert index.terms[:, index.term_column["tehran"]].toarray().ravel().tolist() == [0, 0, 0, 0, 0, 1]
    for term, column in tiny_index.term_column.items():
        assert np.array_equal(index.terms[:5, index.term_column[term]].toarray(), tiny_index.terms[:, column].toarray())
    # Mentions point at the merged rows: passage 5, sentence 7 (the shared corpus has 7 sentences, 0-6).
    putin = index.mentions[index.mentions["alias"] == "Putin"]
    assert putin[["passage", "sentence"]].values.tolist() == [[5, 7]]
    assert index.sentence_passage.tolist()[-1] == 5 and index.actor_sentence.shape[0] == 8
    assert index.doc_topic.shape[0] == 6 and index.passages["topic"].iloc[5] >= 0
    assert "putin" in choices_for(index).actors and index.docs["passages"].tolist() == [2, 2, 1, 1]


def test_the_shared_index_is_unchanged_and_nothing_is_written(tiny_data, tiny_index):
    before, listing = _snapshot(tiny_index), _listing(tiny_data)
    batch = ingest_uploads([("tehran.txt", TEHRAN), ("../../etc/passwd.txt", b"Baku Notes\n\nAliyev met Putin in Baku.\n")])
    index = session_index(tiny_index, batch.documents)
    _ = (index.terms_by_column, index.live_docs, index.author_docs, index.topics)  # touch the cached lookups
    _same(before, _snapshot(tiny_index))
    assert _listing(tiny_data) == listing
    assert index.manifest["fingerprint"] != tiny_index.manifest["fingerprint"]
    assert index.manifest["base_fingerprint"] == tiny_index.manifest["fingerprint"]
    assert index.path is None


def test_the_fingerprint_follows_the_uploads(tiny_index):
    one = session_index(tiny_index, ingest_uploads([("tehran.txt", TEHRAN)]).documents)
    same = session_index(tiny_index, ingest_uploads([("tehran.txt", TEHRAN)]).documents)
    other = session_index(tiny_index, ingest_uploads([("tehran.txt", TEHRAN + b"\nKyiv too.\n")]).documents)
    assert one.manifest["fingerprint"] == same.manifest["fingerprint"] != other.manifest["fingerprint"]
    assert session_index(tiny_index, []) is tiny_index


def test_an_upload_equal_to_a_shared_document_is_its_exact_duplicate(tiny_index):
    batch = ingest_uploads([("copy.txt", b"IRAN   watched the pipeline closely.\n"), ("tehran.txt", TEHRAN)])
    mark_shared_copies(batch.documents, shared_text_hashes(tiny_index))
    assert [(d.duplicate_of, d.duplicate_kind) for d in batch.documents] == [("c", "exact"), (None, None)]
    index = session_index(tiny_index, batch.documents)
    assert index.n_passages == 6 and index.docs["passages"].tolist()[3:] == [0, 1]
    assert not index.live_docs[3]


def test_copies_among_the_uploads_are_marked():
    batch = ingest_uploads([("one.txt", TEHRAN), ("two.md", TEHRAN)])
    assert [d.duplicate_of for d in batch.documents] == [None, "upload-1-one"]


@pytest.mark.parametrize("name, label", [
    ("../../etc/passwd.txt", "passwd.txt"), ("C:\\Windows\\win.ini.txt", "win.ini.txt"), ("<script>.md", "<script>.md"),
    ("/abs/path/a.html", "a.html"), ("..", "unnamed file"), ("a\x00b\n.txt", "ab.txt"), (".hidden.md", "hidden.md"),
])
def test_names_are_labels_never_paths(name, label):
    assert display_name(name) == label
    generated = generated_name(3, display_name(name))
    assert generated.startswith("upload-3-") and "/" not in generated and ".." not in generated
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in generated)


def test_hostile_names_and_content_are_harmless(tmp_path, tiny_index):
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        batch = ingest_uploads([
            ("../../etc/passwd.txt", b"root:x:0:0:root:/root:/bin/bash\n\nPutin met Aliyev.\n"),
            ("<script>alert(1)</script>.md", b"# <img src=x onerror=alert(1)>\n\nIran and Russia met in Tehran.\n"),
            ("x.html", b"<script>alert(1)</script><p onclick='alert(2)'>Putin spoke in Moscow.</p>"),
        ])
    finally:
        os.chdir(cwd)
    assert [d.file for d in batch.documents] == ["upload-1-passwd.txt", "upload-2-script.md", "upload-3-x.html"]
    assert list(workdir.iterdir()) == []
    index = session_index(tiny_index, batch.documents)
    assert not any("alert(2)" in t or "<script" in t for t in index.passages["text"])


def test_limits_are_enforced_with_clear_reasons():
    many = [(f"f{i}.txt", f"Title {i}\n\nArmenia met Iran on day {i} of talks.\n".encode()) for i in range(MAX_UPLOAD_FILES + 2)]
    batch = ingest_uploads(many)
    assert len(batch.documents) == MAX_UPLOAD_FILES
    assert [r.label for r in batch.refused] == [f"f{MAX_UPLOAD_FILES}.txt", f"f{MAX_UPLOAD_FILES + 1}.txt"]
    assert all(f"more than {MAX_UPLOAD_FILES} files" in r.reason for r in batch.refused)

    big = b"Big\n\n" + b"word " * (MAX_UPLOAD_BYTES // 5)
    assert "1 MB per file" in ingest_uploads([("big.txt", big)]).refused[0].reason
    near_limit = b"Long\n\n" + b"Armenia talks. " * ((MAX_UPLOAD_BYTES - 100) // 15)
    batch = ingest_uploads([(f"n{i}.txt", near_limit + str(i).encode()) for i in range(6)])
    assert len(batch.documents) == MAX_UPLOAD_TOTAL_BYTES // len(near_limit)
    assert "5 MB in all" in batch.refused[0].reason


@pytest.mark.parametrize("name, data, reason", [
    ("a.pdf", b"%PDF-1.7", "not an article type"), ("noext", b"text", "no extension"),
    ("e.txt", b"", "empty"), ("bin.txt", bytes(range(256)) * 4, "binary"),
    ("only-furniture.txt", b"Share on Facebook\n", "no article text"),
])
def test_unreadable_uploads_are_refused_and_the_rest_still_load(name, data, reason):
    batch = ingest_uploads([(name, data), ("tehran.txt", TEHRAN)])
    assert [d.id for d in batch.documents] == ["upload-1-tehran"]
    assert batch.refused[0].label == name and reason in batch.refused[0].reason


def test_uploads_get_the_same_cleaning_and_metadata_as_files_on_disk():
    page = (b"<html><head><meta name='author' content='Jane Doe'><title>Gas Deal</title></head><body>"
            b"<nav>Home | World</nav><p>Russia and Azerbaijan signed a gas deal in Baku.</p></body></html>")
    doc = ingest_uploads([("deal.html", page)]).documents[0]
    assert (doc.title, doc.authors, doc.provenance["title"]) == ("Gas Deal", ["Jane Doe"], "html meta")
    assert doc.paragraphs == ["Russia and Azerbaijan signed a gas deal in Baku."]
