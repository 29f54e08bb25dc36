"""Figures: number, count, percent, money and duration fields."""

from __future__ import annotations

import attrs

from checker.fieldtypes.base import Claim, FieldType
from checker.fieldtypes.display import UNIT_LABELS
from checker.read.currencies import CODE_ALIASES, SORTED_CODES
from checker.read import units
from checker.read.intervals import Interval
from checker.read.units import MEASURE_AFTER
from checker.read.datespec import DateSpec
from checker.read.units import DURATION_UNIT_OF, DURATION_UNITS

_PERCENT_UNITS = {"%": "percent", "points": "point", "percentage point": "point", "percentage points": "point"}


class Number(FieldType):
    name = "number"
    accepts = ("number",)
    options = frozenset({"counting"})

    def rounding(self, value):
        # "12 million", "3bn" stand for what they round; "145" and "two dozen" are counts as stated
        return _rounding(value) if value.amount.scale >= 1_000 else (0.0, 0.0)


class Count(Number):
    """A whole number of things: not "5.7" of "5.7-magnitude", nor "12" of "12 kilometres"."""

    name = "count"

    def reads(self, value, sentence: str) -> bool:
        amount = value.amount
        if amount is None:
            return True  # not a figure: `claim` turns it away
        whole = float(amount.low).is_integer() and (amount.high == float("inf") or float(amount.high).is_integer())
        return whole and not MEASURE_AFTER.match(sentence, value.end)


class Percent(FieldType):
    """A percent, or (`unit: point`) a difference of percents."""

    name = "percent"
    accepts = ("percent",)

    def check_unit(self, doc, path, unit) -> str:
        unit = _PERCENT_UNITS.get(str(unit).lower(), unit)
        return doc.one_of(path, unit, ("percent", "point"), "percent unit")

    def claim_of(self, field, value, zone):
        if (value.unit == "point") != (field.unit == "point"):
            return None  # "5 percentage points" is not "5%"
        return super().claim_of(field, value, zone)

    def shown(self, field, claim) -> str:
        shown = super().shown(field, claim)
        return f"{shown} points" if field.unit == "point" else f"{shown}%"


class Money(FieldType):
    """An amount in a currency; other currencies only through declared `rates`."""

    name = "money"
    accepts = ("money", "number")  # a bare amount is in the field's currency
    options = frozenset({"rates"})

    def check_unit(self, doc, path, unit) -> str:
        code = str(unit).upper()
        return doc.one_of(path, CODE_ALIASES.get(code, code), SORTED_CODES, "currency")

    def currency(self, field, value) -> str:
        return value.currency or field.unit or "USD"

    def rounding(self, value):
        return _rounding(value)

    def combine(self, field, claims):
        known = [c for c in claims if c.interval is not None]
        if len({c.currency for c in known}) > 1:
            converted = in_one_currency(field, known)
            if converted is None:
                return known[0], False
            claims = converted
        return super().combine(field, claims)

    def verdict(self, field, stated):
        claims = [v.claim for v in stated]
        if len({c.currency for c in claims}) > 1:
            converted = in_one_currency(field, claims)
            if converted is None:
                return "not-comparable", ()
            stated = [attrs.evolve(v, claim=c) for v, c in zip(stated, converted)]
        return super().verdict(field, stated)

    def shown(self, field, claim) -> str:
        """"USD 61 billion"; in another currency with a declared rate, with its
        conversion: "GBP 1.5 million ≈ EUR 1.74 million"."""
        shown = f"{claim.currency} {super().shown(field, claim)}"
        into = field.unit or "USD"
        rate = field.rates.rate(claim.currency) if field.rates and claim.currency != into else None
        if rate is None:
            return shown
        stated = claim.stated and attrs.evolve(claim.stated, amount=claim.stated.amount * rate)
        converted = Claim(claim.interval.scale(rate), into, stated=stated)
        return f"{shown} ≈ {into} {super().shown(field, converted)}"

    def matches(self, field, claim, expected) -> bool:
        """An example's value is in the field's currency: another is converted first."""
        into = field.unit or "USD"
        if claim.interval is None or claim.currency == into or field.rates is None:
            return super().matches(field, claim, expected)
        converted = field.rates.convert(claim.interval, claim.currency, into)
        if converted is None:
            return False
        if isinstance(expected, dict):
            return self.matches_interval(field, converted, expected)
        return converted.contains(float(expected))


def _rounding(value) -> tuple[float, float]:
    """Half the last stated digit below and above a figure (at most 5 % of a
    round one): "$14 billion" is 13.5-14.5 billion, "$14.3 billion" 14.25-14.35."""
    amount = value.amount
    if amount.vague:
        return (0.0, 0.0)
    return tuple(units.rounding(value.text, x, amount.scale) for x in (amount.low, amount.high))


def in_one_currency(field, claims: list[Claim]) -> list[Claim] | None:
    """Money in several currencies, converted through the field's declared rates, or None."""
    into = field.unit or "USD"
    if field.rates is None:
        return None
    converted = [field.rates.convert(c.interval, c.currency, into) for c in claims]
    if any(i is None for i in converted):
        return None
    return [Claim(i, into) for i in converted]


class Duration(FieldType):
    """A length of time; a date range gives its length ("April 24-26": three days)."""

    name = "duration"
    accepts = ("duration", "date-range", "date")  # a range's length; "three years ago": three years
    default_unit = "hour"
    takes_dates = True

    def check_unit(self, doc, path, unit) -> str:
        unit = DURATION_UNIT_OF.get(str(unit).lower(), unit)
        return doc.one_of(path, unit, tuple(DURATION_UNITS), "time unit")

    def unit_factor(self, field) -> float:
        return DURATION_UNITS[field.unit or "hour"]

    def claim_of(self, field, value, zone):
        if value.type == "date-range":
            length = value.length
            return Claim(Interval.point(length.low)) if length else None
        if value.type == "date":  # "founded three and a half years ago" says how long, too
            spec = value.date
            if not isinstance(spec, DateSpec) or spec.kind != "shift" or spec.offset >= 0:
                return None
            return Claim(Interval.point(-spec.offset * DURATION_UNITS[spec.unit]))
        return super().claim_of(field, value, zone)

    def shown(self, field, claim) -> str:
        return f"{super().shown(field, claim)} {UNIT_LABELS[field.unit]}"


TYPES = (Number(), Count(), Percent(), Money(), Duration())
