"""The command line: check, baseline, values, test-rules, schema."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gc
import json
import os
import re
import shutil
import sys
from pathlib import Path

from checker import __version__, config, starter
from checker.report import baseline
from checker.read import clock
from checker.report import formats as report, show, streamed
from checker.judge.cache import DEFAULT_FOLDER as DEFAULT_CACHE
from checker.judge.cache import Cache
from checker.judge.touched import article_folders, touched_events
from checker.load.corpus import dateline, load_corpus, manifest_timezone, reference_date
from checker.errors import InputError
from checker.printable import printable
from checker.rules.load import load_rule_folders, schema_text
from checker.rules.model import SEVERITIES
from checker.read.text import LineIndex, normalize
from checker.load.files import write_atomically
from checker.load.yamlfile import read_text

# The reading layer (its grammars take a third of a second to build), tabulate
# and tqdm are imported where a command first needs them: a warm check writes
# its report from the cache's records without any of them.

EXIT_OK, EXIT_DISCREPANCY, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports Ctrl-C


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Compare the facts several outlets report about one event, with plain YAML rules.",
        epilog="Exit status: 0 nothing at or above --fail-on, 1 discrepancies found, 2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    c = commands.add_parser(
        "check", help="print the consistency report for a corpus",
        description="Extract every rule's field from every article and compare across outlets.",
    )
    _rules_option(c)
    _corpus_option(c)
    c.add_argument(
        "--format", choices=report.FORMATS,
        help="report format: table (fitted to the terminal), markdown, json, lines (file:line:column: ...), "
        "github (Actions annotations), sarif (code scanning), html (one self-contained page) (default: table)",
    )
    c.add_argument("--html", metavar="FILE", help="also write the HTML report to FILE")
    c.add_argument(
        "--indent", type=_positive, metavar="N",
        help="pretty-print the JSON report with N spaces (default: compact, an entry per line)",
    )
    c.add_argument(
        "--explain", nargs="?", const=report.ALL, metavar="FIELD",
        help="show, per outlet, each sentence with the matched span marked and the value it was read as "
        "(all fields, or only FIELD; before file names write --explain=FIELD)",
    )
    c.add_argument(
        "--show-misses", action="store_true",
        help="list sentences that have a field's cue words but gave it no value",
    )
    c.add_argument(
        "--fail-on", choices=SEVERITIES,
        help="exit 1 when a conflict of this severity or higher is found (default: error)",
    )
    c.add_argument(
        "--baseline", metavar="FILE",
        help="discrepancies accepted before (written by `claimcheck baseline`): fail only on others "
        f"(default: {baseline.DEFAULT_FILE} when it exists)",
    )
    c.add_argument("--no-baseline", action="store_true", help=f"ignore {baseline.DEFAULT_FILE}")
    c.add_argument(
        "files", nargs="*", metavar="FILE",
        help="check only the events these articles, manifests or rule files belong to "
        "(as pre-commit passes them); default: every event",
    )
    _cache_options(c)

    v = commands.add_parser(
        "values", help="list every typed value found in a text",
        description="List the numbers, percents, money, durations, dates and date ranges in a text, "
        "and the measures: quantities with units, earthquake magnitudes and times of day.",
    )
    v.add_argument("file", nargs="?", default="-", metavar="FILE", help="a text file, or - for standard input (default)")
    v.add_argument("--ref-date", type=_date, metavar="YYYY-MM-DD", help="resolve relative dates against this day")
    v.add_argument(
        "--format", choices=("table", "json", "jsonl"), default="table",
        help='jsonl: read {"id", "text", "ref_date"} lines, write {"id", "values"} lines '
        "(docs/design.md's batch format)",
    )
    v.add_argument(
        "--measures", action=argparse.BooleanOptionalAction, default=None,
        help="also read quantities, magnitudes and times of day, as fields of those types do "
        "(default: on, except with --format jsonl, whose six types are a stable contract)",
    )
    v.add_argument(
        "--timezone", type=_zone, metavar="ZONE",
        help="IANA zone (Asia/Jakarta) that places local times of day "
        "(default: the timezone of the file's manifest)",
    )

    t = commands.add_parser(
        "test-rules", help="run every rule's examples",
        description="Each field's examples: the text must give the expected value (null: no match).",
    )
    _rules_option(t)

    b = commands.add_parser(
        "baseline", help="accept today's discrepancies; later checks fail only on new ones",
        description="Write every current discrepancy to a baseline file (sorted YAML, replaced atomically). "
        "`claimcheck check --baseline FILE` then fails only on discrepancies not in it.",
    )
    _rules_option(b)
    _corpus_option(b)
    b.add_argument("--output", metavar="FILE",
                   help=f"the baseline file (default: the config's baseline, else {baseline.DEFAULT_FILE})")
    _cache_options(b)

    sc = commands.add_parser(
        "schema", help="print the JSON Schema of rule files",
        description="The JSON Schema rule files follow; editors use it to validate and complete them.",
    )
    sc.add_argument("--output", metavar="FILE", help="write it to FILE instead")

    i = commands.add_parser(
        "init", help="start a project: claimcheck.toml, a rule file and a corpus folder for an event",
        description="Write a commented claimcheck.toml, rules/EVENT.yaml and corpus/EVENT/manifest.yaml "
        "in the current folder; files that exist are left as they are.",
    )
    i.add_argument("event", nargs="?", default="my-event", help="the event's name (default: my-event)")
    return parser


def _rules_option(parser) -> None:
    parser.add_argument(
        "--rules", action="append", metavar="DIR",
        help="a folder (or file) of rules, or builtin:common (the rules claimcheck ships); give it again "
        "to add more (default: the config's rules, else ./rules)",
    )


def _corpus_option(parser) -> None:
    parser.add_argument(
        "--corpus", metavar="DIR",
        help="a folder of articles with manifest.yaml files, or a .jsonl file of articles "
        "(default: the config's corpus, else ./corpus)",
    )


def _load_rules(args):
    return load_rule_folders(args.rules)


def _cache_options(parser) -> None:
    parser.add_argument(
        "--cache", metavar="DIR",
        help=f"where parsed articles are kept, safe to delete (default: $CLAIMCHECK_CACHE, else the config's, "
        f"else {DEFAULT_CACHE})",
    )
    parser.add_argument("--no-cache", action="store_true", help="parse every article, keep nothing")
    parser.add_argument("--cache-stats", action="store_true", help="say on stderr how many articles were parsed")
    parser.add_argument(
        "--jobs", type=_positive, metavar="N", help="parse articles in N processes (default: the config's, else 1)"
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="read events on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
        "needs claimcheck[cluster] here and on the workers",
    )


def _settle(args, found: config.Config) -> None:
    """Each setting the command line leaves out, from the config, else its default."""
    def setting(key: str, allowed=None, default=None):
        value = found.get(key, default)
        if allowed is not None and value not in allowed:
            raise InputError(found.path or "", f"`{key}` must be one of: {', '.join(allowed)} (not {value!r})")
        return value

    if "rules" in args and args.rules is None:
        args.rules = setting("rules") or (["rules"] if Path("rules").is_dir() else None)
        if args.rules is None:
            raise InputError("claimcheck", "no rules: give --rules DIR (or --rules builtin:common), "
                             "or write a claimcheck.toml that names them (`claimcheck init`)")
    if "corpus" in args and args.corpus is None:
        args.corpus = setting("corpus") or ("corpus" if Path("corpus").is_dir() else None)
        if args.corpus is None:
            raise InputError("claimcheck", "no corpus: give --corpus DIR, or name it in claimcheck.toml "
                             "(`claimcheck init`)")
    if args.command in ("check", "baseline"):
        args.cache = args.cache or os.environ.get("CLAIMCHECK_CACHE") or setting("cache", default=DEFAULT_CACHE)
        args.jobs = args.jobs or setting("jobs", default=1)
        args.scheduler = args.scheduler or setting("scheduler")
    if args.command == "check":
        args.format = args.format or setting("format", report.FORMATS, "table")
        args.fail_on = args.fail_on or setting("fail-on", SEVERITIES, "error")
        # a configured baseline not written yet accepts nothing, as the default one
        configured = found.get("baseline")
        if args.baseline is None and configured and Path(configured).is_file():
            args.baseline = configured
    if args.command == "baseline":
        args.output = args.output or setting("baseline", default=baseline.DEFAULT_FILE)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number above 0: {text!r}")
    return int(text)


def _iso_day(text: str) -> dt.date:
    """2024-04-26, or a date-time (2024-04-26T10:00+08:00): its day as written."""
    return dt.datetime.fromisoformat(text).date()


def _zone(name: str) -> str:
    try:
        clock.zone(name)
    except (ValueError, KeyError, OSError, TypeError):
        raise argparse.ArgumentTypeError(f"unknown time zone {name!r} (an IANA name like Asia/Jakarta)") from None
    return name


def _date(text: str) -> dt.date:
    try:
        return _iso_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2024-04-26: {text!r}") from None


def run() -> int:
    """The `claimcheck` command: `main` in a process of its own."""
    # What the imports made lives as long as the process: the collector need
    # not go through it again at each pass (a warm check runs 5 % faster).
    gc.freeze()
    return main()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        _settle(args, config.find(Path.cwd()))
        commands = {
            "check": _check, "values": _values, "test-rules": _test_rules, "schema": _schema,
            "baseline": _baseline, "init": _init,
        }
        status = commands[args.command](args)
        sys.stdout.flush()  # a full device fails here, not at exit
        return status
    except InputError as error:
        print(f"claimcheck: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # "> /dev/full"
        print(f"claimcheck: cannot write the report: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _check(args) -> int:
    for name in args.files:  # a mistyped path must not pass the gate
        if not Path(name).exists():
            raise InputError(name, "no such file")
    rules = _load_rules(args)
    with _workers(args, rules) as workers:
        return _check_with(args, rules, workers)


def _check_with(args, rules, workers) -> int:
    folders = article_folders(args.files, Path(args.corpus), rules) if args.files else None
    cache = _cache(args)
    # a whole corpus's first events are read as it loads (a few changed files' events are soon read)
    ahead = functools.partial(workers.read_ahead, cache=cache) if workers is not None and folders is None else None
    corpus = _load_corpus(args, cache, folders, ahead)
    if args.explain not in (None, report.ALL) and args.explain not in {f.id for f in rules.fields}:
        known = ", ".join(sorted({f.id for f in rules.fields}))
        raise InputError("--explain", f"no field {args.explain!r} (fields: {known})")
    if args.baseline is None and not args.no_baseline and Path(baseline.DEFAULT_FILE).is_file():
        args.baseline = baseline.DEFAULT_FILE  # beside where claimcheck runs, when no config names one
    accepted = baseline.load(Path(args.baseline), args.baseline) if args.baseline and not args.no_baseline else frozenset()
    events = touched_events(args.files, corpus, rules) if args.files else frozenset(corpus.events)
    tally = streamed.Tally(args.fail_on, accepted)
    width, color = _terminal()
    with _judging(args, rules, corpus, events, cache, workers) as judge:
        if args.format == "json" and args.indent is None and not args.html and cache is not None:
            chosen = [e for e in corpus.events if e in events and rules.for_event(e)]
            lines = streamed.json_lines(
                corpus, chosen, _record_key(args, rules), cache, judge, tally, ahead=args.jobs > 1 or bool(args.scheduler),
            )
            chunks = report.json_document(lines)
        else:
            results = streamed.marked(judge(events), tally)
            if args.format not in STREAMED or args.html:
                results = tuple(results)
            chunks = report.chunks(
                results, args.format, explain=args.explain, fail_on=args.fail_on, width=width, color=color,
                corpus=args.corpus, rules=tuple(args.rules), indent=args.indent,
            )
        written = False
        for chunk in chunks:  # written as the events are judged
            sys.stdout.write(chunk)
            written = written or bool(chunk)
    if written:
        sys.stdout.write("\n")
    if args.html:
        _write(args.html, report.render(results, "html", corpus=args.corpus, rules=tuple(args.rules)), "HTML report")
        print(f"claimcheck: HTML report written to {args.html}", file=sys.stderr)
    for entry in tally.stale(events):  # on stderr: stdout stays the report, valid JSON or annotations
        print(f"claimcheck: {args.baseline}: stale: {entry} no longer occurs; run `claimcheck baseline` to drop it", file=sys.stderr)
    return EXIT_DISCREPANCY if tally.failed else EXIT_OK


# written as events are judged; the others need every result first (to fit a table, to count)
STREAMED = ("json", "lines", "github")


def _record_key(args, rules) -> tuple[str, ...]:
    """What the JSON report's entries depend on besides the articles."""
    return ("json", rules.digest, "misses" if getattr(args, "show_misses", False) else "")


DEFAULT_WIDTH = 100  # columns, when neither COLUMNS nor a terminal says


def _terminal() -> tuple[int, bool]:
    """The width the table must fit (COLUMNS, else the terminal's, else
    DEFAULT_WIDTH) and whether to colour it: on a terminal, unless NO_COLOR is set."""
    width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return width, color


def _cache(args) -> Cache | None:
    return None if args.no_cache else Cache(Path(args.cache))


def _load_corpus(args, cache: Cache | None, folders=None, loaded=None):
    """The corpus, its unchanged manifests as the cache remembers them;
    `loaded` told each folder's articles as they load."""
    memo = cache.memo("manifests") if cache is not None else None
    known = len(memo) if memo is not None else 0
    corpus = load_corpus(Path(args.corpus), args.corpus, folders, memo, loaded)
    if memo is not None and len(memo) > known:
        cache.keep_memo("manifests", memo)
    return corpus


@contextlib.contextmanager
def _workers(args, rules):
    """With --jobs N (no --scheduler), N worker processes started now,
    before the corpus is loaded, so that they ready their reading layer
    meanwhile; else None."""
    if args.jobs <= 1 or args.scheduler:
        yield None
        return
    from checker.judge.check import Workers

    with Workers(args.jobs, rules, early=True) as workers:
        yield workers


@contextlib.contextmanager
def _judging(args, rules, corpus, events, cache: Cache | None, workers=None):
    """A function judging a set of events (all: None), yielding each with its
    results, with a progress bar on a terminal once a check has run a while."""
    bars = []

    def judge(chosen):
        from checker.judge.check import judged_events

        if not bars and sys.stderr.isatty():
            from tqdm import tqdm

            total = sum(a.event in events for a in corpus.articles)
            bars.append(tqdm(total=total, unit="article", file=sys.stderr, delay=1.0, leave=False))
        return judged_events(
            rules, corpus, show_misses=getattr(args, "show_misses", False), cache=cache, events=chosen,
            jobs=args.jobs, progress=bars[0].update if bars else None, scheduler=args.scheduler, workers=workers,
        )

    try:
        yield judge
    finally:
        for bar in bars:
            bar.close()
        if cache is not None:
            cache.close()
    if cache is not None and args.cache_stats:
        print(f"claimcheck: {cache.summary}", file=sys.stderr)


def _baseline(args) -> int:
    rules = _load_rules(args)
    with _workers(args, rules) as workers:
        cache = _cache(args)
        corpus = _load_corpus(args, cache)
        with _judging(args, rules, corpus, frozenset(corpus.events), cache, workers) as judge:
            entries = baseline.entries([r for _, results in judge(None) for r in results])
    baseline.write(Path(args.output), entries)
    print(f"{args.output}: {len(entries)} discrepancies accepted")
    return EXIT_OK


def _values(args) -> int:
    if args.measures is None:
        args.measures = args.format != "jsonl"
    if args.format == "jsonl":
        return _values_jsonl(args)
    zone = args.timezone
    if args.file == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("<stdin>", "standard input is closed: give a file, or pipe text in")
        name, raw = "<stdin>", sys.stdin.read()
        ref = args.ref_date or dateline(normalize(raw))
    else:
        name = args.file
        raw = read_text(Path(args.file), args.file)
        ref = args.ref_date or reference_date(Path(args.file), normalize(raw))
        zone = zone or manifest_timezone(Path(args.file))
    from checker.read.values import values_in

    index = LineIndex(raw)
    normal = normalize(raw)
    found = list(values_in(normal, ref, args.measures))
    if args.format == "json":
        rows = []
        for v in found:
            line, column = index.position(v.start)
            rows.append({**_as_written(show.value_json(v, zone), raw, normal), "line": line, "column": column})
        print(json.dumps(
            {"file": name, "ref_date": ref and ref.isoformat(), "timezone": zone, "values": rows},
            indent=2, ensure_ascii=False,
        ))
        return EXIT_OK
    table = []
    for v in found:
        line, column = index.position(v.start)
        table.append([f"{line}:{column}", printable(_written(raw, normal, v.start, v.end)), v.type, show.value_text(v, zone)])
    from tabulate import tabulate

    print(tabulate(table, headers=["where", "text", "type", "value"], tablefmt="simple"))
    print(f"\n{len(found)} values; reference date: {ref.isoformat() if ref else 'unknown'}"
          + (f"; time zone: {zone}" if zone else ""))
    return EXIT_OK


def _as_written(value: dict, raw: str, normal: str) -> dict:
    return {**value, "text": _written(raw, normal, value["start"], value["end"])}


def _written(raw: str, normal: str, start: int, end: int) -> str:
    """The value's text as written, or as read (`normal`, the normalised text)
    where normalising moved a format character out of it ("1\u200b200" is
    shown as "1200")."""
    written = raw[start:end]
    return written if normalize(written) == normal[start:end] else normal[start:end]


def _values_jsonl(args) -> int:
    """One answer per request line; a bad line is answered with its error (and
    named on stderr with its line number), the rest still read; exit 2 if any was bad."""
    from checker.read.values import values_in

    if args.file == "-":
        if sys.stdin is None or sys.stdin.closed:
            raise InputError("<stdin>", "standard input is closed: give a file, or pipe JSON lines in")
        # bytes, so that a line that is not UTF-8 is one bad line, not the end
        lines = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else (s.encode("utf-8") for s in sys.stdin)
        name, stream = "<stdin>", contextlib.nullcontext(lines)
    else:
        try:
            name, stream = args.file, open(args.file, "rb")
        except OSError as error:
            raise InputError(args.file, f"cannot read: {error.strerror}") from None
    bad = 0
    with stream as lines:
        for number, raw in enumerate(lines, 1):
            record = None
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                record = json.loads(line)
                text, ref, zone = _request(record, args)
            except (ValueError, KeyError, TypeError, AttributeError, argparse.ArgumentTypeError) as error:
                bad += 1
                problem = f"bad input line: {error}" if not isinstance(error, KeyError) else f"bad input line: no {error}"
                print(f"claimcheck: {name}:{number}: {problem}", file=sys.stderr)
                ident = record.get("id") if isinstance(record, dict) else None
                print(json.dumps({"id": ident, "error": problem}, ensure_ascii=False))
                continue
            normal = normalize(text)
            values = [_as_written(show.value_json(v, zone), text, normal) for v in values_in(normal, ref, args.measures)]
            print(json.dumps({"id": record.get("id"), "values": values}, ensure_ascii=False), flush=False)
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _request(record, args) -> tuple[str, object, str | None]:
    """A request line's text, reference day and time zone."""
    if not isinstance(record, dict):
        raise TypeError("a request is a JSON object with \"text\"")
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError(f"\"text\" must be a string, not {type(text).__name__}")
    ref = record.get("ref_date")
    ref = _iso_day(ref) if ref else args.ref_date
    zone = _zone(record["timezone"]) if record.get("timezone") else args.timezone
    return text, ref, zone


def _schema(args) -> int:
    if args.output is None:
        print(schema_text(), end="")
        return EXIT_OK
    _write(args.output, schema_text(), "schema")
    print(f"claimcheck: schema written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _write(path: str, text: str, what: str) -> None:
    """Write a file the command was asked for, its folder too; a failure is bad input."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_atomically(Path(path), text)
    except OSError as error:
        raise InputError(path, f"cannot write the {what}: {error.strerror}") from None


def _init(args) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.event):
        raise InputError(args.event, "an event's name is lower-case letters, digits and hyphens (cyclone-mira-2024)")
    for path, text in starter.files(args.event).items():
        if Path(path).exists():
            print(f"claimcheck: {path} exists, left as it is", file=sys.stderr)
            continue
        _write(path, text, "file")
        print(f"wrote {path}")
    print(f"Next: put the articles in corpus/{args.event}/, list them in its manifest.yaml, write fields in "
          f"rules/{args.event}.yaml, then run `claimcheck test-rules` and `claimcheck check`.")
    return EXIT_OK


def _test_rules(args) -> int:
    from checker.judge.ruletests import run_all
    from tabulate import tabulate

    rules = _load_rules(args)
    outcomes = run_all(rules)
    table = [
        [f"{o.example.location}", o.field.id, o.example.text[:60], o.field.kind.expected_text(o.example.value), o.got, "pass" if o.passed else "FAIL"]
        for o in outcomes
    ]
    print(tabulate(table, headers=["where", "field", "text", "expected", "got", ""], tablefmt="simple"))
    failed = sum(not o.passed for o in outcomes)
    print(f"\n{len(outcomes) - failed} passed, {failed} failed")
    if not outcomes:
        print("no examples: give each field `examples:` (text and expected value) to test it")
    return EXIT_DISCREPANCY if failed else EXIT_OK
