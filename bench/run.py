"""claimcheck's benchmark: every figure measured in one run, printed and written to bench/RESULTS.md.

    make bench                      # 2,000 events x 5 outlets (10,000 articles)
    python bench/run.py --events 200   # a quicker look

1. corpus: generated from the seeds (bench/corpus.py), with planted contradictions;
2. cold check with --jobs 1 and --jobs 2: seconds, MB/s, articles/s, peak memory,
   planted contradictions found;
3. warm (every article cached; the JSON report from its per-event records) and
   incremental (one article edited, checked as pre-commit would: with its file
   name, and the whole corpus), beside reading and hashing the corpus's bytes;
4. value extraction beside quantulum3 and dateparser's search_dates on the same
   text, in this process, and beside one compiled regex pass;
5. scaling: 1x, 2x, 4x the corpus; 1x, 4x, 16x the rules; and at scale, a
   JSON-lines corpus of 100,000 articles checked cold with --jobs 2 and on a
   local Dask cluster of 2 workers, with the time 10 million would take;
6. hostile input beside the corpus's own throughput: one 50 MB article on one
   line, a text with no sentence end at all, and a pattern of many `...` and
   optional words that a backtracking regex would take exponential time on.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Callable
from pathlib import Path

import yaml
from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as generator  # noqa: E402

from checker.read.text import normalize, split_sentences  # noqa: E402
from checker.read.candidates import CANDIDATE  # noqa: E402
from checker.read.values import find_values, forget_parses, values_in  # noqa: E402

CLAIMCHECK = str(Path(sys.executable).parent / "claimcheck")
# Runs a command and reports its wall time and the peak memory of its process tree.
# Its first argument is where the command's stdout goes ("-": captured).
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "out = subprocess.PIPE if sys.argv[1] == '-' else open(sys.argv[1], 'w')\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE, text=True)\n"
    "seconds = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stdout.write(done.stdout or '')\n"
    "sys.stderr.write(done.stderr + f'\\n@@ {seconds} {peak} {done.returncode}\\n')\n"
)


def measure(argv: list[str], cwd: Path, to_file: Path | None = None) -> dict:
    """Seconds and peak MB of a command; its stdout captured, or written to `to_file`."""
    target = "-" if to_file is None else str(to_file)
    done = subprocess.run([sys.executable, "-c", _MEASURE, target, *argv], cwd=cwd, capture_output=True, text=True)
    seconds, peak_kb, status = done.stderr.rsplit("@@ ", 1)[1].split()
    if int(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return {"seconds": float(seconds), "peak_mb": int(peak_kb) / 1024, "out": done.stdout, "err": done.stderr}


def check(work: Path, jobs: int, cache: Path, *extra: str, rules: str = "rules", corpus: str = "corpus",
          json_to: Path | None = None) -> dict:
    """A check's figures: its discrepancies as lines, or (`json_to`) the JSON report written to that file."""
    argv = [CLAIMCHECK, "check", "--rules", rules, "--corpus", corpus, "--format", "lines" if json_to is None else "json",
            "--jobs", str(jobs), "--cache", str(cache), "--cache-stats", *extra]
    return measure(argv, work, json_to)


# Reading the corpus as the least any check must do, and one regex pass over
# it, each as a process of its own, as a check is: the baselines of the ratios.
_READ_AND_HASH = (
    "import hashlib, os, sys\n"
    "for folder, _, names in os.walk(sys.argv[1]):\n"
    "    for name in names:\n"
    "        with open(os.path.join(folder, name), 'rb') as f: hashlib.sha256(f.read()).hexdigest()\n"
)
_REGEX_PASS = (  # what the simplest figure finder does: every run of digits
    "import os, re, sys\n"
    "figures = re.compile(r'\\d[\\d,.]*')\n"
    "for folder, _, names in os.walk(sys.argv[1]):\n"
    "    for name in names:\n"
    "        with open(os.path.join(folder, name), encoding='utf-8') as f: sum(1 for _ in figures.finditer(f.read()))\n"
)


def baselines(work: Path) -> tuple[Callable[[], dict], Callable[[], dict]]:
    """(reading every file of the corpus and hashing it, one compiled regex pass over the same text), to run."""
    return (lambda: measure([sys.executable, "-c", _READ_AND_HASH, "corpus"], work),
            lambda: measure([sys.executable, "-c", _REGEX_PASS, "corpus"], work))


# A run of well under a second is at the mercy of a shared machine: those are
# run RUNS times, in turn with the runs they are compared with (A B C A B C
# ...: a drift of the machine's speed touches each alike), and their medians kept.
RUNS = 5


def in_turn(*commands: Callable[[], dict], runs: int = RUNS) -> list[dict]:
    """Each command's run of median seconds (the highest peak of its runs), the commands run in turn."""
    results: list[list[dict]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            results[i].append(command())
    medians = []
    for runs_of_one in results:
        median = dict(_median(runs_of_one))
        median["peak_mb"] = max(m["peak_mb"] for m in runs_of_one)
        medians.append(median)
    return medians


def _median(runs: list[dict]) -> dict:
    """The run of median seconds."""
    return sorted(runs, key=lambda m: m["seconds"])[len(runs) // 2]


def found(out: str) -> set[tuple[str, str]]:
    """(event, field) of every discrepancy in `--format lines` output."""
    pairs = set()
    for line in out.splitlines():
        path, _, _, field, _ = line.split(":", 4)
        pairs.add((Path(path).parent.name, field.strip()))
    return pairs


def _stats(m: dict) -> str:
    """'10000 hits, 0 parsed' from --cache-stats."""
    return re.search(r"\d+ hits, \d+ parsed", m["err"]).group(0)


def row(name: str, m: dict, size: int, articles: int, extra: str = "", whole: bool = True) -> list:
    """A table row; throughput only where the run read the whole corpus."""
    rate = [f"{size / 1e6 / m['seconds']:.2f}", f"{articles / m['seconds']:,.0f}"] if whole else ["", ""]
    return [name, f"{m['seconds']:.2f}", *rate, f"{m['peak_mb']:.0f}", extra]


# -- sections ----------------------------------------------------------------------
def cold_warm_incremental(work: Path, info: dict) -> list:
    planted = {(p["event"], p["field"]) for p in json.loads((work / "planted.json").read_text())}
    size, articles = info["bytes"], info["articles"]
    read_and_hash, regex_pass = baselines(work)
    # the regex pass is run just before and after each cold check, and the
    # check compared with the median of those runs: a drift of the machine's
    # speed over the minutes the checks take touches both alike
    passes: list[dict] = []
    cold = []
    for jobs in (1, 2):
        cache = work / f"cache-{jobs}"
        shutil.rmtree(cache, ignore_errors=True)
        before = [regex_pass() for _ in range(2)]
        m = check(work, jobs, cache)
        around = before + [regex_pass() for _ in range(3)]
        passes += around
        hit = found(m["out"])
        cold.append(row(f"cold, --jobs {jobs}", m, size, articles,
                        f"{len(hit & planted)} of {len(planted)} planted found, {len(hit - planted)} others; "
                        f"{m['seconds'] / _median(around)['seconds']:.2f}x the regex pass run around it"))
    regex = _median(passes)
    warm = check(work, 2, work / "cache-2")
    report = work / "report.json"
    first = check(work, 2, work / "cache-2", json_to=report)

    # one article edited anew before each run, a sentence added: checked as
    # pre-commit runs it (its file given), then the whole corpus to JSON
    edited = sorted((work / "corpus").rglob("*.txt"))[len(list((work / "corpus").iterdir())) // 2]
    original = edited.read_text(encoding="utf-8")
    edits = iter(range(2 * RUNS))

    def edit_and_check(*argv, **options) -> dict:
        edited.write_text(f"{original}\nThe statement was revised {next(edits) + 1} times.\n", encoding="utf-8")
        return check(work, *argv, **options)

    read, warm_json, incremental, after = in_turn(
        read_and_hash,
        lambda: check(work, 2, work / "cache-2", json_to=report),
        lambda: edit_and_check(1, work / "cache-2", str(edited.relative_to(work))),
        lambda: edit_and_check(2, work / "cache-2", json_to=report),
    )
    edited.write_text(original, encoding="utf-8")
    return [
        row("read every article's bytes and hash them", read, size, articles, f"the least a warm check does; median of {RUNS}"),
        row("one compiled regex pass over the same text", regex, size, articles,
            f"runs of digits; median of {len(passes)}, run around the cold checks"),
        *cold,
        row("warm, --jobs 2, --format lines", warm, size, articles, _stats(warm) + ", judged again"),
        row("warm, --format json to a file, first", first, size, articles, _stats(first) + ", records made"),
        row("warm, --format json to a file", warm_json, size, articles,
            f"{_stats(warm_json)}; {warm_json['seconds'] / read['seconds']:.2f}x reading and hashing; median of {RUNS}"),
        row("one article edited, its file given", incremental, size, articles,
            _stats(incremental) + f", as pre-commit runs it; median of {RUNS}", whole=False),
        row("one article edited, whole corpus, --format json", after, size, articles,
            f"{_stats(after)}; {after['seconds'] / warm_json['seconds']:.2f}x the warm run; median of {RUNS}"),
    ]


def at_scale(work: Path, articles: int, outlets: int, seed: int) -> tuple[list, list]:
    """A JSON-lines corpus of `articles`, checked cold with --jobs 2 and on a
    local Dask cluster of 2 workers, the JSON report streamed to a file; and
    the time 10 million such articles would take on N workers at the measured rate."""
    folder = work / "scale"
    info = generator.generate(folder, max(1, articles // outlets), outlets, seed, jsonl=True)
    size, count = info["bytes"], info["articles"]
    report = folder / "report.json"
    rows = []
    pool = check(folder, 2, folder / "unused", "--no-cache", corpus="corpus.jsonl", json_to=report)
    rows.append(row("--jobs 2", pool, size, count, "peak of the one process tree"))
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = check(folder, 1, folder / "unused", "--no-cache", "--scheduler", cluster.scheduler_address,
                     corpus="corpus.jsonl", json_to=report)
        workers = [_peak_mb(pid) for pid in cluster_pids(cluster.scheduler_address)]
    rows.append(row("local Dask cluster, 2 workers", dask, size, count,
                    f"client's peak; workers' peaks {', '.join(f'{w:.0f}' for w in workers)} MB"))
    per_worker = size / 1e6 / dask["seconds"] / 2  # MB/s
    target_mb = 10_000_000 * size / count / 1e6
    projected = [[n, f"{target_mb / (per_worker * n) / 3600:.1f}"] for n in (2, 8, 32, 128)]
    return rows, projected


def cluster_pids(address: str) -> list[int]:
    """The process ids of the cluster's workers."""
    from distributed import Client

    with Client(address) as client:
        return sorted(client.run(os.getpid).values())


def _peak_mb(pid: int) -> float:
    """A live process's peak resident memory (VmHWM), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM")), 0.0)


def value_extraction(work: Path, sample_bytes: int) -> list:
    texts, size = [], 0
    for path in sorted((work / "corpus").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode())
        if size >= sample_bytes:
            break
    text = "\n\n".join(texts)
    mb = len(text.encode()) / 1e6
    # article by article, remembered parses forgotten between them as a check forgets them
    # between events: the generated articles repeat the seeds' phrases more than real ones do
    articles = [[s.text for s in split_sentences(normalize(t))] for t in texts]

    def timed(fn) -> dict:
        start = time.perf_counter()
        count = fn()
        return {"seconds": time.perf_counter() - start, "peak_mb": 0.0, "count": count}

    def read_all(measures: bool) -> int:
        count = 0
        for sentences in articles:
            forget_parses()
            count += sum(1 for s in sentences for _ in find_values(s, measures=measures))
        return count

    # the grammars are built when first asked for, pint loaded with the first unit: once per run, not timed
    for measures in (False, True):
        list(find_values("On October 7 the 5.5-hour talks, 10 km away, cost $61 billion.", measures=measures))
    # ours and the regex pass take a tenth of a second: medians of runs in turn (the others take many seconds)
    ours, measured, regex = in_turn(
        lambda: timed(lambda: read_all(False)), lambda: timed(lambda: read_all(True)),
        lambda: timed(lambda: sum(1 for _ in CANDIDATE.finditer(text))),
    )
    seconds = ours["seconds"]
    # the last column: how many times faster claimcheck is (below 1: slower)
    rows = [["claimcheck value layer", f"{mb / seconds:.3f}", "1", ours["count"]],
            ["claimcheck value layer, measures on", f"{mb / measured['seconds']:.3f}",
             f"{measured['seconds'] / seconds:.2f}", measured["count"]],
            ["one compiled regex pass (candidate starts)", f"{mb / regex['seconds']:.1f}",
             f"{regex['seconds'] / seconds:.2f}", regex["count"]]]
    try:
        from quantulum3 import parser as quantulum

        q = timed(lambda: len(quantulum.parse(text)))
        rows.append(["quantulum3 parse (quantities)", f"{mb / q['seconds']:.3f}", f"{q['seconds'] / seconds:.1f}", q["count"]])
    except ImportError:
        rows.append(["quantulum3", "not installed", "", ""])
    try:
        from dateparser.search import search_dates

        d = timed(lambda: len(search_dates(text, languages=["en"]) or []))
        rows.append(["dateparser search_dates (dates)", f"{mb / d['seconds']:.3f}", f"{d['seconds'] / seconds:.1f}", d["count"]])
    except ImportError:
        rows.append(["dateparser", "not installed", "", ""])
    return rows


def seed_counts() -> list:
    """What each extractor finds in the five seed articles."""
    numeric, dated, q_n, d_n = 0, 0, 0, 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"))
        for v in values_in(text):
            dated += v.type in ("date", "date-range")
            numeric += v.type not in ("date", "date-range")
        try:
            from quantulum3 import parser as quantulum

            q_n += len(quantulum.parse(text))
        except ImportError:
            pass
        try:
            from dateparser.search import search_dates

            d_n += len(search_dates(text, languages=["en"]) or [])
        except ImportError:
            pass
    return [["claimcheck", numeric, dated], ["quantulum3", q_n, ""], ["dateparser", "", d_n]]


def scaling(work: Path, events: int, outlets: int, seed: int) -> tuple[list, list]:
    corpus_rows, rules_rows = [], []
    base = max(1, events // 4)
    for factor in (1, 2, 4):
        folder = work / f"scale-{factor}"
        info = generator.generate(folder, base * factor, outlets, seed)
        m = check(folder, 1, folder / "cache", "--no-cache")
        corpus_rows.append([f"{factor}x", info["articles"], f"{info['bytes'] / 1e6:.1f}", f"{m['seconds']:.2f}"])
    small = work / "scale-1"
    for factor in (1, 4, 16):
        rules = small / f"rules-{factor}"
        shutil.rmtree(rules, ignore_errors=True)
        for copy in range(factor):
            for path in (small / "rules").rglob("*.yaml"):
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                for field in data["fields"]:
                    field["id"] = f"{field['id']}-{copy}"
                target = rules / f"copy-{copy}" / path.relative_to(small / "rules")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        fields = sum(len(yaml.safe_load(p.read_text())["fields"]) for p in rules.rglob("*.yaml"))
        m = check(small, 1, small / "cache", "--no-cache", rules=str(rules.name))
        rules_rows.append([f"{factor}x", fields, f"{m['seconds']:.2f}"])
    return corpus_rows, rules_rows


# the pattern of many optional words and skips that used to backtrack without end
BACKTRACKING = "{value} [a] [b] [c] " + "... " * 12 + "killed"


def hostile(work: Path, big_mb: int, endless_mb: int) -> list:
    """One article of `big_mb` MB on one line, `endless_mb` MB without a sentence
    end, and the backtracking pattern on the corpus: seconds and MB/s each."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((work / "corpus").rglob("*.txt"))]
    rows = []

    def one_article(name: str, text: str) -> None:
        folder = work / name
        folder.mkdir()
        (folder / "big.txt").write_text(text, encoding="utf-8")
        (folder / "manifest.yaml").write_text(
            "event: big\narticles:\n  - file: big.txt\n    outlet: One\n    published: 2024-04-26\n", encoding="utf-8"
        )
        m = check(work, 1, work / "unused", "--no-cache", corpus=name)
        mb = len(text.encode()) / 1e6
        rows.append([f"one article of {mb:.0f} MB, {name.replace('-', ' ')}", f"{m['seconds']:.2f}",
                     f"{mb / m['seconds']:.2f}", f"{m['peak_mb']:.0f}"])

    def first_mb(size: int) -> str:
        chosen, total = [], 0
        while total < size * 1e6:
            for text in texts:
                chosen.append(" ".join(text.split()))  # the article's line breaks as spaces
                total += len(chosen[-1]) + 1
                if total >= size * 1e6:
                    break
        return " ".join(chosen)

    one_article("on-one-line", first_mb(big_mb))
    one_article("without-sentence-ends", first_mb(endless_mb).replace(". ", " ").replace("? ", " "))
    sample = work / "sample"
    for folder in sorted((work / "corpus").iterdir())[:200]:
        shutil.copytree(folder, sample / folder.name)
    articles = list(sample.rglob("*.txt"))
    size = sum(p.stat().st_size for p in articles) / 1e6
    for name, pattern in (("a plain pattern", "{value} killed"), ("the backtracking pattern", BACKTRACKING)):
        rules = work / f"rules-{len(rows)}"
        rules.mkdir()
        field = {"id": "toll", "type": "count", "patterns": [pattern]}
        (rules / "r.yaml").write_text(yaml.safe_dump({"fields": [field]}), encoding="utf-8")
        m = check(work, 1, work / "unused", "--no-cache", rules=rules.name, corpus=sample.name)
        rows.append([f"{len(articles)} articles, {name} alone", f"{m['seconds']:.2f}",
                     f"{size / m['seconds']:.2f}", f"{m['peak_mb']:.0f}"])
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        memory = next(int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        memory = f", {memory:,} MB memory"
    except (OSError, StopIteration):
        memory = ""
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure claimcheck; print the figures and write bench/RESULTS.md.")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=100_000, help="bytes of text for the extractor comparison")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--big", type=int, default=50, help="MB of the one-article rows")
    parser.add_argument("--endless", type=int, default=5, help="MB of the article without a sentence end")
    parser.add_argument("--scale", type=int, default=100_000,
                        help="articles of the JSON-lines corpus run at scale (0: not run)")
    args = parser.parse_args()
    # An installed package has its bytecode; an editable one where Python may
    # not write it (PYTHONDONTWRITEBYTECODE) would compile every module at
    # each run's start, which is not claimcheck's time to measure.
    compileall.compile_dir(ROOT / "checker", quiet=1)

    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        info = generator.generate(work, args.events, args.outlets, args.seed)
        made = time.perf_counter() - start
        sections = []
        sections.append(("Corpus", tabulate(
            [[info["articles"], f"{info['bytes'] / 1e6:.1f}", info["planted"], f"{made:.1f}"]],
            headers=["articles", "MB", "planted contradictions", "generated in (s)"])))
        rows = cold_warm_incremental(work, info)
        sections.append(("Check (seed rules for every event + builtin:common)", tabulate(
            rows, headers=["run", "seconds", "MB/s", "articles/s", "peak MB", ""])))
        if args.scale:
            scale_rows, projected = at_scale(work, args.scale, args.outlets, args.seed)
            sections.append((f"At scale: {args.scale:,} articles in one JSON-lines file, cold, --format json to a file",
                             tabulate(scale_rows, headers=["run", "seconds", "MB/s", "articles/s", "peak MB", ""])))
            sections.append(("10 million such articles on N workers, at the cluster's measured rate per worker", tabulate(
                projected, headers=["workers", "hours"])))
        sections.append(("Hostile input (--jobs 1, no cache; compare with the cold --jobs 1 MB/s above)", tabulate(
            hostile(work, args.big, args.endless), headers=["run", "seconds", "MB/s", "peak MB"])))
        sections.append((f"Value extraction on the same {args.sample // 1000} KB of text, in one process", tabulate(
            value_extraction(work, args.sample), headers=["extractor", "MB/s", "claimcheck is N times faster", "values found"])))
        sections.append(("Values found in the five seed articles", tabulate(
            seed_counts(), headers=["extractor", "numbers, percents, money, durations", "dates"])))
        corpus_rows, rules_rows = scaling(work, args.events, args.outlets, args.seed)
        sections.append(("Scaling with the corpus (--jobs 1, no cache)", tabulate(
            corpus_rows, headers=["corpus", "articles", "MB", "seconds"])))
        sections.append(("Scaling with the rules (the 1x corpus)", tabulate(
            rules_rows, headers=["rules", "fields", "seconds"])))

    text = "\n\n".join(f"## {title}\n\n```\n{table}\n```" for title, table in sections)
    header = (
        "# claimcheck benchmark results\n\n"
        f"Measured by `make bench` (bench/run.py --events {args.events} --outlets {args.outlets} --seed {args.seed}) "
        f"on {time.strftime('%Y-%m-%d')}, its bytecode compiled first.\n\nMachine: {machine()}.\n\n"
    )
    args.output.write_text(header + text + "\n", encoding="utf-8")
    print(header + text)


if __name__ == "__main__":
    main()
