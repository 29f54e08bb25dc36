"""The corpus: articles, their manifest, and each article's reference date."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path
from typing import Callable

import attrs

from checker.read import clock
from checker.read.datespec import DaySpan
from checker.read.dateresolve import iso_span
from checker.load import yamlfile
from checker.errors import InputError, Location
from checker.read.text import normalize

MANIFEST = "manifest.yaml"
ARTICLE_SUFFIXES = (".txt",)
MANIFEST_KEYS = ("event", "date", "timezone", "articles")
ENTRY_KEYS = ("file", "outlet", "published", "url", "event", "inferred")


@attrs.frozen(slots=True)
class Article:
    """An article and what the corpus says of it. Loaded from a corpus, its
    text is not held but read again from its `source` when asked for (`opened`
    holds it for a while): a corpus of millions of articles is checked an
    event at a time, and an article the cache already knows is never normalised."""

    path: str  # as shown in reports
    outlet: str
    event: str
    _text: str | None = attrs.field(repr=False)  # None: read from `source` when asked for
    ref_date: dt.date | None
    ref_source: str  # manifest | dateline | none
    inferred: tuple[str, ...] = ()
    url: str | None = None
    timezone: str | None = None  # the manifest's IANA zone, for times of day
    event_date: DaySpan | None = None  # the manifest's `date:`, the event's days
    source: TextSource | None = attrs.field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The text, normalised (read from its source unless held)."""
        return self._text if self._text is not None else self.source.read()

    def opened(self) -> Article:
        """The article holding its text, to be read many times."""
        return self if self._text is not None else attrs.evolve(self, text=self.source.read())

    @property
    def digest(self) -> str:
        """What identifies the text: its source's fingerprint, else the text's own hash."""
        if self.source is not None:
            return self.source.fingerprint
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@attrs.frozen(slots=True)
class FileText:
    """An article's text in a file of its own, as it was when the corpus was loaded."""

    path: str
    shown: str
    fingerprint: str  # sha256 of the file's bytes

    def read(self) -> str:
        raw = yamlfile.read_bytes(self.path, self.shown)
        if hashlib.sha256(raw).hexdigest() != self.fingerprint:
            raise InputError(self.shown, "changed while it was being checked; check again")
        return normalize(yamlfile.decode(raw, self.shown))


TextSource = FileText  # or load.jsonl's RecordText: read() -> str, and a fingerprint


@attrs.frozen(slots=True)
class Corpus:
    root: str
    articles: tuple[Article, ...]

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.event for a in self.articles))

    def by_event(self) -> dict[str, tuple[Article, ...]]:
        """Each event's articles, events and articles in corpus order."""
        grouped: dict[str, list[Article]] = {}
        for article in self.articles:
            grouped.setdefault(article.event, []).append(article)
        return {event: tuple(articles) for event, articles in grouped.items()}


@attrs.frozen(slots=True)
class _Entry:
    outlet: str | None
    event: str | None
    published: dt.date | None
    inferred: tuple[str, ...]
    url: str | None


def load_corpus(root: Path, display: str | None = None, folders: set[Path] | None = None,
                memo: dict | None = None, loaded: Callable[[tuple[Article, ...]], object] | None = None) -> Corpus:
    """Every article below `root`; manifests beside them say who published what, when.

    `folders`: read only these (as resolved paths), for a check of the events
    a few changed files belong to; an event's articles live in one folder.
    `memo`: manifests read before, by the hash of their bytes, kept by the
    caller (a cache); the manifests read now are added. `loaded` is told
    each folder's articles once they are loaded (not a JSON-lines corpus's).
    """
    display = display or str(root)
    if not root.exists():
        raise InputError(display, "no such corpus folder")
    if root.is_file() and root.suffix == ".jsonl":
        from checker.load.jsonl import load_jsonl  # it builds on this module's articles

        return load_jsonl(root, display)
    if not root.is_dir():
        raise InputError(display, "the corpus must be a folder of articles, or a .jsonl file of them")
    articles = []
    # strings, not Paths: a Path per folder costs more than its manifest
    prefix = "" if str(Path(display)) == "." else str(Path(display))
    if folders is None:
        top = os.fspath(root)
        chosen = sorted(  # ordered as paths are, part by part
            ((folder, folder[len(top):].lstrip(os.sep), names) for folder, _, names in os.walk(top)),
            key=lambda found: found[0].split(os.sep),
        )
    else:
        top = root.resolve()
        chosen = [
            (str(f), "" if f == top else str(f.relative_to(top)), _files(f))
            for f in sorted(folders) if f.is_dir() and f.is_relative_to(top)
        ]
    for folder, relative, names in chosen:
        shown = os.path.join(prefix, relative) if prefix and relative else prefix or relative
        event_name = Path(folder).name
        has_manifest = MANIFEST in names
        manifest = os.path.join(shown, MANIFEST)
        default_event, entries, timezone, days = _manifest(folder, manifest, event_name, has_manifest, memo)
        # in the manifest's order (the order its outlets are shown), then the unlisted by name
        listed = {name: i for i, name in enumerate(entries)}
        files = sorted(
            (n for n in names if n.endswith(ARTICLE_SUFFIXES)), key=lambda n: (listed.get(n, len(listed)), n),
        )
        first = len(articles)
        for name in files:
            entry, _ = entries.pop(name, (None, None))
            article = _article(f"{folder}{os.sep}{name}", f"{shown}/{name}" if shown else name, entry,
                               default_event, timezone)
            articles.append(attrs.evolve(article, event_date=days) if days else article)
        for name, (_, where) in entries.items():
            raise InputError(Location(manifest, *where), f"manifest lists {name!r}, but there is no such article")
        if loaded is not None and len(articles) > first:
            loaded(tuple(articles[first:]))
    if not articles and folders is None:
        raise InputError(display, "empty corpus: no articles (*.txt) found")
    return Corpus(display, tuple(articles))


def _files(folder: Path) -> list[str]:
    """The names of the files in a folder (what os.walk lists as files)."""
    return [entry.name for entry in os.scandir(folder) if not entry.is_dir()]


def _manifest(folder: str | Path, display: str, fallback_event: str, present: bool | None = None,
              memo: dict | None = None):
    """(the event, {file: (its entry, (line, column) in the manifest)}, the time zone, the event's days)
    of a folder's manifest, shown as `display`."""
    path = os.path.join(folder, MANIFEST)
    if not (os.path.exists(path) if present is None else present):
        return fallback_event, {}, None, None
    raw = yamlfile.read_bytes(path, display)
    key = hashlib.sha256(raw).hexdigest()
    if memo is not None and key in memo:
        return _remembered(memo[key], fallback_event)
    # one shape, remembered or not: what a memo gives back is what was parsed
    reading = _remembering(_parsed(yamlfile.parse(yamlfile.decode(raw, display), display)))
    if memo is not None:
        memo[key] = reading
    return _remembered(reading, fallback_event)


# A manifest's reading as JSON, remembered by the hash of its bytes so that a
# cache parses each manifest once: [event or None, zone, [first, last, grain]
# or None, [[file, outlet, event, published, inferred, url, line, column], ...]].
def _remembering(found) -> list:
    event, entries, timezone, days = found
    return [event, timezone, days and [days.first.isoformat(), days.last.isoformat(), days.grain], [
        [file, e.outlet, e.event, e.published and e.published.isoformat(), list(e.inferred), e.url, where.line, where.column]
        for file, (e, where) in entries.items()
    ]]


def _remembered(memo: list, fallback_event: str):
    event, timezone, days, listed = memo
    if days is not None:
        days = DaySpan(dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[1]), days[2])
    entries = {
        file: (_Entry(outlet, own, published and dt.date.fromisoformat(published), tuple(inferred), url), (line, column))
        for file, outlet, own, published, inferred, url, line, column in listed
    }
    return event or fallback_event, entries, timezone, days


def _parsed(doc):
    """_manifest's reading of the document, the event None when it names none."""
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "a manifest is a mapping with `event:` and `articles:`")
    doc.check_keys((), data, MANIFEST_KEYS, "manifest")
    event = _name(doc, ("event",), data.get("event"), "the event")
    timezone = clock.timezone_name(doc, ("timezone",), data.get("timezone"))
    days = event_date(doc, data.get("date"))
    listed = data.get("articles") or []
    if not isinstance(listed, list):
        raise doc.error(("articles",), "`articles` must be a list")
    entries = {}
    for i, item in enumerate(listed):
        where = ("articles", i)
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise doc.error(where, "each article entry needs `file:`")
        doc.check_keys(where, item, ENTRY_KEYS, "article entry")
        published = published_date(doc, where + ("published",), item.get("published"))
        inferred = item.get("inferred") or []
        if not isinstance(inferred, list):
            raise doc.error(where + ("inferred",), "`inferred` must be a list of keys")
        # names, as the cache's JSON keeps them (a date here would be no key, and no JSON)
        inferred = [_name(doc, where + ("inferred", j), key, "an `inferred` key") for j, key in enumerate(inferred)]
        outlet = _name(doc, where + ("outlet",), item.get("outlet"), "`outlet`")
        own_event = _name(doc, where + ("event",), item.get("event"), "`event`")
        url = _name(doc, where + ("url",), item.get("url"), "`url`")
        if item["file"] in entries:
            first = entries[item["file"]][1]
            raise doc.error(where + ("file",), f"{item['file']!r} is listed twice (first at line {first.line})")
        entries[item["file"]] = (_Entry(outlet, own_event, published, tuple(inferred), url), doc.where(where))
    return event, entries, timezone, days


def published_date(doc, path, value) -> dt.date | None:
    """A date, or a date-time with its offset (the day as written), also given as a string."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise doc.error(path, f"`published` must be a date like 2024-04-26, not {value!r}") from None
    if isinstance(value, dt.datetime):
        return value.date()
    if value is not None and not isinstance(value, dt.date):
        raise doc.error(path, "`published` must be a date like 2024-04-26")
    return value


def _name(doc, path, value, what: str) -> str | None:
    """A name, a URL: a string (or a number, written as one), or nothing."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise doc.error(path, f"{what} must be a name, not {type(value).__name__} {value!r}")


def event_date(doc, value) -> DaySpan | None:
    """`date:` the event's days: a day (2025-07-09), a month ("2025-07"), or a
    range ("2025-07-08..2025-07-10")."""
    if value is None:
        return None
    first, _, last = str(value).partition("..")
    start, end = iso_span(first.strip()), iso_span(last.strip() or first.strip())
    if start is None or end is None or end.last < start.first:
        raise doc.error(("date",), "`date` is the event's day (2025-07-09) or days (2025-07-08..2025-07-10)")
    return start if start == end else DaySpan(start.first, end.last, "range")


_ASCII_TEXT = re.compile(rb"[^ \t\n\r\x0b\x0c\x1c-\x1f]")  # an ASCII character that str.strip() keeps


def _article(path: str, shown: str, entry: _Entry | None, default_event: str, timezone: str | None = None) -> Article:
    raw = yamlfile.read_bytes(path, shown)
    ref, source = (entry.published, "manifest") if entry and entry.published else (None, "none")
    if ref is None or not raw.isascii() or b"\0" in raw:
        text = yamlfile.decode(raw, shown)
        empty = not text.strip()
    else:  # ASCII is UTF-8 as it is: decoding 40 MB of articles would take longer than hashing them
        text, empty = None, _ASCII_TEXT.search(raw) is None
    if empty:
        raise InputError(shown, "empty article")
    if ref is None:
        ref = dateline(normalize(text))
        source = "dateline" if ref else "none"
    return Article(
        path=shown,
        outlet=(entry.outlet if entry and entry.outlet else os.path.basename(path)),
        event=(entry.event if entry and entry.event else default_event),
        text=None,
        ref_date=ref,
        ref_source=source,
        inferred=entry.inferred if entry else (),
        url=entry.url if entry else None,
        timezone=timezone,
        source=FileText(path, shown, hashlib.sha256(raw).hexdigest()),
    )


def dateline(text: str) -> dt.date | None:
    """The date of the article's dateline among its first lines (`datelines.date_of`)."""
    # the value layer, loaded only when an article has no published date
    from checker.read.datelines import date_of

    return date_of(text)


def manifest_timezone(path: Path) -> str | None:
    """The `timezone:` of the manifest beside an article, if any."""
    if not (path.parent / MANIFEST).exists():
        return None
    return _manifest(path.parent, str(path.parent / MANIFEST), path.parent.name)[2]


def reference_date(path: Path, text: str) -> dt.date | None:
    """An article's reference date: its manifest's `published`, else its dateline."""
    if (path.parent / MANIFEST).exists():
        _, entries, _, _ = _manifest(path.parent, str(path.parent / MANIFEST), path.parent.name)
        entry, _ = entries.get(path.name, (None, None))
        if entry is not None and entry.published is not None:
            return entry.published
    return dateline(text)
