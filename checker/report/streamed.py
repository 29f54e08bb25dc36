"""The check's report written as events are judged, never held whole.

Results are marked against the baseline as they come, and a `Tally` keeps
what the exit status and the stale baseline entries need. For the JSON
report, each event's entries are also kept in the cache as a record, under a
key made from everything they depend on: an unchanged event is written as
before, without reading, decoding or judging anything of it again.
"""

from __future__ import annotations

import collections
import json
import queue
import threading
from typing import Callable, Iterator

import attrs

from checker.judge.cache import Cache
from checker.judge.compare import Result, fails
from checker.load.corpus import Article, Corpus
from checker.report import baseline
from checker.report.formats import json_line

Judged = Iterator[tuple[str, tuple[Result, ...]]]  # events and their results, as judge.check yields them


@attrs.define
class Tally:
    """What the streamed discrepancies said, against the baseline's `accepted` entries."""

    fail_on: str
    accepted: frozenset[baseline.Entry]
    failed: bool = False
    seen: set[baseline.Entry] = attrs.Factory(set)

    def note(self, dispute: baseline.Entry, severity: str) -> bool:
        """Count a discrepancy; whether the baseline accepts it."""
        accepted = dispute in self.accepted
        self.seen.add(dispute)
        self.failed = self.failed or fails(severity, accepted, self.fail_on)
        return accepted

    def stale(self, events) -> tuple[baseline.Entry, ...]:
        """The accepted entries of the checked `events` that did not occur."""
        return tuple(sorted(e for e in self.accepted if e.event in events and e not in self.seen))


def marked(judged: Judged, tally: Tally) -> Iterator[Result]:
    """The results, each discrepancy marked accepted when the baseline accepts it."""
    for _, results in judged:
        for r in results:
            yield attrs.evolve(r, accepted=tally.note(baseline.entry(r), r.field.severity)) if r.is_discrepancy else r


def json_lines(
    corpus: Corpus, events: list[str], key_parts: tuple[str, ...], cache: Cache,
    judge: Callable[[frozenset[str]], Judged], tally: Tally, ahead: bool = False,
) -> Iterator[str]:
    """The JSON report's entries for `events` (in corpus order, each with
    fields to judge), an event's entries at a time joined by ",\\n", from the
    cache's records where it holds them; `judge` judges the others (a set of
    events) in order, and their records are kept.

    `key_parts` name what else the entries depend on (the rules, whether
    misses are listed). With `ahead` (when other processes read), the events
    to judge are taken as they come, and the records after one still being
    read are taken meanwhile, `AHEAD_BYTES` of them at most.
    """
    articles_of = corpus.by_event()
    keys = {e: cache.record_key(*key_parts, _articles_key(e, articles_of[e])) for e in events}
    held = cache.held_records(keys.values())
    missing = frozenset(e for e in events if keys[e] not in held)
    fresh = judge(missing) if missing else iter(())
    if ahead and missing:
        fresh = _Ahead(fresh)
    ready = getattr(fresh, "ready", lambda: True)

    def recorded(event: str, record):
        """The event's record, made now from its results when there is none."""
        if record is None:  # judged now: the next of the missing, or alone if its record went bad
            _, results = next(fresh if event in missing else judge(frozenset({event})))
            text = _record(results)
            cache.store_record(keys[event], text)
            return _read_record(text)
        cache.count(parsed=False, articles=len(articles_of[event]))
        return record

    held: collections.deque = collections.deque()  # (event, its record or None), in order
    size = 0
    for at, event in enumerate(events):
        record = None if event in missing else _read_record(cache.lookup_record(keys[event]))
        held.append((event, record))
        size += len(record[0]) if record else 0
        last = at == len(events) - 1
        # the first held event goes out once its record is at hand (or must be waited for)
        while held and (held[0][0] not in missing or ready() or size > AHEAD_BYTES or last):
            event, record = held.popleft()
            size -= len(record[0]) if record else 0
            chunk = _marked(recorded(event, record), tally)
            if chunk:
                yield chunk


# what may be held of the records after an event still being read (characters)
AHEAD_BYTES = 32_000_000


def _marked(record, tally: Tally) -> str:
    """A record's entries, each discrepancy the baseline accepts marked so."""
    chunk, disputes = record
    accepted = {i: line for i, dispute, severity, line in disputes
                if tally.note(baseline.Entry(*dispute[:3], tuple(dispute[3])), severity)}
    if accepted:  # entries are lines of compact JSON: ",\n" is only ever between two
        chunk = ",\n".join(accepted.get(i, entry) for i, entry in enumerate(chunk.split(",\n")))
    return chunk


class _Ahead:
    """An iterator drained by a thread of its own, a few items ahead of who asks."""

    def __init__(self, items: Iterator, depth: int = 64):
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        threading.Thread(target=self._fill, args=(items,), daemon=True).start()

    def _fill(self, items: Iterator) -> None:
        try:
            for item in items:
                self._queue.put((item, None))
        except BaseException as error:  # raised where the item is asked for
            self._queue.put((None, error))
        else:
            self._queue.put((None, StopIteration()))

    def ready(self) -> bool:
        """Whether the next item is at hand."""
        return not self._queue.empty()

    def __iter__(self):
        return self

    def __next__(self):
        item, error = self._queue.get()
        if error is not None:
            raise error
        return item


# A record is text: a JSON line listing the event's discrepancies as [index
# of its entry, baseline entry, severity], then each discrepancy's entry as
# accepted, a line each, then every entry joined by ",\n" as the report
# writes them. Only the short first line is decoded when the report is
# written again; the entries are copied as they are.
def _record(results: tuple[Result, ...]) -> str:
    """The record of an event's results."""
    disputes, entries, accepted = [], [], []
    for i, r in enumerate(results):
        entries.append(json_line(r))
        if r.is_discrepancy:
            disputes.append([i, attrs.astuple(baseline.entry(r)), r.field.severity])  # values: a JSON list
            accepted.append(json_line(attrs.evolve(r, accepted=True)))
    return "\n".join([json.dumps(disputes, ensure_ascii=False), *accepted, ",\n".join(entries)])


def _read_record(text: str | None):
    """(the entries as the report writes them, [(index, baseline entry, severity, entry as accepted)])
    of a record, or None when it is not one."""
    if text is None:
        return None
    head, _, rest = text.partition("\n")
    try:
        disputes = json.loads(head)
        *accepted, chunk = rest.split("\n", len(disputes))
        return chunk, [(i, d, s, a) for (i, d, s), a in zip(disputes, accepted, strict=True)]
    except (ValueError, TypeError):
        return None


def _articles_key(event: str, articles: tuple[Article, ...]) -> str:
    """Everything of an event's articles its entries show or depend on, in order."""
    return json.dumps([event, [
        [a.path, a.outlet, str(a.ref_date), a.ref_source, a.url, a.timezone, str(a.event_date), list(a.inferred), a.digest]
        for a in articles
    ]], ensure_ascii=False)
