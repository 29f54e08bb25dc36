"""Which events a set of changed files touches, as pre-commit passes them.

An article touches its event, a manifest every event of its articles, a rule
file the event it names (a common rule file, every event), a corpus kept in
one JSON-lines file every event. Other files touch
nothing. Each touched event is then checked whole: a changed article is still
compared with every other article of its event.
"""

from __future__ import annotations

from pathlib import Path

from checker.load.corpus import ARTICLE_SUFFIXES, MANIFEST, Corpus
from checker.rules.model import RuleSet


def article_folders(paths: list[str], corpus_root: Path, rules: RuleSet) -> set[Path] | None:
    """The corpus folders the changed files are in, or None when the whole corpus must be read.

    A changed rule file may concern any event, so it needs the whole corpus;
    changed articles and manifests need only their own folders.
    """
    root = corpus_root.resolve()
    rule_files = {Path(str(f.location.path)).resolve() for f in rules.fields}
    folders = set()
    for path in (Path(p).resolve() for p in paths):
        if path in rule_files:
            return None
        if path.is_relative_to(root) and (path.suffix in ARTICLE_SUFFIXES or path.name == MANIFEST):
            folders.add(path.parent)
    return folders


def touched_events(paths: list[str], corpus: Corpus, rules: RuleSet) -> frozenset[str]:
    changed = {Path(p).resolve() for p in paths}
    if Path(corpus.root).resolve() in changed:  # a corpus in one file (JSON lines): all of it
        return frozenset(corpus.events)
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
