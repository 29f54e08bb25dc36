"""The command line: `check`, `values`, `test-rules`, as a user runs them."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checker.cli import main

OUTLETS = ("The Irish Times", "ANI", "NDTV (syndicated feed)", "Daily Maverick (Reuters)", "NBC News")
NDTV, MAVERICK = "NDTV (syndicated feed)", "Daily Maverick (Reuters)"


def run(capsys, *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert err == ""
    return status, out


def check_json(capsys, rules: Path, corpus: Path, *extra: str) -> tuple[int, dict]:
    status, out = run(
        capsys, "check", "--rules", str(rules), "--corpus", str(corpus), "--format", "json", *extra
    )
    data = json.loads(out)
    assert data["schema"] == 1
    return status, {r["field"]: r for r in data["results"]}


def edit(article: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in an article."""
    text = article.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {article.name}"
    article.write_text(text.replace(old, new), encoding="utf-8")


def groups(result: dict) -> list[list[str]]:
    return sorted(sorted(group) for group in result["groups"])


# -- check: formats --------------------------------------------------------------
def test_check_table_has_outlets_and_verdicts(capsys, root, wide):
    status, out = run(capsys, "check", "--rules", str(root / "rules"), "--corpus", str(root / "seeds"))

    assert status == 0
    header = next(line for line in out.splitlines() if line.startswith("field"))
    for outlet in OUTLETS:
        assert outlet in header
    assert header.split()[-1] == "verdict"
    assert re.search(r"^wang-yi-talks-duration\b.*\bcompatible$", out, re.MULTILINE)
    assert re.search(r"^ukraine-aid\b.*USD 61 billion.*\bagree$", out, re.MULTILINE)


def test_check_markdown_is_a_pipe_table(capsys, root):
    status, out = run(
        capsys, "check", "--rules", str(root / "rules"), "--corpus", str(root / "seeds"),
        "--format", "markdown",
    )

    assert status == 0
    rows = [line for line in out.splitlines() if line.startswith("|")]
    header, rule, *body = rows
    assert [cell.strip() for cell in header.strip("|").split("|")] == ["field", *OUTLETS, "verdict"]
    assert re.fullmatch(r"\|(:?-+:?\|)+", rule)
    assert all(row.count("|") == header.count("|") for row in body)
    assert any(row.startswith("| ukraine-aid ") and "agree" in row for row in body)


def test_check_explain_shows_locations_and_sentences(capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    status, out = run(capsys, "check", "--rules", "rules", "--corpus", "seeds", "--explain")

    assert status == 0
    assert "seeds/002_2b7f539160dc2239.txt:15:33: 'five-and-a-half hours' read as 5.5 h" in out
    assert "seeds/003_6ce6e43769081fee.txt:8:34:" in out
    assert "Blinken raised the issue during «five-and-a-half hours» of talks with China" in out
    assert re.search(r"seeds/\d{3}_[0-9a-f]{16}\.txt:\d+:\d+: ", out)
    assert "ukraine-aid (money): agree" in out  # every field


def test_check_explain_one_field_groups_mentions_by_outlet(capsys, root, monkeypatch, wide):
    monkeypatch.chdir(root)
    status, out = run(capsys, "check", "--explain", "wang-yi-talks-duration")

    assert status == 0
    explained = out[out.index("wang-yi-talks-duration (duration): compatible") :]
    assert "ukraine-aid (money)" not in explained
    outlets = [line.strip() for line in explained.splitlines() if line.startswith("  ") and not line.startswith("    ")]
    assert outlets == ["ANI -> >5 h", f"{NDTV} -> 5.5 h", f"{MAVERICK} -> 5.5 h"]
    assert "Blinken's «over five-hour-long» meeting with China's Foreign Minister Wang Yi" in explained


def test_check_explain_an_unknown_field_is_a_usage_error(capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    status = main(["check", "--explain", "wang-yi-talk-duration"])

    assert status == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "no field 'wang-yi-talk-duration'" in err and "wang-yi-talks-duration" in err


def test_show_misses_lists_sentences_with_cue_words_but_no_value(capsys, root, monkeypatch):
    monkeypatch.chdir(root)
    status, out = run(capsys, "check", "--show-misses")

    assert status == 0
    section = out[out.index("wang-yi-talks-duration: 1 sentence(s) with its cue words but no value") :]
    first = section.splitlines()[1]
    assert first.strip().startswith("seeds/001_c5d0d134103219b8.txt:15:1: ANI: Blinken took to his social media")
    assert "death-toll" not in out  # common rules that find nothing say nothing


# -- check: edits that introduce contradictions --------------------------------------
def test_edited_aid_figure_is_a_conflict_naming_both_outlets(capsys, root, seed_copy, wide):
    edit(seed_copy / "003_6ce6e43769081fee.txt", "$61 billion", "$16 billion")

    status, out = run(capsys, "check", "--rules", str(root / "rules"), "--corpus", str(seed_copy))
    assert status == 1
    note = next(line for line in out.splitlines() if line.startswith("- ukraine-aid:"))
    assert "conflict" in note and NDTV in note and MAVERICK in note

    status, results = check_json(capsys, root / "rules", seed_copy)
    assert status == 1
    assert results["ukraine-aid"]["verdict"] == "conflict"
    assert groups(results["ukraine-aid"]) == [[MAVERICK], [NDTV]]


def test_edited_talks_duration_is_a_conflict(capsys, root, seed_copy):
    edit(seed_copy / "002_2b7f539160dc2239.txt", "five-and-a-half hours", "two hours")

    status, results = check_json(capsys, root / "rules", seed_copy)

    assert status == 1
    talks = results["wang-yi-talks-duration"]
    assert talks["verdict"] == "conflict"
    assert groups(talks) == [["ANI", MAVERICK], [NDTV]]  # >5 h and 5.5 h against 2 h


# -- check: --fail-on ---------------------------------------------------------------
@pytest.mark.parametrize(
    "fail_on, status",
    [
        (None, 0),  # default: error; the seeds' two conflicts are warnings
        ("error", 0),
        ("warning", 1),
        ("info", 1),
    ],
)
def test_fail_on_picks_the_gate(capsys, root, fail_on, status):
    extra = ["--fail-on", fail_on] if fail_on else []
    got, results = check_json(capsys, root / "rules", root / "seeds", *extra)

    assert got == status
    conflicts = {f: r["severity"] for f, r in results.items() if r["verdict"] == "conflict"}
    assert conflicts == {"partnership": "warning", "wang-xiaohong-title": "warning"}


# -- values --------------------------------------------------------------------------
def test_values_table(capsys, root):
    status, out = run(capsys, "values", str(root / "seeds" / "002_2b7f539160dc2239.txt"))

    assert status == 0
    assert out.splitlines()[0].split() == ["where", "text", "type", "value"]
    assert re.search(r"^51:196\s+\$61 billion\s+money\s+USD 61 billion$", out, re.MULTILINE)
    assert re.search(r"^15:33\s+five-and-a-half hours\s+duration\s+5\.5 h$", out, re.MULTILINE)


def test_values_json(capsys, root):
    status, out = run(capsys, "values", str(root / "seeds" / "002_2b7f539160dc2239.txt"), "--format", "json")

    assert status == 0
    data = json.loads(out)
    aid = next(v for v in data["values"] if v["text"] == "$61 billion")
    assert aid["type"] == "money"
    assert aid["value"] == {"amount": 61e9, "currency": "USD"}
    assert (aid["line"], aid["column"]) == (51, 196)
    starts = [v["start"] for v in data["values"]]
    assert starts == sorted(starts)


JSONL_INPUT = [
    {
        "id": "talks",
        "text": "Talks lasted five-and-a-half hours on April 26, 2024 and cost $61 billion, up 5%.",
        "ref_date": "2024-04-26",
    },
    {
        "id": 7,
        "text": "Blinken's visit starting Wednesday.\nThey met for about 90 minutes.",
        "ref_date": "2024-04-23",
    },
    {"id": "none", "text": "Nothing to measure here.", "ref_date": None},
]
JSONL_EXPECTED = {  # id -> (text, type, value) of each value, in text order
    "talks": [
        ("five-and-a-half hours", "duration", 19800.0),
        ("April 26, 2024", "date", "2024-04-26"),
        ("$61 billion", "money", {"amount": 61e9, "currency": "USD"}),
        ("5%", "percent", 5.0),
    ],
    7: [
        ("Wednesday", "date", "2024-04-24"),  # "starting": ahead of the reference date
        ("about 90 minutes", "duration", 5400.0),
    ],
    "none": [],
}


def test_values_jsonl_batch(capsys, monkeypatch):
    lines = "".join(json.dumps(record) + "\n" for record in JSONL_INPUT)
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))

    status, out = run(capsys, "values", "--format", "jsonl")

    assert status == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["id"] for a in answers] == [r["id"] for r in JSONL_INPUT]
    for record, answer in zip(JSONL_INPUT, answers):
        text, values = record["text"], answer["values"]
        assert [(v["text"], v["type"], v["value"]) for v in values] == JSONL_EXPECTED[record["id"]]
        for v in values:
            assert text[v["start"] : v["end"]] == v["text"]
        assert [v["start"] for v in values] == sorted(v["start"] for v in values)
    about = answers[1]["values"][1]
    assert (about["low"], about["high"]) == pytest.approx((4860.0, 5940.0))


@pytest.mark.parametrize(
    "text",
    [
        "It took 3 hours.\r\nThe café bill was $61 billion on April 26, 2024.",
        "Über 5% — at least 1,200 people, some 90 minutes.",
    ],
    ids=["CRLF and accents", "dash and accents"],
)
def test_values_jsonl_offsets_point_into_the_text(capsys, monkeypatch, text):
    record = {"id": 1, "text": text, "ref_date": "2024-04-26"}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(record) + "\n"))

    status, out = run(capsys, "values", "--format", "jsonl")

    assert status == 0
    values = json.loads(out)["values"]
    assert values
    assert [text[v["start"] : v["end"]] for v in values] == [v["text"] for v in values]


@pytest.mark.parametrize(
    "ref_date, expected",
    [("2024-04-26T23:30:00-04:00", "2024-04-25"), ("2024-04-26T01:00:00+08:00", "2024-04-25")],
)
def test_values_jsonl_takes_a_date_time_as_its_day(capsys, monkeypatch, ref_date, expected):
    record = {"id": "x", "text": "The minister left yesterday.", "ref_date": ref_date}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(record) + "\n"))

    status, out = run(capsys, "values", "--format", "jsonl")

    assert status == 0
    assert json.loads(out)["values"][0]["value"] == expected


# -- test-rules ----------------------------------------------------------------------
def test_test_rules_on_the_repository_rules(capsys, root):
    status, out = run(capsys, "test-rules", "--rules", str(root / "rules"))

    assert status == 0
    assert "FAIL" not in out
    assert re.search(r"^\d+ passed, 0 failed$", out, re.MULTILINE)


def test_test_rules_shows_a_failing_example(capsys, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "talks.yaml").write_text(textwrap.dedent("""\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            unit: hour
            patterns: ["{value} of talks"]
            examples:
              - text: "after five-and-a-half hours of talks"
                value: 5.5
              - text: "after five-and-a-half hours of talks"
                value: 4
        """), encoding="utf-8")

    status, out = run(capsys, "test-rules", "--rules", str(rules))

    assert status == 1
    failing = [line for line in out.splitlines() if line.endswith("FAIL")]
    assert len(failing) == 1
    assert failing[0].startswith(f"{rules / 'talks.yaml'}:10:")
    assert "1 passed, 1 failed" in out


# -- the console entry point -----------------------------------------------------------
@pytest.mark.parametrize(
    "argv", [["--help"], ["check", "--help"], ["values", "--help"], ["test-rules", "--help"]]
)
def test_python_m_checker_help(root, argv):
    run = subprocess.run(
        [sys.executable, "-m", "checker", *argv], cwd=root, capture_output=True, text=True, timeout=60
    )

    assert run.returncode == 0
    assert run.stdout.startswith("usage: claimcheck")
    assert run.stderr == ""
    if argv == ["--help"]:
        for command in ("check", "values", "test-rules"):
            assert command in run.stdout


def test_show_misses_puts_figures_near_cue_words_first_and_counts_the_rest(capsys, tmp_path, wide):
    corpus = tmp_path / "corpus" / "blast"
    corpus.mkdir(parents=True)
    filler = " ".join(f"Residents said many were killed in raid number {n}." for n in range(8))
    (corpus / "a.txt").write_text(f"{filler} Officials said 45 villagers were killed.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Twelve soldiers were killed.\n", encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "event: blast\nfields:\n  - id: soldiers-killed\n    type: count\n    near: [killed]\n"
        "    counting: [soldiers]\n",
        encoding="utf-8",
    )
    status, out = run(capsys, "check", "--rules", str(rules), "--corpus", str(tmp_path / "corpus"),
                      "--show-misses", "--no-cache")
    listed = out.split("soldiers-killed: 9 sentence(s) with its cue words but no value\n", 1)[1].splitlines()
    assert "Officials said 45 villagers were killed." in listed[0]
    assert len([line for line in listed if ".txt:" in line]) == 5
    assert "... and 4 more (0 with a figure the field could take; --format json lists all)" in listed[5]
