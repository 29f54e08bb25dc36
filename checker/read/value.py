"""The typed value: what a reading says once resolved, where it stands, and
the interval it stands for; and the `Reading` the grammars make, before it is.
No grammar here: what only holds or shows values imports this, not the parser."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from checker.read import clock, dateresolve, units
from checker.read.clock import ClockSpec
from checker.read.datespec import DateSpec, DaySpan, RangeSpec
from checker.read.intervals import QUALIFIERS, Interval, qualify
from checker.read.amount import Amount
from checker.read.units import DAY_SECONDS

DEFAULT_TOLERANCE = 0.10  # "about x" means x ± 10 % unless a rule says otherwise
# ... but a temperature's zero is arbitrary: "about 40C" reaches one kelvin
# (1 °C, 1.8 °F) beyond what the figure rounds to.
TEMPERATURE_REACH = 1.0


@attrs.frozen(slots=True)
class Reading:
    """What the grammar read at one place, before context is applied."""

    type: str
    amount: Amount | None = None
    currency: str | None = None
    date: DateSpec | RangeSpec | None = None
    unit: str | None = None  # "point": percentage points; a quantity's unit ("km")
    clock: ClockSpec | None = None
    status: str | None = None  # a magnitude's "preliminary", "revised"


# What `find_values` reads; the last three only when measures are asked for.
ValueType = Literal["number", "percent", "money", "duration", "date", "date-range", "quantity", "magnitude", "time"]


@attrs.frozen(slots=True)
class Value:
    """One typed value in a text: what it says, where, and what it means.

    `amount` is in the canonical unit of its type (seconds, currency units,
    counts, percent), except a quantity's, which is in its stated `unit`;
    `days` holds a resolved date or date range, and the day a time of day is on.
    """

    type: ValueType
    text: str
    start: int
    end: int
    amount: Amount | None = None
    qualifier: str | None = None
    currency: str | None = None
    days: DaySpan | None = None
    unresolved: bool = False
    range_days: int | None = None  # a date range's length, known even without a year
    unit: str | None = None  # "point" for percentage points, kept apart from percents; a quantity's unit
    clock: ClockSpec | None = None  # a time of day
    status: str | None = None  # a magnitude's "preliminary", "revised"
    # quantities and magnitudes: how far below and above the figures written
    # they reach (half a unit of the last digit: see units.precision)
    precision: tuple[float, float] = (0.0, 0.0)
    # a date as the text stated it, before the reference date resolved it
    date: DateSpec | RangeSpec | None = attrs.field(default=None, eq=False, repr=False)
    # a time of day: whether its sentence named its day (else it was given one)
    day_named: bool = attrs.field(default=False, eq=False)

    def interval(self, tolerance: float | None = None) -> Interval | None:
        """The interval this value stands for; `tolerance` is absolute, canonical units.

        A quantity's is in its dimension's SI unit. A time of day has none
        without a zone: see `instant`.
        """
        if self.clock is not None:
            return None
        if self.days is not None:
            return day_interval(self.days)
        if self.amount is None:
            return None
        base = Interval(
            self.amount.low, self.amount.high, False, self.amount.vague
        )
        if any(self.precision) and QUALIFIERS.get(self.qualifier or "", "about") == "about":
            # what rounds to the figure: "5 million" is 4.5 million up to, not including, 5.5 million
            base = attrs.evolve(base, low=base.low - self.precision[0], high=base.high + self.precision[1], high_open=True)
        if self.type != "quantity":
            if tolerance is None:
                tolerance = DEFAULT_TOLERANCE * abs(self.amount.low)
            return qualify(base, self.qualifier, tolerance)
        unit = units.unit(self.unit)
        if tolerance is None:
            temperature = unit.dimension == "temperature"
            tolerance = TEMPERATURE_REACH / unit.factor if temperature else DEFAULT_TOLERANCE * abs(self.amount.low)
        else:
            tolerance /= unit.factor  # qualified in the stated unit, then converted
        # "below 5C" reaches down to absolute zero, not to 0 °C
        floor = (0.0 - unit.offset) / unit.factor
        return unit.to_base(qualify(base, self.qualifier, tolerance, floor))

    def instant(self, zone: str | None, tolerance: float | None = None) -> Interval | None:
        """A time of day's instants in UTC, given the event's IANA zone."""
        return clock.instant(self.clock, self.days.first if self.days else None, zone, tolerance)

    @property
    def length(self) -> Amount | None:
        """A date range's length, as a duration in seconds."""
        if self.range_days is None:
            return None
        return Amount.of(self.range_days * DAY_SECONDS)


EPOCH = dt.date(1970, 1, 1)


def day_interval(span: DaySpan) -> Interval:
    """Days as instants: [first day 00:00, day after the last 00:00)."""
    low = (span.first - EPOCH).days * DAY_SECONDS
    return Interval(low, low + span.days * DAY_SECONDS, False, True)


def make_value(reading: Reading, text: str, start: int, end: int, ref, future) -> Value:
    days = None
    unresolved = False
    range_days = None
    if reading.date is not None:
        if isinstance(reading.date, RangeSpec):
            days = dateresolve.resolve_range(reading.date, ref, future)
            range_days = days.days if days else dateresolve.range_length(reading.date)
        else:
            days = dateresolve.resolve(reading.date, ref, future)
        unresolved = days is None
    return Value(
        type=reading.type,
        text=text[start:end],
        start=start,
        end=end,
        amount=reading.amount,
        currency=reading.currency,
        days=days,
        unresolved=unresolved,
        range_days=range_days,
        unit=reading.unit,
        clock=reading.clock,
        status=reading.status,
        precision=_precision(reading, text[start:end]),
        date=reading.date,
    )


_PRECISE = frozenset({"quantity", "magnitude"})


def _precision(reading: Reading, written: str) -> tuple[float, float]:
    """How far below and above its figures a quantity or magnitude reaches."""
    amount = reading.amount
    if reading.type not in _PRECISE:
        return (0.0, 0.0)
    rounded = reading.type == "quantity" and units.dimension_of(reading.unit) != "temperature"
    low = units.precision(written, amount.low, amount.scale, rounded=rounded)
    return (low, units.precision(written, amount.high, amount.scale, rounded=rounded))
