"""What a date phrase says: `DateSpec` and `RangeSpec` as written, before
any reference date is known, and the `DaySpan` they resolve to
(`dateresolve`); with the month and weekday names. No grammar here: the
modules that only hold or show dates import this one, not the parser.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in {calendar.month_name[number], calendar.month_abbr[number]}
} | {"sept": 9}
WEEKDAYS = {
    name.lower(): number
    for number in range(7)
    for name in (calendar.day_name[number], calendar.day_abbr[number])
} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}


@attrs.frozen(slots=True)
class DaySpan:
    """Whole days from `first` to `last`, inclusive; `grain` is how it was stated."""

    first: dt.date
    last: dt.date
    grain: str  # day | month | year | range

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@attrs.frozen(slots=True)
class DateSpec:
    """A date as written. Missing parts come from the reference date.

    kind: absolute (year/month/day, any of which may be missing), weekday,
    day (today +offset), period (this/last/next week, month, year), shift
    ("two days ago": offset units from the reference day), weekend, decade,
    quarter (month is its first month), ambiguous ("03/04/2024": never guessed);
    and the kinds of `dayphrases`: named ("Christmas": `name`), week (ISO
    week `day` of `year`), week-of (the `day`-th seven days of `base`; -1 the
    last), anchor (the day the sentence named last: "the day before").
    `part` narrows the span: early, mid, late, earlier or later ("late last year").
    `base` is the span a shift counts from ("two days after Christmas") or a
    weekday falls in ("Friday of next week"; `day` then counts: "the second
    Monday in May").
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: float | None = None  # -1 last, 0 this, +1 next, None bare; a shift's count ("3.5 years ago": -3.5)
    unit: str | None = None
    part: str | None = None
    name: str | None = None
    base: DateSpec | None = None


@attrs.frozen(slots=True)
class RangeSpec:
    start: DateSpec
    end: DateSpec


def absolute(year=None, month=None, day=None) -> DateSpec:
    return DateSpec("absolute", year=year, month=month, day=day)
