"""Who states a figure travels with the mention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.judge import attribution
from checker.judge.attribution import source_of


@pytest.mark.parametrize("sentence, source", [
    ("At least 14 people were killed, the national seismology agency said.", "national seismology agency"),
    ("According to police, the robbers took jewels worth 60 million euros.", "police"),
    ("The regional observatory put it at 5.6.", "regional observatory"),
    ("The quake measured 5.9, said the agency.", "agency"),
    ("Police said 12 people were arrested.", "Police"),
    ("The magnitude was 5.9, according to the US Geological Survey.", "US Geological Survey"),
    ("At least 14 people died, officials said.", "officials"),
    ('"We found 12 bodies," a rescue worker said.', "rescue worker"),
    ("The toll rose to 57 on Monday, the health ministry told Reuters.", "health ministry"),
    ("The company said on Wednesday it would pay $6.8 billion.", "company"),
    ("The quake killed 14 people.", None),
    ("He said it lasted 40 seconds.", None),
    ("They said 300 homes were damaged.", None),
    # a joining word after the comma is not part of the name
    ("The toll stands at 40, but officials said it could rise.", "officials"),
    ("It killed 12, and rescuers said more were trapped.", "rescuers"),
    ("Five died, while the ministry reported 15.", "ministry"),
])
def test_the_source_of_a_sentence(sentence, source):
    assert source_of(sentence) == source


# -- a pattern is tried only when a word it needs is there -------------------------------
_WORDS = ["the", "agency", "police", "said", "Said", "says", "told", "reporters", "reported", "estimated", "put", "puts",
          "it", "at", "placed", "measured", "recorded", "according", "According", "to", "officials", "announced",
          "noted", "warned", "added", "stated", "confirmed", "5.6", ",", ";", ".", '"', "”", "and", "Reuters", "on"]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from([" ", ", ", " \n"]))
def test_a_sentence_a_pattern_matches_holds_a_word_it_needs(words, glue):
    sentence = glue.join(words)
    for pattern, needed in zip(attribution._PATTERNS, attribution.NEEDED):
        if pattern.search(sentence):
            assert any(word in sentence.lower() for word in needed), (pattern.pattern, sentence)
