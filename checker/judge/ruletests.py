"""Rule examples as tests: each example's text must give its expected value."""

from __future__ import annotations

import datetime as dt
import math

import attrs

from checker.report import show
from checker.read import units
from checker.judge.compare import combine
from checker.load.corpus import Article
from checker.read.dates import iso_span
from checker.judge.extract import extract
from checker.rules.load import Example, Field, RuleSet, expected_instant
from checker.read.text import normalize
from checker.read.values import day_interval


@attrs.frozen(slots=True)
class Outcome:
    field: Field
    example: Example
    passed: bool
    got: str


def run_example(field: Field, example: Example) -> Outcome:
    article = Article(
        path=str(example.location.path), outlet="example", event=field.event or "example",
        text=normalize(example.text), ref_date=example.ref_date, ref_source="example",
    )
    mentions = extract(article, (field,))
    claim, contradicts = combine(field, mentions)
    if contradicts:  # what `check` would call a self-contradiction never passes
        got = "self-contradiction: " + ", ".join(show.claim(field, m.claim) for m in mentions)
        return Outcome(field, example, False, got)
    if claim is None and mentions:
        return Outcome(field, example, False, "(unresolved: give the example a ref_date)")
    got = show.claim(field, claim) if claim else "no match"
    return Outcome(field, example, _matches(field, claim, example.value), got)


def run_all(rules: RuleSet) -> tuple[Outcome, ...]:
    return tuple(run_example(f, e) for f in rules.fields for e in f.examples)


def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _at(got, expected: dt.datetime | dt.time) -> bool:
    """Whether a time's instants hold the expected instant, or the expected UTC time of day."""
    if got.high - got.low > 25 * 3600:  # a day, and the hour a clock change adds
        return False
    if isinstance(expected, dt.time):  # on either day the instants touch: "about 00:05 UTC"
        days = {dt.datetime.fromtimestamp(t, dt.timezone.utc).date() for t in (got.low, got.high)}
        return any(got.contains(dt.datetime.combine(d, expected, tzinfo=dt.timezone.utc).timestamp()) for d in days)
    return got.contains(expected.timestamp())


def _matches(field: Field, claim, expected) -> bool:
    if expected is None:
        return claim is None
    if claim is None:
        return False
    if field.type == "text":
        return claim.names == {expected}
    if field.type == "set":
        return claim.names == set(expected)
    if claim.interval is None:
        return False
    if field.type in ("date", "date-range"):
        span = iso_span(expected)
        got = claim.interval
        return span is not None and (got.low, got.high) == (day_interval(span).low, day_interval(span).high)
    if field.type == "time":
        return _at(claim.interval, expected_instant(expected))
    if field.type == "quantity":
        got = units.unit(field.unit).from_base(claim.interval)
    else:
        got = claim.interval.scale(1 / field.unit_factor)
    if field.type in ("quantity", "magnitude") and not isinstance(expected, dict):
        # a stated figure stands for its precision: "six miles" is 5.5-6.5 miles
        return math.isfinite(got.low) and math.isfinite(got.high) and got.contains(float(expected))
    if isinstance(expected, dict):
        low = expected.get("low")
        high = expected.get("high")
        low_ok = _close(got.low, low) if low is not None else got.low <= 0 or math.isinf(got.low)
        high_ok = _close(got.high, high) if high is not None else math.isinf(got.high)
        return low_ok and high_ok
    return got.is_point and _close(got.low, float(expected))
