"""Keyword in context: boundaries, case, phrases, possessives, Unicode and user-typed metacharacters."""

from corpuslens.analysis.kwic import kwic

TEXTS = [
    "Relations between Russia and Azerbaijan improved. Russia's role grew; Russian gas did not.",
    "The South\nCaucasus is a region. Nagorno-Karabakh lies in the south caucasus too.",
    "İLHAM ALİYEV met Putin in BAKU. The U.S. stayed away; (brackets) and c++ too.",
    "",
]


def test_case_insensitive_whole_words_and_possessive():
    hits = kwic(TEXTS, "RUSSIA")
    # "Russia" at 18 and "Russia's" at 50 match (10+8+7+4+11+10 characters before it);
    # "Russian" does not (no word boundary after "russia").
    spans = [(h["row"], h["start"], h["end"], h["match"]) for h in hits]
    assert spans == [(0, 18, 24, "Russia"), (0, 50, 56, "Russia")]
    assert hits[1]["right"].startswith("'s role")


def test_spans_index_the_original_text():
    for h in kwic(TEXTS, "caucasus") + kwic(TEXTS, "aliyev") + kwic(TEXTS, "baku"):
        assert TEXTS[h["row"]][h["start"]:h["end"]] == h["match"]


def test_turkish_dotted_capital_i_is_folded():
    hits = kwic(TEXTS, "ilham aliyev")
    assert [(h["row"], h["match"]) for h in hits] == [(2, "İLHAM ALİYEV")]


def test_phrase_across_line_break_and_hyphen():
    assert [h["match"] for h in kwic(TEXTS, "south caucasus")] == ["South\nCaucasus", "south caucasus"]
    assert [h["match"] for h in kwic(TEXTS, "nagorno karabakh")] == ["Nagorno-Karabakh"]


def test_regex_metacharacters_are_literal():
    assert [h["match"] for h in kwic(TEXTS, "u.s.")] == ["U.S."]
    assert kwic(["usas is not u.s."], "u.s")[0]["start"] == 12  # "." does not match any character
    assert [h["match"] for h in kwic(TEXTS, "(brackets)")] == ["(brackets)"]
    assert [h["match"] for h in kwic(TEXTS, "c++")] == ["c++"]
    assert kwic(TEXTS, "[") == [] and kwic(TEXTS, "a|b") == []


def test_curly_apostrophe_matches_straight():
    assert [h["match"] for h in kwic(["Russia's and Russia’s"], "russia’s")] == ["Russia's", "Russia’s"]


def test_context_is_cut_at_word_boundaries():
    text = "alpha bravo charlie delta echo foxtrot golf"
    (hit,) = kwic([text], "delta", width=10)
    # left window "vo charlie " (10 chars before "delta" start at 20 -> from 10 = "o charlie ") starts mid-word:
    # the partial "o" is dropped. right window " echo foxt" ends mid-word: cut back to " echo".
    assert hit["left"] == "charlie "
    assert hit["right"] == " echo"
    assert hit["left"] + hit["match"] + hit["right"] in text


def test_context_collapses_whitespace():
    (hit,) = kwic(["one\n\ntwo   three four"], "three", width=20)
    assert hit["left"] == "one two "


def test_limit_and_row_order():
    hits = kwic(["x y x", "x"], "x", limit=2)
    assert [(h["row"], h["start"]) for h in hits] == [(0, 0), (0, 4)]
    assert len(kwic(["x y x", "x"], "x")) == 3
    assert kwic(["x"], "x", limit=0) == []


def test_blank_term_and_empty_texts():
    assert kwic(TEXTS, "   ") == []
    assert kwic([], "russia") == []
    assert kwic(["", None], "russia") == []


def test_result_keys():
    (hit,) = kwic(["Baku and Moscow"], "moscow")
    assert hit == {"row": 0, "start": 9, "end": 15, "left": "Baku and ", "match": "Moscow", "right": ""}
