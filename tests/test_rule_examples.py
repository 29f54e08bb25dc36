"""Every example in rules/ and examples/*/rules/ runs as a test, so a broken rule fails CI."""

from pathlib import Path

import pytest

from checker.rules.load import load_rule_folders
from checker.judge.ruletests import run_example

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rule_folders(
    [str(ROOT / "rules"), *(str(p) for p in sorted((ROOT / "examples").glob("*/rules")))]
)
CASES = [(f, e) for f in RULES.fields for e in f.examples]


def test_every_field_has_examples():
    assert all(f.examples for f in RULES.fields)


@pytest.mark.parametrize(
    "field, example", CASES, ids=[f"{f.id}:{e.location.line}" for f, e in CASES]
)
def test_rule_example(field, example):
    outcome = run_example(field, example)
    assert outcome.passed, f"{example.location}: expected {example.value!r}, got {outcome.got}"
