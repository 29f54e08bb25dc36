"""Extraction results cached per article, so an unchanged article is parsed once.

An entry is keyed by the tool (its version and source), the rules' digest, the article's event,
reference date, time zone and the bytes its text is read from (so a cached
article is hashed, never normalised): editing an article, a rule or upgrading
claimcheck makes a new key. It holds the days the article names for its event and its
mentions under the event's time, which the other articles help decide: when
that time changes, the mentions are read again.

Entries, the JSON report's records and remembered manifests are rows of one
SQLite database (the standard library's) in a folder (default
`.claimcheck-cache/`) that is always safe to delete. A file per entry cost a
file's creation each (most of a cold check's writing); a row costs a tenth,
and half that again written with others: rows are kept and written a batch
at a time, in one transaction, and when the reading ends (`Cache.flush`).
SQLite makes each write atomic, so runs at the same time never read half an
entry, and each row keeps the checksum of its bytes: a row whose checksum
does not match or that does not read back as expected is counted as corrupt,
recomputed and rewritten, never trusted. A database SQLite cannot read at all
is set aside and begun again; one it cannot open (a read-only folder, a lock
held too long) leaves the check uncached.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import marshal
import os
import sqlite3
import sys
import threading
from pathlib import Path

import attrs

from checker import __version__
from checker.load.corpus import Article
from checker.fieldtypes import Claim, Stated
from checker.judge.mention import Mention
from checker.read.intervals import Interval

DEFAULT_FOLDER = ".claimcheck-cache"
DATABASE = "cache.sqlite3"
_FORMAT = 8  # bump when the stored shape changes
_WAIT = 10.0  # seconds to wait for another run's write to finish
_BATCH = 256  # rows written in one transaction
_ASKED = 500  # keys asked for in one query (SQLite takes 32,766 parameters at most)


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
    # the JSON report reads ahead in a thread of its own: counts and the
    # database connection are shared by both
    _lock: threading.RLock = attrs.field(factory=threading.RLock, init=False, repr=False, eq=False)
    _db: sqlite3.Connection | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _usable: bool = attrs.field(default=True, init=False, repr=False, eq=False)
    # rows written a batch at a time (see `flush`): key -> (bytes, checksum)
    _pending: dict[str, tuple[bytes, str]] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def lookup(self, article: Article, rules_digest: str) -> Entry | None:
        """The article's stored entry, or None (a corrupt one is counted)."""
        body = self._body(self._key(article, rules_digest))
        if body is None:
            return None
        try:
            return decoded(body, article)
        except ValueError:
            self._add(corrupt=1)
            return None

    def holds(self, article: Article, rules_digest: str) -> bool:
        """Whether an entry is kept for the article (not read, so not checked)."""
        key = self._key(article, rules_digest)
        return key in self._pending or self._query("SELECT 1 FROM stored WHERE key = ?", (key,)) is not None

    def store(self, article: Article, rules_digest: str, entry: Entry, body: bytes | None = None) -> None:
        """Keep the article's entry (`body`: its encoding, when at hand)."""
        self._put(self._key(article, rules_digest), encoded(entry) if body is None else body)

    def record_key(self, *parts: str) -> str:
        """The key of a record made from `parts` by this version of claimcheck."""
        return _digest((str(_FORMAT), _code_digest(), *parts))

    def held_records(self, keys) -> frozenset[str]:
        """Those of `keys` under which a record is held (asked of the database
        `_ASKED` at a time: one query each costs six times as much)."""
        wanted = ["record:" + key for key in keys]
        held = {key for key in wanted if key in self._pending}
        for at in range(0, len(wanted), _ASKED):
            chunk = wanted[at : at + _ASKED]
            rows = self._query(f"SELECT key FROM stored WHERE key IN ({','.join('?' * len(chunk))})", chunk, every=True)
            held.update(row[0] for row in rows or ())
        return frozenset(key.removeprefix("record:") for key in held)

    def lookup_record(self, key: str) -> str | None:
        """The text `store_record` stored under `key`, or None (a corrupt one is counted)."""
        body = self._body("record:" + key)
        try:
            return None if body is None else body.decode("utf-8")
        except UnicodeDecodeError:
            self._add(corrupt=1)
            return None

    def store_record(self, key: str, text: str) -> None:
        self._store("record:" + key, text)

    def memo(self, name: str) -> dict:
        """What `keep_memo` kept under `name` (empty at first, when corrupt, or
        when another version of claimcheck kept it: its shape and readings may differ)."""
        data = self._read("memo:" + name)
        if isinstance(data, dict) and data.get("version") == self.record_key(name) and isinstance(data.get("memo"), dict):
            return data["memo"]
        return {}

    def keep_memo(self, name: str, memo: dict) -> None:
        self._write("memo:" + name, {"version": self.record_key(name), "memo": memo})
        self.flush()  # kept before anything is read: a check that stops at bad input still keeps it

    def count(self, parsed: bool, articles: int = 1) -> None:
        """Count articles as parsed (misses) or taken from the cache (hits)."""
        self._add(**{"misses" if parsed else "hits": articles})

    def flush(self) -> None:
        """Write the rows kept so far, in one transaction: a row's own costs
        twice as much (and a cold check writes one for each article)."""
        with self._lock:
            rows = [(key, body, checksum) for key, (body, checksum) in self._pending.items()]
            self._pending.clear()
            if rows:
                self._query("INSERT OR REPLACE INTO stored VALUES (?, ?, ?)", rows, many=True)

    def close(self) -> None:
        """Write what is kept and close the database (SQLite then folds its
        write-ahead log in); it opens again when asked."""
        with self._lock:
            self.flush()
            if self._db is not None:
                self._db.close()
                self._db = None

    def _add(self, **counts: int) -> None:
        with self._lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)

    @property
    def summary(self) -> str:
        return f"cache {self.folder}: {self.hits} hits, {self.misses} parsed, {self.corrupt} corrupt"

    def _key(self, article: Article, rules_digest: str) -> str:
        return _digest((
            str(_FORMAT), _ENTRY_FORMAT, _code_digest(), rules_digest, article.event, str(article.ref_date),
            str(article.timezone), article.digest,
        ))

    def _read(self, key: str):
        body = self._body(key)
        if body is None:
            return None
        try:
            return json.loads(body)
        except ValueError:
            self._add(corrupt=1)
            return None

    def _body(self, key: str) -> bytes | None:
        """The bytes stored under `key` when their checksum holds, else None (counted corrupt unless missing)."""
        row = self._pending.get(key) or self._query("SELECT body, checksum FROM stored WHERE key = ?", (key,))
        if row is None:
            return None
        body, checksum = row
        if not isinstance(body, bytes) or hashlib.sha256(body).hexdigest() != checksum:
            self._add(corrupt=1)
            return None
        return body

    def _write(self, key: str, data) -> None:
        self._store(key, _ENCODER.encode(data))

    def _store(self, key: str, text: str) -> None:
        self._put(key, text.encode("utf-8"))

    def _put(self, key: str, body: bytes) -> None:
        # a checksum: a row changed after it was written is never trusted
        with self._lock:
            self._pending[key] = (body, hashlib.sha256(body).hexdigest())
            if len(self._pending) >= _BATCH:
                self.flush()

    def _query(self, sql: str, parameters, many: bool = False, every: bool = False):
        """The first row `sql` gives, or None (`every`: all its rows; `many`:
        run for each of a list of parameters, in one transaction); None too
        when the database cannot be used (a cache that cannot be read or
        written only costs time)."""
        with self._lock:
            db = self._connection()
            if db is None:
                return None
            try:
                if many:
                    db.execute("BEGIN IMMEDIATE")  # the write lock at once, for these rows only
                    try:
                        db.executemany(sql, parameters)
                    except BaseException:
                        db.rollback()
                        raise
                    db.commit()
                    return None
                found = db.execute(sql, parameters)
                return found.fetchall() if every else found.fetchone()
            except sqlite3.OperationalError:  # locked too long, a full disk, a read-only folder
                return None
            except sqlite3.DatabaseError:  # not a database, or a damaged one
                self._add(corrupt=1)
                self._begin_again()
                return None

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and self._usable:
            try:
                self._db = _open(self.folder)
            except sqlite3.OperationalError:
                self._usable = False
            except sqlite3.DatabaseError:
                self._add(corrupt=1)
                self._begin_again()
            except OSError:
                self._usable = False
        return self._db

    def _begin_again(self) -> None:
        """Set a database SQLite cannot read aside (the next run, or this one, begins a new one)."""
        if self._db is not None:  # closed without writing the kept rows: they go to the new one
            self._db.close()
            self._db = None
        path = os.path.join(self.folder, DATABASE)
        try:
            os.replace(path, path + ".corrupt")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            self._db = _open(self.folder)
        except (OSError, sqlite3.DatabaseError):
            self._usable = False


def _open(folder: Path) -> sqlite3.Connection:
    os.makedirs(folder, exist_ok=True)
    # autocommit: a read is its own transaction, writes a batch's (`Cache.flush`), so that
    # no run holds the lock for long; the connection is shared by the report's
    # read-ahead thread, under the cache's lock
    db = sqlite3.connect(os.path.join(folder, DATABASE), timeout=_WAIT, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer, nor a writer for them
        db.execute("PRAGMA synchronous=NORMAL")  # a commit is not flushed to disk: a crash may lose the last, never corrupt
        db.execute("CREATE TABLE IF NOT EXISTS stored (key TEXT PRIMARY KEY, body BLOB NOT NULL, checksum TEXT NOT NULL)")
    except BaseException:
        db.close()
        raise
    return db


_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)  # memos are trees built here


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


# An entry is stored as marshal's bytes of plain tuples: built, written and
# read back in a fifth of the time JSON takes, and a third of its size (each
# sentence once, however many mentions it holds). Worker processes send
# entries so encoded too: cheaper than pickling the objects, and the bytes
# are what is stored. marshal's format may change between Python versions:
# it is part of the entries' key.
_ENTRY_FORMAT = f"marshal {marshal.version}, Python {sys.version_info[0]}.{sys.version_info[1]}"


def encoded(entry: Entry) -> bytes:
    """The entry as stored: (days named as ordinals or None, the event
    time's key, its sentences, its mentions as tuples)."""
    sentences: dict[str, int] = {}
    mentions = []
    for m in entry.mentions:
        claim = m.claim
        interval, stated = claim.interval, claim.stated
        mentions.append((
            m.field, m.line, m.column, m.start, m.end, m.text, sentences.setdefault(m.sentence, len(sentences)),
            m.sentence_start,
            None if interval is None else (interval.low, interval.high, interval.low_open, interval.high_open),
            claim.currency, tuple(sorted(claim.names)),
            None if stated is None else (stated.amount, stated.unit, stated.status),
            claim.figure, m.background, m.source, m.day_from,
        ))
    named = None if entry.named is None else tuple(d.toordinal() for d in entry.named)
    return marshal.dumps((named, entry.event_time, tuple(sentences), tuple(mentions)))


def decoded(body: bytes, article: Article) -> Entry:
    """The entry `encoded` gave `body` as, its mentions the article's; ValueError when it is not one."""
    try:
        named, event_time, sentences, mentions = marshal.loads(body)
        return Entry(
            None if named is None else tuple(dt.date.fromordinal(d) for d in named),
            _text(event_time),
            tuple(_mention(m, sentences, article) for m in mentions),
        )
    # MemoryError: a row written by hand may declare a tuple of billions of items
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, EOFError, OverflowError, MemoryError):
        raise ValueError("not an entry") from None


def _mention(m: tuple, sentences: tuple, article: Article) -> Mention:
    (field, line, column, start, end, text, sentence, sentence_start, interval, currency, names, stated, figure,
     background, source, day_from) = m
    if interval is not None:
        low, high, low_open, high_open = interval
        interval = Interval(float(low), float(high), bool(low_open), bool(high_open))
    claim = Claim(
        interval, _text(currency), frozenset(map(_text, names)), None if stated is None else Stated(*stated),
        None if figure is None else float(figure),
    )
    return Mention(
        _text(field), article.path, article.outlet, int(line), int(column), int(start), int(end), _text(text),
        _text(sentences[sentence]), claim, int(sentence_start), _text(background), _text(source), _text(day_from),
    )


def _text(value) -> str | None:
    """A stored string (None stays None); anything else is not what was stored."""
    if value is None or type(value) is str:
        return value
    raise TypeError(value)
