"""SARIF 2.1.0, for code-scanning tools: one result per discrepancy, located
at each article's mention on each side, with the field as its rule."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from checker import __version__
from checker.judge.compare import Result
from checker.load.jsonl import in_file
from checker.report import table

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def as_sarif(results) -> str:
    """The SARIF log of one run; a discrepancy the baseline accepts is marked suppressed."""
    found = [r for r in results if r.is_discrepancy]
    rules = list({r.field.id: r.field for r in found}.values())
    index = {field.id: i for i, field in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": __version__,
                "rules": [_rule(field) for field in rules],
            }},
            "columnKind": "unicodeCodePoints",  # columns count characters, as every claimcheck report does
            "results": [_result(r, index[r.field.id]) for r in found],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def _rule(field) -> dict:
    return {
        "id": field.id,
        "shortDescription": {"text": field.about or field.id},
        "defaultConfiguration": {"level": _LEVEL[field.severity]},
        "properties": {"type": field.type},
    }


def _result(r: Result, rule_index: int) -> dict:
    mentions = list(dict.fromkeys(m for v in r.stated for m in (v.mentions if v.self_contradiction else v.evidence[:1])))
    result = {
        "ruleId": r.field.id,
        "ruleIndex": rule_index,
        "level": _LEVEL[r.field.severity],
        "message": {"text": f"{r.event}: " + " ".join(table.notes_of(r))},
        "locations": [_location(m) for m in mentions],
        "partialFingerprints": {
            "claimcheck/v1": hashlib.sha256(f"{r.event}\0{r.field.id}\0{r.verdict}".encode()).hexdigest()
        },
        "properties": {"event": r.event, "verdict": r.verdict},
    }
    if r.accepted:
        result["suppressions"] = [{"kind": "external", "justification": "accepted in the baseline"}]
    return result


def _location(m) -> dict:
    file, record = in_file(m.article)
    if record is not None:  # an article of a JSON-lines corpus: its lines are not the file's
        return {
            "physicalLocation": {"artifactLocation": {"uri": _uri(file)}},
            "message": {"text": f"{m.outlet}: {m.text} (article {record}, line {m.line}, column {m.column})"},
        }
    lines = m.text.split("\n")  # a figure may run over a line break
    end_column = (m.column if len(lines) == 1 else 1) + len(lines[-1])
    region = {"startLine": m.line, "startColumn": m.column, "endLine": m.line + len(lines) - 1,
              "endColumn": end_column, "snippet": {"text": m.text}}
    return {
        "physicalLocation": {"artifactLocation": {"uri": _uri(m.article)}, "region": region},
        "message": {"text": f"{m.outlet}: {m.text}"},
    }



def _uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a file: URI."""
    return Path(path).as_uri() if Path(path).is_absolute() else quote(Path(path).as_posix())
