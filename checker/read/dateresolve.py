"""How dates resolve: a `DateSpec` (what the text says) becomes a `DaySpan`
(the days it stands for), given the article's reference date and the
direction the sentence's tense points to."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from checker.read import holidays
from checker.read.datespec import DateSpec, DaySpan, RangeSpec, absolute
from checker.read.units import DAY_SECONDS, DURATION_UNITS

def _month_span(year: int, month: int) -> DaySpan:
    last = calendar.monthrange(year, month)[1]
    return DaySpan(dt.date(year, month, 1), dt.date(year, month, last), "month")


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(spec: DateSpec, ref: dt.date | None, future: bool | None = False) -> DaySpan | None:
    """The days `spec` stands for, or None when it cannot be known.

    `future` is the tense of the sentence: a bare weekday or month means the
    nearest one on that side of the reference date (the reference day included);
    None (no tense said) counts as the past, but for a month or a month's day
    without its year, which is the nearest one either side.
    """
    span = _resolve_whole(spec, ref, future)
    if span is None or spec.part is None:
        return span
    return _narrow(span, spec.part, ref)


def _resolve_whole(spec: DateSpec, ref: dt.date | None, future: bool) -> DaySpan | None:
    if spec.kind == "ambiguous":
        return None
    if spec.kind == "decade":
        return DaySpan(dt.date(spec.year, 1, 1), dt.date(spec.year + 9, 12, 31), "decade")
    if spec.kind == "quarter" and spec.year is not None:
        last = _month_span(spec.year, spec.month + 2).last
        return DaySpan(dt.date(spec.year, spec.month, 1), last, "quarter")
    if spec.kind == "absolute" and spec.year is not None:
        if spec.month is None:
            return DaySpan(dt.date(spec.year, 1, 1), dt.date(spec.year, 12, 31), "year")
        if spec.day is None:
            return _month_span(spec.year, spec.month)
        day = _valid_day(spec.year, spec.month, spec.day)
        return DaySpan(day, day, "day") if day else None
    if spec.kind == "named" and spec.year is not None:
        return _day(holidays.NAMED_DAYS[spec.name].in_year(spec.year))
    if spec.kind == "week" and spec.year is not None:
        return _iso_week(spec.year, spec.day)
    if spec.base is not None and spec.base.kind != "anchor":
        return _resolve_from_base(spec, resolve(spec.base, ref, future))
    if ref is None:
        return None
    if spec.kind == "anchor":  # the caller passes the sentence's day as `ref`
        return DaySpan(ref, ref, "day")
    if spec.kind == "named":
        return _day(_resolve_named(spec, ref, future))
    if spec.kind == "week":  # "week 17": of the reference date's year; "week 40 last year"
        return _iso_week(ref.year + int(spec.offset or 0), spec.day)
    if spec.kind == "absolute":  # month (and day) without a year
        return _resolve_yearless(spec, ref, future)
    if spec.kind == "day":
        day = ref + dt.timedelta(days=spec.offset)
        return DaySpan(day, day, "day")
    if spec.kind == "weekday":
        return _resolve_weekday(spec, ref, future)
    if spec.kind == "period":
        return _resolve_period(spec, ref)
    if spec.kind == "shift":
        return _resolve_shift(spec, ref)
    if spec.kind == "weekend":
        return _resolve_weekend(spec, ref, future)
    if spec.kind == "quarter":  # without a year: this year's
        return _resolve_whole(attrs.evolve(spec, year=ref.year), ref, future)
    raise ValueError(f"unknown date spec kind {spec.kind!r}")


# days in a unit a shift counts, for counts with a half ("three and a half years ago")
SHIFT_DAYS = {unit: DURATION_UNITS[unit] / DAY_SECONDS for unit in ("day", "week", "month", "year", "decade")}


def _resolve_shift(spec: DateSpec, ref: dt.date) -> DaySpan:
    """"two days ago", "two months ago", "in two years", "a decade ago": the
    reference day moved by that much, one day. Whole months, years and decades
    keep the day of the month (the month's last day where it has fewer);
    a count with a half moves by days ("three and a half years ago")."""
    return _day(_moved(ref, spec.offset, spec.unit))


def _moved(day: dt.date, by: float, unit: str) -> dt.date | None:
    """`day` moved by `by` units, or None beyond the calendar ("900 decades ago")."""
    try:
        if unit in ("day", "week") or not float(by).is_integer():
            return day + dt.timedelta(days=round(by * SHIFT_DAYS[unit]))
        months = int(by) * {"month": 1, "year": 12, "decade": 120}[unit]
        year, month = _shift_month(day.year, day.month, months)
        return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    except (ValueError, OverflowError):
        return None


def _day(day: dt.date | None) -> DaySpan | None:
    return DaySpan(day, day, "day") if day else None


def _iso_week(year: int, week: int) -> DaySpan | None:
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:  # week 53 of a year with 52
        return None
    return DaySpan(monday, monday + dt.timedelta(days=6), "week")


def _resolve_from_base(spec: DateSpec, base: DaySpan | None) -> DaySpan | None:
    """A date said by way of another span: "two days after Christmas" (a shift),
    "Friday of next week", "the second Monday in May" (a weekday), "the first
    week of 2022" (a week-of)."""
    if base is None:
        return None
    if spec.kind == "shift":
        return _day(_moved(base.first if spec.offset < 0 else base.last, spec.offset, spec.unit))
    if spec.kind == "week-of":
        if spec.day < 0:
            return DaySpan(max(base.first, base.last - dt.timedelta(days=6)), base.last, "week")
        first = base.first + dt.timedelta(weeks=spec.day - 1)
        return DaySpan(first, min(base.last, first + dt.timedelta(days=6)), "week") if first <= base.last else None
    days = [base.first + dt.timedelta(days=n) for n in range(base.days)]
    matching = [d for d in days if d.weekday() == spec.weekday]
    nth = spec.day or 1
    index = nth - 1 if nth > 0 else nth
    return _day(matching[index]) if -len(matching) <= index < len(matching) else None


def _resolve_named(spec: DateSpec, ref: dt.date, future: bool) -> dt.date | None:
    """A named day without a year: "Christmas last year" (`unit` year),
    "last/next Christmas" (the nearest strictly before or after the reference
    day), "this Christmas" (this year's), or bare: the nearest on the side the
    tense points to, the reference day included, as for a bare month."""
    named = holidays.NAMED_DAYS[spec.name]
    if spec.unit == "year":
        return named.in_year(ref.year + int(spec.offset))
    this = named.in_year(ref.year)
    if spec.offset == 0:
        return this
    if spec.offset == -1 or (spec.offset is None and not future):
        behind = this < ref if spec.offset == -1 else this <= ref
        return this if behind else named.in_year(ref.year - 1)
    ahead = this > ref if spec.offset == 1 else this >= ref
    return this if ahead else named.in_year(ref.year + 1)


def _resolve_weekend(spec: DateSpec, ref: dt.date, future: bool) -> DaySpan:
    """Saturday and Sunday: this weekend's, the last one's or the next one's."""
    saturday = ref + dt.timedelta(days=5 - ref.weekday())  # this week's
    if spec.offset is None and not future and saturday > ref:
        saturday -= dt.timedelta(weeks=1)  # "over the weekend", said on a weekday
    elif spec.offset:
        saturday += dt.timedelta(weeks=spec.offset)
    return DaySpan(saturday, saturday + dt.timedelta(days=1), "weekend")


# Where early, mid and late fall in a span, by its grain: (first, last) of its units
_THIRDS = {
    "month": {"early": (1, 10), "mid": (11, 20), "late": (21, 31)},  # days
    "year": {"early": (1, 4), "mid": (5, 8), "late": (9, 12)},  # months
    "decade": {"early": (0, 3), "mid": (4, 6), "late": (7, 9)},  # years
    "week": {"early": (0, 2), "mid": (1, 3), "late": (3, 6)},  # days from Monday
    "quarter": {"early": (0, 0), "mid": (1, 1), "late": (2, 2)},  # its months
}


def _narrow(span: DaySpan, part: str, ref: dt.date | None) -> DaySpan:
    """The early, middle or late part of a span; or the part before or after the reference day."""
    if part in ("earlier", "later"):
        if ref is None or not span.first <= ref <= span.last:
            return span
        first, last = (span.first, ref) if part == "earlier" else (ref, span.last)
        return DaySpan(first, last, f"{part}-{span.grain}")
    thirds = _THIRDS.get(span.grain)
    if thirds is None:
        return span
    low, high = thirds[part]
    if span.grain == "month":
        first = span.first.replace(day=low)
        last = span.first.replace(day=min(high, span.last.day))
    elif span.grain == "year":
        first = span.first.replace(month=low)
        last = _month_span(span.first.year, high).last
    elif span.grain == "quarter":
        first = _month_span(*_shift_month(span.first.year, span.first.month, low)).first
        last = _month_span(*_shift_month(span.first.year, span.first.month, high)).last
    elif span.grain == "decade":
        first = span.first.replace(year=span.first.year + low)
        last = dt.date(span.first.year + high, 12, 31)
    else:
        first = span.first + dt.timedelta(days=low)
        last = span.first + dt.timedelta(days=high)
    return DaySpan(first, last, f"{part}-{span.grain}")


def _resolve_yearless(spec: DateSpec, ref: dt.date, future: bool) -> DaySpan | None:
    if spec.unit == "month":  # the 20th of next month
        year, month = _shift_month(ref.year, ref.month, spec.offset)
        day = _valid_day(year, month, spec.day)
        return DaySpan(day, day, "day") if day else None
    if spec.month is None:
        return _resolve_day_alone(spec, ref, future)
    if spec.unit == "year":  # June last year
        year = ref.year + spec.offset
    elif spec.offset is not None:  # last/next/this November
        if spec.offset == 0:
            year = ref.year
        elif spec.offset < 0:
            year = ref.year if spec.month < ref.month else ref.year - 1
        else:
            year = ref.year if spec.month > ref.month else ref.year + 1
    else:
        year = ref.year
        key = (spec.month, spec.day or 0)
        ref_key = (ref.month, ref.day if spec.day else 0)
        if future is None:  # no tense: the nearest
            year = min((year - 1, year, year + 1), key=lambda y: abs(_middle(y, spec) - ref))
        elif future and key < ref_key:
            year += 1
        elif not future and key > ref_key:
            year -= 1
    if spec.day is None:
        return _month_span(year, spec.month)
    day = _valid_day(year, spec.month, spec.day)
    return DaySpan(day, day, "day") if day else None


def _middle(year: int, spec: DateSpec) -> dt.date:
    """The day of a month (its 15th when none is given) in `year`, to measure how near it is."""
    return (spec.day and _valid_day(year, spec.month, spec.day)) or dt.date(year, spec.month, 15)


def _resolve_day_alone(spec: DateSpec, ref: dt.date, future: bool) -> DaySpan | None:
    """"on the 21st": the nearest 21st on the tense's side; with a weekday, the nearest that falls on it."""
    step = 1 if future else -1
    for months in range(29):  # a Friday the 13th can be 14 months from the last
        year, month = _shift_month(ref.year, ref.month, step * months)
        day = _valid_day(year, month, spec.day)
        if day is None or (day - ref).days * step < 0:
            continue
        if spec.weekday is None or day.weekday() == spec.weekday:
            return DaySpan(day, day, "day")
    return None


def _resolve_weekday(spec: DateSpec, ref: dt.date, future: bool) -> DaySpan:
    ahead = (spec.weekday - ref.weekday()) % 7
    behind = (ref.weekday() - spec.weekday) % 7
    if spec.offset == -1:
        delta = -(behind or 7)
    elif spec.offset == 1:
        delta = ahead or 7
    elif spec.offset == 0 or future:
        delta = ahead
    else:
        delta = -behind
    day = ref + dt.timedelta(days=delta)
    return DaySpan(day, day, "day")


def _resolve_period(spec: DateSpec, ref: dt.date) -> DaySpan:
    if spec.unit == "year":
        year = ref.year + spec.offset
        return DaySpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if spec.unit == "month":
        return _month_span(*_shift_month(ref.year, ref.month, spec.offset))
    if spec.unit == "quarter":
        year, month = _shift_month(ref.year, ref.month - (ref.month - 1) % 3, 3 * spec.offset)
        return DaySpan(dt.date(year, month, 1), _month_span(year, month + 2).last, "quarter")
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=spec.offset)
    return DaySpan(monday, monday + dt.timedelta(days=6), "week")


def resolve_range(spec: RangeSpec, ref: dt.date | None, future: bool = False) -> DaySpan | None:
    # "from March 5 to today": a start without a year is on or before the day
    # that ends it; "between now and Christmas": an end after the day that starts it
    start = resolve(spec.start, ref, future and spec.end.kind != "day")
    if spec.start.kind == "day":
        future = True
    if start is None:
        return None
    end_spec = spec.end
    if end_spec.kind == "absolute" and end_spec.year is None:
        # the end takes the start's year, or the next one: "December 28 to January 3"
        end_spec = attrs.evolve(end_spec, year=start.first.year)
        if (end_spec.month, end_spec.day or 0) < (start.first.month, start.first.day):
            end_spec = attrs.evolve(end_spec, year=start.first.year + 1)
    end = resolve(end_spec, ref, future)
    if end is None or end.last < start.first:
        return None
    return DaySpan(start.first, end.last, "range")


def iso_span(value) -> DaySpan | None:
    """A date written in a rule file: 2024-04-26 (a day), "2024-04" (a month), 2024 (a year)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DaySpan(value, value, "day")
    text = str(value)
    try:
        if re.fullmatch(r"\d{4}", text):
            return resolve(absolute(int(text)), None)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = map(int, text.split("-"))
            return _month_span(year, month) if 1 <= month <= 12 else None
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return DaySpan(day, day, "day")


_COMMON_YEAR = 2001  # not a leap year; lengths of year-less ranges assume one


def range_length(spec: RangeSpec) -> int | None:
    """Days in a range whose year is unknown ("April 24-26" is 3), or None."""
    start, end = spec.start, spec.end
    if start.kind != "absolute" or end.kind != "absolute" or None in (start.month, start.day, end.month, end.day):
        return None
    span = resolve_range(attrs.evolve(spec, start=attrs.evolve(start, year=start.year or _COMMON_YEAR)), None)
    return span.days if span else None
