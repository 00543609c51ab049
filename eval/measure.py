"""`make eval`: how truthfully ingestion and the theme tagger read real pages.

Runs the engine on the development set (eval/devset, real public pages with hand-made labels)
exactly as a user's folder would be read: the pages under raw/, a catalog holding nothing but
each page's URL. Prints, per field, precision and recall against the labels; the article-body
F1 of the saved HTML pages; the labelled furniture lines left in passages; the passages that
start mid-sentence; and per-theme precision and recall on the theme gold sets (eval/themes).

    python eval/measure.py [--json FILE] [--show-errors FIELD] [--theme-split]

`--theme-split` also prints the theme table on two halves of the development gold set, split by file
(half A: the sha1 of the file name is even; half B: odd). Rules are tuned on gold_shipped plus half A
and checked on half B; with the option, `--show-errors theme` lists the errors of the tuning part only.

The saved HTML pages are copies of pages from a public repository and are not kept in this
repository (see eval/devset/SOURCES_html.md); they are read from $CORPUSLENS_DEVSET_HTML, or
from ../shared/devset/html beside the checkout. Without them the HTML rows say "not available".
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpuslens.ingest import ingest_folder, split_passages  # noqa: E402
from corpuslens.lexicon import load_themes  # noqa: E402
from corpuslens.matching import ThemeTagger  # noqa: E402
from corpuslens.settings import SHIPPED_DATA, IndexSettings  # noqa: E402

DEVSET = ROOT / "eval" / "devset"
THEMES_GOLD = ROOT / "eval" / "themes"
FIELDS = ("title", "authors", "date", "year", "publication")


# ---------------------------------------------------------------- reading the labels

def read_rows(folder: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            rows.extend({k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle))
    return rows


def html_folder() -> Path | None:
    for candidate in (os.environ.get("CORPUSLENS_DEVSET_HTML"), ROOT.parent / "shared" / "devset"):
        if candidate and (Path(candidate) / "html").is_dir():
            return Path(candidate)
    return None


# ---------------------------------------------------------------- comparing values

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


_DATELINE_OPENING = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}) -- ")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    text = " ".join(text.split())
    return text.strip(" .:;,-|\"'")


def norm_publication(text: str | None) -> str:
    return re.sub(r"^the\s+", "", norm(text))


def names(value) -> list[str]:
    """Normalised person names; initials compare with or without their dots ("John C. Welch" = "John C Welch")."""
    items = value if isinstance(value, list) else [v for v in (value or "").split(";")]
    return [n for n in (" ".join(norm(i).replace(".", " ").split()) for i in items) if n]


def same_date(predicted: str | None, label: str) -> bool:
    """Right at the precision the page states: 2021-06-01 is right for a label of 2021-06."""
    return bool(predicted) and len(predicted) >= len(label) and predicted[: len(label)] == label


class Score:
    def __init__(self) -> None:
        self.predicted = self.right_predicted = self.labelled = self.found = 0
        self.errors: list[str] = []

    def add(self, predicted: int, right_predicted: int, labelled: int, found: int, error: str | None = None) -> None:
        self.predicted += predicted
        self.right_predicted += right_predicted
        self.labelled += labelled
        self.found += found
        if error:
            self.errors.append(error)

    @property
    def precision(self) -> float | None:
        return self.right_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None


def score_field(field: str, doc, label: dict[str, str], score: Score) -> None:
    where = f"{label['file']}: "
    if field == "authors":
        predicted, wanted = names(doc.authors), names(label["authors"])
        right = [n for n in predicted if n in wanted]
        error = None if set(predicted) == set(wanted) else f"{where}got {doc.authors} want {label['authors']!r}"
        score.add(len(predicted), len(right), len(wanted), len(set(right)), error)
        return
    wanted = label[field]
    value = getattr(doc, field)
    value = str(value) if value is not None else ""
    if field == "publication" and not wanted and doc.provenance.get("publication") == "url":
        return  # named from the URL and saying so: not a claim the page failed to support
    if field in ("date", "year"):
        right = same_date(value, wanted) if wanted else False
    elif field == "publication":
        right = bool(wanted) and norm_publication(value) == norm_publication(wanted)
    else:
        right = bool(wanted) and norm(value) == norm(wanted)
    predicted = 1 if value else 0
    error = None if (right or (not value and not wanted)) else f"{where}got {value!r} ({doc.provenance.get(field)}) want {wanted!r}"
    score.add(predicted, int(right and predicted), 1 if wanted else 0, int(right), error)


# ---------------------------------------------------------------- passages

_WORD = re.compile(r"\w+")


_NOT_A_SENTENCE = re.compile(r"^\s*(?:[-–•*|#>/$(]|<\w|\w+\s*[=(]|\w+\.\w+\()|[{};]\s*$")


def starts_mid_sentence(passage: str) -> bool:
    """A passage that opens in lower case or on a comma continues a sentence cut above it. List items,
    table rows and lines of code start no sentence, so they are not counted."""
    if _NOT_A_SENTENCE.search(passage):
        return False
    first = passage.lstrip()[:1]
    if first in ",;:":
        return True
    return first.isalpha() and first.islower() and not re.match(r"^[a-zа-я]+[A-ZА-Я]", passage)


_BREAK_CHARS = ".!?…:;|•·»«–—"


def furniture_left(line: str, passages: list[str], neighbours: frozenset[str] = frozenset()) -> bool:
    """Whether a labelled non-article line still stands in a passage.

    A line of four words or more counts wherever it occurs. A shorter line ("c", "the", "India") counts
    only where it stands apart: as the whole passage, or at the passage's start or end with a break between
    it and the rest (a sentence's end or a separator; at the start also a capitalised word, the next line
    glued on), or next to another labelled line of the page (`neighbours`, normalised): a headline split
    over two lines. Ending a longer sentence ("… from China to India.") it is that sentence's last word."""
    key = norm(line)
    if not key:
        return False
    size = len(key.split())
    for passage in passages:
        text = norm(passage)
        if text == key:
            return True
        if size >= 4:
            if key in text:
                return True
            continue
        if text.startswith(key + " "):
            rest = text[len(key):].lstrip()
            next_word = passage.split()[size] if len(passage.split()) > size else ""
            if rest[:1] in _BREAK_CHARS or next_word[:1].isupper() or _begins_with_one_of(rest, neighbours - {key}):
                return True
        if text.endswith(" " + key):
            before = text[: -len(key)].rstrip()
            if before[-1:] in _BREAK_CHARS or _ends_with_one_of(before, neighbours - {key}):
                return True
    return False


def _begins_with_one_of(text: str, lines: frozenset[str]) -> bool:
    return any(text == line or text.startswith(line + " ") for line in lines)


def _ends_with_one_of(text: str, lines: frozenset[str]) -> bool:
    return any(text == line or text.endswith(" " + line) for line in lines)


def token_f1(predicted: str, wanted: str, shingle: int = 1) -> tuple[float, float, float]:
    def grams(text: str) -> Counter:
        words = _WORD.findall(text.casefold())
        return Counter(tuple(words[i:i + shingle]) for i in range(max(0, len(words) - shingle + 1)))
    p, w = grams(predicted), grams(wanted)
    overlap = sum((p & w).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(w.values()) if w else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------- running ingestion

def ingest_devset(labels: list[dict[str, str]], html: Path | None) -> tuple[dict, list]:
    """file -> Document for every labelled page, read from a fresh data folder with a URL-only catalog."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        for row in labels:
            if row["file"].startswith("html/"):
                if html is None or not (html / "html" / Path(row["file"]).name).is_file():
                    continue
                source = html / "html" / Path(row["file"]).name
            else:
                source = DEVSET / "raw" / row["file"]
            target = raw / row["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        catalog = Path(tmp) / "catalog.csv"
        with open(catalog, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "url"])
            writer.writerows([row["file"], row["url"]] for row in labels if row.get("url"))
        result = ingest_folder(raw, catalog, IndexSettings())
    return {d.file: d for d in result.documents}, result.skipped


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def metadata_report(labels, docs, kind: str) -> dict:
    rows = [r for r in labels if r["file"].startswith(kind + "/")]
    scores = {f: Score() for f in FIELDS}
    missing = 0
    for row in rows:
        doc = docs.get(row["file"])
        if doc is None:
            missing += 1
            for field in FIELDS:
                wanted = names(row["authors"]) if field == "authors" else ([row[field]] if row[field] else [])
                scores[field].add(0, 0, len(wanted), 0, f"{row['file']}: not loaded")
            continue
        for field in FIELDS:
            score_field(field, doc, row, scores[field])
    return {"pages": len(rows), "not_loaded": missing, "scores": scores}


def passage_report(labels, docs, furniture_rows) -> dict:
    settings = IndexSettings()
    by_file: dict[str, list[str]] = {}
    for row in labels:
        doc = docs.get(row["file"])
        if doc is not None:
            by_file[row["file"]] = split_passages(doc.paragraphs, settings.max_passage_words)
    passages = [p for ps in by_file.values() for p in ps]
    mid = [p for p in passages if starts_mid_sentence(p)]
    left = {"furniture": [], "metadata": []}
    counted = Counter()
    labelled_lines: dict[str, set[str]] = {}
    for row in furniture_rows:
        labelled_lines.setdefault(row["file"], set()).add(norm(row["line"]))
    for row in furniture_rows:
        if row["file"] not in by_file:
            continue
        kind = row.get("kind") or "furniture"
        counted[kind] += 1
        if furniture_left(row["line"], by_file[row["file"]], frozenset(labelled_lines[row["file"]])):
            left.setdefault(kind, []).append(f"{row['file']}: {row['line'][:90]}")
    kept = Counter()
    for row in labels:
        text = norm(" ".join(by_file.get(row["file"], [])))
        for end in ("body_first", "body_last"):
            sentence = row.get(end, "")
            # A dateline opening the first sentence ("Feb. 23, 2015 -- …") is read as the date and leaves the text.
            sentence = norm(_DATELINE_OPENING.sub("", sentence) if end == "body_first" else sentence)[:60]
            if sentence and row["file"] in by_file:
                kept[end + "_labelled"] += 1
                kept[end] += sentence in text
    return {"passages": len(passages), "mid_sentence": mid, "furniture_left": left, "furniture_labelled": counted,
            "kept": kept}


# The labels' language codes, by the names the engine tells languages with (jusText's).
LANGUAGE_CODES = {"English": "en", "Russian": "ru", "Czech": "cs", "Slovak": "sk", "Spanish": "es", "Portuguese": "pt",
                  "German": "de", "French": "fr", "Italian": "it", "Polish": "pl", "Ukrainian": "uk", "Turkish": "tr",
                  "Kazakh": "kk", "Uzbek": "uz", "Latvian": "lv", "Lithuanian": "lt", "Estonian": "et", "Dutch": "nl",
                  "Romanian": "ro", "Swedish": "sv", "Arabic": "ar", "Persian": "fa"}


def language_report(labels, docs) -> dict:
    """Each page's told language against its labelled one: a page told "unknown" counts as not found, not as wrong."""
    told = right = labelled = 0
    errors = []
    for row in labels:
        doc = docs.get(row["file"])
        if doc is None or not row.get("language"):
            continue
        labelled += 1
        if doc.language:
            told += 1
            ok = LANGUAGE_CODES.get(doc.language) == row["language"]
            right += ok
            if not ok:
                errors.append(f"{row['file']}: told {doc.language!r} want {row['language']!r}")
        else:
            errors.append(f"{row['file']}: not told, want {row['language']!r}")
    return {"precision": right / told if told else None, "recall": right / labelled if labelled else None,
            "right": right, "told": told, "labelled": labelled, "errors": errors}


def body_report(labels, docs, html: Path | None) -> dict | None:
    if html is None:
        return None
    results = []
    for row in labels:
        if not row["file"].startswith("html/"):
            continue
        body = html / "bodies" / (Path(row["file"]).stem + ".txt")
        if not body.is_file():
            continue
        doc = docs.get(row["file"])
        predicted = "\n\n".join(doc.paragraphs) if doc else ""
        wanted = body.read_text(encoding="utf-8")
        results.append((row["file"], token_f1(predicted, wanted), token_f1(predicted, wanted, shingle=4)))
    return {"pages": len(results), "results": results}


# ---------------------------------------------------------------- themes

def shipped_passages() -> list[list[str]]:
    result = ingest_folder(SHIPPED_DATA / "raw", SHIPPED_DATA / "catalog.csv", IndexSettings())
    return [split_passages(d.paragraphs, IndexSettings().max_passage_words) for d in result.documents if not d.duplicate_of]


def tag_documents(tagger: ThemeTagger, documents: list[list[str]]) -> list[list[set[str]]]:
    """Themes of each passage; passages of one document are tagged together (neighbours anchor context terms)."""
    return [[set(h) for h in tagger.tag_passages(doc)] for doc in documents]


def devset_half(file: str) -> str:
    """"A" or "B": a fixed split of the development gold set by file, so one page's paragraphs stay together."""
    return "A" if int(hashlib.sha1(file.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def theme_report(themes) -> dict | None:
    """Every gold passage as (where, part, wanted themes, tagged themes); part is "shipped", "A" or "B"."""
    tagger = ThemeTagger(themes)
    gold: list[tuple[str, str, set[str], set[str]]] = []
    unmatched: list[str] = []
    shipped = THEMES_GOLD / "gold_shipped.csv"
    if shipped.is_file():
        documents = shipped_passages()
        tagged = tag_documents(tagger, documents)
        flat = [(p, t) for doc, tags in zip(documents, tagged) for p, t in zip(doc, tags)]
        for row in read_rows_file(shipped):
            start = norm(row["text_start"])[:60]
            match = next((t for p, t in flat if norm(p).startswith(start)), None)
            if match is None:
                unmatched.append(row["passage_id"])  # its passage is gone: reported, never silently scored
                continue
            gold.append((row["passage_id"], "shipped", set(filter(None, row["themes"].split(";"))), match))
    devset = THEMES_GOLD / "gold_devset.csv"
    if devset.is_file():
        rows = read_rows_file(devset)
        tagged = tag_documents(tagger, [[r["text"]] for r in rows])
        for row, tags in zip(rows, tagged):
            gold.append((row["file"], devset_half(row["file"]), set(filter(None, row["themes"].split(";"))), tags[0]))
    if not gold:
        return None
    return {"passages": len(gold), "gold": gold, "unmatched": unmatched}


def theme_scores(themes, gold) -> dict:
    """Per theme: true positives, where the false and missed tags are, and the gold count."""
    per_theme = {}
    for theme in themes:
        tp = sum(1 for _, _, w, g in gold if theme.id in w and theme.id in g)
        fp = [where for where, _, w, g in gold if theme.id not in w and theme.id in g]
        fn = [where for where, _, w, g in gold if theme.id in w and theme.id not in g]
        per_theme[theme.id] = {"tp": tp, "fp": fp, "fn": fn, "gold": tp + len(fn)}
    return per_theme


def print_theme_table(per_theme: dict, show_errors: bool) -> dict:
    print(f"{'theme':<20}{'precision':>10}{'recall':>9}{'tagged right':>14}{'gold':>6}")
    figures = {}
    for theme_id, r in per_theme.items():
        said = r["tp"] + len(r["fp"])
        precision = r["tp"] / said if said else None
        recall = r["tp"] / r["gold"] if r["gold"] else None
        tagged = f"{r['tp']}/{said}"
        print(f"{theme_id:<20}{fmt(precision):>10}{fmt(recall):>9}{tagged:>14}{r['gold']:>6}")
        figures[theme_id] = {"precision": precision, "recall": recall, "tp": r["tp"], "said": said, "gold": r["gold"]}
        if show_errors:
            for where in r["fp"]:
                print(f"       false: {where}")
            for where in r["fn"]:
                print(f"       missed: {where}")
    return figures


def read_rows_file(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(handle)]


# ---------------------------------------------------------------- printing

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--show-errors", action="append", default=[], help="list the wrong values of a field (title, authors, date, year, publication, language, furniture, mid, body, theme)")
    parser.add_argument("--theme-split", action="store_true",
                        help="also print the themes on the tuning part (gold_shipped + devset half A) and the held-out "
                             "part (devset half B); theme errors are then listed for the tuning part only")
    args = parser.parse_args(argv)

    labels = read_rows(DEVSET / "labels")
    furniture_rows = read_rows(DEVSET / "furniture")
    html = html_folder()
    docs, skipped = ingest_devset(labels, html)
    out: dict = {}

    print(f"Development set: {sum(r['file'].startswith('txt/') for r in labels)} text excerpts, "
          f"{sum(r['file'].startswith('html/') for r in labels)} saved HTML pages "
          f"({'read from ' + str(html) if html else 'HTML pages not available here'}); catalog: URLs only.")
    if skipped:
        print(f"skipped by ingestion: {len(skipped)} ({', '.join(s.file for s in skipped[:5])})")
    print()
    print(f"{'metadata':<14}{'set':<6}{'precision':>10}{'recall':>9}{'right/said':>12}{'found/stated':>14}")
    for kind in ("txt", "html"):
        if kind == "html" and html is None:
            print(f"{'(all fields)':<14}{kind:<6}  not available: the saved HTML pages are not on this machine")
            continue
        report = metadata_report(labels, docs, kind)
        out[f"metadata_{kind}"] = {}
        for field in FIELDS:
            s = report["scores"][field]
            print(f"{field:<14}{kind:<6}{fmt(s.precision):>10}{fmt(s.recall):>9}{f'{s.right_predicted}/{s.predicted}':>12}{f'{s.found}/{s.labelled}':>14}")
            out[f"metadata_{kind}"][field] = {"precision": s.precision, "recall": s.recall, "right": s.right_predicted,
                                             "said": s.predicted, "found": s.found, "stated": s.labelled}
            if field in args.show_errors:
                for error in s.errors:
                    print("      ", error)
    language = language_report(labels, docs)
    out["language"] = language
    said, found = f"{language['right']}/{language['told']}", f"{language['right']}/{language['labelled']}"
    print(f"{'language':<14}{'all':<6}{fmt(language['precision']):>10}{fmt(language['recall']):>9}{said:>12}{found:>14}"
          "  (told from the words, never stated)")
    if "language" in args.show_errors:
        for error in language["errors"]:
            print("      ", error)
    print()
    body = body_report(labels, docs, html)
    if body and body["pages"]:
        mean = lambda i, j: sum(r[i][j] for r in body["results"]) / body["pages"]  # noqa: E731
        print(f"HTML article body ({body['pages']} pages): token F1 {mean(1, 2):.3f} (precision {mean(1, 0):.3f}, "
              f"recall {mean(1, 1):.3f}); 4-word-shingle F1 {mean(2, 2):.3f}")
        out["body"] = {"pages": body["pages"], "token_f1": mean(1, 2), "token_precision": mean(1, 0),
                       "token_recall": mean(1, 1), "shingle_f1": mean(2, 2)}
        if "body" in args.show_errors:
            for file, tok, _ in sorted(body["results"], key=lambda r: r[1][2])[:15]:
                print(f"       {file}: F1 {tok[2]:.2f} P {tok[0]:.2f} R {tok[1]:.2f}")
    else:
        print("HTML article body: not available (no saved HTML pages on this machine)")
    passages = passage_report(labels, docs, furniture_rows)
    n = passages["passages"]
    mid = len(passages["mid_sentence"])
    print(f"Passages: {n}; starting mid-sentence: {mid} ({mid / n:.1%})" if n else "Passages: none")
    for kind in ("furniture", "metadata"):
        left = passages["furniture_left"].get(kind, [])
        print(f"Labelled {kind} lines left in passages: {len(left)} of {passages['furniture_labelled'][kind]}")
        if "furniture" in args.show_errors:
            for line in left:
                print("      ", line)
    if "mid" in args.show_errors:
        for p in passages["mid_sentence"]:
            print("      ", p[:100])
    kept = passages["kept"]
    print(f"Article text kept (labelled first / last sentence of the body found in the passages): "
          f"{kept['body_first']}/{kept['body_first_labelled']} first, {kept['body_last']}/{kept['body_last_labelled']} last")
    out["passages"] = {"count": n, "mid_sentence": mid, "kept": dict(kept),
                       "furniture_left": {k: len(v) for k, v in passages["furniture_left"].items()},
                       "furniture_labelled": dict(passages["furniture_labelled"])}
    print()
    themes = load_themes(SHIPPED_DATA / "themes.yaml")
    report = theme_report(themes)
    if report:
        print(f"Themes on the gold sets ({report['passages']} passages"
              + (f"; {len(report['unmatched'])} shipped gold passages no longer found: {', '.join(report['unmatched'])}" if report["unmatched"] else "")
              + ")")
        show = "theme" in args.show_errors
        out["themes"] = print_theme_table(theme_scores(themes, report["gold"]), show and not args.theme_split)
        if args.theme_split:
            parts = {"tuning": ("shipped", "A"), "held_out": ("B",)}
            titles = {"tuning": "gold_shipped + devset half A (tuning)", "held_out": "devset half B (held out)"}
            for name, kept in parts.items():
                gold = [g for g in report["gold"] if g[1] in kept]
                files = len({g[0] for g in gold if g[1] != "shipped"})
                print()
                print(f"Themes on {titles[name]}: {len(gold)} passages, {files} development-set files")
                out[f"themes_{name}"] = print_theme_table(theme_scores(themes, gold), show and name == "tuning")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
