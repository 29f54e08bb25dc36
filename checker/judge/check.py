"""The whole check: rules and corpus in, one result per event and field out."""

from __future__ import annotations

import multiprocessing
import signal

import attrs

from checker.judge.cache import Cache
from checker.judge.compare import Result, judge
from checker.load.corpus import Article, Corpus
from checker.judge.eventtime import UNKNOWN, EventTime, event_time
from checker.judge.extract import Mention, extract, misses
from checker.rules.model import Field, RuleSet


def check(
    rules: RuleSet, corpus: Corpus, show_misses: bool = False, cache: Cache | None = None,
    events: frozenset[str] | None = None, jobs: int = 1,
) -> tuple[Result, ...]:
    """Every field of every event judged (or of `events` only).

    With `show_misses`, each result lists its misses; with a `cache`, an
    article already parsed under the same rules is not parsed again; with
    `jobs` > 1, articles are parsed in that many processes.
    """
    fields_of = {e: rules.for_event(e) for e in corpus.events if events is None or e in events}
    chosen = [e for e, fields in fields_of.items() if fields]
    articles_of: dict[str, list[Article]] = {e: [] for e in chosen}
    for article in corpus.articles:
        if article.event in articles_of:
            articles_of[article.event].append(article)
    times = {e: event_time(own) for e, own in articles_of.items()}
    articles = [a for own in articles_of.values() for a in own]
    parsed = extract_all(rules.digest, fields_of, articles, cache, jobs, times)
    results = []
    for event in chosen:
        fields = fields_of[event]
        own_articles = tuple(articles_of[event])
        missed = (
            [m for a in own_articles for m in misses(a, fields, parsed[a.path])] if show_misses else []
        )
        mentions = [m for a in own_articles for m in parsed[a.path]]
        for field in fields:
            own = tuple(m for m in mentions if m.field == field.id)
            if own or field.event is not None:  # a common rule that finds nothing says nothing
                # the likeliest to hold a missed value first
                own_misses = tuple(sorted((m for m in missed if m.field == field.id), key=lambda m: -m.likelihood))
                judged = judge(event, field, own_articles, own)
                results.append(attrs.evolve(judged, misses=own_misses, event_time=times[event]))
    return tuple(results)


def extract_all(
    rules_digest: str, fields_of: dict[str, tuple[Field, ...]], articles: list[Article],
    cache: Cache | None, jobs: int, times: dict[str, EventTime] | None = None,
) -> dict[str, tuple[Mention, ...]]:
    """Each article's mentions: from the cache, else parsed (in `jobs` processes).

    `fields_of` gives each event's fields and `times` its time; `rules_digest`
    and the event's time key the cache.
    """
    times = times or {}
    parsed = {}
    pending = []
    for article in articles:
        stored = cache.lookup(article, _key(rules_digest, times, article)) if cache else None
        if stored is None:
            pending.append(article)
        else:
            parsed[article.path] = stored
    if jobs > 1 and len(pending) > 1:
        with _pool(jobs, fields_of, times) as pool:
            found = pool.map(_extract_in_worker, pending, chunksize=max(1, len(pending) // (jobs * 8)))
    else:
        found = [extract(a, fields_of[a.event], times.get(a.event, UNKNOWN)) for a in pending]
    for article, mentions in zip(pending, found):
        parsed[article.path] = mentions
        if cache:
            cache.store(article, _key(rules_digest, times, article), mentions)
    return parsed


def _key(rules_digest: str, times: dict[str, EventTime], article: Article) -> str:
    """What an article's mentions depend on besides its own text: the rules and the event's time."""
    return f"{rules_digest}|{times.get(article.event, UNKNOWN).key}"


# Worker processes get each event's fields and time once, when they start, not with every article.
_WORKER: dict[str, tuple[tuple[Field, ...], EventTime]] = {}


def _start_worker(fields_of: dict[str, tuple[Field, ...]], times: dict[str, EventTime]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to report, once
    _WORKER.update({e: (fields, times.get(e, UNKNOWN)) for e, fields in fields_of.items()})


def _extract_in_worker(article: Article) -> tuple[Mention, ...]:
    return extract(article, *_WORKER[article.event])


def _pool(jobs: int, fields_of: dict[str, tuple[Field, ...]], times: dict[str, EventTime]):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return context.Pool(jobs, initializer=_start_worker, initargs=(fields_of, times))
