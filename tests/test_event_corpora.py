"""Events reported with background: three corpora in the style of wire copy.

Each of tests/corpora/{kelapi-quake,merriden-quillon,hallebrand-heist} holds
seven outlets' reports of one event, most with paragraphs about earlier
events ("In 2018, a magnitude-7.0 quake ...", "the 2009 robbery"), datelines,
an outlet publishing a day later and attributed figures; rules written from
the guide alone; and `expected.yaml`, what a careful reader concludes of the
event: each field's verdict, the outlets on each side of a conflict, and the
background figures that must not count. Each corpus is also checked with the
manifest's `date:` removed, so that the event's time is inferred.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.rules.load import load_rules

CORPORA = Path(__file__).parent / "corpora"
NAMES = sorted(p.parent.name for p in CORPORA.glob("*/expected.yaml"))


def results(name: str, corpus: Path | None = None) -> dict:
    rules = load_rules(CORPORA / name / "rules")
    return {r.field.id: r for r in check(rules, load_corpus(corpus or CORPORA / name / "corpus"))}


def expected(name: str) -> dict:
    return yaml.safe_load((CORPORA / name / "expected.yaml").read_text(encoding="utf-8"))["fields"]


def sides(result) -> list[set[str]]:
    outlets = {v.article: v.outlet for v in result.values}
    return [{outlets[a] for a in group} for group in result.groups]


def check_against(name: str, got: dict) -> None:
    for field, want in expected(name).items():
        result = got[field]
        assert result.verdict == want["verdict"], (field, result.verdict)
        if want["verdict"] == "conflict":
            either = {o for side in want.get("either_side", []) for o in side["outlets"]}
            wanted = [set(side["outlets"]) for side in want["groups"]]
            assert [g - either for g in sides(result)] == [g for g in wanted if g] or sorted(
                map(sorted, (g - either for g in sides(result)))
            ) == sorted(map(sorted, wanted)), (field, sides(result))


@pytest.mark.parametrize("name", NAMES)
def test_the_verdicts_a_careful_reader_gives(name):
    check_against(name, results(name))


@pytest.mark.parametrize("name", NAMES)
def test_the_verdicts_hold_when_the_event_time_is_inferred(name, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPORA / name / "corpus", corpus)
    manifest = corpus / "manifest.yaml"
    manifest.write_text(
        "".join(line for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("date:")),
        encoding="utf-8",
    )
    got = results(name, corpus)
    assert next(iter(got.values())).event_time.source == "articles"
    check_against(name, got)


@pytest.mark.parametrize("name", NAMES)
def test_background_figures_do_not_count(name):
    got = results(name)
    for field, want in expected(name).items():
        counted = {(m.outlet, m.text) for v in got[field].values for m in v.mentions}
        for figure in want.get("background", []):
            assert not any(o == figure["outlet"] and figure["text"] in text for o, text in counted), (field, figure)


def test_there_are_three_such_corpora_of_six_or_more_outlets():
    assert len(NAMES) >= 3
    for name in NAMES:
        assert len(load_corpus(CORPORA / name / "corpus").articles) >= 6


def test_a_time_with_no_day_takes_the_day_its_article_names_for_the_event():
    got = results("kelapi-quake")["quake-time"]
    late = next(v for v in got.values if v.outlet == "Harbour Times")  # published the next day
    (mention,) = late.mentions
    assert mention.day_from == "the day the article names for the event"
    assert mention.claim == next(v for v in got.values if v.outlet == "Meridian").claim


def test_a_figure_carries_who_states_it():
    got = results("kelapi-quake")["death-toll"]
    sources = {m.source for v in got.values for m in v.mentions}
    assert "national seismology agency" in sources
