"""From articles and fields to mentions: where each article states each field."""

from __future__ import annotations

import functools
import re

import attrs

from checker.read import layout, units
from checker.load.corpus import Article
from checker.read.intervals import Interval
from checker.rules.patterns import Pattern, words_regex
from checker.rules.proximity import takes
from checker.rules.load import MEASURE_TYPES, Field
from checker.read.text import LineIndex, one_line, split_sentences, words_of
from checker.read.values import Value, day_interval, find_values
from checker.read.dates import DaySpan


@attrs.frozen(slots=True)
class Claim:
    """What one mention says, in the field's terms.

    Numeric and date fields: an interval in canonical units (None when a
    relative date could not be resolved). Text and set fields: names.
    """

    interval: Interval | None = None
    currency: str | None = None
    names: frozenset[str] = frozenset()
    # quantities and magnitudes: the figure as stated (amount, unit, status),
    # shown instead of the interval its precision makes of it
    stated: tuple | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=True)
class Mention:
    field: str
    article: str
    outlet: str
    line: int
    column: int
    start: int
    end: int
    text: str
    sentence: str
    claim: Claim
    sentence_start: int = 0  # where `sentence` starts in the article

    @property
    def marked_sentence(self) -> str:
        """The sentence on one line, the mention's text between « »."""
        at = self.start - self.sentence_start
        s = self.sentence
        return one_line(f"{s[:at]}«{s[at : at + len(self.text)]}»{s[at + len(self.text):]}")


@attrs.frozen(slots=True)
class Miss:
    """A sentence with a field's cue words that gave the field no value."""

    field: str
    article: str
    outlet: str
    line: int
    column: int
    sentence: str


def _sentences_for(article: Article, fields: tuple[Field, ...]):
    """Each sentence with the fields that could find something in it, skipping what they skip."""
    skipping = frozenset().union(*(f.skip for f in fields))
    skipped = layout.skipped_spans(article.text, skipping) if skipping else ()
    for sentence in split_sentences(article.text):
        words = words_of(sentence.text)
        live = [f for f in fields if f.could_match(words) and f.in_scope(sentence.text)]
        if skipped and live:
            kinds = _layout_of(sentence.start, sentence.end, skipped)
            live = [f for f in live if not (f.skip & kinds)]
        if live:
            yield sentence, words, live


def extract(article: Article, fields: tuple[Field, ...]) -> tuple[Mention, ...]:
    """Every mention of every field in one article, in text order."""
    index = LineIndex(article.text)
    mentions = []
    for sentence, words, live in _sentences_for(article, fields):
        # parsed only when a numeric field can apply; measures apart, since
        # reading them ("1500 hours" as a time) must not change what other fields read
        values: dict[bool, tuple] = {}
        for field in live:
            if field.type in ("text", "set"):
                found = _named(field, sentence.text, words)
            else:
                measures = field.type in MEASURE_TYPES
                if measures not in values:
                    wanted = any(f.type in _TAKES_DATES for f in live)
                    values[measures] = tuple(
                        find_values(sentence.text, article.ref_date, dates=wanted, measures=measures)
                    )
                found = _typed(field, sentence.text, words, values[measures], article.timezone or field.timezone)
            for start, end, claim in found:
                line, column = index.position(sentence.start + start)
                mentions.append(Mention(
                    field=field.id, article=article.path, outlet=article.outlet,
                    line=line, column=column, start=sentence.start + start,
                    end=sentence.start + end, text=sentence.text[start:end],
                    sentence=sentence.text, claim=claim, sentence_start=sentence.start,
                ))
    return tuple(mentions)


# Words too common to tell that a sentence is about a field.
_COMMON = frozenset("a an the of to in on at by for with from and or as is was be has had its his her their that this".split())


@functools.lru_cache(maxsize=None)
def _word(word: str) -> re.Pattern:
    return re.compile(words_regex(word), re.IGNORECASE)


def _names_cues(field: Field, sentence: str) -> bool:
    """Whether the sentence has a `near` cue, or every telling word of one of the field's patterns."""
    if field.near is not None and field.near.regex.search(sentence):
        return True
    for pattern in field.patterns:
        telling = [k for k in pattern.keywords if k not in _COMMON]
        if telling and all(_word(k).search(sentence) for k in telling):
            return True
    return False


def misses(article: Article, fields: tuple[Field, ...], mentions: tuple[Mention, ...]) -> tuple[Miss, ...]:
    """Sentences with a field's cue words (a pattern's words, a `near` cue) but no mention of it."""
    index = LineIndex(article.text)
    found = {(m.field, m.sentence_start) for m in mentions}
    result = []
    for sentence, _, live in _sentences_for(article, fields):
        for field in live:
            if (field.id, sentence.start) not in found and _names_cues(field, sentence.text):
                line, column = index.position(sentence.start)
                result.append(Miss(field.id, article.path, article.outlet, line, column, one_line(sentence.text)))
    return tuple(result)


def _layout_of(start: int, end: int, skipped) -> frozenset[str]:
    """The kinds of skippable line (captions, bylines) the sentence at start:end is on."""
    return frozenset(kind for s, e, kind in skipped if s < end and start < e)


def _typed(field: Field, text: str, words: frozenset[str], values, zone: str | None) -> list:
    found = []
    fitting = [(v, claim_for(field, v, zone)) for v in values]
    figures = [(v.start, v.end) for v, claim in fitting if claim is not None]
    for value, claim in fitting:
        if claim is None:
            continue
        matched = any(
            p.could_match(words) and p.matches_around(text, value.start, value.end) for p in field.patterns
        )
        others = [span for span in figures if span != (value.start, value.end)]
        if field.counting and not counts_one_of(field.counting, text, value.end):
            continue
        if takes(field.near, field.not_near, text, value.start, value.end, matched, others):
            found.append((value.start, value.end, claim))
    return found


_WORD_AFTER = re.compile(r"[\s-]+(?:of\s+)?([A-Za-z][\w'’]*)")


def counts_one_of(nouns: frozenset[str], text: str, end: int) -> bool:
    """Whether one of the three words after a count is one of `nouns` ("24 people",
    "two dozen villagers", "24 of them", "24 more civilians"); a plural -s is allowed."""
    at = end
    for _ in range(3):
        match = _WORD_AFTER.match(text, at)
        if match is None:
            return False
        word = match.group(1).lower()
        if word in nouns or word.rstrip("s") in nouns or word + "s" in nouns:
            return True
        at = match.end()
    return False


def _named(field: Field, text: str, words: frozenset[str]) -> list:
    found = []
    for pattern in field.patterns:
        if not pattern.could_match(words):
            continue
        for match in _slot_regex(pattern, field.choice_regex, field.type == "set").finditer(text):
            start, end = match.span("value")
            if any(start < e and s < end for s, e, _ in found):
                continue  # another pattern already read this phrase
            names = frozenset(
                field.canonical(m.group(0)) for m in re.finditer(field.choice_regex, match.group("value"), re.IGNORECASE)
            )
            found.append((start, end, Claim(names=names)))
    return sorted(found, key=lambda f: f[0])


@functools.lru_cache(maxsize=None)
def _slot_regex(pattern: Pattern, choice: str, listed: bool) -> re.Pattern:
    if listed:  # a set: "machine tools, microelectronics and nitrocellulose"
        choice = rf"(?:{choice})(?:[\s,;]+(?:and\s+|or\s+|as\s+well\s+as\s+)?(?:{choice}))*"
    return pattern.full(choice)


# Field types that take dates (a duration takes a date range's length; a
# time of day is on the day its sentence names).
_TAKES_DATES = frozenset({"date", "date-range", "duration", "time"})
# The value types each field type takes.
ACCEPTS = {
    "number": ("number",), "count": ("number",), "percent": ("percent",),
    "money": ("money", "number"),  # a bare amount is in the field's currency
    "duration": ("duration", "date-range"),  # a range gives its length
    "date": ("date", "date-range"), "date-range": ("date-range",),
    "quantity": ("quantity",), "magnitude": ("magnitude",), "time": ("time",),
}


def claim_for(field: Field, value: Value, zone: str | None = None) -> Claim | None:
    """The claim a value makes for a field, or None when its type does not fit.

    `zone` is the event's IANA time zone, for times of day.
    """
    kind = field.type
    if value.type not in ACCEPTS[kind]:
        return None
    if kind == "quantity" and units.dimension_of(value.unit) != field.dimension:
        return None  # "10 km" is no temperature
    if kind == "time":
        tolerance = field.tolerance.absolute(0.0, field.unit_factor) if field.tolerance else None
        return Claim(value.instant(zone, tolerance))
    if kind == "percent" and (value.unit == "point") != (field.unit == "point"):
        return None  # "5 percentage points" is not "5%"
    if kind in ("date", "date-range"):
        # `part` picks an end of a stated range; a week or a month ("this week's
        # visit") only says the day falls in it
        part = field.part if value.type == "date-range" else None
        return Claim(day_interval(_part(value.days, part)) if value.days else None)
    if value.type == "date-range":
        length = value.length
        return Claim(Interval.point(length.low)) if length else None
    tolerance = None
    if field.tolerance is not None:
        figure = value.amount.low * (units.unit(value.unit).factor if kind == "quantity" else 1.0)
        tolerance = field.tolerance.absolute(figure, field.unit_factor)
    currency = (value.currency or field.unit or "USD") if kind == "money" else None
    point = value.amount.low == value.amount.high and not value.qualifier
    stated = (value.amount.low, value.unit, value.status) if kind in ("quantity", "magnitude") and point else None
    return Claim(value.interval(tolerance), currency, stated=stated)


def _part(days: DaySpan, part: str | None) -> DaySpan:
    if part == "start":
        return DaySpan(days.first, days.first, "day")
    if part == "end":
        return DaySpan(days.last, days.last, "day")
    return days


