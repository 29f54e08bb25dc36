"""Per event and field: combine each article's mentions, then give a verdict."""

from __future__ import annotations

import attrs

from checker.load.corpus import Article
from checker.judge.extract import Claim, Mention
from checker.read.intervals import intersect_all
from checker.rules.load import SEVERITIES, Field

VERDICTS = (
    "agree", "compatible", "conflict", "self-contradiction", "single-source",
    "missing", "not-comparable",
)
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
    verdict: str
    values: tuple[ArticleValue, ...]  # one per article of the event, corpus order
    groups: tuple[tuple[str, ...], ...] = ()  # conflict: articles on each side
    misses: tuple = ()  # extract.Miss: cue words but no value, when asked for
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
    claims = [m.claim for m in mentions]
    if field.type in ("text", "set"):
        names = frozenset().union(*(c.names for c in claims)) if claims else frozenset()
        if not names:
            return None, False
        return Claim(names=names), field.type == "text" and len(names) > 1
    known = [c for c in claims if c.interval is not None]  # unresolved dates never count
    if not known:
        return None, False
    if len({c.currency for c in known}) > 1:
        converted = _in_one_currency(field, known)
        if converted is None:
            return known[0], False
        known = converted
    if field.combine == "first":
        return known[0], False
    if field.combine == "max":
        return max(known, key=lambda c: (c.interval.low, c.interval.high)), False
    if field.combine == "min":
        return min(known, key=lambda c: (c.interval.high, c.interval.low)), False
    together = intersect_all(c.interval for c in known)
    if together.is_empty:
        return known[0], True
    stated = known[0].stated if together == known[0].interval else None
    return Claim(together, known[0].currency, stated=stated), False


def judge(event: str, field: Field, articles: tuple[Article, ...], mentions: tuple[Mention, ...]) -> Result:
    by_article = {a.path: [] for a in articles}
    for mention in mentions:
        by_article[mention.article].append(mention)
    values = []
    for article in articles:
        own = tuple(by_article[article.path])
        claim, contradicts = combine(field, own)
        values.append(ArticleValue(article.path, article.outlet, claim, own, contradicts))
    stated = [v for v in values if v.claim is not None]
    if field.type == "set" and stated:
        union = frozenset().union(*(v.claim.names for v in stated))
        values = [attrs.evolve(v, omits=union - v.claim.names) if v.claim else v for v in values]
        stated = [v for v in values if v.claim is not None]
    verdict, groups = _verdict(field, stated)
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
    if field.type == "set":
        return ("conflict" if field.exhaustive else "compatible"), ()
    if field.type == "text":
        return "conflict", _group_by(stated, lambda v: v.claim.names)
    if len({c.currency for c in claims}) > 1:
        converted = _in_one_currency(field, claims)
        if converted is None:
            return "not-comparable", ()
        stated = [attrs.evolve(v, claim=c) for v, c in zip(stated, converted)]
        claims = converted
    if not intersect_all(c.interval for c in claims).is_empty:
        return "compatible", ()
    return "conflict", _interval_groups(stated)


def _in_one_currency(field: Field, claims: list[Claim]) -> list[Claim] | None:
    """Money in several currencies, converted through the field's declared rates, or None."""
    into = field.unit or "USD"
    if field.rates is None:
        return None
    converted = [field.rates.convert(c.interval, c.currency, into) for c in claims]
    if any(i is None for i in converted):
        return None
    return [Claim(i, into) for i in converted]


def _group_by(stated, key) -> tuple:
    groups: dict = {}
    for v in stated:
        groups.setdefault(key(v), []).append(v.article)
    return tuple(tuple(g) for g in groups.values())


def _interval_groups(stated) -> tuple:
    """Outlets whose values can all hold together, lowest first."""
    ordered = sorted(stated, key=lambda v: (v.claim.interval.low, v.claim.interval.high))
    groups, current, common = [], [], None
    for v in ordered:
        joined = v.claim.interval if common is None else common.intersect(v.claim.interval)
        if current and joined.is_empty:
            groups.append(tuple(current))
            current, joined = [], v.claim.interval
        current.append(v.article)
        common = joined
    groups.append(tuple(current))
    return tuple(groups)
