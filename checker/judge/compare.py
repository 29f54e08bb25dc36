"""Per event and field: combine each article's mentions, then give a verdict.

The verdict is always the verdict across outlets. An article whose own
mentions do not hold together (a self-contradiction) is flagged on its own
and takes part with each of its values: it agrees with an outlet if one of
its values does, and the field's verdict is the best that some choice of one
value per such article gives. `self-contradiction` is the field's verdict
only when no other outlet states the field.
"""

from __future__ import annotations

import itertools
from typing import Literal, get_args

import attrs

from checker.fieldtypes import Claim
from checker.judge.eventtime import UNKNOWN, EventTime
from checker.judge.mention import Mention, Miss
from checker.load.corpus import Article
from checker.rules.model import SEVERITIES, Field

Verdict = Literal[
    "agree", "compatible", "conflict", "self-contradiction", "single-source", "missing", "not-comparable",
]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
DISCREPANCIES = ("conflict", "self-contradiction")


def fails(severity: str, accepted: bool, threshold: str) -> bool:
    """Whether a discrepancy of `severity` fails a check at `threshold` (`--fail-on`)."""
    return not accepted and SEVERITIES.index(severity) >= SEVERITIES.index(threshold)


@attrs.frozen(slots=True)
class ArticleValue:
    """One article's combined value for a field (None: it does not state one)."""

    article: str
    outlet: str
    claim: Claim | None
    mentions: tuple[Mention, ...]
    self_contradiction: bool = False
    omits: frozenset[str] = frozenset()  # set fields: items others name
    # a self-contradicting article's values, in text order (`claim` is the one
    # that took part in the verdict); otherwise just `claim`
    claims: tuple[Claim, ...] = ()

    @property
    def evidence(self) -> tuple[Mention, ...]:
        """The mentions that state the value the article took part with."""
        if not self.self_contradiction:
            return self.mentions
        return tuple(m for m in self.mentions if _states(m.claim, self.claim)) or self.mentions


def _states(part: Claim, whole: Claim) -> bool:
    """Whether a mention's claim is (part of) an article's value."""
    if part.interval is None or whole.interval is None:
        return bool(part.names) and part.names <= whole.names
    return part.meets(whole)


@attrs.frozen(slots=True)
class Result:
    event: str
    field: Field
    verdict: Verdict
    values: tuple[ArticleValue, ...]  # one per article of the event, corpus order
    groups: tuple[tuple[str, ...], ...] = ()  # conflict: articles on each side
    misses: tuple[Miss, ...] = ()  # cue words but no value, when asked for
    accepted: bool = False  # a discrepancy the baseline accepts
    background: tuple[Mention, ...] = ()  # mentions the field's scope leaves out, with their reasons
    event_time: EventTime = UNKNOWN

    @property
    def is_discrepancy(self) -> bool:
        """A conflict between outlets, or an article contradicting itself."""
        return self.verdict in DISCREPANCIES or bool(self.contradicting)

    @property
    def contradicting(self) -> tuple[ArticleValue, ...]:
        """The articles that contradict themselves."""
        return tuple(v for v in self.values if v.self_contradiction)

    def fails(self, threshold: str) -> bool:
        return self.is_discrepancy and fails(self.field.severity, self.accepted, threshold)

    @property
    def stated(self) -> tuple[ArticleValue, ...]:
        return tuple(v for v in self.values if v.claim is not None)


def combine(field: Field, mentions: tuple[Mention, ...]) -> tuple[Claim | None, bool]:
    """An article's mentions as one claim, and whether they contradict each other."""
    return field.kind.combine(field, [m.claim for m in mentions])


def judge(
    event: str, field: Field, articles: tuple[Article, ...], mentions: tuple[Mention, ...],
    misses: tuple[Miss, ...] = (), event_time: EventTime = UNKNOWN,
) -> Result:
    """The field's verdict across the articles, from its mentions: those of the
    event (or of the background, or both, as the field's `scope` says); its
    `misses` and the `event_time` are told on."""
    counted = tuple(m for m in mentions if _in_scope(field.scope, m))
    by_article = {a.path: [] for a in articles}
    for mention in counted:
        by_article[mention.article].append(mention)
    values = []
    for article in articles:
        own = tuple(by_article[article.path])
        claim, contradicts = combine(field, own)
        claims = field.kind.apart(field, [m.claim for m in own]) if contradicts else ((claim,) if claim else ())
        values.append(ArticleValue(article.path, article.outlet, claim, own, contradicts, claims=claims))
    values = field.kind.with_omissions(values)
    verdict, groups, chosen = _verdict(field, [v for v in values if v.claim is not None])
    values = [chosen.get(v.article, v) for v in values]
    left_out = tuple(m for m in mentions if not _in_scope(field.scope, m))
    return Result(event, field, verdict, tuple(values), groups, misses=misses, background=left_out, event_time=event_time)


def _in_scope(scope: str, mention: Mention) -> bool:
    """Whether a mention counts for a field of this scope: `event` (the default)
    counts what is not background, `background` only background, `any` both."""
    return scope == "any" or (mention.background is not None) == (scope == "background")


# Verdicts from best to worst, for choosing among a self-contradicting article's values.
_RANK = {"agree": 0, "compatible": 1, "not-comparable": 2, "conflict": 3}
_MOST_CHOICES = 4096  # combinations of self-contradicting articles' values tried


def _verdict(field: Field, stated: list[ArticleValue]) -> tuple[Verdict, tuple, dict]:
    """The field's verdict, the groups on each side of a conflict, and the
    value each self-contradicting article took part with (by article)."""
    if not stated:
        return "missing", (), {}
    if len(stated) == 1:
        return ("self-contradiction" if stated[0].self_contradiction else "single-source"), (), {}
    best = None
    for choice in itertools.islice(itertools.product(*(v.claims for v in stated)), _MOST_CHOICES):
        trial = [attrs.evolve(v, claim=c) if v.self_contradiction else v for v, c in zip(stated, choice)]
        verdict, groups = _across(field, trial)
        rank = (_RANK[verdict], len(groups))
        if best is None or rank < best[0]:
            best = (rank, verdict, groups, trial)
        if verdict == "agree":
            break
    _, verdict, groups, trial = best
    return verdict, groups, {v.article: v for v in trial if v.self_contradiction}


def _across(field: Field, stated: list[ArticleValue]) -> tuple[Verdict, tuple]:
    """The verdict between articles with one value each."""
    claims = [v.claim for v in stated]
    if all(c == claims[0] for c in claims) or _same_figure(claims):
        return "agree", ()
    return field.kind.verdict(field, stated)


def _same_figure(claims: list[Claim]) -> bool:
    """Whether every claim states one figure, some perhaps with "about":
    "approximately $410 million" and "$410 million" agree."""
    return all(c.figure is not None for c in claims) and len({(c.figure, c.currency) for c in claims}) == 1
