"""Links that know their corpus: the short id in every link and CLI output, and a notice naming what changed
when a link made on one version of the corpus is opened on another."""

from __future__ import annotations

from corpuslens.index import index_root, load_or_build
from corpuslens.index.corpora import corpus_id, link_notice, recall
from corpuslens.settings import IndexSettings
from corpuslens.urlstate import parse_params

from pages_apptest import open_page  # noqa: F401  (fixture)

SETTINGS = IndexSettings(n_topics=2)


def test_notice_names_the_documents_added_removed_and_changed(tiny_data):
    before = corpus_id(load_or_build(tiny_data, SETTINGS))
    raw = tiny_data / "raw"
    (raw / "d.txt").write_text("Tehran and Baku signed a gas deal.\n", encoding="utf-8")
    (raw / "c.txt").unlink()
    (raw / "b.md").write_text((raw / "b.md").read_text(encoding="utf-8") + "\nThe talks went on.\n", encoding="utf-8")
    (tiny_data / "themes.yaml").write_text((tiny_data / "themes.yaml").read_text(encoding="utf-8")
                                           .replace("[peace]", "[peace, truce]"), encoding="utf-8")
    after = corpus_id(load_or_build(tiny_data, SETTINGS))
    assert before != after
    notice = link_notice(index_root(tiny_data), before, after)
    assert f"made on another version of the corpus ({before}; this one is {after})" in notice
    assert "1 document added: d.txt" in notice
    assert "1 document removed: c.txt" in notice
    assert "1 document changed: b.md" in notice
    assert "knowledge files changed: themes.yaml" in notice
    assert link_notice(index_root(tiny_data), after, after) is None


def test_a_corpus_without_a_record_is_said_to_be_unknown(tiny_data):
    current = corpus_id(load_or_build(tiny_data, SETTINGS))
    assert recall(index_root(tiny_data), current)["documents"].keys() == {"a.md", "b.md", "c.txt"}
    notice = link_notice(index_root(tiny_data), "0123456789", current)
    assert "No record of that version is kept here" in notice
    assert recall(index_root(tiny_data), "../../etc") is None


def test_links_parse_the_corpus_id_and_refuse_anything_else(tiny_index):
    from corpuslens.query.common import choices_for

    choices = choices_for(tiny_index)
    assert parse_params({"corpus": ["abc123def0"]}, choices).corpus == "abc123def0"
    bad = parse_params({"corpus": ["<script>"]}, choices)
    assert bad.corpus == "" and "is not a corpus id" in bad.notices[0]


def test_every_link_carries_the_corpus_and_another_corpus_opens_with_a_notice(open_page, shipped_index):
    current = corpus_id(shipped_index)
    at = open_page("overview", "theme=military")
    assert at.query_params["corpus"] in (current, [current])
    old = open_page("overview", "theme=military&corpus=0123456789")
    assert any("made on another version of the corpus (0123456789" in i.value.replace("\\", "") for i in old.info)
    assert old.markdown[0].value.startswith("**") and not old.exception  # the view still opens
    assert any(m.value for m in old.multiselect if m.value == ["military"])
