"""The field-type registry: one entry per `type:`, the same list everywhere."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.fieldtypes import TYPES, Claim, FieldType, TypeName, display
from checker.read.intervals import Interval
from checker.rules.load import schema_text
from checker.rules.model import COMBINES


def test_the_registry_holds_every_type_name_once():
    assert list(TYPES) == list(get_args(TypeName))
    assert all(isinstance(kind, FieldType) and kind.name == name for name, kind in TYPES.items())


def test_the_schema_offers_exactly_the_registered_types():
    assert sorted(_find_type_enum(json.loads(schema_text()))) == sorted(TYPES)


def _find_type_enum(node):
    """The `enum` of the first `type` property in the schema: the field's."""
    if isinstance(node, dict):
        if isinstance(node.get("type"), dict) and "enum" in node["type"]:
            return node["type"]["enum"]
        for child in node.values():
            found = _find_type_enum(child)
            if found:
                return found
    if isinstance(node, list):
        for child in node:
            found = _find_type_enum(child)
            if found:
                return found
    return None


@pytest.mark.parametrize("name", list(TYPES))
def test_a_type_takes_only_its_own_options(name):
    own = {"number": {"counting"}, "count": {"counting"}, "money": {"rates"}, "date": {"part"},
           "quantity": {"dimension"}, "text": {"choices"}, "set": {"items"}}
    assert TYPES[name].options == own.get(name, set())


def test_only_names_are_found_without_typed_values():
    assert {n for n, k in TYPES.items() if not k.reads_values} == {"text", "set"}
    assert {n for n, k in TYPES.items() if k.measures} == {"quantity", "magnitude", "time"}
    assert {n for n, k in TYPES.items() if k.takes_dates} == {"date", "date-range", "duration", "time"}


@pytest.mark.parametrize("interval, shown", [
    (Interval(5.5, 5.5), "5.5"),
    (Interval(3, 10), "3–10"),
    (Interval(3, 10, False, True), "3 to <10"),  # "nearly 10": never looks like it holds 10
    (Interval(10, 11, True, False), ">10 to 11"),  # "just over 10"
    (Interval(5, math.inf, True, True), ">5"),
    (Interval(5, math.inf), "≥5"),
    (Interval(0, 10, False, True), "<10"),
    (Interval(0, 10), "≤10"),
])
def test_an_open_end_is_shown_as_open(interval, shown):
    assert display.interval(interval) == shown


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.booleans(), st.booleans(), st.sampled_from(COMBINES),
       st.sampled_from(["count", "duration", "percent", "date"]))
def test_one_claim_combines_into_itself_unless_it_holds_nothing(low, high, low_open, high_open, how, type_name):
    """An article stating a field once states that value; only a claim no
    figure can meet (an empty interval) contradicts itself, as two claims that cannot both hold do."""
    claim = Claim(Interval(low, high, low_open, high_open), figure=low)
    field = SimpleNamespace(combine=how)
    combined, contradicts = TYPES[type_name].combine(field, [claim])
    empty = claim.interval.is_empty and how == "intersect"
    assert (combined, contradicts) == (claim, empty)
    assert combined.figure == claim.figure and combined.stated == claim.stated
