"""A corpus as JSON lines, as archives and crawlers deliver one: an article
per line, {"event", "outlet", "text"} and optionally "published", "date"
(the event's days, as a manifest's `date:`), "url", "timezone" and "id". An article is shown as FILE#ID (its id, else its line
number), and a mention within it as FILE#ID:LINE:COLUMN of its text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import attrs

from checker.errors import InputError, Location
from checker.load.corpus import Article, Corpus, dateline, event_date, published_date
from checker.read import clock
from checker.read.text import normalize

KEYS = ("event", "outlet", "text", "published", "date", "url", "timezone", "id")


@attrs.frozen
class _Line:
    """One line of the file, where its errors are said (the loaders' `doc`)."""

    path: str
    number: int

    def error(self, _key, message: str) -> InputError:
        return InputError(Location(self.path, self.number), message)


def load_jsonl(path: Path, display: str):
    """The corpus in the file; the first bad line is bad input, named file:line.

    The file is read a line at a time and an article's text is not kept: it is
    read again from its line's offset when its event is checked, so a file of
    any size costs memory for what the corpus says of each article only."""
    try:
        stream = path.open("rb")
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror}") from None
    articles, names, offset = [], {}, 0
    with stream:
        for number, line in enumerate(stream, 1):
            at, offset = offset, offset + len(line)
            where = _Line(display, number)
            record = _record(line, where)
            if record is not None:
                articles.append(_article(record, where, names, path, at, line))
    if not articles:
        raise InputError(display, "empty corpus: no articles in this file")
    return Corpus(display, tuple(articles))


def _record(line: bytes, where: _Line) -> dict | None:
    """The line's article as JSON, None for a blank line."""
    try:
        text_line = line.decode("utf-8-sig" if where.number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise where.error(None, f"not UTF-8 text (byte 0x{line[error.start]:02x})") from None
    if not text_line.strip():
        return None
    try:
        record = json.loads(text_line)
    except ValueError as error:
        raise where.error(None, f"not JSON: {error}") from None
    if not isinstance(record, dict):
        raise where.error(None, 'an article is a JSON object with "event", "outlet" and "text"')
    unknown = [k for k in record if k not in KEYS]
    if unknown:
        raise where.error(None, f"unknown key {unknown[0]!r} (expected: {', '.join(KEYS)})")
    return record


def _article(record: dict, where: _Line, names: dict, file: Path, offset: int, line: bytes) -> Article:
    event, outlet, text = (_string(where, record, key) for key in ("event", "outlet", "text"))
    if not text.strip():
        raise where.error(None, "empty article")
    ident = record.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)  # crawlers number their records
    elif ident is not None:
        ident = _string(where, record, "id")
    name = _named(where.path, ident or where.number)
    if name in names:
        raise where.error(None, f"{name!r} is given twice (first at line {names[name]})")
    names[name] = where.number
    published = published_date(where, "published", record.get("published"))
    ref = published or dateline(normalize(text))
    return Article(
        path=name, outlet=outlet, event=event, text=None, ref_date=ref,
        ref_source="manifest" if published else ("dateline" if ref else "none"),
        url=_optional(where, record, "url"),
        timezone=clock.timezone_name(where, "timezone", record.get("timezone")),
        event_date=event_date(where, record.get("date")),
        source=RecordText(file, name, offset, line),
    )


@attrs.frozen
class RecordText:
    """An article's text on one line of a JSON-lines file, as it was when the corpus was loaded."""

    file: Path
    shown: str
    offset: int  # of the line, in bytes
    fingerprint: str = attrs.field(converter=lambda line: hashlib.sha256(line).hexdigest())  # of the line

    def read(self) -> str:
        try:
            with self.file.open("rb") as stream:
                stream.seek(self.offset)
                line = stream.readline()
        except OSError as error:
            raise InputError(self.shown, f"cannot read: {error.strerror}") from None
        if hashlib.sha256(line).hexdigest() != self.fingerprint:
            raise InputError(self.shown, "changed while it was being checked; check again")
        return normalize(json.loads(line)["text"])


def _named(file: str, record) -> str:
    return f"{file}#{record}"


def in_file(article: str) -> tuple[str, str | None]:
    """The file an article is in, and its record there when the file holds
    many (a JSON-lines corpus, `_named` FILE#ID); else the article, None."""
    file, mark, record = article.rpartition("#")
    return (file, record) if mark and file.endswith(".jsonl") else (article, None)


def _string(where: _Line, record: dict, key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        raise where.error(key, f'"{key}" must be a non-empty string')
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # "\ud800" escaped in JSON: half a pair, which no text holds
        raise where.error(key, f'"{key}" holds \\u{ord(value[error.start]):04x}, half of a surrogate pair: not text') from None
    return value


def _optional(where: _Line, record: dict, key: str) -> str | None:
    return _string(where, record, key) if key in record and record[key] is not None else None
