"""Make the folder of saved HTML pages that `make eval` reads, from a clone of the repository they come from.

The pages are third-party copies kept in another project's repository (see eval/devset/SOURCES_html.md), so they
are not committed here; this script lays them out again, byte for byte, with the article text each is scored against:

    python eval/make_html_folder.py <readability repository (a clone or a bare git directory)> <out folder>

It reads the list of pages in SOURCES_html.md, takes each file at the commit named there (`git show`, so a bare
mirror is enough), writes `html/hNNN_<slug>.html` (the page) and `bodies/hNNN_<slug>.txt` (the article text made
from the expected output by the rule in SOURCES_html.md, less the lines the label notes list as removed), then
point `make eval` at it: `CORPUSLENS_DEVSET_HTML=<out folder> make eval`.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

DEVSET = Path(__file__).resolve().parent / "devset"
SOURCES = DEVSET / "SOURCES_html.md"
LABELS = DEVSET / "labels" / "html.csv"

_COMMIT = re.compile(r"Commit used: `([0-9a-f]{40})`")
_PAGE = re.compile(r"^- `(?P<name>h\d{3}_[\w.-]+)\.html` <- `(?P<source>[^`]+)` \(body from `(?P<body>[^`]+)`\)")
# The removals a label note lists: Removed from the body text (not article): ""a"" | ""b ..."". Quotes are doubled
# inside the CSV field; a line cut in the note ends in "...".
_REMOVED = re.compile(r'Removed from the body text \(not article\): (?P<items>.*?)(?:\. Body from|$)', re.S)
_ITEM = re.compile(r'"(.*?)"(?:\s*\||\s*$)', re.S)
# Elements that separate paragraphs in the expected article (the rule in SOURCES_html.md).
_BREAK = "\x00"  # a paragraph break; newlines in the markup are only whitespace
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "br")


def git_show(repository: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(repository), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def article_text(expected_html: bytes) -> list[str]:
    """Paragraphs of the expected article: block elements separate them, whitespace collapsed, empty ones dropped."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(expected_html.decode("utf-8"))
    pieces: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in _BLOCKS
        if block:
            pieces.append(_BREAK)
        if element.text and tag.lower() not in ("script", "style"):
            pieces.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if block:
            pieces.append(_BREAK)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(pieces).split(_BREAK))
    return [line for line in lines if line]


def removals(note: str) -> list[str]:
    match = _REMOVED.search(note)
    if not match:
        return []
    return [item.strip() for item in _ITEM.findall(match.group("items"))]


def drop_removed(paragraphs: list[str], removed: list[str]) -> tuple[list[str], list[str]]:
    """Each listed removal drops the first paragraph it names (whole, or its start where the note cut it)."""
    kept = list(paragraphs)
    missing = []
    for item in removed:
        prefix = item[:-3].rstrip() if item.endswith("...") else None
        for i, text in enumerate(kept):
            # Wikipedia headings carry an "[edit]" link the notes leave out.
            text = text.removesuffix("[edit]")
            if text == item or (prefix and text.startswith(prefix)):
                del kept[i]
                break
        else:
            missing.append(item)
    return kept, missing


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], "\nusage: make_html_folder.py <readability repository> <out folder>",
              file=sys.stderr)
        return 2
    repository, out = Path(argv[0]), Path(argv[1])
    sources = SOURCES.read_text(encoding="utf-8")
    commit = _COMMIT.search(sources).group(1)
    with open(LABELS, newline="", encoding="utf-8") as handle:
        notes = {Path(row["file"]).stem: row.get("notes", "") for row in csv.DictReader(handle)}
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "bodies").mkdir(parents=True, exist_ok=True)
    pages = 0
    for line in sources.splitlines():
        match = _PAGE.match(line)
        if not match:
            continue
        name = match.group("name")
        (out / "html" / f"{name}.html").write_bytes(git_show(repository, commit, match.group("source")))
        paragraphs = article_text(git_show(repository, commit, match.group("body")))
        kept, missing = drop_removed(paragraphs, removals(notes.get(name, "")))
        for item in missing:
            print(f"{name}: a removal in the label note was not found in the article text: {item[:70]!r}",
                  file=sys.stderr)
        (out / "bodies" / f"{name}.txt").write_text("\n\n".join(kept) + "\n", encoding="utf-8")
        pages += 1
    print(f"{pages} pages written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
