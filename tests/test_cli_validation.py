"""The command line's validation commands: sample, judge, validation."""

from __future__ import annotations

import json

import pytest

from corpuslens.cli import main


@pytest.fixture
def judgments(tmp_path, monkeypatch):
    path = tmp_path / "judgments.sqlite"
    monkeypatch.setenv("CORPUSLENS_JUDGMENTS", str(path))
    return path


def run(capsys, data, *args) -> str:
    assert main([args[0], "--data", str(data), "--topics", "2", *args[1:]]) == 0
    return capsys.readouterr().out


def test_sample_gives_the_same_passage_ids_for_the_same_seed(capsys, tiny_data):
    first = json.loads(run(capsys, tiny_data, "sample", "actor:russia", "--n", "2", "--seed", "11", "--format", "json"))
    again = json.loads(run(capsys, tiny_data, "sample", "actor:Moscow", "--n", "2", "--seed", "11", "--format", "json"))
    assert first["target"] == "actor:russia" and first["seed"] == 11 and first["tagged"] == 2  # a-p1 and b-p2
    assert [p["id"] for p in first["passages"]] == [p["id"] for p in again["passages"]]
    assert sorted(p["id"] for p in first["passages"]) == ["a-p1", "b-p2"]
    assert "Russia: 'Moscow'" in next(p["matched"] for p in first["passages"] if p["id"] == "a-p1")
    only_b = json.loads(run(capsys, tiny_data, "sample", "actor:russia", "--author", "Bob Stone", "--seed", "11",
                            "--format", "json"))
    assert [p["id"] for p in only_b["passages"]] == ["b-p2"]


def test_judge_then_validation_reports_precision_and_interval(capsys, tiny_data, judgments):
    run(capsys, tiny_data, "judge", "theme:energy", "a-p1", "right", "--coder", "ann")
    run(capsys, tiny_data, "judge", "theme:energy", "a-p2", "right", "--coder", "ann")
    run(capsys, tiny_data, "judge", "theme:energy", "c-p1", "wrong", "--coder", "ann")
    run(capsys, tiny_data, "judge", "theme:energy", "c-p1", "wrong", "--coder", "bob")
    assert judgments.exists()
    [result] = json.loads(run(capsys, tiny_data, "validation", "--format", "json"))
    assert {k: result[k] for k in ("target", "judged", "right")} == {"target": "theme:energy", "judged": 3, "right": 2}
    assert result["precision"] == pytest.approx(0.6667, abs=1e-4)
    # Wilson, 2 of 3: centre (2/3 + 0.64029) / 2.28049 = 0.57312, half 1.96·sqrt(0.074074 + 0.106716) / 2.28049 = 0.36548
    assert result["low"] == pytest.approx(0.2077, abs=1e-4) and result["high"] == pytest.approx(0.9385, abs=1e-4)
    [one] = json.loads(run(capsys, tiny_data, "validation", "theme:energy", "--format", "json"))
    assert one == result


def test_judge_refuses_a_passage_the_target_does_not_tag(capsys, tiny_data, judgments):
    with pytest.raises(SystemExit, match="does not tag"):
        main(["judge", "--data", str(tiny_data), "--topics", "2", "theme:energy", "b-p1", "right"])
    with pytest.raises(SystemExit, match="not a passage"):
        main(["judge", "--data", str(tiny_data), "--topics", "2", "theme:energy", "z-p9", "right"])
    with pytest.raises(SystemExit, match="not a theme"):
        main(["sample", "--data", str(tiny_data), "--topics", "2", "theme:nothing"])
    assert not judgments.exists()


def test_judgments_export_as_csv_with_coder_time_and_what_matched(capsys, tiny_data, judgments):
    run(capsys, tiny_data, "judge", "actor:russia", "a-p1", "right", "--coder", "ann")
    out = run(capsys, tiny_data, "validation", "--judgments", "--format", "csv").splitlines()
    assert out[0] == "target,text_sha1,coder,verdict,passage_id,matched,judged_at,corpus"
    assert out[1].startswith("actor:russia,") and ",ann,right,a-p1,Russia: 'Moscow'" in out[1]
