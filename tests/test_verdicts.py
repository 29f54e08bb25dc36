"""Verdict cases kept as data: tests/verdicts/*.yaml.

Each file holds a rule file (`rules:`, written as in rules/) and cases; a
case names a field, what each outlet said (one article per line of `said`)
and the verdict claimcheck must give when those articles report one event.
The articles go through the whole path a corpus takes: sentences, values,
the field's cues and patterns, combining, comparing. A file's (or a case's)
`timezone` is the manifest's, `ref_date` each article's date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.judge.compare import judge
from checker.load.corpus import Article
from checker.judge.extract import extract
from checker.rules.load import load_rule_file

VERDICTS = Path(__file__).parent / "verdicts"


def _load():
    for path in sorted(VERDICTS.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(document["cases"], 1):
            yield pytest.param(path, document, case, id=f"{path.stem}-{number}")


def _fields(path: Path, rules: dict, tmp_path: Path):
    written = tmp_path / f"{path.stem}.yaml"
    written.write_text(yaml.safe_dump(rules, sort_keys=False), encoding="utf-8")
    return {f.id: f for f in load_rule_file(written, str(written))}


@pytest.mark.parametrize("path, document, case", list(_load()))
def test_verdict_case(path, document, case, tmp_path):
    field = _fields(path, document["rules"], tmp_path)[case["field"]]
    ref = case.get("ref_date", document.get("ref_date"))
    zone = case.get("timezone", document.get("timezone"))
    articles = tuple(
        Article(f"outlet-{n}.txt", f"Outlet {n}", field.event or "event", text, ref, "manifest", timezone=zone)
        for n, text in enumerate(case["said"], 1)
    )
    mentions = tuple(m for a in articles for m in extract(a, (field,)))
    result = judge(field.event or "event", field, articles, mentions)
    read = {a.outlet: [m.text for m in a.mentions] for a in result.values}
    assert result.verdict == case["verdict"], (result.verdict, read)
    if "read" in case:  # the mentions each outlet's value came from
        assert list(read.values()) == case["read"]


def test_there_are_enough_verdict_cases():
    assert len(list(_load())) >= 60

