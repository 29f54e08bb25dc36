"""Typed values found in text: numbers, percents, money, durations, dates,
and, when asked for, the measures: quantities with units, earthquake
magnitudes and times of day.

Finding is staged, because pyparsing tries a grammar at every character and
that is slow:

1. one compiled regex (`candidates.CANDIDATE`) finds the places where a value can start
   and sorts them by kind: digits, number words, money, a month, a weekday,
   a relative word, "in N weeks", other date words; on the text in lower
   case, a plainer regex first rules out the words that start none;
2. a plain figure, duration or percent ("200 people", "36 hours", "5%"),
   a plain month-led date ("October 7", "October 6-7", "June last year"), money after a
   sign ("$7 billion"), a relative day ("today", "earlier this month") or a
   weekday alone ("on Friday.") is read by one more regex (`shortcut`), which property tests hold to what
   the grammar would read;
3. anything else is parsed by the pyparsing grammar of its kind, on a
   bounded slice of text;
4. the words around each reading decide what it is (`context`): a
   qualifier ("about"), a lookalike to drop ("Boeing 737"), the tense a bare
   weekday follows; then it becomes a `Value`.

The measure readers are in `measures`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Iterator

import attrs
import pyparsing as pp

from checker.read import lookalikes, numbers
from checker.read.candidates import MINUS, starts
from checker.read.clock import DIGIT_CLOCK
from checker.read.context import (
    CODE_AFTER, FUTURE, LEADING_ZERO, LOOKS_BACK, PAST, PRONOUN, QUALIFIER_AFTER, QUALIFIER_BEFORE,
    is_change, is_span_ahead, lookalike_kind, over_means_across, trim, with_year,
)
from checker.read.datespec import DaySpan
from checker.read.dayphrases import is_anchored
from checker.read.grammars import DIGIT_DATE_START, grammars
from checker.read.measures import read_measure
from checker.read.units import MEASURE_AFTER
from checker.read.amount import Amount
from checker.read.shortcut import bare_figure, month_led, relative_day, signed_money, weekday_alone
from checker.read.text import CaseBlind, split_sentences, word_alternation
from checker.read.value import Value, make_value

WINDOW = 160  # no value is longer than this


def _parse_at(text: str, pos: int, grammar: pp.ParserElement):
    # pyparsing expands tabs, which would move every location after one
    parsed = _parse_window(text[pos : pos + WINDOW].replace("\t", " "), grammar)
    return None if parsed is None else (parsed[0], pos + parsed[1])


def _negative(text: str, pos: int, measures: bool, shortcut: bool):
    """The figure after a sign, negated: "-1", "minus 12", "negative one", "-5%", "-$3 million"."""
    after = MINUS.match(text, pos).end()
    read = _read(text, after, "digits" if text[after].isdigit() else "words", measures, shortcut)
    if read is None or read[0].type not in ("number", "percent", "money") or read[0].amount is None:
        return None
    amount = read[0].amount
    return attrs.evolve(read[0], amount=Amount(-amount.high, -amount.low, amount.vague, amount.scale)), read[1]


# A grammar parse costs up to a millisecond, and the same words are often
# parsed again: an article's lead is read for the event's day, then for its
# fields; outlets of one event repeat each other's phrases. Readings are
# frozen, so a parse is remembered; the judge forgets them between events.
@functools.lru_cache(maxsize=2048)
def _parse_window(window: str, grammar: pp.ParserElement):
    try:
        located = grammar.parse_string(window)
    except pp.ParseException:
        return None
    return located["value"][0], located["locn_end"]


def forget_parses() -> None:
    """Forget the remembered parses and sentences' values (they only cost memory)."""
    _parse_window.cache_clear()
    sentence_values.cache_clear()


# the shortcut of each kind of start whose plainest readings one regex reads
# ("earlier this month" starts a date); False from one: the grammar reads nothing there
_PLAIN = {"month": month_led, "weekday": weekday_alone, "relative": relative_day, "date": relative_day, "money": signed_money}


def _read(text: str, pos: int, kind: str, measures: bool = False, shortcut: bool = True):
    """The reading at `pos` and where it ends, or None; `kind` is the candidate's.

    With `shortcut`, a bare figure, a month-led date, a relative day, a
    weekday alone or money after a sign is read by one regex (`shortcut`)
    rather than the grammar, which reads it the same way, only slower.
    """
    if measures:
        measured = read_measure(text, pos, kind, _read)
        if measured or kind in ("magnitude", "clock"):
            return measured
    if kind == "minus":
        return _negative(text, pos, measures, shortcut)
    if shortcut and kind in ("digits", "words") and not (kind == "digits" and DIGIT_DATE_START.match(text, pos)):
        bare = bare_figure(text, pos)
        if bare is not None and not (measures and MEASURE_AFTER.match(text, bare[1])):
            return bare
    plain = _PLAIN.get(kind) if shortcut else None
    read = plain and plain(text, pos)
    if read is False:
        return None
    if read:
        return read
    parsed = _parse_at(text, pos, grammars(True, measures)[kind])
    if parsed is None:
        return None
    reading, end = parsed
    amount = reading.amount
    if amount is not None and amount.low < amount.high and not amount.vague and is_change(text, pos, end):
        parsed = _parse_at(text, pos, grammars(False, measures)[kind])  # "rose from 5 to 7"
    return parsed



_DATE_KINDS = frozenset({"month", "weekday", "date", "shift", "relative", "named"})
# A date with a figure in it has one within a few words of its start.
_FIGURE_SOON = re.compile(r"[^;\n]{0,30}?(?:\d|\b" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r"\b)", re.IGNORECASE)


_BRACKET = re.compile(r"[()]")


def find_values(
    text: str, ref: dt.date | None = None, offset: int = 0, dates: bool = True, measures: bool = False,
    shortcut: bool = True, day: dt.date | None = None, figures: bool = True,
) -> Iterator[Value]:
    """Every value in `text` (one sentence, ideally), in text order, not overlapping.

    `ref` resolves relative dates; `offset` is added to every span. With
    `dates` false, no date is wanted: a date is read only where it may hold a
    figure ("June 19", "the 1990s"), so that the figure is not read alone.
    With `measures`, quantities, magnitudes and times of day are read too; a
    time of day is on the day its sentence names, else on `day` (the event's,
    when known), else on `ref`; `Value.day_named` says which. Without
    `figures`, only dates and times of day are read (a figure that starts
    neither is passed over). Without
    `shortcut`, every figure goes through the grammar (for tests: the result
    is the same).
    """
    found = _find_values(text, ref, offset, dates, measures, shortcut, figures)
    if not measures:
        yield from found
        return
    found = list(found)
    days = [v for v in found if v.type == "date" and v.days is not None and v.days.grain == "day"]
    for value in found:
        if value.type == "time":
            # the nearest day, not one across a bracket: "02:00 local time on
            # Saturday (1900 GMT on Friday)"
            apart = [d for d in days if not _BRACKET.search(text, min(d.end, value.end) - offset, max(d.start, value.start) - offset)]
            nearest = min(apart or days, key=lambda d: abs(d.start - value.start), default=None)
            on = nearest.days.first if nearest else (day or ref)
            value = attrs.evolve(
                value, days=DaySpan(on, on, "day") if on else None, unresolved=on is None, day_named=nearest is not None
            )
        yield value


# Outlets of one event share whole sentences (wire copy, quotes, the lead they
# rewrite least): a sentence's values are remembered with the parses, and
# forgotten with them.
@functools.lru_cache(maxsize=1024)
def sentence_values(
    text: str, ref: dt.date | None, dates: bool = True, measures: bool = False, day: dt.date | None = None,
    figures: bool = True,
) -> tuple[Value, ...]:
    """`find_values` of one sentence, as a tuple."""
    return tuple(find_values(text, ref, dates=dates, measures=measures, day=day, figures=figures))


def _find_values(text: str, ref, offset: int, dates: bool, measures: bool, shortcut: bool, figures: bool = True) -> Iterator[Value]:
    last_end = 0
    headline = None  # whether `text` is a title-case headline, once asked
    # where the first future word ("will") and the first looking-back word
    # ("was") end: a value after them follows them (searched once, not per value)
    ends = _FirstEnds(text)
    year = None  # the last year stated: "July 12, 2014, July 13 and July 14"
    anchor = None  # the last day named: "On March 3 ... the next day"
    for match in starts(text, measures):
        pos = match.start()
        if pos < last_end:
            continue
        if not dates and match.lastgroup in _DATE_KINDS and not _FIGURE_SOON.match(text, match.end()):
            continue
        if not figures and match.lastgroup not in _DATE_KINDS and match.lastgroup != "clock" and not (
            match.lastgroup == "digits" and (DIGIT_DATE_START.match(text, pos) or DIGIT_CLOCK.match(text, pos))
        ):
            continue  # only dates and times wanted: no figure is read
        parsed = _read(text, pos, match.lastgroup, measures, shortcut)
        if parsed is None:
            continue
        reading, end = parsed
        end = trim(text, pos, end)
        if reading.type == "number" and text[pos:end].lower() == "one" and PRONOUN.match(text, end):
            continue
        if reading.type == "number" and (CODE_AFTER.match(text, end) or LEADING_ZERO.match(text, pos)):
            continue  # "a 3-1 win", "555-1234", "02540": scores and codes
        if is_span_ahead(reading) and ends.looks_back <= pos and not ends.future <= pos:
            continue  # "the lowest in five years" looks back: a duration, read next
        kind = lookalike_kind(reading)
        if kind:
            if headline is None:
                headline = lookalikes.is_title_case(text)
            if lookalikes.is_lookalike(kind, text, pos, end, headline):
                continue
        reading, year = with_year(reading, year)
        start = pos
        qualifier = None
        if reading.amount is not None:
            before = QUALIFIER_BEFORE.search(text, max(last_end, pos - 24), pos)
            after = QUALIFIER_AFTER.match(text, end)
            if before and not over_means_across(before, reading, text, pos, end):
                qualifier, start = before.group(1).lower(), before.start()
            elif after:
                qualifier, end = after.group(1).lower(), after.end()
        future = ends.future <= start
        if not future and reading.date is not None and ends.past == math.inf:
            future = None  # no tense said: a date without its year is the nearest, not the last
        # "the day before", "the following week": from the day the sentence named last, if any
        value = make_value(reading, text, start, end, anchor if is_anchored(reading.date) else ref, future)
        if value.days is not None and value.days.grain == "day" and value.type == "date":
            anchor = value.days.first
        last_end = end
        if qualifier:
            value = attrs.evolve(value, qualifier=qualifier)
        if offset:
            value = attrs.evolve(value, start=start + offset, end=end + offset)
        yield value


class _FirstEnds:
    """Where a sentence's first future word ("will") and first looking-back
    word ("was") end, each searched once, when first asked."""

    def __init__(self, text: str):
        self._text = text

    @functools.cached_property
    def future(self) -> float:
        return _first_end(FUTURE, self._text)

    @functools.cached_property
    def past(self) -> float:
        return _first_end(PAST, self._text)

    @functools.cached_property
    def looks_back(self) -> float:
        return _first_end(LOOKS_BACK, self._text)


def _first_end(regex: re.Pattern | CaseBlind, text: str) -> float:
    found = regex.search(text)
    return found.end() if found else math.inf


def values_in(text: str, ref: dt.date | None = None, measures: bool = False) -> Iterator[Value]:
    """Every value of a whole text, sentence by sentence; spans index `text`.

    `text` is normalised (`text.normalize`), which keeps every offset, so the
    spans also index the text as written.
    """
    for sentence in split_sentences(text):
        yield from find_values(sentence.text, ref, offset=sentence.start, measures=measures)
