"""The JSON Schema shipped for rule files, and its agreement with the loader.

The loader (checker/rules.py) is the authority and gives file:line:column;
the schema is what editors use. They must not disagree: every rule file the
project ships is valid under both, and every bad rule file the schema can
judge (the bad-input table) is refused by both.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from checker.cli import main
from checker.rules.load import FIELD_KEYS, FILE_KEYS, schema_text
from test_bad_input import RULE_CASES

SCHEMA = json.loads(schema_text())
ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted(
    p for folder in ("rules", "examples", "tests/corpora") for p in (ROOT / folder).rglob("*.yaml") if "rules" in p.parts
)


def as_json(data):
    """YAML dates as the strings they were written as, for the schema."""
    return json.loads(json.dumps(data, default=str))


def test_schema_command_prints_the_shipped_schema(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == SCHEMA
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_schema_knows_every_key_the_loader_knows():
    assert set(SCHEMA["properties"]) == set(FILE_KEYS)
    assert set(SCHEMA["properties"]["fields"]["items"]["properties"]) == set(FIELD_KEYS)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_rule_files_are_valid(path):
    jsonschema.validate(as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), SCHEMA)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_rule_files_point_editors_at_the_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == ROOT / "checker" / "schema" / "rules.schema.json"


SCHEMA_CASES = {name: case for name, case in RULE_CASES.items() if case.schema_rejects}


@pytest.mark.parametrize("case", SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_schema_rejects_what_the_loader_rejects(case):
    data = as_json(yaml.safe_load(textwrap.dedent(case.yaml)))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
