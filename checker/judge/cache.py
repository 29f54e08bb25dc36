"""Extraction results cached per article, so an unchanged article is parsed once.

An entry is keyed by the tool (its version and source), the rules' digest, the article's event,
reference date, time zone and the bytes its text is read from (so a cached
article is hashed, never normalised): editing an article, a rule or upgrading
claimcheck makes a new key. It holds the days the article names for its event and its
mentions under the event's time, which the other articles help decide: when
that time changes, the mentions are read again. Entries are JSON files in a folder (default
`.claimcheck-cache/`) that is always safe to delete. Each is written to a
temporary file and renamed into place, so runs at the same time never read
half an entry; an entry whose checksum (its last line) does not match or that
does not read back as expected is counted as corrupt, recomputed and
rewritten, never trusted.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import threading
from pathlib import Path

import attrs

from checker import __version__
from checker.load.corpus import Article
from checker.fieldtypes import Claim, Stated
from checker.judge.mention import Mention
from checker.load.files import write_atomically
from checker.read.intervals import Interval

DEFAULT_FOLDER = ".claimcheck-cache"
_FORMAT = 6  # bump when the stored shape changes


@attrs.frozen
class Entry:
    """What one article gave: the days it names for its event (None when
    they were not needed, so not read) and its mentions under the event's
    time whose key is `event_time`."""

    named: tuple[dt.date, ...] | None
    event_time: str
    mentions: tuple[Mention, ...]


@attrs.define
class Cache:
    """A cache folder and what happened in it during this run."""

    folder: Path
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    # the JSON report reads ahead in a thread of its own: counts from both add up
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False, eq=False)

    def lookup(self, article: Article, rules_digest: str) -> Entry | None:
        """The article's stored entry, or None (a corrupt one is counted)."""
        data = self._read(self._path(self._key(article, rules_digest)))
        if data is None:
            return None
        try:
            named = data["named"]
            return Entry(
                None if named is None else tuple(dt.date.fromisoformat(d) for d in named),
                str(data["event_time"]),
                tuple(_mention(m, article) for m in data["mentions"]),
            )
        except (ValueError, KeyError, TypeError, IndexError):
            self._add(corrupt=1)
            return None

    def store(self, article: Article, rules_digest: str, entry: Entry) -> None:
        self._write(self._path(self._key(article, rules_digest)), {
            "format": _FORMAT,
            "named": None if entry.named is None else [d.isoformat() for d in entry.named],
            "event_time": entry.event_time,
            "mentions": [_stored(m) for m in entry.mentions],
        })

    def record_key(self, *parts: str) -> str:
        """The key of a record made from `parts` by this version of claimcheck."""
        return _digest((str(_FORMAT), _code_digest(), *parts))

    def has_record(self, key: str) -> bool:
        return os.path.isfile(self._path(key, "records"))

    def lookup_record(self, key: str) -> str | None:
        """The text `store_record` stored under `key`, or None (a corrupt one is counted)."""
        body = self._body(self._path(key, "records"))
        try:
            return None if body is None else body.decode("utf-8")
        except UnicodeDecodeError:
            self._add(corrupt=1)
            return None

    def store_record(self, key: str, text: str) -> None:
        self._store(self._path(key, "records"), text)

    def memo(self, name: str) -> dict:
        """What `keep_memo` kept under `name` (empty at first, when corrupt, or
        when another version of claimcheck kept it: its shape and readings may differ)."""
        data = self._read(os.path.join(self.folder, f"{name}.json"))
        if isinstance(data, dict) and data.get("version") == self.record_key(name) and isinstance(data.get("memo"), dict):
            return data["memo"]
        return {}

    def keep_memo(self, name: str, memo: dict) -> None:
        self._write(os.path.join(self.folder, f"{name}.json"), {"version": self.record_key(name), "memo": memo})

    def count(self, parsed: bool, articles: int = 1) -> None:
        """Count articles as parsed (misses) or taken from the cache (hits)."""
        self._add(**{"misses" if parsed else "hits": articles})

    def _add(self, **counts: int) -> None:
        with self._lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)

    @property
    def summary(self) -> str:
        return f"cache {self.folder}: {self.hits} hits, {self.misses} parsed, {self.corrupt} corrupt"

    def _key(self, article: Article, rules_digest: str) -> str:
        return _digest((
            str(_FORMAT), _code_digest(), rules_digest, article.event, str(article.ref_date),
            str(article.timezone), article.digest,
        ))

    def _path(self, key: str, kind: str = "") -> str:
        # a string: a Path per lookup costs more than the lookup
        return f"{self.folder}{os.sep}{kind}{os.sep if kind else ''}{key[:2]}{os.sep}{key[2:]}.json"

    def _read(self, path: str):
        body = self._body(path)
        if body is None:
            return None
        try:
            return json.loads(body)
        except ValueError:
            self._add(corrupt=1)
            return None

    def _body(self, path: str) -> bytes | None:
        """The bytes stored at `path` when its checksum line holds, else None (counted corrupt unless missing)."""
        try:
            with open(path, "rb") as f:
                stored = f.read()
        except FileNotFoundError:
            return None
        except OSError:
            self._add(corrupt=1)
            return None
        body, _, checksum = stored.rpartition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != checksum:
            self._add(corrupt=1)
            return None
        return body

    def _write(self, path: str, data) -> None:
        self._store(path, json.dumps(data, ensure_ascii=False))

    def _store(self, path: str, text: str) -> None:
        # a checksum line: an entry changed after it was written is never trusted
        text += "\n" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomically(Path(path), text)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _digest(parts) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """The version and the source of the package: a changed parser never reads old entries."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _stored(m: Mention) -> dict:
    claim = m.claim
    interval = claim.interval
    return {
        "field": m.field, "line": m.line, "column": m.column, "start": m.start, "end": m.end,
        "text": m.text, "sentence": m.sentence, "sentence_start": m.sentence_start,
        "interval": None if interval is None else [interval.low, interval.high, interval.low_open, interval.high_open],
        "currency": claim.currency, "names": sorted(claim.names),
        "stated": None if claim.stated is None else [claim.stated.amount, claim.stated.unit, claim.stated.status],
        "figure": claim.figure, "background": m.background, "source": m.source, "day_from": m.day_from,
    }


def _mention(d: dict, article: Article) -> Mention:
    low, high, low_open, high_open = d["interval"] if d["interval"] is not None else (None,) * 4
    interval = None if low is None else Interval(float(low), float(high), bool(low_open), bool(high_open))
    stated = Stated(*d["stated"]) if d.get("stated") is not None else None
    figure = None if d["figure"] is None else float(d["figure"])
    claim = Claim(interval, d["currency"], frozenset(d["names"]), stated, figure)
    return Mention(
        field=d["field"], article=article.path, outlet=article.outlet, line=int(d["line"]),
        column=int(d["column"]), start=int(d["start"]), end=int(d["end"]), text=str(d["text"]),
        sentence=str(d["sentence"]), claim=claim, sentence_start=int(d["sentence_start"]),
        background=_text(d["background"]), source=_text(d["source"]), day_from=_text(d["day_from"]),
    )


def _text(value) -> str | None:
    return None if value is None else str(value)
