"""What one regex reads before any grammar is tried, exactly as the grammar
would (tests/test_properties.py checks): the bare figure ("200 people", "36
hours", "5%"), when nothing that could extend it follows: no scale, currency,
range, fraction or compound word ("and"), no "ago", no sign, dash, slash or
glued letter; the month-led date ("October 7", "October 6-7", "in June.",
"June last year"), the commonest date in news, when no year, range or "of"
follows; money after a sign ("$7 billion", "US$9bn", "£300,000") when nothing
follows that could make it a range, a rate or another currency; and the
relative day or period ("today", "last week", "earlier this month") when
nothing follows that could extend it; the weekday alone ("on Friday."). Where
the grammar surely reads nothing (a month it takes only with a day, and none
follows), a shortcut says so."""

from __future__ import annotations

import re

from checker.read import amount, currencies, dategrammar, numbers
from checker.read.amount import Amount
from checker.read.datespec import MONTHS, WEEKDAYS, DateSpec, RangeSpec, absolute
from checker.read.value import Reading
from checker.read.text import word_alternation
from checker.read.units import DURATION_WORDS

# -- the bare figure: most figures in news are plain counts, durations or
# percents ("200 people", "36 hours", "5%", "four and a half hours"); one regex tells them apart before
# the grammar is tried at all. A figure is bare when nothing that could extend
# it follows: no scale, currency, range, fraction or compound word ("and"), no
# "ago", no sign, dash, slash or glued letter. Its reading is then exactly what
# the grammar would give (tests/test_properties.py checks).
_EXTENDERS = sorted(
    {*numbers.SCALES, *numbers.SPACED_SCALES, "hundred", *DURATION_WORDS, *currencies.SORTED_CODES,
     *(name.split()[0] for name in currencies.NAMES), *currencies.SUBUNITS,
     "per", "percent", "pct", "percentage", "points", "to", "and", "of", "a", "an", "point", "or", "dozens",
     "until", "through", "till", "times", *numbers.UNITS, *numbers.TENS, *numbers.FRACTIONS,
     *numbers.ORDINAL_FRACTIONS, *numbers.PLURAL_FRACTIONS, "ago", "from", "hence", "long", "old",
     "out", "over", numbers.TRADERS_MILLION},  # "1 out of 4", "one over four.", "$3 MM"
    key=len, reverse=True,
)
# after a time unit or a percent, fewer words can go on: "two hours and ten
# minutes", "5% to 7%", "5% points", "three days ago", "two days after Christmas"
_UNIT_EXTENDERS = [
    "and", "to", "until", "through", "till", "ago", "from", "hence", "before", "after", "points", "percentage", "a", "an",
    *numbers.UNITS, *numbers.TENS,
]
_SINGLE_VAGUE = [p for p in numbers.VAGUE_PHRASES if " " not in p]  # "several", "billions"
_CLAUSE_END = r"\s*(?:[,;:!?)\]\x22“”]|\.(?!\d)|$)"
_BARE = re.compile(
    r"(?:(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"|(?P<word>" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r")"
    r"|(?P<vague>" + word_alternation(_SINGLE_VAGUE) + r"))"
    r"(?P<half>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?"  # "four-and-a-half hours": only before a time unit
    # and maybe a time unit (also as an adjective) or a percent sign: "36 hours",
    # "a two-day visit", "five-hour-long", "5%", "three per cent"
    r"(?:(?:\s+|-)(?P<unit>" + word_alternation(DURATION_WORDS) + r")\b(?:-long\b)?"
    r"|(?P<percent>%|\s+(?:per\s+cent|percent|pct)\b))?"
    r"(?![\w%'’/–-])(?![,.:]\w)"  # nothing glued on
    r"(?!\s*,\s*(?:\d|" + word_alternation([*numbers.UNITS, *numbers.TENS]) + r"\b))"  # "three hours, twenty minutes"
    r"(?=" + _CLAUSE_END + r"|\s+(?!(?:(?(unit)" + word_alternation(_UNIT_EXTENDERS) + r"|(?(percent)"
    # a figure, not a vague word, goes on past no "of": "one of several issues", "12 of the 20"
    + word_alternation(_UNIT_EXTENDERS) + r"|(?:" + word_alternation([w for w in _EXTENDERS if w != "of"])
    + r"|(?(vague)of|(?!))))))\b)(?!" + amount.VULGAR + r")[^\W\d])",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"(?:1[89]|2[01])\d\d\Z")


def bare_figure(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _BARE.match(text, pos)
    if match is None:
        return None
    if match.group("half") and (not match.group("unit") or match.group("vague")):
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
    if match.group("half"):
        value += 0.5
    if match.group("unit"):
        return Reading("duration", amount=Amount.of(value * DURATION_WORDS[match.group("unit").lower()])), match.end()
    if match.group("percent"):
        return Reading("percent", amount=Amount.of(value)), match.end()
    return Reading("number", amount=Amount.of(value)), match.end()


# -- the month-led date: the month-led grammar tries ranges, years, "of last
# year" and more, a few hundred microseconds a start. Four of its readings
# are plain enough for one regex: a month's day ("October 7", "Sept. 12th"),
# days of one month joined by a hyphen ("October 6-7") and a month alone ("in
# October.") when nothing follows that could extend them (a year, a range,
# "of", "last year"), and a month in a year told
# relatively ("June last year", "March 3 of next year"). The month as the
# grammar takes it: in full, or abbreviated with its full stop ("Sept."); "may"
# and "march" in lower case are left to it (verbs, unless a day stands
# beside them); alone, only as `dategrammar.MONTH_ALONE` takes it.
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_SPACE = r"[ \t\n\r]"  # what the grammar skips between words
# what ends a month's day or a month alone: a clause, or a word that starts nothing the grammar reads on
_ENDED = (
    r"(?=" + _SPACE + r"*(?:[.;:!?()\]\x22“”]|\Z)|" + _SPACE + r"*," + _SPACE + r"*[^\W\d_]|"
    + _SPACE + r"+(?!(?i:to|until|through|till|of|in|last|next|this|and|or)\b)[^\W\d_])"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_MONTH_LED = re.compile(
    r"(?i:(?P<month>" + word_alternation(_FULL_MONTHS) + r")|(?P<short>"
    + word_alternation([m for m in MONTHS if m not in _FULL_MONTHS]) + r")\.?)"
    r"(?:" + _SPACE + r"+(?P<day>" + _DAY + r")(?:-(?P<last>" + _DAY + r"))?)?"
    r"(?:" + _SPACE + r"+(?:(?i:of)" + _SPACE + r"+)?(?P<offset>(?i:last|next|this))" + _SPACE + r"+(?i:year)(?![A-Za-z0-9_])"
    r"|" + _ENDED + ")"
)
_MONTH_ALONE = frozenset(m.title() for m in _FULL_MONTHS if m != "may")
_OFFSETS = {"last": -1, "next": 1, "this": 0}


def month_led(text: str, pos: int) -> tuple[Reading, int] | None | bool:
    """The month-led date at `pos`; False when the grammar reads none there
    (a month the grammar takes only with a day, and none follows: "Jun on
    Friday", "in May."); None when the grammar must say."""
    match = _MONTH_LED.match(text, pos)
    if match is None:
        return None
    if match.group("month") in ("may", "march"):
        return None if match.group("day") else _nothing_after(text, match)
    month = MONTHS[(match.group("month") or match.group("short")).lower()]
    day = match.group("day") and _day(match.group("day"))
    if match.group("last"):  # "October 6-7": the days of one month
        if match.group("offset"):
            return None  # "October 6-7 last year": left to the grammar
        return Reading("date-range", date=RangeSpec(absolute(None, month, day), absolute(None, month, _day(match.group("last"))))), match.end()
    if match.group("offset"):  # "June last year", "March 3 of next year"
        date = DateSpec("absolute", month=month, day=day, offset=_OFFSETS[match.group("offset").lower()], unit="year")
    elif day is None and match.group("month") not in _MONTH_ALONE:
        return _nothing_after(text, match)
    else:
        date = absolute(None, month, day)
    return Reading("date", date=date), match.end()


# -- the weekday alone: "on Friday", "Sunday." The weekday grammar tries a
# date after it ("Friday, April 26", "Friday the 13th"), "next week", a part
# of the day ("Friday morning") first; none can follow a weekday written in
# full that a clause's end, a word that starts none of them, or "'s" follows.
_WEEKDAY_WORDS = [day for day in WEEKDAYS if day.endswith("day")]  # alone, the grammar takes no "Sat", "Thurs"
_WEEKDAY_ALONE = re.compile(
    r"(?i:(?P<weekday>" + word_alternation(_WEEKDAY_WORDS) + r"))(?![A-Za-z0-9_])"
    r"(?=['’]s(?![A-Za-z0-9_])|[.,]?(?:" + _SPACE + r"*(?:[;:!?()\]\x22“”]|\Z)|" + _SPACE + r"+(?!(?i:"
    + word_alternation([*MONTHS, "the", "of", "next", "this", "last", "week", "morning", "afternoon", "evening", "night"])
    + r")(?![A-Za-z0-9_]))[^\W\d_]))"
)


def weekday_alone(text: str, pos: int) -> tuple[Reading, int] | None:
    """"Friday" at `pos`, when nothing after it makes more of it, read as the grammar reads it."""
    match = _WEEKDAY_ALONE.match(text, pos)
    if match is None:
        return None
    return Reading("date", date=DateSpec("weekday", weekday=WEEKDAYS[match.group("weekday").lower()])), match.end()


# after a month the grammar takes only with a day: the text's end, or a word
# that goes on with nothing the grammar reads ("Jun on Friday", "in May.")
_NOTHING_MORE = re.compile(
    r"\.?\Z|" + _SPACE + r"+(?!(?i:to|until|through|till|of|in|last|next|this|and|or|the)\b)[^\W\d_]"
)


def _nothing_after(text: str, match: re.Match) -> bool | None:
    """False (the grammar reads nothing here) when nothing follows the month
    that could make a date of it, else None (the grammar must say)."""
    return False if _NOTHING_MORE.match(text, match.end()) else None


def _day(written: str) -> int:
    return int(written.rstrip("stndrh"))


# -- money after a sign: the money grammar tries ranges, rates, cents and
# currencies written after the figure, a few hundred microseconds a start;
# the plainest sums, the commonest in news, are read here: a sign the grammar
# reads one way only, a figure (a fraction of one only before a scale: "$7.5
# billion", never "$7.50"), maybe a scale, and nothing after that could go on.
_MONEY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_MONEY_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_MONEY_EXTENDERS = sorted(
    {"a", "an", "per", "each", "apiece", "more", "less", *numbers.SCALES, *numbers.SCALE_ABBREVIATIONS,
     *currencies.SORTED_CODES, *(name.split()[0] for name in currencies.NAMES), *currencies.SUBUNITS,
     "dollars", "dollar", "cents", numbers.TRADERS_MILLION},  # "$4 MM"
    key=len, reverse=True,
)
# words that make a range or a sum of what follows them, when a figure, a sign
# or a word that may lead one follows: "to $9 billion", "and nearly 2 billion"
_MONEY_JOINS = word_alternation(["to", "and", "or", "until", "through", "till", "from", "plus"])
_FIGURE_LEADS = word_alternation([*numbers.UNITS, *numbers.TENS, "a", "an", "half", "more", "less", "about", "over", "under",
                                  "nearly", "almost", "around", "roughly", "some", "up", "at", "as", "just", "well"])
_MONEY = re.compile(
    r"(?P<sign>US\$|\$|€|£)(?P<figure>(?:\d{1,3}(?:,\d{3})+|[1-9]\d*)(?P<fraction>\.\d{1,2})?)"
    r"(?:(?P<scale> (?:million|billion|trillion)|bn|m)\b)?"
    r"(?(fraction)(?<=[a-z]))"  # a fraction of a unit only before a scale
    r"(?![\w%'’/–(-])(?![,.:]\w)"  # nothing glued on
    r"(?=" + _CLAUSE_END + r"|\s+(?!(?i:" + word_alternation(_MONEY_EXTENDERS) + r")\b)"
    r"(?!(?i:" + _MONEY_JOINS + r")\s+(?:[^\w\s]|[A-Z]{1,3}\$|\d|(?i:" + _FIGURE_LEADS + r")\b))[^\W\d])"
)


def signed_money(text: str, pos: int) -> tuple[Reading, int] | None:
    match = _MONEY.match(text, pos)
    if match is None:
        return None
    scale = _MONEY_SCALES[match.group("scale").strip()] if match.group("scale") else 1.0
    value = float(match.group("figure").replace(",", "")) * scale
    amount = Amount(value, value, scale=scale)
    return Reading("money", amount=amount, currency=_MONEY_SIGNS[match.group("sign")]), match.end()


# -- the relative day or period: "today", "yesterday", "this week", "last
# year", when what follows cannot make it a range, a time of day, or a part
# of a longer phrase ("today and tomorrow", "tomorrow morning", "last year's
# third quarter" is only "last year").
_DAY_OFFSETS = {**dategrammar.DAY_WORDS, "tonight": 0}
_RELATIVE = re.compile(
    r"(?i:(?P<day>today|tonight|yesterday|tomorrow)"
    r"|(?:(?P<part>earlier|later)" + _SPACE + r"+)?(?P<offset>this|last|next)" + _SPACE + r"+(?P<unit>week|month|year))"
    r"(?![\w%/–-])(?![,.:]\w)"
    # a capital may start a weekday, a month or a holiday: "next week Thursday", "last year's Halloween"
    r"(?=(?:['’]s\b)?(?:" + _CLAUSE_END + r"|\s+(?!(?i:" + word_alternation([
        "and", "or", "to", "through", "until", "till", "from", "at", "morning", "afternoon", "evening", "night",
        "week", "month", "year", "of", "in", "on", "ago", "before", "after", "earlier", "later",
    ]) + r")\b)[a-z]))"
)


def relative_day(text: str, pos: int) -> tuple[Reading, int] | None:
    """"today", "last week", "earlier this month" at `pos`, read as the grammar reads them."""
    match = _RELATIVE.match(text, pos)
    if match is None:
        return None
    if match.group("day"):
        date = DateSpec("day", offset=_DAY_OFFSETS[match.group("day").lower()])
    else:
        part = match.group("part") and match.group("part").lower()
        date = DateSpec("period", offset=_OFFSETS[match.group("offset").lower()], unit=match.group("unit").lower(), part=part)
    return Reading("date", date=date), match.end()
