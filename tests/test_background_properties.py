"""A paragraph about an earlier event, added to any article, never changes a verdict (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.judge import background
from checker.judge.check import check
from checker.load.corpus import Corpus, load_corpus
from checker.rules.load import load_rules

CORPORA = Path(__file__).parent / "corpora"
EVENTS = ["kelapi-quake", "merriden-quillon", "hallebrand-heist"]
_LOADED = {name: (load_rules(CORPORA / name / "rules"), load_corpus(CORPORA / name / "corpus")) for name in EVENTS}

PARAGRAPHS = [
    "In {year}, a magnitude-{m} quake near the capital killed more than {n:,} people and injured {k:,}.",
    "Last year, a {m}-magnitude quake struck at a depth of {d} km, killing at least {n} people.",
    "The {year} quake, which struck at a depth of {d} kilometres, left {n} people dead and {k} injured.",
    "Back in {year}, a drugmaker paid ${b} billion for a rival, a premium of {p}%, and cut {n:,} jobs.",
    "In {year}, {r} robbers stole jewels worth {x} million euros from the same museum in {mins} minutes.",
    "A decade ago, {r} men took {x} million euros in paintings; {n} people were hurt.",
]


@st.composite
def paragraphs(draw) -> str:
    template = draw(st.sampled_from(PARAGRAPHS))
    return template.format(
        year=draw(st.integers(1950, 2023)), m=f"{draw(st.integers(40, 95)) / 10:.1f}",
        n=draw(st.integers(2, 250_000)), k=draw(st.integers(2, 9_000)), d=draw(st.integers(5, 300)),
        b=draw(st.integers(1, 90)), p=draw(st.integers(5, 90)), r=draw(st.integers(2, 9)),
        x=draw(st.integers(1, 500)), mins=draw(st.integers(2, 59)),
    )


def verdicts(rules, corpus) -> dict[str, str]:
    return {r.field.id: r.verdict for r in check(rules, corpus)}


_BEFORE = {name: verdicts(*loaded) for name, loaded in _LOADED.items()}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(EVENTS), st.integers(0, 6), paragraphs(), st.booleans())
def test_a_background_paragraph_changes_no_verdict(name, which, paragraph, at_end):
    rules, corpus = _LOADED[name]
    article = corpus.articles[which % len(corpus.articles)]
    # after the headline and dateline, or at the end: where news copy puts background
    head, _, body = article.text.partition("\n\n")
    text = f"{article.text}\n\n{paragraph}\n" if at_end else f"{head}\n\n{paragraph}\n\n{body}"
    changed = Corpus(corpus.root, tuple(attrs.evolve(a, text=text) if a is article else a for a in corpus.articles))
    assert verdicts(rules, changed) == _BEFORE[name]


# -- the scan for earlier times is skipped only where it cannot match -------------------
_TIME_WORDS = ["two", "a", "an", "few", "several", "12", "years", "year", "decade", "Weeks", "month", "quarter", "day",
               "ago", "AGO", "earlier", "before", "previously", "later", "previous", "prior", "preceding", "the", "last",
               "Last", "summer", "Christmas", "season's", "fall", "in", "2010", ",", "."]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_TIME_WORDS), min_size=1, max_size=10))
def test_a_sentence_naming_an_earlier_time_holds_a_word_the_scan_needs(words):
    sentence = " ".join(words)
    if background._EARLIER.search(sentence):
        assert any(word in sentence.lower() for word in background.EARLIER_NEEDS)


_BOUNDARY_PIECES = st.sampled_from([
    " ", "  ", "\t", "\n", ",", ", ", " ,", ";", " ; ", ":", ": ", "(", ")", "[", "] ", " - ", " — ", "–", "-",
    "but", "While", "yet", "since", "Compared with", "vs.", "up from", "from", "about", "$", "5", "er", "higher",
    " than", "the", "a year", "word", "é",
])


@settings(max_examples=1000)
@given(st.lists(_BOUNDARY_PIECES, max_size=14).map("".join))
def test_clause_boundaries_are_found_where_their_patterns_alone_find_them(sentence):
    """The boundaries' regexes look at the first character before the rest: they match where the rest alone does."""
    import re

    for fast, body in ((background._SOFT, background._SOFT_BODY), (background._HARD, background._HARD_BODY)):
        alone = re.compile(body, re.IGNORECASE)
        assert [m.span() for m in fast.finditer(sentence)] == [m.span() for m in alone.finditer(sentence)]
