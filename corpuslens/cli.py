"""`python -m corpuslens`: build the index and ask it what the dashboard shows, as table, CSV or JSON."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from typing import Sequence

import numpy as np
import pandas as pd

from corpuslens.citations import STYLES, citation, format_citation
from corpuslens.filters import FILTER_BY_KEY, FILTER_FIELDS, FLAG, YEAR_FROM, YEAR_TO, FilterField, Filters
from corpuslens.index import CorpusIndex, load_or_build
from corpuslens.page_settings import setting
from corpuslens.query import actors, overview, terms, topics
from corpuslens.query.common import choices_for, describe_filters, passage_table, size_label
from corpuslens.selection import selection_mask
from corpuslens.settings import FALLBACK_TOPICS, IndexSettings, data_dir
from corpuslens.urlstate import filter_values_to_params, parse_params
from corpuslens.query.common import passage_row
from corpuslens.index.corpora import corpus_id
from corpuslens.query.validation import validation_sample
from corpuslens.validation.judgments import VERDICTS, JudgmentStore, clean_coder, judgments_path
from corpuslens.validation.sampling import DEFAULT_SAMPLE, new_seed
from corpuslens.validation.targets import UnknownTarget, evidence, parse_target, target_label, target_mask

FORMATS = ("table", "csv", "json")
DEFAULT_BASE_URL = "http://localhost:8501"  # `make run` serves the dashboard here
_K_LOW, _K_HIGH = IndexSettings().topic_k_range


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", help="data folder holding raw/ (default: $CORPUSLENS_DATA, else the shipped data/)")
    common.add_argument("--topics", type=int, default=None,
                        help="build the index with this number of topics (default: topics.yaml's, else the most "
                             f"stable from {_K_LOW} to {_K_HIGH}, measured at build on corpora of up to "
                             f"{IndexSettings().stability_curve_at_build:,} passages, else {FALLBACK_TOPICS})")
    common.add_argument("--format", choices=FORMATS, default="table")
    for spec in FILTER_FIELDS:
        _filter_option(common, spec)

    parser = argparse.ArgumentParser(prog="python -m corpuslens", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", parents=[common], help="build the index (if needed) and report skipped files")
    sub.add_parser("documents", parents=[common], help="documents in the selection with metadata and provenance")
    p = sub.add_parser("passages", parents=[common], help="passages in the selection")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    p = sub.add_parser(
        "terms", parents=[common], help="top terms, distinctive terms against the rest, or the words around an actor",
        description="Top terms of the selection; with --distinctive, the terms that set it apart from the rest; with "
                    "--around A --vs B, the words that set the sentences naming actor A apart from those naming "
                    "actor B (Fightin' Words: log-odds with an informative Dirichlet prior). Sentences naming both "
                    "count for neither side, and the two actors' own names are left out. Columns: term, count_a, "
                    "count_b, log_odds, z, side (a: more around A, b: more around B); JSON: an object with a, b, "
                    "window, units_a, units_b, units_both (the sentences or passages on each side, and those left "
                    "out) and terms (the rows).")
    p.add_argument("--n", type=int, default=setting("n").default, help="terms to list (per side for --distinctive and --around)")
    p.add_argument("--kind", choices=setting("grams").values, default=setting("grams").default)
    p.add_argument("--distinctive", action="store_true", help="log-odds z-scores of the selection vs the rest")
    p.add_argument("--around", metavar="A", help="actor id or alias: the words around it (needs --vs)")
    p.add_argument("--vs", metavar="B", help="actor id or alias to compare --around with")
    p.add_argument("--window", choices=actors.WINDOWS, default="sentence",
                   help="with --around: compare sentences (default) or whole passages")
    p = sub.add_parser("topics", parents=[common], help="topics with top terms and their passages in the selection")
    p.add_argument("--stability-by-k", action="store_true",
                   help="the stability of each number of topics (k, its mean, each topic's), measured when the "
                        "index was built or now (then kept beside the index)")
    p = sub.add_parser(
        "actors", parents=[common], help="actor co-mention matrix, or one pair's association (per year)",
        description="The actor co-mention matrix of the selection. With --pair A,B: how often the two are named "
                    "together, one row for the selection, or one per known year with --by-year. Pair columns: "
                    "(year,) units (sentences or passages in the selection), units_a, units_b (naming each actor), "
                    f"both (naming both), npmi, enough. npmi is empty unless each actor is named in at least "
                    f"{actors.MIN_UNITS_PER_ACTOR} of the units (enough: true): below that one sentence more or less "
                    "swings it across most of its range. JSON: an object with pair, labels, window, "
                    "min_units_per_actor and rows.")
    p.add_argument("--window", choices=setting("window").values, default=setting("window").default)
    p.add_argument("--measure", choices=setting("measure").values, default=setting("measure").default,
                   help=setting("measure").help)
    p.add_argument("--kind", action="append", default=[], choices=setting("kinds").values, help="kind of actor (repeatable)")
    p.add_argument("--top", type=int, default=setting("top").default)
    p.add_argument("--pair", metavar="A,B", help="two actor ids or aliases, comma-separated")
    p.add_argument("--by-year", action="store_true", help="with --pair: one row per known year")
    p = sub.add_parser("kwic", parents=[common], help="keyword in context")
    p.add_argument("term")
    p.add_argument("--limit", type=int, default=300, help="at most this many (0: all; default %(default)s)")
    target_help = "theme:ID, actor:ID (or alias), pair:ID,ID (named in one sentence) or topic:N"
    p = sub.add_parser("sample", parents=[common], help="a seeded random sample of a target's passages, to judge")
    p.add_argument("target", help=target_help)
    p.add_argument("--n", type=int, default=DEFAULT_SAMPLE, help="passages to draw (default %(default)s)")
    p.add_argument("--seed", type=int, help="the same seed and index give the same passages (default: a new seed)")
    p = sub.add_parser("judge", parents=[common], help="record whether a target is right about a passage")
    p.add_argument("target", help=target_help)
    p.add_argument("passage", help="passage id, as `sample` lists it")
    p.add_argument("verdict", choices=VERDICTS)
    p.add_argument("--coder", default="", help="who judges (default: the login name)")
    p = sub.add_parser("cite", parents=[common], help="a passage as a quote with its source and a permalink")
    p.add_argument("passage", help="passage id (as `passages`, `kwic` and `sample` list it)")
    p.add_argument("--style", choices=STYLES, default="chicago")
    p.add_argument("--base-url", default=DEFAULT_BASE_URL,
                   help="the dashboard's address, for the permalink (default %(default)s)")
    p = sub.add_parser("validation", parents=[common], help="estimated precision of the judged targets")
    p.add_argument("target", nargs="?", help=target_help + " (default: every judged target)")
    p.add_argument("--judgments", action="store_true", help="list the judgments themselves (e.g. --format csv)")
    return parser


def _filter_option(parser: argparse.ArgumentParser, spec: FilterField) -> None:
    """One command-line option per declared filter, with the dashboard's help."""
    help_text = spec.help.replace("%", "%%")
    if spec.multi:
        parser.add_argument(spec.cli, dest=spec.name, action="append", default=[], metavar=spec.key.upper(),
                            help=help_text + " (repeatable)")
    elif spec.kind == FLAG:
        parser.add_argument(spec.cli, dest=spec.name, action="store_true", help=help_text)
    elif spec.kind in (YEAR_FROM, YEAR_TO):
        parser.add_argument(spec.cli, dest=spec.name, type=int, metavar="YEAR", help=help_text)
    else:
        parser.add_argument(spec.cli, dest=spec.name, default="", metavar="WORDS", help=help_text)


def _filters(args, index: CorpusIndex) -> Filters:
    """The CLI's filters, validated by the same rules as a link; anything unknown is an error here."""
    state = parse_params(filter_values_to_params(vars(args)), choices_for(index))
    if state.notices:
        raise SystemExit("error: " + "; ".join(_cli_names(n) for n in state.notices))
    for note in state.info:
        print(f"note: {_cli_names(note)}", file=sys.stderr)
    return state.filters


def _cli_names(note: str) -> str:
    """A link notice in the command line's words: --year-from, --actor rather than from, actor."""
    key, colon, rest = note.partition(":")
    spec = FILTER_BY_KEY.get(key)
    return spec.cli + colon + rest if colon and spec else note


def _progress(fraction: float, message: str) -> None:
    print(f"[{fraction:4.0%}] {message}", file=sys.stderr)


def _emit(data, fmt: str, corpus: str = "") -> None:
    """Write a table or a JSON-able value. JSON names the corpus it was computed on: a `corpus` field on the
    object, or on each record of a list."""
    out = sys.stdout
    if fmt == "json":
        data = data if not isinstance(data, pd.DataFrame) else _records(data)
        if corpus and isinstance(data, dict):
            data = {**data, "corpus": corpus}
        elif corpus and isinstance(data, list):
            data = [{**row, "corpus": corpus} if isinstance(row, dict) else row for row in data]
        json.dump(data, out, ensure_ascii=False, indent=1, default=_json_default)
        out.write("\n")
    elif fmt == "csv":
        _flat(data).to_csv(out, index=False)
    else:
        with pd.option_context("display.max_rows", 500, "display.max_columns", 20, "display.width", 160,
                               "display.max_colwidth", 60):
            out.write(_flat(data).to_string(index=False) + "\n")


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _json_default(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _json_default(value):
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as readable strings for table and CSV output."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            frame[col] = frame[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple))
                                        else json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v)
    return frame


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = IndexSettings(n_topics=args.topics)
    data = data_dir(args.data)
    if not (data / "raw").is_dir():
        print(f"error: {data} has no raw/ folder of articles", file=sys.stderr)
        return 2
    try:
        index = load_or_build(data, settings, progress=_progress)
    except ValueError as error:  # a mistake in a knowledge file: the message names the file and the entry
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command == "build":
        return _report_build(index, args.format)
    if args.command == "cite":
        return _cite(args, index)
    if args.command in ("judge", "validation"):
        return _validation_command(args, index, JudgmentStore(judgments_path(data)))
    filters = _filters(args, index)
    mask = selection_mask(index, filters)
    print(size_label(index, mask) + ("" if filters.is_empty() else f" · {describe_filters(index, filters)}"),
          file=sys.stderr)
    if args.command == "documents":
        _emit(overview.documents_table(index, mask, include_duplicates=filters.is_empty()), args.format, corpus_id(index))
    elif args.command == "passages":
        rows = np.flatnonzero(mask)
        _emit(passage_table(index, rows[: args.limit] if args.limit else rows), args.format, corpus_id(index))
    elif args.command == "terms" and (args.around or args.vs):
        return _framing(args, index, mask)
    elif args.command == "terms":
        table = terms.distinctive_terms(index, mask, top=args.n) if args.distinctive else terms.top_terms(index, mask, args.n, args.kind)
        _emit(table, args.format, corpus_id(index))
    elif args.command == "actors" and (args.pair or args.by_year):
        return _pair(args, index, mask)
    elif args.command == "topics" and args.stability_by_k:
        _emit(_stability_curve(index), args.format, corpus_id(index))
    elif args.command == "topics":
        table = topics.topic_table(index, mask)
        table["stability"] = np.round(topics.topic_stability(index), 3)
        _emit(table, args.format, corpus_id(index))
    elif args.command == "actors":
        result = actors.co_mentions(index, mask, args.window, args.measure, tuple(args.kind), args.top)
        if args.format == "json":
            _emit({"actors": result.ids, "labels": result.labels, "matrix": _matrix(result.values),
                   "counts": result.counts.tolist(), "window": result.window, "measure": result.measure,
                   "units": result.units}, "json", corpus_id(index))
        else:
            frame = result.as_frame().round(4)
            frame.insert(0, "actor", result.labels)
            _emit(frame, args.format, corpus_id(index))
    elif args.command == "kwic":
        _emit(terms.kwic(index, mask, args.term, limit=args.limit or None), args.format, corpus_id(index))
    elif args.command == "sample":
        return _sample(args, index, mask)
    return 0


def _actor(index: CorpusIndex, option: str, value: str) -> str:
    actor_id = actors.resolve_actor(index, value)
    if actor_id is None:
        raise SystemExit(f"error: {option}: {value!r} is not an actor of this corpus (ids and aliases are in "
                         "actors.yaml; `actors` lists the ones the texts name)")
    return actor_id


def _two_actors(index: CorpusIndex, options: str, first: str | None, second: str | None) -> tuple[str, str]:
    if not first or not second:
        raise SystemExit(f"error: {options} needs two actors, one on each side")
    a, b = _actor(index, options.split()[0], first), _actor(index, options.split()[-1], second)
    if a == b:
        raise SystemExit(f"error: {options}: both name the actor {a!r}; choose two different actors")
    return a, b


def _pair(args, index: CorpusIndex, mask: np.ndarray) -> int:
    if not args.pair:
        raise SystemExit("error: --by-year needs --pair A,B")
    first, _, second = args.pair.partition(",")
    a, b = _two_actors(index, "--pair A,B", first.strip(), second.strip())
    table = actors.pair_association(index, mask, a, b, args.window, by_year=args.by_year)
    labels = [index.actor(a).label, index.actor(b).label]
    short = table[~table["enough"]]
    if len(short):
        where = "" if not args.by_year else " in " + ", ".join(map(str, short["year"]))
        print(f"note: npmi left empty{where}: {labels[0]} or {labels[1]} named in fewer than "
              f"{actors.MIN_UNITS_PER_ACTOR} {args.window}s", file=sys.stderr)
    if args.by_year and table.empty:
        print("note: no passage of the selection has a known year", file=sys.stderr)
    if args.format == "json":
        _emit({"pair": [a, b], "labels": labels, "window": args.window,
               "min_units_per_actor": actors.MIN_UNITS_PER_ACTOR,
               "rows": _records(table.assign(npmi=table["npmi"].round(6)))}, "json", corpus_id(index))
    else:
        _emit(table.assign(npmi=table["npmi"].round(4)), args.format, corpus_id(index))
    return 0


def _framing(args, index: CorpusIndex, mask: np.ndarray) -> int:
    a, b = _two_actors(index, "--around --vs", args.around, args.vs)
    framing = actors.framing_terms(index, mask, a, b, args.window, top=args.n)
    unit = args.window
    label_a, label_b = index.actor(a).label, index.actor(b).label
    print(f"a: {framing.units_a:,} {unit}s name {label_a} and not {label_b}; b: {framing.units_b:,} name {label_b} "
          f"and not {label_a}; {framing.units_both:,} naming both are left out", file=sys.stderr)
    if framing.read_a < framing.units_a or framing.read_b < framing.units_b:
        print(f"note: the words of an even sample of {actors.MAX_SENTENCES_READ:,} sentences per side were counted",
              file=sys.stderr)
    for count, label in ((framing.units_a, label_a), (framing.units_b, label_b)):
        if count == 0:
            print(f"note: no {unit} of the selection names {label} without the other: nothing to compare",
                  file=sys.stderr)
    if args.format == "json":
        _emit({"a": a, "b": b, "window": unit, "units_a": framing.units_a, "units_b": framing.units_b,
               "units_both": framing.units_both, "terms": _records(framing.terms)}, "json", corpus_id(index))
    else:
        _emit(framing.terms, args.format, corpus_id(index))
    return 0
def _stability_curve(index: CorpusIndex) -> pd.DataFrame:
    """The stored stability-by-k curve, measured now (with progress) when the build did not; the index's own k
    and why it was chosen on stderr. The filters do not apply: stability is a property of the whole corpus."""
    curve = topics.stability_curve(index)
    if curve is None:
        curve = topics.measure_stability_curve(
            index, lambda done, total: _progress(done / total, f"Topic stability: {done} of {total} measured"))
    if curve.empty:
        low, high = index.manifest["settings"]["topic_k_range"]
        print(f"note: {index.n_passages:,} passages are too few to fit {low} to {high} topics", file=sys.stderr)
    else:
        best = curve.loc[curve["stability"].idxmax()]
        print(f"{topics.default_topics_note(index)} Most stable: {int(best['k'])} (mean {best['stability']:.2f}).",
              file=sys.stderr)
    curve = curve.assign(stability=curve["stability"].round(3),
                         topics=curve["topics"].map(lambda values: [round(v, 3) for v in values]))
    return curve[["k", "stability", "default", "topics", "passages"]]


def _target(index: CorpusIndex, text: str):
    try:
        target = parse_target(index, text)
    except UnknownTarget as error:
        raise SystemExit(f"error: {error}") from None
    return target, (topics.topics_for(index, target.n_topics) if target.n_topics else index.topics)


def _cite(args, index: CorpusIndex) -> int:
    row = passage_row(index, args.passage)
    if row is None:
        raise SystemExit(f"error: {args.passage!r} is not a passage of this corpus")
    cited = citation(index, row, args.base_url, corpus_id(index))
    if args.format == "json":
        _emit({**asdict(cited), "style": args.style, "citation": format_citation(cited, args.style)}, "json",
              corpus_id(index))
    else:
        print(format_citation(cited, args.style))
    return 0


def _sample(args, index: CorpusIndex, mask: np.ndarray) -> int:
    target, model = _target(index, args.target)
    seed = new_seed() if args.seed is None else args.seed
    table, total = validation_sample(index, mask, target, max(args.n, 0), seed, topics=model)
    print(f"{target_label(index, target, model)}: {len(table)} of {total:,} tagged passages in the selection, "
          f"seed {seed}", file=sys.stderr)
    table = table[["id", "title", "year", "position", "matched", "text"]]
    if args.format == "json":
        _emit({"target": str(target), "seed": seed, "tagged": total, "passages": _records(table)}, "json",
              corpus_id(index))
    else:
        _emit(table, args.format, corpus_id(index))
    return 0


def _validation_command(args, index: CorpusIndex, store: JudgmentStore) -> int:
    if args.command == "judge":
        target, model = _target(index, args.target)
        row = passage_row(index, args.passage)
        if row is None:
            raise SystemExit(f"error: {args.passage!r} is not a passage of this corpus")
        if not target_mask(index, target, model)[row]:
            raise SystemExit(f"error: {target} does not tag passage {args.passage}")
        _, matched = evidence(index, target, row, topics=model)
        coder = clean_coder(args.coder or getpass.getuser())
        store.record(str(target), index.passages["text"].iloc[row], args.passage, args.verdict, coder, matched,
                     corpus_id(index))
        print(f"{coder}: {args.verdict} for {target} on {args.passage}; {store.precision(str(target)).describe()}",
              file=sys.stderr)
        return 0
    if args.judgments:
        _emit(store.table(str(_target(index, args.target)[0]) if args.target else None), args.format)
        return 0
    if args.target:
        target, _ = _target(index, args.target)
        results = [store.precision(str(target))]
    else:
        results = list(store.precisions().values())
    rows = []
    for result in results:
        row = result.as_dict()
        row["agreement"] = [{"coders": list(a.coders), "passages": a.passages,
                             "kappa": None if np.isnan(a.kappa) else round(a.kappa, 4)}
                            for a in store.agreements(result.target)]
        rows.append(row)
    if args.format == "json":
        _emit(rows, "json", corpus_id(index))
    else:
        _emit(pd.DataFrame(rows, columns=["target", "judged", "right", "precision", "low", "high", "agreement"])
              .assign(agreement=lambda t: t["agreement"].map(
                  lambda a: "; ".join(f"{x['coders'][0]}/{x['coders'][1]} kappa {x['kappa']} on {x['passages']}"
                                      for x in a))), args.format)
    return 0


def _matrix(values: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else round(float(v), 6) for v in row] for row in values]


def _report_build(index: CorpusIndex, fmt: str) -> int:
    live = int(index.live_docs.sum())
    summary = {
        "index": str(index.path),
        "corpus": corpus_id(index),
        "documents": len(index.docs),
        "duplicates": len(index.docs) - live,
        "passages": index.n_passages,
        "sentences": len(index.sentence_passage),
        "vocabulary": len(index.vocab),
        "topics": index.n_topics,
        "build_seconds": index.manifest.get("build_seconds"),
        "skipped": [{"file": s.file, "reason": s.reason} for s in index.skipped],
    }
    if fmt == "json":
        _emit(summary, "json")
    else:
        for key, value in summary.items():
            if key != "skipped":
                print(f"{key:>13}: {value}")
        for doc in index.docs[~index.live_docs].itertuples():
            print(f"    duplicate: {doc.file} ({doc.duplicate_kind} copy of {doc.duplicate_of})")
        for skipped in index.skipped:
            print(f"      skipped: {skipped.file}: {skipped.reason}")
    return 0 if live else 1
