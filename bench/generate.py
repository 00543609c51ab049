"""A deterministic generator of realistic scale corpora for the benchmark.

`python -m bench.generate --passages 100k` writes about 10,000 articles (about 10 passages each) to
bench/out/corpus-100k/raw/ and reuses them when they are already there (a stamp file records the
generator version and the size).

What the articles look like, and why:
- Headers the ingester reads as a person would: a title line, "By Jane Doe" bylines (sometimes
  two authors), datelines in the formats the field uses (25.09.2020, "September 1, 2018",
  "Feb 23, 2024"), "Publication:" lines; a quarter of the files are Markdown with YAML front
  matter. ~40 authors, ~15 publications, dates over 2015-2024 (with the volume growing over time).
- Paragraphs of 3-7 sentences (~10 per article, so about 10 passages per article). Sentences are
  either real sentences of the shipped seeds (data/raw/) or templates of the field's prose filled
  with actors (labels and aliases of data/actors.yaml: metonyms, titles, possessives, drawn with a
  Zipf law so Russia and Azerbaijan dominate) and theme terms (data/themes.yaml; each article
  leans on two or three themes, so a topic model finds structure). Content words come from the
  seeds' vocabulary by frequency, plus a Zipf long tail of rare words and proper names no actor
  covers, so the vocabulary grows with the corpus as real vocabularies do (Heaps' law).
- A little site furniture (breadcrumbs, share counters, newsletter pleas, tags, photo credits,
  author notes) and ~1% near-duplicates (an earlier article republished with a changed sentence).

Everything is drawn from one seeded random generator: the same size gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpuslens.lexicon import load_actors, load_stopwords, load_themes  # noqa: E402

OUT = ROOT / "bench" / "out"
VERSION = 4
PASSAGES_PER_ARTICLE = 10

FIRST = ["Anna", "Sergey", "Fuad", "Ceyhun", "Zaur", "Laurence", "Thomas", "Olesya", "Richard", "Farid", "Emil",
         "Kamal", "Nigar", "Tigran", "Anahit", "Paul", "Maria", "Dmitri", "Elena", "Murad", "Rauf", "Jane", "Michael",
         "Svante", "Gulnara", "Ilya", "Natalia", "Vasif", "Leyla", "Hrant", "Bruno", "Kevin", "Sophie", "Alexander",
         "Nurlan", "Rovshan", "Areg", "Stanislav", "Irina", "Eldar"]
LAST = ["Markedonov", "Shahbazov", "Mahmudlu", "Shiriyev", "Broers", "de Waal", "Vartanyan", "Giragosian", "Ismayilov",
        "Guliyev", "Hasanov", "Aliyeva", "Grigoryan", "Petrosyan", "Coffey", "Krikorian", "Trenin", "Kuznetsova",
        "Mammadov", "Huseynov", "Doe", "Cecire", "Cornell", "Ibrahimova", "Yermolenko", "Babayan", "Valiyev",
        "Rahimli", "Sargsyan", "Lopez", "Kucera", "Lindqvist", "Abbasov", "Suleymanov", "Tsygankov", "Novikova",
        "Nazarov", "Sadigov", "Aghayev", "Klein"]
PUBLICATIONS = ["Eurasia Daily Monitor", "Eurasia.Expert", "World Politics Review", "Eurasianet", "Caspian Policy Center",
                "Carnegie Politika", "Valdai Discussion Club", "OC Media", "Baku Research Institute", "Topchubashov Center",
                "Riddle Russia", "The Jamestown Foundation", "Commonspace.eu", "Modern Diplomacy", "New Eastern Europe"]
INSTITUTIONS = ["the Caspian Policy Center", "Chatham House", "the Carnegie Endowment", "ADA University",
                "the Higher School of Economics", "the Topchubashov Center", "the Jamestown Foundation",
                "the Center for Strategic Studies", "the Regional Studies Center", "MGIMO University"]
ROLES = ["a senior fellow", "an associate professor", "a research fellow", "a non-resident scholar", "an analyst",
         "the director of research", "a political analyst", "a journalist"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Sentence templates of the field's prose. Slots: {A} {B} actor surface forms, {T} {T2} theme terms,
# {W} {W2} content words of the seeds, {R} a long-tail word, {N} a proper name no actor covers, {Y} a year.
TEMPLATES = [
    "{A} and {B} have signed a new agreement on {T}, which {N} described as a {W} step.",
    "Relations between {A} and {B} have improved against the background of {T}.",
    "The meeting in {A} focused on {T} and on the {W} of {T2}.",
    "Observers in {B} note that {A}'s position on {T} remains {W}.",
    "According to {N}, the {R} of {T} will shape how {A} deals with {B}.",
    "{A} cannot ignore the {W} created by {T} in the South Caucasus.",
    "For {A}, the question of {T} is inseparable from its {W} with {B}.",
    "In {Y}, {A} and {B} discussed {T}, {T2} and the {W} of regional {W2}.",
    "The {R} reflects a broader shift in how {A} approaches {T}.",
    "{A}'s leadership has repeatedly stressed that {T} is a matter of {W}.",
    "Critics in {B} argue that {T} serves the interests of {A} more than its own.",
    "The talks between {A} and {B} touched on {T}, although no {W} was announced.",
    "{N}, a member of the {R} commission, said that {T} would remain on the agenda.",
    "This is why {A} seeks to balance between {B} and the {W} of {T}.",
    "Since {Y}, {A} has expanded cooperation with {B} in {T}.",
    "Moreover, {T} has become a {W} factor in the relations between {A} and {B}.",
    "The {W} of {T} was also raised during the visit of {A} to {B}.",
    "At the same time, {A} is wary of {B}'s growing role in {T}.",
    "Experts point out that {T} and {T2} are closely linked in the policy of {A}.",
    "{A} insists on {T}, while {B} prefers a {W} approach.",
    "The statement issued in {B} did not mention {T}, which {N} found {W}.",
    "Such a {W} would hardly have been possible without {A}'s consent.",
    "As a result, {A} and {B} agreed to continue consultations on {T}.",
    "The {R} near {N} became a symbol of {T} for many in {A}.",
    "It is telling that {A} chose this moment to raise {T} with {B}.",
    "On the eve of the summit, {A} announced new measures on {T}.",
    "Neither {A} nor {B} is interested in an escalation over {T}.",
    "The {W} {W2} of {A} depends to a large extent on {T}.",
]

FURNITURE_TOP = ["Home / Analysis / {title}", "Home » Articles » {pub}", "Categories: Analysis, {theme}, South Caucasus",
                 "Placeholder canvas", "{n} shares"]
FURNITURE_BOTTOM = ["Share this article", "Sign up for our weekly newsletter to get the latest analysis in your inbox.",
                    "Tags: Russia, Azerbaijan, {theme}", "Photo: {pub} / Reuters", "Leave a comment",
                    "© {year} {pub}. All rights reserved."]


def _size_label(passages: int) -> str:
    return f"{passages // 1000}k" if passages % 1000 == 0 and passages >= 1000 else str(passages)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def corpus_dir(passages: int) -> Path:
    return OUT / f"corpus-{_size_label(passages)}"


# -- vocabulary from the seeds and the lexicons ------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_FURNITURE_HINT = re.compile(r"placeholder|newsletter|subscribe|share|comment|©|http|@|home /|category", re.I)


def seed_material(raw: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Real sentences of the seed articles (8-45 words), and their content words with frequencies."""
    sentences: list[str] = []
    words: dict[str, int] = {}
    stop = load_stopwords(ROOT / "data" / "stopwords.txt") | {"would", "could", "should", "about", "there", "their",
                                                               "which", "these", "those", "after", "since", "while"}
    for path in sorted(raw.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for paragraph in text.split("\n"):
            for sentence in _SENTENCE.split(paragraph.strip()):
                n = len(sentence.split())
                if 8 <= n <= 45 and sentence[-1:] in ".!?" and not _FURNITURE_HINT.search(sentence):
                    sentences.append(sentence)
                for w in _WORD.findall(sentence):
                    if w.islower() and len(w) >= 5 and w not in stop and not w.endswith(("ly", "ed", "ing")):
                        words[w] = words.get(w, 0) + 1
    vocab = sorted(words, key=lambda w: (-words[w], w))
    freq = np.array([words[w] for w in vocab], dtype=float)
    return sentences, vocab, freq / freq.sum()


def long_tail_words(rng: np.random.Generator, n: int) -> list[str]:
    """Pronounceable rare words (built from syllables), the tail a growing corpus keeps adding."""
    onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh", "br", "tr", "st"]
    vowels = ["a", "e", "i", "o", "u", "ya", "ia"]
    codas = ["", "", "n", "r", "l", "s", "m", "k", "t"]
    suffixes = ["", "", "ism", "ation", "ity", "ment", "ist", "ic", "al"]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        k = int(rng.integers(2, 4))
        word = "".join(onsets[rng.integers(len(onsets))] + vowels[rng.integers(len(vowels))] + codas[rng.integers(len(codas))]
                       for _ in range(k)) + suffixes[rng.integers(len(suffixes))]
        if word not in seen and len(word) >= 4:
            seen.add(word)
            out.append(word)
    return out


def proper_names(rng: np.random.Generator, n: int) -> list[str]:
    """Place and person names no actor covers (the "uncovered names" list of the Actors page)."""
    stems = ["Gazan", "Kelb", "Sarit", "Zangil", "Orduba", "Tavush", "Nakhi", "Ganja", "Lankar", "Sheki", "Quba",
             "Gyumr", "Vanad", "Dilij", "Sevan", "Jermuk", "Meghri", "Agdar", "Fuzul", "Zaqat"]
    ends = ["an", "ov", "yan", "li", "abad", "ur", "ek", "ini", "ara", "uz"]
    names = set()
    while len(names) < n:
        names.add(stems[rng.integers(len(stems))] + ends[rng.integers(len(ends))]
                  + (" " + LAST[rng.integers(len(LAST))] if rng.random() < 0.3 else ""))
    return sorted(names)


def theme_surface(term: str) -> str:
    """A lexicon term as it appears in prose: "sanction*" -> "sanctions"."""
    if term.endswith("*"):
        stem = term[:-1]
        return stem + ("s" if not stem.endswith("s") else "es")
    return term


def zipf_weights(n: int, a: float = 1.0, offset: float = 1.0) -> np.ndarray:
    w = 1.0 / (np.arange(n) + offset) ** a
    return w / w.sum()


class Generator:
    def __init__(self, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        rng = self.rng
        self.sentences, self.vocab, self.vocab_p = seed_material(ROOT / "data" / "raw")
        actors = load_actors(ROOT / "data" / "actors.yaml")
        self.themes = load_themes(ROOT / "data" / "themes.yaml")
        # Actor surface forms: mostly the label, sometimes an alias (metonyms, titles, other spellings).
        self.actor_forms = [[a.label] * 4 + [al for al in a.aliases if al.isascii() and not al.isupper()] + [a.label]
                            for a in actors]
        self.actor_p = zipf_weights(len(actors), a=1.1)  # the file's order: Russia, Azerbaijan, Armenia, ...
        self.theme_terms = [[theme_surface(t) for t in theme.terms] for theme in self.themes]
        self.tail = long_tail_words(rng, 80_000)
        self.tail_p = zipf_weights(len(self.tail), a=1.05, offset=20)
        self.names = proper_names(rng, 400)
        self.names_p = zipf_weights(len(self.names), a=1.0, offset=3)
        self.authors = [f"{FIRST[i]} {LAST[i]}" for i in rng.permutation(len(FIRST))]
        self.author_p = zipf_weights(len(self.authors), a=0.8, offset=2)
        self.pub_p = zipf_weights(len(PUBLICATIONS), a=0.7, offset=1)
        self.years = np.arange(2015, 2025)
        self.year_p = np.linspace(1.0, 2.0, len(self.years))
        self.year_p /= self.year_p.sum()

    # Bulk draws are much faster than one numpy call per slot.
    def _pool(self, name, size, p=None, n=None):
        return iter(self.rng.choice(n if n is not None else len(p), size=size, p=p).tolist())

    def refill(self, k: int = 200_000) -> None:
        self.pool_actor = self._pool("actor", k, self.actor_p)
        self.pool_word = self._pool("word", k, self.vocab_p)
        self.pool_tail = self._pool("tail", k, self.tail_p)
        self.pool_name = self._pool("name", k, self.names_p)
        self.pool_u = iter(self.rng.random(k).tolist())
        self.pool_int = iter(self.rng.integers(0, 1 << 30, size=k).tolist())

    def u(self) -> float:
        try:
            return next(self.pool_u)
        except StopIteration:
            self.refill()
            return next(self.pool_u)

    def i(self, n: int) -> int:
        try:
            return next(self.pool_int) % n
        except StopIteration:
            self.refill()
            return next(self.pool_int) % n

    def _next(self, attr: str) -> int:
        try:
            return next(getattr(self, attr))
        except StopIteration:
            self.refill()
            return next(getattr(self, attr))

    def actor(self) -> str:
        forms = self.actor_forms[self._next("pool_actor")]
        return forms[self.i(len(forms))]

    def word(self) -> str:
        return self.vocab[self._next("pool_word")]

    def tail_word(self) -> str:
        return self.tail[self._next("pool_tail")]

    def name(self) -> str:
        return self.names[self._next("pool_name")]

    def theme_term(self, themes: list[int]) -> str:
        # Mostly the article's own themes, sometimes any theme.
        t = themes[self.i(len(themes))] if self.u() < 0.85 else self.i(len(self.theme_terms))
        terms = self.theme_terms[t]
        # Lexicon order puts the core terms first: favour them.
        return terms[min(self.i(len(terms)), self.i(len(terms)))]

    def sentence(self, themes: list[int], year: int) -> str:
        if self.u() < 0.35:
            s = self.sentences[self.i(len(self.sentences))]
            # Vary real sentences a little: a long-tail word and sometimes a theme term.
            if self.u() < 0.5:
                s = s[:-1] + f", as the {self.tail_word()} shows."
            if self.u() < 0.3:
                s = s[:-1] + f" in the context of {self.theme_term(themes)}."
            return s
        template = TEMPLATES[self.i(len(TEMPLATES))]
        a = self.actor()
        b = self.actor()
        while b == a:
            b = self.actor()
        s = template.format(A=a, B=b, T=self.theme_term(themes), T2=self.theme_term(themes), W=self.word(),
                            W2=self.word(), R=self.tail_word(), N=self.name(), Y=year - self.i(4))
        if self.u() < 0.4:  # a subordinate clause of plain content words widens the vocabulary
            s = s[:-1] + f", given the {self.word()} {self.tail_word()} and the {self.word()} of {self.tail_word()}."
        return s[0].upper() + s[1:]

    def paragraph(self, themes: list[int], year: int) -> str:
        n = 3 + self.i(5)  # 3-7 sentences: 60-150 words, under the 150-word passage limit mostly
        return " ".join(self.sentence(themes, year) for _ in range(n))

    def article(self, k: int) -> tuple[str, str, list[str], dict]:
        """(file name, text, body paragraphs, metadata) of article k."""
        rng_year = self.years[self._choice(self.year_p)]
        year = int(rng_year)
        month, day = 1 + self.i(12), 1 + self.i(28)
        themes = sorted({self.i(len(self.themes)) for _ in range(1 + self.i(3))})
        authors = [self.authors[self._choice(self.author_p)]]
        if self.u() < 0.1:
            other = self.authors[self._choice(self.author_p)]
            if other != authors[0]:
                authors.append(other)
        publication = PUBLICATIONS[self._choice(self.pub_p)]
        a, b = self.actor(), self.actor()
        theme_word = self.theme_terms[themes[0]][0]
        title = TITLE_TEMPLATES[self.i(len(TITLE_TEMPLATES))].format(A=a, B=b, T=theme_word.title(), W=self.word())
        n_paragraphs = max(3, int(round(self.rng.normal(PASSAGES_PER_ARTICLE, 2.5))))
        body = [self.paragraph(themes, year) for _ in range(n_paragraphs)]
        meta = {"title": title, "authors": authors, "publication": publication, "year": year, "month": month,
                "day": day, "themes": [self.themes[t].label for t in themes]}
        markdown = self.u() < 0.25
        name = f"{k:06d}_{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')[:40]}.{'md' if markdown else 'txt'}"
        return name, self.render(meta, body, markdown), body, meta

    def _choice(self, p: np.ndarray) -> int:
        return int(np.searchsorted(np.cumsum(p), self.u() * 0.999999))

    def render(self, meta: dict, body: list[str], markdown: bool) -> str:
        title, authors, pub, year = meta["title"], meta["authors"], meta["publication"], meta["year"]
        month, day = meta["month"], meta["day"]
        fmt = self.i(4)
        date = (f"{day:02d}.{month:02d}.{year}" if fmt == 0 else f"{MONTHS[month - 1]} {day}, {year}" if fmt == 1
                else f"{MONTHS[month - 1][:3]} {day}, {year}" if fmt == 2 else f"{year}-{month:02d}-{day:02d}")
        furniture = {"title": title, "pub": pub, "theme": meta["themes"][0], "n": 10 + self.i(900), "year": year}
        lines: list[str] = []
        if markdown:
            lines += ["---", f"title: \"{title}\"", f"author: {' and '.join(authors)}", f"date: {year}-{month:02d}-{day:02d}",
                      f"publication: {pub}", "---", "", f"# {title}", ""]
        else:
            if self.u() < 0.15:
                lines += [FURNITURE_TOP[self.i(len(FURNITURE_TOP))].format(**furniture), ""]
            lines += [title, ""]
            if self.u() < 0.3:
                lines += [f"Publication: {pub}", ""]
            lines += [f"By {' and '.join(authors)}", "", date, ""]
        for i, paragraph in enumerate(body):
            lines += [paragraph, ""]
            if i == len(body) // 2 and self.u() < 0.08:
                lines += [f"Photo: {pub} / Reuters", ""]
        if self.u() < 0.3:
            lines += [FURNITURE_BOTTOM[self.i(len(FURNITURE_BOTTOM))].format(**furniture), ""]
        if self.u() < 0.35:
            role = ROLES[self.i(len(ROLES))]
            lines += [f"{authors[0]} is {role} at {INSTITUTIONS[self.i(len(INSTITUTIONS))]}.", ""]
        return "\n".join(lines)


TITLE_TEMPLATES = [
    "{A} and {B}: A New Chapter in {T}",
    "Why {A} Is Rethinking Its Approach to {B}",
    "{T} and the Limits of {A}'s Influence",
    "What {A} and {B} Agreed on {T}",
    "Balancing Between {A} and {B}",
    "{A} Seeks to Break the Ice with {B}",
    "The {T} Factor in {A}'s Policy",
    "After the Summit: {A}, {B} and the {W} of {T}",
    "Can {A} Keep {B} on Its Side?",
    "{A}'s Dilemma Over {T}",
]


def generate(passages: int, out: Path | None = None, seed: int = 0, force: bool = False, quiet: bool = False) -> Path:
    """Write a corpus of about `passages` passages to <out>/raw (default bench/out/corpus-<size>/raw); reuse it if there."""
    folder = out or corpus_dir(passages)
    raw = folder / "raw"
    stamp_file = folder / "generated.json"
    stamp = {"version": VERSION, "passages": passages, "seed": seed}
    if not force and stamp_file.exists() and raw.is_dir():
        try:
            if json.loads(stamp_file.read_text())["stamp"] == stamp:
                return folder
        except (ValueError, KeyError):
            pass
    start = time.perf_counter()
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    gen = Generator(seed)
    gen.refill()
    n_articles = max(1, round(passages / PASSAGES_PER_ARTICLE))
    written: list[tuple[str, str, list[str], dict]] = []
    n_paragraphs = 0
    near_duplicates = 0
    for k in range(n_articles):
        if written and gen.u() < 0.01:
            # A near-duplicate: an earlier article republished elsewhere with one paragraph reworded.
            name, _text, body, meta = written[gen.i(len(written))]
            body = list(body)
            j = gen.i(len(body))
            body[j] = gen.paragraph([0], meta["year"])
            text = gen.render(meta, body, name.endswith(".md"))
            name = f"{k:06d}_copy-of-{name.split('_', 1)[1]}"
            near_duplicates += 1
        else:
            name, text, body, meta = gen.article(k)
            written.append((name, text, body, meta))
        n_paragraphs += len(body)
        (raw / name).write_text(text, encoding="utf-8")
    info = {"stamp": stamp, "articles": n_articles, "paragraphs": n_paragraphs, "near_duplicates": near_duplicates,
            "seconds": round(time.perf_counter() - start, 1)}
    stamp_file.write_text(json.dumps(info, indent=1))
    if not quiet:
        print(f"generated {n_articles:,} articles ({n_paragraphs:,} paragraphs, {near_duplicates} near-duplicates) "
              f"in {raw} in {info['seconds']} s", flush=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", default="1k", help="comma-separated sizes, e.g. 1k,10k,100k")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--force", action="store_true", help="regenerate even when the corpus is there")
    args = parser.parse_args()
    for size in args.passages.split(","):
        print(generate(parse_size(size), seed=args.seed, force=args.force))


if __name__ == "__main__":
    main()
