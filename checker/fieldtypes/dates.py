"""Time on the calendar and the clock: date, date-range and time fields.

Dates are compared as the instants of their days (a month is all its days);
a time of day as its instants in UTC, placed by the event's time zone.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from checker.fieldtypes import display
from checker.fieldtypes.base import Claim, FieldType, NoUnit
from checker.read import clock
from checker.read.datespec import DateSpec, DaySpan
from checker.read.dateresolve import SHIFT_DAYS, iso_span
from checker.read.units import DAY_SECONDS
from checker.read.value import day_interval

DATE_GRAINS = ("day", "month", "year")


class Date(FieldType):
    """A day, month or year; a stated range gives the span, or an end (`part`)."""

    name = "date"
    accepts = ("date", "date-range")
    default_unit = "day"
    options = frozenset({"part"})
    takes_dates = True

    def check_unit(self, doc, path, unit) -> str:
        return doc.one_of(path, unit, DATE_GRAINS, "date unit")

    def unit_factor(self, field) -> float:
        return DAY_SECONDS

    def claim_of(self, field, value, zone):
        # `part` picks an end of a stated range; a week or a month ("this week's
        # visit") only says the day falls in it
        part = field.part if value.type == "date-range" else None
        if not value.days:
            return Claim(None)
        days = day_interval(_part(value.days, part))
        reach = shift_reach(value) * DAY_SECONDS
        return Claim(attrs.evolve(days, low=days.low - reach, high=days.high + reach) if reach else days)

    def shown(self, field, claim) -> str:
        return display.day_span(*display.days_of(claim.interval))

    def json_of(self, field, claim) -> dict:
        first, last = display.days_of(claim.interval)
        return {"value": display.day_span(first, last), "start": first.isoformat(), "end": last.isoformat()}

    def expected_problem(self, field, value) -> str | None:
        return None if iso_span(value) else f"expected value {value!r} is not a date like 2024-04-26, 2024-04 or 2024"

    def matches_interval(self, field, interval, expected) -> bool:
        span = iso_span(expected)
        if span is None:
            return False
        days = day_interval(span)
        return (interval.low, interval.high) == (days.low, days.high)


class DateRange(Date):
    name = "date-range"
    accepts = ("date-range",)
    default_unit = None
    options = frozenset()


def shift_reach(value) -> float:
    """How many days either side of its day "N units ago" reaches: half the
    step its count was given in ("two weeks ago": 3.5 days; "two months ago":
    half a month; "three and a half years ago": a quarter of a year); none
    for days, which are exact."""
    spec = value.date
    if not isinstance(spec, DateSpec) or spec.kind != "shift" or value.days.grain != "day" or spec.unit == "day":
        return 0.0
    step = 1.0 if float(spec.offset).is_integer() else 0.5
    return 0.5 * step * SHIFT_DAYS[spec.unit]


def _part(days: DaySpan, part: str | None) -> DaySpan:
    if part == "start":
        return DaySpan(days.first, days.first, "day")
    if part == "end":
        return DaySpan(days.last, days.last, "day")
    return days


class Time(NoUnit, FieldType):
    """A time of day, compared as instants in UTC; its tolerance is in minutes."""

    name = "time"
    accepts = ("time",)
    measures = True
    takes_dates = True  # a time is on the day its sentence names

    def unit_factor(self, field) -> float:
        return 60.0

    def check(self, doc, path, field) -> None:
        if field.tolerance is not None and field.tolerance.relative:
            raise doc.error(path + ("tolerance",), "a time's tolerance is a number of minutes, not a percentage")

    def claim_of(self, field, value, zone):
        tolerance = field.tolerance.absolute(0.0, field.unit_factor) if field.tolerance else None
        return Claim(value.instant(zone, tolerance))

    def shown(self, field, claim) -> str:
        return clock.utc_label(claim.interval)

    def json_of(self, field, claim) -> dict:
        iv = claim.interval
        return {"value": clock.utc_label(iv), "start": display.utc(iv.low), "end": display.utc(iv.high)}

    def expected_problem(self, field, value) -> str | None:
        return None if expected_instant(value) else (
            f"expected value {value!r} is not a time: \"07:37\" (UTC) or a date-time like 2024-04-26T07:37:00+07:00"
        )

    def matches_interval(self, field, interval, expected) -> bool:
        """Whether a time's instants hold the expected instant, or the expected UTC time of day."""
        expected = expected_instant(expected)
        if interval.high - interval.low > 25 * 3600:  # a day, and the hour a clock change adds
            return False
        if isinstance(expected, dt.time):  # on either day the instants touch: "about 00:05 UTC"
            days = {dt.datetime.fromtimestamp(t, dt.timezone.utc).date() for t in (interval.low, interval.high)}
            return any(
                interval.contains(dt.datetime.combine(d, expected, tzinfo=dt.timezone.utc).timestamp()) for d in days
            )
        return interval.contains(expected.timestamp())


_UTC_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def expected_instant(value) -> dt.datetime | dt.time | None:
    """A time example's expected value: a UTC time of day, or an instant with its offset."""
    if isinstance(value, str) and _UTC_TIME.match(value.strip()):
        hour, minute = _UTC_TIME.match(value.strip()).groups()
        return dt.time(int(hour), int(minute))
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return None


TYPES = (Date(), DateRange(), Time())
