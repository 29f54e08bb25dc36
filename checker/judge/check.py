"""The whole check: rules and corpus in, one result per event and field out."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import signal
import sys
import threading
from typing import Callable, Iterator

import attrs

from checker.judge import cluster
from checker.judge.cache import Cache, Entry, decoded, encoded
from checker.judge.compare import Result, judge
from checker.judge.eventtime import EventTime, event_time
from checker.judge.mention import Mention
from checker.load.corpus import Article, Corpus
from checker.rules.model import Field, RuleSet

# The reading layer (extract, and the values and grammars under it) is
# imported where an event is read: a check whose events are all in the cache
# never needs it, and with --jobs the workers import it (see `Workers`)
# while this process loads the corpus and writes what the cache holds.


def check(
    rules: RuleSet, corpus: Corpus, show_misses: bool = False, cache: Cache | None = None,
    events: frozenset[str] | None = None, jobs: int = 1, progress: Callable[[int], object] | None = None,
    scheduler: str | None = None, workers: Workers | None = None,
) -> tuple[Result, ...]:
    """Every field of every event judged (or of `events` only); see `judged_events`."""
    return tuple(r for _, results in judged_events(
        rules, corpus, show_misses, cache, events, jobs, progress, scheduler, workers,
    ) for r in results)


def judged_events(
    rules: RuleSet, corpus: Corpus, show_misses: bool = False, cache: Cache | None = None,
    events: frozenset[str] | None = None, jobs: int = 1, progress: Callable[[int], object] | None = None,
    scheduler: str | None = None, workers: Workers | None = None,
) -> Iterator[tuple[str, tuple[Result, ...]]]:
    """Each event (of `events` only, if given) with its fields judged, in corpus
    order, as each is done: a corpus of any size is held a window of events at a time.

    With `show_misses`, each result lists its misses; with a `cache`, an
    article already parsed under the same rules is not parsed again; with
    `jobs` > 1, events are read in that many processes, and with a
    `scheduler` (a Dask scheduler's address) on that cluster, and with
    `workers` by those, already started, which go on; `progress` is
    told how many articles each event that had to be read held, as it is done.
    The readers start on the first events at once, before any is asked for.
    """
    fields_of = {e: rules.for_event(e) for e in corpus.events if events is None or e in events}
    articles_of = {e: a for e, a in corpus.by_event().items() if fields_of.get(e)}
    read = read_events(rules, fields_of, articles_of, cache, jobs, progress, scheduler, workers)
    return _judged(read, fields_of, articles_of, show_misses)


def _judged(
    read: Iterator, fields_of: dict[str, tuple[Field, ...]], articles_of: dict[str, tuple[Article, ...]], show_misses: bool,
) -> Iterator[tuple[str, tuple[Result, ...]]]:
    if show_misses:
        from checker.judge.extract import misses
    for event, time, parsed in read:
        fields = fields_of[event]
        own_articles = articles_of[event]
        missed = (
            [m for a in own_articles for m in misses(a.opened(), fields, parsed[a.path])] if show_misses else []
        )
        by_field: dict[str, list[Mention]] = {}  # in article order, then text order
        for article in own_articles:
            for mention in parsed[article.path]:
                by_field.setdefault(mention.field, []).append(mention)
        results = []
        for field in fields:
            own = tuple(by_field.get(field.id, ()))
            if own or field.event is not None:  # a common rule that finds nothing says nothing
                # the likeliest to hold a missed value first
                own_misses = tuple(sorted((m for m in missed if m.field == field.id), key=lambda m: -m.likelihood))
                results.append(judge(event, field, own_articles, own, own_misses, time))
        yield event, tuple(results)


@attrs.frozen
class _Work:
    """One event to read: its articles, and what the cache already knows of them."""

    event: str
    articles: tuple[Article, ...]
    entries: dict[str, Entry]  # article path -> its cached entry

    def opened(self) -> _Work:
        """The work with its articles' texts in hand, to send where the files may not be."""
        return attrs.evolve(self, articles=tuple(a.opened() for a in self.articles))


Read = tuple[EventTime, dict[str, tuple[Mention, ...]]]  # an event's time, and each article's mentions


def read_events(
    rules: RuleSet, fields_of: dict[str, tuple[Field, ...]], articles_of: dict[str, tuple[Article, ...]],
    cache: Cache | None, jobs: int, progress: Callable[[int], object] | None = None,
    scheduler: str | None = None, workers: Workers | None = None,
) -> Iterator[tuple[str, EventTime, dict[str, tuple[Mention, ...]]]]:
    """Each event, its time and each of its articles' mentions, in order: from
    the cache where it holds them under the event's time, else read (in `jobs`
    processes, or on the cluster at `scheduler`, or by `workers`). `fields_of`
    is `rules.for_event` of each event: worker processes, which get the rules
    once, look each event's fields up so.

    An event is read as one piece of work: the days its articles name decide
    its time, which its mentions depend on, and an article's lead, read for
    the day, is not parsed again for its fields. Events go to the readers a
    window at a time, so that neither the texts nor the mentions of the whole
    corpus are ever held at once; the first window goes before this returns,
    so that other processes read while the caller does other work.
    """
    events = _read_events(rules, fields_of, articles_of, cache, jobs, progress, scheduler, workers)
    next(events)  # up to the first window's hand-over
    return events


def _read_events(
    rules: RuleSet, fields_of: dict[str, tuple[Field, ...]], articles_of: dict[str, tuple[Article, ...]],
    cache: Cache | None, jobs: int, progress: Callable[[int], object] | None = None,
    scheduler: str | None = None, workers: Workers | None = None,
):
    """`read_events`, which first yields None once the first window is handed over."""
    with contextlib.ExitStack() as stack:
        if cache is not None:
            stack.callback(cache.flush)  # the entries kept for a batch written once the reading ends
        if scheduler is not None:
            reader = stack.enter_context(contextlib.closing(cluster.Cluster(scheduler, fields_of)))
        elif workers is not None:
            reader = workers
        elif jobs > 1:
            reader = stack.enter_context(Workers(max(1, min(jobs, len(articles_of))), rules))  # no idle worker
        else:
            reader = _InProcess(fields_of)
        ordered = iter(articles_of.items())

        def submitted(window):
            """The window's events, each planned from the cache or handed to the reader."""
            planned: list[_Work | Read] = []
            for event, articles in window:
                entries = {a.path: e for a in articles if cache and (e := cache.lookup(a, rules.digest)) is not None}
                settled = _settled(articles, entries)
                planned.append(_Work(event, articles, entries) if settled is None else settled)
                if settled is not None:
                    cache.count(parsed=False, articles=len(articles))
            return window, planned, reader.read([w for w in planned if isinstance(w, _Work)])

        # the next window is submitted before this one is drained, so that the
        # readers never wait while its texts are read and its results judged
        upcoming = submitted(list(itertools.islice(ordered, reader.window)))
        yield None
        while upcoming[0]:
            window, planned, found = upcoming
            upcoming = submitted(list(itertools.islice(ordered, reader.window)))
            for (event, _), plan in zip(window, planned):
                if isinstance(plan, _Work):
                    plan = _store(plan, next(found), rules.digest, cache)
                    if progress is not None:
                        progress(len(articles_of[event]))
                yield event, *plan


@attrs.frozen
class _InProcess:
    """Events read one after the other, here."""

    fields_of: dict[str, tuple[Field, ...]]
    window = 16

    def read(self, work: list[_Work]) -> Iterator:
        return (read_event(w, self.fields_of[w.event]) for w in work)


class Workers:
    """`jobs` worker processes reading events under `rules`, started when
    there is first something to read, or at once when `early`: a check makes
    them so before it loads the corpus, and they import the reading layer (a
    tenth of a second) meanwhile, at low priority, not once the first event
    to read is known. Events may be handed to them as the corpus loads
    (`read_ahead`)."""

    def __init__(self, jobs: int, rules: RuleSet, early: bool = False):
        self.jobs = jobs
        self.window = jobs * 64  # enough to keep every worker busy between windows
        self._rules = rules
        self._early = early
        self._pool = self._started() if early else None
        self._ahead: dict[str, tuple[tuple[Article, ...], object]] = {}  # event -> its articles, its result to come
        self._reading_ahead = True

    def _started(self):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        return _quiet_pool()(self.jobs, initializer=_start_worker, initargs=(self._rules, self._early), context=context)

    def read_ahead(self, articles: tuple[Article, ...], cache: Cache | None) -> None:
        """Hand the events of articles just loaded (a folder's) to the workers,
        while the rest of the corpus loads: a check's first window of events,
        as long as the cache keeps nothing for them (a check the cache answers
        is not slowed). `read` takes an event's result when the whole corpus
        gives the event the same articles, else reads the event again."""
        if not self._reading_ahead:
            return
        grouped: dict[str, list[Article]] = {}
        for article in articles:
            grouped.setdefault(article.event, []).append(article)
        for event, own in grouped.items():
            if len(self._ahead) >= self.window:
                self._reading_ahead = False
                return
            if event in self._ahead or not self._rules.for_event(event):
                continue
            if cache is not None and any(cache.holds(a, self._rules.digest) for a in own):
                self._reading_ahead = False
                return
            if self._pool is None:
                self._pool = self._started()
            work = _Work(event, tuple(own), {})
            self._ahead[event] = (work.articles, self._pool.apply_async(_read_in_worker, (work,)))

    def read(self, work: list[_Work]) -> Iterator:
        if not work:
            return iter(())
        if self._pool is None:
            self._pool = self._started()
        ahead = [self._taken(w) for w in work]
        fresh = [w for w, early in zip(work, ahead) if early is None]
        found = self._pool.imap(_read_in_worker, fresh, chunksize=max(1, len(fresh) // (self.jobs * 8)))
        return (next(found) if early is None else early.get() for early in ahead)

    def _taken(self, work: _Work):
        """The result to come of the event read ahead as `work` asks, if it was."""
        articles, result = self._ahead.pop(work.event, ((), None))
        same = not work.entries and len(articles) == len(work.articles) and all(
            a is b for a, b in zip(articles, work.articles)
        )
        return result if same else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@functools.cache
def _quiet_pool() -> type:
    """`multiprocessing.pool.Pool`, its worker-keeping thread woken only when
    a worker exits or the pool changes. The stock one also wakes whenever a
    result waits to be collected, and goes round again until another thread
    has collected it: a busy loop that took a tenth of this process's time
    from judging and writing the report."""
    from multiprocessing.pool import Pool

    class QuietPool(Pool):
        def _get_sentinels(self):
            return [self._change_notifier._reader]

    return QuietPool


def _store(work: _Work, read, rules_digest: str, cache: Cache | None):
    """The event's time and mentions; fresh entries (or, from a worker, their
    encodings) stored in the cache."""
    time, fresh = read
    parsed = {}
    for article in work.articles:
        if article.path in fresh:
            entry = body = fresh[article.path]
            if isinstance(body, bytes):
                entry = decoded(body, article)
            else:
                body = None
            parsed[article.path] = entry.mentions
            if cache:
                cache.store(article, rules_digest, entry, body)
        else:
            parsed[article.path] = work.entries[article.path].mentions
        if cache:
            cache.count(parsed=article.path in fresh)
    return time, parsed


def _settled(articles: tuple[Article, ...], entries: dict[str, Entry]):
    """The event's time and mentions when every article's entry holds them, else None."""
    if len(entries) < len(articles):
        return None
    try:
        time = event_time(articles, lambda a: _known(entries[a.path].named))
    except LookupError:  # a day an entry did not read is needed
        return None
    if any(e.event_time != time.key for e in entries.values()):
        return None
    return time, {path: e.mentions for path, e in entries.items()}


def _known(named):
    if named is None:
        raise LookupError
    return named


def read_event(work: _Work, fields: tuple[Field, ...]) -> tuple[EventTime, dict[str, Entry]]:
    """The event's time and an entry for each article its cached entry does not hold under it."""
    from checker.judge.extract import extract
    from checker.judge.leaddays import named_days
    from checker.read import datelines
    from checker.read.text import article_sentences
    from checker.read.values import forget_parses

    forget_parses()  # parses repeat within an event, rarely across events
    work = work.opened()  # the texts, held for this event only
    named: dict[str, tuple] = {}

    def named_of(article: Article) -> tuple:
        entry = work.entries.get(article.path)
        days = entry.named if entry is not None and entry.named is not None else named_days(article)
        named[article.path] = days
        return days

    try:
        time = event_time(work.articles, named_of)
        fresh = {}
        for article in work.articles:
            entry = work.entries.get(article.path)
            if entry is None or entry.event_time != time.key:
                fresh[article.path] = Entry(named.get(article.path), time.key, extract(article, fields, time))
        return time, fresh
    finally:  # each article's datelines and sentences, found once for its lead and its fields, kept no longer
        datelines.spans.cache_clear()
        article_sentences.cache_clear()


# Worker processes get the rules once, when they start, not with every event.
_WORKER: dict[str, object] = {}


def _start_worker(rules: RuleSet, early: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to report, once
    _WORKER["fields"] = functools.lru_cache(maxsize=None)(rules.for_event)
    ready = threading.Thread(target=_ready_reading, args=(early,), daemon=True)
    ready.start()
    _WORKER["ready"] = ready


def _ready_reading(early: bool) -> None:
    """Import the reading layer; at low priority when the worker started
    `early`, before the corpus was loaded: a check the cache answers must not
    wait on it (a worker with events at hand imports at its own priority)."""
    if early:
        lower_priority()
    import checker.judge.extract  # noqa: F401
    import checker.judge.leaddays  # noqa: F401


LOW_PRIORITY = 15  # a niceness: 19 is the lowest


def lower_priority() -> None:
    """This thread's priority lowered to LOW_PRIORITY, on Linux, where a
    thread has one of its own (elsewhere the process's would be lowered)."""
    if sys.platform != "linux":
        return
    thread = threading.get_native_id()
    with contextlib.suppress(OSError):
        if os.getpriority(os.PRIO_PROCESS, thread) < LOW_PRIORITY:
            os.setpriority(os.PRIO_PROCESS, thread, LOW_PRIORITY)


def _read_in_worker(work: _Work) -> tuple[EventTime, dict[str, bytes]]:
    """`read_event` in a worker, each fresh entry sent as the cache stores it (see `cache.encoded`)."""
    _WORKER["ready"].join()
    time, fresh = read_event(work, _WORKER["fields"](work.event))
    return time, {path: encoded(entry) for path, entry in fresh.items()}
