"""What an index was built from, reduced to one hash.

The fingerprint covers the raw files' names and contents, the knowledge files (catalog,
themes, actors, stopwords, topics), the index settings and the index format. Any change to any of
them gives another fingerprint, and so another index folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from corpuslens.settings import INDEX_FORMAT, MAX_FILE_BYTES, IndexSettings, knowledge_file

KNOWLEDGE_FILES = ("catalog.csv", "themes.yaml", "actors.yaml", "stopwords.txt", "topics.yaml")


def raw_files(raw_dir: Path) -> list[Path]:
    """Every regular file under raw/, sorted; symlinks are not followed out of the folder."""
    if not raw_dir.is_dir():
        return []
    root = raw_dir.resolve()
    found = []
    for path in sorted(raw_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if path.name.startswith(".") or not path.resolve().is_relative_to(root):
            continue
        found.append(path)
    return found


def corpus_fingerprint(data: Path, settings: IndexSettings) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps({"format": INDEX_FORMAT, "settings": settings.as_dict()}, sort_keys=True).encode())
    for name in KNOWLEDGE_FILES:
        path = knowledge_file(data, name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<none>")
    raw = data / "raw"
    for path in raw_files(raw):
        digest.update(path.relative_to(raw).as_posix().encode())
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # skipped by ingestion anyway: do not read it all
            digest.update(f"too large {size} {path.stat().st_mtime_ns}".encode())
        else:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def short_id(fingerprint: str) -> str:
    """The corpus's short id, as links and command-line outputs carry it: enough to tell corpora apart."""
    return fingerprint[:10]
