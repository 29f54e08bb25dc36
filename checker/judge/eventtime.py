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
from collections import Counter
from typing import Callable

import attrs

from checker.load.corpus import Article
from checker.read.datespec import DaySpan

_SPREAD = dt.timedelta(days=3)  # how far from the commonest day another named day may extend the event


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
    articles: tuple[Article, ...] | list[Article], named_of: Callable[[Article], tuple[dt.date, ...]],
) -> EventTime:
    """The time of the event these articles report; `named_of` gives the
    days an article names (`leaddays.named_days`), asked only when needed."""
    stated = next((a.event_date for a in articles if a.event_date is not None), None)
    if stated is not None and stated.first == stated.last:  # one day: every time of day goes on it
        return EventTime(stated, "manifest", stated.first)
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
