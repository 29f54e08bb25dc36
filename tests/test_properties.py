"""Properties of numbers and intervals, checked on generated inputs (hypothesis).

- a whole number written in words or in digits parses back to itself;
- interval comparison does not depend on the order of its operands;
- every qualifier turns a stated figure x into the interval docs/design.md documents;
- changing the figure in a sentence changes its value: the two never overlap.
"""

import datetime as dt
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from checker.read.intervals import INF, QUALIFIERS, Interval, qualify
from checker.read.amount import Amount
from checker.read.numbers import NUMBER
from checker.read.datespec import DateSpec
from checker.read.shortcut import relative_day, signed_money
from checker.read.value import Reading
from checker.read.values import find_values, forget_parses

# -- numbers in English words ----------------------------------------------------
ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
GROUPS = ((10**6, "million"), (10**3, "thousand"), (1, ""))


def below_hundred(n: int) -> str:
    """61 -> 'sixty-one'."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def below_thousand(n: int, and_: bool) -> str:
    """205 -> 'two hundred and five' (or 'two hundred five')."""
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return below_hundred(n)
    words = f"{ONES[hundreds]} hundred"
    if rest:
        words += (" and " if and_ else " ") + below_hundred(rest)
    return words


def in_words(n: int, and_: bool = True) -> str:
    """1_200_000 -> 'one million two hundred thousand'; 0 <= n < 10**9."""
    if n == 0:
        return "zero"
    parts = []
    for size, name in GROUPS:
        group, n = divmod(n, size)
        if group:
            parts.append(f"{below_thousand(group, and_)} {name}".rstrip())
    return " ".join(parts)


def test_in_words_helper():
    assert in_words(61) == "sixty-one"
    assert in_words(205) == "two hundred and five"
    assert in_words(205, and_=False) == "two hundred five"
    assert in_words(1_200_000) == "one million two hundred thousand"
    assert in_words(999_999_999).startswith("nine hundred and ninety-nine million")


def parse_number(text: str) -> Amount:
    return NUMBER.parse_string(text, parse_all=True)[0]


WHOLE_NUMBERS = st.integers(min_value=0, max_value=999_999_999)

@given(WHOLE_NUMBERS, st.booleans())
def test_number_in_digits_parses_back(n, separators):
    text = f"{n:,}" if separators else str(n)
    assert parse_number(text) == Amount.of(float(n))


@given(WHOLE_NUMBERS, st.booleans())
def test_number_in_words_parses_back(n, and_):
    assert parse_number(in_words(n, and_)) == Amount.of(float(n))


@given(WHOLE_NUMBERS, st.booleans())
def test_number_in_words_is_found_in_a_sentence(n, and_):
    words = in_words(n, and_)
    (value,) = find_values(f"They counted {words} ballots.")
    assert value.text == words
    assert value.type == "number"
    assert value.amount == Amount.of(float(n))


# -- intervals -------------------------------------------------------------------
BOUNDS = st.one_of(
    st.integers(min_value=-3, max_value=3).map(float),  # small values, so ends often tie
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([-INF, INF]),
)


@st.composite
def intervals(draw) -> Interval:
    """Any interval, open or closed at each end, possibly infinite or empty."""
    a, b = sorted([draw(BOUNDS), draw(BOUNDS)])
    return Interval(a, b, draw(st.booleans()), draw(st.booleans()))


@given(intervals(), intervals())
def test_overlap_is_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)


@given(intervals(), intervals())
def test_intersection_is_symmetric(a, b):
    ab, ba = a.intersect(b), b.intersect(a)
    assert ab.is_empty == ba.is_empty
    assert (ab.low, ab.low_open, ab.high, ab.high_open) == (
        ba.low, ba.low_open, ba.high, ba.high_open,
    )


@given(intervals(), intervals(), BOUNDS.filter(math.isfinite))
def test_intersection_holds_the_points_of_both(a, b, x):
    assert a.intersect(b).contains(x) == (a.contains(x) and b.contains(x))


# -- qualifiers --------------------------------------------------------------------
def above(x, t):  # over / more than: (x, ∞)
    return Interval(x, INF, True, True)


def at_least(x, t):  # [x, ∞)
    return Interval(x, INF, False, True)


def just_below(x, t):  # nearly / almost / just under: [x−t, x)
    return Interval(x - t, x, False, True)


def just_above(x, t):  # just over / just above: (x, x+t]
    return Interval(x, x + t, True, False)


def about(x, t):  # about / around / some / roughly / approximately: [x−t, x+t]
    return Interval(x - t, x + t)


def up_to(x, t):  # [0, x]
    return Interval(0.0, x)


def below(x, t):  # under / less than: [0, x)
    return Interval(0.0, x, False, True)


DOCUMENTED = {
    "over": above, "more than": above, "greater than": above, "in excess of": above, "above": above,
    "at least": at_least, "upwards of": at_least, "no fewer than": at_least,
    "no less than": at_least, "or more": at_least, "plus": at_least,
    "and counting": at_least, "and over": at_least, "and above": at_least, "and older": at_least,
    "or older": at_least, "and up": at_least,
    "nearly": just_below, "almost": just_below, "just under": just_below,
    "just over": just_above, "just above": just_above,
    "about": about, "around": about, "some": about, "roughly": about,
    "approximately": about, "an estimated": about, "or so": about,
    "up to": up_to, "as many as": up_to, "no more than": up_to, "at most": up_to,
    "under": below, "less than": below, "fewer than": below, "below": below,
}
# Where the stated figure x itself lies: inside, or on an open end.
CONTAINS_X = {above: False, at_least: True, just_below: False, just_above: False,
              about: True, up_to: True, below: False}

POSITIVE = st.floats(min_value=1e-6, max_value=1e15, allow_nan=False, allow_infinity=False)


def test_every_qualifier_is_documented():
    assert set(DOCUMENTED) == set(QUALIFIERS)


@pytest.mark.parametrize("qualifier", sorted(QUALIFIERS))
@given(x=POSITIVE, t=POSITIVE)
def test_qualifier_gives_the_documented_interval(qualifier, x, t):
    shape = DOCUMENTED[qualifier]
    result = qualify(Interval.point(x), qualifier, t)
    assert result == shape(x, t)
    assert result.contains(x) == CONTAINS_X[shape]
    if not CONTAINS_X[shape]:  # x is the open end it borders
        assert x in (result.low, result.high)


@given(x=POSITIVE, t=POSITIVE)
def test_no_qualifier_keeps_the_figure(x, t):
    assert qualify(Interval.point(x), None, t) == Interval.point(x)


# -- a mutated figure is a different value ----------------------------------------------
TENTHS = st.integers(min_value=1, max_value=9_999_999)  # 0.1 .. 999,999.9 in tenths


def figure(tenths: int, separators: bool) -> str:
    """12345 -> '1,234.5' (or '1234.5'); 610 -> '61'."""
    whole, fraction = divmod(tenths, 10)
    text = f"{whole:,}" if separators else str(whole)
    return text + (f".{fraction}" if fraction else "")


def aid(sentence: str) -> Interval:
    """The interval of the one amount of US dollars in `sentence`."""
    (value,) = find_values(sentence)
    assert value.type == "money" and value.currency == "USD"
    return value.interval()


@given(TENTHS, TENTHS, st.booleans())
def test_a_mutated_figure_does_not_overlap(n, m, separators):
    assume(n != m)
    stated, mutated = (f"${figure(k, separators)} billion for Ukraine" for k in (n, m))
    assert not aid(stated).overlaps(aid(mutated))


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_a_mutated_figure_in_words_does_not_overlap(n, m):
    assume(n != m)
    stated, mutated = (f"{in_words(k)} billion dollars for Ukraine" for k in (n, m))
    assert not aid(stated).overlaps(aid(mutated))


# -- the bare-figure shortcut reads what the grammar reads -------------------------------
FOLLOWERS = [
    "people", "of the", "billion", "million dollars", "percent", "%", "hours", "days ago", "to 9",
    "-7", "and a half", "or more", "Section", "May", "April 2024", ".", ",", "", "p", "bn", "euros",
    "US$", "USD", "cents", "twenty", "thirds", "quarters", "point five", "a day", "times", "per cent",
    "km", "Chinese yuan", "years and 3 months", "people, officials said.", "’s", "/7", ":30",
    "hours of talks", "days ago", "weeks later", "days' time", "per cent of voters", "% to 7%",
    "% points", "percent.", "hrs", "minutes, he said", "years old", "days long", "months and a half",
    "seconds", "decades", "hours and 20 minutes", "years ago", "days from now", "hours, twenty minutes",
    "hours, 5 seconds", "days, officials said", "-day visit", "-hour-long meeting", "-day-old", "-year",
    "hours of talks with Wang Yi", "% of the vote", "hours a day", "days two hours", "in aid", "of them",
    "of several issues", "of May", "of June 2024", "of 10", "of a kind", "of every five", "of dozens", "of thousands",
    "of the 20", "of its", "of which", "of a million", "of three quarters", "of half", "of them, officials said",
    "of Of", "OF the", "of\tthem", "of 2024", "of last year", "of this", "of one hundred", "of them were killed",
    "-and-a-half hours", "and a half hours of talks", "and a half-hour", "-and-a-half-hour meeting", "-and-a-half-hours",
    "and a half hours and ten minutes", "and a half million", "and a half", "and a half percent", "and a half days ago",
    "-and-a-half hours, officials said", "and  a\nhalf weeks", "-and a-half days", "and a half hours long", "and a half years old",
    "and a halfhours", "and a half dozen", "and a half-hour-long", "and a half hours to 6", "and a half hours' talks",
]


# -- the month-led shortcut reads what the grammar reads --------------------------------
MONTH_WRITINGS = ["October", "october", "OCTOBER", "May", "may", "March", "march", "June", "Jun", "Jun.", "Sept.", "Sept",
                  "Sep", "Dec.", "Aug", "Feb.", "September", "July", "Mar.", "MAY", "june", "JUN", "Mar"]
DAY_FOLLOWERS = [
    "", ".", ",", ", officials said.", ", 2024", ",2024", " 2024", " 1998 crash", "-8", " - 8", "–9", " to 9", " until 9",
    " through 12", " till 9", " and 8", " or 8", " of 2023", " in 2021", " of last year", " last year", " next year",
    " this year", " visit", " talks, he said", " percent", " %", "%", " miles", " km", " times", "’s attack", "'s attack",
    ")", " (local time)", "\nThe", " at 10am", " 1200 people", " 12,000 people", " in Beijing", " In Beijing", " Tonight",
    " to Beijing", "th", "st", "nd", "a", "x visit", " ago", "/10", ".5", ":30", "\t2024", "$", " _x", " T", " TO 9",
    " of next year", " Last Year", " last years", " last year's", "\nlast\tyear", " of this year.", " of last", " last week",
    " (Reuters) - Officials", "(", " 7 last year", ", officials", " of the year", " year", " and December",
    # where a month the grammar takes only with a day is followed by none ("Jun on Friday")
    " on Friday", " the 5th", " the fifth", " Day", " first", " 5th", " fifth", " twenty", " of", " Of 2024", " Sixth",
    ". The", ". 2024", ".\t2024", ". 5", ". the 5th", ".. The",
]


def _dates_read(sentence: str, measures: bool, shortcut: bool) -> list:
    return [(v.type, v.text, v.start, v.end, v.days)
            for v in find_values(sentence, dt.date(2024, 4, 26), measures=measures, shortcut=shortcut)]


@given(st.sampled_from(MONTH_WRITINGS), st.one_of(st.none(), st.integers(min_value=0, max_value=40)),
       st.sampled_from([" ", "  ", "\n", "\t", ""]), st.sampled_from(DAY_FOLLOWERS),
       st.sampled_from(["", "On ", "From ", "between ", "the "]), st.booleans())
def test_the_month_led_shortcut_agrees_with_the_grammar(month, day, space, follower, before, measures):
    sentence = f"{before}{month}{'' if day is None else f'{space}{day}'}{follower}"
    assert _dates_read(sentence, measures, shortcut=True) == _dates_read(sentence, measures, shortcut=False)


@given(st.sampled_from(MONTH_WRITINGS), st.integers(min_value=0, max_value=40), st.sampled_from(["-", "–", " - ", "-0"]),
       st.integers(min_value=0, max_value=40), st.sampled_from(["", "th", "st", "rd"]),
       st.sampled_from(DAY_FOLLOWERS), st.sampled_from(["", "On ", "between ", "the "]), st.booleans())
def test_the_month_led_range_shortcut_agrees_with_the_grammar(month, first, dash, last, suffix, follower, before, measures):
    sentence = f"{before}{month} {first}{dash}{last}{suffix}{follower}"
    assert _dates_read(sentence, measures, shortcut=True) == _dates_read(sentence, measures, shortcut=False)


@given(
    st.one_of(
        st.integers(min_value=0, max_value=99_999).map(str),
        st.integers(min_value=1_000, max_value=9_999_999).map(lambda n: f"{n:,}"),
        st.decimals(min_value=0, max_value=999, places=2).map(str),
        st.sampled_from(ONES + TENS[2:] + ["several", "dozens", "scores", "hundreds", "thousands", "billions"]),
    ),
    st.sampled_from(FOLLOWERS),
    st.booleans(),
)
def test_the_bare_figure_shortcut_agrees_with_the_grammar(figure, follower, glued):
    sentence = f"Officials said {figure}{'' if glued else ' '}{follower}".rstrip()
    with_shortcut = [(v.type, v.text, v.start, v.end, v.interval()) for v in find_values(sentence)]
    grammar_only = [(v.type, v.text, v.start, v.end, v.interval()) for v in find_values(sentence, shortcut=False)]
    assert with_shortcut == grammar_only


@given(
    st.lists(
        st.one_of(
            st.builds("on {} {}, {}".format, st.sampled_from(["March", "Sept.", "July"]),
                      st.integers(1, 31), st.integers(1990, 2030)),
            st.builds("${:,} {}".format, st.integers(1, 99_999), st.sampled_from(["million", "billion", ""])),
            st.builds("between {} and {} weeks".format, st.integers(1, 9), st.integers(10, 20)),
            st.sampled_from(["last Tuesday", "two years ago", "the previous quarter", "at 9:30 a.m. local time"]),
        ),
        min_size=1, max_size=4,
    ),
)
def test_a_remembered_parse_reads_as_a_fresh_one(phrases):
    sentence = "Officials said " + ", and ".join(phrases) + "."
    def read():
        return [(v.type, v.text, v.start, v.end, v.interval()) for v in find_values(sentence, measures=True)]
    first = read()
    assert read() == first  # read again, from what was remembered
    forget_parses()
    assert read() == first


# -- the signed-money shortcut reads what the grammar reads -----------------------------
MONEY_FOLLOWERS = [
    "", ".", ",", " for Ukraine", " to $9 billion", " to 9 billion", "-$9 billion", " – $9 billion", " or more",
    " and $2 billion", " a year", " a day", " per year", " each", " apiece", " worth of arms", " of aid", " in aid",
    " in 2023", " billion", " million", " USD", " dollars", " cents", " Canadian", " (€6.5 billion)", " ($6.5bn)",
    "-a-year", "bn", "m", "k", "%", "’s", "'s worth", "/year", ":", " plus", " more", " less than", " from the US",
    ", officials said.", " in military aid to Taiwan", " was", " last year", " on Friday", " People", " USD.",
    " 2024", " 5", "\nThe", " (", ")", " mln", " bln", " lakh", " crore", " pounds", " euros", " yuan",
    " to counter China", " to almost $9 billion", " to nearly 9 billion", " to about $9bn", " and more", " or so",
    " to nine billion", " and then", " or less", " from Congress", " from $5 billion", " through 2025", " until 2026",
    " to 2025", " to HK$9 billion", " to US$9bn", " and a half", " to €9 billion", " plus interest", " to up to $9bn",
    " to -$2 billion", " to minus 2", " and twenty", " or half", " and some", " to as much as $9bn", " to over 9",
    " and £2m", " through $9bn", " To $9 billion", " AND 2", " to\n9 billion", " to\tnine", " or R9 billion",
    " MM", " mm", " MM.", " K", " Bn", " M", " lakhs", " crores", " dozen",
]


@given(
    st.sampled_from(["$", "US$", "€", "£", "HK$", "$ ", "A$", "C$", "R"]),
    st.one_of(
        st.integers(min_value=0, max_value=99_999).map(str),
        st.integers(min_value=1_000, max_value=9_999_999).map(lambda n: f"{n:,}"),
        st.decimals(min_value=0, max_value=999, places=2).map(str),
        st.sampled_from(["01", "7.", ".5", "1,00", "1.234", "7.5", "0.1", "1.1", "2.3", "12,000.5"]),
    ),
    st.sampled_from(["", " million", " billion", " trillion", "bn", "m", " bn", " mn", "million", " Million", "B"]),
    st.sampled_from(MONEY_FOLLOWERS),
    st.booleans(),
)
def test_the_signed_money_shortcut_agrees_with_the_grammar(sign, figure, scale, follower, measures):
    sentence = f"Congress approved {sign}{figure}{scale}{follower}"
    found = lambda shortcut: [  # noqa: E731
        (v.type, v.text, v.start, v.end, v.interval(), v.currency)
        for v in find_values(sentence, measures=measures, shortcut=shortcut)
    ]
    assert found(True) == found(False)


def test_the_signed_money_shortcut_reads_the_plain_sums_itself():
    """It answers for the commonest sums, and leaves ranges and rates to the grammar."""
    assert signed_money("$7 billion for Ukraine", 0)[0].amount.low == 7e9
    assert signed_money("US$9.5bn.", 0)[0].currency == "USD"
    assert signed_money("£300,000 in aid", 0)[0].currency == "GBP"
    assert signed_money("$7 billion to $9 billion", 0) is None
    assert signed_money("$7 billion to counter China", 0)[0].amount.low == 7e9
    assert signed_money("$7.50 a day", 0) is None


# -- the relative-day shortcut reads what the grammar reads ------------------------------
RELATIVE_WRITINGS = ["today", "Today", "TODAY", "tonight", "yesterday", "Yesterday", "tomorrow", "this week", "This week",
                     "last year", "Last Year", "next month", "last  week", "this\nmonth", "next\tyear", "last weekend",
                     "this quarter", "last weeks", "todays", "next Monday", "last June", "earlier this month",
                     "Earlier this year", "later this week", "earlier last year", "later next month", "earlier  this\nweek",
                     "earlier today", "later this quarter", "earlier this weekend", "early this month", "late last year"]
RELATIVE_FOLLOWERS = [
    "", ".", ",", ", officials said.", " with Wang Yi.", "'s visit", "’s talks", " and tomorrow", " or tomorrow",
    " to Friday", " through Sunday", " until Monday", " morning", " afternoon", " at 10am", " at noon", " night",
    " evening", " week", " year's", " of 2023", " in Beijing", " on Friday", " ago", " before", " after the talks",
    " earlier", " later", " - 8", "-8", "–9", " 2024", " 5 people", " (local time)", "\nThe", " seemed", " signed",
    " Tonight", " -", " ’", "s", "%", " %", ":", " by noon", " between", " since", " alone", " only", " that",
    " when", " first quarter", " last year", " this year", " June", " 12", " midday", " around 5pm",
    "'s Halloween", "’s Thanksgiving", "'s visit", " Thursday", " Christmas", " Monday night", "'s.", "'s,", "'s 5",
    "'s and", " éclair", " Über", "'s Christmas Eve", " week's", "s'", ", Monday, for", ", April 25, he",
    " (Saturday) he", ", 2023, by", ": Friday", " - Friday - he", "; Monday he", ", on Tuesday,", ", May,",
]


@given(st.sampled_from(RELATIVE_WRITINGS), st.sampled_from(RELATIVE_FOLLOWERS),
       st.sampled_from(["", "He said ", "Officials met ", "From ", "between ", "the "]), st.booleans())
def test_the_relative_day_shortcut_agrees_with_the_grammar(written, follower, before, measures):
    sentence = f"{before}{written}{follower}"
    ref = dt.date(2024, 4, 26)
    found = lambda shortcut: [  # noqa: E731
        (v.type, v.text, v.start, v.end, v.days) for v in find_values(sentence, ref, measures=measures, shortcut=shortcut)
    ]
    assert found(True) == found(False)


# -- the weekday-alone shortcut reads what the grammar reads ----------------------------
WEEKDAY_WRITINGS = ["Friday", "friday", "FRIDAY", "Sunday", "Tuesday", "Wednesday", "Thurs", "Thur", "Sat", "Wed.", "Fri.", "Tues"]
WEEKDAY_FOLLOWERS = [
    "", ".", ",", ". The minister said", ". May 5", ". April 26, 2024", ", April 26", ", 26 April", " 26 April", " the 13th",
    ", the 13th", ",the 13th", " of next week", " next week", " the following week", " morning", " Morning", " night",
    " evening", " afternoon", " last week", " this week", " at 10am", " (local time)", "'s talks", "’s", " and Saturday",
    " to Sunday", " through Sunday", " or Saturday", " with Wang Yi", ", officials said.", "\nThe", " 2024", "-Saturday",
    "/Saturday", " week", " weekend", " of", " Of", " The", " the", ". the 5th", " 13", " June", " jun", ". Jun. 5", ", Jun",
    " May", " may", " march", " March 3", " Dec", " éclair", " _x", "?", "!", ")", " - Friday", "; Monday", ": Friday",
    "morning", "s", "1", ".5", ", 2024", " 13th", ", 13", ".\n\nApril 26", "  at noon", "\tnight", " Night", " NEXT week",
    " this year", " last", " 5pm", ", Christmas", " Christmas Eve", " Easter", " around 5pm", " afternoon's",
    "'s talks", "'s morning talks", "'s", "'s.", "'sx", "’s April 26 talks", "'s, the 13th", "' talks", "'S talks",
]


@given(st.sampled_from(WEEKDAY_WRITINGS), st.sampled_from(WEEKDAY_FOLLOWERS),
       st.sampled_from(["", "On ", "He said ", "last ", "next ", "this ", "From ", "between ", "the ", "until "]), st.booleans())
def test_the_weekday_shortcut_agrees_with_the_grammar(written, follower, before, measures):
    sentence = f"{before}{written}{follower}"
    assert _dates_read(sentence, measures, shortcut=True) == _dates_read(sentence, measures, shortcut=False)


def test_the_shortcuts_read_a_plain_weekday_and_know_where_the_grammar_reads_no_month():
    from checker.read.shortcut import month_led, weekday_alone

    assert weekday_alone("Friday.", 0) == (Reading("date", date=DateSpec("weekday", weekday=4)), 6)
    assert weekday_alone("Friday, officials said", 0)[1] == 6 and weekday_alone("Friday's talks", 0)[1] == 6
    assert weekday_alone("Friday morning", 0) is None and weekday_alone("Friday, April 26", 0) is None
    assert weekday_alone("Fri.", 0) is None
    assert month_led("Jun on Friday", 0) is False and month_led("in May.", 3) is False
    assert month_led("may 5", 0) is None  # the grammar says


def test_the_relative_day_shortcut_reads_the_plain_ones_itself():
    assert relative_day("today with Wang Yi.", 0)[0].date == DateSpec("day", offset=0)
    assert relative_day("last week, China said", 0)[0].date == DateSpec("period", offset=-1, unit="week")
    assert relative_day("today and tomorrow", 0) is None
