"""Fuzzing the edges: random bytes, random Unicode (format characters, exotic
spaces, controls) and random YAML documents built from the real keys are fed
to the value reader, the `values` command and the rule and manifest loaders.
Nothing may raise but the documented one-line error (InputError).

Time is not asserted here: the benchmark shows the throughput on a 50 MB
article and on a pattern that would backtrack (bench/run.py)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.errors import InputError
from checker.load.corpus import load_corpus
from checker.read.text import MAX_SENTENCE, normalize, split_sentences
from checker.read.values import values_in
from checker.rules.load import CUE_KEYS, EXAMPLE_KEYS, FIELD_KEYS, FILE_KEYS, load_rules

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# what hostile text is made of: figures, words, and the characters that hide or reorder
HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(list("0123456789$€£%.,;:-–—'\"()[]{}\n\t ")),
        st.sampled_from(["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u00a0", "\u2009",
                         "\u202f", "\u3000", "\x1b", "\x7f", "\u2028", "\U000e0041"]),
        st.sampled_from(["million ", "billion ", "people ", "killed ", "on ", "May ", "Tuesday ", "at ", "p.m. ",
                         "magnitude ", "km ", "ago ", "last year ", "about ", "between ", "and "]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=120,
).map("".join)


@SETTINGS
@given(HOSTILE)
def test_any_text_reads_without_error_and_every_value_lies_in_it(text):
    normal = normalize(text)
    assert len(normal) == len(text)
    for value in values_in(normal, dt.date(2024, 4, 26), measures=True):
        assert 0 <= value.start < value.end <= len(text)


@SETTINGS
@given(HOSTILE.map(lambda t: t * 8))
def test_sentences_cover_the_text_and_none_is_longer_than_the_bound(text):
    for sentence in split_sentences(normalize(text)):
        assert len(sentence.text) <= MAX_SENTENCE
        assert normalize(text)[sentence.start : sentence.end] == sentence.text


def _one_line_or_nothing(status: int, err: str) -> None:
    assert "Traceback" not in err
    assert status in (0, 1, 2)
    if status == 2:
        assert err.count("\n") == 1 and err.startswith("claimcheck: ")


@settings(SETTINGS, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=300), HOSTILE.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_the_values_command_reads_any_file_or_says_why_not(capsys, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        status = main(["values", str(path)])
        _one_line_or_nothing(status, capsys.readouterr().err)
        assert path.read_bytes() == data


@SETTINGS
@given(st.one_of(st.binary(max_size=300), HOSTILE.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_as_a_rule_file_load_or_raise_input_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.yaml"
        path.write_bytes(data)
        try:
            load_rules(path)
        except InputError as error:
            assert "\n" not in str(error)


# YAML documents shaped like rule files and manifests, with wrong types anywhere
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.dates(), st.sampled_from(["{value}", "... {value} ...", "[a] {value}", "(a|b) {value}",
                                                       "{value} {value}", "{x}", "[", "count", "money", "date",
                                                       "USD", "km", "10%", "Asia/Jakarta", "Mars/Base"]),
)


def _mapping(keys, values):
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


TREES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      _mapping(EXAMPLE_KEYS + CUE_KEYS, inner)), max_leaves=8)
FIELDS = _mapping(FIELD_KEYS, TREES) | _mapping(("id", "type", "patterns", "near"), SCALARS)
RULE_FILES = st.one_of(
    st.fixed_dictionaries({"event": SCALARS, "fields": st.lists(FIELDS, max_size=3)}),
    _mapping(FILE_KEYS, TREES),
)
MANIFESTS = st.fixed_dictionaries({
    "event": SCALARS,
    "articles": st.lists(st.one_of(
        _mapping(("file", "outlet", "published", "url", "timezone", "event"), SCALARS),
        st.fixed_dictionaries({"file": st.just("a.txt")}, optional={"published": SCALARS, "outlet": SCALARS}),
        SCALARS,
    ), max_size=3),
}, optional={"date": SCALARS, "timezone": SCALARS})


def _yaml(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@SETTINGS
@given(RULE_FILES)
def test_any_rule_file_shape_loads_or_raises_input_error(document):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.yaml"
        path.write_text(_yaml(document), encoding="utf-8")
        try:
            load_rules(path)
        except InputError as error:
            assert "\n" not in str(error)


@SETTINGS
@given(MANIFESTS)
def test_any_manifest_shape_loads_or_raises_input_error(document):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_text("On Tuesday, 24 people were killed.\n", encoding="utf-8")
        (Path(folder) / "manifest.yaml").write_text(_yaml(document), encoding="utf-8")
        try:
            load_corpus(Path(folder))
        except InputError as error:
            assert "\n" not in str(error)
        assert (Path(folder) / "a.txt").read_text(encoding="utf-8") == "On Tuesday, 24 people were killed.\n"
