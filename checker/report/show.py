"""How values and claims are written for people (text) and tools (JSON)."""

from __future__ import annotations

import datetime as dt
import math

from checker.read import clock, units
from checker.judge.extract import Claim
from checker.read.intervals import Interval
from checker.rules.load import Field
from checker.read.units import DAY_SECONDS, DURATION_UNITS
from checker.read.values import EPOCH, Value

_UNIT_LABELS = {
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
    low, high = iv.low, iv.high
    if iv.is_point:
        return fmt(low)
    if math.isinf(high):
        return (">" if iv.low_open else "≥") + fmt(low)
    if low <= 0 and not math.isinf(low):
        return ("<" if iv.high_open else "≤") + fmt(high)
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


def claim(field: Field, c: Claim | None) -> str:
    """A claim as a table cell, in the field's unit."""
    if c is None:
        return ""
    if field.type in ("text", "set"):
        return ", ".join(sorted(c.names))
    if c.interval is None:
        return "(unresolved)"
    if field.type in ("date", "date-range"):
        return day_span(*days_of(c.interval))
    if field.type == "time":
        return clock.utc_label(c.interval)
    if field.type == "quantity" and c.stated:
        amount, unit, _ = c.stated
        if unit == field.unit:
            return units.spelled(number(amount), amount, unit)
        point = units.unit(field.unit).from_base(units.unit(unit).to_base(Interval.point(amount))).low
        return f"{units.spelled(number(amount), amount, unit)} ≈ {units.spelled(number(point), point, field.unit)}"
    if field.type == "quantity":
        return units.spelled(interval(units.unit(field.unit).from_base(c.interval)), 2, field.unit)
    if field.type == "magnitude" and c.stated:
        amount, _, status = c.stated
        return f"{number(amount)} ({status})" if status else number(amount)
    shown = interval(c.interval.scale(1 / field.unit_factor))
    if field.type == "money":
        return f"{c.currency} {shown}"
    if field.type == "duration":
        return f"{shown} {_UNIT_LABELS[field.unit]}"
    if field.type == "percent":
        return f"{shown} points" if field.unit == "point" else f"{shown}%"
    return shown


def _utc(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).isoformat()


def _bound(x: float):
    return None if math.isinf(x) else x


def _tidy(x: float):
    """A bound without float noise: 6.1 + 0.05 is 6.15, not 6.1499999999999995."""
    return None if math.isinf(x) else float(f"{x:.12g}")


def claim_json(field: Field, c: Claim | None):
    if c is None:
        return None
    if field.type == "text":
        return sorted(c.names)[0] if len(c.names) == 1 else sorted(c.names)
    if field.type == "set":
        return sorted(c.names)
    if c.interval is None:
        return {"unresolved": True}
    if field.type in ("date", "date-range"):
        first, last = days_of(c.interval)
        return {"value": day_span(first, last), "start": first.isoformat(), "end": last.isoformat()}
    if field.type == "time":
        return {"value": clock.utc_label(c.interval), "start": _utc(c.interval.low), "end": _utc(c.interval.high)}
    if field.type == "quantity":
        iv = units.unit(field.unit).from_base(c.interval)
    else:
        iv = c.interval.scale(1 / field.unit_factor)
    result = {
        "value": iv.low if iv.is_point else None,
        "low": _bound(iv.low), "high": _bound(iv.high),
        "low_open": iv.low_open, "high_open": iv.high_open,
        "unit": field.unit,
    }
    if field.type == "money":
        result["currency"] = c.currency
    if c.stated:  # the figure as the article wrote it, before its precision made it an interval
        amount, unit, status = c.stated
        result["stated"] = {"amount": amount, "unit": unit, "status": status}
    return result


# -- values, for `claimcheck values` -----------------------------------------
def value_json(v: Value, zone: str | None = None) -> dict:
    """One value as docs/design.md's JSON: text, start, end, type, value (+ low/high).

    A time of day adds its instants in UTC when `zone` (or its own) places it.
    """
    out = {"text": v.text, "start": v.start, "end": v.end, "type": v.type}
    if v.type == "time":
        spec = v.clock
        out.update(value=f"{spec.hour:02d}:{spec.minute:02d}", zone=spec.zone, grain="hour" if spec.grain >= 3600 else "minute")
        if spec.since:  # a range: "between 9 and 10 a.m." is from 09:00, value 10:00
            out["from"] = f"{spec.since[0]:02d}:{spec.since[1]:02d}"
        if spec.qualifier:
            out["qualifier"] = spec.qualifier
        at = v.instant(zone)
        if at is not None:
            out["instant"] = {"start": _utc(at.low), "end": _utc(at.high)}
        return out
    if v.type in ("date", "date-range"):
        if v.days is None:
            out.update(value=None, unresolved=True)
        elif v.type == "date-range":
            out["value"] = {"start": v.days.first.isoformat(), "end": v.days.last.isoformat()}
            out["days"] = v.days.days
        else:
            out["value"] = v.days.first.isoformat()
            out["grain"] = v.days.grain
            if v.days.grain != "day":
                out.update(low=v.days.first.isoformat(), high=v.days.last.isoformat())
        return out
    iv = v.interval()
    point = v.amount.low if v.amount.low == v.amount.high else None
    if v.type == "quantity":  # in its stated unit; `si` is what is compared
        unit = units.unit(v.unit)
        out["value"] = {"amount": point, "unit": v.unit, "dimension": unit.dimension}
        out["si"] = {"low": _tidy(iv.low), "high": _tidy(iv.high), "unit": units.DIMENSIONS[unit.dimension][1]}
        iv = unit.from_base(iv)
    else:
        out["value"] = {"amount": point, "currency": v.currency} if v.type == "money" else point
    if not iv.is_point:
        out.update(low=_tidy(iv.low), high=_tidy(iv.high))
    if v.status:
        out["status"] = v.status
    if v.qualifier:
        out["qualifier"] = v.qualifier
    if v.unit == "point":
        out["unit"] = "percentage point"
    return out


def value_text(v: Value, zone: str | None = None) -> str:
    if v.type == "time":
        at = v.instant(zone)
        return v.clock.label() + (f" = {clock.utc_label(at)}" if at else " (no day or zone to place it)")
    if v.type in ("date", "date-range"):
        if v.days is None:
            return "(unresolved: no reference date)"
        return day_span(v.days.first, v.days.last)
    iv = v.interval()
    if v.type == "duration":
        seconds = iv.low if math.isfinite(iv.low) and iv.low > 0 else iv.high
        unit = next((u for u, s in _DURATION_STEPS if seconds >= s), "second")
        return f"{interval(iv.scale(1 / dict(_DURATION_STEPS)[unit]))} {_UNIT_LABELS[unit]}"
    stated = v.amount.low == v.amount.high and not v.qualifier
    if v.type == "quantity":
        if stated:  # the figure, and how precise it is
            return units.spelled(f"{number(v.amount.low)} ±{number(v.precision[0])}", v.amount.low, v.unit)
        return units.spelled(interval(units.unit(v.unit).from_base(iv)), 2, v.unit)
    shown = f"{number(v.amount.low)} ±{number(v.precision[0])}" if v.type == "magnitude" and stated else interval(iv)
    if v.status:
        return f"{shown} ({v.status})"
    if v.type == "money":
        return f"{v.currency} {shown}"
    if v.type == "percent":
        return f"{shown} points" if v.unit == "point" else f"{shown}%"
    return shown


# the units a duration of unknown length is shown in, longest first
_DURATION_STEPS = tuple(
    (unit, DURATION_UNITS[unit]) for unit in ("year", "month", "week", "day", "hour", "minute", "second")
)
