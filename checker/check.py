"""The whole check: rules and corpus in, one result per event and field out."""

from __future__ import annotations

from checker.compare import Result, judge
from checker.corpus import Corpus
from checker.extract import extract
from checker.rules import RuleSet


def check(rules: RuleSet, corpus: Corpus) -> tuple[Result, ...]:
    results = []
    for event in corpus.events:
        articles = tuple(a for a in corpus.articles if a.event == event)
        fields = rules.for_event(event)
        if not fields:
            continue
        mentions = [m for a in articles for m in extract(a, fields)]
        for field in fields:
            own = tuple(m for m in mentions if m.field == field.id)
            results.append(judge(event, field, articles, own))
    return tuple(results)
