"""Typed values found in text: numbers, percents, money, durations, dates,
and, when asked for, the measures: quantities with units, earthquake
magnitudes and times of day.

Finding is staged, because pyparsing tries a grammar at every character and
that is slow:

1. one compiled regex (CANDIDATE) finds the places where a value can start
   and sorts them by kind: digits, number words, money, a month, a weekday,
   a relative word, "in N weeks", other date words;
2. a plain figure, duration or percent ("200 people", "36 hours", "5%") is
   read by one more regex (`_bare_figure`), which a property test holds to
   what the grammar would read;
3. anything else is parsed by the pyparsing grammar of its kind, on a
   bounded slice of text;
4. the words around each reading decide what it is: a qualifier ("about"),
   a lookalike to drop ("Boeing 737"), the tense a bare weekday follows.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator

import attrs
import pyparsing as pp

from checker.read import clock, currencies, dates, lookalikes, numbers, units
from checker.read.units import DAY_SECONDS, DURATION_UNITS, DURATION_WORDS
from checker.read.clock import ClockSpec
from checker.read.dates import DateSpec, DaySpan, RangeSpec
from checker.read.intervals import AFTER_QUALIFIERS, QUALIFIERS, Interval, qualify
from checker.read.numbers import AMOUNT, NUMBER, Amount, table, word
from checker.read.text import word_alternation

DEFAULT_TOLERANCE = 0.10  # "about x" means x ± 10 % unless a rule says otherwise
# ... but a temperature's zero is arbitrary: "about 40C" reaches one kelvin
# (1 °C, 1.8 °F) beyond what the figure rounds to.
TEMPERATURE_REACH = 1.0



@attrs.frozen(slots=True)
class Reading:
    """What the grammar read at one place, before context is applied."""

    type: str
    amount: Amount | None = None
    currency: str | None = None
    date: DateSpec | RangeSpec | None = None
    unit: str | None = None  # "point": percentage points; a quantity's unit ("km")
    clock: ClockSpec | None = None
    status: str | None = None  # a magnitude's "preliminary", "revised"


# -- grammar --------------------------------------------------------------
def _reading(type_: str, **fixed):
    return lambda t: Reading(type_, **{k: (v(t) if callable(v) else v) for k, v in fixed.items()})


_SIGN = pp.Regex(
    "|".join(  # "RM" is a sign, but not inside "RMB"
        re.escape(sign) + ("(?![A-Za-z])" if sign[-1].isalpha() else "")
        for sign in sorted(currencies.SIGNS, key=len, reverse=True)
    )
).set_parse_action(lambda t: currencies.SIGNS[t[0]]).set_name("currency sign")
_CODE = pp.one_of(currencies.SORTED_CODES, as_keyword=True).add_parse_action(
    lambda t: currencies.CODE_ALIASES.get(t[0], t[0])
)
_CURRENCY_NAME = pp.Regex(
    r"\b(?:" + "|".join(
        r"\s+".join(name.split()) for name in sorted(currencies.NAMES, key=len, reverse=True)
    ) + r")\b",
    flags=re.IGNORECASE,
).set_parse_action(lambda t: currencies.NAMES[" ".join(t[0].lower().split())]).set_name("currency")
_SUBUNIT = table(currencies.SUBUNITS, "cents or pence")
_DURATION_UNIT = table(DURATION_WORDS, "time unit")
_HYPHEN = pp.Literal("-").leave_whitespace().suppress()
_TO = numbers.DASH | pp.Suppress(word("to"))
_PERCENT_SIGN = pp.Literal("%") | word("per cent") | word("percent") | word("pct")
# "5 percentage points", "5% points": a difference of percents, not a percent
_POINTS = (word("percentage points") | word("percentage point") | _PERCENT_SIGN + word("points"))


def _tagged(kind: str, unit=None):
    return lambda t: [(kind, unit if unit is not None else t[0])]


# What may follow a figure, and the kind of value it makes of it: "5bn USD",
# "61 billion dollars", "5%", "5 percentage points", "3 days", "90-minute".
_SUFFIX = pp.Suppress(pp.Opt(_HYPHEN)) + (
    _CODE.copy().add_parse_action(_tagged("money"))
    | (pp.Suppress(pp.Opt(word("of"))) + _CURRENCY_NAME).set_parse_action(_tagged("money"))
    | _SUBUNIT.copy().add_parse_action(_tagged("cents"))
    # "10 €", "880,000 ₫": a sign after the figure, as much of Europe and Asia writes it
    | pp.Regex("[" + currencies.SYMBOLS + "]")
    .set_parse_action(lambda t: [("money", currencies.SIGNS[t[0]])])
    | _POINTS.copy().set_parse_action(_tagged("percent", "point"))
    | _PERCENT_SIGN.copy().set_parse_action(_tagged("percent", ""))
    # "a couple of days": of stands between a vague amount and its unit
    | (pp.Suppress(pp.Opt(word("of"))) + _DURATION_UNIT + pp.Suppress(pp.Opt(_HYPHEN + word("long"))))
    .set_parse_action(_tagged("duration"))
)


# The words after a figure that make it a magnitude: "6.1 magnitude", "6.1 on the Richter scale"
_MAGNITUDE_WORD = r"(?:magnitude|on\s+the\s+Richter(?:\s+scale)?|Richter)\b"
# What may follow a figure when measures are read: a unit ("six miles",
# "a 10-km stretch", "120 km/h") or "magnitude" ("a 6.1 magnitude quake").
_MEASURE_SUFFIX = pp.Suppress(pp.Opt(_HYPHEN)) + (
    pp.Regex(units.UNIT_AFTER).set_parse_action(lambda t: [("quantity", units.unit_named(t[0]))])
    | pp.Regex(r"(?i:" + _MAGNITUDE_WORD + ")").set_parse_action(
        lambda t: [("magnitude", None)]
    )
) | _SUFFIX


def _figure(t) -> Reading:
    """A figure and what follows it."""
    amount = t[0]
    if len(t) == 1:
        return Reading("number", amount=amount)
    kind, unit = t[1]
    if kind in ("quantity", "magnitude"):
        return Reading(kind, amount=amount, unit=unit)
    if kind == "money":
        return Reading("money", amount=amount, currency=unit)
    if kind == "cents":
        return Reading("money", amount=amount.times(0.01), currency=unit)
    if kind == "percent":
        return Reading("percent", amount=amount, unit=unit or None)
    return Reading("duration", amount=amount.times(unit))


def _more_time(t):
    """", 3 months" after "2 years": one more part of a compound duration."""
    return [("more", t[0].times(t[1]), t[1])]


# "2 years and 3 months", "1 year 1 month 21 days"
_MORE_TIME = (
    pp.Suppress(pp.Opt(",") + pp.Opt(word("and")))
    + (NUMBER | numbers.A.copy().set_parse_action(lambda: Amount.of(1.0)))
    + _DURATION_UNIT
).set_parse_action(_more_time)


def _compound(t) -> Reading:
    """A figure and what follows it; a duration may go on in smaller units ("2 years and 3 months")."""
    head = [x for x in t if not (isinstance(x, tuple) and x[0] == "more")]
    parts = t[len(head):]
    reading = _figure(head)
    if not parts:
        return reading
    if reading.type != "duration":
        raise pp.ParseException("", 0, "not a duration")
    unit, amount = head[1][1], reading.amount
    for _, part, part_unit in parts:
        if not part_unit < unit:
            raise pp.ParseException("", 0, "units must shrink")
        amount, unit = amount.plus(part.low), part_unit
    return attrs.evolve(reading, amount=amount)


def _joined(t) -> Reading:
    """"$5bn to $7bn", "5% to 7%": two readings of one kind make a range."""
    low = t[0]
    if len(t) == 1:
        return low
    high = t[1]
    if (low.type, low.currency, low.unit) != (high.type, high.currency, high.unit):
        raise pp.ParseException("", 0, "ends of different kinds")
    if low.type == "number" or not low.amount.high < high.amount.low:
        raise pp.ParseException("", 0, "not a range")
    return attrs.evolve(low, amount=Amount(low.amount.low, high.amount.high))


def _duration(t) -> Reading:
    """"an hour", "a fortnight", "an hour and a half"."""
    unit = t[0]
    return Reading("duration", amount=Amount.of(unit * (1.5 if len(t) > 1 else 1.0)))


# What can follow digits that start a date: a year, a month (with a day, a day
# range or "of"), a numeric date, a decade, "N days ago"; other digits skip
# the date grammars.
_DIGIT_DATE_START = re.compile(
    r"(?i)\d{4}|\d{1,2}([/.-])\d{1,2}\1\d|\d{2,4}s\b"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|until|through|till)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    + word_alternation(dates.MONTHS) + r"\b|\d{1,3}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|from|hence)\b"
)
_DIGIT_DATE = pp.FollowedBy(pp.Regex(_DIGIT_DATE_START))
# "4p", "149.5p": pence glued to the figure
_PENCE = pp.Regex(r"(\d+(?:\.\d+)?)p\b").set_parse_action(
    lambda t: Reading("money", amount=Amount.of(float(t[0][:-1]) / 100), currency="GBP")
)


def value_grammars(ranges: bool, measures: bool = False) -> dict[str, pp.ParserElement]:
    """The value grammars, one for each kind of candidate start (see CANDIDATE).

    "digits" may start any value; "words" (number words, "a", "between")
    figures, "two days ago" and ranges; "money" (a currency sign or code)
    only money; "month" and "weekday" the dates such a word starts; "date"
    ("last", "the", "today", ...) any date. A figure is parsed once, then what follows it says what kind
    of value it is. Built twice: without ranges for "rose from 5 to 7"; and
    twice more, on first use, with units after a figure (`measures`).
    """
    suffix = _MEASURE_SUFFIX if measures else _SUFFIX
    amount = AMOUNT if ranges else numbers.NUMBER | numbers.VAGUE_SCALED
    signed = ((_SIGN | _CODE) + amount).set_parse_action(
        _reading("money", currency=lambda t: t[0], amount=lambda t: t[1])
    )
    # parsed once; only a failed compound ("5 and 3 days") reads the lone figure again
    figure = (amount + pp.Opt(suffix) + pp.ZeroOrMore(_MORE_TIME)).set_parse_action(_compound) | (
        amount + pp.Opt(suffix)
    ).set_parse_action(_figure)
    between = pp.NoMatch()
    if ranges:  # "$5bn to $7bn", "5% to 7%", "between 2% and 3%"
        signed = (signed + pp.Opt(_TO + signed)).set_parse_action(_joined) | signed
        figure = (figure + pp.Opt(_TO + figure)).set_parse_action(_joined) | figure
        between = (
            pp.Suppress(word("between")) + (signed | figure) + pp.Suppress(word("and")) + (signed | figure)
        ).set_parse_action(_joined)
    date = (
        dates.DATE_RANGE.copy().add_parse_action(_reading("date-range", date=lambda t: t[0]))
        | _DATE_WITHOUT_BARE_YEAR.copy().add_parse_action(_reading("date", date=lambda t: t[0]))
    )
    unit_alone = (
        (pp.Suppress(numbers.A | word("another")) + _DURATION_UNIT + pp.Opt(numbers.AND_FRACTION)).set_parse_action(_duration)
        # "half an hour"
        | (pp.Suppress(word("half") + numbers.A) + _DURATION_UNIT).set_parse_action(
            lambda t: Reading("duration", amount=Amount.of(0.5 * t[0]))
        )
    )
    ordinal_words = numbers.ORDINAL_WORDS.copy().add_parse_action(_reading("number", amount=lambda t: t[0]))
    in_digits = (
        (_DIGIT_DATE + date)
        | (dates.YEAR_ALONE + ~_SUFFIX).add_parse_action(_reading("date", date=lambda t: t[0]))
        | _PENCE
        | figure
        | numbers.ORDINAL.copy().add_parse_action(_reading("number", amount=lambda t: t[0]))
    )
    # A word can start only these dates: "two days ago", "between April 24 and 26".
    word_dates = (
        pp.FollowedBy(word("between")) + dates.DATE_RANGE.copy() | dates.SHIFT.copy()
    ).add_parse_action(lambda t: Reading("date-range" if isinstance(t[0], RangeSpec) else "date", date=t[0]))
    in_words = word_dates | between | ordinal_words | figure | unit_alone
    month = (
        dates.MONTH_LED_RANGE.copy().add_parse_action(_reading("date-range", date=lambda t: t[0]))
        | dates.MONTH_LED_DATE.copy().add_parse_action(_reading("date", date=lambda t: t[0]))
    )
    weekday = dates.WEEKDAY_LED_DATE.copy().add_parse_action(_reading("date", date=lambda t: t[0]))
    shift = dates.SHIFT.copy().add_parse_action(_reading("date", date=lambda t: t[0]))
    relative = dates.RELATIVE_LED_DATE.copy().add_parse_action(_reading("date", date=lambda t: t[0]))
    kinds = {
        "digits": in_digits, "words": in_words, "money": signed, "date": date, "month": month,
        "weekday": weekday, "shift": shift, "relative": relative,
    }
    return {kind: pp.Located(g.set_name("value")) for kind, g in kinds.items()}


_DATE_WITHOUT_BARE_YEAR = pp.MatchFirst(
    e for e in dates.DATE.exprs if e is not dates.YEAR_ALONE
)
_GRAMMARS = value_grammars(ranges=True)
# After "from", a figure is a starting point, not a range's low end.
_SINGLE_GRAMMARS = value_grammars(ranges=False)


@functools.cache
def _measure_grammars(ranges: bool) -> dict[str, pp.ParserElement]:
    return value_grammars(ranges, measures=True)


# -- candidate starts -----------------------------------------------------
def _any_word(words) -> str:
    return r"\b" + word_alternation(words) + r"\b"


# The rand's "R" is a sign only before a figure that is plainly money:
# "R1.9 billion", "R500m", "R200,000", "R12.50"; never "the R2" or "R101".
_RAND = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|m)\b|\d+\.\d\d\b"

_FIGURE_WORDS = [
    *numbers.UNITS, *numbers.TENS, "hundred", *numbers.SCALES, "half", "quarter", "third",
    *(phrase.split()[0] for phrase in numbers.VAGUE if not phrase.startswith("a ")),
    "millions", "billions", "trillions", "hundredth", "thousandth",
    *(name[:-1] + "ieth" for name in numbers.TENS),
]
_AFTER_A = [
    "half", "dozen", "hundred", "thousand", "million", "billion", "trillion", "few",
    "handful", "couple", "quarter", "third", *numbers.ORDINAL_FRACTIONS,
    *DURATION_UNITS,
]
_RELATIVE_WORDS = [*dates.DAY_WORDS, "tonight", "weekend"]
_DATE_WORDS = ["Q1", "Q2", "Q3", "Q4"]
_ORDINAL_DAY = r"(?:(?:twenty|thirty)[\s-]+)?" + _any_word(dates.ORDINAL_DAYS)
_AFTER_RELATIVE = ["week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", *dates.MONTHS, *dates.WEEKDAYS]
# Where a value can start, by the kind of grammar to try there.
# Each start is tried only with the grammar of its kind, and common words
# ("the", "first", "earlier") only before what could make them a date. No
# start follows a letter or digit: that one look back rules out most
# positions at once and doubles the speed of the scan.
CANDIDATE = re.compile(
    r"(?<!\w)(?:(?P<digits>"
    r"(?<![\w.,\-:/])\d"  # not glued to a word: "G7", "F-16", "COVID-19", "24/7"
    r"|(?<![\w.,])\.\d)"  # ".5"
    r"|(?P<words>" + _any_word(_FIGURE_WORDS) + r"|\b(?:an?|another)\s+(?=" + _any_word(_AFTER_A) + r")"
    # "between 5 and 7", "between $10m and $20m", "between April 24 and 26"
    r"|\bbetween\s+(?=[\d$" + currencies.SYMBOLS + r".]|[A-Z]{1,3}\$|R(?:" + _RAND + r")|[-−]\d|minus\s+\d|" + _any_word([*_FIGURE_WORDS, *dates.MONTHS, "an", "a"]) + r"))"
    r"|(?P<money>[A-Z]{0,2}\$|[" + currencies.SYMBOLS + r"]|(?:Rs|RM|Rp)(?=\.?\d)|R(?=" + _RAND + r")|" + _any_word([*currencies.SORTED_CODES, "Rs", "RM", "Rp"]) + r")"
    r"|(?P<month>" + _any_word(dates.MONTHS) + r")|(?P<weekday>" + _any_word(dates.WEEKDAYS) + r")"
    r"|(?P<relative>" + _any_word(_RELATIVE_WORDS) + r"|\b(?:last|next|this)\s+(?=" + _any_word(_AFTER_RELATIVE) + r"))"
    r"|(?P<date>" + _any_word(_DATE_WORDS)
    + r"|\b(?:early|mid|late)(?=[\s-]+(?:\d|['’]\d|(?:this|last|next|the)\b|" + word_alternation(dates.MONTHS) + r"\b))"
    r"|\b(?:earlier|later)\s+(?=(?:this|last|next)\s)"
    r"|\b(?:from|the)\s+(?=\d|['’]\d|" + _any_word(dates.MONTHS) + r")"
    r"|\bthe\s+(?=(?:beginning|start|middle|end)\s+of\s+(?:the\s+(?:week|month|year)\b|this\b|last\b|next\b|\d|"
    + word_alternation(dates.MONTHS) + r"\b)|day\s+(?:before|after)\b|(?:first|second|third|fourth)\s+quarter\b"
    r"|(?:early|mid|late)\b|" + _ORDINAL_DAY + r"\s+of\b)"
    r"|\b" + _ORDINAL_DAY + r"(?=\s+of\s+" + word_alternation(dates.MONTHS) + r"\b)"  # "fourteenth of June"
    r")|(?P<shift>\bin\s+(?=[\w-]+\s+(?:days?|weeks?|months?|years?)\b)))",  # "in three weeks"
    re.IGNORECASE,
)
_STATUS = r"(?:preliminary|revised|initial|updated)"
# A minus before a temperature: "minus 10 degrees Celsius", "-10°C", "−5C"
_MINUS = re.compile(r"(?:\bminus\s+|(?<![\w.,\-–−])[-−])(?=\d)", re.IGNORECASE)
# With measures, more starts: "magnitude 6.1", "M6.1", "a preliminary 6.1",
# "shortly after midnight", "about 7:30", "noon".
MEASURE_CANDIDATE = re.compile(
    CANDIDATE.pattern[:-1]
    + r"|(?P<magnitude>\b" + _STATUS + r"\s+(?=magnitude\b|M[wLs]?\s?\d|\d)|\b(?:Richter\s+)?magnitude\b|\b(?-i:M[wLs]?)\s?(?=\d\.\d))"
    + r"|(?P<clock>" + clock.CLOCK_START + ")"
    + r"|(?P<minus>" + _MINUS.pattern + "))",
    re.IGNORECASE,
)
# "6.1-magnitude", "magnitude-6.1", "a magnitude of 6.1", "M6.1", "Mw 6.1",
# "6.1 on the Richter scale", each maybe after "preliminary" or "revised" or
# before "(preliminary)"; "magnitude 6.1-6.3" is a range
_MAG = r"\d{1,2}(?:\.\d{1,2})?"
_MAG_TO = r"(?:[-–]|\s+to\s+)"  # "6.1-6.3", "6.1 to 6.3"; not "6.1 - 10 km deep"
_MAGNITUDE = re.compile(
    r"(?:(?P<status>" + _STATUS + r")\s+)?(?:"
    r"(?:Richter\s+)?magnitude(?:\s+of)?[\s-]*(?P<a>" + _MAG + r")(?:" + _MAG_TO + r"(?P<a_to>" + _MAG + r"))?"
    r"|(?-i:M[wLs]?)\s?(?P<b>\d\.\d{1,2})"  # "M6.1", never "the M5 motorway"
    r"|(?P<c>" + _MAG + r")(?:" + _MAG_TO + r"(?P<c_to>" + _MAG + r"))?"
    r"(?:[\s-]*magnitude|\s+on\s+the\s+Richter(?:\s+scale)?|\s+Richter)\b"
    r")(?!\d|\.\d)(?:\s*\((?P<after>" + _STATUS + r")\))?",
    re.IGNORECASE,
)
# A unit glued to its figure: "10km", "40C", "104°F", "120kph"; and ranges
# ending in one: "35-40C", "10km-15km", "between 35C and 40C", "-10C to -5C".
_MINUS_SIGN = r"(?:(?:(?i:minus)\s+|[-−])(?=\d))?"
_FIG = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_GLUED_UNIT = units.UNIT_AFTER.pattern + "|" + units.UNIT_GLUED.pattern
_GLUED_ONE = re.compile(r"(?P<figure>" + _MINUS_SIGN + _FIG + r")(?P<unit>" + _GLUED_UNIT + r")")
_GLUED_QUANTITY = re.compile(
    r"(?:(?P<between>(?i:between)\s+)?(?P<low>" + _MINUS_SIGN + _FIG + r")(?P<low_unit>" + _GLUED_UNIT + r")?"
    r"(?(between)\s+(?i:and)\s+|\s?(?:[-–]|(?i:to)\b)\s?))?" + _GLUED_ONE.pattern
)


def _signed(figure: str) -> float:
    negative = figure[0] in "-−" or figure[:5].lower() == "minus"
    number = float(re.sub(r"^(?:minus\s+|[-−])|,", "", figure, flags=re.IGNORECASE))
    return -number if negative else number


# After a bare figure: a unit or "magnitude" that the grammar should read
_MEASURE_AFTER = re.compile(r"[\s-]*(?:" + units.UNIT_AFTER.pattern + r"|(?i:" + _MAGNITUDE_WORD + "))")


def _read_measure(text: str, pos: int, kind: str) -> tuple[Reading, int] | None:
    """A magnitude, a time of day or a glued quantity at `pos`, or None."""
    if kind in ("digits", "magnitude"):
        found = _magnitude_at(text, pos)
        if found:
            return found
    if kind == "clock" or (kind in ("digits", "words") and clock.DIGIT_CLOCK.match(text, pos)):
        read = clock.read(text, pos)
        if read:
            return Reading("time", clock=read[0]), read[1]
    if kind in ("digits", "minus", "words"):
        found = _glued_at(text, pos)
        if found and (kind != "minus" or units.dimension_of(found[0].unit) == "temperature"):
            return found
    if kind == "minus":  # "minus 10 degrees Celsius": the quantity after it, negated
        read = _read(text, _MINUS.match(text, pos).end(), "digits", measures=True)
        if read and read[0].type == "quantity" and units.dimension_of(read[0].unit) == "temperature":
            amount = read[0].amount
            return attrs.evolve(read[0], amount=Amount(-amount.high, -amount.low, amount.vague, amount.scale)), read[1]
    return None


def _magnitude_at(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _MAGNITUDE.match(text, pos)
    if not match:
        return None
    one = float(match.group("a") or match.group("b") or match.group("c"))
    other = float(match.group("a_to") or match.group("c_to") or one)
    if abs(other - one) > 2:  # "magnitude 6.1-10km deep": not a range of magnitudes
        return (Reading("magnitude", amount=Amount.of(one)), match.end("a")) if match.group("a") else None
    if other != one and _is_change(text, pos, match.end()):
        one = other  # "revised from magnitude 6.1 to 6.9": what it is now, not a range
    status = match.group("status") or match.group("after")
    status = status and status.lower()
    return Reading("magnitude", amount=Amount(min(one, other), max(one, other)), status=status), match.end()


def _glued_at(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _GLUED_QUANTITY.match(text, pos)
    if match and match.group("low") and (
        (match.group("low_unit") and units.unit_named(match.group("low_unit")) != units.unit_named(match.group("unit")))
        or _is_change(text, pos, match.end())
    ):
        match = _GLUED_ONE.match(text, pos)  # "10km-15mi", "rose from 10km to 15km": no range
    if not match:
        return None
    one = _signed(match.group("figure"))
    low = match.groupdict().get("low")
    other = _signed(low) if low else one
    unit = units.unit_named(match.group("unit"))
    return Reading("quantity", amount=Amount(min(one, other), max(one, other)), unit=unit), match.end()


# A figure right before "-digit" that did not make a range (a score, a phone
# number), or written with a leading zero (a code), is no value.
_CODE_AFTER = re.compile(r"[-–]\d")
_LEADING_ZERO = re.compile(r"0\d")
# "one of the issues", "one another", "the right one.": a pronoun, not a count.
_PRONOUN = re.compile(r"\s*(?:of\b|another\b|hand\b|[,.;:!?)\"]|\Z)")
WINDOW = 160  # no value is longer than this

_QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(sorted((q for q in QUALIFIERS if q not in AFTER_QUALIFIERS), key=len, reverse=True)) + r")\s+\Z",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"[\s-]*(" + "|".join(sorted(AFTER_QUALIFIERS, key=len, reverse=True)) + r")\b(?!\s*[\d$" + currencies.SYMBOLS + r"])", re.IGNORECASE
)
# Words that make a bare weekday or month point ahead of the reference date.
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are)\s+(?:(?:expected|due|set|scheduled|slated)\s+)?to|"
    r"(?:scheduled|slated|planned|set|due)\s+(?:for|on)|"
    r"plans?\s+to|going\s+to|starting|beginning|upcoming|coming)\b",
    re.IGNORECASE,
)

# A past tense or a superlative: "in five years" then means "within", not "from now".
_LOOKS_BACK = re.compile(
    r"\b(?:was|were|had|did|took|rose|fell|grew|won|lost|began|came|went|saw|"
    r"(?!(?:need|feed|speed|seed|indeed|proceed|exceed|succeed|shed|hundred)\b)[a-z]{2,}ed|"
    r"first|last|record|most|least|best|worst|(?:low|high|larg|bigg|small|long|short|fast|slow|strong|weak|"
    r"deadli|heavi|lat|earli|old|new|great|wid|warm|cold|hott|wett|dri)est)\b"
)


# -- values ---------------------------------------------------------------
@attrs.frozen(slots=True)
class Value:
    """One typed value in a text: what it says, where, and what it means.

    `amount` is in the canonical unit of its type (seconds, currency units,
    counts, percent), except a quantity's, which is in its stated `unit`;
    `days` holds a resolved date or date range, and the day a time of day is on.
    """

    type: str
    text: str
    start: int
    end: int
    amount: Amount | None = None
    qualifier: str | None = None
    currency: str | None = None
    days: DaySpan | None = None
    unresolved: bool = False
    range_days: int | None = None  # a date range's length, known even without a year
    unit: str | None = None  # "point" for percentage points, kept apart from percents; a quantity's unit
    clock: ClockSpec | None = None  # a time of day
    status: str | None = None  # a magnitude's "preliminary", "revised"
    # quantities and magnitudes: how far below and above the figures written
    # they reach (half a unit of the last digit: see units.precision)
    precision: tuple[float, float] = (0.0, 0.0)

    def interval(self, tolerance: float | None = None) -> Interval | None:
        """The interval this value stands for; `tolerance` is absolute, canonical units.

        A quantity's is in its dimension's SI unit. A time of day has none
        without a zone: see `instant`.
        """
        if self.clock is not None:
            return None
        if self.days is not None:
            return day_interval(self.days)
        if self.amount is None:
            return None
        base = Interval(
            self.amount.low, self.amount.high, False, self.amount.vague
        )
        if any(self.precision) and QUALIFIERS.get(self.qualifier or "", "about") == "about":
            base = attrs.evolve(base, low=base.low - self.precision[0], high=base.high + self.precision[1])
        if self.type != "quantity":
            if tolerance is None:
                tolerance = DEFAULT_TOLERANCE * abs(self.amount.low)
            return qualify(base, self.qualifier, tolerance)
        unit = units.unit(self.unit)
        if tolerance is None:
            temperature = unit.dimension == "temperature"
            tolerance = TEMPERATURE_REACH / unit.factor if temperature else DEFAULT_TOLERANCE * abs(self.amount.low)
        else:
            tolerance /= unit.factor  # qualified in the stated unit, then converted
        # "below 5C" reaches down to absolute zero, not to 0 °C
        floor = (0.0 - unit.offset) / unit.factor
        return unit.to_base(qualify(base, self.qualifier, tolerance, floor))

    def instant(self, zone: str | None, tolerance: float | None = None) -> Interval | None:
        """A time of day's instants in UTC, given the event's IANA zone."""
        return clock.instant(self.clock, self.days.first if self.days else None, zone, tolerance)

    @property
    def length(self) -> Amount | None:
        """A date range's length, as a duration in seconds."""
        if self.range_days is None:
            return None
        return Amount.of(self.range_days * DAY_SECONDS)


EPOCH = dt.date(1970, 1, 1)


def day_interval(span: DaySpan) -> Interval:
    """Days as instants: [first day 00:00, day after the last 00:00)."""
    low = (span.first - EPOCH).days * DAY_SECONDS
    return Interval(low, low + span.days * DAY_SECONDS, False, True)


def _make_value(reading: Reading, text: str, start: int, end: int, ref, future) -> Value:
    days = None
    unresolved = False
    range_days = None
    if reading.date is not None:
        if isinstance(reading.date, RangeSpec):
            days = dates.resolve_range(reading.date, ref, future)
            range_days = days.days if days else dates.range_length(reading.date)
        else:
            days = dates.resolve(reading.date, ref, future)
        unresolved = days is None
    return Value(
        type=reading.type,
        text=text[start:end],
        start=start,
        end=end,
        amount=reading.amount,
        currency=reading.currency,
        days=days,
        unresolved=unresolved,
        range_days=range_days,
        unit=reading.unit,
        clock=reading.clock,
        status=reading.status,
        precision=_precision(reading, text[start:end]),
    )


_PRECISE = frozenset({"quantity", "magnitude"})


def _precision(reading: Reading, written: str) -> tuple[float, float]:
    """How far below and above its figures a quantity or magnitude reaches."""
    amount = reading.amount
    if reading.type not in _PRECISE:
        return (0.0, 0.0)
    rounded = reading.type == "quantity" and units.dimension_of(reading.unit) != "temperature"
    low = units.precision(written, amount.low, amount.scale, rounded=rounded)
    return (low, units.precision(written, amount.high, amount.scale, rounded=rounded))


def _parse_at(text: str, pos: int, grammar: pp.ParserElement):
    try:
        located = grammar.parse_string(text[pos : pos + WINDOW])
    except pp.ParseException:
        return None
    return located["value"][0], pos + located["locn_end"]


# "rose from 5 to 7", "shares rose $1.5 to $42.25": a start and an end, not a range
_CHANGE = re.compile(
    r"\b(?:rose|rise[ns]?|rising|fell|falls?|fallen|falling|went|goes|going|grew|grow[ns]?|"
    r"growing|(?:increas|decreas|climb|jump|surg|soar|drop|declin|plung|slid|slump|rais|"
    r"lower|reduc|boost|hik|gain|widen|narrow|revis|chang|mov|cut|shrank|shrink|swung|upgrad|downgrad|"
    r"swell|doubl|tripl|halv|expand|trimm|slash)\w*)\b",
    re.IGNORECASE,
)
_TO_WORD = re.compile(r"\bto\b", re.IGNORECASE)


def _is_change(text: str, start: int, end: int) -> bool:
    """Whether "x to y" at text[start:end] is a change ("rose from 5 to 7"), not a range."""
    return bool(_TO_WORD.search(text, start, end) and _CHANGE.search(text, max(0, start - 50), start))


# -- the bare figure: most figures in news are plain counts, durations or
# percents ("200 people", "36 hours", "5%"); one regex tells them apart before
# the grammar is tried at all. A figure is bare when nothing that could extend
# it follows: no scale, currency, range, fraction or compound word ("and"), no
# "ago", no sign, dash, slash or glued letter. Its reading is then exactly what
# the grammar would give (tests/test_properties.py checks).
_EXTENDERS = sorted(
    {*numbers.SCALES, *numbers.SPACED_SCALES, "hundred", *DURATION_WORDS, *currencies.SORTED_CODES,
     *(name.split()[0] for name in currencies.NAMES), *currencies.SUBUNITS,
     "per", "percent", "pct", "percentage", "points", "to", "and", "of", "a", "an", "point", "or",
     "until", "through", "till", "times", *numbers.UNITS, *numbers.TENS, *numbers.FRACTIONS,
     *numbers.ORDINAL_FRACTIONS, *numbers.PLURAL_FRACTIONS, "ago", "from", "hence", "long", "old"},
    key=len, reverse=True,
)
# after a time unit or a percent, fewer words can go on: "two hours and ten
# minutes", "5% to 7%", "5% points", "three days ago"
_UNIT_EXTENDERS = [
    "and", "to", "until", "through", "till", "ago", "from", "hence", "points", "percentage", "a", "an",
    *numbers.UNITS, *numbers.TENS,
]
_SINGLE_VAGUE = [p for p in numbers.VAGUE_PHRASES if " " not in p]  # "several", "billions"
_CLAUSE_END = r"\s*(?:[,;:!?)\]\x22“”]|\.(?!\d)|$)"
_BARE = re.compile(
    r"(?:(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"|(?P<word>" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r")"
    r"|(?P<vague>" + word_alternation(_SINGLE_VAGUE) + r"))"
    # and maybe a time unit (also as an adjective) or a percent sign: "36 hours",
    # "a two-day visit", "five-hour-long", "5%", "three per cent"
    r"(?:(?:\s+|-)(?P<unit>" + word_alternation(DURATION_WORDS) + r")\b(?:-long\b)?"
    r"|(?P<percent>%|\s+(?:per\s+cent|percent|pct)\b))?"
    r"(?![\w%'’/–-])(?![,.:]\w)"  # nothing glued on
    r"(?!\s*,\s*(?:\d|" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r"\b))"  # "three hours, twenty minutes"
    r"(?=" + _CLAUSE_END + r"|\s+(?!(?:(?(unit)" + word_alternation(_UNIT_EXTENDERS) + r"|(?(percent)"
    + word_alternation(_UNIT_EXTENDERS) + r"|" + word_alternation(_EXTENDERS) + r")))\b)[^\W\d])",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"(?:1[89]|2[01])\d\d\Z")


def _bare_figure(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _BARE.match(text, pos)
    if match is None:
        return None
    if match.group("vague"):  # "billions in aid", "several officials"
        if match.group("unit") or match.group("percent"):
            return None
        low, high = numbers.VAGUE_PHRASES[match.group("vague").lower()]
        return Reading("number", amount=Amount(float(low), float(high), vague=True)), match.end()
    digits = match.group("digits")
    if digits is not None:
        if _YEAR_LIKE.match(digits):  # a year, for the grammar
            return None
        value = float(digits.replace(",", ""))
    else:
        word = match.group("word").lower()
        value = float(numbers.UNITS.get(word, numbers.TENS.get(word, 0)))
    if match.group("unit"):
        return Reading("duration", amount=Amount.of(value * DURATION_WORDS[match.group("unit").lower()])), match.end()
    if match.group("percent"):
        return Reading("percent", amount=Amount.of(value)), match.end()
    return Reading("number", amount=Amount.of(value)), match.end()


def _read(text: str, pos: int, kind: str, measures: bool = False):
    """The reading at `pos` and where it ends, or None; `kind` is the candidate's."""
    if measures:
        measured = _read_measure(text, pos, kind)
        if measured or kind in ("magnitude", "clock", "minus"):
            return measured
    if kind in ("digits", "words") and not (kind == "digits" and _DIGIT_DATE_START.match(text, pos)):
        bare = _bare_figure(text, pos)
        if bare is not None and not (measures and _MEASURE_AFTER.match(text, bare[1])):
            return bare
    grammars, single = (_measure_grammars(True), _measure_grammars(False)) if measures else (_GRAMMARS, _SINGLE_GRAMMARS)
    parsed = _parse_at(text, pos, grammars[kind])
    if parsed is None:
        return None
    reading, end = parsed
    amount = reading.amount
    if amount is not None and amount.low < amount.high and not amount.vague and _is_change(text, pos, end):
        parsed = _parse_at(text, pos, single[kind])  # "rose from 5 to 7"
    return parsed


def _with_year(reading: Reading, year: int | None) -> tuple[Reading, int | None]:
    """A month or day without a year takes the year stated last in the sentence."""
    spec = reading.date
    if not isinstance(spec, DateSpec) or spec.kind != "absolute":
        return reading, year
    if spec.year is not None:  # only a full date lends its year on: not "in 1998"
        return reading, spec.year if spec.month is not None else year
    if year is not None and spec.month is not None and spec.offset is None and spec.unit is None:
        reading = attrs.evolve(reading, date=attrs.evolve(spec, year=year))
    return reading, year


def _is_span_ahead(reading: Reading) -> bool:
    """"in three weeks": a date ahead of the reference date."""
    spec = reading.date
    return isinstance(spec, DateSpec) and spec.kind == "shift" and spec.offset > 0


def _lookalike_kind(reading: Reading) -> str | None:
    """What `lookalikes` should check a reading as, if anything."""
    if reading.type in ("number", "duration"):
        return reading.type
    spec = reading.date
    if reading.type != "date" or spec.offset is not None:
        return None
    if spec.kind == "weekday":
        return "weekday"
    if spec.kind == "absolute" and spec.day is None:
        return "year" if spec.month is None else ("month" if spec.year is None else None)
    return None


_DATE_KINDS = frozenset({"month", "weekday", "date", "shift", "relative"})
# A date with a figure in it has one within a few words of its start.
_FIGURE_SOON = re.compile(r"[^;\n]{0,30}?(?:\d|\b" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r"\b)", re.IGNORECASE)


_BRACKET = re.compile(r"[()]")


def find_values(
    text: str, ref: dt.date | None = None, offset: int = 0, dates: bool = True, measures: bool = False
) -> Iterator[Value]:
    """Every value in `text` (one sentence, ideally), in text order, not overlapping.

    `ref` resolves relative dates; `offset` is added to every span. With
    `dates` false, no date is wanted: a date is read only where it may hold a
    figure ("June 19", "the 1990s"), so that the figure is not read alone.
    With `measures`, quantities, magnitudes and times of day are read too; a
    time of day is on the day its sentence names, else on `ref`.
    """
    found = _find_values(text, ref, offset, dates, measures)
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
            day = nearest.days.first if nearest else ref
            value = attrs.evolve(value, days=DaySpan(day, day, "day") if day else None, unresolved=day is None)
        yield value


def _find_values(text: str, ref, offset: int, dates: bool, measures: bool) -> Iterator[Value]:
    last_end = 0
    headline = None  # whether `text` is a title-case headline, once asked
    year = None  # the last year stated: "July 12, 2014, July 13 and July 14"
    for match in (MEASURE_CANDIDATE if measures else CANDIDATE).finditer(text):
        pos = match.start()
        if pos < last_end:
            continue
        if not dates and match.lastgroup in _DATE_KINDS and not _FIGURE_SOON.match(text, match.end()):
            continue
        parsed = _read(text, pos, match.lastgroup, measures)
        if parsed is None:
            continue
        reading, end = parsed
        end = _trim(text, pos, end)
        if reading.type == "number" and text[pos:end].lower() == "one" and _PRONOUN.match(text, end):
            continue
        if reading.type == "number" and (_CODE_AFTER.match(text, end) or _LEADING_ZERO.match(text, pos)):
            continue  # "a 3-1 win", "555-1234", "02540": scores and codes
        if _is_span_ahead(reading) and _LOOKS_BACK.search(text, 0, pos) and not _FUTURE.search(text, 0, pos):
            continue  # "the lowest in five years" looks back: a duration, read next
        kind = _lookalike_kind(reading)
        if kind:
            if headline is None:
                headline = lookalikes.is_title_case(text)
            if lookalikes.is_lookalike(kind, text, pos, end, headline):
                continue
        reading, year = _with_year(reading, year)
        start = pos
        qualifier = None
        if reading.amount is not None:
            before = _QUALIFIER_BEFORE.search(text, max(last_end, pos - 24), pos)
            after = _QUALIFIER_AFTER.match(text, end)
            if before and not _over_means_across(before, reading, text, pos, end):
                qualifier, start = before.group(1).lower(), before.start()
            elif after:
                qualifier, end = after.group(1).lower(), after.end()
        future = bool(_FUTURE.search(text, 0, start))
        value = _make_value(reading, text, start, end, ref, future)
        last_end = end
        if qualifier:
            value = attrs.evolve(value, qualifier=qualifier)
        if offset:
            value = attrs.evolve(value, start=start + offset, end=end + offset)
        yield value


# "lasted over five hours": more than; "spread over three years": across
_LASTED = re.compile(r"\b(?:last\w*|took|tak\w*|spen[dt]\w*|wait\w*|ran|run\w*|continu\w*|for)\s+\Z", re.IGNORECASE)


def _over_means_across(before: re.Match, reading: Reading, text: str, pos: int, end: int) -> bool:
    """Whether "over" before a duration means "across" rather than "more than"."""
    if reading.type != "duration" or before.group(1).lower() != "over":
        return False
    adjective = "-" in text[pos:end]  # "an over five-hour-long meeting"
    return not adjective and not _LASTED.search(text, 0, before.start())


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing white space and sentence punctuation the grammar took."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end
