"""How figures, intervals and days are written for people: the pieces every
field type and `claimcheck values` show values with."""

from __future__ import annotations

import datetime as dt
import math

from checker.read.intervals import Interval
from checker.read.units import DAY_SECONDS
from checker.read.value import EPOCH

UNIT_LABELS = {
    "second": "s", "minute": "min", "hour": "h", "day": "d", "week": "wk",
    "fortnight": "fortnights", "month": "mo", "year": "yr", "decade": "decades",
    "century": "centuries",
}
_SCALES = ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))


def number(x: float) -> str:
    """61000000000 -> '61 billion'; 5.5 -> '5.5'; 1200 -> '1,200'."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for size, name in _SCALES:
        if abs(x) >= size:
            return f"{x / size:.4g}{name}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:.4g}"


def interval(iv: Interval, fmt=number) -> str:
    """An interval as people read it: "5.5", ">5", "≤10", "3–10"; an open end
    is marked, so that [3, 10) is "3 to <10" and never looks like it holds 10."""
    low, high = iv.low, iv.high
    if iv.is_point:
        return fmt(low)
    if math.isinf(high):
        return (">" if iv.low_open else "≥") + fmt(low)
    if low <= 0 and not math.isinf(low):
        return ("<" if iv.high_open else "≤") + fmt(high)
    if iv.low_open or iv.high_open:
        return f"{'>' if iv.low_open else ''}{fmt(low)} to {'<' if iv.high_open else ''}{fmt(high)}"
    return f"{fmt(low)}–{fmt(high)}"


def days_of(iv: Interval) -> tuple[dt.date, dt.date]:
    first = EPOCH + dt.timedelta(days=math.floor(iv.low / DAY_SECONDS))
    last = EPOCH + dt.timedelta(days=math.ceil(iv.high / DAY_SECONDS) - 1)
    return first, last


def day_span(first: dt.date, last: dt.date) -> str:
    """The shortest honest name for whole days: 2024-04-24, 2023-11, 2022, or a range."""
    if first == last:
        return first.isoformat()
    next_day = last + dt.timedelta(days=1)
    if first.day == 1 and next_day.day == 1:
        if first.month == 1 and next_day.month == 1 and next_day.year == first.year + 1:
            return str(first.year)
        if (next_day.year * 12 + next_day.month) - (first.year * 12 + first.month) == 1:
            return first.strftime("%Y-%m")
    return f"{first.isoformat()}..{last.isoformat()}"


def utc(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).isoformat()


def bound(x: float):
    return None if math.isinf(x) else x


def tidy(x: float):
    """A bound without float noise: 6.1 + 0.05 is 6.15, not 6.1499999999999995."""
    return None if math.isinf(x) else float(f"{x:.12g}")
