"""Names: text fields (one choice among declared synonyms) and set fields
(the items an article lists). Both are found by their patterns' words, not
by typed values, and compare canonical names."""

from __future__ import annotations

import attrs

from checker.fieldtypes.base import Claim, FieldType, NoUnit


class _Names(NoUnit, FieldType):
    reads_values = False
    single = True  # a text field names one choice; an article naming two contradicts itself

    def check(self, doc, path, field) -> None:
        if field.near is not None:
            raise doc.error(path + ("near",), f"a {self.name} field is found by its patterns; `near` is for typed values", key=True)

    def combine(self, field, claims):
        names = frozenset().union(*(c.names for c in claims)) if claims else frozenset()
        if not names:
            return None, False
        return Claim(names=names), self.single and len(names) > 1

    def apart(self, field, claims):
        """Each name the article gives, in text order: "Kyiv" and "Lviv"."""
        names = dict.fromkeys(n for c in claims for n in sorted(c.names))
        return tuple(Claim(names=frozenset({n})) for n in names)

    def show(self, field, claim) -> str:
        return "" if claim is None else ", ".join(sorted(claim.names))

    def to_json(self, field, claim):
        return None if claim is None else sorted(claim.names)

    def expected_problem(self, field, value) -> str | None:
        names = [name for name, _ in field.choices]
        return None if value in names else f"expected value {value!r} is not one of the choices: {', '.join(names)}"

    def matches(self, field, claim, expected) -> bool:
        return claim.names == {expected}


class Text(_Names):
    """One of the rule's `choices`, each with the phrases that say it."""

    name = "text"
    options = frozenset({"choices"})

    def verdict(self, field, stated):
        groups: dict = {}
        for v in stated:
            groups.setdefault(v.claim.names, []).append(v.article)
        return "conflict", tuple(tuple(g) for g in groups.values())

    def to_json(self, field, claim):
        if claim is not None and len(claim.names) == 1:
            return next(iter(claim.names))
        return super().to_json(field, claim)


class Set(_Names):
    """The `items` an article names; it conflicts only when `exhaustive: true`."""

    name = "set"
    options = frozenset({"items"})
    single = False

    def with_omissions(self, values: list) -> list:
        stated = [v for v in values if v.claim is not None]
        if not stated:
            return values
        union = frozenset().union(*(v.claim.names for v in stated))
        return [attrs.evolve(v, omits=union - v.claim.names) if v.claim else v for v in values]

    def verdict(self, field, stated):
        return ("conflict" if field.exhaustive else "compatible"), ()

    def expected_problem(self, field, value) -> str | None:
        names = [name for name, _ in field.choices]
        if not isinstance(value, list) or any(v not in names for v in value):
            return f"expected value must be a list of items from: {', '.join(names)}"
        return None

    def matches(self, field, claim, expected) -> bool:
        return claim.names == set(expected)


TYPES = (Text(), Set())
