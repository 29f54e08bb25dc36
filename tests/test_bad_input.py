"""Bad input gets one line on stderr, exit status 2, and an untouched corpus.

Every case runs `check` and asserts the whole contract from docs/design.md
("What bad input gets"):

- exit status 2 and nothing on stdout;
- exactly one line on stderr, `claimcheck: FILE[:LINE:COLUMN]: message`,
  with LINE:COLUMN wherever the input has a position (YAML, undecodable bytes);
- no traceback;
- every file of the corpus byte-for-byte and mtime-for-mtime as before.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

from checker.cli import main


# -- helpers ----------------------------------------------------------------
def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder`: its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def expect_bad_input(
    capsys, argv: list[str], file: Path, where: str | None, message: str, corpus: Path | None
) -> str:
    """Run `claimcheck ARGV`, assert the one-line error `file[:where]: ...message...`, return it."""
    before = snapshot(corpus) if corpus is not None and corpus.exists() else None

    status = main(argv)

    out, err = capsys.readouterr()
    assert status == 2, f"exit status {status}, stderr: {err!r}"
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {err!r}"
    location = f"{file}:{where}" if where else str(file)
    assert lines[0].startswith(f"claimcheck: {location}: "), lines[0]
    if where is None:  # no position was invented either
        assert not re.match(rf"claimcheck: {re.escape(str(file))}:\d", lines[0]), lines[0]
    assert message in lines[0]
    if before is not None:
        assert snapshot(corpus) == before, "the corpus was modified"
    return lines[0]


# -- rule files ---------------------------------------------------------------
class RuleCase(NamedTuple):
    yaml: str  # the whole rule file
    where: str  # LINE:COLUMN the message must name
    message: str  # a fragment the message must contain
    schema_rejects: bool | None = True  # the shipped JSON Schema says no too (None: not YAML at all)


RULE_CASES = {
    # The bracket on line 5 is never closed; YAML notices at the next key.
    "malformed YAML (unclosed bracket)": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"
            severity: error
        """,
        "6:5", "invalid YAML: expected ',' or ']'", None,
    ),
    "a list, not a mapping": RuleCase(
        """\
        - id: talks
          type: duration
          patterns: ["{value} of talks"]
        """,
        "1:1", "a rule file is a mapping",
    ),
    "unknown key 'patern'": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patern: ["{value} of talks"]
        """,
        "5:5", "unknown key 'patern' in field - did you mean 'patterns'?",
    ),
    # Pattern positions point inside the quoted pattern, which starts at column 10.
    "pattern without {value}": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns:
              - "of talks with Wang Yi"
        """,
        "6:10", "pattern has no {value}", False,  # the pattern language is beyond a schema
    ),
    "pattern with two {value}": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns:
              - "{value} of {value} talks"
        """,
        "6:21", "more than one {value}", False,  # the second {value}
    ),
    "unbalanced '[' in a pattern": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns:
              - "{value} of [long talks"
        """,
        "6:21", "unbalanced '['", False,  # the bracket that is never closed
    ),
    "unknown type": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: durration
            patterns: ["{value} of talks"]
        """,
        "4:11", "unknown type 'durration'",
    ),
    "unknown severity": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"]
            severity: fatal
        """,
        "6:15", "unknown severity 'fatal'",
    ),
    "tolerance of the wrong kind": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"]
            tolerance: abc
        """,
        "6:16", "tolerance 'abc' is neither a number nor a percentage",
    ),
    "example value not a number for a duration": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"]
            examples:
              - text: "five hours of talks"
                value: five
        """,
        "8:16", "expected value 'five' is not a number", False,  # a string may be a text field's choice
    ),
    "unknown currency unit": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: aid
            type: money
            unit: XYZ
            patterns: ["{value} for Ukraine"]
        """,
        "5:11", "unknown currency 'XYZ'", False,  # units depend on the type
    ),
    "python object tag (YAML is loaded safely)": RuleCase(
        """\
        event: !!python/name:os.system
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"]
        """,
        "1:8", "could not determine a constructor", None,
    ),
    "duplicate field id in one file": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            patterns: ["{value} of talks"]
          - id: talks
            type: duration
            patterns: ["{value} meeting"]
        """,
        "6:5", "duplicate field id 'talks' (first defined at", False,
    ),
    "unknown duration unit": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
            unit: parsecs
            patterns: ["{value} of talks"]
        """,
        "5:11", "unknown time unit 'parsecs'", False,
    ),
    "field without a type": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            patterns: ["{value} of talks"]
        """,
        "3:5", "field is missing 'type'",
    ),
    "field with neither patterns nor near": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: talks
            type: duration
        """,
        "3:5", "field needs `patterns`, `near`, or both",
    ),
    "near with a typo'd key": RuleCase(
        """\
        fields:
          - id: death-toll
            type: count
            near: {word: [killed, dead], within: 6}
        """,
        "4:12", "unknown key 'word' in `near` - did you mean 'words'?",
    ),
    "near within that is not a whole number": RuleCase(
        """\
        fields:
          - id: death-toll
            type: count
            near: {words: [killed], within: six}
        """,
        "4:37", "within is a whole number of words",
    ),
    "skip of an unknown part": RuleCase(
        """\
        fields:
          - id: death-toll
            type: count
            near: [killed]
            skip: [captions, headers]
        """,
        "5:22", "unknown part to skip 'headers' (expected one of: captions, bylines, datelines)",
    ),
    "example ref_date that is not a date": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: start
            type: date
            patterns: ["arrived on {value}"]
            examples:
              - text: "He arrived on Wednesday."
                ref_date: last Friday
                value: 2024-04-24
        """,
        "8:19", "ref_date must be a date like 2024-04-26",
    ),
    "text field without choices": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: rank
            type: text
            patterns: ["China is the {value} of machine tools"]
        """,
        "3:5", "a text field needs `choices`", False,
    ),
    "id that is not lower-case words": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          - id: Talks Duration
            type: duration
            patterns: ["{value} of talks"]
        """,
        "3:9", "id 'Talks Duration' must be lower-case words joined by '-'",
    ),
    "part on a count field": RuleCase(
        """\
        fields:
          - id: carriages
            type: count
            near: [derailed]
            part: start
        """,
        "5:5", "`part` picks an end of a date range for a date field; a count field takes none", False,
    ),
    "large number written 2e+6 (YAML text)": RuleCase(
        """\
        fields:
          - id: aid
            type: money
            near: [pledged]
            examples:
              - text: "Donors pledged $2 million."
                value: 2e+6
        """,
        "7:16", "YAML reads 2e+6 as text: write 2.0e+6 or 2000000", False,
    ),
    "quantity field without a dimension": RuleCase(
        """\
        fields:
          - id: depth
            type: quantity
            patterns: ["depth of {value}"]
        """,
        "2:5", "a quantity field needs `dimension`: one of length, area, mass",
    ),
    "unknown dimension": RuleCase(
        """\
        fields:
          - id: depth
            type: quantity
            dimension: lenght
            patterns: ["depth of {value}"]
        """,
        "4:16", "unknown dimension 'lenght' (expected one of: length, area",
    ),
    "unit of another dimension": RuleCase(
        """\
        fields:
          - id: depth
            type: quantity
            dimension: length
            unit: kg
            patterns: ["depth of {value}"]
        """,
        "5:11", "unknown length unit 'kg' (expected one of: km, mile,", False,
    ),
    "dimension on a count field": RuleCase(
        """\
        fields:
          - id: deaths
            type: count
            dimension: length
            near: [killed]
        """,
        "4:5", "`dimension` belongs to a quantity field, not a count field",
    ),
    "unknown time zone in a rule file": RuleCase(
        """\
        event: museum-heist-2025
        timezone: Europe/Pariss
        fields:
          - id: break-in
            type: time
            near: [broke]
        """,
        "2:11", "unknown time zone 'Europe/Pariss' (an IANA name like Asia/Jakarta", False,
    ),
    "time tolerance as a percentage": RuleCase(
        """\
        fields:
          - id: break-in
            type: time
            near: [broke]
            tolerance: "5%"
        """,
        "5:16", "a time's tolerance is a number of minutes, not a percentage", False,
    ),
    "temperature tolerance as a percentage": RuleCase(
        """\
        fields:
          - id: heat
            type: quantity
            dimension: temperature
            near: [heat]
            tolerance: "5%"
        """,
        "6:16", "a temperature's tolerance is a number of degrees, not a percentage", False,
    ),
    "time example that is not a time": RuleCase(
        """\
        fields:
          - id: break-in
            type: time
            near: [broke]
            examples:
              - text: "They broke in at 9:34 a.m."
                value: 9.34
        """,
        "7:16", "expected value 9.34 is not a time", False,
    ),
    "fields that is not a list": RuleCase(
        """\
        event: blinken-china-2024
        fields:
          id: talks
        """,
        "3:3", "`fields` must be a non-empty list",
    ),
}


@pytest.mark.parametrize("case", RULE_CASES.values(), ids=RULE_CASES.keys())
def test_bad_rule_file(capsys, tmp_path, seed_copy, case: RuleCase):
    rule_file = write(tmp_path / "rules" / "bad.yaml", case.yaml)
    expect_bad_input(
        capsys,
        ["check", "--rules", str(tmp_path / "rules"), "--corpus", str(seed_copy)],
        rule_file, case.where, case.message, corpus=seed_copy,
    )


@pytest.mark.parametrize("case", RULE_CASES.values(), ids=RULE_CASES.keys())
def test_bad_rule_file_fails_test_rules_too(capsys, tmp_path, case: RuleCase):
    rule_file = write(tmp_path / "rules" / "bad.yaml", case.yaml)
    expect_bad_input(
        capsys, ["test-rules", "--rules", str(tmp_path / "rules")], rule_file, case.where, case.message, corpus=None
    )


def test_duplicate_field_id_across_two_files(capsys, tmp_path, root, seed_copy):
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(root / "rules" / "blinken-china-2024.yaml", rules / "a.yaml")
    second = write(rules / "b.yaml", """\
        event: blinken-china-2024
        fields:
          - id: ukraine-aid
            type: money
            patterns: ["{value} for Ukraine"]
        """)
    line = expect_bad_input(
        capsys,
        ["check", "--rules", str(rules), "--corpus", str(seed_copy)],
        second, "3:5", "duplicate field id 'ukraine-aid'", corpus=seed_copy,
    )
    assert re.search(rf"first defined at {re.escape(str(rules / 'a.yaml'))}:\d+:\d+", line), line


def test_missing_rules_folder(capsys, tmp_path, seed_copy):
    missing = tmp_path / "no-rules-here"
    expect_bad_input(
        capsys,
        ["check", "--rules", str(missing), "--corpus", str(seed_copy)],
        missing, None, "no such rules folder", corpus=seed_copy,
    )


# -- articles -----------------------------------------------------------------
class ArticleCase(NamedTuple):
    content: bytes
    where: str | None  # LINE:COLUMN, or None: the message names just the file
    message: str


ARTICLE_CASES = {
    "binary (NUL bytes)": ArticleCase(b"Blinken\0\0\0in Beijing\n", None, "binary file"),
    "not UTF-8": ArticleCase(b"BEIJING, April 26\ncaf\xe9 au lait\n", "2:4", "not UTF-8 text (byte 0xe9)"),
    "empty": ArticleCase(b"", None, "empty article"),
    "only blank lines": ArticleCase(b"  \n\n\t\n", None, "empty article"),
}


@pytest.mark.parametrize("case", ARTICLE_CASES.values(), ids=ARTICLE_CASES.keys())
def test_bad_article(capsys, root, seed_copy, case: ArticleCase):
    article = seed_copy / "005_bad.txt"  # not in the manifest: it still counts
    article.write_bytes(case.content)
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(seed_copy)],
        article, case.where, case.message, corpus=seed_copy,
    )


@pytest.mark.parametrize("case", [*ARTICLE_CASES.values(), ArticleCase(b"\x1c\x1f \x0b\n", None, "empty article")],
                         ids=[*ARTICLE_CASES.keys(), "only separators str.strip() drops"])
def test_bad_article_with_a_published_date(capsys, root, seed_copy, case: ArticleCase):
    """An article the manifest dates is not decoded to be loaded when it is ASCII: it is still refused alike."""
    article = seed_copy / "003_6ce6e43769081fee.txt"
    article.write_bytes(case.content)
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(seed_copy)],
        article, case.where, case.message, corpus=seed_copy,
    )


# -- corpus and manifest ----------------------------------------------------------
def test_empty_corpus_folder(capsys, tmp_path, root):
    empty = tmp_path / "corpus"
    empty.mkdir()
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(empty)],
        empty, None, "empty corpus", corpus=empty,
    )


def test_missing_corpus_folder(capsys, tmp_path, root):
    missing = tmp_path / "no-corpus-here"
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(missing)],
        missing, None, "no such corpus folder", corpus=None,
    )
    assert not missing.exists()


def test_manifest_lists_a_file_that_does_not_exist(capsys, root, seed_copy):
    (seed_copy / "003_6ce6e43769081fee.txt").unlink()
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(seed_copy)],
        # the manifest entry of 003 starts on line 20
        seed_copy / "manifest.yaml", "21:5", "manifest lists '003_6ce6e43769081fee.txt'", corpus=seed_copy,
    )


def test_malformed_manifest(capsys, root, seed_copy):
    manifest = write(seed_copy / "manifest.yaml", """\
        event: blinken-china-2024
        articles:
          - file: 000_967cf268cc0a6f14.txt
            outlet: [The Irish Times
            published: 2024-04-26
        """)
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(seed_copy)],
        manifest, "5:14", "invalid YAML", corpus=seed_copy,
    )


def test_manifest_with_an_unknown_time_zone(capsys, root, seed_copy):
    manifest = seed_copy / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "timezone: Asia/Shanghai\n" in text
    manifest.write_text(text.replace("timezone: Asia/Shanghai\n", "timezone: Asia/Beijng\n"), encoding="utf-8")
    expect_bad_input(
        capsys,
        ["check", "--rules", str(root / "rules"), "--corpus", str(seed_copy)],
        manifest, "5:11", "unknown time zone 'Asia/Beijng'", corpus=seed_copy,
    )


# -- the real console path ----------------------------------------------------------
@pytest.mark.parametrize("what", ["rule file", "article"])
def test_console_shows_no_traceback(tmp_path, root, seed_copy, what):
    rules = root / "rules"
    if what == "rule file":
        rules = tmp_path / "rules"
        write(rules / "bad.yaml", RULE_CASES["malformed YAML (unclosed bracket)"].yaml)
    else:
        (seed_copy / "005_bad.txt").write_bytes(b"caf\xe9")
    before = snapshot(seed_copy)

    run = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--rules", str(rules), "--corpus", str(seed_copy)],
        cwd=root, capture_output=True, text=True, timeout=120,
    )

    assert run.returncode == 2
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1
    assert re.match(r"claimcheck: \S+:\d+:\d+: ", run.stderr), run.stderr
    assert snapshot(seed_copy) == before
