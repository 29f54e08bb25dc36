"""Intervals on the real line, with open or closed ends.

Every numeric value is an interval in a canonical unit; comparison never looks
at anything else, so a less precise figure never reads as a contradiction.
"""

from __future__ import annotations

import math
from typing import Iterable

import attrs

INF = math.inf


@attrs.frozen(slots=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def point(cls, x: float) -> Interval:
        return cls(x, x)

    @property
    def is_point(self) -> bool:
        return self.low == self.high and not (self.low_open or self.high_open)

    @property
    def is_empty(self) -> bool:
        return self.low > self.high or (
            self.low == self.high and (self.low_open or self.high_open)
        )

    def contains(self, x: float) -> bool:
        above = x > self.low or (x == self.low and not self.low_open)
        below = x < self.high or (x == self.high and not self.high_open)
        return above and below

    def intersect(self, other: Interval) -> Interval:
        if self.low > other.low or (self.low == other.low and self.low_open):
            low, low_open = self.low, self.low_open
        else:
            low, low_open = other.low, other.low_open
        if self.high < other.high or (self.high == other.high and self.high_open):
            high, high_open = self.high, self.high_open
        else:
            high, high_open = other.high, other.high_open
        return Interval(low, high, low_open, high_open)

    def overlaps(self, other: Interval) -> bool:
        return not self.intersect(other).is_empty

    def scale(self, factor: float) -> Interval:
        """The interval in a unit `factor` times larger (factor > 0)."""
        return Interval(self.low * factor, self.high * factor, self.low_open, self.high_open)

    def shift(self, offset: float) -> Interval:
        return Interval(self.low + offset, self.high + offset, self.low_open, self.high_open)


def intersect_all(intervals: Iterable[Interval]) -> Interval:
    result = None
    for interval in intervals:
        result = interval if result is None else result.intersect(interval)
    return Interval(-INF, INF, True, True) if result is None else result


# Qualifiers: how a stated figure x with tolerance t becomes an interval.
# docs/design.md documents each; `tolerance` is an absolute amount in the value's unit.
# Before the figure: "over 50", "about $5bn".
_BEFORE = {
    "over": "gt", "more than": "gt", "greater than": "gt", "in excess of": "gt", "above": "gt",
    "upwards of": "ge", "at least": "ge", "no fewer than": "ge", "no less than": "ge",
    "as many as": "le", "up to": "le", "no more than": "le", "at most": "le",
    "nearly": "near-below", "almost": "near-below", "just under": "near-below",
    "just over": "near-above", "just above": "near-above",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "an estimated": "about",
    "under": "lt", "less than": "lt", "fewer than": "lt", "below": "lt",
}
# After the figure: "50 or more", "aged 75 and over".
_AFTER = {
    "or more": "ge", "plus": "ge", "and counting": "ge", "and over": "ge", "and above": "ge",
    "and older": "ge", "or older": "ge", "and up": "ge", "or so": "about",
}
QUALIFIERS = _BEFORE | _AFTER
AFTER_QUALIFIERS = tuple(_AFTER)


def qualify(amount: Interval, qualifier: str | None, tolerance: float, floor: float = 0.0) -> Interval:
    """Apply a qualifier to a stated amount (a point or a vague range).

    "less than x" reaches down to `floor`: 0, or absolute zero for a temperature.
    """
    kind = QUALIFIERS.get(qualifier or "")
    low, high = amount.low, amount.high
    if kind is None:
        return amount
    if kind == "gt":
        return Interval(high, INF, True, True)
    if kind == "ge":
        return Interval(low, INF, amount.low_open, True)
    if kind == "lt":
        return Interval(floor, low, False, True)
    if kind == "le":
        return Interval(floor, high, False, amount.high_open)
    if kind == "near-below":
        return Interval(low - tolerance, low, False, True)
    if kind == "near-above":
        return Interval(high, high + tolerance, True, False)
    # about
    return Interval(low - tolerance, high + tolerance)
