"""The JSON report: compact by default (an entry per line, written as it is
rendered), pretty with --indent, the same content either way."""

from __future__ import annotations

import json

from checker.cli import main
from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.report.formats import chunks
from checker.rules.load import load_rules


def run(capsys, *args: str) -> str:
    assert main(["check", "--format", "json", "--no-cache", *args]) == 0
    return capsys.readouterr().out


def test_compact_by_default_an_entry_per_line(capsys, root):
    out = run(capsys, "--rules", str(root / "rules"), "--corpus", str(root / "seeds"))
    lines = out.splitlines()
    assert lines[0] == '{"schema": 1, "results": [' and lines[-1] == "]}"
    entries = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert entries == json.loads(out)["results"] and len(entries) == 14


def test_indent_pretty_prints_the_same_report(capsys, root):
    compact = json.loads(run(capsys, "--rules", str(root / "rules"), "--corpus", str(root / "seeds")))
    pretty = run(capsys, "--rules", str(root / "rules"), "--corpus", str(root / "seeds"), "--indent", "2")
    assert json.loads(pretty) == compact
    assert pretty.splitlines()[1] == '  "schema": 1,'


def test_the_report_is_written_an_entry_at_a_time(root):
    results = check(load_rules(root / "rules"), load_corpus(root / "seeds"))
    pieces = list(chunks(results, "json"))
    assert len(pieces) == len(results) + 2  # the head, an entry each, the tail
    assert json.loads("".join(pieces))["results"][3]["field"] == results[3].field.id


def test_no_results_is_an_empty_list(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Nothing here.\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text("event: other\nfields:\n  - id: toll\n    type: count\n    near: [killed]\n",
                                         encoding="utf-8")
    assert json.loads(run(capsys, "--rules", str(tmp_path / "rules.yaml"), "--corpus", str(tmp_path))) == {
        "schema": 1, "results": []}
