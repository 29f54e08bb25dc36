"""Progress on stderr, for a long check on a terminal only (tqdm)."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent


def test_each_event_read_reports_its_articles(tmp_path):
    told = []
    rules, corpus = load_rules(ROOT / "rules"), load_corpus(ROOT / "seeds")
    check(rules, corpus, progress=told.append)
    assert told == [5]  # one event of five articles


def corpus_of(folder: Path, events: int) -> Path:
    article = (ROOT / "seeds/000_967cf268cc0a6f14.txt").read_text(encoding="utf-8")
    for e in range(events):
        (folder / f"e{e:03d}").mkdir(parents=True)
        (folder / f"e{e:03d}/manifest.yaml").write_text(f"event: e{e:03d}\n", encoding="utf-8")
        for n in range(5):  # each article's sentences its own: no reading of one is remembered for another
            text = "\n\n".join(article.replace(" the ", f" the{n}{k} ") for k in range(3))
            (folder / f"e{e:03d}/a{n}.txt").write_text(f"Report {n}.\n\n{text}", encoding="utf-8")
    return folder


def run_on_a_terminal(tmp_path, events: int) -> tuple[int, str]:
    """Run a check with stderr on a pseudo-terminal; what it wrote there."""
    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a size
    done = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "--rules", "builtin:common", "--corpus",
         str(corpus_of(tmp_path / "corpus", events)), "--no-cache", "--format", "json"],
        stdout=subprocess.DEVNULL, stderr=side, cwd=ROOT,
    )
    os.close(side)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        try:
            chunk = os.read(main, 4096) if ready else b""
        except OSError:  # the other end closed
            chunk = b""
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return done.wait(timeout=120), seen.decode("utf-8", "replace")


def test_a_long_check_shows_its_progress_on_a_terminal(tmp_path):
    status, seen = run_on_a_terminal(tmp_path, events=150)
    assert status == 0 and "article" in seen and "/750" in seen


def test_a_short_check_shows_none(tmp_path):
    status, seen = run_on_a_terminal(tmp_path, events=1)
    assert status == 0 and seen == ""


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--rules", "builtin:common", "--corpus",
         str(corpus_of(tmp_path / "corpus", 150)), "--no-cache", "--format", "json"],
        capture_output=True, cwd=ROOT,
    )
    assert done.returncode == 0 and done.stderr == b""
