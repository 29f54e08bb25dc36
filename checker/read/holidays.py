"""Named days: the holidays news dates things by ("on Christmas Eve",
"Thanksgiving 2019"), and the day each falls on in a given year.

A named day is either fixed (a month and a day) or the n-th weekday of a
month (the US rules for Labor Day, Thanksgiving and Memorial Day; n = -1 is
the last). Movable feasts that need more than that (Easter) are not named
here, so they are not read as dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs


@attrs.frozen(slots=True)
class NamedDay:
    month: int
    day: int | None = None  # fixed days
    weekday: int | None = None  # n-th weekday days: Monday is 0
    nth: int | None = None  # 1..5, or -1 for the last

    def in_year(self, year: int) -> dt.date | None:
        if self.day is not None:
            return dt.date(year, self.month, self.day)
        return nth_weekday(year, self.month, self.weekday, self.nth)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The `nth` `weekday` of a month (-1: the last), or None when it has none."""
    days = [
        dt.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    index = nth - 1 if nth > 0 else nth
    return days[index] if -len(days) <= index < len(days) else None


# Each name (any case, either apostrophe) and the day it names. "Independence
# Day", "Labor Day", "Memorial Day" and "Thanksgiving" are the US days.
NAMED_DAYS = {
    "new year's day": NamedDay(1, 1),
    "new year's eve": NamedDay(12, 31),
    "valentine's day": NamedDay(2, 14),
    "valentines day": NamedDay(2, 14),
    "st. valentine's day": NamedDay(2, 14),
    "st valentine's day": NamedDay(2, 14),
    "memorial day": NamedDay(5, weekday=0, nth=-1),
    "independence day": NamedDay(7, 4),
    "labor day": NamedDay(9, weekday=0, nth=1),
    "halloween": NamedDay(10, 31),
    "thanksgiving day": NamedDay(11, weekday=3, nth=4),
    "thanksgiving": NamedDay(11, weekday=3, nth=4),
    "christmas eve": NamedDay(12, 24),
    "christmas day": NamedDay(12, 25),
    "christmas": NamedDay(12, 25),
}
# the first word of every name, for the candidate scan
FIRST_WORDS = sorted({name.split()[0].rstrip(".") for name in NAMED_DAYS})
# a capital first (a day "of thanksgiving" is no holiday), then any case
NAME_PATTERN = r"(?-i:(?=[A-Z]))(?i:" + "|".join(
    re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]") for name in sorted(NAMED_DAYS, key=len, reverse=True)
) + r")(?![\w'’])"


def key_of(written: str) -> str:
    """The name as `NAMED_DAYS` keys it: "Christmas  Eve" is "christmas eve"."""
    return re.sub(r"\s+", " ", written.lower().replace("’", "'"))
