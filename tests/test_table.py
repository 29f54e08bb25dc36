"""The table people read fits their terminal: a matrix when it fits, else a
block per field; figures as the report renders them; outlets in the
manifest's order; conflicts read one way; colour on a terminal only."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from checker import cli
from checker.cli import main
from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.report.formats import render
from checker.rules.load import load_rules

OUTLETS = [
    "The Morning Ledger (Metro Daily), wire copy", "Coastal Herald", "Island Radio",
    "Daily Wire", "Evening Standard of the Southern Provinces", "Alta Today", "Costa Verde News", "Baixa Post",
]
RULES = """\
event: storm
fields:
  - id: death-toll
    type: count
    near: [killed, dead]
  - id: evacuated
    type: count
    near: [evacuated]
  - id: aid
    type: money
    patterns: ["{value} in aid"]
"""


def corpus(tmp_path: Path, outlets: int) -> Path:
    """`outlets` reports of one storm, listed in the manifest in reverse file-name order."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    entries = []
    for n in range(outlets):
        toll = 12 if n % 3 else 14  # a conflict
        (folder / f"{n:02d}.txt").write_text(
            f"The storm killed {toll} people on Friday. Some 145,000 residents were evacuated. "
            f"The government approved $25 million in aid.\n", encoding="utf-8")
        entries.append(f"  - file: {n:02d}.txt\n    outlet: {json.dumps(OUTLETS[n])}\n    published: 2024-03-09\n")
    (folder / "manifest.yaml").write_text("event: storm\narticles:\n" + "".join(reversed(entries)), encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


def report(capsys, monkeypatch, tmp_path, outlets: int, width: int) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    main(["check", "--rules", str(tmp_path / "rules.yaml"), "--corpus", str(corpus(tmp_path, outlets)), "--no-cache"])
    return capsys.readouterr().out


@pytest.mark.parametrize("width", [80, 120, 200])
@pytest.mark.parametrize("outlets", [2, 5, 8])
def test_no_line_is_wider_than_the_terminal(capsys, monkeypatch, tmp_path, outlets, width):
    out = report(capsys, monkeypatch, tmp_path, outlets, width)
    assert max(len(line) for line in out.splitlines()) <= width
    for name in OUTLETS[:outlets]:  # every outlet is named, whole or wrapped
        assert name.split()[0] in out


def test_a_matrix_that_fits_is_shown_whole(capsys, monkeypatch, tmp_path):
    out = report(capsys, monkeypatch, tmp_path, 2, 120)
    header = next(line for line in out.splitlines() if line.startswith("field"))
    assert header.split("  ")[0] == "field" and "Coastal Herald" in header and header.rstrip().endswith("verdict")


def test_outlets_come_in_the_manifest_s_order(capsys, monkeypatch, tmp_path):
    out = report(capsys, monkeypatch, tmp_path, 3, 200)
    header = next(line for line in out.splitlines() if line.startswith("field"))
    assert header.index("Island Radio") < header.index("Coastal Herald") < header.index("The Morning")


def test_a_matrix_too_wide_becomes_blocks_with_conflicts_first(capsys, monkeypatch, tmp_path):
    out = report(capsys, monkeypatch, tmp_path, 8, 80)
    heads = [line for line in out.splitlines() if re.match(r"^[a-z-]+: (conflict|agree|compatible)", line)]
    assert [h.split(":")[0] for h in heads] == ["death-toll", "evacuated", "aid"]
    block = out[out.index("death-toll: conflict") : out.index("evacuated: agree")].splitlines()
    assert [line.split("  ")[1] if line.startswith("  ") else None for line in block[1:3]] == [OUTLETS[7], OUTLETS[6]]


def test_figures_are_shown_as_the_report_renders_them(capsys, monkeypatch, tmp_path):
    out = report(capsys, monkeypatch, tmp_path, 2, 200)
    row = next(line for line in out.splitlines() if line.startswith("evacuated"))
    assert "130,500–159,500" in row  # "some 145,000": not reformatted as a number by the table


def test_a_conflict_reads_value_then_outlets_on_every_side(capsys, monkeypatch, tmp_path):
    out = report(capsys, monkeypatch, tmp_path, 5, 200)
    note = next(line for line in out.splitlines() if line.startswith("- death-toll"))
    assert note == (f"- death-toll: conflict (error): 12 — {OUTLETS[4]}, {OUTLETS[2]}, {OUTLETS[1]}; "
                    f"vs 14 — {OUTLETS[3]}, {OUTLETS[0]}")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("env, tty, colored", [
    ({}, True, True), ({"NO_COLOR": "1"}, True, False), ({}, False, False), ({"TERM": "dumb"}, True, False),
])
def test_colour_on_a_terminal_only_and_never_with_no_color(monkeypatch, env, tty, colored):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", _Terminal() if tty else io.StringIO())
    assert cli._terminal() == (100, colored)


def test_coloured_verdicts_keep_the_table_within_the_width(tmp_path):
    folder = corpus(tmp_path, 5)
    results = check(load_rules(tmp_path / "rules.yaml"), load_corpus(folder))
    shown = render(results, "table", width=120, color=True)
    assert "\x1b[31mconflict\x1b[0m" in shown and "\x1b[32magree\x1b[0m" in shown
    assert max(len(re.sub(r"\x1b\[\d+m", "", line)) for line in shown.splitlines()) <= 120
