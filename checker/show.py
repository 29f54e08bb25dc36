"""How values and claims are written for people (text) and tools (JSON)."""

from __future__ import annotations

import datetime as dt
import math

from checker.extract import Claim
from checker.intervals import Interval
from checker.rules import Field
from checker.values import DAY, EPOCH, Value

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
    first = EPOCH + dt.timedelta(days=math.floor(iv.low / DAY))
    last = EPOCH + dt.timedelta(days=math.ceil(iv.high / DAY) - 1)
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
    shown = interval(c.interval.scale(1 / field.unit_factor))
    if field.type == "money":
        return f"{c.currency} {shown}"
    if field.type == "duration":
        return f"{shown} {_UNIT_LABELS[field.unit]}"
    if field.type == "percent":
        return f"{shown} points" if field.unit == "point" else f"{shown}%"
    return shown


def _bound(x: float):
    return None if math.isinf(x) else x


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
    iv = c.interval.scale(1 / field.unit_factor)
    result = {
        "value": iv.low if iv.is_point else None,
        "low": _bound(iv.low), "high": _bound(iv.high),
        "low_open": iv.low_open, "high_open": iv.high_open,
        "unit": field.unit,
    }
    if field.type == "money":
        result["currency"] = c.currency
    return result


# -- values, for `claimcheck values` -----------------------------------------
def value_json(v: Value) -> dict:
    """One value as docs/design.md's JSON: text, start, end, type, value (+ low/high)."""
    out = {"text": v.text, "start": v.start, "end": v.end, "type": v.type}
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
    out["value"] = {"amount": point, "currency": v.currency} if v.type == "money" else point
    if not iv.is_point:
        out.update(low=_bound(iv.low), high=_bound(iv.high))
    if v.qualifier:
        out["qualifier"] = v.qualifier
    if v.unit:
        out["unit"] = "percentage point"
    return out


def value_text(v: Value) -> str:
    if v.type in ("date", "date-range"):
        if v.days is None:
            return "(unresolved: no reference date)"
        return day_span(v.days.first, v.days.last)
    iv = v.interval()
    if v.type == "duration":
        seconds = iv.low if math.isfinite(iv.low) and iv.low > 0 else iv.high
        unit = next((u for u, s in _DURATION_STEPS if seconds >= s), "second")
        return f"{interval(iv.scale(1 / dict(_DURATION_STEPS)[unit]))} {_UNIT_LABELS[unit]}"
    shown = interval(iv)
    if v.type == "money":
        return f"{v.currency} {shown}"
    if v.type == "percent":
        return f"{shown} points" if v.unit == "point" else f"{shown}%"
    return shown


_DURATION_STEPS = (
    ("year", 365.2425 * DAY), ("month", 30.436875 * DAY), ("week", 7 * DAY),
    ("day", DAY), ("hour", 3600.0), ("minute", 60.0), ("second", 1.0),
)
