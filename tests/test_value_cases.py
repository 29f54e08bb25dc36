"""Value cases kept as data: tests/cases/*.yaml, one file per kind of value.

Each case is a text and the values `claimcheck values --format jsonl` must
give for it, in docs/design.md's JSON (text, type, value, and low/high where the
value is an interval). An expected value names only the keys it checks;
its span is where its text stands in the case's text (or `start`, when the
text occurs more than once). `values: []` means the text holds no value.
A file with `measures: true` also reads quantities, magnitudes and times of
day, as a field of those types would; its `timezone` places local times.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
import yaml

from checker.report.show import value_json
from checker.read.text import normalize, split_sentences
from checker.read.values import find_values, values_in

CASES = Path(__file__).parent / "cases"
DEFAULT_REF = dt.date(2024, 4, 26)  # a Friday


def _load():
    for path in sorted(CASES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        ref = document.get("ref_date", DEFAULT_REF)
        how = Reading(document.get("measures", False), document.get("timezone"))
        for number, case in enumerate(document["cases"], 1):
            yield pytest.param(case, case.get("ref_date", ref), how, id=f"{path.stem}-{number}")


@attrs.frozen
class Reading:
    measures: bool = False
    zone: str | None = None


def values_of(text: str, ref: dt.date | None, how: Reading = Reading()) -> list[dict]:
    """What `claimcheck values` reports for `text`, sentence by sentence."""
    return [
        {**value_json(v, how.zone), "text": text[v.start : v.end]}
        for v in values_in(normalize(text), ref, how.measures)
    ]


def _same(expected, actual) -> bool:
    if isinstance(expected, str) and isinstance(actual, float):
        expected = float(expected)  # YAML 1.1 reads 61e9 as a string
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(_same(v, actual.get(k)) for k, v in expected.items())
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(actual, (int, float)) and actual == pytest.approx(expected, rel=1e-9)
    if isinstance(expected, dt.date):
        return actual == expected.isoformat()
    return expected == actual


@pytest.mark.parametrize("case, ref, how", list(_load()))
def test_value_case(case, ref, how):
    text = case["text"]
    got = values_of(text, ref, how)
    expected = case["values"]
    assert [v["text"] for v in got] == [e["text"] for e in expected], got
    for want, have in zip(expected, got):
        start = want.get("start", text.find(want["text"]))
        assert (have["start"], have["end"]) == (start, start + len(want["text"]))
        checked = {k: v for k, v in want.items() if k not in ("text", "start")}
        assert _same(checked, have), f"expected {checked}, got {have}"


def test_there_are_enough_cases():
    # The value layer's coverage is argued by these tables; keep them broad.
    cases = list(_load())
    assert len(cases) >= 300
    # quantities, magnitudes and times of day, across units and zones
    assert sum(1 for case in cases if case.values[2].measures) >= 250


@pytest.mark.parametrize("case, ref, how", list(_load()))
def test_skipping_dates_never_changes_the_other_values(case, ref, how):
    # When no field wants dates, date words without a figure nearby are not read;
    # every other value must come out the same.
    def others(dates: bool):
        return [
            (v.type, v.start, v.end, v.interval())
            for s in split_sentences(normalize(case["text"]))
            for v in find_values(s.text, ref, offset=s.start, dates=dates, measures=how.measures)
            if v.type not in ("date", "date-range", "time")  # a time takes its day from a date
        ]

    assert others(dates=False) == others(dates=True)
