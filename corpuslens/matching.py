"""Finding actors, theme terms and unlisted proper names in passages.

All three run once per passage over the whole corpus (100,000 passages at scale), so each
compiles its lexicon into one regular expression shaped as a trie: the alternation is
factored by common prefixes, so at any position of the text only the aliases that start
with the character found there are tried, and a longer alias is always tried before a
shorter one that it extends ("Heydar Aliyev" before ... "Aliyev" never competes: the scan
reaches "Heydar" first; "the Kremlin" before "the ..."; "OSCE Minsk Group" before "OSCE").

Matching is done on the folded text (`textnorm.fold`: one character out per character in,
İ -> i), with typographic apostrophes made plain (also one for one), so every span found
is a valid span of the original text. Word boundaries use Python's Unicode `\\w`, which
knows ə, ı, ğ and Cyrillic letters.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from corpuslens.model import Actor, Mention, Theme
from corpuslens.textnorm import fold


def _plain_apostrophes(text: str) -> str:
    """’ ‘ ʼ written as ' (one character for one; chained replace is much faster than translate)."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")

# An alias must not be glued to a word on either side, nor be part of a web address:
# "Kremlin.ru" or "moscow-baku.ru" name sites, not the state ("U.S." still ends with its dot).
_BEFORE = r"(?<!\w)(?<!\w\.)"
_AFTER = r"(?!\w)(?!\.\w)"
_END, _PREFIX = "", "*"


def _prepare(text: str) -> str:
    """Folded text with plain apostrophes; same length as `text`."""
    return _plain_apostrophes(fold(text))


def _key(phrase: str) -> str:
    """The lookup form of an alias, a term or a matched string: folded, single spaces."""
    return " ".join(_prepare(phrase).split())


def _trie_regex(keys: list[str], prefixes: list[str] = ()) -> str:
    """An alternation of `keys` (exact) and `prefixes` (followed by any word characters), as a trie.

    A space in a key matches any run of whitespace. At every node, continuing is tried
    before stopping, so the longest key that fits the text (boundary included) wins.
    """
    root: dict = {}
    for word, marker in [(k, _END) for k in keys] + [(p, _PREFIX) for p in prefixes]:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[marker] = {}

    def render(node: dict) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items())
            if ch not in (_END, _PREFIX)
        ]
        if _PREFIX in node:
            branches.append(r"\w*")
        if _END in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        if branches[-1] == "" and len(branches) == 2:
            return f"(?:{branches[0]})?"
        return "(?:" + "|".join(branches) + ")"

    return render(root)


def _case_sensitive(alias: str) -> bool:
    """Short all-capital acronyms ("US", "EU", "UN", "CIS") match only in capitals: "us" is a pronoun."""
    return len(alias) <= 3 and alias.isupper() and alias.isalpha() or alias in ("U.S", "U.N")


class ActorMatcher:
    """Finds actor mentions: each alias (or the label) resolves to exactly one actor.

    Possessives need no aliases of their own ("Russia's", "Aliyev’s" match "Russia",
    "Aliyev": the apostrophe is a word boundary and the span stops before it).
    """

    def __init__(self, actors: list[Actor]):
        self._folded: dict[str, tuple[str, str]] = {}  # key -> (actor id, alias as written)
        self._exact: dict[str, tuple[str, str]] = {}  # case-sensitive acronyms
        for actor in actors:
            for alias in dict.fromkeys((actor.label, *actor.aliases)):
                target = self._exact if _case_sensitive(alias) else self._folded
                key = alias if target is self._exact else _key(alias)
                if key in target and target[key][0] != actor.id:
                    raise ValueError(f"alias {alias!r} belongs to both {target[key][0]!r} and {actor.id!r}")
                target[key] = (actor.id, alias)
        self._folded_re = self._compile(list(self._folded), 0)
        self._exact_re = self._compile(list(self._exact), 0)

    @staticmethod
    def _compile(keys: list[str], flags: int) -> re.Pattern | None:
        if not keys:
            return None
        return re.compile(_BEFORE + "(?:" + _trie_regex(keys) + ")" + _AFTER, flags)

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, sorted by position, never overlapping; spans index `text`."""
        found: list[tuple[int, int, str, str]] = []
        if self._folded_re is not None:
            prepared = _prepare(text)
            table = self._folded
            for m in self._folded_re.finditer(prepared):
                matched = m.group()
                hit = table.get(matched) or table[" ".join(matched.split())]
                found.append((m.start(), m.end(), *hit))
        if self._exact_re is not None:
            extra = [(m.start(), m.end(), *self._exact[m.group()]) for m in self._exact_re.finditer(text)]
            if extra:
                # The two scans may overlap: the earlier span wins, and at one start the longer.
                found = sorted(found + extra, key=lambda f: (f[0], f[0] - f[1]))
        mentions: list[Mention] = []
        last_end = -1
        for start, end, actor, alias in found:
            if start < last_end:
                continue
            mentions.append(Mention(actor=actor, start=start, end=end, alias=alias))
            last_end = end
        return mentions


def _written_with_capitals(phrase: str) -> bool:
    """A lexicon phrase written with a capital letter matches only as written ("US" is not "us")."""
    return phrase != phrase.lower()


class _PhraseSet:
    """Words and phrases (a trailing * makes the last word a prefix) compiled into one trie regex,
    each mapped to the owners (theme ids) that list it.

    The scan runs on the folded text; a phrase written with a capital letter is then kept only where
    the text writes it the same way, so it costs no second scan."""

    def __init__(self, owned: list[tuple[str, str]]):
        # key -> {owner: the phrase as written when it must match as written, else None}
        self._exact: dict[str, dict[str, str | None]] = {}
        self._prefix: dict[str, dict[str, str | None]] = {}
        for phrase, owner in owned:
            table, body = (self._prefix, phrase[:-1]) if phrase.endswith("*") else (self._exact, phrase)
            written = " ".join(_plain_apostrophes(body).split()) if _written_with_capitals(body) else None
            owners = table.setdefault(_key(body), {})
            if owners.get(owner, "") is not None:  # a lower-case listing of the same phrase wins
                owners[owner] = written
        self.empty = not (self._exact or self._prefix)
        if not self.empty:
            self.regex = re.compile(_BEFORE + "(?:" + _trie_regex(list(self._exact), list(self._prefix)) + r")(?!\w)")
        self._cache: dict[str, tuple[tuple[str, str, tuple[str, bool] | None], ...]] = {}

    def _owners(self, matched: str) -> tuple[tuple[str, str, tuple[str, bool] | None], ...]:
        """(owner, phrase as listed, (form, is a prefix) the text must start with, or None) for every
        listed phrase the matched folded text is an instance of."""
        cached = self._cache.get(matched)
        if cached is not None:
            return cached
        key = " ".join(matched.split())
        found: dict[str, tuple[str, tuple[str, bool] | None]] = {}
        for term, owners in self._exact.items():
            if key == term or key.startswith(term + " "):
                for owner, written in owners.items():
                    found.setdefault(owner, (written or term, written and (written, False)))
        for prefix, owners in self._prefix.items():
            if key.startswith(prefix):
                for owner, written in owners.items():
                    found.setdefault(owner, ((written or prefix) + "*", written and (written, True)))
        result = tuple((owner, shown, form) for owner, (shown, form) in found.items())
        if len(self._cache) < 200_000:
            self._cache[matched] = result
        return result

    def find(self, text: str, prepared: str) -> list[tuple[int, int, tuple[tuple[str, str], ...]]]:
        """(start, end, ((owner, phrase as listed), ...)) of every match in `text`, whose folded form
        (`_prepare`) is `prepared`; phrases written with capitals only where the text has them so."""
        if self.empty:
            return []
        found = []
        for m in self.regex.finditer(prepared):
            owners = self._owners(m.group())
            if any(form for _, _, form in owners):
                as_written = " ".join(_plain_apostrophes(text[m.start():m.end()]).split())
                owners = tuple(o for o in owners if o[2] is None or _has_form(as_written, o[2]))
                if not owners:
                    continue
            found.append((m.start(), m.end(), tuple((owner, shown) for owner, shown, _ in owners)))
        return found


def _has_form(as_written: str, form: tuple[str, bool]) -> bool:
    """Whether the matched text starts with the phrase as written: a prefix, or whole words."""
    phrase, is_prefix = form
    if is_prefix:
        return as_written.startswith(phrase)
    return as_written == phrase or as_written.startswith(phrase + " ")


# An enumeration: three or more short items (one to four words) separated by commas, the last one
# after "and"/"or" ("regional security, military ties, energy, and trade"; "и"/"или" in Russian).
_LIST_WORD = r"[\w'-]+"
_LIST_ITEM = rf"{_LIST_WORD}(?:\s+{_LIST_WORD}){{0,3}}"
_LIST_JOIN = r"(?:and|or|и|или)"
_ENUMERATION = re.compile(rf"{_LIST_ITEM}(?:,\s+{_LIST_ITEM})+,?\s+{_LIST_JOIN}\s+{_LIST_ITEM}", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(rf",\s+(?:{_LIST_JOIN}\s+)?|\s+{_LIST_JOIN}\s+", re.IGNORECASE)


def _list_items(prepared: str) -> list[tuple[int, int, int]]:
    """(start, end, number of its enumeration) of every item of every enumeration in the text."""
    items = []
    for number, enumeration in enumerate(_ENUMERATION.finditer(prepared)):
        start = enumeration.start()
        for separator in _LIST_SEPARATOR.finditer(enumeration.group()):
            items.append((start, enumeration.start() + separator.start(), number))
            start = enumeration.start() + separator.end()
        items.append((start, enumeration.end(), number))
    return items


def _without_lone_list_items(matches: list, themes: set[str], prepared: str) -> list:
    """`matches` without those of `themes` that stand in an enumeration's item when no other item of the
    same enumeration holds a match of their theme: a field named in a list of fields is a passing mention."""
    items = _list_items(prepared)
    if not items:
        return matches

    def item_of(start: int) -> tuple[int, int] | None:
        return next(((number, lo) for lo, hi, number in items if lo <= start < hi), None)

    placed = [(match, item_of(match[0]) if match[2] in themes else None) for match in matches]
    return [match for match, item in placed
            if item is None or any(other[2] == match[2] and where is not None and where[0] == item[0]
                                   and where[1] != item[1] for other, where in placed)]


class ThemeTagger:
    """Tags passages with themes, and says why.

    A theme's `terms` count wherever they occur. Its `context_terms` are words that mean the theme
    only in its setting ("ceasefire", "separatists", "media"): they count when one of the theme's
    `anchors` occurs in the passage or in a passage next to it (in the passage itself for a theme
    whose `anchor_scope` is "passage") — or, for a theme that lists no
    anchors, when the passage holds a second, different word of the theme — and no word of its
    `not_near` list stands in the same sentence ("separatists" beside "Donbas" is another war).
    No word counts inside one of the theme's `not_within` phrases ("oil" in "non-oil"). A theme
    with `min_matches` above 1 needs that many counted matches in the passage: one passing mention
    of Turkey does not make a passage about Turkey. A theme whose `lone_list_items` is "passing" does not
    count its only word among the items of an enumeration ("security, military ties, energy, and trade").
    All themes' phrases are scanned at once; a match credits every theme listing it.
    """

    def __init__(self, themes: list[Theme]):
        self._order = {t.id: i for i, t in enumerate(themes)}
        self._strong = _PhraseSet([(term, t.id) for t in themes for term in t.terms])
        self._context = _PhraseSet([(term, t.id) for t in themes for term in t.context_terms])
        self._anchors = _PhraseSet([(a, t.id) for t in themes if t.context_terms for a in t.anchors])
        self._own_words = {t.id for t in themes if t.context_terms and not t.anchors}
        self._exclusions = _PhraseSet([(w, t.id) for t in themes for w in t.not_near])
        self._containers = _PhraseSet([(w, t.id) for t in themes for w in t.not_within])
        self._min_matches = {t.id: t.min_matches for t in themes if t.min_matches > 1}
        self._anchored_in_passage = {t.id for t in themes if t.anchor_scope == "passage"}
        self._lone_list_items_passing = {t.id for t in themes if t.lone_list_items == "passing"}

    def _anchored(self, text: str, prepared: str, neighbours: list[str]) -> set[str]:
        """Themes with an anchor in the passage, or in a neighbour where the theme lets neighbours anchor."""
        found = {owner for _, _, owners in self._anchors.find(text, prepared) for owner, _ in owners}
        for neighbour in neighbours:
            found.update(owner for _, _, owners in self._anchors.find(neighbour, _prepare(neighbour))
                         for owner, _ in owners if owner not in self._anchored_in_passage)
        return found

    def _inside_containers(self, text: str, prepared: str, matches: list) -> list:
        """`matches` without the (owner, term) pairs that stand inside a longer `not_within` phrase of their theme."""
        containers = self._containers.find(text, prepared)
        if not containers:
            return matches
        kept = []
        for start, end, owners in matches:
            inside = {owner for lo, hi, ids in containers if lo <= start and end <= hi and hi - lo > end - start
                      for owner, _ in ids}
            if inside:
                owners = tuple((owner, term) for owner, term in owners if owner not in inside)
            if owners:
                kept.append((start, end, owners))
        return kept

    def explain(self, text: str, neighbours: list[str] = ()) -> list[tuple[int, int, str, str, str]]:
        """(start, end, theme id, term as listed, rule) for every match that counts, in text order."""
        prepared = _prepare(text)
        strong = self._inside_containers(text, prepared, self._strong.find(text, prepared))
        matches: list[tuple[int, int, str, str, str]] = []
        for start, end, owners in strong:
            matches.extend((start, end, owner, term, "term") for owner, term in owners)
        context = self._inside_containers(text, prepared, self._context.find(text, prepared))
        if context:
            anchored = self._anchored(text, prepared, neighbours)
            excluded = self._excluded_sentences(text, prepared)
            context = [(start, end, tuple((owner, term) for owner, term in owners
                                          if not any(lo <= start < hi and owner in ids for lo, hi, ids in excluded)))
                       for start, end, owners in context]
            # A theme without anchors of its own is anchored by a second, different word of its own in the
            # passage; a word that does not count (vetoed by not_near) vouches for nothing.
            own_words: dict[str, set[str]] = {}
            for _, _, owners in [*strong, *context]:
                for owner, term in owners:
                    own_words.setdefault(owner, set()).add(term)
            for start, end, owners in context:
                for owner, term in owners:
                    if owner in self._own_words:
                        if len(own_words.get(owner, ())) < 2:
                            continue
                        rule = "context term, with another word of the theme in the passage"
                    elif owner in anchored:
                        rule = "context term, with an anchor of the theme nearby"
                    else:
                        continue
                    matches.append((start, end, owner, term, rule))
        if any(m[2] in self._lone_list_items_passing for m in matches):
            matches = _without_lone_list_items(matches, self._lone_list_items_passing, prepared)
        if self._min_matches:
            counted: dict[str, set[int]] = {}
            for start, _, owner, _, _ in matches:
                counted.setdefault(owner, set()).add(start)
            matches = [m for m in matches if len(counted[m[2]]) >= self._min_matches.get(m[2], 1)]
        matches.sort(key=lambda m: (m[0], self._order.get(m[2], 0)))
        return matches

    def _excluded_sentences(self, text: str, prepared: str) -> list[tuple[int, int, set[str]]]:
        hits = self._exclusions.find(text, prepared)
        if not hits:
            return []
        from corpuslens.ingest.passages import split_sentences  # matching is imported by ingestion's users

        spans = split_sentences(text) or [(0, len(text))]
        out = []
        for lo, hi in spans:
            ids = {owner for start, _, owners in hits if lo <= start < hi for owner, _ in owners}
            if ids:
                out.append((lo, hi, ids))
        return out

    def hits(self, text: str, neighbours: list[str] = ()) -> dict[str, int]:
        """{theme id: number of counted matches} for the themes found in `text`."""
        counts: dict[str, int] = {}
        seen: set[tuple[int, str]] = set()
        for start, _, theme_id, _, _ in self.explain(text, neighbours):
            if (start, theme_id) not in seen:
                seen.add((start, theme_id))
                counts[theme_id] = counts.get(theme_id, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: self._order[kv[0]]))

    def tag_passages(self, texts: list[str]) -> list[dict[str, int]]:
        """`hits` of each passage of one document, its neighbours being the passages before and after it."""
        return [self.hits(text, texts[max(0, i - 1):i] + texts[i + 1:i + 2]) for i, text in enumerate(texts)]


def _upper_class() -> str:
    """A character class of the capital letters of the Latin, Greek, Cyrillic and Armenian scripts."""
    ranges: list[list[int]] = []
    for code in range(0x2C00):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


_CAP_WORD = _upper_class() + r"[^\W_]*(?:[-'’][^\W_]+)*"
# A run of capitalised words separated by single spaces, not glued to a word before it and
# not part of a web address ("Kremlin.ru", "President.az").
_CAP_RUN = re.compile(r"(?<![\w'’.-])" + _CAP_WORD + r"(?: " + _CAP_WORD + r")*(?![\w'’-]|\.\w)")
_CAP_WORD_RE = re.compile(_CAP_WORD)
# Office words capitalised before a name ("Prime Minister Nikol Pashinyan"): never names themselves.
_TITLE_WORDS = frozenset(
    "president prime minister ministry deputy foreign affairs secretary general chairman head speaker "
    "ambassador spokesperson spokesman mp mr mrs ms dr professor".split()
)
_OPENERS = "\"'“‘«([„ \t"
_SENTENCE_END = ".!?…:\n"


@lru_cache(maxsize=1)
def _shipped_stopwords() -> frozenset[str]:
    from corpuslens.lexicon import load_stopwords

    path = Path(__file__).resolve().parent.parent / "data" / "stopwords.txt"
    return load_stopwords(path) if path.exists() else frozenset()


def _at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets separate `start` from a sentence end or a line start."""
    before = text[max(0, start - 40) : start].rstrip(_OPENERS)
    return not before or before[-1] in _SENTENCE_END


def proper_name_candidates(
    text: str, mentions: list[Mention], stopwords: frozenset[str] | None = None
) -> list[str]:
    """Capitalised names of 1–3 words that no actor mention covers, in order of appearance.

    These help a user grow the actor dictionary ("Haber Global", "Dossier Center"). A single
    word at the start of a sentence is skipped (it may be capitalised only for that reason);
    stopwords ("The", "In", month names with the shipped list) and office words ("President",
    "Foreign Minister") split a run; a trailing
    possessive is dropped; runs longer than three words (headlines in title case) are skipped.
    `stopwords` defaults to the shipped list.
    """
    stop = _shipped_stopwords() if stopwords is None else stopwords
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    out: list[str] = []
    for run in _CAP_RUN.finditer(text):
        segment: list[tuple[int, str]] = []
        segments: list[list[tuple[int, str]]] = []
        for w in _CAP_WORD_RE.finditer(run.group()):
            s, e = run.start() + w.start(), run.start() + w.end()
            word = w.group()
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            i = bisect.bisect_right(starts, e - 1) - 1  # last mention starting inside or before the word
            covered = i >= 0 and ends[i] > s
            low = fold(word).replace("’", "'")
            if covered or len(word) < 2 or low in stop or low in _TITLE_WORDS:
                if segment:
                    segments.append(segment)
                segment = []
            else:
                segment.append((s, word))
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 3 or (len(seg) == 1 and _at_sentence_start(text, seg[0][0])):
                continue
            out.append(" ".join(word for _, word in seg))
    return out
