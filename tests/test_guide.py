"""docs/writing-rules.md cannot go stale: its commands, files and snippets are checked.

- every ```console block is a `$ claimcheck ...` command and exactly what it prints;
- every ```yaml block that names a file in its first line is that file, byte for byte;
- every other ```yaml block is a list of fields: it loads, and its examples pass;
- the tutorial's event, checked with its rules, gives the report the guide shows,
  and a real conflict (exit status 1).
"""

from __future__ import annotations

import json
import re
import shlex
import textwrap
from pathlib import Path

import pytest

from checker.cli import main
from checker.rules.load import load_rule_file
from checker.judge.ruletests import run_example

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "writing-rules.md"
EVENT = "cyclone-mira-2024"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(GUIDE.read_text(encoding="utf-8")) if lang == kind]


def short(body: str) -> str:
    return body.splitlines()[0][:60]


CONSOLE = blocks("console")
NAMED = [b for b in blocks("yaml") if b.startswith("# examples/")]
FRAGMENTS = [b for b in blocks("yaml") if not b.startswith("# ")]


def test_the_guide_has_what_this_test_checks():
    assert len(CONSOLE) >= 6 and len(NAMED) == 2 and len(FRAGMENTS) >= 4


@pytest.mark.parametrize("body", CONSOLE, ids=[short(b) for b in CONSOLE])
def test_each_command_prints_what_the_guide_shows(capsys, monkeypatch, body):
    command, *shown = body.rstrip("\n").split("\n")
    assert command.startswith("$ claimcheck ")
    monkeypatch.chdir(ROOT)
    main(shlex.split(command)[2:])
    out, err = capsys.readouterr()
    assert (out + err).rstrip("\n").split("\n") == shown


@pytest.mark.parametrize("body", NAMED, ids=[short(b) for b in NAMED])
def test_each_file_shown_is_the_shipped_file(body):
    name, rest = body.split("\n", 1)
    path = ROOT / name.removeprefix("# ")
    assert path.read_text(encoding="utf-8") == rest


@pytest.mark.parametrize("body", FRAGMENTS, ids=[short(b) for b in FRAGMENTS])
def test_each_snippet_loads_and_its_examples_pass(tmp_path, body):
    rule_file = tmp_path / "snippet.yaml"
    rule_file.write_text(f"event: {EVENT}\nfields:\n" + textwrap.indent(body, "  "), encoding="utf-8")
    fields = load_rule_file(rule_file, str(rule_file))
    assert fields and all(f.examples for f in fields)
    for field in fields:
        for example in field.examples:
            outcome = run_example(field, example)
            assert outcome.passed, f"{field.id}: {example.text!r} gave {outcome.got}"


def test_the_tutorial_report_has_one_real_conflict(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    status = main([
        "check", "--rules", "builtin:common", "--rules", "examples/cyclone-mira/rules",
        "--corpus", "examples/cyclone-mira/corpus", "--format", "json",
    ])
    assert status == 1
    verdicts = {r["field"]: r["verdict"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert verdicts == {
        "landfall-date": "agree", "power-outage": "compatible", "homes-damaged": "agree",
        "provinces-hit": "compatible", "death-toll": "conflict", "money-pledged": "agree",
        "evacuated": "agree",  # "40,000" and "about 40,000": the same figure
    }
