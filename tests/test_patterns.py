"""The pattern language: words, `...`, `[optional]`, `(a|b)`, `{value}`."""

import pytest

from checker.rules.patterns import PatternError, compile_pattern
from checker.read.text import normalize


def matches(pattern: str, text: str, value: str) -> bool:
    text = normalize(text)
    start = text.index(value)
    return compile_pattern(pattern).matches_around(text, start, start + len(value))


@pytest.mark.parametrize(
    "pattern, text, value, expected",
    [
        ("{value} of talks with ... Wang Yi", "5 hours of talks with China's top diplomat Wang Yi", "5 hours", True),
        ("{value} of talks with ... Wang Yi", "5 hours of talks with Wang Yi", "5 hours", True),
        # ... skips at most eight words
        ("{value} talks with ... Wang Yi", "5 hours talks with a b c d e f g h Wang Yi", "5 hours", True),
        ("{value} talks with ... Wang Yi", "5 hours talks with a b c d e f g h i Wang Yi", "5 hours", False),
        # words match whole and in any case
        ("{value} for Ukraine", "$61 billion FOR UKRAINE", "$61 billion", True),
        ("{value} for Ukraine", "$61 billion for Ukrainemania", "$61 billion", False),
        # across line breaks and typographic variants
        ("{value} to counter China's military", "$8 billion to\ncounter China\u2019s military", "$8 billion", True),
        ("{value} Biden-Xi summit", "the 2023 Biden\u2013Xi summit", "2023", True),
        # optional words
        ("end of his visit [on] {value}", "at the end of his visit on Friday", "Friday", True),
        ("end of his visit [on] {value}", "at the end of his visit Friday", "Friday", True),
        # choices
        ("{value} in (defense|defence) aid", "billions in defence aid", "billions", True),
        ("{value} in (defense|defence) aid", "billions in military aid", "billions", False),
        ("(landed|arrived) in [mainland] China on {value}", "arrived in mainland China on Wednesday", "Wednesday", True),
        # the value must stand exactly where the slot is
        ("landed in China on {value}", "landed in China on the night of Wednesday", "Wednesday", False),
        # however many spaces stand between the words (a text set in justified columns)
        ("talks lasted {value}", "talks" + " " * 300 + "lasted" + " " * 200 + "5 hours", "5 hours", True),
        ("talks ... lasted {value}", "talks a" + " " * 400 + "b lasted 5 hours", "5 hours", True),
        ("talks ... lasted {value}", "talks a b c d e f g h i" + " " * 400 + "lasted 5 hours", "5 hours", False),
    ],
)
def test_pattern_matches(pattern, text, value, expected):
    assert matches(pattern, text, value) is expected


def test_keywords_are_the_required_words():
    pattern = compile_pattern("{value} in [defence] (aid|help) for Taiwan")
    assert pattern.keywords == ("in", "for", "taiwan")


@pytest.mark.parametrize(
    "pattern, message, column",
    [
        ("no value here", "no {value}", 1),
        ("{value} and {value}", "more than one {value}", 13),
        ("{value} of [talks", "unbalanced '['", 12),
        ("({value}|x) talks", "cannot be optional", 2),
        ("{valeu} of talks", "unknown placeholder", 1),
        ("{value} ] talks", "unexpected ']'", 9),
    ],
)
def test_bad_patterns_name_the_column(pattern, message, column):
    with pytest.raises(PatternError) as error:
        compile_pattern(pattern)
    assert message in str(error.value)
    assert error.value.column == column
