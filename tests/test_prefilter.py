"""The prefilter asked of all of an event's fields at once says what asking each would."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules.load import load_rule_folders
from checker.read.text import words_among, words_of
from checker.rules.model import prefilter
from checker.rules.proximity import Cues

ROOT = Path(__file__).resolve().parent.parent
RULES = [
    load_rule_folders([str(ROOT / "rules"), "builtin:common"]),
    *(load_rule_folders([str(folder)]) for folder in sorted((ROOT / "tests/corpora").glob("*/rules"))),
]
FIELD_SETS = [rules.for_event(event) for rules in RULES for event in {f.event for f in rules.fields}]
VOCABULARY = sorted(
    {w for fields in FIELD_SETS for f in fields for p in f.patterns for w in p.needed}
    | {w for fields in FIELD_SETS for f in fields for cues in (f.near, f.only_in) if cues for w in cues.keywords}
    | {"the", "said", "on", "monday", "people"}
)


PREFILTERS = {}  # one per field set, across examples: what it remembers is asked too


@settings(max_examples=1000)
@given(st.sampled_from(FIELD_SETS), st.frozensets(st.sampled_from(VOCABULARY), max_size=12) | st.frozensets(
    st.sampled_from(VOCABULARY[:12]), max_size=4,  # few words: answers asked again
))
def test_the_prefilter_keeps_exactly_the_fields_that_could_match(fields, words):
    chosen = PREFILTERS.setdefault(tuple(map(id, fields)), prefilter(fields))
    assert chosen.live(words) == [f for f in fields if f.could_match(words)]
    assert chosen.live(words | {"unasked"}) == chosen.live(words)


def test_a_sentence_of_none_of_their_words_asks_no_field():
    fields = RULES[0].for_event("blinken-china-2024")
    assert prefilter(fields).live(frozenset({"weather", "sunny", "the"})) == []
    talks = prefilter(fields).live(frozenset({"talks", "with", "wang", "yi", "killed"}))
    assert [f.id for f in talks] == ["wang-yi-talks-duration", "death-toll"]


CUE_PHRASES = sorted({p for fields in FIELD_SETS for f in fields for cues in (f.near, f.not_near, f.only_in) if cues for p in cues.words})
FILLER = ["the", "said", "to", "from", "their", "in", "people", "were", "moved", "homes", "on", "Monday", ","]


@settings(max_examples=500)
@given(st.sampled_from(CUE_PHRASES), st.lists(st.sampled_from(FILLER), max_size=8), st.lists(st.sampled_from(FILLER), max_size=8))
def test_a_sentence_holding_a_cue_passes_the_cue_prefilter(phrase, before, after):
    sentence = " ".join([*before, phrase, *after])
    cues = Cues((phrase,))
    assert cues.regex.search(sentence)
    assert cues.could_match(words_of(sentence))


def test_a_cue_phrase_is_looked_for_by_its_rarest_word():
    """Its longest word: "from their homes" is no reason to read every sentence with "from"."""
    cues = Cues(("from their homes", "moved to shelters", "fled"))
    assert cues.keywords == {"homes", "shelters", "fled"}
    assert not cues.could_match(words_of("Officials from the ministry said 12 people were killed."))


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("aZ_09 .,-'\t\n\x00\x7f\x80éİß"), max_size=60) | st.text(max_size=60))
def test_a_texts_words_are_its_runs_of_word_characters_in_lower_case(text):
    """ASCII text takes a faster way to its words than the others: the same words."""
    assert words_of(text) == frozenset(re.findall(r"\w+", text.lower()))


NAMING = [f for fields in FIELD_SETS for f in fields if f.choices]
SEPARATORS = [" ", "  ", "-", "\n", " - "]


@settings(max_examples=500)
@given(st.sampled_from(NAMING), st.data(), st.lists(st.sampled_from(FILLER), max_size=6))
def test_a_sentence_holding_a_choice_phrase_passes_the_choice_prefilter(field, data, filler):
    """Whatever case and separators a choice phrase is written with, a sentence holding it may name the choice."""
    phrase = data.draw(st.sampled_from([s for _, names in field.choices for s in names]))
    words = [data.draw(st.sampled_from([w, w.upper(), w.title()])) for w in phrase.split()]
    written = "".join(w + data.draw(st.sampled_from(SEPARATORS)) for w in words[:-1]) + words[-1]
    sentence = " ".join([*filler, written, "."])
    assert re.search(field.choice_regex, sentence, re.IGNORECASE)
    assert field.could_name(words_of(sentence))


def test_every_choice_read_in_the_corpora_passes_the_choice_prefilter():
    """No sentence of the project's corpora where a pattern reads a choice is passed over."""
    from checker.judge.extract import _slot_regex
    from checker.load.corpus import load_corpus
    from checker.read.text import split_sentences

    corpora = [ROOT / "seeds", *(f for f in sorted((ROOT / "tests/corpora").glob("*/corpus")))]
    sentences = [s.text for c in corpora for a in load_corpus(c).articles for s in split_sentences(a.text)]
    read = 0
    for field in NAMING:
        for sentence in sentences:
            if any(_slot_regex(p, field.choice_regex, not field.kind.single).search(sentence) for p in field.patterns):
                read += 1
                assert field.could_name(words_of(sentence)), (field.id, sentence)
    assert read > 5  # the corpora read choices: the test asks something


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("aZ_09 .,-'\n\x80éİ"), max_size=60) | st.text(max_size=60),
       st.frozensets(st.sampled_from(["a", "z", "az", "_", "0", "9", "é", "i̇", "visit", ""]), max_size=5))
def test_a_texts_words_among_some_are_its_words_in_them(text, among):
    assert words_among(text, among) == words_of(text) & among


@settings(max_examples=300)
@given(st.sampled_from(FIELD_SETS), st.lists(st.sampled_from(VOCABULARY + FILLER + ["U.S.", "top", "supplier"]), max_size=14))
def test_the_words_a_sentence_is_asked_about_pick_the_fields_all_its_words_pick(fields, words):
    """A sentence's words are narrowed to those the fields ask about before they are asked."""
    sentence = " ".join(words)
    chosen = PREFILTERS.setdefault(tuple(map(id, fields)), prefilter(fields))
    asked = chosen.words_in(sentence)
    assert chosen.live(asked) == chosen.live(words_of(sentence))
    assert all(f.could_name(asked) == f.could_name(words_of(sentence)) for f in fields)


@settings(max_examples=200)
@given(st.sampled_from(["top supplier", "largest supplier", "key supplier", "primary contributor"]), st.data())
def test_a_choice_written_with_letters_lower_case_does_not_tell_is_still_read(phrase, data):
    """"İ", "ſ" and the Kelvin sign match "i", "s" and "k" ignoring case, but are other letters in lower case:
    a sentence that is not ASCII is read for its choices whatever its words say."""
    from checker.judge.extract import _named

    field = next(f for f in RULES[0].fields if f.id == "supplier-rank")
    odd = {"i": "İ", "s": "ſ", "k": "\u212a"}
    written = "".join(data.draw(st.sampled_from([c, odd[c]])) if c in odd else c for c in phrase)
    sentence = f"China is the {written} of its war machine."
    chosen = PREFILTERS.setdefault(("supplier-rank",), prefilter((field,)))
    assert [claim.names for _, _, claim in _named(field, sentence, chosen.words_in(sentence))] == [
        frozenset({"top" if phrase in ("top supplier", "largest supplier", "primary contributor") else "major"})
    ]
