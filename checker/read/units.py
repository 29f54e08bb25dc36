"""Units: lengths of time, and physical units as news writes them, converted by pint.

The words and symbols writers use ("six miles", "120 km/h", "40C", "1.5 sq
km") are listed here, each with the pint unit it names; every factor comes
from pint, never from this file. pint is imported on first use, so runs
without a quantity field never pay for it.

A quantity's amount is kept in the unit it was stated in; `to_base` turns an
interval of it into the dimension's SI unit, where values are compared.
"""

from __future__ import annotations

import functools
import math
import re
from fractions import Fraction

import attrs

from checker.read.intervals import Interval
from checker.read.amount import VULGAR, VULGAR_FRACTIONS

# -- time -------------------------------------------------------------------
# Durations are compared in seconds; a month and a year are their Gregorian means.
DAY_SECONDS = 86_400.0
DURATION_UNITS = {
    "second": 1.0, "minute": 60.0, "hour": 3_600.0, "day": DAY_SECONDS, "week": 7 * DAY_SECONDS,
    "fortnight": 14 * DAY_SECONDS, "month": 30.436875 * DAY_SECONDS, "year": 365.2425 * DAY_SECONDS,
    "decade": 3_652.425 * DAY_SECONDS, "century": 36_524.25 * DAY_SECONDS,
}
_DURATION_FORMS = {
    "second": ["seconds", "sec", "secs"], "minute": ["minutes", "min", "mins"],
    "hour": ["hours", "hr", "hrs", "h"], "day": ["days", "night", "nights"], "week": ["weeks"],
    "fortnight": ["fortnights"], "month": ["months"], "year": ["years", "yr", "yrs"],
    "decade": ["decades"], "century": ["centuries"],
}
DURATION_UNIT_OF = {  # every spelling -> its unit: "hrs" -> "hour"
    form: unit for unit, forms in _DURATION_FORMS.items() for form in [unit, *forms]
}
DURATION_WORDS = {form: DURATION_UNITS[unit] for form, unit in DURATION_UNIT_OF.items()}

# -- physical ---------------------------------------------------------------

# dimension: (pint dimensionality, SI unit compared in, unit shown by default)
DIMENSIONS = {
    "length": ("[length]", "meter", "km"),
    "area": ("[length] ** 2", "meter ** 2", "sq km"),
    "mass": ("[mass]", "kilogram", "tonne"),
    "speed": ("[length] / [time]", "meter / second", "km/h"),
    "temperature": ("[temperature]", "kelvin", "°C"),
    "volume": ("[length] ** 3", "meter ** 3", "litre"),
    "energy": ("[length] ** 2 * [mass] / [time] ** 2", "joule", "kWh"),
}

# Each unit by the name shown in reports, with the pint unit it is and the
# other ways writers spell it. Words match in any case and in the plural
# given; symbols match exactly as written ("MWh", "°C").
_UNITS = {
    # length
    "km": ("kilometer", ["kilometre", "kilometres", "kilometer", "kilometers", "kms"], ["km", "KM", "Km"]),
    "mile": ("mile", ["mile", "miles"], ["mi"]),
    "nautical mile": ("nautical_mile", ["nautical mile", "nautical miles"], ["nmi"]),
    "metre": ("meter", ["metre", "metres", "meter", "meters"], []),
    "cm": ("centimeter", ["centimetre", "centimetres", "centimeter", "centimeters"], ["cm"]),
    "mm": ("millimeter", ["millimetre", "millimetres", "millimeter", "millimeters"], ["mm"]),
    "foot": ("foot", ["foot", "feet"], ["ft"]),
    "yard": ("yard", ["yard", "yards"], ["yd", "yds"]),
    "inch": ("inch", ["inch", "inches"], []),
    # area
    "sq km": ("kilometer ** 2", ["square kilometre", "square kilometres", "square kilometer",
                                 "square kilometers", "sq km", "sq. km", "sq kilometres"], ["km2", "km²"]),
    "sq mile": ("mile ** 2", ["square mile", "square miles", "sq mile", "sq miles", "sq mi", "sq. mi"], []),
    "sq m": ("meter ** 2", ["square metre", "square metres", "square meter", "square meters", "sq m",
                            "sq metres"], ["m2", "m²"]),
    "sq ft": ("foot ** 2", ["square foot", "square feet", "sq ft", "sq feet"], []),
    "hectare": ("hectare", ["hectare", "hectares"], ["ha"]),
    "acre": ("acre", ["acre", "acres"], []),
    # mass
    "tonne": ("metric_ton", ["tonne", "tonnes", "metric ton", "metric tons", "ton", "tons"], []),
    "kg": ("kilogram", ["kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"], ["kg", "kgs"]),
    "gram": ("gram", ["gram", "grams", "gramme", "grammes"], ["g"]),
    "lb": ("pound", [], ["lb", "lbs"]),
    "ounce": ("ounce", ["ounce", "ounces"], ["oz"]),
    # speed
    # the singulars are for adjectives: "a 30-mile-per-hour wind"
    "km/h": ("kilometer / hour", ["kilometres per hour", "kilometers per hour", "kilometres an hour",
                                  "kilometers an hour", "kilometre per hour", "kilometer per hour",
                                  "kilometre an hour", "kilometer an hour", "km per hour", "km an hour"],
             ["km/h", "KM/H", "Km/h", "kph", "kmh", "km/hr"]),
    "mph": ("mile / hour", ["miles per hour", "miles an hour", "mile per hour", "mile an hour"], ["mph", "MPH"]),
    "knot": ("knot", ["knot", "knots"], ["kt", "kts"]),
    "m/s": ("meter / second", ["metres per second", "meters per second", "metres a second"], ["m/s"]),
    # temperature
    "°C": ("degree_Celsius", ["degrees celsius", "degree celsius", "degrees centigrade", "degrees c",
                              "celsius"], ["°C", "ºC", "° C", "C"]),
    "°F": ("degree_Fahrenheit", ["degrees fahrenheit", "degree fahrenheit", "degrees f", "fahrenheit"],
           ["°F", "ºF", "° F", "F"]),
    "kelvin": ("kelvin", ["kelvin", "kelvins"], []),
    # volume
    "litre": ("liter", ["litre", "litres", "liter", "liters"], []),
    "ml": ("milliliter", ["millilitre", "millilitres", "milliliter", "milliliters"], ["ml"]),
    "gallon": ("gallon", ["gallon", "gallons"], []),
    "cubic metre": ("meter ** 3", ["cubic metre", "cubic metres", "cubic meter", "cubic meters", "cu m"], ["m3", "m³"]),
    "cubic foot": ("foot ** 3", ["cubic foot", "cubic feet", "cu ft"], []),
    "barrel": ("oil_barrel", ["barrel", "barrels"], ["bbl"]),
    # energy
    "joule": ("joule", ["joule", "joules"], []),
    "kJ": ("kilojoule", ["kilojoule", "kilojoules"], ["kJ"]),
    "MJ": ("megajoule", ["megajoule", "megajoules"], ["MJ"]),
    "GJ": ("gigajoule", ["gigajoule", "gigajoules"], ["GJ"]),
    "TJ": ("terajoule", ["terajoule", "terajoules"], ["TJ"]),
    "kWh": ("kilowatt_hour", ["kilowatt-hour", "kilowatt-hours", "kilowatt hour", "kilowatt hours"], ["kWh"]),
    "MWh": ("megawatt_hour", ["megawatt-hour", "megawatt-hours", "megawatt hour", "megawatt hours"], ["MWh"]),
    "GWh": ("gigawatt_hour", ["gigawatt-hour", "gigawatt-hours", "gigawatt hour", "gigawatt hours"], ["GWh"]),
    "TWh": ("terawatt_hour", ["terawatt-hour", "terawatt-hours", "terawatt hour", "terawatt hours"], ["TWh"]),
    # a food "calorie" is a kilocalorie, as in every news story about food
    "kcal": ("kilocalorie", ["kilocalorie", "kilocalories", "calorie", "calories"], ["kcal"]),
}
# Symbols that are also common words or letters read only when glued to the
# figure: "40C", "104F", "400g"; "3,000t" is not taken at all (tonnes or trillions).
GLUED_ONLY = frozenset({"C", "F", "g", "ha", "kt", "kts", "mi"})



def _key(spelling: str) -> str:
    """A word spelling as looked up: lower case, any run of spaces and hyphens one space."""
    return " ".join(re.split(r"[\s-]+", spelling.strip().lower()))


# every spelling -> the unit's name: "kilometres" -> "km", "KM" -> "km"
WORD_FORMS = {_key(w): name for name, (_, words, _) in _UNITS.items() for w in words}
SYMBOL_FORMS = {s: name for name, (_, _, symbols) in _UNITS.items() for s in symbols}
NAMES = tuple(_UNITS)


def _spaced(form: str) -> str:
    """A spelling as a regex: spaces and hyphens between its words are alike."""
    return r"[\s-]+".join(re.escape(part) for part in form.split())


def _alternation(forms) -> str:
    return "|".join(_spaced(f) for f in sorted(forms, key=len, reverse=True))


# A unit after a figure, spaced or glued; the longest spelling wins.
UNIT_AFTER = re.compile(
    r"(?:(?i:" + _alternation(WORD_FORMS) + r")|"
    + _alternation(s for s in SYMBOL_FORMS if s not in GLUED_ONLY) + r")(?![\w/²³])"
)
UNIT_GLUED = re.compile(r"(?:" + _alternation(GLUED_ONLY) + r")(?![\w/²³])")
# The words after a figure that make it a magnitude: "6.1 magnitude", "6.1 on the Richter scale"
MAGNITUDE_WORD = r"(?:magnitude|on\s+the\s+Richter(?:\s+scale)?|Richter)\b"
# After a bare figure: a unit or "magnitude" that the grammar should read
MEASURE_AFTER = re.compile(r"[\s-]*(?:" + UNIT_AFTER.pattern + r"|(?i:" + MAGNITUDE_WORD + "))")


def unit_named(spelling: str) -> str | None:
    """The unit a spelling names ("kilometres", "KM", "°C"), or None."""
    key = " ".join(spelling.split())
    if key in _UNITS:
        return key
    return SYMBOL_FORMS.get(key) or WORD_FORMS.get(_key(key))  # "square-\nkilometres"


@attrs.frozen(slots=True)
class Unit:
    """A unit as an affine map into its dimension's SI unit: si = x * factor + offset."""

    name: str
    dimension: str
    factor: float
    offset: float = 0.0

    def to_base(self, interval: Interval) -> Interval:
        return attrs.evolve(interval, low=interval.low * self.factor + self.offset,
                            high=interval.high * self.factor + self.offset)

    def from_base(self, interval: Interval) -> Interval:
        return attrs.evolve(interval, low=(interval.low - self.offset) / self.factor,
                            high=(interval.high - self.offset) / self.factor)


@functools.cache
def _registry():
    import pint  # imported here: about 0.2 s that only quantity fields need

    return pint.UnitRegistry(cache_folder=None)


@functools.cache
def unit(name: str) -> Unit:
    """The unit called `name` (one of NAMES), with its factors taken from pint."""
    registry = _registry()
    pint_name = _UNITS[name][0]
    one = registry.Quantity(1.0, pint_name)
    dimension = next(
        d for d, (dims, _, _) in DIMENSIONS.items() if one.dimensionality == registry.get_dimensionality(dims)
    )
    base = DIMENSIONS[dimension][1]
    offset = registry.Quantity(0.0, pint_name).to(base).magnitude
    factor = one.to(base).magnitude - offset
    return Unit(name, dimension, float(factor), float(offset))


def dimension_of(name: str) -> str:
    return unit(name).dimension


def units_of(dimension: str) -> tuple[str, ...]:
    """The names of the units of a dimension, for messages."""
    return tuple(n for n in NAMES if dimension_of(n) == dimension)


_IRREGULAR = {"foot": "feet", "inch": "inches", "cubic foot": "cubic feet", "kelvin": "kelvin"}


def spelled(figure: str, amount: float, name: str) -> str:
    """A figure with its unit's name, plural when it should be: "6 miles", "1 km", "2 feet"."""
    last = name.split()[-1]
    plural = amount != 1 and last.isalpha() and last.islower() and len(last) > 3
    if plural:
        name = _IRREGULAR.get(name, name + "s")
    return f"{figure} {name}"


# "1,200", "1 200" (grouped by spaces, as numbers.DIGITS reads it), "6.1", ".5",
# "3½", "½": a typeset fraction is stated to its part ("3½" ±¼)
_PART = VULGAR
_FIGURE = re.compile(
    r"(?P<whole>\d{1,3}(?: \d{3})+(?![\d,]| \d)|\d[\d,]*)(?:\.(?P<decimals>\d+))?(?: ?(?P<part>" + _PART + "))?"
    r"|\.(?P<point>\d+)|(?P<alone>" + _PART + ")"
)
ROUND_REACH = 0.05  # a round figure ("60 miles") may stand up to 5 % off


# Asked of the same figure by every field that may take it: remembered.
@functools.lru_cache(maxsize=4096)
def precision(text: str, amount: float, scale: float = 1.0, rounded: bool = True) -> float:
    """How far the figure written for `amount` reaches: half a unit of its last
    digit ("6.1" ±0.05, "1.2 million" ±50,000), or of its last non-zero digit
    when it ends in zeros, since those may be rounding ("60 miles" ±3, "100 km"
    ±5), but never more than 5 % of it. A figure in words ("six") is precise
    to a unit. Of several figures ("5-7.25 km", "10-15.5 km2") the one that
    states `amount` counts. `rounded` false: zeros count as any digit (a
    temperature, whose zero is arbitrary).
    """
    figures = list(_FIGURE.finditer(text))
    match = next((m for m in figures if math.isclose(_figure(m) * scale, abs(amount))), figures[0] if figures else None)
    part = match and (match.group("part") or match.group("alone"))
    if part:
        return 0.5 / Fraction(VULGAR_FRACTIONS[part]).limit_denominator(16).denominator * scale
    decimals = match and (match.group("decimals") or match.group("point"))
    if decimals:
        return 0.5 * 10.0 ** -len(decimals) * scale
    whole = (match.group("whole") or "").replace(",", "").replace(" ", "") if match else ""
    zeros = len(whole) - len(whole.rstrip("0")) if rounded and whole.strip("0") else 0
    return min(0.5 * 10.0**zeros * scale, max(0.5 * scale, ROUND_REACH * abs(amount)))


@functools.lru_cache(maxsize=4096)
def rounding(text: str, amount: float, scale: float = 1.0) -> float:
    """`precision` of a figure written in digits or words, or 0 when the
    digits written do not state `amount` as such ("4p" states GBP 0.04)."""
    figures = list(_FIGURE.finditer(text))
    if figures and not any(math.isclose(_figure(m) * scale, abs(amount)) for m in figures):
        return 0.0
    return precision(text, amount, scale)


def _figure(match: re.Match) -> float:
    part = match.group("part") or match.group("alone")
    whole = (match.group("whole") or "0").replace(",", "").replace(" ", "")
    decimals = match.group("decimals") or match.group("point") or "0"
    return float(f"{whole}.{decimals}") + (VULGAR_FRACTIONS[part] if part else 0.0)
