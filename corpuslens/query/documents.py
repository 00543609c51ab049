"""The Documents view: metadata with its provenance, duplicates, skipped files, and the reader.

The reader shows one document's passages with actor mentions and theme terms marked. Actor
spans are stored in the index; theme spans are found here, on demand for one document, with
the same compiled lexicon the index used to tag passages (`ThemeTagger`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.matching import ThemeTagger
from corpuslens.model import METADATA_FIELDS
from corpuslens.query.actors import actor_mentions
from corpuslens.query.common import display_title, passage_ids
from corpuslens.query.overview import unknown_label, unknown_labels

def document_choices(index: CorpusIndex, mask: np.ndarray, limit: int | None = None, keep: str = "") -> dict[str, str]:
    """{document id: "title — author, year"} for the selection's documents in index order: the first `limit` (None:
    all), and the document `keep` after them when the selection holds it further on."""
    rows = np.unique(index.passage_doc[mask])
    if limit is not None and len(rows) > limit:
        later = rows[limit:]
        rows = np.concatenate([rows[:limit], later[index.docs["id"].to_numpy()[later] == keep]])
    docs = index.docs.iloc[rows]
    return {doc_id: f"{display_title(title)} — {authors}, {year}" for doc_id, title, authors, year
            in zip(docs["id"], docs["title"], unknown_labels(docs["authors"]), unknown_labels(docs["year"]))}


def has_document(index: CorpusIndex, doc_id: str) -> bool:
    """True for a live (non-duplicate) document id of this corpus."""
    return doc_id in _live_ids(index)


def _live_ids(index: CorpusIndex) -> set[str]:
    return set(index.docs["id"][index.live_docs])


def _doc_row(index: CorpusIndex, doc_id: str) -> int:
    rows = np.flatnonzero(index.docs["id"].to_numpy() == doc_id)
    if not len(rows):
        raise KeyError(f"no document {doc_id!r}")
    return int(rows[0])


PROVENANCE_FIELDS = ("title", "authors", "publication", "date", "url")


def provenance_table(index: CorpusIndex, mask: np.ndarray, limit: int | None = None) -> pd.DataFrame:
    """The selection's documents (the first `limit`; None: all): each metadata value (or "(unknown)") and, beside it,
    where it came from.

    Columns: id, file, then for each field `<field>` and `<field> from` (text, front matter,
    html meta, url, catalog or unknown).
    """
    rows = np.unique(index.passage_doc[mask])[:limit]
    docs = index.docs.iloc[rows]
    sources = index.doc_provenance.iloc[rows]
    columns = {"id": docs["id"].to_numpy(), "file": docs["file"].to_numpy()}
    for name in PROVENANCE_FIELDS:
        columns[name] = unknown_labels(docs[name])
        columns[f"{name} from"] = sources[name].to_numpy()
    # Plain object columns: pandas would otherwise convert every text column to Arrow strings on each
    # filter change (~1 ms a column for 10,000 documents), which the table's display does again anyway.
    return pd.DataFrame(columns, dtype=object)


def document_metadata(index: CorpusIndex, doc_id: str) -> pd.DataFrame:
    """One document's metadata as rows: field, value ("(unknown)" when not known), source."""
    doc = index.docs.iloc[_doc_row(index, doc_id)]
    provenance = doc["provenance"] or {}
    note = doc.get("catalog_note") or ""

    def source(name: str) -> str:
        found = provenance.get(name, "unknown")
        return f"{found} (catalog note: {note})" if found == "catalog, inferred" and note else found

    records = [(name, unknown_label(doc[name]), source(name)) for name in METADATA_FIELDS]
    records.append(("language", unknown_label(doc.get("language")), "told from its common words"))
    records.append(("file", doc["file"], "file name"))
    return pd.DataFrame(records, columns=["field", "value", "source"])


def duplicates_table(index: CorpusIndex) -> pd.DataFrame:
    """Documents left out as duplicates: their file, the document they repeat, exact or near."""
    docs = index.docs
    dup = docs[docs["duplicate_of"].notna()]
    by_id = docs.set_index("id")
    original = [by_id.loc[d] if d in by_id.index else None for d in dup["duplicate_of"]]
    return pd.DataFrame({
        "file": dup["file"].to_numpy(),
        "title": [display_title(t) for t in dup["title"]],
        "duplicates": [f"{o['file']} ({display_title(o['title'])})" if o is not None else str(d)
                       for o, d in zip(original, dup["duplicate_of"])],
        "kind": [unknown_label(k) for k in dup["duplicate_kind"]],
    }, columns=["file", "title", "duplicates", "kind"])


def skipped_table(index: CorpusIndex) -> pd.DataFrame:
    """Files the build could not read, with the reason."""
    return pd.DataFrame([(s.file, s.reason) for s in index.skipped], columns=["file", "reason"])


def removed_lines(index: CorpusIndex, doc_id: str) -> pd.DataFrame:
    """Lines cleaning took out of one document (site furniture, metadata lines), with the reason."""
    removed = index.docs.iloc[_doc_row(index, doc_id)]["removed"]
    return pd.DataFrame([tuple(r) for r in (removed or [])], columns=["line", "reason"])


def theme_spans(tagger: ThemeTagger, text: str, neighbours: list[str] = ()) -> list[tuple[int, int, tuple[str, ...], str]]:
    """(start, end, theme ids, why) of every theme match in `text` that counts, as the index counted it.

    `why` names the matched term and its rule for each theme ("Karabakh: 'ceasefire*' (context term, …)").
    Matching runs on the folded text, which has the same length as `text`, so spans index `text` directly."""
    grouped: dict[tuple[int, int], list[tuple[str, str, str]]] = {}
    for start, end, theme_id, term, rule in tagger.explain(text, neighbours):
        grouped.setdefault((start, end), []).append((theme_id, term, rule))
    return [(start, end, tuple(t for t, _, _ in items), "; ".join(f"'{term}' ({rule})" for _, term, rule in items))
            for (start, end), items in sorted(grouped.items())]


READER_COLUMNS = ["id", "position", "text", "selected", "spans"]
THEME = "theme"  # the category of a theme-term span; actor spans have their actor's kind


def reader_passages(index: CorpusIndex, doc_id: str, mask: np.ndarray | None = None,
                    tagger: ThemeTagger | None = None) -> pd.DataFrame:
    """One document's passages in order, each with the spans to highlight.

    `spans`: sorted, non-overlapping (start, end, label, category). An actor mention has its
    actor's name and kind ("Vladimir Putin (person)", "person"); a theme term the theme names
    ("theme: Energy and the Caspian", "theme"). Where both overlap, the actor wins.
    `selected`: whether the passage is in the current selection (`mask`; all when None).
    """
    row = _doc_row(index, doc_id)
    rows = np.flatnonzero(index.passage_doc == row)
    texts = index.passages["text"].to_numpy()[rows]
    tagger = tagger or ThemeTagger(index.themes)
    theme_names = {t.id: t.label for t in index.themes}
    mentions = index.mentions[index.mentions["passage"].isin(rows)]
    by_passage: dict[int, list] = {}
    for passage, start, end, column in zip(mentions["passage"], mentions["start"], mentions["end"], mentions["actor"]):
        actor = index.actors[column]
        by_passage.setdefault(int(passage), []).append((int(start), int(end), f"{actor.label} ({actor.kind})", actor.kind))
    spans = []
    all_texts = list(texts)
    for k, (passage, text) in enumerate(zip(rows, texts)):
        actors = sorted(by_passage.get(int(passage), []))
        neighbours = all_texts[max(0, k - 1):k] + all_texts[k + 1:k + 2]
        themes = [(start, end, "theme: " + " / ".join(theme_names[t] for t in ids) + " — " + why, THEME)
                  for start, end, ids, why in theme_spans(tagger, text, neighbours) if ids]
        spans.append(_merge(actors, themes))
    return pd.DataFrame({
        "id": passage_ids(index, rows),
        "position": index.passages["position"].to_numpy()[rows] + 1,
        "text": texts,
        "selected": mask[rows] if mask is not None else np.ones(len(rows), dtype=bool),
        "spans": spans,
    }, columns=READER_COLUMNS)


def _merge(first: list[tuple], second: list[tuple]) -> list[tuple]:
    """The spans of `first`, plus those of `second` that overlap none of them; sorted."""
    kept = list(first)
    for span in second:
        if not any(span[0] < other[1] and other[0] < span[1] for other in first):
            kept.append(span)
    return sorted(kept)


def document_actors(index: CorpusIndex, doc_id: str) -> pd.DataFrame:
    """Actors named in one document: actor, kind, mentions, passages; most mentioned first."""
    return actor_mentions(index, index.passage_doc == _doc_row(index, doc_id))


def document_themes(index: CorpusIndex, doc_id: str) -> pd.DataFrame:
    """One document's themes: label and share of its passages tagged with it, largest first."""
    shares = index.docs.iloc[_doc_row(index, doc_id)]["themes"] or {}
    labels = {t.id: t.label for t in index.themes}
    table = pd.DataFrame([(t, labels.get(t, t), float(s)) for t, s in shares.items()], columns=["theme", "label", "share"])
    return table.sort_values(["share", "label"], ascending=[False, True], ignore_index=True)
