"""Unicode normalisation and case folding shared by ingestion, matching and tokenising."""

from __future__ import annotations

import re
import unicodedata

# Zero-width space/joiners, word joiner, BOM, soft hyphen: invisible, and they split words.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# C0/C1 control characters other than tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """NFC, unified newlines, invisible characters and control characters removed, odd spaces made plain."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Remove before composing: "e" + zero-width space + combining accent must become "é", so that a
    # second pass finds nothing left to change (normalising is idempotent).
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _ODD_SPACES.sub(" ", text)


def fold(text: str) -> str:
    """Lower-case for matching, one output character per input character (İ -> i, ə stays ə).

    Spans found in folded text are valid in the original, which is why a character whose
    lower case is longer than one character (rare outside İ) keeps its original form.
    """
    folded = text.replace("İ", "i").lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text.replace("İ", "i"))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<:$&])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: every markup character backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
