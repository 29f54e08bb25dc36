"""Background: figures about earlier events, not the one reported.

News copy recalls the past ("In 2010, a magnitude-7.0 quake killed more than
200,000 people"). A value is *background* when the clause it stands in is
anchored to a time wholly before the event's: a year, a month, a day, "last
year", "two years ago", "a week earlier", "the previous quarter". An
anchor's reach is a clause, not the sentence:

- an anchor that opens a sentence, or what follows a semicolon ("In 2010,
  ...", "Last year, ...", "On May 3, ..."), or that stands alone between
  commas ("The last storm, in 2019, killed 30 people"), reaches every clause
  up to the next semicolon or contrast ("but", "while"), except a clause that
  names a time of its own;
- any other anchor reaches the clause it stands in (between commas, dashes,
  brackets, "while", "but", "against", "from <figure>", "compared with") and
  the clauses that go on from it ("..., when ...", "..., which struck at
  ...", "..., killing ...");
- in a clause with several anchors, a value goes with the nearest.

"Since 2010", "until 2030", "by 2030" and "from 2023" anchor nothing of their
own ("the worst since 2010" is about now), though a clause going on from them
("since 2014, when a jet went down with 239 people") is about that time. A
time after the event is no background: tolls rise in the days after a quake
("On Monday the toll rose to 57"). A date wholly before the event is
background itself ("last robbed on March 12, 2016").
"""

from __future__ import annotations

import re
from typing import Sequence

import attrs

from checker.read.datespec import DaySpan
from checker.read.text import CaseBlind
from checker.read.value import Value

_DATES = ("date", "date-range")
# where a clause ends: punctuation, and the words that start another clause
_SOFT_BODY = (  # each alternative starts where a run of spaces starts: a long run costs once
    r"(?<!\s)(?:\s*,(?!\d)\s*|\s*[()\[\]]\s*|\s+[—–]\s+|\s+-\s+"
    r"|\s+(?=(?:since|unlike|against|compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from)\b)"
    r"|\s+(?=from\s+(?:a\s+|an\s+|about\s+|some\s+)?[\d$€£¥])"
    r"|(?<=er)\s+(?=than\s+(?:the|in|during|last|a\s+year)\b))"  # "higher than the 41 of 2017"
)
# where an opening anchor's reach ends: a semicolon, a colon, a contrast ("but", "while")
_HARD_BODY = r"(?<!\s)(?:\s*;|:(?=\s)|,?\s+(?=(?:but|while|whereas|although|though|yet)\b))\s*"  # as _SOFT
# Each led by a look at the character a boundary can start with: Python's
# engine tries a pattern that opens with a look-behind in full at every
# character, one that opens with a character class only where it matches
# (twice as fast over a sentence).
_SOFT = re.compile(r"(?=[\s,()\[\]])" + _SOFT_BODY, re.IGNORECASE)
_HARD = re.compile(r"(?=[\s;:,])" + _HARD_BODY, re.IGNORECASE)
# a clause that goes on from the one before: "when the river peaked", "which struck", "killing two"
_GOES_ON = re.compile(r"(?:which|who|whose|where|when|that|and\s+\w+ing|\w+ing)\b", re.IGNORECASE)
_WHEN = re.compile(r"(?:when|where)\b", re.IGNORECASE)
# before a date, the words that make it a starting point or a deadline, not a time of its own
_REFERENCE = re.compile(
    r"\b(?:since|until|till|by|through|before|from|below|above)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?\Z",
    re.IGNORECASE,
)
# the present named in a clause: "and now 300 homes are gone"
_NOW = CaseBlind(r"\b(?:now|today|currently|so\s+far)\b")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# between a figure and a later anchor, what it is compared with: "than in 2013", "a premium to Tuesday's close"
_THAN = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs)\b", re.IGNORECASE)
_PREMIUM = re.compile(r"\b(?:premium|discount)\b", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|on|over)\b", re.IGNORECASE)
# times named relative to the event or to now that always lie before it
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|\d{1,3})"
_PERIOD = r"(?:day|week|fortnight|month|quarter|season|year|decade)"
_EARLIER = CaseBlind(
    r"\b(?:" + _COUNT + r"\s+" + _PERIOD + r"s?\s+(?:ago|earlier|before|previously)"
    r"|" + _COUNT + r"\s+(?:year|decade)s?\s+later"  # years after an earlier event: still past
    r"|(?:the\s+)?(?:previous|prior|preceding)\s+" + _PERIOD + r"(?:['’]s)?"
    r"|(?:the\s+)?" + _PERIOD + r"\s+before(?:\s+last)?"
    r"|last\s+(?:spring|summer|autumn|fall|winter|season|christmas|easter)(?:['’]s)?"
    r")\b"
)
# _EARLIER cannot match without one of these (in lower case): a sentence
# with none is not scanned for it
EARLIER_NEEDS = ("ago", "earlier", "before", "previous", "later", "prior", "preceding", "last")
_OPENING_WORDS = 6  # an opening clause holds its anchor and at most this many words more
# an anchor alone between commas: ", in 2019,", ", back in March,"
_ALONE = re.compile(r"(?:back\s+)?(?:in|on|during)\s+(?:the\s+)?", re.IGNORECASE)


@attrs.frozen(slots=True)
class _Anchor:
    start: int
    end: int
    text: str
    before: bool  # wholly before the event
    own: bool = True  # anchors its own clause ("since 2014" only a clause going on: "when ...")
    value: int | None = None  # the value it is, if a date value


@attrs.frozen(slots=True)
class _Clause:
    start: int
    end: int
    part: int  # clauses between two semicolons (or contrasts) share a part
    joined: bool = False  # its part follows a semicolon or colon: it goes on in the same time


def reasons(sentence: str, values: Sequence[Value], event: DaySpan | None) -> dict[int, str]:
    """The values (by index) that are background, each with its reason ("2010")."""
    if event is None:
        return {}
    anchors = _anchors(sentence, values, event)
    if not anchors:
        return {}
    clauses = _clauses(sentence)
    place = [_clause_of(clauses, a.start) for a in anchors]
    reach = _reach(sentence, anchors, place, clauses, values)
    found = {}
    for i, value in enumerate(values):
        mine = next((a for a in anchors if a.value == i), None)
        if mine is None:
            c = _clause_of(clauses, value.start)
            own = [a for a, p in zip(anchors, place) if p == c and a.own]
            if own:  # the nearest of its clause, but not one that dates what it is compared with
                own = [a for a in own if not _compared(sentence, value, a)]
                mine = min(own, key=lambda a: _gap(a, value)) if own else None
            else:
                mine = reach[c]
        if mine is not None and mine.before:
            found[i] = mine.text
    return found


def _anchors(sentence: str, values: Sequence[Value], event: DaySpan) -> list[_Anchor]:
    found = [
        _Anchor(v.start, v.end, v.text, v.days.last < event.first, not _is_reference(sentence, v.start), i)
        for i, v in enumerate(values)
        if v.type in _DATES and v.days is not None
    ]
    taken = [(a.start, a.end) for a in found]
    lowered = sentence.lower()
    for match in _EARLIER.finditer(sentence, lowered) if any(word in lowered for word in EARLIER_NEEDS) else ():
        start, end = match.span()
        if not any(s < end and start < e for s, e in taken):
            found.append(_Anchor(start, end, sentence[start:end], True, not _is_reference(sentence, start)))
    found.extend(_Anchor(m.start(), m.end(), sentence[m.start() : m.end()], False) for m in _NOW.finditer(sentence, lowered))
    return sorted(found, key=lambda a: a.start)


def _is_reference(sentence: str, at: int) -> bool:
    """Whether the time at `at` is a starting point or a deadline ("since 2010"), not a time of its own."""
    return _REFERENCE.search(sentence, max(0, at - 30), at) is not None


def _reach(sentence, anchors, place, clauses, values) -> list[_Anchor | None]:
    """For each clause, the anchor that reaches it when it names no time of its own."""
    opening = {}  # part -> the anchor that opens it
    for a, p in zip(anchors, place):
        clause = clauses[p]
        first = next(c for c in clauses if c.part == clause.part) is clause
        if a.own and clause.part not in opening and _opens(sentence, clause, first, a, values):
            opening[clause.part] = a
    reach: list[_Anchor | None] = []  # what reaches each clause's values
    passes: list[_Anchor | None] = []  # what a clause going on from it takes
    for c, clause in enumerate(clauses):
        here = [a for a, p in zip(anchors, place) if p == c]
        own = [a for a in here if a.own]
        going_on = c > 0 and clauses[c - 1].part == clause.part and _GOES_ON.match(sentence, clause.start)
        if own:
            reach.append(own[-1])
        elif going_on and passes[c - 1] is not None and passes[c - 1].own:
            reach.append(passes[c - 1])
        elif going_on and passes[c - 1] is not None and _WHEN.match(sentence, clause.start):
            reach.append(attrs.evolve(passes[c - 1], own=True))  # "since 2014, when a jet went down"
        elif here:
            reach.append(None)  # "the worst since 2010": about now
        else:
            reach.append(_opening_of(clause, clauses, opening))
        passes.append(here[-1] if here else reach[-1])
    return reach


def _opening_of(clause: _Clause, clauses: list[_Clause], opening: dict) -> _Anchor | None:
    """The anchor that opens the clause's part, or a part it follows on from
    after a semicolon ("A decade ago, two men took ...; 101 people were hurt")."""
    part = clause.part
    while part not in opening:
        first = next(c for c in clauses if c.part == part)
        if not first.joined or part == 0:
            return None
        part -= 1
    return opening[part]


def _opens(sentence: str, clause: _Clause, first: bool, anchor: _Anchor, values) -> bool:
    """Whether the anchor sets the time of its part of the sentence: it opens
    the part ("In 2010, ...", "Last year, ...", "In the summer of 2018, ...":
    the first clause, with no figure of its own, no "since" and few other
    words), or stands alone between commas ("The last storm, in 2019, killed 30")."""
    if not first:  # ", in 2019," between commas, and nothing else
        between_commas = sentence[:clause.start].rstrip().endswith(",") and sentence[clause.end :].lstrip()[:1] == ","
        return between_commas and bool(_ALONE.fullmatch(sentence, clause.start, anchor.start)) and (
            not sentence[anchor.end : clause.end].strip()
        )
    inside = [v for v in values if clause.start <= v.start < clause.end and not (anchor.start <= v.start < anchor.end)]
    words = len(sentence[clause.start : clause.end].split()) - len(anchor.text.split())
    return (
        words <= _OPENING_WORDS and not any(v.type not in _DATES for v in inside)
        and not _SINCE.search(sentence, clause.start, anchor.start)
    )


def _compared(sentence: str, value: Value, anchor: _Anchor) -> bool:
    """Whether the anchor dates what the value is measured against, not the
    value: "a 32% premium to the closing price on Tuesday", "higher than in 2013"."""
    if anchor.start < value.end:
        return False
    if _THAN.search(sentence, value.end, anchor.start):
        return True
    premium = _PREMIUM.search(sentence, max(0, value.start - 30), anchor.start)
    return bool(premium) and bool(_TO.search(sentence, value.end, anchor.start))


def _gap(anchor: _Anchor, value: Value) -> int:
    return max(anchor.start - value.end, value.start - anchor.end, 0)


def _clauses(sentence: str) -> list[_Clause]:
    marks = sorted(  # where a hard and a soft boundary meet (", but"), the hard one counts
        [(m.start(), -1, m.end()) for m in _HARD.finditer(sentence)]
        + [(m.start(), 0, m.end()) for m in _SOFT.finditer(sentence)]
    )
    clauses, start, part, joined = [], 0, 0, False
    for begin, hard, end in marks:
        if begin < start:
            continue
        clauses.append(_Clause(start, begin, part, joined))
        if hard:
            part += 1
            joined = sentence[begin:end].strip() in (";", ":")
        start = end
    clauses.append(_Clause(start, len(sentence), part, joined))
    return clauses


def _clause_of(clauses: list[_Clause], at: int) -> int:
    return next((i for i, clause in enumerate(clauses) if at < clause.end), len(clauses) - 1)
