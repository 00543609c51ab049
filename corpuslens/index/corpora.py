"""A small record of each corpus an index was built from, so that a link made on one corpus can say what
changed when it is opened on another.

Links and command-line outputs carry the corpus's short id (`short_id` of the fingerprint). For every id
this folder keeps `<index root>/corpora/<id>.json`: the raw files with a hash of each, the knowledge
files' hashes and the index settings. The newest records are kept; an id without a record is reported
as unknown rather than guessed at.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path

from corpuslens.index.fingerprint import KNOWLEDGE_FILES, raw_files, short_id
from corpuslens.settings import MAX_FILE_BYTES, IndexSettings, knowledge_file

RECORDS_FOLDER = "corpora"
RECORDS_KEPT = 50
NAMES_SHOWN = 5


def _digest(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # skipped by ingestion: the size stands for the content, as in the fingerprint
        return f"size:{size}"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def corpus_record(data: Path, settings: IndexSettings, fingerprint: str) -> dict:
    """What the corpus is made of: each raw file and knowledge file with a hash, and the settings."""
    raw = data / "raw"
    return {
        "id": short_id(fingerprint),
        "fingerprint": fingerprint,
        "recorded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": {path.relative_to(raw).as_posix(): _digest(path) for path in raw_files(raw)},
        "knowledge": {name: (_digest(knowledge_file(data, name)) if knowledge_file(data, name).exists() else None)
                      for name in KNOWLEDGE_FILES},
        "settings": settings.as_dict(),
    }


def corpus_id(index) -> str:
    """The short id of the corpus an index (or a session's index with uploads) was built from."""
    manifest = index.manifest
    return short_id(manifest.get("base_fingerprint") or manifest["fingerprint"])


def records_folder(index_root: Path) -> Path:
    return index_root / RECORDS_FOLDER


def remember(index_root: Path, data: Path, settings: IndexSettings, fingerprint: str) -> None:
    """Write the corpus's record if it is not there yet, and drop the oldest beyond RECORDS_KEPT."""
    folder = records_folder(index_root)
    path = folder / f"{short_id(fingerprint)}.json"
    if path.exists():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{path.name}.{os.getpid()}"
        temporary.write_text(json.dumps(corpus_record(data, settings, fingerprint), ensure_ascii=False),
                             encoding="utf-8")
        os.replace(temporary, path)
        kept = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[RECORDS_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:  # a read-only index folder: links then cannot name what changed, nothing else is lost
        pass


def recall(index_root: Path, corpus_id: str) -> dict | None:
    """The record of a corpus id, or None when this folder never saw it (or the id is not one)."""
    if not corpus_id.isalnum():
        return None
    try:
        record = json.loads((records_folder(index_root) / f"{corpus_id}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _named(files: list[str]) -> str:
    shown = ", ".join(files[:NAMES_SHOWN])
    return shown + (f" and {len(files) - NAMES_SHOWN} more" if len(files) > NAMES_SHOWN else "")


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def changes(old: dict, new: dict) -> list[str]:
    """What differs between two corpus records, in words: documents added, removed or changed, knowledge files
    and settings changed."""
    before, after = old.get("documents", {}), new.get("documents", {})
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    edited = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    out = []
    for files, verb in ((added, "added"), (removed, "removed"), (edited, "changed")):
        if files:
            out.append(f"{_count(len(files), 'document')} {verb}: {_named(files)}")
    knowledge_before, knowledge_after = old.get("knowledge", {}), new.get("knowledge", {})
    knowledge = sorted(n for n in set(knowledge_before) | set(knowledge_after)
                       if knowledge_before.get(n) != knowledge_after.get(n))
    if knowledge:
        out.append(f"knowledge files changed: {', '.join(knowledge)}")
    settings_before, settings_after = old.get("settings", {}), new.get("settings", {})
    settings = sorted(k for k in set(settings_before) | set(settings_after)
                      if settings_before.get(k) != settings_after.get(k))
    if settings:
        out.append("index settings changed: " + ", ".join(
            f"{k} {settings_before.get(k)} → {settings_after.get(k)}" for k in settings))
    return out


def link_notice(index_root: Path, link_corpus: str, current_corpus: str) -> str | None:
    """The notice for a link made on `link_corpus` opened on `current_corpus`; None when they are the same."""
    if not link_corpus or link_corpus == current_corpus:
        return None
    opening = (f"this link was made on another version of the corpus ({link_corpus}; this one is {current_corpus}), "
               "so counts and passages may differ")
    old, new = recall(index_root, link_corpus), recall(index_root, current_corpus)
    if old is None or new is None:
        return opening + ". No record of that version is kept here, so what changed cannot be named."
    found = changes(old, new)
    return opening + (": " + "; ".join(found) + "." if found else ", though no document or knowledge file differs.")
