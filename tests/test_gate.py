"""The pieces of the commit gate: messages, baseline, touched events, the parse cache."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
import yaml

from checker.judge.cache import Cache, Entry
from checker.errors import InputError
from checker.judge.check import check
from checker.load.corpus import load_corpus
from checker.rules.load import load_rules
from conftest import cache_rows, edit, run, set_cache_row

AID = "seeds/003_6ce6e43769081fee.txt"
COMMON = Path(__file__).resolve().parent.parent / "checker" / "builtin" / "common"
EDITED_AID_MESSAGE = (
    "003_6ce6e43769081fee.txt:38:268: ukraine-aid: $16 billion here, "
    "but $61 billion in NDTV (syndicated feed) (002_2b7f539160dc2239.txt:51:196)"
)


# -- messages a committer can act on ---------------------------------------------
def test_lines_name_the_edited_article_and_the_other_side(capsys, workdir):
    edit(workdir / AID, "$61 billion", "$16 billion")
    status, out, _ = run(capsys, "check", "--format", "lines")
    assert status == 1
    assert f"seeds/{EDITED_AID_MESSAGE}" in out.splitlines()


def test_github_format_is_one_annotation_per_line(capsys, workdir):
    edit(workdir / AID, "$61 billion", "$16 billion")
    status, out, _ = run(capsys, "check", "--format", "github")
    assert status == 1
    lines = out.splitlines()
    assert f"::error file={AID},line=38,col=268,title=ukraine-aid::$16 billion here, but $61 billion in NDTV" in "\n".join(lines)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith("::warning ") and "title=partnership" in line for line in lines)


def test_lines_are_silent_when_nothing_is_wrong(capsys, workdir):
    status, out, _ = run(capsys, "check", "--format", "lines", "--fail-on", "error")
    assert status == 0
    assert "ukraine-aid" not in out


# -- the baseline ---------------------------------------------------------------------
def test_baseline_accepts_todays_discrepancies_and_only_those(capsys, workdir):
    edit(workdir / AID, "$61 billion", "$16 billion")
    assert run(capsys, "baseline")[0] == 0
    data = yaml.safe_load((workdir / "claimcheck-baseline.yaml").read_text(encoding="utf-8"))
    keys = [(e["event"], e["field"]) for e in data["accepted"]]
    assert keys == sorted(keys)
    assert {"event": "blinken-china-2024", "field": "ukraine-aid", "verdict": "conflict",
            "values": ["USD 16 billion", "USD 61 billion"]} in data["accepted"]

    assert run(capsys, "check", "--format", "lines")[0] == 0  # found by its default name

    edit(workdir / "seeds/000_967cf268cc0a6f14.txt", "Blinken", "Mr Blinken")  # an unrelated edit
    assert run(capsys, "check", "--format", "lines")[0] == 0

    edit(workdir / AID, "$16 billion", "$17 billion")  # a new value in dispute
    status, out, err = run(capsys, "check", "--format", "lines")
    assert status == 1
    assert "$17 billion here" in out
    assert "stale: blinken-china-2024 / ukraine-aid: conflict between USD 16 billion and USD 61 billion" in err


def test_json_marks_accepted_discrepancies_and_stays_json_with_stale_entries(capsys, workdir):
    run(capsys, "baseline")
    edit(workdir / AID, "$61 billion", "$16 billion")
    status, out, err = run(capsys, "check", "--format", "json")
    results = {r["field"]: r for r in json.loads(out)["results"]}  # stdout is JSON alone
    assert status == 1 and "accepted" not in results["ukraine-aid"]
    assert results["partnership"]["accepted"] is True
    edit(workdir / AID, "$16 billion", "$61 billion")
    edit(workdir / "seeds/003_6ce6e43769081fee.txt", "no limits", "unrestricted")
    status, out, err = run(capsys, "check", "--format", "json")
    assert status == 0 and json.loads(out)
    assert "stale: blinken-china-2024 / partnership" in err


def test_baseline_into_a_missing_folder_is_one_line_not_a_traceback(capsys, workdir):
    status, out, err = run(capsys, "baseline", "--output", "no/such/folder/b.yaml")
    assert status == 2 and "Traceback" not in err
    assert err.startswith("claimcheck: no/such/folder/b.yaml: cannot write the baseline")


def test_baseline_file_is_written_atomically_and_stays_sorted(capsys, workdir):
    run(capsys, "baseline", "--output", "accepted.yaml")
    first = (workdir / "accepted.yaml").read_text(encoding="utf-8")
    run(capsys, "baseline", "--output", "accepted.yaml")
    assert (workdir / "accepted.yaml").read_text(encoding="utf-8") == first
    assert not [p for p in workdir.iterdir() if p.name.endswith(".tmp")]


def test_a_malformed_baseline_is_bad_input(capsys, workdir):
    (workdir / "claimcheck-baseline.yaml").write_text("accepted:\n  - event: x\n    feild: y\n", encoding="utf-8")
    status, out, err = run(capsys, "check")
    assert status == 2 and out == ""
    assert err.startswith("claimcheck: claimcheck-baseline.yaml:3:5: unknown key 'feild'")


# -- touched events ---------------------------------------------------------------------
def test_files_outside_any_event_touch_nothing(capsys, workdir):
    edit(workdir / AID, "$61 billion", "$16 billion")
    (workdir / "README.md").write_text("notes\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", "--format", "lines", "README.md")
    assert (status, out) == (0, "")


def test_a_touched_article_is_still_compared_with_every_other(capsys, workdir):
    edit(workdir / AID, "$61 billion", "$16 billion")
    status, out, _ = run(capsys, "check", "--format", "json", "seeds/000_967cf268cc0a6f14.txt")
    assert status == 1  # the event of 000 holds the edited 003 too
    events = {r["event"] for r in json.loads(out)["results"]}
    assert events == {"blinken-china-2024"}


def test_a_rule_file_or_manifest_touches_its_events(capsys, workdir):
    for path in ("rules/blinken-china-2024.yaml", "seeds/manifest.yaml"):
        status, out, _ = run(capsys, "check", "--format", "json", path)
        assert {r["event"] for r in json.loads(out)["results"]} == {"blinken-china-2024"}, path


# -- the parse cache ----------------------------------------------------------------------
SENTENCES = [
    "The ministry said {n} people were killed in the attack on {day}.",
    "Officials pledged ${m} million in aid, officials said.",
    "At least {n} people were injured and {k} were evacuated from the district.",
]


def make_corpus(folder: Path, events: int, per_event: int) -> None:
    """events × per_event short articles, each with figures the common rules read."""
    for e in range(events):
        event_folder = folder / f"event-{e:03d}"
        event_folder.mkdir(parents=True)
        manifest = {"event": f"event-{e:03d}", "articles": []}
        for a in range(per_event):
            name = f"outlet-{a}.txt"
            text = " ".join(s.format(n=10 + e, m=5 + a % 2, k=100 + e, day="Monday") for s in SENTENCES)
            (event_folder / name).write_text(f"Report {e}-{a}\n\n{text}\n", encoding="utf-8")
            manifest["articles"].append({"file": name, "outlet": f"Outlet {a}", "published": dt.date(2024, 4, 26)})
        (event_folder / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")


def test_cache_parses_each_of_1000_articles_once_and_an_edited_one_again(tmp_path, root):
    make_corpus(tmp_path / "corpus", events=200, per_event=5)
    rules = load_rules(COMMON)
    cache = Cache(tmp_path / "cache")

    first = check(rules, load_corpus(tmp_path / "corpus"), cache=cache)
    assert (cache.hits, cache.misses) == (0, 1000)

    cache = Cache(tmp_path / "cache")
    second = check(rules, load_corpus(tmp_path / "corpus"), cache=cache)
    assert (cache.hits, cache.misses) == (1000, 0)  # no article went through the parser again
    assert second == first

    edit(tmp_path / "corpus/event-042/outlet-3.txt", "were killed", "died")
    cache = Cache(tmp_path / "cache")
    check(rules, load_corpus(tmp_path / "corpus"), cache=cache)
    assert (cache.hits, cache.misses) == (999, 1)


@pytest.mark.parametrize("change", ["two articles name another day", "the manifest gives a date"])
def test_when_the_event_s_time_changes_its_unedited_articles_are_read_again(tmp_path, root, change):
    make_corpus(tmp_path / "corpus", events=2, per_event=3)
    rules = load_rules(COMMON)
    check(rules, load_corpus(tmp_path / "corpus"), cache=Cache(tmp_path / "cache"))
    if change == "two articles name another day":  # two of three: the event's day moves
        for name in ("outlet-0.txt", "outlet-1.txt"):
            edit(tmp_path / "corpus/event-001" / name, "on Monday", "on Tuesday")
    else:
        edit(tmp_path / "corpus/event-001/manifest.yaml", "event: event-001", "event: event-001\ndate: 2024-04-23")
    corpus = load_corpus(tmp_path / "corpus")
    cache = Cache(tmp_path / "cache")
    results = check(rules, corpus, cache=cache)
    assert (cache.hits, cache.misses) == (3, 3)  # all of event-001, the unedited article too
    assert results == check(rules, corpus)
    assert {r.event_time.day for r in results if r.event == "event-001"} == {dt.date(2024, 4, 23)}


def test_a_corrupt_entry_is_recomputed_not_trusted(tmp_path, root):
    make_corpus(tmp_path / "corpus", events=1, per_event=3)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    expected = check(rules, corpus, cache=Cache(tmp_path / "cache"))
    entries = cache_rows(tmp_path / "cache")
    assert len(entries) == 3
    set_cache_row(tmp_path / "cache", entries[0][0], b"{not an entry")  # its checksum no longer matches
    named, event_time, sentences, mentions = marshal.loads(entries[1][1])
    first = list(mentions[0])
    first[3] += 3  # its start, changed after it was written
    set_cache_row(tmp_path / "cache", entries[1][0], marshal.dumps((named, event_time, sentences, (tuple(first), *mentions[1:]))))
    # checksummed, but not an entry: it does not read back
    not_entry = marshal.dumps(((), "", (), ((1, 2),)))
    set_cache_row(tmp_path / "cache", entries[2][0], not_entry, hashlib.sha256(not_entry).hexdigest())

    cache = Cache(tmp_path / "cache")
    assert check(rules, corpus, cache=cache) == expected
    assert (cache.corrupt, cache.misses, cache.hits) == (3, 3, 0)
    cache = Cache(tmp_path / "cache")
    check(rules, corpus, cache=cache)
    assert (cache.corrupt, cache.hits) == (0, 3)  # rewritten


@pytest.mark.parametrize("damage", ["garbage", "empty", "a folder"])
def test_a_cache_database_sqlite_cannot_read_is_begun_again(tmp_path, root, damage):
    from checker.judge.cache import DATABASE

    make_corpus(tmp_path / "corpus", events=2, per_event=3)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    expected = check(rules, corpus)
    database = tmp_path / "cache" / DATABASE
    database.parent.mkdir()
    if damage == "a folder":
        database.mkdir()
    else:
        database.write_bytes(b"" if damage == "empty" else b"\x00not a database\xff" * 512)
    cache = Cache(tmp_path / "cache")
    assert check(rules, corpus, cache=cache) == expected
    cache.close()
    assert cache.misses == 6
    cache = Cache(tmp_path / "cache")
    assert check(rules, corpus, cache=cache) == expected
    assert (cache.hits, cache.misses) == ((0, 6) if damage == "a folder" else (6, 0))  # a folder cannot be set aside


def test_rows_kept_when_the_database_goes_bad_are_written_to_the_new_one(tmp_path):
    from checker.judge.cache import DATABASE

    cache = Cache(tmp_path / "cache")
    cache.store_record("written", "text")
    cache.close()
    cache.store_record("kept", "text")  # not yet written
    (tmp_path / "cache" / DATABASE).write_bytes(b"\x00not a database\xff" * 512)
    assert cache.lookup_record("written") is None
    assert cache.corrupt == 1  # counted once, the new database not set aside in its turn
    cache.close()
    assert [key for key, _ in cache_rows(tmp_path / "cache", "record")] == ["record:kept"]


def test_a_check_that_stops_at_bad_input_keeps_the_manifests_it_read(capsys, tmp_path, monkeypatch):
    make_corpus(tmp_path / "corpus", events=2, per_event=2)
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "check", "--rules", str(COMMON), "--corpus", "corpus", "--cache", "cache", "--explain", "nosuch")
    assert status == 2 and "no field 'nosuch'" in err
    assert len(cache_rows(tmp_path / "cache", "memo")) == 1


def test_a_cache_folder_that_cannot_be_made_leaves_the_check_uncached(tmp_path, root):
    make_corpus(tmp_path / "corpus", events=1, per_event=3)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    (tmp_path / "cache").write_text("a file where the folder would be", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    assert check(rules, corpus, cache=cache) == check(rules, corpus)
    assert (cache.hits, cache.misses, cache.corrupt) == (0, 3, 0)
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "a file where the folder would be"


def test_two_runs_at_once_share_the_cache(tmp_path, root):
    make_corpus(tmp_path / "corpus", events=10, per_event=5)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    results, caches = [], [Cache(tmp_path / "cache") for _ in range(4)]
    threads = [threading.Thread(target=lambda c=c: results.append(check(rules, corpus, cache=c))) for c in caches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == results[0] for r in results) and len(results) == 4
    assert len(cache_rows(tmp_path / "cache")) == 50
    cache = Cache(tmp_path / "cache")
    check(rules, corpus, cache=cache)
    assert (cache.hits, cache.corrupt) == (50, 0)


def test_cache_rows_are_written_a_batch_at_a_time_and_read_before(tmp_path, root, monkeypatch):
    """Kept rows are read back by their own run at once, written for others when a batch is full or the reading ends."""
    from checker.judge import cache as cache_module

    monkeypatch.setattr(cache_module, "_BATCH", 4)
    make_corpus(tmp_path / "corpus", events=1, per_event=3)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    cache = Cache(tmp_path / "cache")
    entries = [(a, Entry((), "", ())) for a in corpus.articles]
    for article, entry in entries:
        cache.store(article, rules.digest, entry)
    assert [cache.lookup(a, rules.digest) for a, _ in entries] == [e for _, e in entries]  # kept, not yet written
    assert Cache(tmp_path / "cache").lookup(corpus.articles[0], rules.digest) is None  # another run's
    assert cache_rows(tmp_path / "cache") == []
    cache.store_record("key", "text")  # the fourth row: a batch
    assert len(cache_rows(tmp_path / "cache")) == 3 and cache_rows(tmp_path / "cache", "record")
    check(rules, corpus, cache=Cache(tmp_path / "cache2"))  # not closed: written when its reading ended
    assert len(cache_rows(tmp_path / "cache2")) == 3


def test_the_records_held_are_asked_for_a_few_hundred_at_a_time(tmp_path, monkeypatch):
    from checker.judge import cache as cache_module

    monkeypatch.setattr(cache_module, "_ASKED", 3)
    monkeypatch.setattr(cache_module, "_BATCH", 4)
    cache = Cache(tmp_path / "cache")
    for n in range(0, 10, 2):  # the even ones, four written and one kept
        cache.store_record(f"key-{n}", "text")
    assert len(cache_rows(tmp_path / "cache", "record")) == 4
    assert cache.held_records(f"key-{n}" for n in range(10)) == {f"key-{n}" for n in range(0, 10, 2)}
    assert cache.held_records([]) == frozenset()


def test_a_batch_another_run_keeps_locked_is_dropped_not_raised(tmp_path, root, monkeypatch):
    import sqlite3

    from checker.judge import cache as cache_module

    monkeypatch.setattr(cache_module, "_WAIT", 0.1)
    make_corpus(tmp_path / "corpus", events=1, per_event=3)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    check(rules, corpus, cache=Cache(tmp_path / "cache"))  # the database made
    other = sqlite3.connect(tmp_path / "cache" / cache_module.DATABASE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run, writing for longer than this one waits
    cache = Cache(tmp_path / "cache")
    cache.store(corpus.articles[0], "other rules", Entry((), "", ()))
    cache.close()  # its batch cannot be written: dropped, the check goes on
    other.rollback()
    other.close()
    assert Cache(tmp_path / "cache").lookup(corpus.articles[0], "other rules") is None
    assert len(cache_rows(tmp_path / "cache")) == 3


def test_cache_stats_and_no_cache(capsys, workdir):
    run(capsys, "check", "--cache-stats")
    _, _, err = run(capsys, "check", "--cache-stats")
    assert err.strip().endswith(": 5 hits, 0 parsed, 0 corrupt")
    status, _, err = run(capsys, "check", "--no-cache", "--cache-stats")
    assert (status, err) == (0, "")


def test_two_processes_give_the_same_results_as_one(tmp_path, root):
    make_corpus(tmp_path / "corpus", events=6, per_event=5)
    edit(tmp_path / "corpus/event-002/outlet-1.txt", "were killed", "were killed, and 99 died")
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    one = check(rules, corpus, jobs=1)
    assert check(rules, corpus, jobs=2) == one
    assert any(r.verdict == "conflict" for r in one)
    cache = Cache(tmp_path / "cache")
    assert check(rules, corpus, jobs=2, cache=cache) == one and cache.misses == 30


def test_the_worker_pool_replaces_a_worker_that_exits(tmp_path):
    """Its worker-keeping thread no longer wakes for every result; a worker's exit still wakes it."""
    import multiprocessing

    from checker.judge.check import _quiet_pool

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the pool is forked where it can be")
    # each worker leaves after one task: 20 tasks are done only if 18 workers are started after the first two
    with _quiet_pool()(2, maxtasksperchild=1, context=multiprocessing.get_context("fork")) as pool:
        assert pool.map_async(abs, range(-20, 0), chunksize=1).get(timeout=60) == list(range(20, 0, -1))


def test_a_commit_of_one_article_reads_only_its_folder(capsys, tmp_path, root, monkeypatch):
    make_corpus(tmp_path / "corpus", events=3, per_event=2)
    (tmp_path / "corpus/event-001/outlet-0.txt").write_bytes(b"\x00binary")  # bad, but not touched
    shutil.copytree(COMMON, tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", "--rules", "rules", "--corpus", "corpus", "corpus/event-002/outlet-1.txt")
    assert status in (0, 1) and err == ""  # the untouched folder with the bad article was not read
    assert "Event: event-002" in out and "event-001" not in out
    status, _, err = run(capsys, "check", "--rules", "rules", "--corpus", "corpus", "rules/casualties.yaml")
    assert status == 2 and "event-001/outlet-0.txt" in err  # a rule file concerns every folder


@pytest.mark.skipif(sys.platform != "linux", reason="a thread has a priority of its own on Linux")
def test_a_worker_readies_its_reading_layer_at_low_priority_in_a_thread_of_its_own():
    """Workers start before the corpus is loaded: their imports must not take the CPU from the main process."""
    from checker.judge.check import LOW_PRIORITY, lower_priority

    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen = []

    def lowered():
        lower_priority()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=lowered)
    thread.start()
    thread.join()
    assert seen == [max(before, LOW_PRIORITY)]
    assert os.getpriority(os.PRIO_PROCESS, 0) == before  # the calling thread's own is as it was


@pytest.mark.parametrize("case", ["cached", "bad article"])
def test_workers_started_before_the_corpus_is_loaded_are_gone_when_the_check_ends(capsys, tmp_path, monkeypatch, case):
    """With --jobs, workers start before anything is known of the corpus; they end
    with the check, whether nothing needed reading or the corpus is bad input."""
    import multiprocessing

    make_corpus(tmp_path / "corpus", events=2, per_event=2)
    monkeypatch.chdir(tmp_path)
    argv = ("check", "--rules", str(COMMON), "--corpus", "corpus", "--jobs", "2", "--cache", "cache", "--format", "json")
    first = run(capsys, *argv)[0]
    if case == "bad article":
        (tmp_path / "corpus/event-001/outlet-0.txt").write_bytes(b"\xff\xfe not UTF-8")
    status, _, err = run(capsys, *argv)
    assert status == (2 if case == "bad article" else first)
    assert ("outlet-0.txt" in err) == (case == "bad article")
    assert multiprocessing.active_children() == []


def _read_ahead_corpus(folder: Path):
    """Six events; event-004's manifest gives one of its articles to event-001, whose folder loads first."""
    make_corpus(folder, events=6, per_event=3)
    edit(folder / "event-002/outlet-1.txt", "were killed", "were killed, and 99 died")
    manifest = yaml.safe_load((folder / "event-004/manifest.yaml").read_text(encoding="utf-8"))
    manifest["articles"][0]["event"] = "event-001"
    (folder / "event-004/manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")


def test_events_read_as_the_corpus_loads_are_judged_as_when_read_after(tmp_path):
    """With --jobs, a whole corpus's first events go to the workers folder by
    folder as it loads; an event a later folder adds to is read again whole."""
    from checker.judge.check import Workers

    _read_ahead_corpus(tmp_path / "corpus")
    rules = load_rules(COMMON)
    one = check(rules, load_corpus(tmp_path / "corpus"), jobs=1)
    assert any(r.verdict == "conflict" for r in one)
    assert len(next(r for r in one if r.event == "event-001").values) == 4  # with the article event-004's folder adds
    with Workers(2, rules, early=True) as workers:
        corpus = load_corpus(tmp_path / "corpus", loaded=lambda articles: workers.read_ahead(articles, None))
        assert check(rules, corpus, workers=workers) == one


def test_an_event_read_ahead_is_not_read_again(tmp_path):
    """Its result is taken as it was read: a file changed after that goes unseen,
    where reading it again would have said that it changed while being checked."""
    from checker.judge.check import Workers

    make_corpus(tmp_path / "corpus", events=2, per_event=2)
    rules = load_rules(COMMON)
    as_it_was = check(rules, load_corpus(tmp_path / "corpus"), jobs=1)
    with Workers(2, rules, early=True) as workers:
        corpus = load_corpus(tmp_path / "corpus", loaded=lambda articles: workers.read_ahead(articles, None))
        for _, result in workers._ahead.values():
            result.wait(timeout=60)
        edit(tmp_path / "corpus/event-001/outlet-0.txt", "were killed", "died")
        assert check(rules, corpus, workers=workers) == as_it_was
    with pytest.raises(InputError, match="changed while it was being checked"):
        check(rules, corpus, jobs=1)


def test_nothing_is_read_ahead_once_the_cache_keeps_an_event(tmp_path):
    """A check the cache answers must not read its first events for nothing."""
    from checker.judge.check import Workers

    make_corpus(tmp_path / "corpus", events=3, per_event=2)
    rules, corpus = load_rules(COMMON), load_corpus(tmp_path / "corpus")
    cache = Cache(tmp_path / "cache")
    check(rules, corpus, cache=cache, events=frozenset({"event-001"}))
    with Workers(2, rules, early=True) as workers:
        for articles in corpus.by_event().values():
            workers.read_ahead(articles, cache)
        assert list(workers._ahead) == ["event-000"]  # read ahead until event-001, which the cache keeps
