"""`claimcheck test-rules` judges an example as `check` would judge the article."""

import textwrap

from checker.rules.load import load_rule_file
from checker.judge.ruletests import run_example


def field_from(tmp_path, yaml_text: str):
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    (field,) = load_rule_file(path, str(path))
    return field


def test_an_example_that_reads_two_different_figures_fails(tmp_path):
    field = field_from(tmp_path, """\
        fields:
          - id: pledge
            type: money
            unit: EUR
            near: [pledged]
            examples:
              - text: "The government pledged 4.5 million euros on Monday and pledged 2 million euros on Tuesday."
                value: 4.5e+6
        """)
    outcome = run_example(field, field.examples[0])
    assert not outcome.passed
    assert outcome.got.startswith("self-contradiction: EUR 4.5 million, EUR 2 million")


def test_a_relative_date_without_ref_date_says_so(tmp_path):
    field = field_from(tmp_path, """\
        fields:
          - id: crash
            type: date
            patterns: ["derailed on {value}"]
            examples:
              - text: "The train derailed on Tuesday."
                value: 2025-05-13
        """)
    outcome = run_example(field, field.examples[0])
    assert not outcome.passed and "ref_date" in outcome.got


def test_a_not_near_cue_as_near_as_the_near_cue_wins(tmp_path):
    field = field_from(tmp_path, """\
        fields:
          - id: deaths
            type: count
            near: [died]
            not_near: [hurt]
            examples:
              - text: "Nine people died and 64 were hurt."
                value: 9
        """)
    outcome = run_example(field, field.examples[0])
    assert outcome.passed, outcome.got


def test_a_utc_time_example_holds_across_midnight(tmp_path):
    field = field_from(tmp_path, """\
        fields:
          - id: struck
            type: time
            near: [struck]
            examples:
              - text: "The quake struck at about 00:05 GMT."
                value: "00:10"
                ref_date: 2025-03-14
              - text: "The quake struck at about 00:05 GMT."
                value: "00:30"
                ref_date: 2025-03-14
              - text: "The quake struck before noon GMT."
                value: "07:37"
                ref_date: 2025-03-14
        """)
    assert [run_example(field, e).passed for e in field.examples] == [True, False, True]
