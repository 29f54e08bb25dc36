"""The days an article names for its event in its lead ("on Sunday", "on
July 6"): what `eventtime.event_time` decides the event's time from."""

from __future__ import annotations

import datetime as dt

from checker.load.corpus import Article
from checker.read import datelines, layout
from checker.read.datespec import MONTHS, WEEKDAYS
from checker.read.text import CaseBlind, article_sentences, word_alternation
from checker.read.values import sentence_values

_LEAD = 4  # sentences in which an article names the event's day
_HEAD = 3000  # characters they start within
_RECENT = dt.timedelta(days=7)
# what a day named in words or figures starts with
_DAY_WORD = CaseBlind(
    r"\b(?:" + word_alternation([*MONTHS, *WEEKDAYS, "yesterday", "today", "tonight"]) + r")\b|\d{4}-\d\d-\d\d|\d/\d"
)


def named_days(article: Article) -> tuple[dt.date, ...]:
    """The days an article names in its first sentences, within the week up
    to its publication (datelines and captions aside), in the order named."""
    if article.ref_date is None:
        return ()
    text = article.text
    found: list[dt.date] = []
    read = 0
    captions: dict[int, bool] = {}  # by line start: a paragraph is a line of several sentences
    for sentence in article_sentences(text):  # the split its fields are read from next
        if sentence.start >= _HEAD:
            break
        # its line within the head: a text of one long line is not searched whole for each sentence
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.start, _HEAD)
        line = text[line_start : line_end if line_end >= 0 else _HEAD]
        if line_start not in captions:
            captions[line_start] = layout.is_caption(line)
        if captions[line_start]:
            continue
        read += 1
        if read > _LEAD:
            break
        if not _DAY_WORD.search(sentence.text) or datelines.is_stamp(line):
            continue
        place = datelines.place_of(line)  # "BEIJING, April 26 (Reuters) -": when it was filed
        for value in sentence_values(sentence.text, article.ref_date, figures=False):
            if place is not None and sentence.start + value.start - line_start == place:
                continue
            days = value.days
            if value.type == "date" and days is not None and days.grain == "day":
                if article.ref_date - _RECENT <= days.first <= article.ref_date and days.first not in found:
                    found.append(days.first)
    return tuple(found)
