"""Text that only looks like a value: names, codes and idioms.

The grammars read "737", "Sunday" and "a second" wherever they stand; these
checks look at the words around a reading and drop it when the words say it
is part of a name ("Boeing 737", "Section 230", "the Sunday Times", "Good
Friday", "the March on Washington") or an idiom ("a second opinion", "in a
minute"). Digits glued to letters ("G7", "F-16", "COVID-19") never reach
this far: the candidate scan skips them.
"""

from __future__ import annotations

import re

from checker.read.clock import ZONES
from checker.read.datespec import MONTHS, WEEKDAYS
from checker.read.units import DURATION_UNIT_OF

# Capitalised words that still introduce a figure or a date rather than
# name it: "About 50", "In 2024", "Since March", "Early Friday".
_LEADS = frozenset(
    """
    a an the this that these those its their his her our my your all each every another
    other both some any no only just even still also then now there here perhaps maybe
    in on at by for from to of with within since until till after before during through
    between over under above below about around nearly almost roughly approximately
    exactly barely fully more less fewer than least most up down past last next first
    early late mid and or but nor so as per plus minus when while if where once
    fiscal financial calendar total additional estimated
    """.split()
) | set(MONTHS) | set(WEEKDAYS)

# Words that make the figure after them a label: "number one", "vol 3", "phase 2"
_LABELS = frozenset(
    """
    number no vol volume issue page chapter episode season part phase level stage grade
    room gate flight route section article clause platform terminal category version
    model tier step serial isbn ext extension tel fax pin code
    """.split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)[ \t]+\Z")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A verb of telling and whom it told: the figure after the name starts what was said.
_TOLD = re.compile(r"\b(?:told|tells?|telling|informed|assured)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'’&-]*[ \t]+){1,4}\Z")
# "the March on Washington", "the March of Dimes": a month used as a noun
_MONTH_AS_NOUN = re.compile(r"[ \t]+(?:on|of|for|against)[ \t]+[A-Z]")
_ADDRESS = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*){1,3}[ \t]+(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Square|Place|Way)\b"
)
_RATE_BEFORE = re.compile(
    r"(?:\d%?|percent|per cent|dollars?|euros?|pounds?|cents?|pence|times|twice|once|thrice)[ \t]+\Z",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(
    r"[ \t]*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|(?:GMT|UTC|BST|EST|EDT|PST|PDT|CET|IST)\b|local time\b)",
    re.IGNORECASE,
)
_TITLE_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
# What may follow a named day that stands as a date ("on Christmas Eve, police
# said", "after Thanksgiving this year", "on Christmas he spoke"); any other word
# makes the name an attribute ("Christmas tree sales", "Labor Day sales",
# "Halloween costumes") or part of a name ("Christmas Island").
AFTER_NAMED_DAY = re.compile(
    r"[ \t]*(?!(?:and|or|but|nor|so|yet|as|at|by|for|from|in|into|of|on|over|to|with|without|after|before|since|"
    r"until|till|through|during|when|while|where|if|because|though|although|than|then|this|last|next|is|was|were|"
    r"are|will|would|could|should|may|might|can|has|had|have|be|been|falls|fell|comes|came|arrives|arrived|"
    r"he|she|it|they|we|i|you|the|a|an|his|her|its|their|our|my)\b)[A-Za-z]",
    re.IGNORECASE,
)
_IDIOMS = {  # "a second opinion"; "in a minute", "wait a minute"
    "a second": None,
    "a minute": re.compile(r"\b(?:in|wait|just|hold\s+on)[ \t]+\Z", re.IGNORECASE),
}


_SMALL_WORDS = frozenset("with from into onto over upon than that this".split())
# A telephone number, whose groups are no figures: "(212) 555-0134", "+44 20
# 7946 0958", "020 7946 0958", "800 555 0134"
_TELEPHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?|\(\d{2,4}\)[ .-]?|(?<![\d,.])0\d{1,4}[ .-])\d{1,4}(?:[ .-]\d{2,4})+(?!\d)"
    r"|(?<![\d,.])\d{3}[ .-]\d{3}[ .-]\d{4}(?!\d)"
)
# Capitals after a dash make a figure a code: "plate 4521-KX", "case 2023-CV-0412";
# a unit in capitals ("a 10-DAY TRIP", "10-KM") does not.
_CODE_LETTERS = re.compile(r"[-–](?P<letters>[A-Z]{1,4})(?:[-–]?\d|(?!\w))")
_NOT_CODES = frozenset(DURATION_UNIT_OF) | {"km", "kg", "mph", "ft", "mm", "cm", "pct", "usd", "eur", "gbp"}
# "lost 0-2", "trailing 1-2 at half-time": a score after a verb of winning,
# not a range ...
_SCORE = re.compile(r"\d{1,2}[ \t]?[-–][ \t]?\d{1,2}\Z")
_SCORE_BEFORE = re.compile(
    r"\b(?:won|wins?|lost|los(?:e|es|ing)|drew|draw|beat|beats|defeated|trailed|trailing|led|leading)[ \t]+(?:[a-z]+[ \t]+)?\Z",
    re.IGNORECASE,
)
# ... unless a noun follows: "won 3-5 seats" is a range of seats
_SCORE_AFTER = re.compile(r"[ \t]*(?:[,.;:!?)]|\Z|(?:in|on|at|after|against|with|over|before|away|to|and|but|for|thanks)\b)", re.IGNORECASE)


def is_score(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a pair of small figures, is a game's score."""
    return (
        bool(_SCORE.match(text, start, end)) and bool(_SCORE_AFTER.match(text, end))
        and bool(_SCORE_BEFORE.search(text, max(0, start - 30), start))
    )


# Ten digits or more without a comma: an account, a telephone or an ISBN, never a count
_LONG_DIGITS = re.compile(r"\d{10,}\Z")


def in_code(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a group of a telephone number or part of a code."""
    if _LONG_DIGITS.match(text, start, end):
        return True
    letters = _CODE_LETTERS.match(text, end)
    if letters and letters.group("letters").lower() not in _NOT_CODES:
        return True
    return any(
        m.start() <= start and end <= m.end()
        for m in _TELEPHONE.finditer(text, max(0, start - 24), min(len(text), end + 24))
    )


def is_title_case(sentence: str) -> bool:
    """A headline in title case ("Blinken Meets Xi After 5 Hours"): every longer word capitalised."""
    words = [w for w in _TITLE_WORD.findall(sentence) if len(w) > 3 and w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def after_name(text: str, start: int) -> bool:
    """Whether the words before `start` are a name or label the figure belongs to.

    A label word: "number one", "vol 3". Otherwise, as in "Boeing 737",
    "Section 230", "IE 11", "Good Friday", the word just before
    is capitalised, is not a possessive ("China's 1.4 billion people"), and is
    not a word that introduces figures ("In 2024", "About 50").
    """
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not match:
        return False
    before = match.group(1)
    if before.rstrip(".").lower() in _LABELS:
        return True
    if before.endswith(("'s", "’s")) or not any(c.isupper() for c in before):  # "iPhone 15"
        return False
    if before in ZONES:  # "at 1900 GMT Friday": a time's zone, not a name
        return False
    if _TOLD.search(text, max(0, start - 80), start):  # "told the Observer 37 bodies ...": who was told
        return False
    return before.rstrip(".").lower() not in _LEADS


def is_lookalike(kind: str, text: str, start: int, end: int, headline: bool) -> bool:
    """Whether the reading of `kind` at text[start:end] is not a value.

    `kind` says what was read: number, year, weekday, month, named (a named
    day without a year), weekend (after a name: "Easter weekend"), or duration.
    In a title-case headline every word is capitalised, so names cannot be
    told apart and only idioms, rates and times are checked.
    """
    if kind == "duration":
        written = text[start:end]
        if not headline and any(c.isupper() for c in written[1:]):
            return True  # a name: "the Thirty Years War", "the Six-Day War"
        if written[:2].lower() in ("a ", "an") and _RATE_BEFORE.search(text, 0, start):
            return True  # a rate: "4.6 percent a year", "$5 a day", "twice a week"
        before = _IDIOMS.get(written.lower(), False)
        return before is None or bool(before and before.search(text, 0, start))
    if kind in ("number", "year") and in_code(text, start, end):
        return True  # "(212) 555-0134", "2023-CV-0412"
    if kind == "number" and is_score(text, start, end):
        return True  # "lost 0-2"
    if kind == "named":  # a name before it ("Lunar New Year's Day", "India's Independence Day"), or an attribute
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        other = before is not None and (
            before.group(1).endswith(("'s", "’s")) or (before.group(1)[0].isupper() and before.group(1).lower() not in _LEADS)
        )
        return other or bool(AFTER_NAMED_DAY.match(text, end))
    if kind == "number" and _TIME_AFTER.match(text, end):
        return True  # a time of day: "at 8 p.m.", "07:37 GMT"
    if not headline and after_name(text, start):
        return True
    if kind == "number" and _ADDRESS.match(text, end):  # "10 Downing Street"
        return True
    if kind == "weekday":  # "the Sunday Times"
        return text[max(0, start - 4) : start].lower() == "the " and bool(_TITLE_AFTER.match(text, end))
    if kind == "month":
        return text[max(0, start - 4) : start].lower() == "the " and bool(_MONTH_AS_NOUN.match(text, end))
    return False
