"""--format sarif: a SARIF 2.1.0 log valid against the official schema
(tests/data/sarif-schema-2.1.0.json, from the OASIS specification), one
result per discrepancy, located at each article's mention."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests/data/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(capsys, *argv: str) -> tuple[int, dict]:
    status = main(["check", "--no-cache", "--format", "sarif", *argv])
    return status, json.loads(capsys.readouterr().out)


def valid(log: dict) -> None:
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


@pytest.mark.parametrize("corpus", ["kelapi-quake", "merriden-quillon", "hallebrand-heist"])
def test_each_discrepancy_is_one_result_at_its_mentions(capsys, corpus):
    folder = ROOT / "tests/corpora" / corpus
    status, log = sarif(capsys, "--rules", str(folder / "rules"), "--corpus", str(folder / "corpus"))
    valid(log)
    main(["check", "--no-cache", "--format", "json", "--rules", str(folder / "rules"), "--corpus", str(folder / "corpus")])
    report = json.loads(capsys.readouterr().out)["results"]
    discrepancies = [r for r in report if r["verdict"] in ("conflict", "self-contradiction")
                     or any(a.get("self_contradiction") for a in r["articles"])]
    (run,) = log["runs"]
    assert status == 1 and len(run["results"]) == len(discrepancies) > 0
    for result, expected in zip(run["results"], discrepancies):
        assert result["ruleId"] == expected["field"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == expected["field"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[expected["severity"]]
        places = {(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]["startLine"],
                   loc["physicalLocation"]["region"]["startColumn"]) for loc in result["locations"]}
        mentions = {(m["article"], m["line"], m["column"]) for m in expected["mentions"]}
        # a place for every outlet on each side, and every mention of an article that contradicts itself
        outlet_of = {a["article"]: a["outlet"] for a in expected["articles"]}
        placed = {outlet_of[Path(u[7:]).as_posix() if u.startswith("file://") else u] for u, _, _ in places}
        assert {o for group in expected["groups"] for o in group} <= placed
        for a in expected["articles"]:
            if a.get("self_contradiction"):
                assert sum(1 for u, _, _ in places if u.endswith(Path(a["article"]).name)) == len(a["values"])
        assert places <= {(Path(a).as_uri() if Path(a).is_absolute() else a, ln, col) for a, ln, col in mentions}


def test_the_seed_report_is_valid_and_its_warnings_are_warnings(capsys):
    status, log = sarif(capsys, "--rules", str(ROOT / "rules"), "--corpus", str(ROOT / "seeds"))
    valid(log)
    assert status == 0  # warnings do not fail the check
    assert {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]} == {
        "partnership": "warning", "wang-xiaohong-title": "warning"}
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] - region["startColumn"] == len(region["snippet"]["text"])


def test_an_accepted_discrepancy_is_suppressed_and_odd_names_are_uris(capsys, tmp_path, monkeypatch):
    corpus = tmp_path / "the corpus"
    corpus.mkdir()
    for n, figure in enumerate(("61", "61", "95")):
        (corpus / f"report #{n}.txt").write_text(f"Congress approved ${figure} billion in aid.\n", encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(
        "event: e\nfields:\n  - id: aid\n    type: money\n    patterns: ['{value} in aid']\n", encoding="utf-8")
    (corpus / "manifest.yaml").write_text("event: e\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("--rules", "rules.yaml", "--corpus", "the corpus")
    _, log = sarif(capsys, *args)
    valid(log)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in log["runs"][0]["results"][0]["locations"]}
    assert "the%20corpus/report%20%232.txt" in uris
    assert main(["baseline", *args]) == 0
    capsys.readouterr()
    status, log = sarif(capsys, *args)
    valid(log)
    assert status == 0 and log["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"
