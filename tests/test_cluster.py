"""--scheduler: events read on a Dask cluster (a LocalCluster of two worker
processes here) give the report --jobs 1 gives, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The three event corpora and the seeds in one corpus."""
    for name in ("kelapi-quake", "merriden-quillon", "hallebrand-heist"):
        shutil.copytree(ROOT / "tests/corpora" / name / "corpus", tmp_path / "corpus" / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "corpus" / "seeds")
    return tmp_path / "corpus"


RULES = [a for name in ("kelapi-quake", "merriden-quillon", "hallebrand-heist")
         for a in ("--rules", str(ROOT / "tests/corpora" / name / "rules"))] + [
    "--rules", str(ROOT / "rules"), "--rules", "builtin:common"]


def report(capsys, corpus: Path, *extra: str) -> tuple[int, str]:
    status = main(["check", "--no-cache", "--corpus", str(corpus), "--format", "json", *RULES, *extra])
    return status, capsys.readouterr().out


def test_the_cluster_gives_the_report_one_process_gives(capsys, scheduler, corpus):
    alone = report(capsys, corpus, "--jobs", "1")
    assert alone[0] == 1 and alone[1].count("\n") > 20
    assert report(capsys, corpus, "--scheduler", scheduler) == alone


def test_the_cluster_fills_the_cache_as_one_process_would(capsys, scheduler, corpus, tmp_path):
    args = ["check", "--corpus", str(corpus), *RULES, "--cache", str(tmp_path / "cache"), "--cache-stats",
            "--format", "json"]
    main([*args, "--scheduler", scheduler])
    first = capsys.readouterr()
    main(args)
    second = capsys.readouterr()
    assert first.out == second.out
    assert "0 hits, 26 parsed" in first.err and "26 hits, 0 parsed" in second.err


def test_an_unreachable_scheduler_is_one_line(capsys, corpus):
    status = main(["check", "--no-cache", "--corpus", str(corpus), *RULES, "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "cannot reach the Dask scheduler" in err


def test_runs_with_other_rules_for_the_same_events_keep_their_own(capsys, scheduler, tmp_path):
    """The rules go to the workers under a key of their content, not of the
    event names they share: another client holding data under an event's name
    (another run's rules, say) changes nothing."""
    other = Client(scheduler)
    held = other.scatter({"blinken-china-2024": ()}, broadcast=True)  # noqa: F841 (held while the runs go on)
    strict = tmp_path / "strict"
    shutil.copytree(ROOT / "rules", strict)
    path = strict / "blinken-china-2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("severity: warning", "severity: error"), encoding="utf-8")
    for rules in (str(ROOT / "rules"), str(strict), str(ROOT / "rules")):
        args = ["check", "--no-cache", "--corpus", str(ROOT / "seeds"), "--rules", rules, "--format", "json"]
        main(args)
        alone = capsys.readouterr().out
        main([*args, "--scheduler", scheduler])
        assert capsys.readouterr().out == alone
    other.close()


def test_a_check_the_cache_answers_whole_asks_nothing_of_the_cluster(capsys, tmp_path, monkeypatch):
    """As before the check streamed: no connection (and no cluster needed) when no event is to be read."""
    import distributed

    args = ["check", "--corpus", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "--cache", str(tmp_path / "cache")]
    assert main(args) == main(args)  # the cache filled
    capsys.readouterr()

    def unreachable(*_, **__):
        raise OSError("no cluster here")

    monkeypatch.setattr(distributed, "Client", unreachable)
    for fmt in ("table", "lines", "json"):
        status = main([*args, "--format", fmt, "--scheduler", "tcp://127.0.0.1:9"])
        assert status in (0, 1), capsys.readouterr().err
