"""The words around a reading that decide what it is.

A qualifier before or after a figure ("about", "more than"), a verb of change
that makes "5 to 7" a start and an end, a tense that points a bare weekday
ahead, a look back that makes "in five years" a length, a year a month
borrows from its sentence, and the shapes (scores, codes, pronouns) that are
no value at all.
"""

from __future__ import annotations

import re

import attrs

from checker.read import currencies
from checker.read.datespec import DateSpec
from checker.read.value import Reading
from checker.read.intervals import AFTER_QUALIFIERS, QUALIFIERS
from checker.read.text import CaseBlind

# A figure right before "-digit" that did not make a range (a score, a phone
# number), or written with a leading zero (a code), is no value.
CODE_AFTER = re.compile(r"[-–]\d")
LEADING_ZERO = re.compile(r"0\d")
# "one of the issues", "one another", "the right one.": a pronoun, not a count.
PRONOUN = re.compile(r"\s*(?:of\b|another\b|hand\b|[,.;:!?)\"]|\Z)")
QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(sorted((q for q in QUALIFIERS if q not in AFTER_QUALIFIERS), key=len, reverse=True)) + r")\s+\Z",
    re.IGNORECASE,
)
QUALIFIER_AFTER = re.compile(
    r"[\s-]*(" + "|".join(sorted(AFTER_QUALIFIERS, key=len, reverse=True)) + r")\b(?!\s*[\d$" + currencies.SYMBOLS + r"])", re.IGNORECASE
)
# Words that make a bare weekday or month point ahead of the reference date.
FUTURE = CaseBlind(
    r"\b(?:will|shall|won't|'ll|(?:is|are)\s+(?:(?:expected|due|set|scheduled|slated)\s+)?to|"
    r"(?:scheduled|slated|planned|set|due)\s+(?:for|on|in)|"
    r"plans?\s+to|going\s+to|starting|beginning|upcoming|coming)\b"
)

# A verb in the past tense anywhere in a sentence: a date it names without a
# year is then the last one ("the law passed on July 4", said in April: last July).
PAST = re.compile(  # "(?<!\w)", not "\b": every word starts with a letter, and a search goes faster
    r"(?<!\w)(?:was|were|had|did|said|told|took|rose|fell|grew|won|lost|began|came|went|saw|met|held|made|"
    r"gave|left|sent|spoke|wrote|lit|struck|broke|shot|fought|flew|drove|ran|sold|bought|paid|led|fled|spent|"
    r"built|kept|found|brought|caught|chose|rode|wore|woke|sang|sank|rang|ate|felt|stood|became|got|drew|threw|"
    r"knew|blew|shook|hid|stole|froze|arose|swept|tore|wept|won|sought|"
    r"(?!(?:need|feed|speed|seed|indeed|proceed|exceed|succeed|shed|hundred|red|bed|expected|scheduled|"
    r"planned|slated|due|based|proposed|planned)\b)[a-z]{2,}ed)\b"
)

# A past tense or a superlative: "in five years" then means "within", not "from now".
LOOKS_BACK = re.compile(  # "(?<!\w)" as in PAST
    r"(?<!\w)(?:was|were|had|did|took|rose|fell|grew|won|lost|began|came|went|saw|"
    r"(?!(?:need|feed|speed|seed|indeed|proceed|exceed|succeed|shed|hundred)\b)[a-z]{2,}ed|"
    r"first|last|record|most|least|best|worst|(?:low|high|larg|bigg|small|long|short|fast|slow|strong|weak|"
    r"deadli|heavi|lat|earli|old|new|great|wid|warm|cold|hott|wett|dri)est)\b"
)

# "rose from 5 to 7", "shares rose $1.5 to $42.25": a start and an end, not a range
_CHANGE = re.compile(
    r"\b(?:rose|rise[ns]?|rising|fell|falls?|fallen|falling|went|goes|going|grew|grow[ns]?|"
    r"growing|(?:increas|decreas|climb|jump|surg|soar|drop|declin|plung|slid|slump|rais|"
    r"lower|reduc|boost|hik|gain|widen|narrow|revis|chang|mov|cut|shrank|shrink|swung|upgrad|downgrad|"
    r"swell|doubl|tripl|halv|expand|trimm|slash)\w*)\b",
    re.IGNORECASE,
)
_TO_WORD = re.compile(r"\bto\b", re.IGNORECASE)


def is_change(text: str, start: int, end: int) -> bool:
    """Whether "x to y" at text[start:end] is a change ("rose from 5 to 7"), not a range."""
    return bool(_TO_WORD.search(text, start, end) and _CHANGE.search(text, max(0, start - 50), start))

def with_year(reading: Reading, year: int | None) -> tuple[Reading, int | None]:
    """A month or day without a year takes the year stated last in the sentence."""
    spec = reading.date
    if isinstance(spec, DateSpec) and spec.kind == "named":  # "December 1, 2019 ... on Christmas Eve"
        if spec.year is None and spec.offset is None and year is not None:
            reading = attrs.evolve(reading, date=attrs.evolve(spec, year=year))
        return reading, year
    if not isinstance(spec, DateSpec) or spec.kind != "absolute":
        return reading, year
    if spec.year is not None:  # only a full date lends its year on: not "in 1998"
        return reading, spec.year if spec.month is not None else year
    if year is not None and spec.month is not None and spec.offset is None and spec.unit is None:
        reading = attrs.evolve(reading, date=attrs.evolve(spec, year=year))
    return reading, year


def is_span_ahead(reading: Reading) -> bool:
    """"in three weeks": a date ahead of the reference date."""
    spec = reading.date
    return isinstance(spec, DateSpec) and spec.kind == "shift" and spec.offset > 0 and spec.base is None


def lookalike_kind(reading: Reading) -> str | None:
    """What `lookalikes` should check a reading as, if anything."""
    if reading.type in ("number", "duration"):
        return reading.type
    spec = reading.date
    if reading.type != "date" or spec.offset is not None:
        return None
    if spec.kind == "weekday" and spec.base is None:
        return "weekday"
    if spec.kind == "named" and spec.year is None:
        return "named"
    if spec.kind == "weekend":  # "the Memorial Day weekend", "Easter weekend": a name's
        return "weekend"
    if spec.kind == "absolute" and spec.day is None:
        return "year" if spec.month is None else ("month" if spec.year is None else None)
    return None

# "lasted over five hours": more than; "spread over three years": across
_LASTED = re.compile(r"\b(?:last\w*|took|tak\w*|spen[dt]\w*|wait\w*|ran|run\w*|continu\w*|for)\s+\Z", re.IGNORECASE)


def over_means_across(before: re.Match, reading: Reading, text: str, pos: int, end: int) -> bool:
    """Whether "over" before a duration means "across" rather than "more than"."""
    if reading.type != "duration" or before.group(1).lower() != "over":
        return False
    adjective = "-" in text[pos:end]  # "an over five-hour-long meeting"
    return not adjective and not _LASTED.search(text, 0, before.start())


def trim(text: str, start: int, end: int) -> int:
    """Drop trailing white space and sentence punctuation the grammar took."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end
