"""A document's own language's function words stay out of its term counts, and only out of its own."""

from __future__ import annotations

import numpy as np

from corpuslens.index import load_or_build
from corpuslens.settings import IndexSettings
from tests.conftest import write_corpus

ENGLISH = ("The war over the pipeline began in spring, and the ministers said the war would end before the winter. "
           "Negotiations on the pipeline continued in Baku while the war went on along the border for months.")
GERMAN = ("Die Regierung war sich einig, dass die Leitung bis zum Winter fertig sein sollte, und der Minister war "
          "in Baku, als die Verhandlungen über die Leitung begannen. Die Leitung war das Thema der Gespräche.")
FRENCH = ("Le gouvernement de la république a annoncé que le gazoduc de la mer Caspienne serait prêt avant la fin de "
          "l'année, et les ministres de la région se sont réunis à Bakou pour discuter de la sécurité du gazoduc.")


def counts(index, doc_file: str) -> dict[str, int]:
    rows = np.flatnonzero(index.docs["file"].to_numpy()[index.passage_doc] == doc_file)
    totals = np.asarray(index.terms[rows].sum(axis=0)).ravel()
    return {str(t): int(c) for t, c in zip(index.vocab, totals) if c}


def test_function_words_of_each_documents_language_are_not_counted_and_only_there(tmp_path):
    data = write_corpus(tmp_path / "corpus", {"en.txt": f"Pipeline talks\n\n{ENGLISH}\n\n{ENGLISH} Again.\n",
                                              "de.txt": f"Leitung\n\n{GERMAN}\n\n{GERMAN} Noch einmal.\n",
                                              "fr.txt": f"Gazoduc\n\n{FRENCH}\n\n{FRENCH} Encore une fois.\n"})
    index = load_or_build(data, IndexSettings(n_topics=2))
    english, german, french = counts(index, "en.txt"), counts(index, "de.txt"), counts(index, "fr.txt")
    # English "war" is the conflict; German "war" is "was": counted in the one, left out of the other.
    assert english.get("war", 0) == 6, english
    assert "war" not in german and "die" not in german
    assert german.get("leitung", 0) >= 6 and german.get("regierung", 0) >= 2
    assert not {"de", "la", "le", "les", "que"} & set(french)
    assert french.get("gazoduc", 0) >= 4
