"""The event's time: when what the articles report happened.

The manifest may say (`date: 2025-07-09`, or `2025-07-08..2025-07-10` for
events that span days). Otherwise it is inferred from the articles: each
article names a day for the event in its first sentences ("on Sunday", "on
July 6"), never later than its publication nor more than a week before it;
the event's day is the one most articles name (the earliest of a tie), and
its days run to any other day that at least two articles name within three
days of it (a visit over several days). When
no article names one, the event is taken to span the day before the earliest
publication and that day. Without any publication date it stays unknown, and
nothing is taken for background.

The time decides which figures are background (`background`), and the day a
time of day takes when its sentence names none: the day its article names
for the event, else the event's day, and only then the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Callable

import attrs

from checker.load.corpus import Article
from checker.read import datelines, layout
from checker.read.dategrammar import MONTHS, WEEKDAYS, DaySpan
from checker.read.text import split_sentences, word_alternation
from checker.read.values import find_values

_LEAD = 4  # sentences in which an article names the event's day
_HEAD = 3000  # characters that hold them
_RECENT = dt.timedelta(days=7)
_SPREAD = dt.timedelta(days=3)
# what a day named in words or figures starts with
_DAY_WORD = re.compile(
    r"\b(?:" + word_alternation([*MONTHS, *WEEKDAYS, "yesterday", "today", "tonight"]) + r")\b|\d{4}-\d\d-\d\d|\d/\d",
    re.IGNORECASE,
)  # how far from the commonest day another named day may extend the event


@attrs.frozen(slots=True)
class EventTime:
    span: DaySpan | None
    source: str  # manifest | articles | publication | unknown
    day: dt.date | None = None  # its main day: the manifest's one day, or the day most articles name
    named: tuple[tuple[str, tuple[dt.date, ...]], ...] = ()  # article path -> the days it names

    def day_for_times(self, article: Article) -> tuple[dt.date | None, str]:
        """The day a time of day takes when its sentence names none, and why:
        the event's day if the article names it, else another day of the event
        it names, else the event's day, else the publication date."""
        span = self.span
        named = [d for d in dict(self.named).get(article.path, ()) if span and span.first <= d <= span.last]
        if named:
            return (self.day if self.day in named else named[0]), "the day the article names for the event"
        if self.day is not None:
            return self.day, "the event's day"
        return article.ref_date, "the publication date"

    @property
    def key(self) -> str:
        """What extraction depends on, for the cache."""
        return f"{self.span and (self.span.first, self.span.last)}|{self.day}|{self.named}"

    @property
    def label(self) -> str:
        """"2025-07-06 (named by the articles)", for reports."""
        if self.span is None:
            return "unknown"
        days = self.span.first.isoformat() if self.span.first == self.span.last else (
            f"{self.span.first.isoformat()}..{self.span.last.isoformat()}"
        )
        why = {"manifest": "the manifest's date", "articles": "named by the articles",
               "publication": "inferred from publication"}[self.source]
        return f"{days} ({why})"


UNKNOWN = EventTime(None, "unknown")


def event_time(
    articles: tuple[Article, ...] | list[Article], named_of: Callable[[Article], tuple[dt.date, ...]] | None = None,
) -> EventTime:
    """The time of the event these articles report; `named_of` gives the
    days an article names (default `named_days`), asked only when needed."""
    stated = next((a.event_date for a in articles if a.event_date is not None), None)
    if stated is not None and stated.first == stated.last:  # one day: every time of day goes on it
        return EventTime(stated, "manifest", stated.first)
    named_of = named_of or named_days
    named = tuple((a.path, days) for a in articles if (days := named_of(a)))
    if stated is not None:  # several days: a time goes on the day its article names
        return EventTime(stated, "manifest", None, named)
    if named:
        votes = Counter(day for _, days in named for day in days)
        day = min(votes, key=lambda d: (-votes[d], d))
        # an event over several days: other days at least two articles name, close to the commonest
        near = [d for d in votes if d == day or (votes[d] >= 2 and abs(d - day) <= _SPREAD)]
        first, last = min(near), max(near)
        return EventTime(DaySpan(first, last, "day" if first == last else "range"), "articles", day, named)
    published = [a.ref_date for a in articles if a.ref_date is not None]
    if published:
        first = min(published)
        return EventTime(DaySpan(first - dt.timedelta(days=1), first, "range"), "publication")
    return UNKNOWN


def named_days(article: Article) -> tuple[dt.date, ...]:
    """The days an article names in its first sentences, within the week up
    to its publication (datelines and captions aside), in the order named."""
    if article.ref_date is None:
        return ()
    head = article.text[:_HEAD]  # the lead, and some: a sentence cut at its end is not read
    found: list[dt.date] = []
    read = 0
    for sentence in split_sentences(head):
        line_start = head.rfind("\n", 0, sentence.start) + 1
        line_end = head.find("\n", sentence.start)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        if layout.is_caption(line):
            continue
        read += 1
        if read > _LEAD:
            break
        if not _DAY_WORD.search(sentence.text) or datelines.is_stamp(line):
            continue
        place = datelines.place_of(line)  # "BEIJING, April 26 (Reuters) -": when it was filed
        for value in find_values(sentence.text, article.ref_date, figures=False):
            if place is not None and sentence.start + value.start - line_start == place:
                continue
            days = value.days
            if value.type == "date" and days is not None and days.grain == "day":
                if article.ref_date - _RECENT <= days.first <= article.ref_date and days.first not in found:
                    found.append(days.first)
    return tuple(found)
