"""The Documents page: the selection's documents with where each value came from, and one document to read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from corpuslens.filters import Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.matching import ThemeTagger
from corpuslens.query import documents as query
from corpuslens.query.common import selection_size
from corpuslens.selection import selection_mask
from corpuslens.views.common import page_values

# What the view says about the link's document or passage when it could not show it.
OUTSIDE = "outside the selection"  # a document of the corpus the filters leave out: the first one is shown instead
UNKNOWN = "not in this corpus"
NO_SUCH_PASSAGE = "no such passage"
# Documents listed with their provenance on the page: a grid of 10,000 rows costs the browser ~0.2 s on every filter
# change, and nobody scrolls that far; the CSV download holds them all.
PROVENANCE_SHOWN = 1_000
# Documents offered by the reader's menu: the menu's options go to the browser on every rerun (10,000 titles are
# ~0.6 MB); the document a link or a click chose is always among them, and the filters reach any other.
MENU_SHOWN = 1_000


@dataclass(frozen=True)
class DocumentsView:
    empty: bool
    provenance: pd.DataFrame  # the first PROVENANCE_SHOWN documents of the selection
    documents: int  # all documents of the selection (more than the menu and the list offer when over 1,000)
    choices: dict  # document id -> "title — author, year": the selection's first MENU_SHOWN documents, and the one shown
    doc: str  # the document shown ("" when the selection is empty)
    doc_note: str  # why the link's document is not the one shown: OUTSIDE, UNKNOWN or ""
    metadata: pd.DataFrame | None
    themes: pd.DataFrame | None
    actors: pd.DataFrame | None
    passages: pd.DataFrame | None  # the reader's passages with their highlight spans (query.documents.READER_COLUMNS)
    removed: pd.DataFrame | None
    cited: int  # the passage a permalink points at (its number in the document), 0 for none
    cited_note: str  # NO_SUCH_PASSAGE when the link's passage is not in the document


def documents_view(index: CorpusIndex, filters: Filters, settings: Mapping | None = None,
                   tagger: ThemeTagger | None = None) -> DocumentsView:
    """`settings`: `doc` (the document to read) and `passage` (a cited passage's number). `tagger`: the compiled
    theme lexicon, to mark theme terms (compiled here when not given)."""
    values = page_values("documents", settings)
    mask = selection_mask(index, filters)
    wanted = values["doc"]
    # Labels are made for the documents the menu offers only: the link's document is among them when selected.
    choices = query.document_choices(index, mask, MENU_SHOWN, keep=wanted)
    doc, doc_note = wanted, ""
    if wanted and wanted not in choices:
        doc, doc_note = "", (OUTSIDE if query.has_document(index, wanted) else UNKNOWN)
    doc = doc or next(iter(choices), "")
    common = dict(provenance=query.provenance_table(index, mask, PROVENANCE_SHOWN),
                  documents=selection_size(index, mask)[1], choices=choices, doc=doc, doc_note=doc_note)
    if not doc:
        return DocumentsView(True, **common, metadata=None, themes=None, actors=None, passages=None, removed=None,
                             cited=0, cited_note="")
    passages = query.reader_passages(index, doc, mask, tagger)
    cited, cited_note = int(values["passage"] or 0), ""
    if cited and not (passages["position"] == cited).any():
        cited, cited_note = 0, NO_SUCH_PASSAGE
    return DocumentsView(
        False, **common,
        metadata=query.document_metadata(index, doc),
        themes=query.document_themes(index, doc),
        actors=query.document_actors(index, doc),
        passages=passages,
        removed=query.removed_lines(index, doc),
        cited=cited, cited_note=cited_note,
    )
