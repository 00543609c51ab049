"""duplicates.py: exact copies by normalised hash, near copies by shingle Jaccard via MinHash."""

import random
import time

from corpuslens.ingest.duplicates import jaccard, mark_duplicates, shingle_set
from corpuslens.model import Document

WORDS = "baku moscow yerevan ankara treaty energy pipeline sanctions border troops ceasefire talks minister visit deal".split()


def article(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(n))


def doc(i: int, text: str) -> Document:
    return Document(id=f"d{i}", file=f"d{i}.txt", paragraphs=[text])


def test_exact_duplicate_ignores_case_and_spacing():
    docs = [doc(0, "Baku and  Moscow agree."), doc(1, "baku and moscow\nAGREE."), doc(2, "Something else entirely.")]
    mark_duplicates(docs, 0.8)
    assert [(d.duplicate_of, d.duplicate_kind) for d in docs] == [(None, None), ("d0", "exact"), (None, None)]
    assert docs[0].content_hash == docs[1].content_hash != docs[2].content_hash


def test_near_duplicate_later_file_points_to_the_earlier():
    base = article(1)
    words = base.split()
    edited = " ".join(words[:150] + ["inserted"] + words[150:])  # one word added: Jaccard ~0.98
    docs = [doc(0, base), doc(1, article(2)), doc(2, edited)]
    mark_duplicates(docs, 0.8)
    assert docs[2].duplicate_of == "d0" and docs[2].duplicate_kind == "near"
    assert docs[0].duplicate_of is None and docs[1].duplicate_of is None


def test_below_threshold_is_not_a_duplicate():
    base = article(3).split()
    half = " ".join(base[:150] + article(4).split()[150:])
    docs = [doc(0, " ".join(base)), doc(1, half)]
    mark_duplicates(docs, 0.8)
    assert docs[1].duplicate_of is None


def test_jaccard_of_shingles():
    vocab: dict[str, int] = {}
    a = shingle_set("a b c d e f", vocab)
    b = shingle_set("a b c d e g", vocab)
    assert a.size == 2 and jaccard(a, b) == 1 / 3
    assert jaccard(a, a) == 1.0


def test_ten_thousand_documents_are_fast():
    docs = [doc(i, article(i, 400)) for i in range(10_000)]
    docs.append(doc(10_000, docs[1234].paragraphs[0] + " extra words at the end"))
    started = time.perf_counter()
    mark_duplicates(docs, 0.8)
    elapsed = time.perf_counter() - started
    assert docs[-1].duplicate_of == "d1234"
    assert sum(d.duplicate_of is not None for d in docs) == 1
    assert elapsed < 20, elapsed
