"""`counting:` a count field takes a figure only when it counts one of the nouns."""

from __future__ import annotations

import textwrap

import pytest

from checker.errors import InputError
from checker.rules.load import load_rule_file
from checker.judge.ruletests import run_example

RULE = """\
fields:
  - id: people-displaced
    type: count
    near: [displaced, evacuated, fled]
    counting: [people, villagers, residents, them, families]
    examples:
      - text: "The flood displaced 24 people and cut off 12 villages."
        value: 24
      - text: "Some 12 villages were evacuated."
        value: null
      - text: "Officials evacuated two dozen villagers on Monday."
        value: 24
      - text: "Of the 300 residents, 24 of them fled."
        value: 24
      - text: "The storm displaced 24 more families."
        value: 24
      - text: "The army evacuated 40 soldiers."
        value: null
"""


@pytest.fixture
def field(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(RULE, encoding="utf-8")
    (field,) = load_rule_file(path, str(path))
    return field


def test_counting_examples(field):
    outcomes = [run_example(field, e) for e in field.examples]
    assert [(o.example.text, o.passed) for o in outcomes] == [(o.example.text, True) for o in outcomes], [
        (o.example.text, o.got) for o in outcomes if not o.passed
    ]


def test_counting_belongs_to_count_fields(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent("""\
        fields:
          - id: aid
            type: money
            near: [pledged]
            counting: [dollars]
        """), encoding="utf-8")
    with pytest.raises(InputError, match=r"rules.yaml:5:5: `counting` names what a count counts; a money field takes none"):
        load_rule_file(path, str(path))
