"""The value grammars: pyparsing, tried only where a candidate starts.

One grammar per kind of candidate start (see `candidates`); a figure is
parsed once, and what follows it says what kind of value it is::

    value    ::= signed | share | figure | between | date | unit_alone | part_of_unit
    signed   ::= (sign | code) amount ["and" number subunit] [to (sign | code) amount]
    figure   ::= amount [suffix] {more} [to amount [suffix]]
    suffix   ::= ["-"] (code | ["of"] currency_name | subunit | symbol
                       | points | percent_sign | ["of"] time_unit ["-long"])
    more     ::= [","] ["and"] (number | "a") time_unit     # "2 years and 3 months"
               | "and" ["a"] "half"                        # "two hours and a half"
               | "and" number subunit                      # "twelve dollars and thirty cents"
    between  ::= "between" (signed | figure) "and" (signed | figure)
    unit_alone ::= ("a" | "an" | "another") time_unit [and_fraction] | "half" ("a" | "an") time_unit
    part_of_unit ::= fraction "of" ("a" | "an") time_unit   # "three quarters of an hour"

With measures, `suffix` also takes a unit ("six miles") or "magnitude".
Amounts, dates and times come from `numbers`, `dategrammar` and `clock`.
"""

from __future__ import annotations

import functools
import re

import attrs
import pyparsing as pp

from checker.read import currencies, dategrammar, datespec, dayphrases, numbers, units
from checker.read.datespec import RangeSpec
from checker.read.amount import Amount
from checker.read.numbers import AMOUNT, NUMBER, table, word
from checker.read.text import word_alternation
from checker.read.value import Reading
from checker.read.units import DURATION_WORDS

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
# "3h", "24hrs", "4.5years": a time unit glued to the figure
_GLUED_UNIT = pp.Regex(r"(?i:" + numbers.GLUED_DURATION + r")\b").leave_whitespace().set_parse_action(
    lambda t: [("duration", DURATION_WORDS[t[0].lower()])]
)
_SUFFIX = _GLUED_UNIT | _SUFFIX


# What may follow a figure when measures are read: a unit ("six miles",
# "a 10-km stretch", "120 km/h") or "magnitude" ("a 6.1 magnitude quake").
_MEASURE_SUFFIX = pp.Suppress(pp.Opt(_HYPHEN)) + (
    pp.Regex(units.UNIT_AFTER).set_parse_action(lambda t: [("quantity", units.unit_named(t[0]))])
    | pp.Regex(r"(?i:" + units.MAGNITUDE_WORD + ")").set_parse_action(
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
# "two hours and a half", "one hour and half": a half of the unit just named.
# Without "a", not before what "half" would then be of: "two hours and half the staff".
_AND_HALF = pp.Regex(
    r"(?i:and\s+(?:an?\s+(?P<part>half|quarter|third)|half(?!\s+(?:of|the|an?|his|her|its|their|our|my|your|them"
    r"|all|th[eo]se|th[ia][st])\b)))\b"
).set_parse_action(lambda t: [("part", numbers.FRACTIONS[(t.get("part") or "half").lower()])])
# "twelve dollars and thirty cents", "$12 and 30 cents", "£4 and 20p": the
# subunits of the money just named
_PENCE_AFTER = pp.Regex(r"(\d{1,2})p\b").set_parse_action(lambda t: [Amount.of(float(t[0][:-1])), "pence"])
_AND_CENTS = (
    pp.Suppress(word("and")) + ((NUMBER + pp.Regex("(?i:" + word_alternation(currencies.SUBUNITS) + r")\b")) | _PENCE_AFTER)
).set_parse_action(lambda t: [("cents", t[0], t[1].lower())])
_MORE = _MORE_TIME | _AND_HALF | _AND_CENTS
_MORE_KINDS = frozenset({"more", "part", "cents"})


def _with_cents(reading: Reading, cents: Amount, subunit: str) -> Reading:
    """Money and the cents after it: only whole units and under a hundred cents
    of the same currency ("cents" go with any, "pence" with sterling)."""
    whole = reading.amount
    same = currencies.SUBUNITS.get(subunit, "GBP") == reading.currency or subunit in ("cent", "cents")
    if not (same and whole.low == whole.high == int(whole.low) and cents.low == cents.high < 100):
        raise pp.ParseException("", 0, "not cents of this money")
    return attrs.evolve(reading, amount=whole.plus(cents.low / 100))


def _signed_cents(t) -> Reading:
    """"$12 and 30 cents": a signed figure and maybe its cents."""
    return _with_cents(t[0], *t[1][1:]) if len(t) > 1 else t[0]


def _compound(t) -> Reading:
    """A figure and what follows it; a duration may go on in smaller units
    ("2 years and 3 months", "two hours and a half"), money in its cents."""
    head = [x for x in t if not (isinstance(x, tuple) and x[0] in _MORE_KINDS)]
    parts = t[len(head):]
    reading = _figure(head)
    if not parts:
        return reading
    if reading.type == "money" and len(parts) == 1 and parts[0][0] == "cents":
        return _with_cents(reading, *parts[0][1:])
    if reading.type != "duration" or any(part[0] == "cents" for part in parts):
        raise pp.ParseException("", 0, "not a duration")
    unit, amount = head[1][1], reading.amount
    for part in parts:
        if part[0] == "part":  # "and a half" of the last unit named
            if not (part is parts[-1] and amount.low == amount.high):
                raise pp.ParseException("", 0, "a half ends a duration")
            amount = amount.plus(part[1] * unit)
            continue
        _, more, more_unit = part
        if not more_unit < unit:
            raise pp.ParseException("", 0, "units must shrink")
        amount, unit = amount.plus(more.low), more_unit
    return attrs.evolve(reading, amount=amount)


def _joined(t) -> Reading:
    """"$5bn to $7bn", "5% to 7%": two readings of one kind make a range."""
    low = t[0]
    if len(t) == 1:
        return low
    high = t[1]
    if (low.type, low.currency, low.unit) != (high.type, high.currency, high.unit):
        raise pp.ParseException("", 0, "ends of different kinds")
    if low.amount.scale == 1 < high.amount.scale and low.amount.high < high.amount.low / high.amount.scale:
        # "$3 to $4 billion": the bare low end takes the high end's scale
        # (not in "$500,000 to $1 million", whose low end is whole already)
        low = attrs.evolve(low, amount=low.amount.times(high.amount.scale))
    if low.type == "number" or not low.amount.high < high.amount.low:
        raise pp.ParseException("", 0, "not a range")
    return attrs.evolve(low, amount=Amount(low.amount.low, high.amount.high))


def _duration(t) -> Reading:
    """"an hour", "a fortnight", "an hour and a half", "a day and a quarter"."""
    unit = t[0]
    return Reading("duration", amount=Amount.of(unit * (1.0 + (t[1] if len(t) > 1 else 0.0))))


def _part_of_unit(t) -> Reading:
    """"three quarters of an hour", "a third of a century": a fraction of one unit."""
    return Reading("duration", amount=Amount.of(t[0] * t[1]))


# "three quarters of an hour", "a quarter of an hour", "two-thirds of a day"
_PART_OF_UNIT = (
    numbers.UNIT_FRACTION + pp.Suppress(word("of") + numbers.A) + _DURATION_UNIT
).set_parse_action(_part_of_unit)


# What can follow digits that start a date: a year, a month (with a day, a day
# range or "of"), a numeric date, a decade, "N days ago"; other digits skip
# the date grammars.
DIGIT_DATE_START = re.compile(
    r"(?i)\d{4}|\d{1,2}([/.-])\d{1,2}\1\d|\d{2,4}s\b|\d{1,2}[-/](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|until|through|till)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    + word_alternation(datespec.MONTHS) + r"\b|\d{1,3}(?:\.5)?\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|from|hence|before|after)\b"
)
_DIGIT_DATE = pp.FollowedBy(pp.Regex(DIGIT_DATE_START))
# "4p", "149.5p": pence glued to the figure
_PENCE = pp.Regex(r"(\d+(?:\.\d+)?)p\b").set_parse_action(
    lambda t: Reading("money", amount=Amount.of(float(t[0][:-1]) / 100), currency="GBP")
)


def _acting(expr: pp.ParserElement, action) -> pp.ParserElement:
    """`expr` with one more parse action, the shared element untouched: wrapped,
    not copied (a copy copies the whole tree below it, and the grammars are
    built from the same few trees several times)."""
    return pp.And([expr]).add_parse_action(action)


def value_grammars(ranges: bool, measures: bool = False) -> dict[str, pp.ParserElement]:
    """The value grammars, one for each kind of candidate start (see CANDIDATE).

    "digits" may start any value; "words" (number words, "a", "between")
    figures, "two days ago" and ranges; "money" (a currency sign or code)
    only money; "month" and "weekday" the dates such a word starts; "date"
    ("last", "the", "today", ...) any date. A figure is parsed once, then what follows it says what kind
    of value it is. Also without ranges, for "rose from 5 to 7"; and with
    units after a figure (`measures`).
    """
    suffix = _MEASURE_SUFFIX if measures else _SUFFIX
    amount = AMOUNT if ranges else numbers.NUMBER | numbers.VAGUE_SCALED
    plain_signed = ((_SIGN | _CODE) + amount).set_parse_action(
        _reading("money", currency=lambda t: t[0], amount=lambda t: t[1])
    )
    # cents that are not this money's ("$12 and 30 pence") leave the plain figure
    signed = (plain_signed + pp.Opt(_AND_CENTS)).set_parse_action(_signed_cents) | plain_signed
    # parsed once; only a failed compound ("5 and 3 days") reads the lone figure again
    figure = (amount + pp.Opt(suffix) + pp.ZeroOrMore(_MORE)).set_parse_action(_compound) | (
        amount + pp.Opt(suffix)
    ).set_parse_action(_figure)
    between = pp.NoMatch()
    if ranges:  # "$5bn to $7bn", "5% to 7%", "between 2% and 3%"
        signed = (signed + pp.Opt(numbers.TO + signed)).set_parse_action(_joined) | signed
        figure = (figure + pp.Opt(numbers.TO + figure)).set_parse_action(_joined) | figure
        between = (
            pp.Suppress(word("between")) + (signed | figure) + pp.Suppress(word("and")) + (signed | figure)
        ).set_parse_action(_joined)
    date = (
        _acting(dayphrases.DAY_PHRASE_RANGE, _reading("date-range", date=lambda t: t[0]))
        | _acting(dategrammar.DATE_RANGE, _reading("date-range", date=lambda t: t[0]))
        | _acting(dayphrases.THE_LED, _reading("date", date=lambda t: t[0]))
        | _acting(_DATE_WITHOUT_BARE_YEAR, _reading("date", date=lambda t: t[0]))
    )
    unit_alone = (
        (pp.Suppress(numbers.A | word("another")) + _DURATION_UNIT + pp.Opt(numbers.AND_FRACTION)).set_parse_action(_duration)
        # "half an hour"
        | (pp.Suppress(word("half") + numbers.A) + _DURATION_UNIT).set_parse_action(
            lambda t: Reading("duration", amount=Amount.of(0.5 * t[0]))
        )
    )
    ordinal_words = _acting(numbers.ORDINAL_WORDS, _reading("number", amount=lambda t: t[0]))
    share = _acting(numbers.RATIO, _reading("number", amount=lambda t: t[0]))
    in_digits = (
        (_DIGIT_DATE + (_acting(dayphrases.DIGIT_LED, _reading("date", date=lambda t: t[0])) | date))
        | share
        | (dategrammar.YEAR_ALONE + ~_SUFFIX).add_parse_action(_reading("date", date=lambda t: t[0]))
        | _PENCE
        | figure
        | _acting(numbers.ORDINAL, _reading("number", amount=lambda t: t[0]))
    )
    # A word can start only these dates: "two days ago", "between April 24 and 26".
    word_dates = (
        pp.FollowedBy(word("between")) + (dayphrases.DAY_PHRASE_RANGE | dategrammar.DATE_RANGE)
        | dayphrases.COUNT_LED | dategrammar.SHIFT
    ).add_parse_action(lambda t: Reading("date-range" if isinstance(t[0], RangeSpec) else "date", date=t[0]))
    shared_parts = _acting(numbers.SHARED_PARTS, _reading("number", amount=lambda t: t[0]))
    in_words = word_dates | shared_parts | between | ordinal_words | share | _PART_OF_UNIT | figure | unit_alone
    month = (
        _acting(dategrammar.MONTH_LED_RANGE, _reading("date-range", date=lambda t: t[0]))
        | _acting(dategrammar.MONTH_LED_DATE, _reading("date", date=lambda t: t[0]))
    )
    weekday = (dayphrases.WEEKDAY_LED | dategrammar.WEEKDAY_LED_DATE).add_parse_action(_reading("date", date=lambda t: t[0]))
    shift = _acting(dategrammar.SHIFT, _reading("date", date=lambda t: t[0]))
    relative = (dayphrases.RELATIVE_LED | dategrammar.RELATIVE_LED_DATE).add_parse_action(
        _reading("date", date=lambda t: t[0])
    )
    named = _acting(dayphrases.NAMED_LED, _reading("date", date=lambda t: t[0]))
    kinds = {
        "digits": in_digits, "words": in_words, "money": signed, "date": date, "month": month,
        "weekday": weekday, "shift": shift, "relative": relative, "named": named,
    }
    return {kind: pp.Located(g.set_name("value")) for kind, g in kinds.items()}


_DATE_WITHOUT_BARE_YEAR = pp.MatchFirst(
    e for e in dategrammar.DATE.exprs if e is not dategrammar.YEAR_ALONE
)
@functools.cache
def grammars(ranges: bool = True, measures: bool = False) -> dict[str, pp.ParserElement]:
    """`value_grammars`, each built when first asked for: the grammar without
    ranges is for a figure after "from" (a starting point, not a range's low
    end), which few texts need."""
    return value_grammars(ranges, measures)
