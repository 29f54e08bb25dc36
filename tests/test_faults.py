"""Hostile input gets one line naming file:line:column and exit status 2, and
the corpus is never modified: manifests, rule files and named files that a
careless or hostile user can write. (The start of a fuller fault matrix.)"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_967cf268cc0a6f14.txt"

MANIFESTS = {
    "an event that is a mapping": ("event: {x: 1}\narticles:\n  - file: a.txt\n", "1:8", "the event must be a name"),
    "an entry's event that is a list": (
        "event: e\narticles:\n  - file: a.txt\n    event: [1]\n", "4:12", "`event` must be a name"
    ),
    "a day that does not exist": (
        "event: e\narticles:\n  - file: a.txt\n    published: 2024-02-30\n", "4:16",
        "'2024-02-30' is not a valid date",
    ),
    "an outlet that is a list": (
        "event: e\narticles:\n  - file: a.txt\n    outlet: [a, b]\n", "4:13", "`outlet` must be a name",
    ),
    "a URL that is a mapping": (
        "event: e\narticles:\n  - file: a.txt\n    url: {a: b}\n", "4:10", "`url` must be a name",
    ),
    "a file listed twice": (
        "event: e\narticles:\n  - file: a.txt\n    outlet: A\n  - file: a.txt\n    outlet: B\n", "5:11",
        "'a.txt' is listed twice (first at line 3)",
    ),
    "an alias bomb": (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nevent: e\n",
        "1:4", "YAML aliases (*name) are not allowed here",
    ),
    "a date string that is no date": (
        "event: e\narticles:\n  - file: a.txt\n    published: 'soon'\n", "4:16", "`published` must be a date",
    ),
}


def digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())).hexdigest()


def expect_one_line(capsys, argv, where: str, message: str) -> None:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert where in err and message in err, err


@pytest.mark.parametrize("name", list(MANIFESTS))
def test_a_bad_manifest_is_one_line_and_changes_nothing(capsys, tmp_path, name):
    text, position, message = MANIFESTS[name]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / "a.txt")
    (corpus / "manifest.yaml").write_text(text, encoding="utf-8")
    before = digest(corpus)
    expect_one_line(
        capsys, ["check", "--rules", str(ROOT / "rules"), "--corpus", str(corpus), "--no-cache"],
        f"manifest.yaml:{position}:", message,
    )
    assert digest(corpus) == before


def test_a_date_given_as_a_string_is_accepted(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / "a.txt")
    (corpus / "manifest.yaml").write_text(
        "event: blinken-china-2024\narticles:\n  - file: a.txt\n    published: '2024-04-26T10:00:00+08:00'\n",
        encoding="utf-8",
    )
    assert main(["check", "--rules", str(ROOT / "rules"), "--corpus", str(corpus), "--no-cache"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_a_number_that_is_not_finite_is_refused(capsys, tmp_path, value):
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        f"event: e\nfields:\n  - id: toll\n    type: count\n    near: [killed]\n    tolerance: {value}\n",
        encoding="utf-8",
    )
    expect_one_line(capsys, ["test-rules", "--rules", str(rules)], "rules.yaml:6:16:", "is not a finite number")


def test_a_named_file_that_does_not_exist_is_bad_input(capsys):
    missing = str(ROOT / "seeds" / "nope.txt")
    expect_one_line(
        capsys, ["check", "--rules", str(ROOT / "rules"), "--corpus", str(ROOT / "seeds"), missing],
        "nope.txt", "no such file",
    )
