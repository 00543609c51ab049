"""The index is built once per fingerprint, rebuilt on any change, never trusted when damaged."""

from __future__ import annotations

import importlib
import multiprocessing
import os
from pathlib import Path

import pytest

from corpuslens.index.corpora import RECORDS_FOLDER
from corpuslens.index.stability_store import CURVES_FOLDER
from corpuslens.index import built_index_folder, index_root, load_or_build
from corpuslens.settings import IndexSettings

SETTINGS = IndexSettings(n_topics=2)
build_module = importlib.import_module("corpuslens.index.build")


def _index_folders(data: Path) -> list[str]:
    kept_beside = (RECORDS_FOLDER, CURVES_FOLDER)
    return sorted(p.name for p in index_root(data).iterdir() if p.is_dir() and p.name not in kept_beside)


def test_second_load_reuses_the_index_without_building(tiny_data, monkeypatch):
    first = load_or_build(tiny_data, SETTINGS)
    monkeypatch.setattr(build_module, "build", lambda *a, **k: pytest.fail("rebuilt an unchanged corpus"))
    second = load_or_build(tiny_data, SETTINGS)
    assert second.path == first.path
    assert second.manifest["built_at"] == first.manifest["built_at"]
    assert second.n_passages == first.n_passages == 5


def test_changed_article_rebuilds_and_replaces_the_old_index(tiny_data):
    first = load_or_build(tiny_data, SETTINGS)
    (tiny_data / "raw" / "c.txt").write_text("Tehran watched the pipeline closely.\n\nA second paragraph here.\n")
    second = load_or_build(tiny_data, SETTINGS)
    assert second.path != first.path
    assert second.n_passages == 6
    assert _index_folders(tiny_data) == [second.path.name]  # the stale index is gone


def test_changed_lexicon_or_settings_rebuilds(tiny_data):
    first = load_or_build(tiny_data, SETTINGS)
    themes = tiny_data / "themes.yaml"
    themes.write_text(themes.read_text() + "- {id: markets, label: Markets, description: Trade., terms: [market]}\n")
    with_theme = load_or_build(tiny_data, SETTINGS)
    assert with_theme.path != first.path
    assert [t.id for t in with_theme.themes][-1] == "markets"
    assert load_or_build(tiny_data, IndexSettings(n_topics=3)).path != with_theme.path


def test_corrupt_index_on_disk_is_rebuilt_not_trusted(tiny_data):
    first = load_or_build(tiny_data, SETTINGS)
    (first.path / "terms.npz").write_bytes(b"not a matrix")
    again = load_or_build(tiny_data, SETTINGS)
    assert again.n_passages == 5 and again.terms.shape[0] == 5


def test_index_of_an_older_format_is_rebuilt(tiny_data, monkeypatch):
    first = load_or_build(tiny_data, SETTINGS)
    monkeypatch.setattr("corpuslens.index.fingerprint.INDEX_FORMAT", 999)
    assert built_index_folder(tiny_data, SETTINGS) is None
    assert load_or_build(tiny_data, SETTINGS).path != first.path


def test_manifest_is_written_last_so_a_half_written_index_is_ignored(tiny_data):
    first = load_or_build(tiny_data, SETTINGS)
    (first.path / "manifest.json").unlink()  # as if the build died before finishing
    assert built_index_folder(tiny_data, SETTINGS) is None
    assert load_or_build(tiny_data, SETTINGS).n_passages == 5


def _build_in_child(data: str, queue) -> None:
    index = load_or_build(Path(data), SETTINGS)
    queue.put((str(index.path), index.n_passages))


def test_two_builds_started_at_once_make_one_complete_index(tiny_data):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    children = [ctx.Process(target=_build_in_child, args=(str(tiny_data), queue)) for _ in range(2)]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    results = [queue.get(timeout=5) for _ in children]
    assert results[0] == results[1] and results[0][1] == 5
    assert _index_folders(tiny_data) == [Path(results[0][0]).name]
    assert not [p for p in os.listdir(index_root(tiny_data)) if p.startswith(".building-")]


def test_unreadable_file_is_reported_and_the_rest_still_load(tiny_data):
    (tiny_data / "raw" / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (tiny_data / "raw" / "empty.md").write_bytes(b"")
    index = load_or_build(tiny_data, SETTINGS)
    reasons = {s.file: s.reason for s in index.skipped}
    assert set(reasons) == {"broken.txt", "empty.md"}
    assert all(reasons.values())
    assert len(index.docs) == 3 and index.n_passages == 5


def test_index_root_can_be_moved_with_an_environment_variable(tiny_data, tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUSLENS_INDEX", str(tmp_path / "elsewhere"))
    index = load_or_build(tiny_data, SETTINGS)
    assert index.path.parent == tmp_path / "elsewhere"
    assert not (tiny_data / "index").exists()
