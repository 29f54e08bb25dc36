"""Readers for the measures, each one regex: magnitudes ("6.1-magnitude",
"M6.1", "magnitude 6.1-6.3"), times of day (through `clock`), quantities with
a unit glued to the figure ("10km", "-10C", "35-40C")."""

from __future__ import annotations

import re

import attrs

from checker.read import clock, units
from checker.read.candidates import MINUS, STATUS
from checker.read.context import is_change
from checker.read.value import Reading
from checker.read.amount import Amount

# "6.1-magnitude", "magnitude-6.1", "a magnitude of 6.1", "M6.1", "Mw 6.1",
# "6.1 on the Richter scale", each maybe after "preliminary" or "revised" or
# before "(preliminary)"; "magnitude 6.1-6.3" is a range
_MAG = r"\d{1,2}(?:\.\d{1,2})?"
_MAG_TO = r"(?:[-–]|\s+to\s+)"  # "6.1-6.3", "6.1 to 6.3"; not "6.1 - 10 km deep"
_MAGNITUDE = re.compile(
    r"(?:(?P<status>" + STATUS + r")\s+)?(?:"
    r"(?:Richter\s+)?magnitude(?:\s+(?:of|at|was|is|as|to))?[\s-]*(?P<a>" + _MAG + r")(?:" + _MAG_TO + r"(?P<a_to>" + _MAG + r"))?"
    r"|(?-i:M[wLs]?)\s?(?P<b>\d\.\d{1,2})"  # "M6.1", never "the M5 motorway"
    r"|(?P<c>" + _MAG + r")(?:" + _MAG_TO + r"(?P<c_to>" + _MAG + r"))?"
    r"(?:[\s-]*magnitude|\s+on\s+the\s+Richter(?:\s+scale)?|\s+Richter)\b"
    r")(?!\d|\.\d)(?:\s*\((?P<after>" + STATUS + r")\))?",
    re.IGNORECASE,
)
# A unit glued to its figure: "10km", "40C", "104°F", "120kph"; and ranges
# ending in one: "35-40C", "10km-15km", "between 35C and 40C", "-10C to -5C".
_MINUS_SIGN = r"(?:(?:(?i:minus)\s+|[-−])(?=\d))?"
_FIG = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GLUED_UNIT = units.UNIT_AFTER.pattern + "|" + units.UNIT_GLUED.pattern
_GLUED_ONE = re.compile(r"(?P<figure>" + _MINUS_SIGN + _FIG + r")(?P<unit>" + _GLUED_UNIT + r")")
_GLUED_QUANTITY = re.compile(
    r"(?:(?P<between>(?i:between)\s+)?(?P<low>" + _MINUS_SIGN + _FIG + r")(?P<low_unit>" + _GLUED_UNIT + r")?"
    r"(?(between)\s+(?i:and)\s+|\s?(?:[-–]|(?i:to)\b)\s?))?" + _GLUED_ONE.pattern
)


def _signed(figure: str) -> float:
    negative = figure[0] in "-−" or figure[:5].lower() == "minus"
    number = float(re.sub(r"^(?:minus\s+|[-−])|,", "", figure, flags=re.IGNORECASE))
    return -number if negative else number




def read_measure(text: str, pos: int, kind: str, read_at) -> tuple[Reading, int] | None:
    """A magnitude, a time of day or a glued quantity at `pos`, or None.

    `read_at(text, pos, kind, measures)` reads what a minus sign stands before.
    """
    if kind in ("digits", "magnitude"):
        found = _magnitude_at(text, pos)
        if found:
            return found
    if kind == "clock" or (kind in ("digits", "words") and clock.DIGIT_CLOCK.match(text, pos)):
        read = clock.read(text, pos)
        if read:
            return Reading("time", clock=read[0]), read[1]
    if kind in ("digits", "minus", "words"):
        found = _glued_at(text, pos)
        if found and (kind != "minus" or units.dimension_of(found[0].unit) == "temperature"):
            return found
    if kind == "minus":  # "minus 10 degrees Celsius": the quantity after it, negated
        read = read_at(text, MINUS.match(text, pos).end(), "digits", measures=True)
        if read and read[0].type == "quantity" and units.dimension_of(read[0].unit) == "temperature":
            amount = read[0].amount
            return attrs.evolve(read[0], amount=Amount(-amount.high, -amount.low, amount.vague, amount.scale)), read[1]
    return None


# "the quake measured 5.7": a figure below ten with no unit after a verb of measuring
_MEASURED = re.compile(r"\b(?:measured|measuring|registered|registering)\s+\Z", re.IGNORECASE)
_MEASURED_FIGURE = re.compile(
    r"(?P<figure>\d(?:\.\d{1,2})?|10(?:\.0)?)(?!\d|[.,]\d|\s*%|[\s-]*(?:" + units.UNIT_AFTER.pattern + r"))"
)


def _measured_at(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _MEASURED_FIGURE.match(text, pos)
    if not match or not _MEASURED.search(text, max(0, pos - 16), pos):
        return None
    return Reading("magnitude", amount=Amount.of(float(match.group("figure")))), match.end()


def _magnitude_at(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _MAGNITUDE.match(text, pos)
    if not match:
        return _measured_at(text, pos)
    one = float(match.group("a") or match.group("b") or match.group("c"))
    other = float(match.group("a_to") or match.group("c_to") or one)
    if abs(other - one) > 2:  # "magnitude 6.1-10km deep": not a range of magnitudes
        return (Reading("magnitude", amount=Amount.of(one)), match.end("a")) if match.group("a") else None
    if other != one and is_change(text, pos, match.end()):
        one = other  # "revised from magnitude 6.1 to 6.9": what it is now, not a range
    status = match.group("status") or match.group("after")
    status = status and status.lower()
    return Reading("magnitude", amount=Amount(min(one, other), max(one, other)), status=status), match.end()


def _glued_at(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _GLUED_QUANTITY.match(text, pos)
    if match and match.group("low") and (
        (match.group("low_unit") and units.unit_named(match.group("low_unit")) != units.unit_named(match.group("unit")))
        or is_change(text, pos, match.end())
    ):
        match = _GLUED_ONE.match(text, pos)  # "10km-15mi", "rose from 10km to 15km": no range
    if not match:
        return None
    one = _signed(match.group("figure"))
    low = match.groupdict().get("low")
    other = _signed(low) if low else one
    unit = units.unit_named(match.group("unit"))
    return Reading("quantity", amount=Amount(min(one, other), max(one, other)), unit=unit), match.end()
