"""The tokenizer and the term analyzer fed to CountVectorizer."""

from hypothesis import given
from hypothesis import strategies as st

from corpuslens.tokens import terms, tokenize

STOP = frozenset({"the", "and", "of", "in", "a", "to", "is"})


def test_tokenize_folds_and_keeps_hyphenated_words():
    assert tokenize("Nagorno-Karabakh and the CSTO") == ["nagorno-karabakh", "and", "the", "csto"]


def test_tokenize_drops_possessive_s_with_either_apostrophe():
    assert tokenize("Russia's role, Aliyev’s visit") == ["russia", "role", "aliyev", "visit"]


def test_tokenize_keeps_internal_apostrophes_as_plain_quote():
    assert tokenize("don’t O'Brien") == ["don't", "o'brien"]


def test_tokenize_non_ascii_letters_and_turkish_dotted_i():
    assert tokenize("İlham Əliyev, Bakı; Путин") == ["ilham", "əliyev", "bakı", "путин"]


def test_tokenize_strips_quotes_dashes_and_underscores():
    assert tokenize("‘concern’ – “allied” -x- snake_case") == ["concern", "allied", "x", "snake", "case"]


def test_tokenize_numbers_and_alphanumerics():
    assert tokenize("the 102nd base, Kavkaz-2020, $4-billion, 2016") == [
        "the", "102nd", "base", "kavkaz-2020", "4-billion", "2016"
    ]


def test_terms_unigrams_then_phrases_of_adjacent_content_words():
    assert terms("The peace process in Nagorno-Karabakh", STOP) == [
        "peace", "process", "nagorno-karabakh", "peace process"
    ]


def test_terms_stopword_number_or_punctuation_breaks_a_phrase():
    # "russia and turkey": stopword between; "2020 war": number; "baku. moscow": full stop.
    assert terms("Russia and Turkey; 2020 war. Baku. Moscow", STOP) == [
        "russia", "turkey", "war", "baku", "moscow"
    ]


def test_terms_drop_single_characters_and_pure_numbers():
    assert terms("U.S. arms 1997 2016-2020 x", STOP) == ["arms"]


def test_terms_three_content_words_give_two_phrases():
    assert terms("Russian military base", STOP) == [
        "russian", "military", "base", "russian military", "military base"
    ]


def test_terms_is_deterministic_and_empty_safe():
    text = "Energy security and the Caspian pipeline route"
    assert terms(text, STOP) == terms(text, STOP)
    assert terms("", STOP) == [] and tokenize("") == []


@given(st.text())
def test_tokenize_never_returns_empty_or_spaced_tokens(text):
    for token in tokenize(text):
        assert token and not any(ch.isspace() for ch in token)


@given(st.text())
def test_terms_are_single_words_or_two_word_phrases(text):
    for term in terms(text, STOP):
        parts = term.split(" ")
        assert 1 <= len(parts) <= 2 and all(len(p) >= 2 and p not in STOP for p in parts)
