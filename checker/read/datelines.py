"""Datelines: where and when an article was filed, never what it reports.

Two kinds, each found on one line:

- a stamp line, nothing but a date and maybe a time: "Apr 26, 2024",
  "Wed Mar 06 2019, 09:12 hrs", "March 07, 2019 6:22AM", "Published: July 10,
  2025 06:22 GMT", "7 March 2019 Last updated at 13:38 GMT";
- a place dateline before the story: "BEIJING, April 26 (Reuters) -",
  "Beijing [China], April 26 :".

A dateline gives the article's reference date when its manifest gives none,
and its date and time are never read as a field's value.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from checker.read.datespec import MONTHS, WEEKDAYS, absolute
from checker.read.dateresolve import resolve
from checker.read.text import word_alternation
from checker.read.value import Value
from checker.read.values import find_values

_LONGEST = 120  # a longer line is a sentence, not a stamp; a place dateline stands in its head
_DATE_LONGEST = 40  # "Wednesday, September 24, 2025 (Reuters)"
_NOT_PLACES = frozenset([*MONTHS, *WEEKDAYS])
# What may stand before a stamp's date: "Published:", "Updated on", "Last updated at".
_STAMP_WORD = r"(?:(?:first\s+)?published|(?:last\s+)?updated|posted|filed|released)"
_STAMP_LEAD = re.compile(_STAMP_WORD + r"(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE)
# What may stand between and after a stamp's dates and times.
_STAMP_REST = re.compile(
    r"(?i)(?:[\s,;:|/()\-–—.]|\b(?:" + _STAMP_WORD + r"|on|at|hrs|hours|local\s+time)\b)*"
)
# "BEIJING, ", "Beijing [China], ", "NEW DELHI/LONDON, ": a place before the date
_CAPITAL = r"[^\W\d_a-zß-öø-ÿ]"  # a capital letter, also "É" and "Ö"
_PLACE = re.compile(_CAPITAL + r"[\w.'’/-]*(?:[ \t]+" + _CAPITAL + r"[\w.'’/-]*){0,4}(?:\s*\[[^\]\n]*\])?\s*,\s*")
# after a place dateline's date: "(Reuters) -", "(AP) —", " :"
_PLACE_END = re.compile(r"(?:\s*\([^)\n]{1,40}\))?\s*[-–—:]")
# a cheap look before any parsing: a date starts the line, after a stamp word or a place
_MAY_BE = re.compile(
    r"\s*(?:(?i:" + _STAMP_LEAD.pattern + r"))?(?:" + _PLACE.pattern + r")?(?i:"
    + word_alternation([*MONTHS, *WEEKDAYS]) + r"\b|\d)"
)


@attrs.frozen(slots=True)
class Dateline:
    start: int  # in the line
    end: int
    date: Value  # the date it gives, as read (maybe without a year)


def dateline(line: str) -> Dateline | None:
    """The dateline on `line`, if it has one."""
    text = line.rstrip()
    if not text or not _MAY_BE.match(text):
        return None
    start = len(text) - len(text.lstrip())
    if len(text) > _LONGEST:  # a story's first line: only a place dateline may open it
        return _place_dateline(text, start)
    values = list(find_values(text, measures=True, figures=False))  # a stamp's times too
    if not values or values[0].type != "date":
        return None
    first = values[0]
    lead = _STAMP_LEAD.match(text, start)
    if first.start in (start, lead.end() if lead else start) and _only_stamps(text, values):
        return Dateline(start, len(text), first)
    return _place_dateline(text, start)


def _place_dateline(text: str, start: int) -> Dateline | None:
    """"BEIJING, April 26 (Reuters) -": the date read where the place ends."""
    at = place_of(text)
    if at is None:
        return None  # "Wednesday, March 6: ..." names a day, not a place
    date = _month_day(text, at) or next(find_values(text[at : at + _DATE_LONGEST], offset=at, figures=False), None)
    if date is None or date.type != "date" or date.start != at:
        return None
    after = _PLACE_END.match(text, date.end)
    return Dateline(start, after.end(), date) if after else None


# the commonest place dateline's date, read without a grammar: "April 26", "Apr. 26, 2024"
_MONTH_DAY = re.compile(
    r"(?P<month>" + word_alternation(MONTHS) + r")\.?\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:,?\s+(?P<year>(?:19|20)\d\d))?(?![\w,.]\d)",
    re.IGNORECASE,
)


def _month_day(text: str, at: int) -> Value | None:
    match = _MONTH_DAY.match(text, at)
    if match is None:
        return None
    year = int(match.group("year")) if match.group("year") else None
    spec = absolute(year, MONTHS[match.group("month").lower()], int(match.group("day")))
    days = resolve(spec, None)
    return Value("date", match.group(0), at, match.end(), days=days, unresolved=days is None, date=spec)


def is_stamp(line: str) -> bool:
    """Whether the line is a stamp: nothing but a date and maybe a time."""
    found = dateline(line) if len(line.rstrip()) <= _LONGEST else None
    return found is not None and found.end == len(line.rstrip())


def place_of(line: str) -> int | None:
    """Where a place dateline's date would start on the line ("BEIJING, |April
    26 (Reuters) -"), without reading it; None when no place opens the line."""
    text = line.rstrip()
    place = _PLACE.match(text, len(text) - len(text.lstrip()))
    if place is None or place.group(0).split(",")[0].split("[")[0].strip().lower() in _NOT_PLACES:
        return None
    return place.end()


def _only_stamps(text: str, values: list[Value]) -> bool:
    """Whether the line holds nothing but dates, times and stamp words."""
    at = 0
    for value in values:
        if value.type not in ("date", "time") or not _STAMP_REST.fullmatch(text, at, value.start):
            return False
        at = value.end
    return bool(_STAMP_REST.fullmatch(text, at, len(text)))


# asked when the event's time is inferred, then when the article is read (a
# check forgets them between events; bounded, so that nothing holds every text read)
@functools.lru_cache(maxsize=64)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every dateline in `text`."""
    found = []
    at = 0
    for line in text.splitlines(keepends=True):
        hit = dateline(line)
        if hit is not None:
            found.append((at + hit.start, at + hit.end))
        at += len(line)
    return tuple(found)


_DATELINE_LINES = 8


def date_of(text: str) -> dt.date | None:
    """The date of the article's dateline among its first lines.

    A dateline without a year ("BEIJING, April 26 (Reuters)") takes the year of
    a full date nearby; with none, the reference date stays unknown.
    """
    lines = text.splitlines()[:_DATELINE_LINES]
    full_years = [
        v.days.first.year
        for line in lines
        for v in find_values(line)
        if v.type == "date" and v.days is not None and v.days.grain == "day"
    ]
    for line in lines:
        found = dateline(line)
        spec = found and found.date.date  # as stated: "April 26" has no year to resolve it by
        if spec is None or spec.kind != "absolute" or spec.day is None:
            continue
        if spec.year is None:
            if not full_years:
                continue
            spec = attrs.evolve(spec, year=full_years[0])
        span = resolve(spec, None)
        if span is not None:
            return span.first
    return None
