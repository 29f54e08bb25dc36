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

import re

import attrs

from checker.read.dategrammar import MONTHS, WEEKDAYS
from checker.read.text import word_alternation
from checker.read.value import Value
from checker.read.values import find_values

_LONGEST = 120  # a longer line is a sentence, not a stamp; a place dateline stands in its head
# What may stand before a stamp's date: "Published:", "Updated on", "Last updated at".
_STAMP_LEAD = re.compile(
    r"(?:(?:first\s+)?published|(?:last\s+)?updated|posted|filed|released)(?:\s+(?:on|at))?\s*:?\s*", re.IGNORECASE
)
# What may stand between and after a stamp's dates and times.
_STAMP_REST = re.compile(
    r"(?i)(?:[\s,;:|/()\-–—.]|\b(?:(?:first\s+)?published|(?:last\s+)?updated|posted|filed|released"
    r"|on|at|hrs|hours|local\s+time)\b)*"
)
# "BEIJING, ", "Beijing [China], ", "NEW DELHI/LONDON, ": a place before the date
_PLACE = re.compile(r"[A-Z][\w.'’/-]*(?:[ \t]+[A-Z][\w.'’/-]*){0,4}(?:\s*\[[^\]\n]*\])?\s*,\s*")
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
    # a place dateline is read at the head of its line; a stamp is the whole line
    values = list(find_values(text[:_LONGEST], measures=True))
    if not values or values[0].type != "date":
        return None
    first = values[0]
    lead = _STAMP_LEAD.match(text, start)
    stamp = len(text) <= _LONGEST and first.start in (start, lead.end() if lead else start)
    if stamp and _only_stamps(text, values):
        return Dateline(start, len(text), first)
    place = _PLACE.match(text, start)
    if place and first.start == place.end():
        after = _PLACE_END.match(text, first.end)
        if after:
            return Dateline(start, after.end(), first)
    return None


def _only_stamps(text: str, values: list[Value]) -> bool:
    """Whether the line holds nothing but dates, times and stamp words."""
    at = 0
    for value in values:
        if value.type not in ("date", "time") or not _STAMP_REST.fullmatch(text, at, value.start):
            return False
        at = value.end
    return bool(_STAMP_REST.fullmatch(text, at, len(text)))


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
