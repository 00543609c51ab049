"""Time each analysis function on random data of the target size (100,000 passages, 150,000 terms, 40 actors).

Run: .venv/bin/python bench/analysis_speed.py [--passages N] [--topics]   (--topics also times TopicModel.fit)
Prints the median wall time of each call over several repeats, for a selection of about half the corpus.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpuslens.analysis import (  # noqa: E402
    TopicModel,
    co_mention_counts,
    distinctive_terms,
    jaccard,
    kwic,
    npmi,
    phrase_mask,
    prevalence,
    selection_counts,
    term_trend,
    top_terms,
    units_with_both,
)


def zipf_matrix(rng, n_rows, n_cols, per_row, dtype=np.float64):
    """A CSR counts matrix whose columns follow a Zipf-like law, as words do."""
    ranks = np.arange(1, n_cols + 1)
    p = 1.0 / ranks
    p /= p.sum()
    cols = rng.choice(n_cols, size=n_rows * per_row, p=p)
    rows = np.repeat(np.arange(n_rows), per_row)
    m = sp.csr_matrix((np.ones(cols.size, dtype=dtype), (rows, cols)), shape=(n_rows, n_cols))
    m.sum_duplicates()
    return m


def median_ms(fn, repeats=7):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--vocab", type=int, default=150_000)
    parser.add_argument("--topics", action="store_true", help="also time TopicModel.fit (seconds, once)")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    n, v = args.passages, args.vocab

    t = time.perf_counter()
    terms = zipf_matrix(rng, n, v, per_row=120)
    vocab = np.array([f"w{i}" if i % 3 else f"w{i} x{i}" for i in range(v)])  # a third are "phrases"
    is_phrase = phrase_mask(vocab)
    sentences = 5 * n
    actor_sentence = zipf_matrix(rng, sentences, 40, per_row=1).tocsr()
    actor_sentence = actor_sentence[rng.random(sentences) < 0.6]  # 60% of sentences mention an actor
    actor_sentence = sp.vstack([actor_sentence, sp.csr_matrix((sentences - actor_sentence.shape[0], 40))]).tocsr()
    years = rng.integers(2010, 2025, size=n)
    authors = rng.choice([f"author {i}" for i in range(300)], size=n)
    mask = rng.random(n) < 0.5
    sentence_mask = np.repeat(mask, 5)
    row_terms = np.asarray(terms.sum(axis=1)).ravel()
    corpus = selection_counts(terms)
    k = 8
    doc_topic = rng.dirichlet(np.ones(k), size=n).astype(np.float32)
    print(f"data: {n} passages x {v} terms, {terms.nnz} non-zeros; {sentences} sentences x 40 actors "
          f"({time.perf_counter() - t:.1f}s to generate); selection = {mask.sum()} passages")

    column = terms[:, 5].toarray().ravel()
    counts = co_mention_counts(actor_sentence, rows=sentence_mask)
    cases = {
        "selection_counts (masked column sums)": lambda: selection_counts(terms, mask),
        "top_terms n=50 kind=all": lambda: top_terms(terms, vocab, 50, rows=mask),
        "top_terms n=50 kind=words (is_phrase given)": lambda: top_terms(terms, vocab, 50, "words", mask, is_phrase),
        "distinctive_terms selection vs rest (incl. sums)": lambda: distinctive_terms(
            selection_counts(terms, mask), corpus - selection_counts(terms, mask), vocab, prior=corpus, side="both"),
        "term_trend (one column, with term totals)": lambda: term_trend(column, years, row_terms, rows=mask),
        "co_mention_counts (sentences, masked)": lambda: co_mention_counts(actor_sentence, rows=sentence_mask),
        "jaccard + npmi (40 x 40)": lambda: (jaccard(counts), npmi(counts, int(sentence_mask.sum()))),
        "units_with_both (sentences)": lambda: units_with_both(actor_sentence, 0, 1, rows=sentence_mask),
        "prevalence by year": lambda: prevalence(doc_topic[mask], years[mask]),
        "prevalence by author": lambda: prevalence(doc_topic[mask], authors[mask]),
    }
    width = max(map(len, cases))
    for name, fn in cases.items():
        print(f"{name:<{width}}  {median_ms(fn):8.1f} ms")

    words = np.array(["russia", "azerbaijan", "baku", "moscow", "energy", "war", "talks", "region", "the", "of"])
    texts = [" ".join(rng.choice(words, size=90)) for _ in range(min(n, 20_000))]
    texts[-1] += " Nagorno-Karabakh"
    print(f"{'kwic rare term, ' + str(len(texts)) + ' passages scanned':<{width}}  "
          f"{median_ms(lambda: kwic(texts, 'nagorno karabakh'), 3):8.1f} ms")
    print(f"{'kwic frequent term (stops at limit=500)':<{width}}  {median_ms(lambda: kwic(texts, 'baku'), 3):8.1f} ms")

    if args.topics:
        t = time.perf_counter()
        model = TopicModel(n_topics=k).fit(terms, vocab)
        print(f"{'TopicModel.fit (n_topics=8, 20k-passage sample)':<{width}}  {time.perf_counter() - t:8.1f} s"
              f"  ({model.n_topics_} topics)")


if __name__ == "__main__":
    main()
