"""The rule model: fields as compiled from rule files, and the set of them.

A `Field` is one fact to compare; its `type` names a `FieldType` in the
registry (`checker.fieldtypes.TYPES`), which does what differs between types.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import attrs

from checker.errors import Location
from checker.fieldtypes import TYPES, FieldType, TypeName
from checker.read.text import normalize, words_among, words_of
from checker.rules.patterns import Pattern, words_regex
from checker.rules.proximity import Cues

SEVERITIES = ("info", "warning", "error")  # in rising order
Severity = Literal["info", "warning", "error"]
COMBINES = ("intersect", "max", "min", "first")
SCOPES = ("event", "background", "any")  # which mentions a field counts
PARTS = ("start", "end")


@attrs.frozen(slots=True)
class Tolerance:
    amount: float
    relative: bool  # True: a fraction of the stated figure

    def absolute(self, figure: float, unit_factor: float) -> float:
        if self.relative:
            return self.amount * abs(figure)
        return self.amount * unit_factor


@attrs.frozen(slots=True)
class Rates:
    """Exchange rates declared for an event: what one unit of each currency is
    worth in the field's currency, as of a day, give or take `tolerance`."""

    worth: tuple[tuple[str, float], ...]
    as_of: dt.date | None = None
    tolerance: float = 0.0  # a fraction: 0.02 for "2%"

    def rate(self, currency: str) -> float | None:
        """What one unit of `currency` is worth in the field's currency, if declared."""
        return dict(self.worth).get(currency)

    def convert(self, interval, currency: str, into: str):
        """The interval in `into`, or None when no rate for `currency` was declared."""
        if currency == into:
            return interval
        rate = self.rate(currency)
        if rate is None:
            return None
        return attrs.evolve(
            interval, low=interval.low * rate * (1 - self.tolerance), high=interval.high * rate * (1 + self.tolerance)
        )


@attrs.frozen(slots=True)
class Example:
    text: str
    value: object  # as written in the rule file; None: must not match
    ref_date: dt.date | None
    location: Location


@attrs.frozen(slots=True)
class Field:
    id: str
    type: TypeName
    event: str | None
    about: str
    unit: str | None
    patterns: tuple[Pattern, ...]
    tolerance: Tolerance | None
    severity: Severity
    combine: str
    part: str | None
    choices: tuple[tuple[str, tuple[str, ...]], ...]  # canonical, synonyms (text, set)
    exhaustive: bool
    examples: tuple[Example, ...]
    location: Location
    near: Cues | None = None  # cue words a value must stand near
    not_near: Cues | None = None  # cue words that take a value away
    only_in: Cues | None = None  # a sentence must name one of these
    not_in: Cues | None = None  # a sentence must name none of these
    scope: str = "event"  # event | background | any: which mentions count
    skip: frozenset[str] = frozenset()  # captions, bylines
    rates: Rates | None = None  # money fields: how to compare other currencies
    counting: frozenset[str] = frozenset()  # count fields: the nouns a count may be of
    dimension: str | None = None  # quantity fields: length, area, mass, ...
    timezone: str | None = None  # the rule file's `timezone:`, for times of day

    @property
    def kind(self) -> FieldType:
        """What the field's type does: `TYPES[self.type]`."""
        return TYPES[self.type]

    @property
    def unit_factor(self) -> float:
        """Canonical units per display unit (seconds per hour, metres per km, ...)."""
        return TYPES[self.type].unit_factor(self)

    # text and set fields: the phrases of every choice, longest first, as one
    # regex, and each phrase compiled alone to name the choice it stands for
    choice_regex: str = attrs.field(init=False, repr=False, eq=False)
    _synonyms: tuple = attrs.field(init=False, repr=False, eq=False)

    @choice_regex.default
    def _choice_regex(self) -> str:
        synonyms = sorted(
            (s for _, names in self.choices for s in names), key=len, reverse=True
        )
        return "|".join(f"(?:{words_regex(s)})" for s in synonyms)

    @_synonyms.default
    def _compile_synonyms(self) -> tuple:
        return tuple(
            (re.compile(words_regex(synonym), re.IGNORECASE), name)
            for name, synonyms in self.choices
            for synonym in synonyms
        )

    # text and set fields: each choice phrase's words (a value is one of the
    # phrases); None when a phrase is not ASCII, whose case the choice regex
    # may match otherwise than lower case says ("İ", "ſ", the Kelvin sign)
    _choice_words: tuple[frozenset[str], ...] | None = attrs.field(init=False, repr=False, eq=False)

    @_choice_words.default
    def _words_of_choices(self) -> tuple | None:
        phrases = [s for _, names in self.choices for s in names]
        if not all(s.isascii() for s in phrases):
            return None
        return tuple({words_of(normalize(s)) for s in phrases})

    def could_name(self, words: frozenset[str]) -> bool:
        """Cheap prefilter of a text or set field's values in an ASCII
        sentence: one of these `words` holds every word of one of its choice
        phrases (True when its phrases cannot be told so)."""
        return self._choice_words is None or any(phrase <= words for phrase in self._choice_words)

    def canonical(self, text: str) -> str | None:
        """The choice a matched phrase stands for."""
        return next((name for regex, name in self._synonyms if regex.fullmatch(text)), None)

    def could_match(self, words: frozenset[str]) -> bool:
        """Cheap prefilter: could this field find anything in a sentence of these words?"""
        if self.only_in is not None and not self.only_in.could_match(words):
            return False
        return any(p.could_match(words) for p in self.patterns) or (
            self.near is not None and self.near.could_match(words)
        )

    def in_scope(self, sentence: str) -> bool:
        """`only_in_sentences_with`: the sentence names one of the words;
        `not_in_sentences_with`: it names none of them."""
        if self.not_in is not None and self.not_in.regex.search(sentence) is not None:
            return False
        return self.only_in is None or self.only_in.regex.search(sentence) is not None


@attrs.frozen
class Prefilter:
    """`Field.could_match` asked of many fields at once: a sentence's words
    pick the fields worth asking (those with a word every match of one of
    their patterns needs, or one of their cue words), so a sentence that
    concerns none of them costs one set intersection. The answer depends on
    the sentence's words among those the fields ask about, and is remembered
    by them: sentences share few of those."""

    fields: tuple[Field, ...]
    _always: frozenset[int]  # fields one of whose patterns needs no word
    _by_word: dict[str, frozenset[int]]  # a word -> the fields it may make match
    _words: frozenset[str]
    _asked: frozenset[str]  # every word a field's `could_match` and `could_name` look for
    _known: dict[frozenset[str], list[Field]] = attrs.field(factory=dict, init=False, eq=False)

    def words_in(self, sentence: str) -> frozenset[str]:
        """The sentence's words (as `words_of` gives them) that a field asks
        about: all that `live`, `Field.could_match` and `Field.could_name` need of them."""
        return words_among(sentence, self._asked)

    def live(self, words: frozenset[str]) -> list[Field]:
        """The fields that could find something in a sentence of these `words`, in order."""
        relevant = words & self._asked
        known = self._known.get(relevant)
        if known is None:
            if len(self._known) >= _KNOWN_MOST:
                self._known.clear()
            chosen = set(self._always)
            for word in relevant & self._words:
                chosen |= self._by_word[word]
            fields = self.fields
            known = self._known[relevant] = [fields[i] for i in sorted(chosen) if fields[i].could_match(relevant)]
        return list(known)


_KNOWN_MOST = 4096  # answers a prefilter remembers


def prefilter(fields: tuple[Field, ...]) -> Prefilter:
    always, by_word = set(), {}
    for i, field in enumerate(fields):
        if field.only_in is not None:  # every match needs one of these
            entries = set(field.only_in.keywords)
        elif any(not p.needed for p in field.patterns):
            always.add(i)
            continue
        else:  # one word of each pattern is enough to look: every match needs it
            entries = {max(p.needed, key=len) for p in field.patterns}
            entries |= field.near.keywords if field.near is not None else set()
        for word in entries:
            by_word.setdefault(word, set()).add(i)
    frozen = {word: frozenset(ids) for word, ids in by_word.items()}
    asked = frozenset().union(*(_asked_by(f) for f in fields))
    return Prefilter(fields, frozenset(always), frozen, frozenset(frozen), asked)


def _asked_by(field: Field) -> frozenset[str]:
    """The words `field.could_match` and `field.could_name` look for."""
    cues = [c.keywords for c in (field.only_in, field.near) if c is not None]
    return frozenset().union(*(p.needed for p in field.patterns), *cues, *(field._choice_words or ()))


@attrs.frozen(slots=True)
class RuleSet:
    fields: tuple[Field, ...]
    files: tuple[str, ...]
    digest: str = ""  # of the rule files' bytes: a cache key
    # each event's own fields, and the common ones: asked for every event of a corpus
    _own: dict[str, tuple[Field, ...]] = attrs.field(init=False, repr=False, eq=False)
    _common: tuple[Field, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        own: dict[str, list[Field]] = {}
        for f in self.fields:
            if f.event is not None:
                own.setdefault(f.event, []).append(f)
        object.__setattr__(self, "_own", {event: tuple(fields) for event, fields in own.items()})
        object.__setattr__(self, "_common", tuple(f for f in self.fields if f.event is None))

    def for_event(self, event: str) -> tuple[Field, ...]:
        """The event's own fields, then the common ones it does not replace (by id)."""
        own = self._own.get(event)
        if own is None:
            return self._common
        ids = {f.id for f in own}
        return own + tuple(f for f in self._common if f.id not in ids)
