"""Find the article files under raw/ without trusting their names, and read them within limits.

Only regular files under the raw folder are read: symbolic links that lead out of it, special
files and hidden files are not. Folders are walked recursively in sorted order, so every build
sees the files in the same order. Files of other types and files that are too big are reported,
not read. Document ids are slugs of the path under raw/, made unique.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from corpuslens.model import SkippedFile
from corpuslens.settings import MAX_FILE_BYTES, READABLE_SUFFIXES


@dataclass(frozen=True)
class FoundFile:
    path: Path
    relative: str  # path under raw/ with forward slashes


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def find_files(raw_dir: Path) -> tuple[list[FoundFile], list[SkippedFile]]:
    """The readable files under raw_dir (sorted by relative path) and the ones refused, with reasons."""
    root = raw_dir.resolve()
    found: list[FoundFile] = []
    skipped: list[SkippedFile] = []
    if not root.is_dir():
        return found, skipped
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(dirnames):
            if os.path.islink(os.path.join(folder, name)):
                rel = Path(folder, name).relative_to(root).as_posix()
                skipped.append(SkippedFile(rel, "a link to a folder; linked folders are not followed"))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            reason = _refusal(path, root)
            if reason:
                skipped.append(SkippedFile(rel, reason))
            else:
                found.append(FoundFile(path, rel))
    found.sort(key=lambda f: f.relative)
    skipped.sort(key=lambda s: s.file)
    return found, skipped


def _refusal(path: Path, root: Path) -> str | None:
    if path.suffix.lower() not in READABLE_SUFFIXES:
        return f"not an article type ({path.suffix or 'no extension'}); readable types are {', '.join(READABLE_SUFFIXES)}"
    if path.is_symlink() and not _inside(path, root):
        return "a link pointing outside the data folder; not followed"
    try:
        info = path.stat()
    except OSError as error:
        return f"cannot be opened ({error.strerror or error})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_FILE_BYTES:
        return f"too large: {info.st_size / 1e6:.1f} MB, the limit is {MAX_FILE_BYTES / 1e6:.0f} MB per article"
    return None


def read_bytes(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes, so a file that grew after listing cannot exhaust memory."""
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


_NOT_SLUG = re.compile(r"[^a-z0-9_]+")


def slug(relative: str) -> str:
    """URL-safe id [a-z0-9_-] from a path under raw/: folder separators and other characters become '-'."""
    stem = relative.rsplit(".", 1)[0] if "." in relative.rsplit("/", 1)[-1] else relative
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    text = _NOT_SLUG.sub("-", ascii_text).strip("-_")
    return text or "doc-" + hashlib.sha1(relative.encode("utf-8")).hexdigest()[:8]


def unique_ids(relatives: list[str]) -> list[str]:
    """Slugs in the given order, with -2, -3, ... added to repeats."""
    used: set[str] = set()
    ids: list[str] = []
    for relative in relatives:
        base = candidate = slug(relative)
        n = 2
        while candidate in used:
            candidate = f"{base}-{n}"
            n += 1
        used.add(candidate)
        ids.append(candidate)
    return ids
