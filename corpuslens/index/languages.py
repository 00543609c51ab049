"""The function words of each document's own language, left out of its term counts.

The shipped stopwords.txt is English. In a folder that also holds French, Spanish or Russian pages, their
"de", "la", "que", "и", "в" would top every term list and make a topic of their own. Each document's language
is told by the same stopword vote that judges its lines (`ingest.boilerplate.page_language`, kept as
`Document.language`); a non-English
document's terms then also leave out that language's function words, from the `stop-words` package (lists of
function words, unlike jusText's, which hold frequent content words such as "war" or "president"). The lists
apply to that document only: German "war" (was) goes from a German page, "war" stays in an English one.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from corpuslens.ingest.boilerplate import page_language
from corpuslens.model import Document
from corpuslens.textnorm import fold

# jusText's language names (as `page_language` gives them) -> the `stop-words` package's; languages it has no
# list for keep the shipped stopwords alone.
FUNCTION_WORD_LISTS = {
    "Russian": "russian", "German": "german", "French": "french", "Spanish": "spanish", "Portuguese": "portuguese",
    "Italian": "italian", "Dutch": "dutch", "Polish": "polish", "Turkish": "turkish", "Ukrainian": "ukrainian",
    "Romanian": "romanian", "Swedish": "swedish", "Arabic": "arabic", "Persian": "persian", "Czech": "czech",
    "Slovak": "slovak",
}


@lru_cache(maxsize=None)
def function_words(language: str) -> frozenset[str]:
    """The function words of a language (jusText's name), empty for English and languages without a list."""
    code = FUNCTION_WORD_LISTS.get(language)
    if code is None:
        return frozenset()
    from stop_words import get_stop_words

    return frozenset(fold(word).replace("’", "'") for word in get_stop_words(code))


def document_stopwords(documents: list[Document], stopwords: frozenset[str]) -> list[frozenset[str]]:
    """Each document's stopwords: the shipped ones, plus the function words of its language."""
    by_language: dict[str, frozenset[str]] = {}
    result = []
    for doc in documents:
        language = doc.language or page_language(doc.paragraphs)
        if language not in by_language:
            by_language[language] = stopwords | function_words(language)
        result.append(by_language[language])
    return result


def passage_stopwords(documents: list[Document], doc_rows: np.ndarray, stopwords: frozenset[str]) -> list[frozenset[str]]:
    """Each passage's stopwords, those of its document (`doc_rows`: passage -> document)."""
    per_document = document_stopwords(documents, stopwords)
    return [per_document[row] for row in doc_rows]
