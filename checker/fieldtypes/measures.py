"""Measures: quantity fields (a dimension and its units, through pint) and
earthquake magnitudes. Both stand for what their figures round to ("six miles"
is 5.5-6.5 miles), and show the figure as the article stated it."""

from __future__ import annotations

import math

from checker.fieldtypes import display
from checker.fieldtypes.base import FieldType, NoUnit
from checker.read import units
from checker.read.intervals import Interval


class _Stated(FieldType):
    """A figure whose precision makes an interval: shown as stated, matched by what it rounds to."""

    measures = True

    def matches_interval(self, field, interval, expected) -> bool:
        if isinstance(expected, dict):
            return super().matches_interval(field, interval, expected)
        # a stated figure stands for its precision: "six miles" is 5.5-6.5 miles
        got = self.display_interval(field, interval)
        return math.isfinite(got.low) and math.isfinite(got.high) and got.contains(float(expected))


class Quantity(_Stated):
    """A length, area, mass, speed, temperature, volume or energy (`dimension:`)."""

    name = "quantity"
    accepts = ("quantity",)
    options = frozenset({"dimension"})

    def unit(self, doc, path, unit, dimension):
        if unit is None:
            return units.DIMENSIONS[dimension][2]
        name = units.unit_named(str(unit))
        if name is None or units.dimension_of(name) != dimension:
            raise doc.error(path, f"unknown {dimension} unit {unit!r} (expected one of: {', '.join(units.units_of(dimension))})")
        return name

    def unit_factor(self, field) -> float:
        return units.unit(field.unit).factor

    def check(self, doc, path, field) -> None:
        if field.dimension == "temperature" and field.tolerance is not None and field.tolerance.relative:
            # a percentage of a temperature depends on where its scale puts zero
            raise doc.error(path + ("tolerance",), "a temperature's tolerance is a number of degrees, not a percentage")

    def claim(self, field, value, zone=None):
        if value.type == "quantity" and units.dimension_of(value.unit) != field.dimension:
            return None  # "10 km" is no temperature
        return super().claim(field, value, zone)

    def figure(self, value) -> float:
        return units.unit(value.unit).to_base(Interval.point(value.amount.low)).low

    def display_interval(self, field, interval):
        return units.unit(field.unit).from_base(interval)

    def shown(self, field, claim) -> str:
        if claim.stated is None:
            return units.spelled(display.interval(self.display_interval(field, claim.interval)), 2, field.unit)
        amount, unit = claim.stated.amount, claim.stated.unit
        written = units.spelled(display.number(amount), amount, unit)
        if unit == field.unit:
            return written
        converted = units.unit(field.unit).from_base(units.unit(unit).to_base(Interval.point(amount))).low
        return f"{written} ≈ {units.spelled(display.number(converted), converted, field.unit)}"


class Magnitude(NoUnit, _Stated):
    """An earthquake's magnitude; a status ("preliminary") stays with the figure."""

    name = "magnitude"
    accepts = ("magnitude",)

    def shown(self, field, claim) -> str:
        if claim.stated is None:
            return super().shown(field, claim)
        figure = display.number(claim.stated.amount)
        return f"{figure} ({claim.stated.status})" if claim.stated.status else figure


TYPES = (Quantity(), Magnitude())
