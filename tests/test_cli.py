"""The command line: its JSON shapes are a contract that scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from corpuslens.cli import main
from corpuslens.settings import PROJECT_ROOT


def run_json(capsys, data, *args):
    assert main([args[0], "--data", str(data), "--topics", "2", "--format", "json", *args[1:]]) == 0
    return json.loads(capsys.readouterr().out)


def test_documents_json_shape_and_values(capsys, tiny_data):
    docs = run_json(capsys, tiny_data, "documents")
    assert [d["id"] for d in docs] == ["a", "b", "c"]
    a = docs[0]
    for key in ("id", "file", "title", "authors", "publication", "date", "year", "passages", "themes", "duplicate_of",
                "provenance"):
        assert key in a
    assert a["file"] == "a.md" and a["authors"] == ["Ann Lee"] and a["year"] == 2020 and a["passages"] == 2
    assert a["provenance"]["title"] == "front matter" and a["provenance"]["publication"] == "unknown"
    assert docs[2]["year"] is None and docs[2]["authors"] == [] and docs[2]["title"] is None


def test_passages_json_with_filters(capsys, tiny_data):
    passages = run_json(capsys, tiny_data, "passages", "--theme", "energy", "--author", "Ann Lee")
    assert [p["id"] for p in passages] == ["a-p1", "a-p2"]
    first = passages[0]
    for key in ("id", "doc", "file", "text", "themes", "actors"):
        assert key in first
    assert first["doc"] == "a" and first["file"] == "a.md"
    assert first["themes"] == ["energy"] and sorted(first["actors"]) == ["azerbaijan", "russia"]


def test_actors_json_shape(capsys, tiny_data):
    result = run_json(capsys, tiny_data, "actors", "--measure", "jaccard")
    assert set(result) >= {"actors", "matrix", "window", "measure"}
    assert result["window"] == "sentence" and result["measure"] == "jaccard"
    i, j = result["actors"].index("russia"), result["actors"].index("azerbaijan")
    assert result["matrix"][i][j] == pytest.approx(0.5)
    assert len(result["matrix"]) == len(result["actors"])


def test_actor_filter_accepts_an_alias(capsys, tiny_data):
    passages = run_json(capsys, tiny_data, "passages", "--actor", "Baku")
    assert [p["id"] for p in passages] == ["a-p1", "b-p1"]


def test_unknown_filter_value_is_an_error_naming_it(tiny_data):
    with pytest.raises(SystemExit) as stop:
        main(["passages", "--data", str(tiny_data), "--theme", "nope"])
    assert "nope" in str(stop.value)


def test_terms_topics_and_kwic(capsys, tiny_data):
    terms = run_json(capsys, tiny_data, "terms", "--kind", "words", "--n", "2")
    corpus = terms[0]["corpus"]  # every record names the corpus it was computed on
    assert terms == [{"term": "baku", "count": 2, "passages": 2, "corpus": corpus},
                     {"term": "gas", "count": 2, "passages": 2, "corpus": corpus}]
    assert corpus == run_json(capsys, tiny_data, "build")["corpus"] and len(corpus) == 10
    topics = run_json(capsys, tiny_data, "topics")
    assert len(topics) == 2 and sum(t["passages"] for t in topics) == 5
    hits = run_json(capsys, tiny_data, "kwic", "gas")
    assert [h["passage"] for h in hits] == ["a-p1", "a-p2"]


def test_build_reports_skipped_files_and_succeeds(capsys, tiny_data):
    (tiny_data / "raw" / "empty.txt").write_bytes(b"")
    summary = run_json(capsys, tiny_data, "build")
    assert summary["documents"] == 3 and summary["passages"] == 5
    assert [s["file"] for s in summary["skipped"]] == ["empty.txt"]


def test_build_fails_when_nothing_could_be_read(capsys, tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "empty.txt").write_bytes(b"")
    assert main(["build", "--data", str(tmp_path)]) == 1
    assert "empty.txt" in capsys.readouterr().out


def test_module_entry_point_reads_the_data_folder_from_the_environment(tiny_data):
    env = {**os.environ, "CORPUSLENS_DATA": str(tiny_data)}
    done = subprocess.run([sys.executable, "-m", "corpuslens", "documents", "--topics", "2", "--format", "csv"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("id,file,title") and len(lines) == 4
    assert "5 passages in 3 documents" in done.stderr


def test_kwic_limit_zero_means_all_as_elsewhere(capsys, tiny_data):
    assert [h["passage"] for h in run_json(capsys, tiny_data, "kwic", "gas", "--limit", "1")] == ["a-p1"]
    assert [h["passage"] for h in run_json(capsys, tiny_data, "kwic", "gas", "--limit", "0")] == ["a-p1", "a-p2"]


def test_an_alias_filter_says_it_selects_every_name_of_the_actor(capsys, tiny_data):
    by_alias = run_json(capsys, tiny_data, "passages", "--actor", "Moscow")
    by_id = run_json(capsys, tiny_data, "passages", "--actor", "russia")
    assert [p["id"] for p in by_alias] == [p["id"] for p in by_id] == ["a-p1", "b-p2"]
    assert main(["passages", "--data", str(tiny_data), "--topics", "2", "--actor", "Moscow", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "note: --actor: 'Moscow' is a name of the actor 'russia'" in err
    assert "Actor: Russia (any of its 3 names, e.g. Moscow, Russian)" in err


def test_author_filter_ignores_case_and_an_early_year_opens_the_range(capsys, tiny_data):
    assert [p["id"] for p in run_json(capsys, tiny_data, "passages", "--author", "ann lee")] == ["a-p1", "a-p2"]
    assert main(["passages", "--data", str(tiny_data), "--topics", "2", "--year-from", "1999", "--format", "json"]) == 0
    out = capsys.readouterr()
    assert len(json.loads(out.out)) == 5  # open at the start: nothing is left out
    assert "note: --year-from: 1999 is before the corpus's first year (2020): the range is open at the start" in out.err
