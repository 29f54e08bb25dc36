"""From articles and fields to mentions: where each article states each field."""

from __future__ import annotations

import functools
import re

from checker.fieldtypes import Claim
from checker.judge.attribution import source_of
from checker.judge.background import reasons as anchored
from checker.judge.eventtime import UNKNOWN, EventTime
from checker.judge.mention import Mention, Miss
from checker.load.corpus import Article
from checker.read import datelines, layout
from checker.read.text import COMMON_WORDS, LineIndex, article_sentences, one_line
from checker.read.values import find_values, sentence_values
from checker.rules.model import Field, Prefilter, prefilter
from checker.rules.patterns import Pattern, words_regex
from checker.rules.proximity import takes


# Each event's fields' prefilter, built once: keyed by the fields' ids, the
# entry holding the fields so that no id is reused while it is kept.
_PREFILTERS: dict[tuple[int, ...], Prefilter] = {}


def _prefilter(fields: tuple[Field, ...]) -> Prefilter:
    key = tuple(map(id, fields))
    found = _PREFILTERS.get(key)
    if found is None:
        if len(_PREFILTERS) >= 256:
            _PREFILTERS.clear()
        found = _PREFILTERS[key] = prefilter(fields)
    return found


def _sentences_for(article: Article, fields: tuple[Field, ...]):
    """Each sentence with the fields that could find something in it, skipping what they skip."""
    skipping = frozenset().union(*(f.skip for f in fields))
    skipped = layout.skipped_spans(article.text, skipping) if skipping else ()
    candidates = _prefilter(fields)
    for sentence in article_sentences(article.text):
        words = candidates.words_in(sentence.text)  # those the fields ask about
        live = [f for f in candidates.live(words) if f.in_scope(sentence.text)]
        if skipped and live:
            kinds = _layout_of(sentence.start, sentence.end, skipped)
            live = [f for f in live if not (f.skip & kinds)]
        if live:
            yield sentence, words, live


def extract(article: Article, fields: tuple[Field, ...], event: EventTime = UNKNOWN) -> tuple[Mention, ...]:
    """Every mention of every field in one article, in text order.

    `event` is the event's time: a value in a clause about an earlier time is
    marked as background, and a time of day with no day in its sentence takes
    the day the article names for the event, else the event's, else the
    publication date.
    """
    index = LineIndex(article.text)
    mentions = []
    dated = None  # the datelines' spans, found when a typed field first reads
    day, day_from = event.day_for_times(article)
    for sentence, words, live in _sentences_for(article, fields):
        # parsed only when a numeric field can apply; measures apart, since
        # reading them ("1500 hours" as a time) must not change what other fields read
        values: dict[bool, tuple] = {}
        background: dict[bool, dict] = {}
        source = None
        for field in live:
            if not field.kind.reads_values:
                found = [(start, end, claim, None) for start, end, claim in _named(field, sentence.text, words)]
            else:
                measures = field.kind.measures
                if measures not in values:
                    wanted = any(f.kind.takes_dates for f in live)
                    if dated is None:
                        dated = datelines.spans(article.text)
                    values[measures] = tuple(
                        v for v in sentence_values(sentence.text, article.ref_date, wanted, measures, day)
                        if not _inside(sentence.start + v.start, dated)  # a dateline is no field's value
                    )
                zone = article.timezone or field.timezone
                found = [(v.start, v.end, claim, v) for v, claim in _typed(field, sentence.text, words, values[measures], zone)]
                if found and measures not in background:  # which values are background, asked once found
                    background[measures] = _background(sentence.text, values[measures], wanted, article.ref_date, event)
            if found and source is None:
                source = source_of(sentence.text) or ""
            for start, end, claim, value in found:
                line, column = index.position(sentence.start + start)
                mentions.append(Mention(
                    field=field.id, article=article.path, outlet=article.outlet,
                    line=line, column=column, start=sentence.start + start,
                    end=sentence.start + end, text=sentence.text[start:end],
                    sentence=sentence.text, claim=claim, sentence_start=sentence.start,
                    background=background.get(field.kind.measures, {}).get((start, end)) if value else None,
                    source=source or None,
                    day_from=day_from if value is not None and value.type == "time" and not value.day_named else None,
                ))
    return tuple(mentions)


# A sentence that may name an earlier time in words alone ("last year", "two
# years ago"): its dates are read for background even when no field wants one.
# Years and dates with a figure ("in 2010", "May 3") are read anyway.
_MAY_ANCHOR = re.compile(r"\b(?:ago|last|earlier|previous|prior|before|yesterday)\b", re.IGNORECASE)


def _background(sentence: str, values: tuple, dated: bool, ref, event: EventTime) -> dict:
    """{(start, end): reason} of the sentence's values that are background."""
    if event.span is None:
        return {}
    pool = values
    if not dated and _MAY_ANCHOR.search(sentence):  # the dates it did not read
        taken = [(v.start, v.end) for v in values]
        extra = [
            v for v in sentence_values(sentence, ref, figures=False)
            if not any(s < v.end and v.start < e for s, e in taken)
        ]
        pool = tuple(sorted((*values, *extra), key=lambda v: v.start))
    return {(pool[i].start, pool[i].end): reason for i, reason in anchored(sentence, pool, event.span).items()}


@functools.lru_cache(maxsize=None)
def _word(word: str) -> re.Pattern:
    return re.compile(words_regex(word), re.IGNORECASE)


def _cues(field: Field, sentence: str) -> list[int]:
    """Where the field's cue words stand in the sentence: its `near` cues, or
    the telling words of a pattern when the sentence has every one of them."""
    found = [m.start() for m in field.near.regex.finditer(sentence)] if field.near is not None else []
    for pattern in field.patterns:
        telling = [k for k in pattern.keywords if k not in COMMON_WORDS]
        matches = [_word(k).search(sentence) for k in telling]
        if telling and all(matches):
            found.extend(m.start() for m in matches)
    return sorted(found)


def _likelihood(field: Field, sentence: str, cues: list[int], ref, zone) -> float:
    """1 / (1 + words between the nearest figure the field could take and a cue word), or 0."""
    figures = [v for v in find_values(sentence, ref, measures=field.kind.measures) if field.kind.claim(field, v, zone)]
    if not figures:
        return 0.0
    gap = min(len(sentence[min(v.start, c) : max(v.end, c)].split()) for v in figures for c in cues)
    return 1.0 / (1.0 + gap)


def misses(article: Article, fields: tuple[Field, ...], mentions: tuple[Mention, ...]) -> tuple[Miss, ...]:
    """Sentences with a field's cue words (a pattern's words, a `near` cue) but no mention of it."""
    index = LineIndex(article.text)
    found = {(m.field, m.sentence_start) for m in mentions}
    result = []
    for sentence, _, live in _sentences_for(article, fields):
        for field in live:
            if (field.id, sentence.start) in found:
                continue
            cues = _cues(field, sentence.text)
            if cues:
                line, column = index.position(sentence.start)
                likelihood = _likelihood(field, sentence.text, cues, article.ref_date, article.timezone or field.timezone)
                result.append(Miss(field.id, article.path, article.outlet, line, column, one_line(sentence.text), likelihood))
    return tuple(result)


def _inside(at: int, spans) -> bool:
    return any(start <= at < end for start, end in spans)


def _layout_of(start: int, end: int, skipped) -> frozenset[str]:
    """The kinds of skippable line (captions, bylines) the sentence at start:end is on."""
    return frozenset(kind for s, e, kind in skipped if s < end and start < e)


def _typed(field: Field, text: str, words: frozenset[str], values, zone: str | None) -> list:
    """(value, claim) of each value the field takes in the sentence."""
    read = _patterned if field.near is None and field.not_near is None else _cued
    return read(field, text, words, values, zone)


def _cued(field: Field, text: str, words: frozenset[str], values, zone: str | None) -> list:
    """`_typed` of a field with `near` or `not_near` cues, which weigh the sentence's other figures."""
    found = []
    fitting = [(v, _claim(field, v, text, zone)) for v in values]
    figures = [(v.start, v.end) for v, claim in fitting if claim is not None]
    for value, claim in fitting:
        if claim is None:
            continue
        matched = any(
            p.could_match(words) and p.matches_around(text, value.start, value.end) for p in field.patterns
        )
        others = [span for span in figures if span != (value.start, value.end)]
        if field.counting and not counts_one_of(field.counting, text, value.end):
            continue
        if takes(field.near, field.not_near, text, value.start, value.end, matched, others):
            found.append((value, claim))
    return found


def _patterned(field: Field, text: str, words: frozenset[str], values, zone: str | None) -> list:
    """`_typed` of a field without cues: a value is its when a pattern takes
    it, whatever other figures the sentence holds, so only those values' claims
    are made (most of a sentence's values are no field's)."""
    patterns = [p for p in field.patterns if p.could_match(words)]
    found = []
    for value in values:
        if not any(p.matches_around(text, value.start, value.end) for p in patterns):
            continue
        claim = _claim(field, value, text, zone)
        if claim is None or (field.counting and not counts_one_of(field.counting, text, value.end)):
            continue
        found.append((value, claim))
    return found


def _claim(field: Field, value, text: str, zone: str | None):
    """The claim the value makes for the field where it stands in the sentence, or None."""
    return field.kind.claim(field, value, zone) if field.kind.reads(value, text) else None


_WORD_AFTER = re.compile(r"[\s-]+(?:of\s+)?([A-Za-z][\w'’]*)")


def counts_one_of(nouns: frozenset[str], text: str, end: int) -> bool:
    """Whether one of the three words after a count is one of `nouns` ("24 people",
    "two dozen villagers", "24 of them", "24 more civilians"); a plural -s is allowed."""
    at = end
    for _ in range(3):
        match = _WORD_AFTER.match(text, at)
        if match is None:
            return False
        word = match.group(1).lower()
        if word in nouns or word.rstrip("s") in nouns or word + "s" in nouns:
            return True
        at = match.end()
    return False


def _named(field: Field, text: str, words: frozenset[str]) -> list:
    found = []
    if text.isascii() and not field.could_name(words):  # no choice phrase: no pattern's regex need be tried
        return found
    for pattern in field.patterns:
        if not pattern.could_match(words):
            continue
        for match in _slot_regex(pattern, field.choice_regex, not field.kind.single).finditer(text):
            start, end = match.span("value")
            if any(start < e and s < end for s, e, _ in found):
                continue  # another pattern already read this phrase
            names = frozenset(
                field.canonical(m.group(0)) for m in re.finditer(field.choice_regex, match.group("value"), re.IGNORECASE)
            )
            found.append((start, end, Claim(names=names)))
    return sorted(found, key=lambda f: f[0])


@functools.lru_cache(maxsize=None)
def _slot_regex(pattern: Pattern, choice: str, listed: bool) -> re.Pattern:
    if listed:  # a set: "machine tools, microelectronics and nitrocellulose"
        choice = rf"(?:{choice})(?:[\s,;]+(?:and\s+|or\s+|as\s+well\s+as\s+)?(?:{choice}))*"
    return pattern.full(choice)
