"""Money in different currencies: compared through the rates a rule declares, never guessed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.rules.load import load_rules

RULE = """\
event: jewel-heist
fields:
  - id: loot
    type: money
    unit: USD
    patterns: ["stole {value}", "took {value}"]
{rates}
"""
RATES = """\
    rates:
      EUR: 1.08
      GBP: 1.27
      as_of: 2024-04-26
      tolerance: 2%
"""


def judged(tmp_path: Path, texts: dict[str, str], rates: str = RATES):
    """The loot field's result for a corpus of these articles."""
    corpus = tmp_path / "corpus" / "jewel-heist"
    corpus.mkdir(parents=True)
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULE.replace("{rates}", rates), encoding="utf-8")
    (result,) = check(load_rules(tmp_path / "rules.yaml"), load_corpus(tmp_path / "corpus"))
    return result


def run(tmp_path: Path, texts: dict[str, str], rates: str = RATES) -> tuple[str, list]:
    result = judged(tmp_path, texts, rates)
    return result.verdict, [g for g in result.groups]


@pytest.mark.parametrize(
    "rates, other, verdict",
    [
        (RATES, "Thieves took €4 million in jewels.", "compatible"),  # 4.32m USD, give or take 2%
        (RATES, "Thieves took €10 million in jewels.", "conflict"),
        (RATES, "Thieves took £3.4 million in jewels.", "compatible"),  # 4.318m USD
        ("", "Thieves took €4 million in jewels.", "not-comparable"),  # no rates: never a conflict
        (RATES, "Thieves took 40 million rand in jewels.", "not-comparable"),  # no rate for ZAR
    ],
)
def test_currencies_compare_through_declared_rates(tmp_path, rates, other, verdict):
    got, _ = run(tmp_path, {"a.txt": "Thieves stole $4.3 million in jewels.", "b.txt": other}, rates)
    assert got == verdict


def test_one_article_in_two_currencies_is_one_value_with_rates(tmp_path):
    got, _ = run(tmp_path, {
        "a.txt": "Thieves stole $4.3 million. Police said they took €4 million.",
        "b.txt": "Thieves took $4.3 million in jewels.",
    })
    assert got == "agree"  # €4 million is $4.32 million give or take 2%: together, $4.3 million


@pytest.mark.parametrize(
    "rates, message",
    [
        ("    rates: {EUR: -1}", "the rate of EUR must be a positive number"),
        ("    rates: {XYZ: 1.1}", "unknown currency 'XYZ'"),
        ("    rates: {EUR: 1.1, tolerance: lots}", 'the tolerance of rates is a percentage like "2%"'),
        ("    rates: {as_of: yesterday, EUR: 1.1}", "as_of must be a date like 2024-04-26"),
    ],
)
def test_bad_rates_are_refused_with_their_place(tmp_path, rates, message):
    from checker.errors import InputError

    (tmp_path / "rules.yaml").write_text(RULE.replace("{rates}", rates), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_rules(tmp_path / "rules.yaml")
    assert message in str(error.value) and str(error.value).startswith(f"{tmp_path / 'rules.yaml'}:7:")


def test_rates_belong_to_money_fields(tmp_path):
    from checker.errors import InputError

    (tmp_path / "rules.yaml").write_text(textwrap.dedent("""\
        fields:
          - id: dead
            type: count
            near: [killed]
            rates: {EUR: 1.1}
        """), encoding="utf-8")
    with pytest.raises(InputError, match="`rates` convert currencies for a money field; a count field takes none"):
        load_rules(tmp_path / "rules.yaml")


def test_a_converted_value_is_shown_with_its_conversion(tmp_path):
    texts = {"a.txt": "Thieves stole €1.5 million in jewels.", "b.txt": "They took $1.6 million in jewels."}
    result = judged(tmp_path, texts)
    shown = [result.field.kind.show(result.field, v.claim) for v in result.values]
    assert shown == ["EUR 1.5 million ≈ USD 1.62 million", "USD 1.6 million"]


@pytest.mark.parametrize("text, expected, passes", [
    ("Thieves stole £1.5 million in jewels.", 1_905_000, True),  # 1.5 million × 1.27
    ("Thieves stole £1.5 million in jewels.", 1_500_000, False),  # the figure in pounds is not dollars
    ("Thieves stole €10.0 million in jewels.", {"low": 10_500_000, "high": 11_200_000}, False),
    ("Thieves stole €10.0 million in jewels.", 10_800_000, True),
])
def test_an_example_in_another_currency_is_compared_after_conversion(tmp_path, text, expected, passes):
    from checker.judge.ruletests import run_example
    from checker.rules.model import Example

    (tmp_path / "rules.yaml").write_text(RULE.replace("{rates}", RATES), encoding="utf-8")
    (field,) = load_rules(tmp_path / "rules.yaml").fields
    example = Example(text, expected, None, field.location)
    assert run_example(field, example).passed is passes
