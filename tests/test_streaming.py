"""A corpus checked an event at a time: texts read when their event is, the
report written as events are judged, and the JSON report's per-event records."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tracemalloc
import types
import re
from pathlib import Path

import pytest
import yaml

from checker.errors import InputError
from checker.judge.check import check, judged_events
from checker.load.corpus import load_corpus
from checker.report import streamed
from checker.rules.load import load_rules
from conftest import cache_rows, edit, run, set_cache_row

AID = "seeds/003_6ce6e43769081fee.txt"


@pytest.fixture
def cache(monkeypatch, tmp_path) -> Path:
    """Where the command line keeps its cache."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def events_corpus(folder: Path, events: int) -> None:
    for n in range(events):
        event = folder / f"event-{n}"
        event.mkdir(parents=True)
        for outlet in ("a", "b"):
            (event / f"{outlet}.txt").write_text(f"At least {n + 2} people were killed on Monday.\n", encoding="utf-8")
        (event / "manifest.yaml").write_text(yaml.safe_dump({
            "event": f"event-{n}",
            "articles": [{"file": f"{o}.txt", "outlet": o.upper(), "published": "2024-04-26"} for o in "ab"],
        }), encoding="utf-8")


COMMON = Path(__file__).resolve().parent.parent / "checker" / "builtin" / "common"


# -- texts are read when their event is ----------------------------------------------
def test_a_loaded_corpus_holds_no_text_and_reads_it_when_asked(root):
    corpus = load_corpus(root / "seeds")
    article = corpus.articles[0]
    assert article.opened().text == article.text
    assert len(article.digest) == 64
    assert article.opened().digest == article.digest  # the fingerprint of the bytes, however held


def test_events_are_read_as_they_are_judged(tmp_path):
    events_corpus(tmp_path / "corpus", 3)
    corpus = load_corpus(tmp_path / "corpus")
    (tmp_path / "corpus/event-2/a.txt").unlink()  # read only when event-2 is
    judged = judged_events(load_rules(COMMON), corpus)
    event, results = next(judged)
    assert event == "event-0" and results
    with pytest.raises(InputError, match="event-2/a.txt: no such file"):
        list(judged)


def test_an_article_edited_while_it_is_checked_is_not_read_as_what_was_loaded(tmp_path):
    events_corpus(tmp_path / "corpus", 1)
    corpus = load_corpus(tmp_path / "corpus")
    edit(tmp_path / "corpus/event-0/a.txt", "2 people", "3 people")
    with pytest.raises(InputError, match="a.txt: changed while it was being checked"):
        check(load_rules(COMMON), corpus)


def test_a_json_lines_article_is_read_again_from_its_line(tmp_path):
    lines = [{"event": "e", "outlet": o, "text": f"The talks lasted {h} hours.", "published": "2024-04-26"}
             for o, h in (("A", 2), ("B", 3))]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.text for a in corpus.articles] == ["The talks lasted 2 hours.", "The talks lasted 3 hours."]
    path.write_text(path.read_text(encoding="utf-8").replace("3 hours", "4 hours"), encoding="utf-8")
    with pytest.raises(InputError, match="corpus.jsonl#2: changed while it was being checked"):
        corpus.articles[1].text


# -- the JSON report's records ------------------------------------------------------
def test_a_warm_json_report_is_the_cold_one_and_judges_nothing(capsys, workdir, cache):
    edit(workdir / AID, "$61 billion", "$16 billion")
    cold = run(capsys, "check", "--format", "json", "--cache-stats")
    warm = run(capsys, "check", "--format", "json", "--cache-stats")
    uncached = run(capsys, "check", "--format", "json", "--no-cache")
    assert cold[0] == warm[0] == uncached[0] == 1
    assert cold[1] == warm[1] == uncached[1]
    assert warm[2].strip().endswith(": 5 hits, 0 parsed, 0 corrupt")
    assert len(cache_rows(cache, "record")) == 1  # one event


def test_with_jobs_the_report_after_edits_is_the_one_judged_in_order(capsys, tmp_path, monkeypatch):
    """Records after an event still being read are taken meanwhile, and still written in corpus order."""
    events_corpus(tmp_path / "corpus", 12)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    argv = ("check", "--rules", str(COMMON), "--corpus", str(tmp_path / "corpus"), "--format", "json", "--cache-stats")
    run(capsys, *argv, "--jobs", "2")
    for n in (3, 4, 9):
        edit(tmp_path / f"corpus/event-{n}/b.txt", f"{n + 2} people", f"{n + 20} people")
    monkeypatch.setattr(streamed, "AHEAD_BYTES", 2000)  # a few events' records held at most
    status, ahead, err = run(capsys, *argv, "--jobs", "2")
    assert err.strip().endswith(": 21 hits, 3 parsed, 0 corrupt")  # the edited articles read again
    assert (status, ahead) == run(capsys, *argv[:-1], "--no-cache")[:2]
    assert [e["event"] for e in json.loads(ahead)["results"]] == list(load_corpus(tmp_path / "corpus").events)


def test_reading_ahead_holds_at_most_its_bound(monkeypatch):
    """The records after an awaited event are held until their size passes the bound, then it is waited for."""
    monkeypatch.setattr(streamed, "AHEAD_BYTES", 20)
    held_at_wait = []

    class Slow:
        """Judged events that are never ready before they are asked for."""
        def ready(self):
            return False

        def __iter__(self):
            return self

        def __next__(self):
            held_at_wait.append(len(taken))
            return "e1", ()

    taken = []

    class Records:
        def record_key(self, *parts):
            return parts[-1]

        def held_records(self, keys):
            return frozenset(key for key in keys if '"e1"' not in key)

        def lookup_record(self, key):
            taken.append(key)
            return "[]\n" + '{"entry": 1}'  # a record of one entry, no discrepancy

        def store_record(self, key, text):
            pass

        def count(self, parsed, articles=1):
            pass

    corpus = types.SimpleNamespace(by_event=lambda: {e: () for e in ("e0", "e1", "e2", "e3", "e4")})
    lines = streamed.json_lines(corpus, ["e0", "e1", "e2", "e3", "e4"], ("json",), Records(), lambda _: Slow(),
                                streamed.Tally("error", frozenset()))  # Slow tells its own readiness
    assert list(lines) == ['{"entry": 1}'] * 4
    assert held_at_wait == [3]  # e0 went out; e2 and e3 (24 characters) were held, then e1 waited for


# A check in a process of its own, then what it imported of the reading layer and the table and progress bar libraries.
_IMPORTED = (
    "import sys\n"
    "from checker import cli\n"
    "status = cli.main(sys.argv[1:])\n"
    "heavy = ('checker.read.grammars', 'checker.read.candidates', 'checker.read.values', 'tabulate', 'tqdm')\n"
    "print(status, *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
)


def _imported(*argv: str) -> str:
    done = subprocess.run([sys.executable, "-c", _IMPORTED, *argv], capture_output=True, text=True, check=True)
    return done.stderr.strip().splitlines()[-1]


def test_a_warm_json_report_builds_no_grammar(workdir, cache):
    """What is all in the records is written without the reading layer, whose grammars take most of a warm run's start."""
    assert _imported("check", "--format", "json") == "0 checker.read.candidates checker.read.grammars checker.read.values"
    assert _imported("check", "--format", "json") == "0"
    assert _imported("check").startswith("0 ") and "tabulate" in _imported("check")  # the table is drawn by tabulate


def test_with_jobs_an_edited_article_is_read_in_a_worker_while_the_records_are_written(workdir, cache):
    """After an edit, the workers import the reading layer and read the event; this process never needs it."""
    assert _imported("check", "--format", "json", "--jobs", "2") == "0"  # cold: every article read in a worker
    edit(workdir / AID, "$61 billion", "$16 billion")
    assert _imported("check", "--format", "json", "--jobs", "2") == "1"  # read, and a contradiction found
    assert _imported("check", "--format", "json") == "1"  # the same, from its new record


def test_a_record_marks_what_the_baseline_accepts_and_names_the_stale(capsys, workdir, cache):
    edit(workdir / AID, "$61 billion", "$16 billion")
    run(capsys, "check", "--format", "json")  # the record is kept before any baseline
    run(capsys, "baseline")
    status, out, _ = run(capsys, "check", "--format", "json")
    assert status == 0
    discrepancies = [r for r in json.loads(out)["results"] if r["verdict"] == "conflict"]
    assert discrepancies and all(r["accepted"] for r in discrepancies)
    assert out == run(capsys, "check", "--format", "json", "--no-cache")[1]
    edit(workdir / AID, "$16 billion", "$61 billion")
    status, _, err = run(capsys, "check", "--format", "json")
    assert status == 0 and "stale: blinken-china-2024 / ukraine-aid: conflict between USD 16 billion and USD 61 billion" in err


def test_an_edited_article_makes_its_event_judged_again(capsys, tmp_path, monkeypatch):
    events_corpus(tmp_path / "corpus", 3)
    monkeypatch.chdir(tmp_path)
    argv = ("check", "--rules", "builtin:common", "--corpus", "corpus", "--format", "json", "--cache-stats")
    run(capsys, *argv)
    edit(tmp_path / "corpus/event-1/b.txt", "3 people", "4 people")
    status, out, err = run(capsys, *argv)
    assert err.strip().endswith(": 5 hits, 1 parsed, 0 corrupt")  # the other article of event-1 from its entry
    assert out == run(capsys, *argv[:-1], "--no-cache")[1]


def test_a_corrupt_record_is_judged_again(capsys, workdir, cache):
    expected = run(capsys, "check", "--format", "json")[1]
    ((key, body),) = cache_rows(cache, "record")
    set_cache_row(cache, key, body.replace(b"agree", b"conflict", 1))
    status, out, err = run(capsys, "check", "--format", "json", "--cache-stats")
    assert out == expected
    assert err.strip().endswith(": 5 hits, 0 parsed, 1 corrupt")


def test_misses_are_a_record_of_their_own(capsys, workdir, cache):
    plain = run(capsys, "check", "--format", "json")[1]
    with_misses = run(capsys, "check", "--format", "json", "--show-misses")[1]
    assert with_misses == run(capsys, "check", "--format", "json", "--show-misses", "--no-cache")[1]
    assert plain != with_misses and '"misses"' in with_misses


# -- manifests remembered by the hash of their bytes --------------------------------
def test_remembered_manifests_read_as_parsed_ones_and_an_edit_is_seen(tmp_path):
    events_corpus(tmp_path / "corpus", 2)
    (tmp_path / "corpus/event-1/manifest.yaml").write_text(
        "event: summit\ntimezone: Asia/Jakarta\ndate: 2024-04-22..2024-04-24\narticles:\n"
        "  - {file: a.txt, outlet: A, published: 2024-04-26, url: 'https://a.example/1', inferred: [talks]}\n",
        encoding="utf-8")
    memo: dict = {}
    parsed = load_corpus(tmp_path / "corpus", memo=memo)
    assert len(memo) == 2
    assert load_corpus(tmp_path / "corpus", memo=memo) == parsed == load_corpus(tmp_path / "corpus")
    edit(tmp_path / "corpus/event-0/manifest.yaml", "outlet: A", "outlet: Another")
    assert {a.outlet for a in load_corpus(tmp_path / "corpus", memo=memo).articles} >= {"Another"}
    edit(tmp_path / "corpus/event-0/manifest.yaml", "outlet: Another", "outlet: [Another]")
    with pytest.raises(InputError, match=r"event-0/manifest.yaml:\d+:\d+: `outlet` must be a name"):
        load_corpus(tmp_path / "corpus", memo=memo)


def test_a_manifest_listing_a_missing_article_is_named_from_memory_too(tmp_path):
    events_corpus(tmp_path / "corpus", 1)
    memo: dict = {}
    load_corpus(tmp_path / "corpus", memo=memo)
    (tmp_path / "corpus/event-0/b.txt").unlink()
    with pytest.raises(InputError, match=r"event-0/manifest.yaml:\d+:\d+: manifest lists 'b.txt'"):
        load_corpus(tmp_path / "corpus", memo=memo)


# -- review: errors raised in worker processes -----------------------------------------
def test_bad_input_is_pickled_back_whole():
    import pickle

    from checker.errors import Location

    error = pickle.loads(pickle.dumps(InputError(Location("a.txt", 3, 4), "changed")))
    assert (str(error), error.location, error.message) == ("a.txt:3:4: changed", Location("a.txt", 3, 4), "changed")


def test_an_article_changed_under_a_jobs_check_is_refused_not_a_hang(tmp_path):
    import subprocess
    import sys

    events_corpus(tmp_path / "corpus", 4)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from checker.errors import InputError\n"
        "from checker.judge.check import check\n"
        "from checker.load.corpus import load_corpus\n"
        "from checker.rules.load import load_rules\n"
        "corpus = load_corpus(Path(sys.argv[1]))\n"
        "Path(sys.argv[1], 'event-2', 'a.txt').write_text('At least 9 people were killed on Monday.\\n')\n"
        "try:\n"
        "    check(load_rules(Path(sys.argv[2])), corpus, jobs=2)\n"
        "except InputError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "corpus"), str(COMMON)],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert "event-2/a.txt: changed while it was being checked" in done.stdout, done.stderr


def test_a_manifest_inferring_a_date_is_bad_input_not_a_traceback(capsys, tmp_path, monkeypatch):
    events_corpus(tmp_path / "corpus", 1)
    edit(tmp_path / "corpus/event-0/manifest.yaml", "outlet: A", "outlet: A\n  inferred: [2024-04-26]")
    monkeypatch.chdir(tmp_path)
    for fmt in ("table", "json"):
        status, _, err = run(capsys, "check", "--rules", "builtin:common", "--corpus", "corpus", "--format", fmt)
        assert status == 2 and err.count("\n") == 1, err
        assert re.search(r"event-0/manifest.yaml:\d+:\d+: an `inferred` key must be a name", err), err


def test_manifests_remembered_by_another_version_are_not_trusted(capsys, tmp_path, monkeypatch, cache):
    import hashlib

    from checker.judge.cache import Cache

    events_corpus(tmp_path / "corpus", 1)
    monkeypatch.chdir(tmp_path)
    argv = ("check", "--rules", "builtin:common", "--corpus", "corpus", "--format", "json")
    expected = run(capsys, *argv, "--no-cache")[1]
    manifest = hashlib.sha256((tmp_path / "corpus/event-0/manifest.yaml").read_bytes()).hexdigest()
    # what another claimcheck (older, newer) remembered of the same bytes, in its own shape
    Cache(cache)._write("memo:manifests", {manifest: {"event": "elsewhere", "articles": []}})
    status, out, err = run(capsys, *argv)
    assert (status, out) == (1 if '"conflict"' in expected else 0, expected), err


# -- review: lines and github written as events are judged -----------------------------
@pytest.mark.parametrize("fmt", ["lines", "github"])
def test_lines_and_annotations_are_written_as_results_come(fmt, root, seed_copy):
    from checker.report.formats import chunks

    edit(seed_copy / AID.removeprefix("seeds/"), "$61 billion", "$16 billion")
    results = check(load_rules(root / "rules"), load_corpus(seed_copy))
    assert any(r.fails("error") for r in results)

    def judged():
        yield from results
        raise RuntimeError("the next event was never judged")

    first = next(chunks(judged(), fmt))
    assert "ukraine-aid" in first


def test_checking_more_events_holds_no_more_of_their_texts(tmp_path):
    filler = "The committee met again on Monday to discuss the budget. " * 140  # about 8 KB an article
    for n in range(65):
        event = tmp_path / "corpus" / f"event-{n:02d}"
        event.mkdir(parents=True)
        for outlet in "ab":
            (event / f"{outlet}.txt").write_text(f"{n + 2} people were killed on Monday. {filler}\n", encoding="utf-8")
        (event / "manifest.yaml").write_text(
            f"event: event-{n}\narticles:\n  - {{file: a.txt, outlet: A, published: 2024-04-26}}\n"
            "  - {file: b.txt, outlet: B, published: 2024-04-26}\n", encoding="utf-8")
    judged = judged_events(load_rules(COMMON), load_corpus(tmp_path / "corpus"))
    for _ in range(35):  # past what the first events build once
        next(judged)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(30):
            next(judged)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 200_000  # 30 events read 480 KB of text: none of it is kept
