"""Numbers as news writes them: digits, words, scales, fractions, vague amounts.

Each grammar is a named pyparsing element that yields one `Amount`. They are
building blocks for `grammars`; each can be tried alone::

    amount   ::= range | number | vague_scaled
    range    ::= number (dash | "to") number                  # "5-7", "five to seven"
    number   ::= (digits [glued_scale] | word_integer) [and_fraction | slash_fraction] [scale_word]
                 | fraction | ordinal_words
    digits   ::= "1,200" | "2 345 678" | "5.5" | ".5" | "3½" | "½"   # glued_scale: "5bn", "12m", "3MM"
    word_integer ::= "sixty-one" | "two hundred and five" | "a hundred"
    and_fraction ::= "and" ("a" | "one") part | "and" count parts  # "and a fifth", "and three quarters"
    vague_scaled ::= vague ["hundred" | scale_word]            # "several", "dozens of", "billions"
    share    ::= count ("out of" ["every"] | "over") count     # "1 out of 4": 0.25

    >>> NUMBER.parse_string("five-and-a-half")[0]
    Amount(low=5.5, high=5.5, vague=False)
"""

from __future__ import annotations

import re

import pyparsing as pp

from checker.read.amount import VULGAR, VULGAR_FRACTIONS, Amount
from checker.read.text import word_alternation


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English
}
SCALE_ABBREVIATIONS = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "tn": 1e12, "trn": 1e12, "t": 1e12,
}
# Abbreviations that may also stand apart from the figure: "$3 bn", "12 mln".
SPACED_SCALES = {k: v for k, v in SCALE_ABBREVIATIONS.items() if len(k) > 1}
# Vague amounts and the intervals they stand for: [low, high).
VAGUE = {
    "a couple of": (2, 3),
    "a few": (2, 6),
    "a handful of": (2, 6),
    "several": (3, 10),
    "dozens of": (24, 100),
    "scores of": (40, 100),
    "hundreds of": (200, 1_000),
    "thousands of": (2_000, 1e6),
    "tens of thousands of": (20_000, 100_000),
    "hundreds of thousands of": (200_000, 1e6),
    "tens of millions of": (2e7, 1e8),
    "hundreds of millions of": (2e8, 1e9),
    "tens of billions of": (2e10, 1e11),
    "hundreds of billions of": (2e11, 1e12),
    "millions of": (2e6, 1e9),
    "billions of": (2e9, 1e12),
    "trillions of": (2e12, 1e15),
}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
# Ordinals that are also fractions only after "one", or "a ... of": "a fifth of"
ORDINAL_FRACTIONS = {
    "fifth": 1 / 5, "sixth": 1 / 6, "eighth": 1 / 8, "tenth": 1 / 10, "hundredth": 1 / 100, "thousandth": 1 / 1000,
}
# "twenty-fifth", "fiftieth", "hundredth": ordinals in words that carry a value.
# "first" to "nineteenth" do not ("for the first time", "a second term").
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}
_ORDINAL_TENS = {name[:-1] + "ieth": n for name, n in TENS.items()}  # "twentieth"

WORD_CHARS = pp.alphanums + "_"


def word(text: str) -> pp.ParserElement:
    """A whole word or phrase, case-insensitive, words separated by spaces or hyphens."""
    parts = text.split()
    if len(parts) == 1:
        return pp.CaselessKeyword(text, ident_chars=WORD_CHARS)
    return pp.Regex(
        r"\b" + r"[\s-]+".join(parts) + r"\b", flags=pp.re.IGNORECASE
    ).set_name(text)


def table(mapping: dict, name: str) -> pp.ParserElement:
    """One word out of `mapping`, yielding its value."""
    expr = pp.one_of(list(mapping), caseless=True, as_keyword=True)
    return expr.set_parse_action(lambda t: mapping[t[0].lower()]).set_name(name)


A = (word("a") | word("an")).set_name("a/an")
AND = pp.Suppress(word("and"))

# -- digits ---------------------------------------------------------------
_SCALE_SUFFIX = r"(?:bn|bln|mn|mln|mil|tn|trn|m|b|k)"
# a time unit glued to the figure: "3h", "24hrs", "3day", "4.5years"
GLUED_DURATION = r"(?:hrs?|h|days?|yrs?|years?|mins?|secs?|weeks?|months?)"
# Thousands grouped by plain spaces, as much of Europe prints them: "2 345 678".
# Only a head of one to three digits and groups of exactly three, and not when
# more digits follow after a space ("800 555 0134" is a telephone number); a
# year cannot be the head, so "in 2021 345 people" stays a year and a count.
SPACE_GROUPED = r"\d{1,3}(?: \d{3})+(?![\d,]| \d)"


def _digits(t) -> float:
    written = t[0].replace(",", "").replace(" ", "")
    if written[-1] in VULGAR_FRACTIONS:
        return float(written[:-1] or 0) + VULGAR_FRACTIONS[written[-1]]
    return float(written)


DIGITS = pp.Regex(
    r"(?:(?:(?:" + SPACE_GROUPED + r"|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d{1,2}(?!\w|\.\d))?|\.\d+)"  # "2.5e6" too
    r"(?:(?<=\d) ?" + VULGAR + r")?|" + VULGAR + ")"
    # not part of a longer token: "7:30", "24/7", "1.2.3", "5G", "45th", "10am"; "$3MM"
    r"(?!\d|[,:/.]\d)(?!(?!(?i:" + _SCALE_SUFFIX + "|" + GLUED_DURATION + r")\b|T\b|MM\b)[^\W\d_])"
).set_parse_action(_digits).set_name("digits")
# "the 45th anniversary"; dates ("April 26th") are read before this
ORDINAL = pp.Regex(r"(\d+)(?:st|nd|rd|th)\b").set_parse_action(
    lambda t: Amount.of(float(t[0][:-2]))
).set_name("ordinal")
# "12m", "3bn": a scale glued to the figure.
# "MM" is the money trader's million ("$3MM"), in capitals only: "3mm" is millimetres.
TRADERS_MILLION = "MM"
GLUED_SCALE = (
    pp.Regex("(?i:" + _SCALE_SUFFIX + r")(?![\w])|T(?![\w])|MM(?![\w])")  # "$2.1T", not "5t" (tonnes)
    .leave_whitespace()
    .set_parse_action(lambda t: 1e6 if t[0] == TRADERS_MILLION else SCALE_ABBREVIATIONS[t[0].lower()])
)

# -- words ----------------------------------------------------------------
# Numbers in words are matched by one regular expression and then summed in
# Python: a pyparsing grammar of the same shape backtracks over every prefix
# ("two" is tried as a tens word, a group, a scaled group...) and is ten
# times slower on the common case, a lone "two".
SCALE_WORD = table(SCALES | SPACED_SCALES, "scale word") | pp.Regex(r"MM\b").set_parse_action(lambda: 1e6)


def _any(words) -> str:
    return "(?:" + word_alternation(words) + r")\b"


_SEP = r"[\s-]+"
_BELOW_HUNDRED = (
    "(?:" + _any(TENS) + "(?:" + _SEP + _any(w for w, n in UNITS.items() if 0 < n < 10) + ")?|" + _any(UNITS) + ")"
)
_GROUP = (  # below a thousand: "two hundred and five", "a hundred", "sixty-one"
    "(?:(?:" + _BELOW_HUNDRED + "|an?)" + _SEP + r"hundred\b(?:" + _SEP + "(?:and" + _SEP + ")?"
    + _BELOW_HUNDRED + ")?|" + _BELOW_HUNDRED + ")"
)
_SCALE = _any([*SCALES, *SPACED_SCALES])
_GROUP_OR_A = "(?:" + _GROUP + "|an?(?=" + _SEP + _SCALE + "))"
_DIGIT_WORD = _any(w for w, n in UNITS.items() if n < 10)
_POINT = r"(?:\s+point(?:\s+" + _DIGIT_WORD + ")+)?"  # "two point two million"
_WORD_NUMBER = (
    _GROUP_OR_A + _POINT + "(?:" + _SEP + _SCALE + "(?:" + _SEP + "(?:and" + _SEP + ")?" + _GROUP_OR_A + ")?)*"
)


def _sum_words(t) -> Amount:
    """"nine hundred ninety-nine thousand" -> 999000; the scale is the last one, if nothing follows."""
    total = current = 0
    scale = 1
    decimals = 0  # digits read after "point"
    for token in re.findall(r"[a-z]+", t[0].lower()):
        if token in ("a", "an"):
            current = 1
        elif token == "point":
            decimals = 1
        elif decimals and token in UNITS:
            current += UNITS[token] / 10**decimals
            decimals += 1
        elif token in UNITS or token in TENS:
            current += UNITS.get(token) or TENS.get(token, 0)
        elif token == "hundred":
            current = (current or 1) * 100
        elif token != "and":
            decimals = 0
            scale = SCALES.get(token) or SPACED_SCALES[token]
            total += (current or 1) * scale
            current = 0
    if current:
        scale = 1
    return Amount(float(total + current), float(total + current), scale=float(scale))


WORD_INTEGER = pp.Regex(r"\b" + _WORD_NUMBER, flags=re.IGNORECASE).set_parse_action(_sum_words).set_name(
    "number in words"
)

# -- fractions ------------------------------------------------------------
FRACTION_WORD = table(FRACTIONS, "fraction")
PLURAL_FRACTIONS = {"halves": 0.5, "thirds": 1 / 3, "quarters": 0.25, "fourths": 0.25} | {
    name + "s": x for name, x in ORDINAL_FRACTIONS.items()
}


def _fraction(t) -> float:
    count, part = re.split(_SEP, t[0].lower())
    fraction = FRACTIONS.get(part) or ORDINAL_FRACTIONS.get(part) or PLURAL_FRACTIONS[part]
    return (UNITS.get(count) or 1) * fraction


# "a fifth", "two-thirds", "three quarters": a count of parts, as words
_PARTS = (
    "(?:(?:an?|one)" + _SEP + _any([*FRACTIONS, *ORDINAL_FRACTIONS])
    + "|" + _any(w for w, n in UNITS.items() if n > 1) + _SEP + _any(PLURAL_FRACTIONS) + ")"
)
# "and a half", "-and-a-half", "four and a fifth", "one and three quarters"
# (an And of one, so that a results name on it keeps a list, as dategrammar's spans expect)
AND_FRACTION = pp.And([
    pp.Regex(r"-?and" + _SEP + "(?P<parts>" + _PARTS + ")", flags=re.IGNORECASE)
    .set_parse_action(lambda t: _fraction([t["parts"]]))
]).set_name("and a half")


# "a third", "one-quarter", "two-thirds", "three quarters", "one fifth", "a
# tenth of"; a bare "third" is an ordinal ("the third time"), and so is "a
# third" before a noun ("a third term"): a fraction is of something, or ends
# the phrase, or scales ("a quarter million").
_FRACTION_END = r"(?=\s+of\b|\s*[,.;:)!?]|\s*$|\s+(?:a\s+)?(?:" + "|".join(["hundred", *SCALES]) + r")\b)"
FRACTION = pp.Regex(
    r"\b(?:" + _any(w for w, n in UNITS.items() if n > 1) + _SEP + _any(PLURAL_FRACTIONS)
    + "|(?:(?:an?|one)" + _SEP + _any(FRACTIONS) + "|(?:an?|one)" + _SEP + _any(ORDINAL_FRACTIONS) + ")"
    + _FRACTION_END + ")",
    flags=re.IGNORECASE,
).set_parse_action(_fraction).set_name("fraction")


# "between one and two thirds", "between two and three quarters": the range
# of fractions, both counting the parts named last.
SHARED_PARTS = pp.Regex(
    r"between" + _SEP + "(?P<low>" + _any(w for w, n in UNITS.items() if 0 < n < 10) + ")" + _SEP + "and" + _SEP
    + "(?P<high>" + _any(w for w, n in UNITS.items() if 1 < n < 10) + ")" + _SEP + "(?P<part>" + _any(PLURAL_FRACTIONS) + ")",
    flags=re.IGNORECASE,
)


def _shared_parts(t) -> Amount:
    part = PLURAL_FRACTIONS[t["part"].lower()]
    low, high = UNITS[t["low"].lower()] * part, UNITS[t["high"].lower()] * part
    if not low < high <= 1:
        raise pp.ParseException("", 0, "not a range of fractions")
    return Amount(low, high)


SHARED_PARTS.set_parse_action(_shared_parts).set_name("range of fractions")

# The fractions of a time unit news writes in words: "three quarters of an
# hour", "a third of a century"; "a hundredth of a second" stays a number.
UNIT_FRACTION = pp.Regex(
    r"\b(?:(?:an?|one)" + _SEP + r"(?:half|quarter|third)|(?:two|three)" + _SEP + r"(?:quarters|thirds))\b(?=\s+of\b)",
    flags=re.IGNORECASE,
).set_parse_action(_fraction).set_name("fraction of a unit")


def _ordinal_words(t) -> Amount:
    total = 0
    for token in re.split(_SEP, t[0].lower()):
        total += TENS.get(token) or _ORDINAL_UNITS.get(token) or _ORDINAL_TENS.get(token) or 0
        if token in ("hundredth", "thousandth"):
            total = (total or 1) * (100 if token == "hundredth" else 1000)
    return Amount.of(float(total))


ORDINAL_WORDS = pp.Regex(
    r"\b(?:" + _any(TENS) + _SEP + _any(_ORDINAL_UNITS) + "|" + _any(_ORDINAL_TENS)
    + r"|(?:hundredth|thousandth)\b)",
    flags=re.IGNORECASE,
).set_parse_action(_ordinal_words).set_name("ordinal in words")
# "1 out of 4", "three out of every ten", "one over four": a share, read as
# the fraction it states (0.25), as "a quarter" is. The parts must make a
# proper share; "over" only ends a phrase ("won one over four rivals" is no
# share); "one in four" is left alone ("killed 3 in 2021").
_RATIO_TERM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _GROUP + ")"
RATIO = pp.Regex(
    r"(?P<part>" + _RATIO_TERM + r")\s+(?:out\s+of\s+(?:every\s+)?(?P<whole>" + _RATIO_TERM + r")(?![\w.,:/-]?\d)"
    r"|over\s+(?P<over>" + _RATIO_TERM + r")(?=\s*[,.;:)!?]|\s*$|\s+of\b))",
    flags=re.IGNORECASE,
)


def _term(written: str) -> float:
    if written[0].isdigit():
        return float(written.replace(",", ""))
    return _sum_words([written]).low


def _ratio(t) -> Amount:
    part, whole = _term(t["part"]), _term(t.get("whole") or t["over"])
    if not 0 < part <= whole or (t.get("over") and part == whole):
        raise pp.ParseException("", 0, "not a share")
    return Amount.of(part / whole)


RATIO.set_parse_action(_ratio).set_name("share")

# "half a million", "a quarter of a billion": a bare "half" can scale
_SCALED_FRACTION = FRACTION | FRACTION_WORD

# -- assembled ------------------------------------------------------------
def _amount(tokens: pp.ParseResults) -> Amount:
    value, scale = tokens[0], 1.0
    if isinstance(value, Amount):  # a number in words, with its scale
        value, scale = value.low, value.scale
    named = scale  # and a half is half the scale named last: "a million and a half"
    for extra in tokens[1:]:
        if extra < 1:  # and a half
            value += extra * named
        else:  # scale
            value *= extra
            scale = named = extra
    return Amount(float(value), float(value), scale=scale)


_BASE = (DIGITS + pp.Opt(GLUED_SCALE)) | WORD_INTEGER
# "hundred" and "dozens" scale a figure too: "45 hundred", "4 dozens"
_DIGIT_SCALE = table({"hundred": 100, "dozens": 12}, "scale after digits")
# "3 1/4 miles", "7 1/8%": a whole number and a proper fraction after it (a
# lone "3/4" is left alone: it is more often a date)
_DENOMINATORS = frozenset((*range(2, 17), 32, 64, 100))


def _slash_fraction(t) -> float:
    numerator, denominator = (int(x) for x in t[0].split("/"))
    if not (0 < numerator < denominator and denominator in _DENOMINATORS):
        raise pp.ParseException("", 0, "not a proper fraction")
    return numerator / denominator


SLASH_FRACTION = (
    pp.Regex(r"[ \t]+\d{1,2}/\d{1,3}(?![\d/.,]\d|[\d/])").leave_whitespace()
    .set_parse_action(lambda t: _slash_fraction([t[0].strip()])).set_name("slash fraction")
)
# "3/4 of the members", "1/3 of voters", "1/4 to 1/3 of the grid": a proper
# fraction alone, or a range of them, is a share when it is of something
# (else it is more often a date)
_SHARE = r"\d{1,2}/\d{1,3}"
SLASH_SHARE = pp.Regex(
    rf"(?P<low>{_SHARE})(?:\s*(?:to|-|\u2013)\s*(?P<high>{_SHARE}))?(?=\s+of\b)", flags=re.IGNORECASE,
).set_name("fraction of something")


def _share(t) -> Amount:
    low = _slash_fraction([t["low"]])
    high = _slash_fraction([t["high"]]) if t.get("high") else low
    if high < low:
        raise pp.ParseException("", 0, "not a range of shares")
    return Amount(low, high)


SLASH_SHARE.set_parse_action(_share)
# "a $3.4-million grant": the scale word joined by a hyphen, as an adjective
_HYPHENATED_SCALE = pp.Suppress(pp.Literal("-").leave_whitespace()) + SCALE_WORD.copy().leave_whitespace()
NUMBER = (
    # "half a million", "two-thirds" come first: "two" alone would match too.
    (_SCALED_FRACTION + pp.Suppress(pp.Opt(word("of")) + pp.Opt(A)) + SCALE_WORD).set_parse_action(_amount)
    | FRACTION.copy().add_parse_action(_amount)
    | SLASH_SHARE
    | (_BASE + pp.Opt(AND_FRACTION | SLASH_FRACTION) + pp.Opt(SCALE_WORD | _HYPHENATED_SCALE | _DIGIT_SCALE))
    .set_parse_action(_amount)
).set_name("number")


# One expression for every vague phrase; "of" stays outside the span:
# "dozens of people" reads as "dozens".
VAGUE_PHRASES = {" ".join(p.removesuffix(" of").split()): v for p, v in VAGUE.items()}
VAGUE_AMOUNT = pp.Regex(
    r"\b(?:" + "|".join(
        _SEP.join(phrase.split()) for phrase in sorted(VAGUE_PHRASES, key=len, reverse=True)
    ) + r")\b",
    flags=re.IGNORECASE,
).set_parse_action(
    lambda t: Amount(*map(float, VAGUE_PHRASES[" ".join(re.split(_SEP, t[0].lower()))]), vague=True)
).set_name("vague amount")

# A vague plural scale on its own reads as its range: "billions in aid".
# "several hundred", "a few thousand": the vague range, scaled
VAGUE_SCALED = (VAGUE_AMOUNT + pp.Opt(table({"hundred": 100} | SCALES, "scale"))).set_parse_action(
    lambda t: t[0].times(t[1]) if len(t) > 1 else t[0]
)


def _range(t) -> Amount:
    """"5-7 billion": the bare low end takes the high end's scale."""
    low = t[0]
    if len(t) == 1:
        return low
    high = t[1]
    if low.scale == 1 and high.scale > 1:
        low = low.times(high.scale)
    if not low.high < high.low:  # "3-1" is a score, "2022-23" a season
        raise pp.ParseException("", 0, "not a range")
    return Amount(low.low, high.high, scale=high.scale)


DASH = pp.Regex(r"\s?[-–]\s?").leave_whitespace().suppress().set_name("dash")
TO = (DASH | pp.Suppress(word("to"))).set_name("dash or to")  # "5-7", "5 to 7"
# A figure, or a range of two: "5-7 billion", "two to three", "between 5 and 7".
# A failed range ("3-1" is a score) falls back to the lone figure.
RANGE = (
    (pp.Suppress(word("between")) + NUMBER + AND + NUMBER)
    | (NUMBER + pp.Opt(TO + NUMBER))
).set_parse_action(_range).set_name("range")
AMOUNT = (RANGE | NUMBER | VAGUE_SCALED).set_name("amount")

