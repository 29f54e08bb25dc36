"""The cache gives back exactly what extraction gave: every part of every claim."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.fieldtypes import Claim, Stated
from checker.judge.cache import Cache, Entry, decoded, encoded
from checker.judge.mention import Mention
from checker.read.intervals import Interval
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


# -- an entry's encoding ---------------------------------------------------------------
_TEXT = st.text(max_size=12)
_OPTIONAL = st.none() | _TEXT
_FLOAT = st.floats(allow_nan=False)
_CLAIMS = st.builds(
    Claim,
    st.none() | st.builds(Interval, _FLOAT, _FLOAT, st.booleans(), st.booleans()),
    _OPTIONAL,
    st.frozensets(_TEXT, max_size=3),
    st.none() | st.builds(Stated, _FLOAT, _OPTIONAL, _OPTIONAL),
    st.none() | _FLOAT,
)
_ARTICLE = load_corpus(ROOT / "seeds").articles[0]
_INT = st.integers(0, 10**9)
_MENTIONS = st.builds(
    Mention, _TEXT, st.just(_ARTICLE.path), st.just(_ARTICLE.outlet), _INT, _INT, _INT, _INT, _TEXT,
    st.sampled_from(["One sentence.", "Another, said «police».", ""]) | _TEXT,  # sentences shared by mentions
    _CLAIMS, _INT, _OPTIONAL, _OPTIONAL, _OPTIONAL,
)
_ENTRIES = st.builds(Entry, st.none() | st.lists(st.dates(), max_size=3).map(tuple), _TEXT,
                     st.lists(_MENTIONS, max_size=6).map(tuple))


@settings(max_examples=300)
@given(_ENTRIES)
def test_an_entry_reads_back_from_its_encoding_whole(entry):
    back = decoded(encoded(entry), _ARTICLE)
    assert back == entry
    assert [_whole(m.claim) for m in back.mentions] == [_whole(m.claim) for m in entry.mentions]


@settings(max_examples=300, deadline=None)  # a header may declare a tuple of millions of items
@given(st.binary(max_size=64) | _ENTRIES.map(lambda e: encoded(e)[: len(encoded(e)) // 2]) | st.builds(
    marshal.dumps, st.recursive(
        st.none() | st.integers() | st.text(max_size=4),
        lambda inner: st.tuples(inner, inner, inner, inner) | st.dictionaries(st.text(max_size=2), inner, max_size=2),
    )
) | st.just(marshal.dumps((None, "", {}, (("f", 1, 1, 1, 1, "t", "s0", 0, None, None, (), None, None, None, None, None),)))))
def test_bytes_that_are_no_entry_are_said_to_be_none(body):
    """A row whose checksum holds but is not an entry (written by hand, or by other code) is counted corrupt."""
    try:
        entry = decoded(body, _ARTICLE)
    except ValueError:
        return
    assert isinstance(entry, Entry) and all(isinstance(m, Mention) for m in entry.mentions)
