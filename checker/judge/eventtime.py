"""The event's time: when what the articles report happened.

The manifest may say (`date: 2025-07-09`, or `2025-07-08..2025-07-10` for
events that span days). Otherwise it is inferred from the articles: each
article names a day for the event in its first sentences ("on Sunday", "on
July 6"), never later than its publication nor more than a week before it;
the event's days are the one most articles name (the earliest of a tie) and
any other named within three days of it (a visit over several days). When
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

import attrs

from checker.load.corpus import Article
from checker.read import datelines, layout
from checker.read.dategrammar import DaySpan
from checker.read.text import split_sentences
from checker.read.values import find_values

_LEAD = 5  # sentences in which an article names the event's day
_RECENT = dt.timedelta(days=7)
_SPREAD = dt.timedelta(days=3)  # how far from the commonest day another named day may extend the event


@attrs.frozen(slots=True)
class EventTime:
    span: DaySpan | None
    source: str  # manifest | articles | publication | unknown
    named: tuple[tuple[str, dt.date], ...] = ()  # article path -> the day it names

    def day_named_by(self, article: str) -> dt.date | None:
        return dict(self.named).get(article)

    def day_for_times(self, article: Article) -> tuple[dt.date | None, str]:
        """The day a time of day takes when its sentence names none, and why."""
        named = self.day_named_by(article.path)
        if named is not None:
            return named, "the day the article names for the event"
        if self.span is not None and self.span.first == self.span.last:
            return self.span.first, "the event's day"
        return article.ref_date, "the publication date"

    @property
    def key(self) -> str:
        """What extraction depends on, for the cache."""
        return f"{self.span and (self.span.first, self.span.last)}|{self.named}"

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


def event_time(articles: tuple[Article, ...] | list[Article]) -> EventTime:
    """The time of the event these articles report."""
    named = tuple((a.path, day) for a in articles if (day := named_day(a)) is not None)
    stated = next((a.event_date for a in articles if a.event_date is not None), None)
    if stated is not None:
        return EventTime(stated, "manifest", named)
    if named:
        counts = Counter(day for _, day in named)
        day = min(counts, key=lambda d: (-counts[d], d))
        # an event over several days: the days named within a few of the commonest
        near = [d for d in counts if abs(d - day) <= _SPREAD]
        first, last = min(near), max(near)
        return EventTime(DaySpan(first, last, "day" if first == last else "range"), "articles", named)
    published = [a.ref_date for a in articles if a.ref_date is not None]
    if published:
        first = min(published)
        return EventTime(DaySpan(first - dt.timedelta(days=1), first, "range"), "publication")
    return UNKNOWN


def named_day(article: Article) -> dt.date | None:
    """The first day an article names in its first sentences, within the week
    up to its publication (datelines aside: they say when it was filed)."""
    if article.ref_date is None:
        return None
    filed = datelines.spans(article.text[:2000])
    captions = layout.skipped_spans(article.text[:2000], frozenset({"captions"}))
    lead = [s for s in split_sentences(article.text)[: _LEAD * 2] if not any(a < s.end and s.start < b for a, b, _ in captions)]
    for sentence in lead[:_LEAD]:
        for value in find_values(sentence.text, article.ref_date):
            at = sentence.start + value.start
            if any(start <= at < end for start, end in filed):
                continue
            days = value.days
            if value.type == "date" and days is not None and days.grain == "day":
                if article.ref_date - _RECENT <= days.first <= article.ref_date:
                    return days.first
    return None
