"""Actor mentions, theme hits and proper-name candidates, on small hand-written texts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuslens.lexicon import load_actors, load_themes
from corpuslens.matching import ActorMatcher, ThemeTagger, proper_name_candidates
from corpuslens.model import Actor, Theme
from corpuslens.settings import SHIPPED_DATA
from corpuslens.textnorm import fold

ACTORS = [
    Actor("russia", "Russia", "state", None, ("Moscow", "the Kremlin", "Kremlin", "Russian", "Россия")),
    Actor("azerbaijan", "Azerbaijan", "state", None, ("Baku", "Azerbaijani", "Azərbaycan")),
    Actor("united-states", "United States", "state", None, ("US", "U.S.", "Washington")),
    Actor("osce", "OSCE", "organisation", None, ("Organization for Security and Cooperation in Europe",)),
    Actor("minsk-group", "OSCE Minsk Group", "organisation", "osce", ("Minsk Group",)),
    Actor("ilham-aliyev", "Ilham Aliyev", "person", "azerbaijan", ("Aliyev", "Əliyev", "İlham Əliyev", "Алиев")),
    Actor("heydar-aliyev", "Heydar Aliyev", "person", "azerbaijan", ("Heydar Əliyev",)),
    Actor("mehriban-aliyeva", "Mehriban Aliyeva", "person", "azerbaijan", ("Mehriban Əliyeva",)),
    Actor("putin", "Vladimir Putin", "person", "russia", ("Putin", "Путин")),
]


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher(ACTORS)


def found(matcher, text):
    return [(m.actor, text[m.start : m.end]) for m in matcher.find(text)]


def test_metonyms_and_demonyms_resolve_to_the_state(matcher):
    text = "Moscow and Baku agree; the Kremlin and Azerbaijani officials"
    assert found(matcher, text) == [
        ("russia", "Moscow"), ("azerbaijan", "Baku"), ("russia", "the Kremlin"), ("azerbaijan", "Azerbaijani")
    ]


def test_possessives_match_and_spans_stop_before_the_apostrophe(matcher):
    text = "Russia's role, Aliyev’s visit, the Kremlin's view"
    assert found(matcher, text) == [("russia", "Russia"), ("ilham-aliyev", "Aliyev"), ("russia", "the Kremlin")]


def test_heydar_versus_ilham_and_aliyeva(matcher):
    text = "Heydar Aliyev founded it; Aliyev continued. Mehriban Aliyeva spoke."
    assert found(matcher, text) == [
        ("heydar-aliyev", "Heydar Aliyev"), ("ilham-aliyev", "Aliyev"), ("mehriban-aliyeva", "Mehriban Aliyeva")
    ]


def test_azerbaijani_turkish_letters_and_cyrillic(matcher):
    text = "İLHAM ƏLİYEV, Heydar Əliyev, Azərbaycan; Алиев и Путин: Россия"
    assert found(matcher, text) == [
        ("ilham-aliyev", "İLHAM ƏLİYEV"), ("heydar-aliyev", "Heydar Əliyev"), ("azerbaijan", "Azərbaycan"),
        ("ilham-aliyev", "Алиев"), ("putin", "Путин"), ("russia", "Россия"),
    ]


def test_no_match_inside_longer_words_in_any_script(matcher):
    assert found(matcher, "Russians, Bakuvian, Алиевым, Aliyevs, Moscowite") == []


def test_longest_alias_wins_and_mentions_never_overlap(matcher):
    text = "the OSCE Minsk Group, the OSCE and Vladimir Putin met Putin"
    assert found(matcher, text) == [
        ("minsk-group", "OSCE Minsk Group"), ("osce", "OSCE"), ("putin", "Vladimir Putin"), ("putin", "Putin")
    ]
    mentions = matcher.find(text)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_multiword_alias_across_a_line_break(matcher):
    assert found(matcher, "the Organization for Security and\nCooperation in Europe") == [
        ("osce", "Organization for Security and\nCooperation in Europe")
    ]


def test_short_acronyms_are_case_sensitive(matcher):
    assert found(matcher, "US sanctions hurt us, said the U.S. envoy") == [
        ("united-states", "US"), ("united-states", "U.S.")
    ]


def test_hyphen_compounds_and_web_addresses(matcher):
    # "Russia-led" names Russia; "Kremlin.ru" and "moscow-baku.ru" name web sites.
    assert found(matcher, "the Russia-led bloc (Kremlin.ru, Moscow-Baku.ru)") == [
        ("russia", "Russia"), ("russia", "Moscow")
    ]


def test_spans_index_the_original_text_and_alias_is_as_written(matcher):
    text = "Ｘ İİ said: İLHAM ƏLİYEV’s Россия"
    mentions = matcher.find(text)
    assert [(text[m.start : m.end], m.alias) for m in mentions] == [("İLHAM ƏLİYEV", "İlham Əliyev"), ("Россия", "Россия")]


def test_conflicting_aliases_are_refused():
    with pytest.raises(ValueError, match="belongs to both"):
        ActorMatcher([Actor("a", "A", "state", None, ("Baku",)), Actor("b", "B", "state", None, ("BAKU",))])


def test_shipped_dictionary_examples():
    matcher = ActorMatcher(load_actors(SHIPPED_DATA / "actors.yaml"))
    text = ("Russian President Vladimir Putin met Ilham Aliyev in Sochi; Ankara, Tehran and Yerevan watched. "
            "Heydar Aliyev's legacy; Erdogan and Erdoğan; Türkiye; the Collective Security Treaty Organization.")
    assert [m.actor for m in matcher.find(text)] == [
        "russia", "putin", "ilham-aliyev", "turkey", "iran", "armenia",
        "heydar-aliyev", "erdogan", "erdogan", "turkey", "csto",
    ]


@given(st.lists(st.sampled_from(
    ["Russia's", "Moscow", "Baku", "Heydar Aliyev", "Aliyev", "İlham Əliyev", "Алиев", "US", "us", "Kremlin.ru",
     "the", "Russians", "OSCE Minsk Group", ",", ".", "’s", "-", "\n", "Путин", "x"]
), max_size=25), st.sampled_from([" ", "", "  "]))
def test_every_span_folds_to_an_alias_of_its_actor(pieces, sep):
    matcher = ActorMatcher(ACTORS)
    aliases = {a.id: {" ".join(fold(x).split()) for x in (a.label, *a.aliases)} for a in ACTORS}
    text = sep.join(pieces)
    previous_end = 0
    for m in matcher.find(text):
        assert " ".join(fold(text[m.start : m.end]).split()) in aliases[m.actor]
        assert m.start >= previous_end
        previous_end = m.end


THEMES = [
    Theme("ukraine-war", "War in Ukraine", ("sanction*", "war in ukraine", "Kyiv")),
    Theme("energy", "Energy", ("oil", "oil pipeline", "natural gas", "Caspian")),
    Theme("economy", "Economy", ("econom*", "oil pipeline", "trade")),
]


def test_theme_hits_phrases_prefixes_and_case():
    tagger = ThemeTagger(THEMES)
    text = "Sanctions and sanctioned banks; the WAR IN\nUKRAINE. Kyiv’s economy, economic trade."
    assert tagger.hits(text) == {"ukraine-war": 4, "economy": 3}


def test_theme_hit_credits_every_theme_of_overlapping_terms_once():
    tagger = ThemeTagger(THEMES)
    # "oil pipeline": energy (oil, oil pipeline: one match) and economy; "oil" alone: energy.
    assert tagger.hits("an oil pipeline, oil, natural gas and the Caspian") == {"energy": 4, "economy": 1}


def test_theme_terms_need_word_boundaries():
    tagger = ThemeTagger(THEMES)
    assert tagger.hits("toil, boiled, tradesman, socioeconomic") == {}


def test_shipped_themes_tag_a_passage():
    tagger = ThemeTagger(load_themes(SHIPPED_DATA / "themes.yaml"))
    hits = tagger.hits("Russian arms supplies to Armenia and the Nagorno-Karabakh ceasefire; sanctions on Moscow.")
    assert {"military", "karabakh", "ukraine-war"} <= set(hits)


def test_proper_name_candidates(matcher):
    text = ("Jojug Marjanli is a village. In an interview with the channel Haber Global, Baku said "
            "that the Dossier Center and Moscow agreed. Officials met in Sochi and Gyumri’s mayor left.")
    names = proper_name_candidates(text, matcher.find(text), stopwords=frozenset({"in", "the"}))
    # "Jojug Marjanli": multiword at a sentence start is kept; "In", "Officials": single words starting a sentence.
    assert names == ["Jojug Marjanli", "Haber Global", "Dossier Center", "Sochi", "Gyumri"]


def test_proper_name_candidates_skip_actor_words_titles_and_long_headlines(matcher):
    text = "said Prime Minister Vladimir Putin and Foreign Minister Azay Guliyev of the Big Long Title Case Run"
    names = proper_name_candidates(text, matcher.find(text), stopwords=frozenset())
    assert names == ["Azay Guliyev"]
