"""Which proper names no actor covers are worth listing, and the actors.yaml entry each would need.

The index keeps every capitalised run that no actor mention covers (`matching.proper_name_candidates`). Many of
those are not names of actors: words capitalised in a quoted title, a source cited in parentheses ("(Izvestia,
September 7)"), a month abbreviation, an ordinary word written with a capital in a title ("the Convention on ...",
"Armed Forces"), or part of a longer name cut at a stopword ("New York") or an abbreviation ("St. Petersburg").
This module reads each candidate where the selection uses it and keeps what a domain expert would add.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import yaml

from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.ingest.dates import MONTHS
from corpuslens.model import ACTOR_KINDS
from corpuslens.textnorm import fold

COLUMNS = ["name", "passages", "aliases", "stub"]
# Candidates read per name listed: the most frequent candidates are read first, and reading stops here, so a
# selection full of capitalised noise costs a bounded time.
CANDIDATES_READ_PER_NAME = 20
# Passages read to decide whether a word is an ordinary one: enough to see its usual case.
CASE_SAMPLE = 300

_MONTH = "|".join(sorted((m for m in MONTHS if m.isascii()), key=len, reverse=True))
# "(Izvestia, September 7)", "see EDM, September 12": a source and a date, not an actor named in the text.
_CITATION_AFTER = re.compile(r"\s*,?\s*(?:" + _MONTH + r")\b\.?\s*\d", re.IGNORECASE)
# "Article 14(2)", "Resolution 2231": a numbered part of a text, not a name.
_NUMBER_AFTER = re.compile(r"\s+\d")
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_OPEN_QUOTES, _CLOSE_QUOTES = "“«„", "”»"
_QUOTED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SHORT_QUOTE_WORDS = 6
_TITLE_CASE_SHARE = 0.6
_WORD_BEFORE = re.compile(r"(\w+) $")
_ABBREVIATION_AFTER = re.compile(r"\. ([A-Z]\w+)")
# "Convention on the Legal Status of the Caspian Sea", "Center for Strategic Studies": a name whose lower-case
# joining words cut it into pieces in the index. Each piece after a joining word is a run of capitalised words.
_JOINED_PART = re.compile(r" (?:of|on|for)(?: the)? ((?:[^\W\d_][\w'’-]*)(?: [^\W\d_][\w'’-]*)*)")
_MOST_JOINED_PARTS = 3
_JOINED_BEFORE = re.compile(r"[^\W\d_][\w'’-]* (?:of|on|for)(?: the)? $")
_JOINING = re.compile(r" (?:of|on|for)(?: the)? ")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Latin letters that Unicode does not decompose into a base letter and a mark.
_NO_DECOMPOSITION = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                                   "Đ": "D", "ß": "ss"})


@dataclass
class _Name:
    name: str
    rows: set[int] = field(default_factory=set)  # passages where it is used as a name
    aliases: list[str] = field(default_factory=list)


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence holding `start` that comes before it."""
    before = text[:start]
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end():] if ends else before


def _quoted_title(text: str, start: int) -> bool:
    """True inside a quoted title, headline or coined phrase (“Beard”, “Only Ally in the South Caucasus”): a
    quotation opened earlier in the same sentence that is short or in title case. A name in quoted speech, a
    sentence in sentence case, is still a name."""
    before = _sentence_before(text, start)
    opening = max(before.rfind(q) for q in _OPEN_QUOTES)
    if sum(before.count(q) for q in _OPEN_QUOTES) <= sum(before.count(q) for q in _CLOSE_QUOTES):
        opening = -1
    closing_marks = _CLOSE_QUOTES
    if opening < 0 and before.count('"') % 2 == 1:
        opening, closing_marks = before.rfind('"'), '"'
    if opening < 0:
        return False
    opened_at = start - len(before) + opening + 1
    ends = [i for i in (text.find(q, start) for q in closing_marks) if i >= 0]
    words = _QUOTED_WORD.findall(text[opened_at:min(ends) if ends else len(text)])
    return len(words) <= _SHORT_QUOTE_WORDS or sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _at_sentence_start(text: str, start: int) -> bool:
    return not _sentence_before(text, start).strip(" \t\"'“‘«([")


def _occurrences(name: str) -> re.Pattern:
    return re.compile(r"(?<![\w'’.-])" + re.escape(name) + r"(?:['’]s)?(?![\w-])")


def _inside_joined_name(text: str, start: int) -> bool:
    """True for a piece after a joining word of a longer name ("Legal Status" in "Convention on the Legal Status")."""
    before = _JOINED_BEFORE.search(text, max(0, start - 60), start)
    return bool(before) and before.group()[0].isupper() and not _at_sentence_start(text, before.start())


def _fuller_name(text: str, start: int, end: int, name: str, stopwords: frozenset[str],
                 actor_names: set[str]) -> str | None:
    """The longer name an occurrence belongs to, when the index cut it: after a capitalised stopword in
    mid-sentence ("New York") or, for a short abbreviation, with the word after its full stop ("St. Petersburg")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1)[0].isupper() and fold(before.group(1)) in stopwords \
            and not _at_sentence_start(text, before.start(1)):
        return f"{before.group(1)} {name}"
    if len(name) <= 3 and name[0].isupper() and name[1:].islower():
        after = _ABBREVIATION_AFTER.match(text, end)
        if after:
            return f"{name}. {after.group(1)}"
    whole = name
    for _ in range(_MOST_JOINED_PARTS):
        part = _JOINED_PART.match(text, end)
        capitalised = []
        for word in (part.group(1).split() if part else []):
            if not word[0].isupper():
                break
            capitalised.append(word)
        if not capitalised or fold(" ".join(capitalised)) in actor_names or fold(capitalised[0]).rstrip(".") in MONTHS:
            break
        joined = part.group(0)[: part.group(0).index(capitalised[0])] + " ".join(capitalised)
        whole, end = whole + joined, end + len(joined)
    return whole if whole != name else None


def _readings(index: CorpusIndex, name: str, rows: np.ndarray, texts, actor_names: set[str]) -> dict[str, set[int]]:
    """The passages where `name` is used as a name, by the name it is part of (itself or a fuller one).

    Occurrences in quotations, in source citations, before a number and inside a longer joined name are not uses
    as a name."""
    pattern = _occurrences(name)
    found: dict[str, set[int]] = {}
    for row in rows:
        text = texts[row]
        for m in pattern.finditer(text):
            if (_quoted_title(text, m.start()) or _CITATION_AFTER.match(text, m.end()) or _NUMBER_AFTER.match(text, m.end())
                    or _inside_joined_name(text, m.start())):
                continue
            whole = _fuller_name(text, m.start(), m.start() + len(name), name, index.stopwords, actor_names) or name
            found.setdefault(whole, set()).add(int(row))
    return found


def _is_ordinary_word(index: CorpusIndex, word: str, mask: np.ndarray, texts) -> bool:
    """True when the selection writes the word in lower case at least as often as capitalised: an ordinary word
    ("convention", "forces") that a title or a heading capitalised."""
    column = index.term_column.get(fold(word))
    if column is None or word.lower() == word:
        return False
    rows = index.terms_by_column[:, column].indices
    rows = rows[mask[rows]][:CASE_SAMPLE]
    lower = re.compile(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])")
    upper = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")
    lowercase = sum(len(lower.findall(texts[r])) for r in rows)
    return lowercase > 0 and lowercase >= sum(len(upper.findall(texts[r])) for r in rows)


def _actor_names(index: CorpusIndex) -> set[str]:
    return {fold(name) for actor in index.actors for name in (actor.label, *actor.aliases)}


def _not_a_name(index: CorpusIndex, name: str, mask: np.ndarray, texts, actor_names: set[str]) -> bool:
    words = name.split()
    folded = fold(name)
    if len(words) == 1 and folded.rstrip(".") in MONTHS:
        return True  # "Feb", "Sept"
    if any(part.isalpha() and part.islower() for word in words for part in word.split("-")[1:]):
        return True  # "Soviet-era": a compound adjective, not a name
    if folded.endswith("s") and folded[:-1] in actor_names:
        return True  # "Armenians": a people, which actors.yaml keeps apart from the state's adjective
    # A joined name is judged by its head: "Ministers of Armenia" is a description, "Council of Europe" a name.
    head = _JOINING.split(name, maxsplit=1)[0].split()
    return all(_is_ordinary_word(index, word, mask, texts) for word in head)


def _split_merged(name: str) -> list[str]:
    """An acronym run into a person's name ("MGIMO Anatoly Torkunov": the rector of MGIMO) as two names."""
    words = name.split()
    if len(words) >= 3 and words[0].isupper() and len(words[0]) > 1 and all(w[:1].isupper() and not w.isupper()
                                                                           for w in words[1:]):
        return [words[0], " ".join(words[1:])]
    return [name]


def _merge_surnames(names: dict[str, _Name], doc_of: np.ndarray) -> None:
    """A single word that ends a listed longer name and is used in the same documents ("Hasanov" after "Anar
    Hasanov") is that name again: it becomes one of its aliases."""
    for single in [n for n in names if " " not in n]:
        docs = {int(doc_of[r]) for r in names[single].rows}
        owners = [n for n in names if n != single and n.split()[-1] == single
                  and docs <= {int(doc_of[r]) for r in names[n].rows}]
        if len(owners) == 1:
            owner = names[owners[0]]
            owner.rows |= names.pop(single).rows
            owner.aliases.append(single)


def actor_id_for(label: str) -> str:
    """A slug id for a new actor: the label in lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", label.translate(_NO_DECOMPOSITION))
    slug = _NOT_SLUG.sub("-", ascii_text.encode("ascii", "ignore").decode().lower()).strip("-")
    return slug or "actor-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:6]


def yaml_stub(label: str, aliases: list[str]) -> str:
    """The actors.yaml entry for a new actor, in that file's format. The kind is left for the user: it is not
    known from the text, and the loader says so until it is filled in."""
    entry = {"id": actor_id_for(label), "label": label, "kind": None, "affiliation": None,
             "aliases": aliases or [label]}
    text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    return text.replace("kind: null", f"kind:   # fill in: {' | '.join(ACTOR_KINDS)}", 1)


def listed_names(index: CorpusIndex, mask: np.ndarray, n: int = 30) -> pd.DataFrame:
    """The selection's most used proper names that no actor covers and that name something, most used first:
    name, passages (where it is used as a name), aliases (other forms found) and stub (an actors.yaml entry)."""
    if index.names.shape[1] == 0 or not mask.any() or n <= 0:
        return pd.DataFrame(columns=COLUMNS)
    selected = index.names[mask]
    passages = np.bincount(selected.indices, minlength=index.names.shape[1])
    order = np.lexsort((index.name_vocab.astype(str), -passages))
    order = order[passages[order] > 0][: n * CANDIDATES_READ_PER_NAME]
    by_column = index.names.tocsc()
    texts = index.passages["text"].to_numpy()
    actor_names = _actor_names(index)
    names: dict[str, _Name] = {}
    for column in order:
        rows = by_column[:, column].indices
        rows = rows[mask[rows]]
        for candidate in _split_merged(str(index.name_vocab[column])):
            for name, used in _readings(index, candidate, rows, texts, actor_names).items():
                if name in names or not _not_a_name(index, name, mask, texts, actor_names):
                    names.setdefault(name, _Name(name)).rows |= used
        if len(names) >= 2 * n:  # enough to fill the list after surnames are merged
            break
    _merge_surnames(names, index.passage_doc)
    kept = sorted(names.values(), key=lambda x: (-len(x.rows), x.name))[:n]
    return pd.DataFrame({
        "name": [x.name for x in kept],
        "passages": [len(x.rows) for x in kept],
        "aliases": [tuple(x.aliases) for x in kept],
        "stub": [yaml_stub(x.name, [x.name, *x.aliases]) for x in kept],
    }, columns=COLUMNS)
