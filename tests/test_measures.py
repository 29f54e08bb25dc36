"""Measures end to end: quantities, magnitudes and times of day in rule files,
on two corpora written for these tests (tests/corpora/earthquake, heist).

The earthquake: depth in km and in miles is compatible, magnitude 5.9
against 6.1 is a conflict, and a quake time in GMT agrees with the same
minute in Jakarta's local time. The heist: loot in euros, dollars and pounds
is compatible through the rates the rule declares, and not comparable without
them. Each verdict is asserted on the JSON report.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.load.corpus import Article
from checker.fieldtypes import Claim
from checker.judge.extract import extract
from checker.read.intervals import Interval
from checker.rules.load import load_rules
from checker.read.values import find_values

CORPORA = Path(__file__).parent / "corpora"


def report(capsys, rules: Path, corpus: Path) -> tuple[int, dict]:
    status = main(["check", "--rules", str(rules), "--corpus", str(corpus), "--format", "json", "--no-cache"])
    out = json.loads(capsys.readouterr().out)
    return status, {r["field"]: r for r in out["results"]}


def copy(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(CORPORA / name, tmp_path / name))


def edited(tmp_path: Path, name: str, file: str, old: str, new: str) -> Path:
    """A copy of a test corpus with `old` replaced by `new` in one of its files."""
    copied = copy(name, tmp_path)
    path = copied / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copied


def test_earthquake_verdicts(capsys):
    status, results = report(capsys, CORPORA / "earthquake/rules", CORPORA / "earthquake/corpus")
    assert {field: r["verdict"] for field, r in results.items()} == {
        "magnitude": "conflict", "depth": "compatible", "quake-time": "agree", "deaths": "compatible",
    }
    assert status == 1  # the magnitude conflict fails the gate
    depth = {m["outlet"]: m["text"] for m in results["depth"]["mentions"]}
    assert depth == {"Wire": "10 km", "Jakarta Daily": "six miles", "Global News": "10 kilometres"}
    times = {m["outlet"]: m["text"] for m in results["quake-time"]["mentions"]}
    assert times == {"Wire": "07:37 GMT", "Jakarta Daily": "14:37 local time", "Global News": "2.37pm local time"}
    magnitude = {m["outlet"]: m["text"] for m in results["magnitude"]["mentions"]}
    assert magnitude["Global News"] == "preliminary magnitude of 6.1"  # the status stays in the mention


def test_a_local_time_read_as_gmt_conflicts(capsys, tmp_path):
    quake = edited(tmp_path, "earthquake", "corpus/daily.txt", "14:37 local time", "7:37 AM local time")
    _, results = report(capsys, quake / "rules", quake / "corpus")
    assert results["quake-time"]["verdict"] == "conflict"


def test_without_the_manifest_time_zone_local_times_are_not_placed(capsys, tmp_path):
    quake = edited(tmp_path, "earthquake", "corpus/manifest.yaml", "timezone: Asia/Jakarta\n", "")
    _, results = report(capsys, quake / "rules", quake / "corpus")
    time = results["quake-time"]
    assert time["verdict"] == "single-source"  # only the GMT time can be placed
    placed = [a["outlet"] for a in time["articles"] if a["value"] and not a["value"].get("unresolved")]
    assert placed == ["Wire"]


def test_heist_loot_compares_through_declared_rates(capsys):
    status, results = report(capsys, CORPORA / "heist/rules", CORPORA / "heist/corpus")
    assert results["loot"]["verdict"] == "compatible"
    assert results["break-in-time"]["verdict"] == "compatible"  # the rule file's Europe/Paris zone
    assert status == 0


def test_heist_loot_without_rates_is_not_comparable(capsys, tmp_path):
    heist = copy("heist", tmp_path)
    rules = heist / "rules/museum-heist-2025.yaml"
    text = rules.read_text(encoding="utf-8")
    assert "    rates: {" in text
    rules.write_text("\n".join(line for line in text.splitlines() if not line.startswith("    rates:")), encoding="utf-8")
    status, results = report(capsys, heist / "rules", heist / "corpus")
    assert results["loot"]["verdict"] == "not-comparable"
    assert status == 0  # never a conflict


def test_a_mutated_depth_conflicts(capsys, tmp_path):
    quake = edited(tmp_path, "earthquake", "corpus/daily.txt", "six miles", "sixty miles")
    _, results = report(capsys, quake / "rules", quake / "corpus")
    assert results["depth"]["verdict"] == "conflict"


def test_the_test_corpora_rules_pass_their_examples(capsys):
    for name in ("earthquake", "heist"):
        assert main(["test-rules", "--rules", str(CORPORA / name / "rules")]) == 0
    assert "0 failed" in capsys.readouterr().out


# -- the value side --------------------------------------------------------------
def _field(tmp_path, spec: str):
    (tmp_path / "rules.yaml").write_text("fields:\n" + spec, encoding="utf-8")
    return load_rules(tmp_path / "rules.yaml").fields[0]


@pytest.mark.parametrize("unit, text, cell", [
    ("km", "at a depth of six miles", "6 miles ≈ 9.656 km"),
    ("km", "at a depth of 10 kilometres", "10 km"),
    ("mile", "at a depth of 10 km", "10 km ≈ 6.214 miles"),
    ("km", "at a depth of more than 10 km", ">10 km"),
    ("km", "at a depth of 5-7.25 km", "4.5 to <7.255 km"),  # a range, not its low end; what rounds to 7.25 stops short of 7.255
])
def test_quantities_are_shown_as_stated_and_in_the_field_unit(tmp_path, unit, text, cell):

    field = _field(tmp_path, f"  - id: depth\n    type: quantity\n    dimension: length\n    unit: {unit}\n    near: [depth]\n")
    value = next(find_values(text, measures=True))
    assert field.kind.show(field, field.kind.claim(field, value)) == cell


def test_a_quantity_field_takes_only_its_dimension(tmp_path):

    field = _field(tmp_path, "  - id: heat\n    type: quantity\n    dimension: temperature\n    near: [heat]\n")
    values = list(find_values("Heat of 40C over 10 km.", measures=True))
    assert [field.kind.claim(field, v) is not None for v in values] == [True, False]
    assert field.kind.show(field, field.kind.claim(field, values[0])) == "40 °C"


def test_a_time_field_is_shown_in_utc(tmp_path):
    field = _field(tmp_path, "  - id: at\n    type: time\n    near: [struck]\n")
    start = dt.datetime(2025, 3, 14, 7, 37, tzinfo=dt.timezone.utc).timestamp()
    assert field.kind.show(field, Claim(Interval(start, start + 60, False, True))) == "2025-03-14 07:37 UTC"


def test_measure_fields_never_change_what_other_fields_read(tmp_path):
    # "1200 hours" is a time of day to a time field, and still a duration to a duration field
    (tmp_path / "rules.yaml").write_text(
        "fields:\n"
        "  - id: search\n    type: duration\n    near: [searched]\n"
        "  - id: struck\n    type: time\n    near: [searched]\n",
        encoding="utf-8",
    )
    fields = load_rules(tmp_path / "rules.yaml").fields
    article = Article("a.txt", "A", "e", "Divers searched for 1200 hours.", dt.date(2025, 3, 14), "manifest",
                      timezone="Asia/Jakarta")
    read = {m.field: m.text for m in extract(article, fields)}
    assert read == {"search": "1200 hours", "struck": "1200 hours"}
    alone = {m.field: m.claim for m in extract(article, fields[:1])}
    assert {m.field: m.claim for m in extract(article, fields) if m.field == "search"} == alone


def test_measures_are_read_only_when_asked():
    text = "A magnitude 6.1 quake struck at 07:37 GMT, 10 km deep."
    assert [v.type for v in find_values(text)] == ["number", "number"]
    assert [v.type for v in find_values(text, measures=True)] == ["magnitude", "time", "quantity"]


# -- properties ------------------------------------------------------------------
from hypothesis import given, strategies as st  # noqa: E402

from checker.read import units  # noqa: E402
from checker.read.clock import ZONES  # noqa: E402

_SPELLINGS = sorted(
    [(w, n) for w, n in units.WORD_FORMS.items()]
    + [(s, n) for s, n in units.SYMBOL_FORMS.items() if s not in units.GLUED_ONLY]
)
_FIGURES = st.one_of(st.integers(1, 99_999), st.decimals("0.1", "9999.9", places=1).map(float))


def _written(x: float) -> str:
    return f"{x:,.1f}" if not float(x).is_integer() else f"{int(x):,}"


@given(_FIGURES, st.sampled_from(_SPELLINGS))
def test_a_rendered_quantity_parses_back(figure, spelling):
    form, name = spelling
    text = f"The figure was {_written(figure)} {form} in all."
    values = list(find_values(text, measures=True))
    assert len(values) == 1, (text, values)
    value = values[0]
    assert (value.type, value.unit, value.amount.low) == ("quantity", name, float(figure)), text


@given(_FIGURES, st.sampled_from(units.NAMES), st.sampled_from(units.NAMES))
def test_comparing_quantities_is_symmetric_and_conversion_is_exact(figure, a, b):
    one = units.unit(a).to_base(Interval(figure - 0.5, figure + 0.5))
    other = units.unit(b).to_base(Interval(figure - 0.5, figure + 0.5))
    assert one.overlaps(other) == other.overlaps(one)
    back = units.unit(a).from_base(one)
    assert back.low == pytest.approx(figure - 0.5) and back.high == pytest.approx(figure + 0.5)


# Magnitudes stay below 10: "M{}" reads one digit before the point.
@given(st.integers(30, 69), st.integers(2, 30), st.sampled_from(["magnitude {}", "{}-magnitude", "M{}"]))
def test_a_mutated_magnitude_conflicts(tenths, change, form):
    stated, mutated = tenths / 10, (tenths + change) / 10
    one = next(find_values(f"A {form.format(stated)} quake struck.", measures=True)).interval()
    other = next(find_values(f"A {form.format(mutated)} quake struck.", measures=True)).interval()
    assert not one.overlaps(other)
    assert one.overlaps(next(find_values(f"A magnitude {stated} quake.", measures=True)).interval())


_FIXED = sorted(name for name, hours in ZONES.items() if not isinstance(hours, str) and name != "Z")


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(_FIXED), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
def test_a_time_in_any_zone_agrees_with_the_same_instant_in_gmt(hour, minute, zone, day):
    local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.timezone(dt.timedelta(hours=ZONES[zone])))
    utc = local.astimezone(dt.timezone.utc)
    said = [
        f"It struck at {hour:02d}:{minute:02d} {zone} on {day:%B} {day.day}, {day.year}.",
        f"That was {utc:%H:%M} GMT on {utc:%B} {utc.day}, {utc.year}.",
    ]
    instants = [next(v for v in find_values(text, measures=True) if v.type == "time").instant(None) for text in said]
    assert instants[0] == instants[1], said
