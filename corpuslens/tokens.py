"""Word tokens and the terms (words and two-word phrases) counted by the index.

`terms` is the analyzer handed to scikit-learn's CountVectorizer, so it runs once per
passage on the whole corpus: it is a few regex passes and list comprehensions, and its
output depends only on the text and the stopword set (deterministic, order-preserving).
"""

from __future__ import annotations

import re

from corpuslens.textnorm import fold


def _plain_apostrophes(text: str) -> str:
    """’ ‘ ʼ written as ' (one character for one; chained replace is much faster than translate)."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")

# A word: letters or digits (any script, not "_"), with internal hyphens or apostrophes
# kept inside it: "nagorno-karabakh", "kavkaz-2020", "o'brien". ’ is rewritten to ' first.
_WORD = re.compile(r"[^\W_]+(?:[-'‐][^\W_]+)*")
# Punctuation that ends a phrase: two words on either side of it are not a phrase.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”«»„…—–/|•·]|\s['‘]|['’]\s|\n")


def _words(folded: str) -> list[str]:
    out = _WORD.findall(folded)
    # Possessive 's belongs to the word before it: "russia's" -> "russia".
    return [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in out]


def tokenize(text: str) -> list[str]:
    """Folded word tokens of `text`, in order; never empty strings.

    >>> tokenize("Russia's role in Nagorno-Karabakh (2020)")
    ['russia', 'role', 'in', 'nagorno-karabakh', '2020']
    """
    return _words(_plain_apostrophes(fold(text)))


def _is_content(token: str, stopwords: frozenset[str]) -> bool:
    """A word worth counting: not a stopword, longer than one character, not only digits."""
    if len(token) < 2 or token in stopwords:
        return False
    return not token.replace("-", "").isdigit()


def terms(text: str, stopwords: frozenset[str]) -> list[str]:
    """The passage's countable terms: content words, then two-word phrases.

    A phrase is two adjacent content words ("peace process"); a stopword, a number or a
    punctuation mark between two words breaks it, so "Russia and Turkey" gives no phrase
    and neither does "Baku. Moscow".
    """
    folded = _plain_apostrophes(fold(text))
    unigrams: list[str] = []
    phrases: list[str] = []
    for chunk in _BREAK.split(folded):
        previous = None
        for word in _words(chunk):
            if _is_content(word, stopwords):
                unigrams.append(word)
                if previous is not None:
                    phrases.append(previous + " " + word)
                previous = word
            else:
                previous = None
    return unigrams + phrases
