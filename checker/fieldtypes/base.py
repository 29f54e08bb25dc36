"""What a field type provides, and the claim a value makes for a field.

A field's `type:` names one `FieldType` in the registry (`checker.fieldtypes.TYPES`).
The type says everything that differs between kinds of fact:

- which values it takes and the claim it makes of one (`claim`);
- its unit: the default, which are valid, how many canonical units one is;
- how an article's claims combine, and the verdict between articles' claims;
- how a claim is shown in a table cell and in JSON;
- how a rule example's expected value is checked and matched.

`FieldType` itself is the behaviour of an interval in canonical units (a
count, an amount of money, a length of time); the other types override what
differs. Each type is one instance; the methods take the `Field` they serve.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from checker.fieldtypes import display
from checker.read.intervals import QUALIFIERS, Interval, intersect_all

if TYPE_CHECKING:
    from checker.load.yamlfile import YamlDocument
    from checker.read.value import Value


@attrs.frozen(slots=True)
class Stated:
    """A quantity's or magnitude's figure as the article wrote it, before its
    precision made an interval of it: shown instead of that interval."""

    amount: float
    unit: str | None
    status: str | None  # a magnitude's "preliminary", "revised"


@attrs.frozen(slots=True)
class Claim:
    """What one mention says, in the field's terms.

    Numeric and date fields: an interval in canonical units (None when a
    relative date could not be resolved). Text and set fields: names.
    """

    interval: Interval | None = None
    currency: str | None = None
    names: frozenset[str] = frozenset()
    stated: Stated | None = attrs.field(default=None, eq=False)
    # the point figure stated, in canonical units, when nothing but an
    # approximation word ("about", "some") qualifies it: two claims of the
    # same figure agree however their intervals differ
    figure: float | None = attrs.field(default=None, eq=False)

    def meets(self, other: Claim) -> bool:
        """Whether both can be true: the same currency and overlapping intervals
        (claims without an interval: a name in common)."""
        if self.interval is None or other.interval is None:
            return bool(self.names & other.names)
        return self.currency == other.currency and not self.interval.intersect(other.interval).is_empty


class Field(Protocol):
    """What a field type reads of the field it serves (`rules.model.Field` is one)."""

    id: str
    type: str
    unit: str | None
    tolerance: Any  # rules.model.Tolerance: `absolute(figure, unit_factor)`
    combine: str
    part: str | None
    dimension: str | None
    rates: Any  # rules.model.Rates: `convert(interval, currency, into)`
    choices: tuple[tuple[str, tuple[str, ...]], ...]
    exhaustive: bool
    near: Any

    @property
    def unit_factor(self) -> float: ...


class FieldType:
    """An interval in canonical units; subclasses override what differs."""

    name: ClassVar[str]
    accepts: ClassVar[tuple[str, ...]] = ()  # the value types it takes
    default_unit: ClassVar[str | None] = None
    options: ClassVar[frozenset[str]] = frozenset()  # rule keys only this type takes
    reads_values: ClassVar[bool] = True  # False: found by its patterns' words (text, set)
    measures: ClassVar[bool] = False  # reads quantities, magnitudes, times of day
    takes_dates: ClassVar[bool] = False  # needs the dates of its sentence

    # -- rules ---------------------------------------------------------------
    def unit(self, doc: YamlDocument, path, unit, dimension: str | None) -> str | None:
        """The field's unit as validated from its rule file (`unit` as written, or None)."""
        if unit is None:
            return self.default_unit
        return self.check_unit(doc, path, unit)

    def check_unit(self, doc: YamlDocument, path, unit) -> str:
        return doc.string(path, unit, "unit")

    def unit_factor(self, field: Field) -> float:
        """Canonical units per display unit (seconds per hour, metres per km, ...)."""
        return 1.0

    def check(self, doc: YamlDocument, path, field: Field) -> None:
        """Refuse what the rule file says that this type cannot honour."""

    # -- claims --------------------------------------------------------------
    def claim(self, field: Field, value: Value, zone: str | None = None) -> Claim | None:
        """The claim a value makes for the field, or None when it does not fit.

        `zone` is the event's IANA time zone, for times of day.
        """
        if value.type not in self.accepts:
            return None
        return self.claim_of(field, value, zone)

    def reads(self, value: Value, sentence: str) -> bool:
        """Whether the value, where it stands in its sentence, can be of this type at all."""
        return True

    def claim_of(self, field: Field, value: Value, zone: str | None) -> Claim | None:
        if not any(value.precision) and not value.qualifier:  # "about $5bn" says how far already
            rounding = self.rounding(value)
            if any(rounding):
                value = attrs.evolve(value, precision=rounding)
        tolerance = None
        if field.tolerance is not None:
            tolerance = field.tolerance.absolute(self.figure(value), field.unit_factor)
        return Claim(
            value.interval(tolerance), self.currency(field, value), stated=self.stated(value),
            figure=self.figure(value) if _approximate_point(value) else None,
        )

    def rounding(self, value: Value) -> tuple[float, float]:
        """How far below and above its figures a value may stand for what it
        rounds ("$14 billion": half a billion); none for most types."""
        return (0.0, 0.0)

    def figure(self, value: Value) -> float:
        """The (low) figure stated, in canonical units: what a relative tolerance is a share of."""
        return value.amount.low

    def currency(self, field: Field, value: Value) -> str | None:
        return None

    def stated(self, value: Value) -> Stated | None:
        """The figure as written, for a point figure that stands for what it rounds."""
        point = value.amount.low == value.amount.high and not value.qualifier
        return Stated(value.amount.low, value.unit, value.status) if point and any(value.precision) else None

    def combine(self, field: Field, claims: list[Claim]) -> tuple[Claim | None, bool]:
        """An article's claims as one, and whether they contradict each other."""
        known = [c for c in claims if c.interval is not None]  # unresolved dates never count
        if not known:
            return None, False
        if len(known) == 1 and not known[0].names and not known[0].interval.is_empty:
            return known[0], False  # what every way of combining makes of one claim
        if field.combine == "first":
            return known[0], False
        if field.combine == "max":
            return max(known, key=lambda c: (c.interval.low, c.interval.high)), False
        if field.combine == "min":
            return min(known, key=lambda c: (c.interval.high, c.interval.low)), False
        together = intersect_all(c.interval for c in known)
        if together.is_empty:
            return known[0], True
        stated = known[0].stated if together == known[0].interval else None
        figures = {c.figure for c in known}
        figure = figures.pop() if len(figures) == 1 else None
        return Claim(together, known[0].currency, stated=stated, figure=figure), False

    def apart(self, field: Field, claims: list[Claim]) -> tuple[Claim, ...]:
        """A self-contradicting article's values: its claims gathered where
        they hold together, each group as one claim, in text order."""
        groups: list[Claim] = []
        for claim in (c for c in claims if c.interval is not None):
            for i, group in enumerate(groups):
                if group.meets(claim):
                    groups[i] = self.combine(field, [group, claim])[0]
                    break
            else:
                groups.append(claim)
        return tuple(groups)

    def with_omissions(self, values: list) -> list:
        """Article values with what each leaves out (set fields)."""
        return values

    def verdict(self, field: Field, stated: list) -> tuple[str, tuple]:
        """The verdict between articles' values (`compare.ArticleValue`) that
        are not all equal, and the groups of articles on each side."""
        if not intersect_all(v.claim.interval for v in stated).is_empty:
            return "compatible", ()
        return "conflict", interval_groups(stated)

    # -- display -------------------------------------------------------------
    def show(self, field: Field, claim: Claim | None) -> str:
        """A claim as a table cell, in the field's unit."""
        if claim is None:
            return ""
        if claim.interval is None:
            return "(unresolved)"
        return self.shown(field, claim)

    def shown(self, field: Field, claim: Claim) -> str:
        if claim.stated is not None:  # "61 billion", not the interval it rounds
            return display.number(claim.stated.amount / field.unit_factor)
        return display.interval(self.display_interval(field, claim.interval))

    def display_interval(self, field: Field, interval: Interval) -> Interval:
        """A canonical interval in the field's unit."""
        return interval.scale(1 / field.unit_factor)

    def to_json(self, field: Field, claim: Claim | None):
        """A claim as the JSON report gives it."""
        if claim is None:
            return None
        if claim.interval is None:
            return {"unresolved": True}
        return self.json_of(field, claim)

    def json_of(self, field: Field, claim: Claim) -> dict:
        iv = self.display_interval(field, claim.interval)
        point = iv.low if iv.is_point else None
        if point is None and claim.figure is not None:  # the figure stated, beside what it stands for
            point = self.display_interval(field, Interval.point(claim.figure)).low
        result = {
            "value": point,
            "low": display.bound(iv.low), "high": display.bound(iv.high),
            "low_open": iv.low_open, "high_open": iv.high_open,
            "unit": field.unit,
        }
        if claim.currency is not None:
            result["currency"] = claim.currency
        if claim.stated:  # the figure as the article wrote it, before its precision made it an interval
            s = claim.stated
            result["stated"] = {"amount": s.amount, "unit": s.unit, "status": s.status}
        return result

    # -- rule examples -------------------------------------------------------
    def expected_problem(self, field: Field, value) -> str | None:
        """Why an example's expected value (not None) does not fit the field, or None."""
        if isinstance(value, dict):
            if set(value) - {"low", "high"} or all(v is None for v in value.values()):
                return "an interval is written {low: x, high: y}; either may be left out, not both"
            ends = [v for v in value.values() if v is not None]
            return None if all(_is_number(v) for v in ends) else "interval ends must be numbers"
        if not _is_number(value):
            hint = ""
            if isinstance(value, str) and _looks_exponential(value):
                hint = " (YAML reads 2e+6 as text: write 2.0e+6 or 2000000)"
            unit = f"in {field.unit}" if field.unit else "a plain number"
            return f"expected value {value!r} is not a number ({unit}){hint}"
        return None

    def matches(self, field: Field, claim: Claim, expected) -> bool:
        """Whether a claim is an example's expected value (neither is None)."""
        if claim.interval is None:
            return False
        if claim.stated is not None and not isinstance(expected, dict):
            # a figure that stands for what it rounds: "six miles" is 5.5-6.5 miles
            got = self.display_interval(field, claim.interval)
            return math.isfinite(got.low) and math.isfinite(got.high) and got.contains(float(expected))
        return self.matches_interval(field, claim.interval, expected)

    def matches_interval(self, field: Field, interval: Interval, expected) -> bool:
        got = self.display_interval(field, interval)
        if isinstance(expected, dict):
            low, high = expected.get("low"), expected.get("high")
            low_ok = _close(got.low, low) if low is not None else got.low <= 0 or math.isinf(got.low)
            high_ok = _close(got.high, high) if high is not None else math.isinf(got.high)
            return low_ok and high_ok
        return got.is_point and _close(got.low, float(expected))

    def expected_text(self, value) -> str:
        """An example's expected value as the report would show it."""
        if value is None:
            return "no match"
        if isinstance(value, dict):
            low, high = value.get("low"), value.get("high")
            if low is None:
                return f"≤{display.number(high)}"
            return f"≥{display.number(low)}" if high is None else f"{display.number(low)}–{display.number(high)}"
        if isinstance(value, list):
            return ", ".join(map(str, value))
        if _is_number(value):
            return display.number(value)
        return str(value)


class NoUnit:
    """A mixin for types that take no `unit:`."""

    name: ClassVar[str]

    def check_unit(self, doc: YamlDocument, path, unit) -> str:
        raise doc.error(path, f"a {self.name} field takes no unit")


def interval_groups(stated: list) -> tuple:
    """Articles whose values can all hold together, lowest first."""
    ordered = sorted(stated, key=lambda v: (v.claim.interval.low, v.claim.interval.high))
    groups, current, common = [], [], None
    for v in ordered:
        joined = v.claim.interval if common is None else common.intersect(v.claim.interval)
        if current and joined.is_empty:
            groups.append(tuple(current))
            current, joined = [], v.claim.interval
        current.append(v.article)
        common = joined
    groups.append(tuple(current))
    return tuple(groups)


def _approximate_point(value: Value) -> bool:
    """A single figure, alone or with an approximation word ("about 300")."""
    amount = value.amount
    return amount is not None and amount.low == amount.high and QUALIFIERS.get(value.qualifier or "", "about") == "about"


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _looks_exponential(text: str) -> bool:
    return re.fullmatch(r"[\d.]+e[+-]?\d+", text.strip(), re.IGNORECASE) is not None


def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
