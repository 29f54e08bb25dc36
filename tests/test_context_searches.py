"""Words searched for in every sentence (the tense words of
`values._FirstEnds`, earlier times and "now" for background, the days a lead
names): the faster ways they are searched find what the plain regexes find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.judge import background, leaddays
from checker.read.context import FUTURE, LOOKS_BACK, PAST
from checker.read.values import _first_end, _FirstEnds

# words each regex knows, in several cases, and the look-alikes around them
_WORDS = [
    "will", "WILL", "Will", "he'll", "'ll", "shall", "won't", "is expected to", "Are Due To", "set for",
    "plans to", "going to", "Upcoming", "coming", "willing", "was", "WAS", "were", "said", "rose",
    "needed", "speed", "planned", "biggest", "largest", "first", "record", "stated", "redo", "Ed",
    "Istanbul", "İstanbul", "ſo", "K", "naïve", "café", "1,200", "2024", "(", ")", "-", "'", "_was",
    "two", "A Few", "years", "AGO", "earlier", "Last", "summer's", "the previous", "Week", "before", "decade",
    "now", "So far", "TODAY", "currently", "January", "FRI", "Sept", "2024-04-26", "3/4", "yesterday", "tonight",
]
_SENTENCES = st.lists(st.sampled_from(_WORDS), max_size=10).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", ", ", "\n", "-"]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(w + g for w, g in zip(words, gaps))
    )
)


def _with_word_boundary(regex: re.Pattern) -> re.Pattern:
    """The regex as it would be written with a leading \\b."""
    assert regex.pattern.startswith("(?<!\\w)")
    return re.compile("\\b" + regex.pattern[len("(?<!\\w)"):], regex.flags)


@settings(max_examples=1000)
@given(_SENTENCES, st.sampled_from(["future", "earlier", "now", "day"]))
def test_a_case_blind_search_finds_what_the_regex_ignoring_case_finds(sentence, name):
    searched = {"future": FUTURE, "earlier": background._EARLIER, "now": background._NOW, "day": leaddays._DAY_WORD}[name]
    assert [m.span() for m in searched.finditer(sentence)] == [m.span() for m in searched.regex.finditer(sentence)]
    found = searched.search(sentence)
    assert (found and found.span()) == ((m := searched.regex.search(sentence)) and m.span())


@settings(max_examples=1000)
@given(_SENTENCES)
def test_past_and_looking_back_words_are_found_as_with_a_word_boundary(sentence):
    ends = _FirstEnds(sentence)
    assert ends.past == _first_end(_with_word_boundary(PAST), sentence)
    assert ends.looks_back == _first_end(_with_word_boundary(LOOKS_BACK), sentence)


def test_examples():
    assert _FirstEnds("They WILL meet.").future == len("They WILL")
    assert [m.span() for m in background._EARLIER.finditer("Two Years Ago, it fell.")] == [(0, 13)]
    assert _FirstEnds("The İstanbul talks will end.").future == len("The İstanbul talks will")
    assert _FirstEnds("Nothing more.").future == float("inf")
    assert _FirstEnds("It was over.").past == len("It was")
    assert _FirstEnds("the_was here").past == float("inf")
