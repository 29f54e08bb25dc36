"""Background detection as data: tests/background/*.yaml.

Each case is a sentence, the event's time (a day or "first..last"), the
article's publication date, and its figures split into those that are
background (about an earlier time) and those that are the event's. A figure
is named by text that occurs once in the sentence; the value read there is
checked. A case marked `known_miss` is one the rules get wrong today, kept so
that a fix shows (the test then fails until the mark is removed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.judge.background import reasons
from checker.read.datespec import DaySpan
from checker.read.dateresolve import iso_span
from checker.read.values import find_values

CASES = Path(__file__).parent / "background"


def _load():
    for path in sorted(CASES.glob("*.yaml")):
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"], 1):
            marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if "known_miss" in case else []
            yield pytest.param(case, id=f"{path.stem}-{number}", marks=marks)


def event_span(text) -> DaySpan:
    first, _, last = str(text).partition("..")
    start, end = iso_span(first), iso_span(last or first)
    return DaySpan(start.first, end.last, "range")


def background_figures(case) -> set[str]:
    sentence = case["sentence"]
    values = list(find_values(sentence, case["published"], measures=True))
    found = reasons(sentence, values, event_span(case["event"]))
    figures = set()
    for figure in case["background"] + case["event_values"]:
        at = sentence.index(figure)
        hit = [i for i, v in enumerate(values) if v.start <= at < v.end]
        assert hit, f"{figure!r} is not read as a value"
        if hit[0] in found:
            figures.add(figure)
    return figures


@pytest.mark.parametrize("case", list(_load()))
def test_background_case(case):
    assert background_figures(case) == set(case["background"]), case["sentence"]


def test_there_are_enough_background_cases():
    cases = list(_load())
    assert len(cases) >= 150
    assert sum(not c.values[0]["background"] for c in cases) >= 50  # negatives


def test_a_reason_names_the_anchor():
    sentence = "In 2010, a magnitude-7.0 quake near the capital killed more than 200,000 people."
    values = list(find_values(sentence, None, measures=True))
    found = reasons(sentence, values, event_span("2025-07-09"))
    assert set(found.values()) == {"2010"}
    assert reasons(sentence, values, None) == {}  # no event time: nothing is background


def test_clauses_are_found_across_long_runs_of_spaces():
    """A padded line (a table, a layout with spaces) is cut as any other; the
    boundaries are found from where a run of spaces starts, so the run is read
    once (quadratic scanning made 2,000 spaces take a minute and a half)."""
    from checker.judge.background import _clauses

    padded = "In 2010 " + " " * 20_000 + "x, y" + " " * 20_000 + "; z"
    clauses = _clauses(padded)
    assert [" ".join(padded[c.start : c.end].split()) for c in clauses] == ["In 2010 x", "y", "z"]
    assert [c.part for c in clauses] == [0, 0, 1]
