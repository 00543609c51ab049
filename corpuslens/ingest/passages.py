"""Passages (the unit of analysis and evidence) and sentences (the unit of co-mention).

A passage is a paragraph; a paragraph over `max_words` words is cut at sentence boundaries into
consecutive chunks of at most `max_words` words (a single sentence longer than that is cut
between words). A sentence ends at ., ! , ? or … followed by space and a capital, digit, quote or
bracket, except after an abbreviation ("Dr.", "Feb.", "e.g."), an initial ("V. Putin") or an
initialism ("U.S.") - an initialism still ends a sentence when a typical sentence opener
follows ("... sanctions on the U.S. The next day"). Decimals ("4.5") never split: no space follows.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+|\n+")
_LOOKBACK = 64  # longer than any abbreviation or initialism the rules below recognise
_NEXT_WORD = re.compile(r"[\w']+")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr sen rep gov gen col lt maj capt sgt adm cmdr pres amb
    vs etc e.g i.e cf al approx ca no nos vol vols pp p fig figs ed eds est inc ltd co corp dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    mt ft rev hon messrs mme mlle art sec ch para г гг т.е т.д т.п см ул им""".split()
)
_INITIALISM = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i this that these those but and in on at for however his her its their there "
    "as after before when while if yet so our".split()
)
_OPENING = "\"'“‘«([—–-"


def _ends_sentence(text: str, stop: int, next_start: int) -> bool:
    """Whether the punctuation ending at `stop` (next word at `next_start`) closes a sentence."""
    if next_start >= len(text):
        return True
    first = text[next_start]
    if not (first.isupper() or first.isdigit() or first in _OPENING):
        return False
    # Only the last few characters: searching from 0 made every period rescan the passage (quadratic).
    window = text[max(0, stop - _LOOKBACK):stop]
    words = window.split()
    token = words[-1] if words and not window[-1].isspace() else ""
    if not token.endswith("."):
        return True  # ! ? … or a closing quote after the period
    word = token.rstrip(".").lstrip(_OPENING).lower()
    if _INITIALISM.match(token.lstrip(_OPENING)):
        next_word = _NEXT_WORD.match(text, next_start)
        return bool(next_word) and next_word.group(0).lower() in _SENTENCE_OPENERS
    if _INITIAL.match(token.lstrip(_OPENING)) and token[:1].isupper():
        return False
    return word not in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of the sentences of `text`, surrounding space excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        stop = len(match.group(0).rstrip())
        if match.group(0).startswith("\n") or _ends_sentence(text, match.start() + stop, end):
            _add_span(text, start, end, spans)
            start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _word_count(text: str) -> int:
    return len(text.split())


def _cut_long_sentence(sentence: str, max_words: int) -> list[str]:
    words = sentence.split()
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def split_paragraph(paragraph: str, max_words: int) -> list[str]:
    """The paragraph itself if short enough, else consecutive sentence chunks of <= max_words words."""
    if _word_count(paragraph) <= max_words:
        return [paragraph]
    chunks: list[str] = []
    current: list[str] = []
    current_words = 0
    for start, end in split_sentences(paragraph):
        sentence = paragraph[start:end]
        words = _word_count(sentence)
        if current and current_words + words > max_words:
            chunks.append(" ".join(current))
            current, current_words = [], 0
        if words > max_words:
            chunks.extend(_cut_long_sentence(sentence, max_words))
            continue
        current.append(sentence)
        current_words += words
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_passages(paragraphs: list[str], max_words: int = 150) -> list[str]:
    """Passages of a document: its paragraphs, over-long ones split at sentence boundaries."""
    passages: list[str] = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        if paragraph:
            passages.extend(split_paragraph(paragraph, max_words))
    return passages
