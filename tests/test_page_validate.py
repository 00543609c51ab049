"""The Validate page in AppTest, on the shipped corpus: a seeded sample, judging (only when the owner allows it),
and the precision that then shows on the Overview theme chart."""

from __future__ import annotations

import pandas as pd
import pytest

from pages_apptest import link, open_page, vega_specs, warnings  # noqa: F401  (fixture)


@pytest.fixture
def judgments(tmp_path, monkeypatch):
    path = tmp_path / "judgments.sqlite"
    monkeypatch.setenv("CORPUSLENS_JUDGMENTS", str(path))
    monkeypatch.delenv("CORPUSLENS_ALLOW_JUDGING", raising=False)
    return path


def sample_ids(at) -> list[str]:
    return [h.proto.body.split("· ")[-1].split("<")[0].strip() for h in at.get("html")]


def test_link_with_target_and_seed_draws_the_same_sample_again(open_page, judgments):
    first = open_page("validate", "target=theme:military&seed=42&sample=5")
    again = open_page("validate", "target=theme:military&seed=42&sample=5")
    ids = sample_ids(first)
    assert len(ids) == 5 and ids == sample_ids(again)
    assert sample_ids(open_page("validate", "target=theme:military&seed=43&sample=5")) != ids
    assert "seed 42" in " ".join(m.value for m in first.markdown)
    assert link(first) == {"target": ["theme:military"], "seed": ["42"], "sample": ["5"]}
    assert "<mark" in first.get("html")[0].proto.body  # the matched words are marked


def test_visitors_cannot_judge_unless_the_owner_switched_it_on(open_page, judgments, monkeypatch):
    at = open_page("validate", "target=theme:military&seed=42&sample=3")
    rights = [b for b in at.button if b.label == "Right"]
    assert len(rights) == 3 and all(b.disabled for b in rights)
    assert "Judging is switched off" in at.info[0].value
    assert not judgments.exists()

    monkeypatch.setenv("CORPUSLENS_ALLOW_JUDGING", "1")
    at = open_page("validate", "target=theme:military&seed=42&sample=3")
    at.text_input(key="validate.coder").input("ann").run()
    for i in range(3):
        at.button(key=f"validate.{'right' if i else 'wrong'}.{i}").click().run()
    assert not at.exception
    assert "precision 0.67 [0.21–0.94], 2 of 3 judged" in " ".join(m.value for m in at.markdown).replace("\\", "")
    assert at.button(key="validate.right.1").proto.type == "primary"  # the verdict given is shown

    overview = open_page("overview")
    tooltips = {row["label"]: row["validated"] for row in vega_specs(overview)["Themes"]["data"]["values"]}
    assert "precision 0.67 [0.21–0.94], 2 of 3 judged" in tooltips["Military, arms and defence"]
    assert "Military" in " ".join(c.value for c in overview.caption) and "2 of 3 judged" in " ".join(
        c.value for c in overview.caption).replace("\\", "")


def test_unknown_target_in_the_link_is_ignored_with_a_notice(open_page, judgments):
    at = open_page("validate", "target=theme:astrology&seed=1")
    assert "target" in warnings(at) and "astrology" in warnings(at)
    assert at.selectbox(key="view.target").value == ""


def test_validate_this_pair_opens_a_seeded_sample_of_the_pair(open_page, judgments):
    at = open_page("actors", "a=russia&b=azerbaijan")
    assert "not validated yet" in " ".join(c.value for c in at.caption)
    at.button(key="actors.validate_pair").click().run()
    assert not at.exception
    assert at.title[0].value == "Validate"
    params = link(at)
    assert params["target"] == ["pair:azerbaijan,russia"] and int(params["seed"][0]) > 0
    assert len(sample_ids(at)) == 20


def test_topic_card_shows_its_precision_once_judged(open_page, judgments):
    from corpuslens.settings import SHIPPED_DATA
    from corpuslens.index import load_or_build
    from corpuslens.validation.judgments import JudgmentStore

    index = load_or_build(SHIPPED_DATA)
    row = int((index.topics.topic == 1).nonzero()[0][0])
    JudgmentStore(judgments).record("topic:2", index.passages["text"].iloc[row], "x-p1", "right", "ann")
    at = open_page("topics", "topic=2")
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "precision 1.00 [0.21–1.00], 1 of 1 judged" in captions


def test_article_markup_in_a_sample_is_shown_as_text(open_page, judgments, tmp_path, monkeypatch):
    from tests.conftest import write_corpus

    data = write_corpus(tmp_path / "hostile", {"evil.md": """\
        ---
        title: <img src=x onerror=alert(1)>
        author: Eve
        date: 2020-01-01
        ---
        Moscow <script>alert(1)</script> sells **gas** to [Baku](javascript:alert(1)).
        """})
    monkeypatch.setenv("CORPUSLENS_DATA", str(data))
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    at = open_page("validate", "target=actor:russia&seed=1")
    [sample] = [h.proto.body for h in at.get("html")]
    assert "<script>" not in sample and "<img" not in sample
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sample and "&lt;img src=x onerror=alert(1)&gt;" in sample
    assert '<mark class="hl" title="russia">Moscow</mark>' in sample


def test_an_actor_s_precision_shows_in_the_actor_mentions_table(open_page, judgments):
    from corpuslens.index import load_or_build
    from corpuslens.settings import SHIPPED_DATA
    from corpuslens.validation.judgments import JudgmentStore

    index = load_or_build(SHIPPED_DATA)
    store = JudgmentStore(judgments)
    for row, verdict in ((0, "right"), (1, "wrong")):
        store.record("actor:russia", index.passages["text"].iloc[row], f"x-p{row}", verdict, "ann")
    at = open_page("actors")
    table = next(d.value for d in at.dataframe if "validated" in d.value.columns).set_index("id")
    assert table.loc["russia", "validated"] == "precision 0.50 [0.09–0.91], 1 of 2 judged"
    assert pd.isna(table.loc["azerbaijan", "validated"])  # not validated: left empty
