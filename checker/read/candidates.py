"""Where a value can start: one compiled regex pass over a sentence.

pyparsing tries a grammar at every character, a thousand times slower than a
regex; so one regex finds the places worth parsing and names the kind of
grammar to try at each (digits, words, money, month, weekday, relative,
date, shift, named: a named day or "week 17"; and with measures: magnitude,
clock, minus).
"""

from __future__ import annotations

import re

from checker.read import amount, clock, currencies, dategrammar, datespec, holidays, numbers
from checker.read.text import word_alternation
from checker.read.units import DURATION_UNITS

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
_RELATIVE_WORDS = [*dategrammar.DAY_WORDS, "tonight", "weekend"]
_DATE_WORDS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2"]
_ORDINAL_DAY = r"(?:(?:twenty|thirty)[\s-]+)?" + _any_word(dategrammar.ORDINAL_DAYS)
_AFTER_RELATIVE = [
    "week", "month", "quarter", "year", "weekend", "night", "morning", "afternoon", "evening",
    *datespec.MONTHS, *datespec.WEEKDAYS, *holidays.FIRST_WORDS,
]
_UNITS = r"(?:week|month|quarter|year)\b"
# after "the": "the following week", "the current quarter", "the second Monday in May", "the first week of 2022"
_THE_DAY_PHRASE = (
    r"(?:next|following|previous|preceding)\s+day\b|(?:following|previous|preceding|current)\s+" + _UNITS
    + r"|(?:last|final)\s+quarter\b|(?:first|second|third|fourth|fifth|last|final)\s+(?:week\s+of\b|"
    + word_alternation(datespec.WEEKDAYS) + r"\b)"
)
# A sign before a figure: "-1", "minus 12", "negative one", "-10°C"; not in
# "3-1", "F-16", "2024-04", nor "a negative one" (a review, not a figure)
_NUMBER_WORD = word_alternation([*numbers.UNITS, *numbers.TENS])
MINUS = re.compile(
    r"(?:(?<!\ba )(?<!\bthe )\b(?:minus|negative)\s+(?=\d|(?:" + _NUMBER_WORD + r")\b)|(?<![\w.,\-–−])[-−](?=\d))",
    re.IGNORECASE,
)
# Where a value can start, by the kind of grammar to try there.
# Each start is tried only with the grammar of its kind, and common words
# ("the", "first", "earlier") only before what could make them a date. No
# start follows a letter or digit: that one look back rules out most
# positions at once and doubles the speed of the scan.
CANDIDATE = re.compile(
    r"(?<!\w)(?:(?P<digits>"
    r"(?<![\w.,\-:/])\d"  # not glued to a word: "G7", "F-16", "COVID-19", "24/7"
    r"|(?<![\w.,])\.\d"  # ".5"
    r"|(?<![\w.,])" + amount.VULGAR + ")"  # "½ hour"
    r"|(?P<words>" + _any_word(_FIGURE_WORDS) + r"|\b(?:an?|another)\s+(?=" + _any_word(_AFTER_A) + r")"
    # "between 5 and 7", "between $10m and $20m", "between April 24 and 26"
    r"|\bbetween\s+(?=[\d$" + currencies.SYMBOLS + r".]|[A-Z]{1,3}\$|R(?:" + _RAND + r")|[-−]\d|minus\s+\d|" + _any_word([*_FIGURE_WORDS, *datespec.MONTHS, "an", "a", "now", "today"]) + r"))"
    r"|(?P<money>[A-Z]{0,2}\$|[" + currencies.SYMBOLS + r"]|(?:Rs|RM|Rp)(?=\.?\d)|R(?=" + _RAND + r")|" + _any_word([*currencies.SORTED_CODES, "Rs", "RM", "Rp", "dlrs", "dlr"]) + r")"
    r"|(?P<month>" + _any_word(datespec.MONTHS) + r")|(?P<weekday>" + _any_word(datespec.WEEKDAYS) + r")"
    r"|(?P<relative>" + _any_word(_RELATIVE_WORDS) + r"|\b(?:last|next|this)\s+(?=" + _any_word(_AFTER_RELATIVE) + r"))"
    r"|(?P<date>" + _any_word(_DATE_WORDS)
    + r"|\b(?:early|mid|late)(?=[\s-]+(?:\d|['’]\d|(?:this|last|next|the)\b|" + word_alternation(datespec.MONTHS) + r"\b))"
    r"|\b(?:earlier|later)\s+(?=(?:this|last|next)\s)"
    # "from now until", "from Christmas Eve to": the words after "from" only start a range
    r"|\b(?:from|the)\s+(?=\d|['’]\d|" + _any_word([*datespec.MONTHS, "now", "today", "yesterday", "tomorrow"])
    + "|" + holidays.NAME_PATTERN + r")"
    r"|\bthe\s+(?=(?:beginning|start|middle|end)\s+of\s+(?:the\s+(?:week|month|year)\b|this\b|last\b|next\b|\d|"
    + word_alternation(datespec.MONTHS) + r"\b)|day\s+(?:before|after)\b|(?:first|second|third|fourth)\s+quarter\b"
    r"|(?:early|mid|late)\b|" + _ORDINAL_DAY + r"\s+of\b|" + _THE_DAY_PHRASE + r")"
    r"|\b" + _ORDINAL_DAY + r"(?=\s+of\s+" + word_alternation(datespec.MONTHS) + r"\b)"  # "fourteenth of June"
    r")|(?P<shift>\bin\s+(?=[\w-]+\s+(?:days?|weeks?|months?|years?)\b))"  # "in three weeks"
    # a named day starts with a capital: one character rules out most places at once
    r"|(?P<named>(?-i:(?=[" + "".join(sorted({w[0].upper() for w in holidays.FIRST_WORDS})) + r"]))"
    + r"(?=" + word_alternation(holidays.FIRST_WORDS) + r"\b)" + holidays.NAME_PATTERN + r"|week\s+(?=\d))"
    r"|(?P<minus>" + MINUS.pattern + "))",
    re.IGNORECASE,
)
STATUS = r"(?:preliminary|revised|initial|updated)"
# With measures, more starts: "magnitude 6.1", "M6.1", "a preliminary 6.1",
# "shortly after midnight", "about 7:30", "noon".
MEASURE_CANDIDATE = re.compile(
    CANDIDATE.pattern[:-1]
    + r"|(?P<magnitude>\b" + STATUS + r"\s+(?=magnitude\b|M[wLs]?\s?\d|\d)|\b(?:Richter\s+)?magnitude\b|\b(?-i:M[wLs]?)\s?(?=\d\.\d))"
    + r"|(?P<clock>" + clock.CLOCK_START + "))",
    re.IGNORECASE,
)


# -- the same starts, found faster -------------------------------------------
# CANDIDATE ignores case, so the regex engine checks every branch of it at
# every word's start. On the text in lower case, a case-sensitive regex of
# what each branch can start with (`_TRIGGER`) rules out most words with one
# check of a letter, and CANDIDATE is tried only where it might match. The
# trigger must hold wherever CANDIDATE would match (tests/test_candidates.py
# checks): each part below stands for a branch above, loosened, never tightened.
def _lower_words(*lists) -> str:
    return word_alternation([w.lower() for words in lists for w in words])


_HOLIDAY_WORDS = [re.split("['’]", w)[0] for w in holidays.FIRST_WORDS]  # "valentine's": up to its apostrophe
_STARTING_WORDS = _lower_words(
    _FIGURE_WORDS, currencies.SORTED_CODES, ["rs", "rm", "rp", "dlrs", "dlr"], datespec.MONTHS, datespec.WEEKDAYS,
    _RELATIVE_WORDS, _DATE_WORDS, _HOLIDAY_WORDS,
)
_AFTER_FROM_THE = _lower_words(
    datespec.MONTHS, ["now", "today", "yesterday", "tomorrow", "beginning", "start", "middle", "end", "day", "first",
                      "second", "third", "fourth", "fifth", "early", "mid", "late", "next", "following", "previous",
                      "preceding", "current", "last", "final", "twenty", "thirty"],
    dategrammar.ORDINAL_DAYS, _HOLIDAY_WORDS,
)
_TRIGGER_PARTS = [
    r"\d|\.\d|" + amount.VULGAR,
    r"(?:" + _STARTING_WORDS + r")\b",
    r"(?:an?|another)\s+(?=" + _lower_words(_AFTER_A) + ")",
    r"between\s",
    r"[a-z]{0,2}\$|[" + currencies.SYMBOLS + r"]|r[smp]?\.?\d",
    r"(?:last|next|this)\s+(?=" + _lower_words(_AFTER_RELATIVE, _HOLIDAY_WORDS) + ")",
    r"(?:early|mid|late)[\s-]|(?:earlier|later)\s",
    r"(?:from|the)\s+(?=[\d'’]|" + _AFTER_FROM_THE + ")",
    r"(?:" + _lower_words(dategrammar.ORDINAL_DAYS) + r")\s+of\s",
    r"in\s+(?=[\w-]+\s+(?:day|week|month|year))",
    r"week\s+\d",
    r"(?:minus|negative)\s|[-−]\d",
]
_MEASURE_TRIGGER_PARTS = [
    r"(?:preliminary|revised|initial|updated|richter|magnitude|midnight|noon|midday)\b",
    r"m[wls]?\s?\d",
    # the clock's qualifiers: "shortly after", "about", "a little before"
    r"(?:shortly|just|soon|right|a\s+little|some\s+time|about|around|approximately|roughly|nearly|almost|after|before|by)\s",
]
_TRIGGER = re.compile(r"(?<!\w)(?=" + "|".join(_TRIGGER_PARTS) + ")")
_MEASURE_TRIGGER = re.compile(r"(?<!\w)(?=" + "|".join(_TRIGGER_PARTS + _MEASURE_TRIGGER_PARTS) + ")")


def starts(text: str, measures: bool = False):
    """The matches of CANDIDATE (MEASURE_CANDIDATE with `measures`) in `text`,
    the same as its `finditer` gives; an ASCII text's found by `_TRIGGER`."""
    regex = MEASURE_CANDIDATE if measures else CANDIDATE
    if not text.isascii():  # lower case may change a letter's length or what it matches
        yield from regex.finditer(text)
        return
    done = 0  # where the last match ended: matches do not overlap
    for trigger in (_MEASURE_TRIGGER if measures else _TRIGGER).finditer(text.lower()):
        at = trigger.start()
        if at < done:
            continue
        match = regex.match(text, at)
        if match is not None:
            done = max(match.end(), at + 1)
            yield match
