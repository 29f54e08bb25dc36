"""The cache gives back exactly what extraction gave: every part of every claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.judge.cache import Cache, Entry
from checker.judge.eventtime import event_time
from checker.judge.leaddays import named_days
from checker.judge.extract import extract
from checker.load.corpus import load_corpus
from checker.rules.load import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [
    (ROOT / "rules", ROOT / "seeds"),
    (ROOT / "tests/corpora/earthquake/rules", ROOT / "tests/corpora/earthquake/corpus"),
    (ROOT / "tests/corpora/heist/rules", ROOT / "tests/corpora/heist/corpus"),
]


def _whole(claim):
    """A claim with the parts equality leaves out (stated, figure)."""
    return (claim.interval, claim.currency, claim.names, claim.stated, claim.figure)


@pytest.mark.parametrize("rules_dir, corpus_dir", CORPORA, ids=lambda p: p.parent.name)
def test_a_cached_article_reads_back_as_extracted(tmp_path, rules_dir, corpus_dir):
    rules = load_rules(rules_dir)
    cache = Cache(tmp_path / "cache")
    articles = load_corpus(corpus_dir).articles
    for article in articles:
        time = event_time([a for a in articles if a.event == article.event], named_days)
        entry = Entry(named_days(article), time.key, extract(article, rules.for_event(article.event), time))
        cache.store(article, rules.digest, entry)
        stored = cache.lookup(article, rules.digest)
        assert stored == entry  # every field of a mention, its background, source and day too
        assert [_whole(m.claim) for m in stored.mentions] == [_whole(m.claim) for m in entry.mentions]
    assert any(m.background or m.source for a in articles for m in cache.lookup(a, rules.digest).mentions)
    assert cache.corrupt == 0
