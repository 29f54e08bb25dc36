"""Dates said by way of another day: named days ("Christmas Eve",
"Thanksgiving 2019"), days counted from a day ("two days after Christmas",
"the day before"), weekdays in a week or month ("Friday of next week", "the
second Monday in May"), weeks ("week 17", "the first week of 2022"),
quarters ("this quarter") and ranges that start or end now ("between now and
June 3rd"). Grammars that yield `DateSpec`s and `RangeSpec`s, composed into
the value grammars by `grammars`.

    named_day  ::= year "'s" name | offset "year's" name | offset name
                 | name [day_part] [[","|"of"|"in"] year | ["of"] offset "year"]
    from_day   ::= span ("before" | "after") day | "the day" ("before" | "after") [day]
                 | "the" ("next" | "following" | "previous" | "preceding") "day"
    period     ::= "the" ("following" | "previous" | "preceding" | "current") unit | "the last quarter"
    weekday_in ::= weekday ["of"] week | week weekday | "the" nth weekday ("of" | "in") month
    week       ::= "week" number [[","|"of"|"in"] year | ["of"] offset "year"] | "the" nth "week of" (month | year)
    range      ::= ("between" | "from") (now until point | point until now) | "from" m/d until m/d
"""

from __future__ import annotations

import re

import pyparsing as pp

from checker.read import holidays, lookalikes
from checker.read.dategrammar import (
    OF_YEAR, SPAN, YEAR_OFFSET, DAY_OF_MONTH, DAY_PART, DAY_WORD, DAY_WORDS, ISO_DATE, MONTH_DAY_YEAR,
    DAY_MONTH_YEAR, MONTH_NAME, MONTH_YEAR, OFFSET, RELATIVE_PERIOD, UNTIL, WEEKDAY, YEAR,
)
from checker.read.datespec import DateSpec, RangeSpec, absolute
from checker.read.numbers import word

# The day the sentence named last, which "the day before" and "the following
# week" count from; without one they stay unresolved.
ANCHOR = DateSpec("anchor")


def is_anchored(spec) -> bool:
    """Whether a date counts from the sentence's last named day."""
    if isinstance(spec, RangeSpec):
        return is_anchored(spec.start) or is_anchored(spec.end)
    return isinstance(spec, DateSpec) and (spec.kind == "anchor" or is_anchored(spec.base))


def _one(found):
    """A named result's one token (a name on an alternative keeps a list)."""
    return found[0] if isinstance(found, pp.ParseResults) else found


# -- named days -----------------------------------------------------------
_NAME = pp.Regex(holidays.NAME_PATTERN).set_parse_action(lambda t: holidays.key_of(t[0]))
_POSSESSIVE = pp.Suppress(pp.Regex(r"['’]s\b"))


def _named(**fixed):
    return lambda t: DateSpec("named", name=t["name"], year=t.get("year"), offset=t.get("offset"), **fixed)


NAMED_DAY = (
    (YEAR("year") + _POSSESSIVE + _NAME("name")).set_parse_action(_named())  # "2019's Halloween"
    | (OFFSET("offset") + pp.Suppress(pp.Regex(r"(?i)year['’]s\b")) + _NAME("name")).set_parse_action(
        _named(unit="year")
    )  # "last year's Thanksgiving"
    | (OFFSET("offset") + _NAME("name")).set_parse_action(_named())  # "last Christmas"
    | (_NAME("name") + DAY_PART + YEAR_OFFSET).set_parse_action(_named(unit="year"))  # "Christmas of this year"
    | (_NAME("name") + DAY_PART + pp.Opt(OF_YEAR)).set_parse_action(_named())  # "Christmas Eve 2019", "Christmas night"
).set_name("named day")

# -- days counted from another day -----------------------------------------
_THE_DAY = pp.Suppress(word("the")) + word("day").set_parse_action(lambda: [(1.0, "day")])
# a day another can count from: "today", "Christmas", "June 3", "2024-03-03"
_DAY_WORD = pp.one_of(list(DAY_WORDS), caseless=True, as_keyword=True).set_parse_action(
    lambda t: DateSpec("day", offset=DAY_WORDS[t[0].lower()])
)
# (a named day used as an attribute names no day: "two days after Christmas shopping began")
_DAY = (
    _DAY_WORD | NAMED_DAY + ~pp.Regex(lookalikes.AFTER_NAMED_DAY).leave_whitespace()
    | MONTH_DAY_YEAR | DAY_MONTH_YEAR | ISO_DATE
)
# what may follow "the day before" when it names no day: the end of a clause or
# a preposition, not what "before" would introduce ("the day before the vote",
# "the day before he died", "the day after voting ended")
_ENDS_HERE = pp.FollowedBy(pp.Regex(
    r"\s*(?:[,.;:!?)\]\x22”]|$)|\s+(?:and|or|but|at|in|on|with|by|from|too|also|already|again)\b"
).leave_whitespace())


def _from(sign: int, base: DateSpec):
    return lambda t: DateSpec("shift", offset=sign * t[0][0], unit=t[0][1], base=base if base else t[1])


FROM_DAY = (
    ((SPAN | _THE_DAY) + pp.Suppress(word("before")) + _DAY).set_parse_action(_from(-1, None))
    | ((SPAN | _THE_DAY) + pp.Suppress(word("after")) + _DAY).set_parse_action(_from(1, None))
    | (
        _THE_DAY + pp.Suppress(word("before")) + _ENDS_HERE
        | pp.Suppress(word("the") + (word("previous") | word("preceding")) + word("day"))
    ).set_parse_action(lambda: DateSpec("shift", offset=-1, unit="day", base=ANCHOR))
    | (
        _THE_DAY + pp.Suppress(word("after")) + _ENDS_HERE
        | pp.Suppress(word("the") + (word("next") | word("following")) + word("day"))
    ).set_parse_action(lambda: DateSpec("shift", offset=1, unit="day", base=ANCHOR))
).set_name("day counted from a day")

# -- periods counted from the sentence's day, or from now ---------------------
_UNIT = pp.one_of("week month quarter year", caseless=True, as_keyword=True).set_parse_action(lambda t: t[0].lower())
# "the following week", "the previous month": from the sentence's day
FOLLOWING_PERIOD = (
    pp.Suppress(word("the"))
    + (word("following").set_parse_action(lambda: 1) | (word("previous") | word("preceding")).set_parse_action(lambda: -1))
    + _UNIT
).set_parse_action(lambda t: DateSpec("period", unit=t[1], offset=t[0], base=ANCHOR))
# "the current week", "the last quarter" (the one before this; "the last week"
# and "the last year" are as often the seven days or twelve months to now)
THE_PERIOD = (
    pp.Suppress(word("the"))
    + (
        word("current").set_parse_action(lambda: 0) + _UNIT
        # not "the last quarter of the race", "the last quarter century", "the last quarter-final"
        | word("last").set_parse_action(lambda: -1) + word("quarter") + ~pp.Regex(r"(?i)(?:of|century|mile)\b|-")
    )
).set_parse_action(lambda t: DateSpec("period", unit=t[1].lower(), offset=t[0]))
_WEEK = (RELATIVE_PERIOD | FOLLOWING_PERIOD | THE_PERIOD).add_condition(lambda t: t[0].unit == "week")

# -- weekdays in a week or a month ------------------------------------------
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_NTH_WORD = pp.one_of(list(_NTH), caseless=True, as_keyword=True).set_parse_action(lambda t: _NTH[t[0].lower()])
# a month a weekday or week is counted in: "May", "May 2024", "this month", "next month"
_MONTH_SPAN = (
    MONTH_YEAR
    | (OFFSET + word("month")).set_parse_action(lambda t: DateSpec("period", unit="month", offset=t[0]))
    | pp.Suppress(word("the") + word("month")).set_parse_action(lambda: DateSpec("period", unit="month", offset=0))
    | MONTH_NAME.copy().add_parse_action(lambda t: absolute(month=t[0]))
)
WEEKDAY_IN = (
    (WEEKDAY("weekday") + pp.Suppress(pp.Opt(word("of"))) + _WEEK("base"))  # "Friday of next week"
    | (_WEEK("base") + WEEKDAY("weekday"))  # "next week Thursday"
    | (pp.Suppress(word("the")) + _NTH_WORD("nth") + WEEKDAY("weekday") + pp.Suppress(word("of") | word("in")) + _MONTH_SPAN("base"))
).set_parse_action(lambda t: DateSpec("weekday", weekday=t["weekday"], day=t.get("nth"), base=_one(t["base"])))
# "Friday the 13th", "friday the thirteenth": the nearest such day on the tense's side
# (a day in words only where no noun follows: not "Monday, the first day of talks")
_NO_NOUN = pp.FollowedBy(pp.Regex(
    r"\s*(?:[,.;:!?)\]]|$)|\s+(?:and|or|but|at|in|on|of|when|while|as|is|was|will|falls?|fell|this|last|next)\b"
))
WEEKDAY_THE_DAY = (
    WEEKDAY + pp.Suppress(pp.Opt(",")) + pp.Suppress(word("the")) + (DAY_OF_MONTH | DAY_WORD + _NO_NOUN)
    + ~(pp.Opt(word("of")) + MONTH_NAME)
).set_parse_action(lambda t: DateSpec("absolute", weekday=t[0], day=t[1]))

# -- weeks ------------------------------------------------------------------
# "week 17", "Week 52 of 2023", "week 40 last year": an ISO week, Monday to Sunday; not "week 3 of the trial"
ISO_WEEK = (
    pp.Regex(r"(?i)week\s+(0?[1-9]|[1-4]\d|5[0-3])\b(?!\s+of\s+(?:the|a|an|his|her|its|their)\b)").set_parse_action(
        lambda t: int(re.split(r"\s+", t[0])[1])
    )("week")
    + pp.Opt(pp.Suppress(pp.Opt(pp.Literal(",") | word("of") | word("in"))) + YEAR("year") | YEAR_OFFSET)
).set_parse_action(lambda t: DateSpec("week", day=t["week"], year=t.get("year"), offset=t.get("offset")))
_YEAR_SPAN = (
    YEAR.copy().add_parse_action(lambda t: absolute(t[0]))
    | (OFFSET + word("year")).set_parse_action(lambda t: DateSpec("period", unit="year", offset=t[0]))
    | pp.Suppress(word("the") + word("year")).set_parse_action(lambda: DateSpec("period", unit="year", offset=0))
)
# "the first week of 2022", "the last week of May": seven days from the start (or to the end)
WEEK_OF = (
    pp.Suppress(word("the")) + _NTH_WORD("nth") + pp.Suppress(word("week") + word("of")) + (_MONTH_SPAN | _YEAR_SPAN)("base")
).set_parse_action(lambda t: DateSpec("week-of", day=t["nth"], base=_one(t["base"])))

# -- ranges that start or end now -------------------------------------------
_NOW = (word("now") | word("today")).set_parse_action(lambda: DateSpec("day", offset=0)) | _DAY_WORD
_POINT = MONTH_DAY_YEAR | DAY_MONTH_YEAR | ISO_DATE | NAMED_DAY
# "3/2", "4/9": a month and a day without a year, in either order
_SLASHED = pp.Regex(r"(1[0-2]|0?[1-9]|[12]\d|3[01])/([12]\d|3[01]|0?[1-9])(?![\w/]|\.\d|,\d)").set_parse_action(
    lambda t: tuple(int(x) for x in t[0].split("/"))
)


def _slashed_range(t) -> RangeSpec:
    """"from 3/2 to 4/9": month first if a figure above 12 says so, day first
    likewise; otherwise ambiguous. Two proper fractions of twelfths or coarser
    ("from 1/4 to 1/2") are no dates."""
    (a, b), (c, d) = t[0], t[1]
    if a < b and c < d and max(b, d) <= 12:
        raise pp.ParseException("", 0, "fractions")
    if max(b, d) > 12 >= max(a, c):
        return RangeSpec(absolute(None, a, b), absolute(None, c, d))
    if max(a, c) > 12 >= max(b, d):
        return RangeSpec(absolute(None, b, a), absolute(None, d, c))
    if max(a, b, c, d) > 12:
        raise pp.ParseException("", 0, "not a date")
    return RangeSpec(DateSpec("ambiguous"), DateSpec("ambiguous"))


RANGE_WITH_NOW = (
    (pp.Suppress(word("between")) + _NOW + pp.Suppress(word("and")) + _POINT)
    | (pp.Suppress(word("between")) + _POINT + pp.Suppress(word("and")) + _NOW)
    | (pp.Suppress(word("from")) + _NOW + UNTIL + _POINT)
    | (pp.Suppress(word("from")) + _POINT + UNTIL + _NOW)
).set_parse_action(lambda t: RangeSpec(t[0], t[1]))
SLASHED_RANGE = (pp.Suppress(word("from")) + _SLASHED + UNTIL + _SLASHED).set_parse_action(_slashed_range)

# -- where each kind of candidate start tries them ----------------------------
# Each set is behind one regex that says whether any of its forms can start
# here: a failed pyparsing alternative costs far more than a failed regex.
def _gated(start: str, expr: pp.ParserElement) -> pp.ParserElement:
    return (pp.FollowedBy(pp.Regex("(?i)" + start)) + expr).set_name("date")


_DAY_NOW = r"(?:now|today|yesterday|tomorrow)\b"
_SHIFT_UNITS = r"(?:days?|weeks?|months?|years?|decades?)"
_WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_WEEK_AFTER = r"(?:(?:next|this|last)\s+week|the\s+(?:following|previous|preceding|current)\s+week)\b"
_NTH_WORDS = r"(?:first|second|third|fourth|fifth|last|final)"
# "from March 5 to today", "between now and June 3rd", "from 3/2 to 4/9"
DAY_PHRASE_RANGE = _gated(
    r"(?:between|from)\s+(?:" + _DAY_NOW + r"|\d{1,2}/\d|[^.;:]{0,40}?\b(?:and|to|until|through|till)\s+" + _DAY_NOW + ")",
    RANGE_WITH_NOW | SLASHED_RANGE,
)
# after "the": "the day before", "the following week", "the second Monday in May", "the first week of 2022"
THE_LED = _gated(
    r"the\s+(?:day\s+(?:before|after)|(?:next|following|previous|preceding)\s+day|(?:following|previous|preceding|current)\s+"
    r"(?:week|month|quarter|year)|last\s+quarter\b(?!\s+of)|" + _NTH_WORDS + r"\s+(?:week\s+of|" + _WEEKDAY_NAME + r"))\b",
    FROM_DAY | WEEKDAY_IN | FOLLOWING_PERIOD | WEEK_OF | THE_PERIOD,
)
# after last/next/this: "next week Thursday", "last year's Christmas", "this Halloween"
RELATIVE_LED = _gated(
    r"(?:last|next|this)\s+(?:week\s+" + _WEEKDAY_NAME + r"|year['’]s\s|" + holidays.NAME_PATTERN + ")",
    WEEKDAY_IN | NAMED_DAY,
)
# at a weekday: "Friday of next week", "Thursday next week", "Friday the 13th"
WEEKDAY_LED = _gated(r"\w+\s+(?:(?:of\s+)?" + _WEEK_AFTER + r"|,?\s*the\s)", WEEKDAY_IN | WEEKDAY_THE_DAY)
# at a named day or "week N": "Christmas Eve", "week 17"
NAMED_LED = (NAMED_DAY | ISO_WEEK).set_name("date")
# at a count: "two days after today", "a week before Christmas"
COUNT_LED = _gated(r"[^.;:]{0,40}?\b" + _SHIFT_UNITS + r"\s+(?:before|after)\s", FROM_DAY)
# at digits: "3 days after Christmas", "2019's Christmas"
DIGIT_LED = _gated(r"\d{4}['’]s\s|\d{1,3}(?:\.5)?\s+" + _SHIFT_UNITS + r"\s+(?:before|after)\s", FROM_DAY | NAMED_DAY)
