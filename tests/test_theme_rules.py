"""Theme rules that need context: the cross-conflict cases found on the shipped articles."""

from __future__ import annotations

import pytest

from corpuslens.lexicon import load_themes
from corpuslens.matching import ThemeTagger
from corpuslens.model import Theme
from corpuslens.settings import SHIPPED_DATA


@pytest.fixture(scope="module")
def tagger() -> ThemeTagger:
    return ThemeTagger(load_themes(SHIPPED_DATA / "themes.yaml"))


def test_separatists_in_donbas_are_not_karabakh(tagger):
    text = "Moscow recognised the separatists in Donbas and their claim to Luhansk, ignoring Ukraine's territorial integrity."
    assert "karabakh" not in tagger.hits(text, ["Armenia and Azerbaijan watched closely."])


def test_clashes_on_the_line_between_armenia_and_azerbaijan_are_karabakh(tagger):
    assert "karabakh" in tagger.hits("New clashes broke out on the border between Armenia and Azerbaijan.")


def test_bare_conflict_words_need_a_karabakh_anchor(tagger):
    assert "karabakh" not in tagger.hits("The ceasefire in Gaza held for a second week.")


def test_ukraine_as_an_arms_seller_in_2018_is_not_the_war(tagger):
    text = "In 2018 Baku also bought weapons from Ukraine, Belarus and Israel."
    hits = tagger.hits(text)
    assert "ukraine-war" not in hits and "military" in hits


def test_invasion_of_ukraine_is_the_war(tagger):
    assert "ukraine-war" in tagger.hits("After Russia's invasion of Ukraine, Western sanctions hit Moscow hard.")


def test_russian_mediation_and_the_kazan_talks_are_karabakh(tagger):
    assert "karabakh" in tagger.hits("At the 2011 Kazan summit, Medvedev hosted Aliyev and Sargsyan to agree the basic principles.")
    assert "karabakh" in tagger.hits("Moscow's mediation between Baku and Yerevan gave it leverage over both.")


def test_neighbouring_passages_supply_the_anchor(tagger):
    passages = ["Armenia and Azerbaijan met again in Moscow.", "The ceasefire has held since then, both sides said."]
    assert "karabakh" in tagger.tag_passages(passages)[1]
    assert "karabakh" not in tagger.hits(passages[1])


def test_explain_names_the_term_and_the_rule(tagger):
    reasons = tagger.explain("The ceasefire between Armenia and Azerbaijan held.")
    karabakh = [r for r in reasons if r[2] == "karabakh"]
    assert karabakh and karabakh[0][3] == "ceasefire*" and "anchor" in karabakh[0][4]


def test_theme_without_rules_counts_its_terms_anywhere():
    tagger = ThemeTagger([Theme("energy", "Energy", ("oil", "gas"))])
    assert tagger.hits("Oil and gas prices rose.") == {"energy": 2}


def test_a_context_term_that_is_its_own_anchor_is_refused(tmp_path):
    from corpuslens.lexicon import load_themes as load
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n- id: a\n  label: A\n  terms: [x]\n  context_terms: [alliance*]\n  anchors: [alliance*, bloc]\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="its own anchor"):
        load(path)


def test_not_near_vetoes_only_its_own_sentence(tagger):
    text = "Separatists in Donbas fought on. In Karabakh, Armenia and Azerbaijan agreed a ceasefire."
    reasons = [r for r in tagger.explain(text) if r[2] == "karabakh"]
    assert any(r[3] == "ceasefire*" for r in reasons)
    assert not any(r[3] == "separatist*" for r in reasons)


def test_a_term_written_with_capitals_matches_only_as_written():
    tagger = ThemeTagger([Theme("west", "West", ("US", "united states"))])
    assert tagger.hits("The US courted Central Asia.") == {"west": 1}
    assert tagger.hits("Let us talk about the United States.") == {"west": 1}
    assert tagger.hits("None of us went.") == {}


def test_no_word_counts_inside_a_not_within_phrase():
    tagger = ThemeTagger([Theme("energy", "Energy", ("oil",), not_within=("non-oil",))])
    assert tagger.hits("Exports of non-oil products grew.") == {}
    assert tagger.hits("Oil exports and non-oil exports grew.") == {"energy": 1}


def test_a_not_within_phrase_does_not_veto_the_term_it_equals():
    theme = Theme("security", "Security", ("terror*",), context_terms=("counter-terror*", "drug*"),
                  not_within=("counter-terror*",))
    tagger = ThemeTagger([theme])
    assert tagger.hits("A counter-terrorist operation began.") == {}
    reasons = tagger.explain("Counter-terrorism and drug seizures rose.")
    assert [r[3] for r in reasons] == ["counter-terror*", "drug*"]


def test_min_matches_turns_a_passing_mention_away():
    tagger = ThemeTagger([Theme("regional", "Regional powers", ("turkey", "iran"), min_matches=2)])
    assert tagger.hits("He spoke to Turkish TV, not to Turkey's president.") == {}
    assert tagger.hits("Turkey and Iran both border Armenia.") == {"regional": 2}
    assert tagger.explain("Only Turkey was named.") == []


def test_a_word_vetoed_by_not_near_vouches_for_no_other():
    theme = Theme("media", "Media", ("propaganda",), context_terms=("journalist*", "tv"), not_near=("press conference",))
    tagger = ThemeTagger([theme])
    text = "A journalist asked at a press conference. He works for Lider TV."
    assert "media" not in tagger.hits(text)


@pytest.mark.parametrize("rule, message", [
    ("  not_within: [non-gas]\n", "veto nothing"),
    ("  min_matches: 0\n", "min_matches"),
    ("  min_matches: two\n", "min_matches"),
])
def test_bad_new_rules_are_refused_with_a_clear_message(tmp_path, rule, message):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n- id: energy\n  label: Energy\n  terms: [oil]\n" + rule, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_themes(path)



def test_shipped_not_within_and_min_matches_load():
    themes = {t.id: t for t in load_themes(SHIPPED_DATA / "themes.yaml")}
    assert any(t.not_within for t in themes.values())
    assert any(t.min_matches > 1 for t in themes.values())


def test_anchor_scope_passage_keeps_the_neighbours_out():
    rules = dict(context_terms=("ally",), anchors=("csto",))
    nearby = ThemeTagger([Theme("alliances", "Alliances", ("nato",), **rules)])
    own = ThemeTagger([Theme("alliances", "Alliances", ("nato",), anchor_scope="passage", **rules)])
    passages = ["Armenia is a member of the CSTO.", "A conference called Baku the only ally of Moscow."]
    assert "alliances" in nearby.tag_passages(passages)[1]
    assert "alliances" not in own.tag_passages(passages)[1]
    assert "alliances" in own.hits("Armenia, a CSTO member, is Moscow's ally.")


@pytest.mark.parametrize("rule, message", [
    ("  anchor_scope: document\n", "anchor_scope"),
    ("  anchor_scope: passage\n", "needs 'anchors'"),
])
def test_a_bad_anchor_scope_is_refused(tmp_path, rule, message):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n- id: energy\n  label: Energy\n  terms: [oil]\n  context_terms: [fuel]\n" + rule,
                    encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_themes(path)


def test_shipped_lexicon_reads_passing_mentions_as_passing(tagger):
    assert "alliances" not in tagger.hits("Putin met Pashinyan at the CIS summit in Dushanbe.")
    assert "regional-powers" not in tagger.hits("Baku wants a corridor to Nakhchivan that links Azerbaijan to Turkey.")
    assert "regional-powers" in tagger.hits("Turkey and Iran compete for influence in the South Caucasus.")
    assert "energy" not in tagger.hits("Aliyev praised the export of non-oil products to Russia.")


def test_shipped_lexicon_tells_the_us_from_us(tagger):
    assert "west" in tagger.hits("The US and Russia discussed Armenia.")
    assert "west" not in tagger.hits("Let us discuss Russia's role in Armenia.")
    assert "west" not in tagger.hits("Protests began in western Kazakhstan before Russian troops arrived.")


def test_shipped_lexicon_reads_titles_venues_and_pairings_as_passing(tagger):
    # A bloc's office in a person's title says who the person is, not what the passage is about.
    assert "alliances" not in tagger.hits("Prosecutors charged Yuri Khachaturov, the CSTO's current secretary general.")
    assert "alliances" in tagger.hits("Baku weighed joining the CSTO, Moscow's military bloc.")
    # A capital named as the place where a view is held is a venue, not a relation with the West.
    assert "west" not in tagger.hits("Moscow's stance is noted in Washington and Brussels as well as in Baku.")
    assert "west" in tagger.hits("Washington warned Moscow against new pressure on Armenia.")
    # "Political and economic" names every side of a thing, not the economy.
    assert "economy" not in tagger.hits("Israel faced political and economic instability and rising costs for investors.")
    assert "economy" in tagger.hits("Trade and investment between the two countries doubled.")
    # A press conference reworded by a paraphrasing site is still a press conference.
    assert "society-media" not in tagger.hits("A professor of human rights praised the rapporteur's press convention.")


def test_lone_list_items_passing_reads_one_field_among_others_as_passing():
    listed = ThemeTagger([Theme("economy", "Economy", ("trade",), context_terms=("investment*", "transport*"),
                                lone_list_items="passing")])
    counted = ThemeTagger([Theme("economy", "Economy", ("trade",), context_terms=("investment*", "transport*"))])
    fields = "The declaration covers regional security, military ties, energy, and trade."
    assert listed.hits(fields) == {}
    assert counted.hits(fields) == {"economy": 1}
    # A list whose items are the theme's is about the theme; outside a list the word counts as ever.
    assert listed.hits("Sanctions hit trade, investment and transport alike.") == {"economy": 3}
    assert listed.hits("Trade with Russia doubled last year.") == {"economy": 1}
    assert listed.hits("Соглашение касается безопасности, энергетики и trade.") == {}


def test_a_bad_lone_list_items_value_is_refused(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n- id: energy\n  label: Energy\n  terms: [oil]\n  lone_list_items: ignore\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="'lone_list_items' must be one of count, passing"):
        load_themes(path)


def test_shipped_economy_reads_a_field_of_an_agenda_as_passing(tagger):
    assert "economy" not in tagger.hits("The summit will focus on security, economic relations and connectivity.")
    assert "economy" in tagger.hits("Economic relations between Baku and Moscow grew: trade rose by a fifth.")
    assert "economy" in tagger.hits("The Balkan states could join the common European market by 2025.")
