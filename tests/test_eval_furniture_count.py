"""How `make eval` decides that a labelled furniture line is still in the passages: a short line counts
only where it stands apart, never as the last word of an article sentence."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("measure", Path(__file__).resolve().parent.parent / "eval" / "measure.py")
measure = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(measure)


def test_a_short_line_ending_an_article_sentence_is_not_counted():
    passages = ["The comments were made while it asked the West to shift supply chains from China to India."]
    assert not measure.furniture_left("India", passages)
    assert not measure.furniture_left("the", ["Neither side has been able to impose its solution on the"])


def test_a_short_line_standing_apart_is_counted():
    assert measure.furniture_left("India", ["India"])
    assert measure.furniture_left("Advertisement", ["Advertisement The minister said on Monday that talks would resume."])
    assert measure.furniture_left("Share", ["The talks resume on Monday. Share"])
    assert measure.furniture_left("Menu", ["Menu | News | Politics"])


def test_a_short_line_glued_to_another_labelled_line_is_counted():
    neighbours = frozenset({"making borders", "irrelevant in kashmir"})
    assert measure.furniture_left("Making Borders", ["Making Borders irrelevant in Kashmir"], neighbours)
    assert measure.furniture_left("irrelevant in Kashmir", ["Making Borders irrelevant in Kashmir"], neighbours)


def test_a_long_line_counts_wherever_it_stands():
    assert measure.furniture_left("Sign up for our daily newsletter", ["Talks resume. sign up for our daily newsletter today"])
