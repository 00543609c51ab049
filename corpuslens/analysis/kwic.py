"""Keyword in context: every occurrence of a term in a list of texts, with the words around it.

Matching runs on `fold`ed text (case-insensitive, Turkish İ handled), which keeps one character per character, so
the spans returned are valid offsets into the original texts and the match is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpuslens.textnorm import fold

# Between the words of a phrase: any run of whitespace (line breaks included) or a hyphen, so that the phrase
# "nagorno karabakh" finds "Nagorno-Karabakh" and "south caucasus" survives a line break.
_GAP = r"(?:\s+|\s*[-\u2010\u2011]\s*)"
_APOSTROPHES = "'\u2019"
_SPACES = re.compile(r"\s+")


def term_pattern(term: str) -> re.Pattern | None:
    """The compiled regex for a user-typed term, on folded text; None for a blank term.

    Each word is escaped (the user types it), apostrophes match straight or curly, and the match must start and
    end at a word boundary in the Unicode sense: "russia" matches "Russia" and "Russia's" but not "Russian".
    """
    words = fold(term).split()
    if not words:
        return None
    parts = []
    for word in words:
        escaped = "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word)
        parts.append(escaped)
    return re.compile(r"(?<!\w)" + _GAP.join(parts) + r"(?!\w)")


def _left_context(text: str, start: int, width: int) -> str:
    cut = max(0, start - width)
    if cut > 0 and not text[cut - 1].isspace():
        # The window starts inside a word: drop that partial word.
        space = _SPACES.search(text, cut, start)
        cut = space.end() if space else start
    return _SPACES.sub(" ", text[cut:start]).lstrip()


def _right_context(text: str, end: int, width: int) -> str:
    cut = min(len(text), end + width)
    if cut < len(text) and not text[cut].isspace():
        # The window ends inside a word: stop at the last whitespace before it.
        last = max(text.rfind(" ", end, cut), text.rfind("\n", end, cut), text.rfind("\t", end, cut))
        cut = last if last >= 0 else end
    return _SPACES.sub(" ", text[end:cut]).rstrip()


def kwic(texts: Sequence[str], term: str, width: int = 60, limit: int | None = 500) -> list[dict]:
    """Occurrences of `term` in `texts`, in text order, at most `limit` of them (None: all).

    Each is a dict: row (index into texts), start and end (character span in that text), left (up to `width`
    characters before the match, starting at a word boundary, whitespace collapsed), match (the text as written),
    right (up to `width` characters after, ending at a word boundary). left keeps the space before the match and
    right whatever follows it directly (e.g. "'s"), so left + match + right reads as the original.
    For speed on a large corpus, pass only the passages the index says contain the term, and map `row` back.
    """
    pattern = term_pattern(term)
    if pattern is None or (limit is not None and limit <= 0):
        return []
    # A cheap substring test skips most texts before the regex runs.
    probe = re.split(f"[{_APOSTROPHES}]", fold(term).split()[0])[0]
    hits: list[dict] = []
    for row, text in enumerate(texts):
        if not text:
            continue
        folded = fold(text)
        if probe and probe not in folded:
            continue
        for m in pattern.finditer(folded):
            start, end = m.span()
            hits.append(
                {
                    "row": row,
                    "start": start,
                    "end": end,
                    "left": _left_context(text, start, width),
                    "match": text[start:end],
                    "right": _right_context(text, end, width),
                }
            )
            if limit is not None and len(hits) >= limit:
                return hits
    return hits
