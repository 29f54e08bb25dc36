"""Verdicts across outlets: a self-contradicting article is flagged, never
swallows the field, and takes part with each of its values; equal figures
agree whatever approximation word one carries. Checked through every report
format, and as properties (hypothesis)."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.judge.compare import judge
from checker.judge.extract import extract
from checker.load.corpus import Article
from checker.report import baseline
from checker.report.formats import render
from checker.rules.load import load_rule_file

RULES = {
    "event": "summit",
    "fields": [
        {"id": "aid", "type": "money", "unit": "USD", "near": ["aid"]},
        {"id": "deaths", "type": "count", "near": ["killed"]},
        {"id": "talks", "type": "duration", "unit": "hour", "near": ["talks"]},
    ],
}


@pytest.fixture(scope="module")
def fields(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "summit.yaml"
    path.write_text(yaml.safe_dump(RULES, sort_keys=False), encoding="utf-8")
    return {f.id: f for f in load_rule_file(path, str(path))}


def verdict_of(field, said: list[str]):
    articles = tuple(
        Article(f"outlet-{n}.txt", f"Outlet {n}", "summit", text, None, "manifest")
        for n, text in enumerate(said, 1)
    )
    mentions = tuple(m for a in articles for m in extract(a, (field,)))
    return judge("summit", field, articles, mentions)


AGREEING_WITH_ONE_LIAR = [
    "Congress approved $61 billion in aid. Later, a spokesman put the aid at $16 billion.",
    "The bill holds $61 billion in aid for Kyiv.",
    "Lawmakers passed $61 billion in aid.",
]


def test_an_article_that_contradicts_itself_does_not_swallow_the_field(fields):
    result = verdict_of(fields["aid"], AGREEING_WITH_ONE_LIAR)
    assert result.verdict == "agree"
    assert [v.outlet for v in result.contradicting] == ["Outlet 1"]
    assert result.values[0].claim == result.values[1].claim  # it took part with $61 billion
    assert result.is_discrepancy and result.fails("error")


def test_the_self_contradiction_is_shown_in_every_format(fields):
    result = verdict_of(fields["aid"], AGREEING_WITH_ONE_LIAR)
    table = render((result,), "table")
    assert "USD 61 billion ≠ USD 16 billion" in table
    assert "aid: Outlet 1 contradicts itself: \"$61 billion\" (line 1); \"$16 billion\" (line 1)" in table
    entry = json.loads(render((result,), "json"))["results"][0]
    liar = entry["articles"][0]
    assert entry["verdict"] == "agree" and liar["self_contradiction"] is True
    assert [v["value"] for v in liar["values"]] == [61e9, 16e9]
    lines = render((result,), "lines").splitlines()
    assert lines == ["outlet-1.txt:1:73: aid: $16 billion here, but $61 billion at outlet-1.txt:1:19 in the same article"]
    assert baseline.entry(result) == baseline.Entry("summit", "aid", "self-contradiction", ("USD 16 billion", "USD 61 billion"))


def test_an_outlet_alone_that_contradicts_itself_is_the_fields_verdict(fields):
    result = verdict_of(fields["aid"], AGREEING_WITH_ONE_LIAR[:1])
    assert result.verdict == "self-contradiction"


def test_a_self_contradicting_article_conflicts_when_none_of_its_values_fits(fields):
    said = ["Congress approved $61 billion in aid. Later the aid was put at $16 billion.", "It holds $95 billion in aid."]
    result = verdict_of(fields["aid"], said)
    assert result.verdict == "conflict" and len(result.groups) == 2


def test_a_conflict_between_other_outlets_still_shows(fields):
    said = [*AGREEING_WITH_ONE_LIAR[:2], "It holds $95 billion in aid."]
    result = verdict_of(fields["aid"], said)
    assert result.verdict == "conflict"
    assert "conflict (error): USD 61 billion — Outlet 1, Outlet 2; vs USD 95 billion — Outlet 3" in render((result,), "table")


# -- properties ------------------------------------------------------------------
FIGURES = st.integers(min_value=2, max_value=400)


def killed(n: int) -> str:
    return f"{n} people were killed."


@settings(max_examples=60, deadline=None)
@given(st.lists(FIGURES, min_size=2, max_size=5), FIGURES)
def test_a_second_statement_takes_part_as_one_more_value(fields, figures, extra):
    """Adding a contradicting statement to one article gives the best verdict
    either of its values gives with the others: never a swallowed field."""
    field = fields["deaths"]
    first, *others = figures
    if extra == first:
        extra += 1
    said_others = [killed(n) for n in others]
    with_first = verdict_of(field, [killed(first), *said_others]).verdict
    with_extra = verdict_of(field, [killed(extra), *said_others]).verdict
    both = verdict_of(field, [f"{killed(first)} Officials later said {extra} people were killed.", *said_others])
    rank = ["agree", "compatible", "conflict"]
    assert both.verdict == min(with_first, with_extra, key=rank.index)
    assert [v.outlet for v in both.contradicting] == ["Outlet 1"]


@settings(max_examples=60, deadline=None)
@given(FIGURES, st.sampled_from(["about", "approximately", "around", "some", "roughly"]),
       st.sampled_from(["deaths", "aid", "talks"]))
def test_a_figure_and_the_same_figure_with_about_agree(fields, n, word, field_id):
    said = {
        "deaths": lambda q: f"{q}{n} people were killed.",
        "aid": lambda q: f"They pledged {q}${n} million in aid.",
        "talks": lambda q: f"The talks lasted {q}{n} hours.",
    }[field_id]
    assert verdict_of(fields[field_id], [said(""), said(word + " ")]).verdict == "agree"


NOT_ROUND = st.integers(min_value=11, max_value=99).filter(lambda n: n % 10)


@settings(max_examples=60, deadline=None)
@given(NOT_ROUND, NOT_ROUND)
def test_billions_conflict_unless_they_are_the_same_figure(fields, a, b):
    """"$61 billion" is 60.5 up to 61.5 billion: two such figures never overlap."""
    said = [f"Congress approved ${a} billion in aid.", f"Congress approved ${b} billion in aid."]
    assert verdict_of(fields["aid"], said).verdict == ("agree" if a == b else "conflict")


@pytest.mark.parametrize("a, b, verdict", [
    ("$14 billion", "$14.3 billion", "compatible"),
    ("$50 billion", "$48 billion", "compatible"),  # a round figure may be rounding: within 5 %
    ("$50 billion", "$47 billion", "conflict"),
    ("$5 million", "$6 million", "conflict"),  # 4.5 up to 5.5 million: no overlap
    ("$2.5m", "$2.54 million", "compatible"),
])
def test_money_stands_for_what_it_rounds(fields, a, b, verdict):
    said = [f"Congress approved {a} in aid.", f"Congress approved {b} in aid."]
    assert verdict_of(fields["aid"], said).verdict == verdict
