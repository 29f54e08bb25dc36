"""Fractions and scaled money rendered in the styles news uses parse back (hypothesis).

A fraction is drawn as a count of parts ("two thirds", "a fifth"), maybe after
a whole number ("four and a fifth"), and written in words, in type ("3½") or
as a share ("3 out of 4"); an amount of money is drawn and written with a scale
word, a short scale, the trader's "MM", in full digits or grouped by spaces.
Each must read back as exactly one value, the one written.
"""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from test_properties import in_words
from test_renderings import only

# parts: denominator -> (singular, plural) as news writes them
PARTS = {
    2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
    6: ("sixth", "sixths"), 8: ("eighth", "eighths"), 10: ("tenth", "tenths"),
}
TYPESET = {Fraction(1, 2): "½", Fraction(1, 4): "¼", Fraction(3, 4): "¾", Fraction(1, 3): "⅓",
           Fraction(2, 3): "⅔", Fraction(1, 8): "⅛", Fraction(5, 8): "⅝"}


def parts_in_words(part: Fraction, article: str) -> str:
    """Fraction(2, 3) -> 'two thirds'; Fraction(1, 5) -> 'a fifth' (or 'one fifth')."""
    singular, plural = PARTS[part.denominator]
    if part.numerator == 1:
        article = "an" if article == "a" and singular[0] in "aeiou" else article
        return f"{article} {singular}"
    return f"{in_words(part.numerator)} {plural}"


@st.composite
def word_fractions(draw):
    """(text, value): 'two thirds', 'four and a fifth', 'six-and-a-half', '3½', '3 out of 4'."""
    denominator = draw(st.sampled_from(sorted(PARTS)))
    numerator = draw(st.integers(min_value=1, max_value=denominator - 1))
    part = Fraction(numerator, denominator)
    whole = draw(st.integers(min_value=0, max_value=20))
    style = draw(st.sampled_from(["words", "hyphenated", "typeset", "share"]))
    if style == "typeset":
        assume(part in TYPESET)
        return f"{whole or ''}{TYPESET[part]}", whole + float(part)
    if style == "share":
        of = draw(st.integers(min_value=numerator, max_value=60))
        return f"{numerator} out of {of}", numerator / of
    article = draw(st.sampled_from(["a", "one"]))
    if style == "hyphenated" and not whole:
        article = "one"  # one-half, one-third; never "a-half"
    fraction = parts_in_words(part, article)
    if style == "hyphenated":
        fraction = fraction.replace(" ", "-")
    if not whole:
        return fraction, float(part)
    joint = "-and-" if style == "hyphenated" else " and "
    return f"{in_words(whole)}{joint}{fraction}", whole + float(part)


@given(word_fractions())
def test_a_fraction_parses_back(drawn):
    text, value = drawn
    read = only(f"By the count, {text} of the members voted.")
    assert (read.text, read.type) == (text, "number")
    assert read.amount.low == read.amount.high == pytest.approx(value, rel=1e-12)


UNITS = {"minute": 60, "hour": 3600, "day": 86_400, "week": 604_800}


@given(st.integers(min_value=1, max_value=30), st.sampled_from(sorted(UNITS)),
       st.sampled_from(["{n} and a half {unit}s", "{n} {unit}s and a half", "{n}½ {unit}s", "{n}-and-a-half {unit}s"]))
def test_a_duration_with_a_half_parses_back(n, unit, form):
    words = in_words(n) if "½" not in form else str(n)
    text = form.format(n=words, unit=unit)
    read = only(f"The delegates waited {text} for an answer.")
    assert (read.text, read.type) == (text, "duration")
    assert read.amount.low == read.amount.high == pytest.approx((n + 0.5) * UNITS[unit], rel=1e-12)


SCALES = {"million": 1e6, "billion": 1e9}
SHORT = {"million": ["m", "mn", "MM"], "billion": ["bn", "b"]}


@st.composite
def scaled_money(draw):
    """(text, amount): '3.5 million dollars', '$3.5m', '$3.5MM', '3,500,000 dollars', '$3 500 000'."""
    whole = draw(st.integers(min_value=1, max_value=999))
    tenths = draw(st.integers(min_value=0, max_value=9))
    scale = draw(st.sampled_from(sorted(SCALES)))
    figure = f"{whole}.{tenths}" if tenths else str(whole)
    amount = (whole * 10 + tenths) * SCALES[scale] // 10
    style = draw(st.sampled_from(["name", "sign-word", "sign-short", "digits", "spaced", "code", "words"]))
    if style == "words":
        assume(not tenths)
        return f"{in_words(whole)} {scale} dollars", amount
    text = {
        "name": f"{figure} {scale} dollars",
        "sign-word": f"${figure} {scale}",
        "sign-short": f"${figure}{draw(st.sampled_from(SHORT[scale]))}",
        "digits": f"{int(amount):,} dollars",
        "spaced": f"${int(amount):,}".replace(",", " "),
        "code": f"USD {figure}{draw(st.sampled_from(SHORT[scale]))}",
    }[style]
    return text, amount


@given(scaled_money())
def test_scaled_money_parses_back(drawn):
    text, amount = drawn
    read = only(f"The fund committed {text} to the project, its managers said.")
    assert (read.text, read.type, read.currency) == (text, "money", "USD")
    assert read.amount.low == read.amount.high == pytest.approx(amount, rel=1e-12)
