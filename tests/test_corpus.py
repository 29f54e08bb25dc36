"""Corpus loading: manifest, articles without an entry, reference dates, sentences."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.load.corpus import dateline, load_corpus
from checker.read import text as text_module
from checker.read.text import LineIndex, split_sentences


def test_manifest_gives_outlet_event_and_published(root):
    corpus = load_corpus(root / "seeds", "seeds")
    by_file = {a.path.rsplit("/", 1)[-1][:3]: a for a in corpus.articles}
    assert by_file["002"].outlet == "NDTV (syndicated feed)"
    assert by_file["004"].ref_date == dt.date(2024, 4, 23)
    assert by_file["004"].inferred == ("published",)
    assert by_file["001"].inferred == ()
    assert {a.event for a in corpus.articles} == {"blinken-china-2024"}


def test_articles_without_manifest_use_file_name_and_dateline(seed_copy):
    (seed_copy / "manifest.yaml").unlink()
    corpus = load_corpus(seed_copy)
    by_file = {a.path.rsplit("/", 1)[-1][:3]: a for a in corpus.articles}
    assert by_file["001"].outlet == "001_c5d0d134103219b8.txt"
    assert by_file["001"].event == "seeds"
    # "Apr 26, 2024" on its own line
    assert (by_file["001"].ref_date, by_file["001"].ref_source) == (dt.date(2024, 4, 26), "dateline")
    # "BEIJING, April 26 (Reuters)": the year comes from the full date nearby,
    # not the photo caption's April 25
    assert by_file["003"].ref_date == dt.date(2024, 4, 26)
    # no dateline: unknown
    assert (by_file["002"].ref_date, by_file["002"].ref_source) == (None, "none")


def test_dateline_needs_a_place_or_a_line_of_its_own():
    assert dateline("Headline\n\nThe meeting on April 26, 2024 went well.") is None
    assert dateline("LONDON, March 3, 2023 (AP) - text") == dt.date(2023, 3, 3)


def test_sentences_keep_abbreviations_and_offsets():
    text = "The U.S. diplomat met Mr. Wang on Friday. He left.\n\nPhotograph: Getty Images\nNext line."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. diplomat met Mr. Wang on Friday.",
        "He left.",
        "Photograph: Getty Images",
        "Next line.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_hard_wrapped_sentence_stays_whole():
    text = "Blinken held talks with\nWang Yi in Beijing."
    assert [s.text for s in split_sentences(text)] == [text]


@pytest.mark.parametrize("head", [
    "Wed Mar 06 2019, 09:12 hrs",  # a dateline
    "Quake kills 12 in remote province",  # a headline
    "By Maria Lopez and Tom reporters",  # a byline
])
def test_a_short_line_without_punctuation_is_a_sentence_of_its_own(head):
    body = "A strong earthquake struck the region at 04:20 local time, officials said on Wednesday morning."
    assert [s.text for s in split_sentences(f"{head}\n{body}")] == [head, body]


def test_hard_wrapped_lines_of_one_width_stay_one_sentence():
    text = (
        "Blinken held five and a half hours of talks with China's top diplomat\n"
        "Wang Yi in Beijing on Friday, and the two sides agreed to keep talking\n"
        "through the summer."
    )
    assert [s.text for s in split_sentences(text)] == [text]


def test_line_index_is_one_based():
    index = LineIndex("ab\ncd\n")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)


# A line break that may end a sentence, as one regex: the line does not end
# in a space, comma, colon, semicolon, bracket or dash, and what follows
# starts like a sentence. The splitter finds the same breaks from the break.
_LINE_END_AS_ONE_REGEX = re.compile(r"(?<=[^\s,;:(\-])[ \t]*\n(?=[ \t]*[\"'(]?[A-Z0-9])")


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(["word", "Word", "7", " ", "  ", "\t", "\n", ",", ";", ":", "(", "-", ".", '"', "'",
                                 "\r", "\u00a0", "A", "é", "\n\n"]), max_size=30))
def test_a_line_ends_a_sentence_where_the_one_regex_says_it_may(parts):
    text = "".join(parts)
    by_regex = [text.index("\n", m.start()) for m in _LINE_END_AS_ONE_REGEX.finditer(text)]
    from_breaks = [m.start() for m in text_module._BREAK_BEFORE_START.finditer(text) if not text_module._ran_on(text, m.start())]
    assert from_breaks == by_regex


def _word_start_by_steps(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["word", "U.S", "x" * 70, " ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\x85", "é", "(", '"']),
                max_size=20), st.data())
def test_a_stop_s_word_is_found_back_to_any_kind_of_space(parts, data):
    text = "".join(parts)
    end = data.draw(st.integers(0, len(text)))
    assert text_module._word_start(text, end) == _word_start_by_steps(text, end)


_STOP_AS_ONE_REGEX = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(["word", "Word", "7", " ", "\n", ".", "!", "?", '"', "'", ")", "]", "(", "[", "..."]), max_size=30))
def test_the_stops_found_mark_by_mark_are_those_of_one_regex(parts):
    text = "".join(parts)
    by_mark = sorted(m.span() for stop in text_module._STOPS for m in stop.finditer(text))
    assert by_mark == [m.span() for m in _STOP_AS_ONE_REGEX.finditer(text)]
