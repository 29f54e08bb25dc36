"""Which events a set of changed files touches, as pre-commit passes them.

An article touches its event, a manifest every event of its articles, a rule
file the event it names (a common rule file, every event). Other files touch
nothing. Each touched event is then checked whole: a changed article is still
compared with every other article of its event.
"""

from __future__ import annotations

from pathlib import Path

from checker.corpus import MANIFEST, Corpus
from checker.rules import RuleSet


def touched_events(paths: list[str], corpus: Corpus, rules: RuleSet) -> frozenset[str]:
    changed = {Path(p).resolve() for p in paths}
    events = set()
    for article in corpus.articles:
        path = Path(article.path).resolve()
        if path in changed or path.parent / MANIFEST in changed:
            events.add(article.event)
    for field in rules.fields:
        if Path(str(field.location.path)).resolve() in changed:
            if field.event is None:
                return frozenset(corpus.events)
            events.add(field.event)
    return frozenset(events)
