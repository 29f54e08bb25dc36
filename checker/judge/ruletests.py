"""Rule examples as tests: each example's text must give its expected value."""

from __future__ import annotations

import attrs

from checker.judge.compare import combine
from checker.judge.extract import extract
from checker.load.corpus import Article
from checker.read.text import normalize
from checker.rules.model import Example, Field, RuleSet


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
        got = "self-contradiction: " + ", ".join(field.kind.show(field, m.claim) for m in mentions)
        return Outcome(field, example, False, got)
    if claim is None and mentions:
        return Outcome(field, example, False, "(unresolved: give the example a ref_date)")
    got = field.kind.show(field, claim) if claim else "no match"
    return Outcome(field, example, _matches(field, claim, example.value), got)


def run_all(rules: RuleSet) -> tuple[Outcome, ...]:
    return tuple(run_example(f, e) for f in rules.fields for e in f.examples)


def _matches(field: Field, claim, expected) -> bool:
    if expected is None:
        return claim is None
    return claim is not None and field.kind.matches(field, claim, expected)
