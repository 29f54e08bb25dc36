"""The fast scan for value starts (`candidates.starts`) finds exactly what
CANDIDATE's own scan finds, with and without measures: its trigger may
loosen a branch, never miss one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.read import candidates, clock, currencies, dategrammar, datespec, holidays, numbers
from checker.read.candidates import CANDIDATE, MEASURE_CANDIDATE, starts
from checker.read.units import DURATION_UNITS

ROOT = Path(__file__).resolve().parent.parent


def found(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def same_starts(text: str) -> None:
    assert found(starts(text)) == found(CANDIDATE.finditer(text))
    assert found(starts(text, measures=True)) == found(MEASURE_CANDIDATE.finditer(text))


# every word any branch starts with or looks ahead to, in the case it is listed in
VOCABULARY = sorted({
    *candidates._FIGURE_WORDS, *candidates._AFTER_A, *candidates._AFTER_RELATIVE, *candidates._RELATIVE_WORDS,
    *candidates._DATE_WORDS, *currencies.SORTED_CODES, *currencies.SIGNS, *datespec.MONTHS, *datespec.WEEKDAYS,
    *dategrammar.ORDINAL_DAYS, *holidays.NAMED_DAYS, *numbers.VAGUE, *DURATION_UNITS,
    *"a an another between the from in last next this early mid late earlier later beginning start middle end day of"
     " week minus negative now today yesterday tomorrow following previous preceding current final quarter year"
     " month days weeks months years preliminary revised initial updated Richter magnitude M Mw ML Ms midnight noon"
     " midday shortly just soon right little some time about around approximately roughly nearly almost after"
     " before by at twenty thirty said people Reuters New St".split(),
})
SEPARATORS = [" ", "  ", "\n", "-", "–", ", ", ". ", "'", "’", "$", "(", ")", "/", ":", "", "\t"]
FIGURES = ["5", "12", "1,200", "2024", ".5", "6.1", "7:30", "'90s", "½", "-3", "−4", "3rd", "1990s", "Q3", "R200", "M6.1"]


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.title(), word.lower())[how]


@settings(max_examples=3000, deadline=None)
@given(st.lists(
    st.one_of(
        st.tuples(st.sampled_from(VOCABULARY), st.integers(0, 3)).map(lambda t: _cased(*t)),
        st.sampled_from(FIGURES),
        st.sampled_from(SEPARATORS),
    ),
    max_size=14,
))
def test_the_fast_scan_finds_what_the_regex_finds(parts):
    same_starts(" ".join(parts))
    same_starts("".join(parts))


def _texts():
    for folder in ("seeds", "tests/corpora", "tests/cases", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".txt", ".md", ".yaml", ".jsonl") and path.is_file():
                yield path


@pytest.mark.parametrize("path", list(_texts()), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_fast_scan_finds_what_the_regex_finds_in_the_repository_texts(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    ascii_text = text.encode("ascii", "replace").decode()  # the fast scan reads ASCII text
    same_starts(text)
    same_starts(ascii_text)


def test_a_text_beyond_ascii_is_scanned_by_the_regex_itself():
    text = "Les 5 € de l'État: 12 people in İzmir on Monday."
    same_starts(text)


def test_most_words_start_nothing():
    """The trigger is worth having: in plain prose it holds at few words besides the values' own starts."""
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    words = len(re.findall(r"\b\w", text))
    triggered = len(candidates._TRIGGER.findall(text.lower()))
    assert triggered < words / 4
