"""Hostile input gets one line naming file:line:column and exit status 2, and
the corpus is never modified: manifests, rule files and named files that a
careless or hostile user can write, the command line under faults (a closed
standard input, a full device, Ctrl-C). The rest of the fault matrix:
test_fault_text.py (hostile text), test_bad_input.py (bad rules, articles and
corpora) and test_fuzz.py (random input to every loader)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.cli import main
from checker.load.corpus import load_corpus

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
        "1:4", "YAML aliases of lists or mappings (*name) are not allowed here",
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


def test_an_alias_of_one_value_is_read_as_that_value(tmp_path):
    # what yaml.safe_dump writes for a date shared by several entries
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(ARTICLE, corpus / name)
    (corpus / "manifest.yaml").write_text(
        "event: e\narticles:\n  - file: a.txt\n    published: &d 2024-04-26\n  - file: b.txt\n    published: *d\n",
        encoding="utf-8",
    )
    published = {a.path.rsplit("/", 1)[-1]: a.ref_date for a in load_corpus(corpus).articles}
    assert published == {"a.txt": dt.date(2024, 4, 26), "b.txt": dt.date(2024, 4, 26)}


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


# -- the command line, run as a user runs it --------------------------------------
CLAIMCHECK = [sys.executable, "-m", "checker"]


def run_cli(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLAIMCHECK, *args], cwd=ROOT, capture_output=True, **kwargs)


def test_a_bad_request_line_is_answered_with_its_error_and_the_rest_are_read(tmp_path):
    requests = tmp_path / "requests.jsonl"
    requests.write_bytes(
        b'{"id": 1, "text": "It cost $5 million."}\n{"id": 2, "text": 5}\nnot json\n'
        b'\xff\xfe not utf-8\n{"id": 5, "text": "Two people died."}\n'
    )
    done = run_cli(["values", "--format", "jsonl", str(requests)])
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert done.returncode == 2
    assert [a.get("id") for a in answers] == [1, 2, None, None, 5]
    assert ["error" in a for a in answers] == [False, True, True, True, False]
    assert answers[4]["values"][0]["value"] == 2.0
    errors = done.stderr.decode().splitlines()
    assert [e.split(": ")[1] for e in errors] == [f"{requests}:{n}" for n in (2, 3, 4)]
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["values", "-"], ["values", "--format", "jsonl", "-"]])
def test_closed_standard_input_is_bad_input(args):
    done = run_cli(args, stdin=subprocess.DEVNULL, close_fds=True, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2 and b"standard input is closed" in done.stderr and b"Traceback" not in done.stderr


def test_a_missing_request_file_is_bad_input():
    done = run_cli(["values", "--format", "jsonl", "nope.jsonl"])
    assert done.returncode == 2 and done.stderr.decode().strip() == "claimcheck: nope.jsonl: cannot read: No such file or directory"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
def test_a_full_device_is_one_line():
    with open("/dev/full", "wb") as full:
        done = subprocess.run([*CLAIMCHECK, "check", "--no-cache"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "claimcheck: cannot write the report: No space left on device"


def test_ctrl_c_is_one_line_and_status_130(tmp_path):
    corpus = tmp_path / "corpus"
    for e in range(50):  # events, so that both workers read; enough to be still running when interrupted
        folder = corpus / f"event-{e:02d}"
        folder.mkdir(parents=True)
        (folder / "manifest.yaml").write_text(f"event: event-{e:02d}\n", encoding="utf-8")
        for n in range(30):
            # each article's sentences its own: no reading of one is remembered for another
            text = "\n\n".join(ARTICLE.read_text(encoding="utf-8").replace(" the ", f" the{n}{k} ") for k in range(4))
            (folder / f"a{n:02d}.txt").write_text(f"Article {n}.\n\n" + text, encoding="utf-8")
    process = subprocess.Popen(
        [*CLAIMCHECK, "check", "--rules", "builtin:common", "--corpus", str(corpus), "--no-cache", "--jobs", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(2.5)  # started, and reading articles in two processes
    assert process.poll() is None, "the check ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().strip() == "claimcheck: interrupted"
