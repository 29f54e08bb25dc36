"""The whole check: rules and corpus in, one result per event and field out."""

from __future__ import annotations

import attrs

from checker.cache import Cache
from checker.compare import Result, judge
from checker.corpus import Corpus
from checker.extract import extract, misses
from checker.rules import RuleSet


def check(
    rules: RuleSet, corpus: Corpus, show_misses: bool = False, cache: Cache | None = None,
    events: frozenset[str] | None = None,
) -> tuple[Result, ...]:
    """Every field of every event judged (or of `events` only).

    With `show_misses`, each result lists its misses; with a `cache`, an
    article already parsed under the same rules is not parsed again.
    """
    results = []
    for event in corpus.events:
        if events is not None and event not in events:
            continue
        articles = tuple(a for a in corpus.articles if a.event == event)
        fields = rules.for_event(event)
        if not fields:
            continue
        per_article = {
            a.path: cache.mentions(a, rules.digest, lambda a=a: extract(a, fields)) if cache else extract(a, fields)
            for a in articles
        }
        missed = (
            [m for a in articles for m in misses(a, fields, per_article[a.path])] if show_misses else []
        )
        mentions = [m for a in articles for m in per_article[a.path]]
        for field in fields:
            own = tuple(m for m in mentions if m.field == field.id)
            if own or field.event is not None:  # a common rule that finds nothing says nothing
                own_misses = tuple(m for m in missed if m.field == field.id)
                results.append(attrs.evolve(judge(event, field, articles, own), misses=own_misses))
    return tuple(results)
