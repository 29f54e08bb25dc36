"""The seed corpus gives the report the project promises (asserted on JSON)."""

import json

import pytest

from checker.cli import main

SEEDS = {
    "000": "The Irish Times",
    "001": "ANI",
    "002": "NDTV (syndicated feed)",
    "003": "Daily Maverick (Reuters)",
    "004": "NBC News",
}


def run_json(capsys, *args) -> tuple[int, dict]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


@pytest.fixture
def report(capsys, root):
    status, data = run_json(capsys, "--rules", str(root / "rules"), "--corpus", str(root / "seeds"))
    assert status == 0
    assert data["schema"] == 1
    return {r["field"]: r for r in data["results"]}


def values(result) -> dict:
    """Article number (000..004) -> the article's value, for those that state one."""
    return {
        a["article"].rsplit("/", 1)[-1][:3]: a["value"]
        for a in result["articles"]
        if a["value"] is not None
    }


def test_every_field_has_the_expected_verdict(report):
    # Exactly the event's fields: the common rules (builtin:common: death toll,
    # injured, arrests, evacuations, magnitude, money pledged) find nothing here.
    assert {f: r["verdict"] for f, r in report.items()} == {
        "wang-yi-talks-duration": "compatible",
        "visit-length": "agree",
        "visit-start": "agree",
        "visit-end": "agree",
        "ukraine-aid": "agree",
        "counter-china-military": "agree",
        "taiwan-aid": "agree",
        "biden-xi-summit": "agree",
        "pelosi-taiwan-visit": "agree",
        "balloon-downing": "agree",
        "supplier-rank": "agree",
        "partnership": "conflict",
        "wang-xiaohong-title": "conflict",
        "supplied-items": "compatible",
    }


def test_talks_duration_over_five_versus_five_and_a_half(report):
    got = values(report["wang-yi-talks-duration"])
    assert set(got) == {"001", "002", "003"}
    assert got["001"]["low"] == 5 and got["001"]["low_open"] and got["001"]["high"] is None
    assert got["002"]["value"] == got["003"]["value"] == 5.5


def test_visit_length_is_three_days_in_three_outlets(report):
    got = values(report["visit-length"])
    assert set(got) == {"000", "001", "004"}
    assert all(v["value"] == 3 and v["unit"] == "day" for v in got.values())


@pytest.mark.parametrize(
    "field, articles, day",
    [
        ("visit-start", {"001", "002", "003", "004"}, "2024-04-24"),
        ("visit-end", {"001", "002", "003"}, "2024-04-26"),
        ("biden-xi-summit", {"000", "002", "003"}, "2023-11"),
        ("pelosi-taiwan-visit", {"002", "003"}, "2022"),
        ("balloon-downing", {"002", "003"}, "2023-02"),
    ],
)
def test_dates(report, field, articles, day):
    got = values(report[field])
    assert set(got) == articles
    assert {v["value"] for v in got.values()} == {day}


@pytest.mark.parametrize(
    "field, amount",
    [("ukraine-aid", 61e9), ("counter-china-military", 8e9)],
)
def test_money(report, field, amount):
    got = values(report[field])
    assert set(got) == {"002", "003"}
    assert all(v["value"] == amount and v["currency"] == "USD" for v in got.values())


def test_taiwan_aid_is_the_documented_interval_of_billions(report):
    got = values(report["taiwan-aid"])
    assert set(got) == {"002", "003"}
    assert all((v["low"], v["high"], v["high_open"]) == (2e9, 1e12, True) for v in got.values())


def test_supplier_rank_reads_four_phrasings_as_one_choice(report):
    result = report["supplier-rank"]
    assert values(result) == {"000": "top", "001": "top", "002": "top", "004": "top"}
    texts = {m["text"].lower() for m in result["mentions"]}
    assert texts == {"number one supplier", "top supplier", "largest supplier", "primary contributor"}


def test_text_conflicts_name_both_sides_and_are_warnings(report):
    partnership = report["partnership"]
    assert partnership["severity"] == "warning"
    assert values(partnership) == {"002": "unrestricted", "003": "no limits"}
    assert sorted(partnership["groups"]) == [[SEEDS["003"]], [SEEDS["002"]]]
    title = report["wang-xiaohong-title"]
    assert title["severity"] == "warning"
    assert values(title) == {
        "001": "minister of security",
        "002": "minister of public security",
        "003": "minister of public security",
    }
    assert sorted(title["groups"]) == [[SEEDS["001"]], [SEEDS["002"], SEEDS["003"]]]


def test_supplied_items_lists_what_each_outlet_omits(report):
    result = report["supplied-items"]
    assert values(result) == {
        "000": ["machine tools", "microelectronics"],
        "001": ["machine tools", "microelectronics", "nitrocellulose"],
        "002": ["machine tools", "microelectronics", "nitrocellulose"],
        "004": ["machine tools", "semiconductors"],
    }
    omits = {a["article"].rsplit("/", 1)[-1][:3]: a.get("omits") for a in result["articles"]}
    assert omits["000"] == ["nitrocellulose", "semiconductors"]
    assert omits["004"] == ["microelectronics", "nitrocellulose"]
    assert omits["003"] is None  # states nothing, so omits nothing


def test_caption_traps_give_no_mentions(report):
    mentions = [m for r in report.values() for m in r["mentions"]]
    assert not any("April 25" in m["text"] for m in mentions)
    assert not any("June 19" in m["text"] for m in mentions)


def test_mentions_carry_file_line_and_column(report, root):
    for result in report.values():
        for m in result["mentions"]:
            lines = (root / m["article"]).read_text(encoding="utf-8").splitlines()
            line = lines[m["line"] - 1]
            assert line[m["column"] - 1 :].replace("\u2019", "'").startswith(m["text"].replace("\u2019", "'"))
