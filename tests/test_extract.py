"""Extraction details the seed report does not reach."""

import datetime as dt
import json

from checker.load.corpus import Article
from checker.judge.extract import extract
from checker.rules.load import load_rule_file


def text_field(tmp_path, patterns):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "fields:\n"
        "  - id: rank\n"
        "    type: text\n"
        f"    patterns: {json.dumps(patterns)}\n"
        "    choices: {alpha: [alpha], beta: [beta]}\n",
        encoding="utf-8",
    )
    (field,) = load_rule_file(path, str(path))
    return field


def article(text):
    return Article("a.txt", "A", "e", text, dt.date(2024, 4, 26), "test")


def test_every_pattern_reads_its_own_phrase_whatever_their_order(tmp_path):
    field = text_field(tmp_path, ["then {value}", "first {value}"])
    mentions = extract(article("First alpha, then beta."), (field,))
    assert [(m.text, set(m.claim.names)) for m in mentions] == [
        ("alpha", {"alpha"}),
        ("beta", {"beta"}),
    ]


def test_one_phrase_matched_by_two_patterns_is_one_mention(tmp_path):
    field = text_field(tmp_path, ["{value} ranked", "was {value}"])
    mentions = extract(article("It was alpha ranked."), (field,))
    assert [m.text for m in mentions] == ["alpha"]


def test_the_lead_of_an_article_on_one_long_line_is_read_within_its_head(monkeypatch):
    """Each lead sentence's line is cut at the head: a text of one 600 KB line is not searched whole per sentence."""
    from checker.judge import leaddays
    from checker.read import datelines

    lines = []
    monkeypatch.setattr(datelines, "is_stamp", lambda line: lines.append(len(line)) or False)
    text = "Talks ended on Friday. " * 1 + "The delegates met again and again. " * 17000
    assert leaddays.named_days(article(text)) == (dt.date(2024, 4, 26),)
    assert lines and max(lines) <= leaddays._HEAD


def test_a_field_without_cues_takes_what_its_patterns_take_whatever_the_other_figures():
    """Its values' claims are made only for what a pattern takes: the same values as weighing every figure."""
    from pathlib import Path

    from checker.judge.extract import _cued, _patterned
    from checker.load.corpus import load_corpus
    from checker.read.text import split_sentences, words_of
    from checker.read.values import sentence_values
    from checker.rules.load import load_rules

    root = Path(__file__).resolve().parent.parent
    pairs = [(root / "rules", root / "seeds"), *(
        (folder / "rules", folder / "corpus") for folder in sorted((root / "tests/corpora").glob("*")) if (folder / "corpus").is_dir()
    )]
    taken = 0
    for rules_dir, corpus_dir in pairs:
        fields = [f for f in load_rules(rules_dir).fields if f.kind.reads_values and f.near is None and f.not_near is None]
        for article in load_corpus(corpus_dir).articles:
            for sentence in split_sentences(article.text):
                words = words_of(sentence.text)
                for measures in (False, True):
                    values = sentence_values(sentence.text, article.ref_date, True, measures)
                    for field in (f for f in fields if f.kind.measures == measures):
                        found = _patterned(field, sentence.text, words, values, "UTC")
                        assert found == _cued(field, sentence.text, words, values, "UTC"), (field.id, sentence.text)
                        taken += len(found)
    assert taken > 20  # the corpora hold values these fields take: the comparison asks something
