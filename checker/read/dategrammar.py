"""Dates as news writes them: pyparsing grammars that yield `DateSpec`s and
`RangeSpec`s, what the text says before any reference date is known
(`dateresolve` turns them into `DaySpan`s).

The pieces, each testable alone::

    date       ::= month_day_year | day_month_year | month_year | iso_date
                 | numeric_date | relative_day | relative_weekday | relative_month
                 | relative_period | shift | weekend | decade | quarter | part_of
                 | month_alone | year_alone | ...
    date_range ::= month_day_range | day_month_range | from_to | between_and
                 | point_to_point | year_range | month_range
    month_day_year ::= month_name day_of_month [","] [year]
    shift      ::= count time_unit ("ago" | "from now" | "hence") | "in" count time_unit
"""

from __future__ import annotations

import calendar
import re

import attrs
import pyparsing as pp

from checker.read.datespec import MONTHS, WEEKDAYS, DateSpec, DaySpan, RangeSpec, absolute
from checker.read.numbers import AND_FRACTION, DASH, WORD_INTEGER, table, word

# Abbreviations that are also common words are accepted only in full-date forms.
_AMBIGUOUS_MONTHS = {"may", "mar", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb", "apr"}


# -- grammar pieces -------------------------------------------------------
_FULL_MONTHS = {name: n for name, n in MONTHS.items() if len(name) > 4 or name in ("may", "june", "july")}
# beside a day: "march 9th", "14 may", "the 3rd of may"
_DAY_AFTER = re.compile(r"\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s+cent|miles|km|times)\b)")
_DAY_BEFORE = re.compile(r"\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?\Z")


def _month(s, loc, t) -> int:
    written = s[loc : loc + len(t[0])]
    if written in ("may", "march"):  # as written, lower case: the verbs, unless a day stands beside them
        if not (_DAY_AFTER.match(s, loc + len(written)) or _DAY_BEFORE.search(s, max(0, loc - 12), loc)):
            raise pp.ParseException("", 0, "a verb, not a month")
    return MONTHS[t[0].lower()]


MONTH_NAME = (
    pp.one_of(list(_FULL_MONTHS), caseless=True, as_keyword=True)
    # "Apr." and "Sept." take their full stop with them
    | pp.one_of([m for m in MONTHS if m not in _FULL_MONTHS], caseless=True, as_keyword=True)
    + pp.Suppress(pp.Opt(pp.Literal(".").leave_whitespace()))
).set_parse_action(_month)
MONTH_NAME.set_name("month")
DAY_OF_MONTH = pp.Regex(r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])").set_parse_action(
    lambda t: int(t[0].rstrip("stndrh"))
).set_name("day")
# In a full date any year from 1000 on ("17 August 1656"); a year alone must
# look like one (1800-2199), or every four-digit count would be a year.
YEAR = pp.Regex(r"(?:1\d|2[01])\d\d(?![\w]|,\d{3})").set_parse_action(
    lambda t: int(t[0])
).set_name("year")
_RECENT_YEAR = pp.Regex(r"(?:1[89]|2[01])\d\d(?![\w]|,\d{3})").set_parse_action(lambda t: int(t[0]))
COMMA = pp.Suppress(pp.Opt(","))
THE = pp.Suppress(pp.Opt(word("the")))


# the year after a date: "April 26, 2024", "March 9th of 1998", "14 May in 2021"
OF_YEAR = (pp.Suppress(pp.Opt(pp.Literal(",") | word("of") | word("in"))) + YEAR("year"))
MONTH_DAY_YEAR = (MONTH_NAME("month") + DAY_OF_MONTH("day") + pp.Opt(OF_YEAR)).set_parse_action(
    lambda t: absolute(t.get("year"), t["month"], t["day"])
)
ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# "the twenty-second of June"
DAY_WORD = pp.Regex(
    r"(?i)\b(?:(?:twenty|thirty)[\s-]+)?(?:" + "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True)) + r")\b"
).set_parse_action(lambda t: _day_word(t[0]))


def _day_word(text: str) -> int:
    *tens, unit = re.split(r"[\s-]+", text.lower())
    day = ORDINAL_DAYS[unit] + (20 if tens == ["twenty"] else 30 if tens else 0)
    if day > 31:
        raise pp.ParseException("", 0, "no such day")
    return day


DAY_MONTH_YEAR = (
    THE + DAY_OF_MONTH("day") + pp.Suppress(pp.Opt(word("of"))) + MONTH_NAME("month") + pp.Opt(OF_YEAR)
    | THE + DAY_WORD("day") + pp.Suppress(word("of")) + MONTH_NAME("month") + pp.Opt(OF_YEAR)
).set_parse_action(lambda t: absolute(t.get("year"), t["month"], t["day"]))
MONTH_YEAR = (
    MONTH_NAME("month") + pp.Suppress(pp.Opt(pp.Literal(",") | word("of"))) + _RECENT_YEAR("year")
).set_parse_action(lambda t: absolute(t["year"], t["month"]))
ISO_DATE = pp.Regex(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])").set_parse_action(
    lambda t: absolute(*map(int, t[0].split("-")))
)
YEAR_ALONE = _RECENT_YEAR.copy().set_parse_action(lambda t: absolute(int(t[0])))
# A bare month name must be capitalised ("May I" is not a date; "may" never is).
MONTH_ALONE = pp.Regex(
    "(?:" + "|".join(sorted((m.title() for m in MONTHS if m not in _AMBIGUOUS_MONTHS), key=len, reverse=True)) + r")\b"
).set_parse_action(lambda t: absolute(month=MONTHS[t[0].lower()]))

OFFSET = (
    word("last").set_parse_action(lambda: -1)
    | word("next").set_parse_action(lambda: 1)
    | word("this").set_parse_action(lambda: 0)
).set_name("last/next/this")
# A weekday alone is written in full: "sat", "sun" and "wed" are words, and
# "Sat." or "Sun," only stand for weekdays before a date ("Sat, April 27").
_FULL_WEEKDAYS = [name.lower() for name in calendar.day_name]
WEEKDAY = pp.one_of(_FULL_WEEKDAYS, caseless=True, as_keyword=True).set_parse_action(
    lambda t: WEEKDAYS[t[0].lower()]
)
_ANY_WEEKDAY = pp.one_of(list(WEEKDAYS), caseless=True, as_keyword=True).set_parse_action(
    lambda t: WEEKDAYS[t[0].lower()]
) + pp.Suppress(pp.Opt(pp.Literal(".").leave_whitespace()))
RELATIVE_WEEKDAY = (pp.Opt(OFFSET("offset")) + WEEKDAY("weekday")).set_parse_action(
    lambda t: DateSpec("weekday", weekday=t["weekday"], offset=t.get("offset"))
)
RELATIVE_MONTH = (OFFSET("offset") + MONTH_NAME("month")).set_parse_action(
    lambda t: DateSpec("absolute", month=t["month"], offset=t["offset"])
)
RELATIVE_PERIOD = (
    # not "the last quarter of the race", "in the last year of his term", "the last
    # quarter century", "the next quarter-final"
    OFFSET("offset") + pp.one_of("week month quarter year", caseless=True, as_keyword=True)("unit")
    + ~pp.Regex(r"(?i)(?:of|century)\b|(?<=quarter)-")
).set_parse_action(lambda t: DateSpec("period", unit=t["unit"].lower(), offset=t["offset"]))
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
# a month after "early", "mid-": any spelling, "May" too
_MONTH_OF_PART = MONTH_NAME.copy().add_parse_action(lambda t: absolute(month=t[0]))

# "Wednesday, April 24": the weekday adds nothing to the date
_WEEKDAY_PREFIX = pp.Suppress(pp.Opt(_ANY_WEEKDAY + pp.Opt(",")))
DAY_PART = pp.Suppress(pp.Opt(pp.one_of("morning afternoon evening night", caseless=True, as_keyword=True)))
RELATIVE_DAY = (
    (word("the day before yesterday") | word("the day after tomorrow")).set_parse_action(
        lambda t: "-2" if "before" in t[0].lower() else "+2"
    )
    | pp.one_of(list(DAY_WORDS), caseless=True, as_keyword=True) + DAY_PART
    | word("tonight")
    | (word("this") + pp.one_of("morning afternoon evening", caseless=True, as_keyword=True))
    | word("last night")
).set_parse_action(lambda t: DateSpec("day", offset=_DAY_OFFSETS[t[0].lower().split()[0]]))
_DAY_OFFSETS = DAY_WORDS | {"tonight": 0, "this": 0, "last": -1, "-2": -2, "+2": 2}

# "26/04/2024", "4.26.2024", "21-04-2016": day and month told apart only when
# one is above 12; "2015/08/12" is year, month, day.
NUMERIC_DATE = (
    pp.Regex(r"(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\w/.-]\d)").set_parse_action(
        lambda t: _numeric_date(*(int(x) for x in re.split(r"[/.-]", t[0])))
    )
    # "09/18/05": a two-digit year is 20xx up to 30 years ahead of 2000, else 19xx
    | pp.Regex(r"(\d{1,2})/(\d{1,2})/(\d\d)(?![\w/.-]\d)").set_parse_action(
        lambda t: _numeric_date(*_with_century(*(int(x) for x in t[0].split("/"))))
    )
    | pp.Regex(r"((?:19|20)\d\d)([/.])(\d{1,2})\2(\d{1,2})(?![\w/.]\d)").set_parse_action(
        lambda t: _year_first(*(int(x) for x in re.split(r"[/.]", t[0])))
    )
)


# "2021-07", "2022-4", "2021/07": a year and its month (a later two-digit
# year makes a range instead: "2022-23", YEAR_RANGE)
YEAR_MONTH = pp.Regex(r"((?:19|20)\d\d)[-/.](0?[1-9]|1[0-2])(?![\w/.-]*\d)").set_parse_action(
    lambda t: absolute(int(t[0][:4]), int(re.split(r"[-/.]", t[0])[1]))
)


# Compact forms with the month in letters, as forms and logs write dates:
# "07-Oct-2019", "14/Nov/2021", "Nov-14-2021", "2021/mar/05", "2021-mar-5", "Oct-2020"
_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_COMPACT = [
    (r"(?P<day>\d{1,2})(?P<s>[-/])(?P<month>" + _MON + r")(?P=s)(?P<year>(?:19|20)\d\d)"),
    (r"(?P<month>" + _MON + r")(?P<s>[-/])(?P<day>\d{1,2})(?P=s)(?P<year>(?:19|20)\d\d)"),
    (r"(?P<year>(?:19|20)\d\d)(?P<s>[-/])(?P<month>" + _MON + r")(?P=s)(?P<day>\d{1,2})"),
    (r"(?P<month>" + _MON + r")[-/](?P<year>(?:19|20)\d\d)"),
]


def _compact(t) -> DateSpec:
    found = next(m for m in (re.fullmatch("(?i)" + p, t[0]) for p in _COMPACT) if m)
    parts = found.groupdict()
    year, month = int(parts["year"]), MONTHS[parts["month"].lower()]
    day = int(parts["day"]) if parts.get("day") else None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise pp.ParseException("", 0, "no such day")
    return absolute(year, month, day)


COMPACT_DATE = pp.Regex(
    "(?i)(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p).replace("(?P=s)", "[-/]") for p in _COMPACT) + r")(?![\w/-]*\d)"
).set_parse_action(_compact).set_name("compact date")


def _year_first(year: int, month: int, day: int) -> DateSpec:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise pp.ParseException("", 0, "not a date")
    return absolute(year, month, day)


def _with_century(a: int, b: int, year: int) -> tuple[int, int, int]:
    return a, b, year + (2000 if year <= 30 else 1900)


def _numeric_date(a: int, b: int, year: int) -> DateSpec:
    if a > 12 >= b or a == b:
        return absolute(year, b, a)
    if b > 12 >= a:
        return absolute(year, a, b)
    if a > 12 and b > 12:
        raise pp.ParseException("", 0, "not a date")
    return DateSpec("ambiguous")


# "two days ago", "a week ago", "in three weeks('s time)"
_SHIFT_UNIT = pp.Regex(r"(?i)(day|week|month|year|decade)s?\b").set_parse_action(lambda t: t[0].lower().rstrip("s"))
# "two", "3", "a", "3.5", "three and a half": how many units
_COUNT = (
    (
        pp.Regex(r"\d{1,3}(?:\.5)?(?![\w.,]\d)").set_parse_action(lambda t: float(t[0]))
        | (word("a") | word("an")).set_parse_action(lambda: 1.0)
        | WORD_INTEGER.copy().add_parse_action(lambda t: float(t[0].low))
    )
    + pp.Opt(AND_FRACTION)
).set_parse_action(lambda t: sum(t))
# "three years", "a year and a half": how long
SPAN = (_COUNT("count") + _SHIFT_UNIT("unit") + pp.Opt(AND_FRACTION)("half")).set_parse_action(
    lambda t: (t["count"] + sum(t.get("half", [])), t["unit"])
)


def _shift(sign: int):
    return lambda t: DateSpec("shift", offset=sign * t[0][0], unit=t[0][1])


SHIFT = (
    (SPAN + pp.Suppress(word("ago"))).set_parse_action(_shift(-1))
    | (SPAN + pp.Suppress(word("from now") | word("from today") | word("hence"))).set_parse_action(_shift(1))
    | (pp.Suppress(word("in")) + SPAN + pp.Suppress(pp.Opt(pp.Regex(r"['’]?s?\s+time\b")))).set_parse_action(_shift(1))
)
WEEKEND = (pp.Opt(OFFSET | word("the").set_parse_action(lambda: None), default=None) + word("weekend")).set_parse_action(
    lambda t: DateSpec("weekend", offset=t[0])
)
# "the 1990s", "the '90s"
DECADE = (
    THE + pp.Regex(r"(?:(1[89]|20)(\d)0|['’](\d)0)s\b")
).set_parse_action(lambda t: DateSpec("decade", year=_decade_year(t[0])))


def _decade_year(text: str) -> int:
    digits = text.strip("'’s")
    if len(digits) == 2:  # "'90s": the nearest century that makes sense
        return (1900 if int(digits) >= 30 else 2000) + int(digits)
    return int(digits)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "2021 Q3", "2021-Q3", "2021Q3": the year first
YEAR_QUARTER = pp.Regex(r"(?i)((?:19|20)\d\d)[\s-]?Q([1-4])\b").set_parse_action(
    lambda t: DateSpec("quarter", year=int(t[0][:4]), month=3 * int(t[0][-1]) - 2)
)


def _half(year: int, half: int) -> RangeSpec:
    return RangeSpec(absolute(year, 1 if half == 1 else 7), absolute(year, 6 if half == 1 else 12))


# "2022 H1", "2022-H2", "H1 2022", "H2, 2023": half a year, a range of its months
HALF_YEAR = (
    pp.Regex(r"(?i)((?:19|20)\d\d)[\s-]?H([12])\b").set_parse_action(lambda t: _half(int(t[0][:4]), int(t[0][-1])))
    | pp.Regex(r"(?i)H([12]),?\s+((?:19|20)\d\d)\b").set_parse_action(lambda t: _half(int(t[0][-4:]), int(t[0][1])))
)
QUARTER = (
    pp.Regex(r"(?i)Q([1-4])\b").set_parse_action(lambda t: int(t[0][1]))("quarter")
    + pp.Opt(pp.Opt(",") + YEAR("year"))
    | THE + table(_ORDINALS, "ordinal")("quarter") + pp.Suppress(word("quarter"))
    + pp.Opt(pp.Suppress(word("of")) + YEAR("year"))
    # "the last quarter of 2023"; without a year, "the last quarter" is the one before this
    | THE + (word("last") | word("final")).set_parse_action(lambda: 4)("quarter") + pp.Suppress(word("quarter") + word("of"))
    + YEAR("year")
).set_parse_action(lambda t: DateSpec("quarter", year=t.get("year"), month=3 * t["quarter"] - 2))

# "early April", "mid-2023", "late last year", "the end of March", "earlier this month"
_PART_WORDS = {
    "early": "early", "mid": "mid", "middle": "mid", "late": "late", "beginning": "early",
    "start": "early", "end": "late",
}
_PART = (
    pp.Regex(r"(?i)(early|mid|late)(?:[\s-]+|(?=\d))").set_parse_action(lambda t: t[0].strip(" -").lower())
    | THE + pp.one_of("beginning start middle end", caseless=True, as_keyword=True) + pp.Suppress(word("of"))
).set_parse_action(lambda t: _PART_WORDS[t[0].lower()])
_THE_PERIOD = (THE + pp.one_of("week month year", caseless=True, as_keyword=True)).set_parse_action(
    lambda t: DateSpec("period", unit=t[0].lower(), offset=0)
)
PART_OF = (
    (_PART + (MONTH_YEAR | RELATIVE_PERIOD | RELATIVE_MONTH | DECADE | YEAR_ALONE | _MONTH_OF_PART | _THE_PERIOD))
    .set_parse_action(lambda t: attrs.evolve(t[1], part=t[0]))
    | (pp.one_of("earlier later", caseless=True, as_keyword=True) + RELATIVE_PERIOD)
    .set_parse_action(lambda t: attrs.evolve(t[1], part=t[0].lower()))
)

# "the 20th of next month"
DAY_OF_RELATIVE_MONTH = (
    THE + DAY_OF_MONTH("day") + pp.Suppress(word("of")) + OFFSET("offset") + pp.Suppress(word("month"))
).set_parse_action(lambda t: DateSpec("absolute", day=t["day"], offset=t["offset"], unit="month"))
# "Thursday the 21st", "on the 21st.": a day of the month nearest in the tense's direction
DAY_ALONE = (
    # (with a month after it, the date is the day of that month: "Friday the 13th of October 2023")
    (WEEKDAY + pp.Suppress(pp.Opt(",")) + pp.Suppress(word("the")) + DAY_OF_MONTH + ~(pp.Opt(word("of")) + MONTH_NAME)).set_parse_action(
        lambda t: DateSpec("absolute", weekday=t[0], day=t[1])
    )
    | (
        pp.Suppress(word("the")) + pp.Regex(r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b").add_parse_action(lambda t: int(t[0][:-2]))
        + pp.FollowedBy(pp.Regex(r"\s*(?:[,.;)]|$|at\b)"))
    ).set_parse_action(
        lambda t: DateSpec("absolute", day=t[0])
    )
)

# "June last year", "April 26 next year": a month of a year named relative to now
YEAR_OFFSET = pp.Suppress(pp.Opt(word("of"))) + OFFSET("offset") + pp.Suppress(word("year"))
MONTH_OF_RELATIVE_YEAR = (
    (MONTH_NAME("month") + pp.Opt(DAY_OF_MONTH("day")) + YEAR_OFFSET)
    .set_parse_action(lambda t: DateSpec("absolute", month=t["month"], day=t.get("day"), offset=t["offset"], unit="year"))
)

DATE = (
    MONTH_OF_RELATIVE_YEAR
    | DAY_OF_RELATIVE_MONTH
    | DAY_ALONE
    | ISO_DATE
    | NUMERIC_DATE
    | YEAR_MONTH
    | YEAR_QUARTER
    | PART_OF
    | _WEEKDAY_PREFIX + MONTH_DAY_YEAR
    | MONTH_YEAR
    | _WEEKDAY_PREFIX + DAY_MONTH_YEAR
    | DECADE
    | QUARTER
    | SHIFT
    | WEEKEND
    | RELATIVE_MONTH
    | RELATIVE_PERIOD
    | RELATIVE_WEEKDAY + DAY_PART
    | RELATIVE_DAY
    | COMPACT_DATE  # late: the common forms first
    | YEAR_ALONE
    | MONTH_ALONE
).set_name("date")

# -- ranges ---------------------------------------------------------------
# "24-26", "24 to 26", "April until June": the words a date range may say between its ends
UNTIL = (pp.Suppress(pp.one_of("to until through till", caseless=True, as_keyword=True)) | DASH).set_name("until")


def _days_of_month(t) -> RangeSpec:
    """"April 24-26", "24-26 April 2024": two days of one month."""
    year, month = t.get("year"), t["month"]
    return RangeSpec(absolute(year, month, t["first"]), absolute(year, month, t["last"]))


def _span(t) -> RangeSpec:
    start, end = t[0], t[1]
    if start.month is None and end.month is None:  # "from 5 to 7": figures, not days
        raise pp.ParseException("", 0, "no month")
    if end.month is None:  # "from April 24 to 26[, 2024]"
        end = attrs.evolve(end, month=start.month)
    if start.month is None:  # "from 24 to 26 April"
        start = attrs.evolve(start, month=end.month)
    if start.year is None and end.year is not None:
        start = attrs.evolve(start, year=end.year)
    return RangeSpec(start, end)


_DAY_PAIR = DAY_OF_MONTH("first") + UNTIL + DAY_OF_MONTH("last")
# a day with the month (and maybe the year) left to the other end of a range
_BARE_DAY = (DAY_OF_MONTH("day") + pp.Opt(COMMA + YEAR("year"))).set_parse_action(
    lambda t: absolute(t.get("year"), None, t["day"])
)
_FROM_OR_BETWEEN = pp.Suppress(pp.Opt(word("from") | word("between")))  # "between 4-22 January"
MONTH_DAY_RANGE = (
    _FROM_OR_BETWEEN + MONTH_NAME("month") + _DAY_PAIR + pp.Opt(COMMA + YEAR("year"))
).set_parse_action(_days_of_month)
DAY_MONTH_RANGE = (
    (
        _FROM_OR_BETWEEN + _DAY_PAIR
        | pp.Suppress(word("between")) + DAY_OF_MONTH("first") + pp.Suppress(word("and")) + DAY_OF_MONTH("last")
    )
    + pp.Opt(word("of")).suppress() + MONTH_NAME("month") + pp.Opt(COMMA + YEAR("year"))
).set_parse_action(_days_of_month)
_POINT = MONTH_DAY_YEAR | DAY_MONTH_YEAR | ISO_DATE
FROM_TO = (
    pp.Suppress(word("from")) + (_POINT | _BARE_DAY) + UNTIL + (_POINT | _BARE_DAY)
).set_parse_action(_span)
BETWEEN_AND = (
    pp.Suppress(word("between")) + _POINT + pp.Suppress(word("and")) + (_POINT | _BARE_DAY)
).set_parse_action(_span)
# "17 August 1656 - 21 January 1669", "31/08/2012 to 30/08/2013", "November 1979 to January 1981"
POINT_TO_POINT = (
    (MONTH_DAY_YEAR | DAY_MONTH_YEAR | ISO_DATE | NUMERIC_DATE) + UNTIL + (MONTH_DAY_YEAR | DAY_MONTH_YEAR | ISO_DATE | NUMERIC_DATE)
    | MONTH_YEAR + UNTIL + MONTH_YEAR
).set_parse_action(_span)


def _years(t) -> RangeSpec:
    first, last = t[0], t[1]
    if last < 100:  # "2022-23", "1999-00"; "2021-07" is a month (YEAR_MONTH), not 2021 to 2107
        if last <= first % 100 and last != (first + 1) % 100:  # "1999-00" crosses a century
            raise pp.ParseException("", 0, "not a range of years")
        last += first // 100 * 100 + (100 if last <= first % 100 else 0)
    if not first < last:
        raise pp.ParseException("", 0, "not a range of years")
    return RangeSpec(absolute(first), absolute(last))


# "2022-23", "2019–2021", "from 2019 to 2021", "between 2020 and 2022"
_SHORT_YEAR = pp.Regex(r"\d\d(?![\w-])").set_parse_action(lambda t: int(t[0]))
YEAR_RANGE = (
    (_RECENT_YEAR + DASH + (_RECENT_YEAR | _SHORT_YEAR))
    | (pp.Suppress(word("from")) + _RECENT_YEAR + UNTIL + _RECENT_YEAR)
    | (pp.Suppress(word("between")) + _RECENT_YEAR + pp.Suppress(word("and")) + _RECENT_YEAR)
).set_parse_action(_years)


def _months(t) -> RangeSpec:
    year = t.get("year")
    return RangeSpec(absolute(year, t["first"]), absolute(year, t["last"]))


# "April-June", "from March to May 2024", "between April and June"
MONTH_RANGE = (
    (
        pp.Suppress(word("between")) + MONTH_NAME("first") + pp.Suppress(word("and")) + MONTH_NAME("last")
        | pp.Suppress(pp.Opt(word("from"))) + MONTH_NAME("first") + UNTIL + MONTH_NAME("last")
    )
    + ~DAY_OF_MONTH
    + pp.Opt(COMMA + YEAR("year"))
).set_parse_action(_months)

DATE_RANGE = (
    FROM_TO | BETWEEN_AND | MONTH_DAY_RANGE | DAY_MONTH_RANGE | POINT_TO_POINT | YEAR_RANGE | MONTH_RANGE | HALF_YEAR
).set_name("date range")

# The forms that start with last/next/this or a day word ("today", "tonight"),
# in the order DATE tries them.
RELATIVE_LED_DATE = (
    WEEKEND | RELATIVE_MONTH | RELATIVE_PERIOD | RELATIVE_WEEKDAY + DAY_PART | RELATIVE_DAY
).set_name("date")

# The forms that can start with a month name or a weekday, in the order
# DATE_RANGE and DATE try them: where a value starts with such a word, only
# these need trying.
MONTH_LED_RANGE = (MONTH_DAY_RANGE | POINT_TO_POINT | MONTH_RANGE).set_name("date range")
MONTH_LED_DATE = (
    MONTH_OF_RELATIVE_YEAR | _WEEKDAY_PREFIX + MONTH_DAY_YEAR | MONTH_YEAR | COMPACT_DATE | MONTH_ALONE
).set_name("date")
WEEKDAY_LED_DATE = (
    DAY_ALONE | _WEEKDAY_PREFIX + MONTH_DAY_YEAR | _WEEKDAY_PREFIX + DAY_MONTH_YEAR | RELATIVE_WEEKDAY + DAY_PART
).set_name("date")
