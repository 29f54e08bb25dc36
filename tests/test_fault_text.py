"""Hostile text: format characters, exotic spaces, control characters in file
names, texts without sentence ends, patterns that would backtrack. Each case
asserts what is read, or what is printed, and that nothing else happens."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.read.text import MAX_SENTENCE, normalize, split_sentences
from checker.read.values import values_in
from checker.rules.patterns import MAX_SKIPS, PatternError, compile_pattern

ROOT = Path(__file__).resolve().parent.parent

# text -> (type, low, high) of the one value it holds
VALUES = {
    "zero-width space inside a figure": ("$6\u200b1 billion", ("money", 61e9, 61e9)),
    "right-to-left override inside a figure": ("$6\u202e1 billion", ("money", 61e9, 61e9)),
    "left-to-right mark after the sign": ("$\u200e61 billion", ("money", 61e9, 61e9)),
    "word joiner before the scale word": ("$61\u2060 billion", ("money", 61e9, 61e9)),
    "soft hyphen inside a figure": ("61\u00ad000 people", ("number", 61000, 61000)),
    "byte order mark inside the text": ("Officials said \ufeff24 people", ("number", 24, 24)),
    "zero-width joiner inside a scale word": ("$61 bil\u200dlion", ("money", 61e9, 61e9)),
    "no-break space grouping thousands": ("$61\u00a0000 million", ("money", 61e9, 61e9)),
    "thin space grouping thousands": ("61\u2009000 people", ("number", 61000, 61000)),
    "narrow no-break spaces grouping millions": ("1\u202f234\u202f567 votes", ("number", 1234567, 1234567)),
    "figure space grouping thousands": ("12\u2007500 troops", ("number", 12500, 12500)),
    "no-break space before the scale word": ("$61\u00a0billion", ("money", 61e9, 61e9)),
    "em space between figure and unit": ("36\u2003hours", ("duration", 36 * 3600, 36 * 3600)),
    "ideographic space before the figure": ("\u300024 people", ("number", 24, 24)),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_format_characters_and_exotic_spaces_read_as_a_reader_sees_them(name):
    text, (kind, low, high) = VALUES[name]
    found = list(values_in(normalize(text)))
    assert [(v.type, v.interval().low, v.interval().high) for v in found] == [(kind, low, high)]


@pytest.mark.parametrize("text", [
    "In 2019\u00a0200 people",  # four digits before it: not a group
    "1\u00a012 people",  # two digits after it
    "1\u00a01234 people",  # four after it
    "1.5\u00a0000 people",  # a decimal before it
    "61 000 people",  # an ordinary space groups nothing
])
def test_only_digits_grouped_in_threes_by_an_exotic_space_are_one_figure(text):
    assert normalize(text) == text.replace("\u00a0", " ")


def test_normalizing_keeps_the_length_and_where_each_word_starts():
    text = "The aid of $6\u200b1 billion, kil\u00adled \u202e24, 61\u00a0000 people"
    normal = normalize(text)
    assert len(normal) == len(text)
    for word in ("The", "aid", "of", "$6", "billion,", "kil"):
        assert normal.startswith(word.replace("\u200b", ""), text.index(word))


def _corpus(tmp_path: Path, texts: dict[str, str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    entries = []
    for n, (name, text) in enumerate(texts.items()):
        (corpus / name).write_text(text, encoding="utf-8")
        entries.append(f"  - file: {json.dumps(name)}\n    outlet: Outlet {n}\n    published: 2024-04-26\n")
    (corpus / "manifest.yaml").write_text("event: e\narticles:\n" + "".join(entries), encoding="utf-8")
    return corpus


RULES = "event: e\nfields:\n  - id: aid\n    type: money\n    patterns: ['{value} in aid']\n"


def _check(capsys, tmp_path, texts, *args):
    corpus = _corpus(tmp_path, texts)
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    before = {p: p.read_bytes() for p in corpus.iterdir()}
    status = main(["check", "--rules", str(tmp_path / "rules.yaml"), "--corpus", str(corpus), "--no-cache", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in corpus.iterdir()} == before  # the corpus is never modified
    return status, out, err


def test_a_hidden_character_in_a_figure_makes_no_false_conflict(capsys, tmp_path):
    status, out, _ = _check(capsys, tmp_path, {
        "a.txt": "Congress approved $61 billion in aid on Tuesday.\n",
        "b.txt": "Congress approved $6\u200b1 billion in aid on Tuesday.\n",
        "c.txt": "Congress approved $61\u00a0000 million in aid on Tuesday.\n",
    }, "--format", "json")
    (result,) = json.loads(out)["results"]
    assert status == 0 and result["verdict"] == "agree"
    assert [a["value"]["value"] for a in result["articles"]] == [61e9] * 3


@pytest.mark.parametrize("name, escaped", [
    ("a\nb.txt", "a\\nb.txt"), ("tab\there.txt", "tab\\there.txt"), ("esc\x1b[31m.txt", "esc\\x1b[31m.txt"),
    ("rtl\u202egnp.txt", "rtl\\u202egnp.txt"),
])
def test_a_file_name_with_control_characters_stays_on_its_line(capsys, tmp_path, name, escaped):
    status, out, _ = _check(capsys, tmp_path, {
        name: "Congress approved $61 billion in aid.\n", "other.txt": "Congress approved $95 billion in aid.\n",
    }, "--format", "lines")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 2
    assert all(line.count(": aid: ") == 1 for line in lines)
    assert any(line.startswith(f"{tmp_path / 'corpus'}/{escaped}:1:19: aid: ") for line in lines), lines


def test_github_annotations_encode_what_would_end_a_command(capsys, tmp_path):
    status, out, _ = _check(capsys, tmp_path, {
        "a\nb,c:d%.txt": "Congress approved $61 billion in aid.\n", "other.txt": "Congress approved $95 billion in aid.\n",
    }, "--format", "github")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 2 and all(line.startswith("::error file=") for line in lines)
    assert any("file=" + str(tmp_path / "corpus").replace(":", "%3A").replace(",", "%2C") + "/a%0Ab%2Cc%3Ad%25.txt,line=1,col=19," in line
               for line in lines), lines


def test_an_error_naming_a_file_with_a_newline_is_one_line(capsys, tmp_path):
    corpus = _corpus(tmp_path, {"bad\nname.txt": "x"})
    (corpus / "bad\nname.txt").write_bytes(b"\xff\xfe")
    status = main(["check", "--rules", str(ROOT / "rules"), "--corpus", str(corpus), "--no-cache"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "bad\\nname.txt:1:1: not UTF-8" in err


@pytest.mark.parametrize("text", [
    "word " * 5000,  # no sentence end at all
    "word, " * 3000,  # clauses only
    "x" * 30_000,  # one endless word
    ("a" * 600 + " ") * 40,  # long words
])
def test_no_sentence_is_longer_than_the_bound_and_none_is_lost(text):
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_long_sentence_is_cut_after_a_clause_where_it_can_be():
    text = ("The ministry said that " + "the convoy passed the villages " * 20 + "; ") * 3 + "then 24 people were killed."
    cuts = [s.text[-1] for s in split_sentences(text)[:-1]]
    assert set(cuts) == {";"}


@pytest.mark.parametrize("pattern, message, column", [
    ("{value} ... a ... b ... c ... killed", f"at most {MAX_SKIPS} '...' in one match", 27),
    ("[x ...] ... a ... b ... {value}", f"at most {MAX_SKIPS} '...' in one match", 21),
    ("(a ... b ... c|d) ... e ... {value}", f"at most {MAX_SKIPS} '...' in one match", 25),
])
def test_a_pattern_with_too_many_skips_is_refused_at_the_one_too_many(pattern, message, column):
    with pytest.raises(PatternError, match=message) as raised:
        compile_pattern(pattern)
    assert raised.value.column == column


def test_a_choice_counts_the_skips_of_its_largest_option_only():
    # one option is taken per match: four options with a skip each are one skip
    pattern = compile_pattern("(killed ... in|left ... dead|... died|wounded ... in) {value}")
    assert pattern.matches_around("left them all dead 24", 19, 21)


def test_adjacent_skips_count_as_one_of_their_summed_length():
    pattern = compile_pattern("killed " + "... " * 12 + "{value}")
    text = "killed " + "word " * 90 + "24"
    assert pattern.matches_around(text, len(text) - 2, len(text))
    assert not compile_pattern("killed ... {value}").matches_around(text, len(text) - 2, len(text))


@pytest.mark.parametrize("pattern, plain", [
    ("[a] [b] [c] ... ... ... {value} people", "{value} people"),
    ("killed ... {value} [at least] ...", "killed ... {value}"),
    ("... [about] {value}", "{value}"),
])
def test_skips_and_optional_words_at_the_far_ends_change_no_match(pattern, plain):
    full, bare = compile_pattern(pattern), compile_pattern(plain)
    for text in ("killed a b c 24 people", "killed 24 at least", "about 24 people", "24", "killed, some 24 people"):
        at = text.index("24")
        assert full.matches_around(text, at, at + 2) == bare.matches_around(text, at, at + 2)


def test_a_tab_moves_no_value_s_place():
    text = "Aid:\t$5\tmillion, then\t\t24 people\tand 3\tkm."
    found = [(v.text, v.type) for v in values_in(normalize(text), measures=True)]
    assert found == [("$5\tmillion", "money"), ("24", "number"), ("3\tkm", "quantity")]


def test_the_format_characters_are_unicode_s_category_cf():
    import sys
    import unicodedata

    from checker.read.text import _FORMAT

    cf = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    ours = {chr(c) for c in range(sys.maxunicode + 1) if _FORMAT.match(chr(c))}
    assert cf <= ours  # every one this Python knows
    assert all(unicodedata.category(c) in ("Cf", "Cn") for c in ours - cf)  # and others only where unassigned


def test_a_long_run_without_spaces_beside_a_hidden_character_normalises_whole():
    text = "x\u200by " + "\u4e2d" * 50_000 + " 1\u200b200"  # one format character, then a long run of CJK text
    normal = normalize(text)
    assert len(normal) == len(text) and normal.startswith("xy  ") and normal.endswith(" 1200 ")


def test_a_long_sentence_is_not_cut_inside_a_date():
    text = "The minister listed " + "the roads, " * 89 + "and the bridge that opened on July 12, 2014 in the north."
    values = [v for v in values_in(normalize(text)) if v.type == "date"]
    assert [(v.text, v.days.first.isoformat()) for v in values] == [("July 12, 2014", "2014-07-12")]


def test_an_article_s_escape_codes_never_reach_the_terminal(capsys, tmp_path):
    status, out, _ = _check(capsys, tmp_path, {
        "a.txt": "Congress approved $61 billion in aid.\x1b]0;pwned\x07\x1b[2J\n",
        "b.txt": "Congress approved $95 billion in aid.\n",
    }, "--explain", "aid", "--show-misses")
    assert "\x1b" not in out and "\x07" not in out and "\\x1b" in out


def test_values_shows_a_figure_a_hidden_character_split_as_it_reads(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("It cost 1\u200b200. Then $6\u200b1 million.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "checker", "values", str(tmp_path / "a.txt"), "--format", "json",
                           "--ref-date", "2024-05-03"], capture_output=True, text=True, cwd=ROOT)
    texts = [v["text"] for v in json.loads(done.stdout)["values"]]
    assert texts == ["1200", "$6\u200b1 million"]


def test_a_new_file_takes_the_user_s_umask(tmp_path):
    import os
    import subprocess
    import sys

    code = ("import os, sys; os.umask(0o077); from pathlib import Path; from checker.load.files import write_atomically;"
            " write_atomically(Path(sys.argv[1]), 'x')")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "f")], check=True, cwd=ROOT)
    assert os.stat(tmp_path / "f").st_mode & 0o777 == 0o600
