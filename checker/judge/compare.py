"""Per event and field: combine each article's mentions, then give a verdict."""

from __future__ import annotations

from typing import Literal, get_args

import attrs

from checker.fieldtypes import Claim
from checker.judge.extract import Mention, Miss
from checker.load.corpus import Article
from checker.rules.model import SEVERITIES, Field

Verdict = Literal[
    "agree", "compatible", "conflict", "self-contradiction", "single-source", "missing", "not-comparable",
]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
DISCREPANCIES = ("conflict", "self-contradiction")


@attrs.frozen(slots=True)
class ArticleValue:
    """One article's combined value for a field (None: it does not state one)."""

    article: str
    outlet: str
    claim: Claim | None
    mentions: tuple[Mention, ...]
    self_contradiction: bool = False
    omits: frozenset[str] = frozenset()  # set fields: items others name


@attrs.frozen(slots=True)
class Result:
    event: str
    field: Field
    verdict: Verdict
    values: tuple[ArticleValue, ...]  # one per article of the event, corpus order
    groups: tuple[tuple[str, ...], ...] = ()  # conflict: articles on each side
    misses: tuple[Miss, ...] = ()  # cue words but no value, when asked for
    accepted: bool = False  # a discrepancy the baseline accepts

    @property
    def is_discrepancy(self) -> bool:
        return self.verdict in DISCREPANCIES

    def fails(self, threshold: str) -> bool:
        return (
            self.is_discrepancy and not self.accepted
            and SEVERITIES.index(self.field.severity) >= SEVERITIES.index(threshold)
        )

    @property
    def stated(self) -> tuple[ArticleValue, ...]:
        return tuple(v for v in self.values if v.claim is not None)


def combine(field: Field, mentions: tuple[Mention, ...]) -> tuple[Claim | None, bool]:
    """An article's mentions as one claim, and whether they contradict each other."""
    return field.kind.combine(field, [m.claim for m in mentions])


def judge(event: str, field: Field, articles: tuple[Article, ...], mentions: tuple[Mention, ...]) -> Result:
    by_article = {a.path: [] for a in articles}
    for mention in mentions:
        by_article[mention.article].append(mention)
    values = []
    for article in articles:
        own = tuple(by_article[article.path])
        claim, contradicts = combine(field, own)
        values.append(ArticleValue(article.path, article.outlet, claim, own, contradicts))
    values = field.kind.with_omissions(values)
    verdict, groups = _verdict(field, [v for v in values if v.claim is not None])
    return Result(event, field, verdict, tuple(values), groups)


def _verdict(field: Field, stated: list[ArticleValue]) -> tuple[str, tuple]:
    if any(v.self_contradiction for v in stated):
        return "self-contradiction", ()
    if not stated:
        return "missing", ()
    if len(stated) == 1:
        return "single-source", ()
    claims = [v.claim for v in stated]
    if all(c == claims[0] for c in claims):
        return "agree", ()
    return field.kind.verdict(field, stated)
