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
