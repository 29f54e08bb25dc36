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
