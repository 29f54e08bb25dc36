"""How values are written for `claimcheck values`: text for people, JSON for tools."""

from __future__ import annotations

import math

from checker.fieldtypes.display import UNIT_LABELS, day_span, interval, number, tidy, utc
from checker.read import clock, units
from checker.read.units import DURATION_UNITS
from checker.read.value import Value


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
            out["instant"] = {"start": utc(at.low), "end": utc(at.high)}
        return out
    if v.type in ("date", "date-range"):
        if v.days is None:
            out.update(value=None, unresolved=True)
        elif v.type == "date-range" or v.days.first != v.days.last:
            # a month, quarter, week or year is a range of days as much as "April 24-26" is
            out.update(type="date-range", value={"start": v.days.first.isoformat(), "end": v.days.last.isoformat()})
            out["days"] = v.days.days
            if v.type == "date":
                out["grain"] = v.days.grain
        else:
            out["value"] = v.days.first.isoformat()
            out["grain"] = v.days.grain
        return out
    iv = v.interval()
    point = v.amount.low if v.amount.low == v.amount.high else None
    if v.type == "quantity":  # in its stated unit; `si` is what is compared
        unit = units.unit(v.unit)
        out["value"] = {"amount": point, "unit": v.unit, "dimension": unit.dimension}
        out["si"] = {"low": tidy(iv.low), "high": tidy(iv.high), "unit": units.DIMENSIONS[unit.dimension][1]}
        iv = unit.from_base(iv)
    else:
        out["value"] = {"amount": point, "currency": v.currency} if v.type == "money" else point
    if not iv.is_point:
        out.update(low=tidy(iv.low), high=tidy(iv.high))
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
        return f"{interval(iv.scale(1 / dict(_DURATION_STEPS)[unit]))} {UNIT_LABELS[unit]}"
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
