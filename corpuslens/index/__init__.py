"""The index: built once per corpus fingerprint, then only sliced."""

from corpuslens.index.build import build, built_index_folder, index_root, load_or_build
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.index.store import CorruptIndex

__all__ = ["CorpusIndex", "CorruptIndex", "build", "built_index_folder", "index_root", "load_or_build"]
