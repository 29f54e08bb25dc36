"""Values rendered in the styles news uses parse back to what was rendered (hypothesis).

Each property draws a value (an amount of money, a duration, a date, a
percent, a range, a qualified count), writes it the way an outlet might
(digits or words, a sign, a code or a name, abbreviations, a qualifier) into
a sentence, and checks that `find_values` reads back exactly that value, or
the documented interval around it.
"""

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from checker.read.datespec import DaySpan
from checker.read.intervals import Interval, qualify
from checker.read.values import find_values
from test_properties import in_words

MONTH_NAMES = "January February March April May June July August September October November December".split()
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def only(sentence: str, ref: dt.date | None = None):
    values = list(find_values(sentence, ref))
    assert len(values) == 1, [v.text for v in values]
    return values[0]


# -- money -------------------------------------------------------------------------
SCALES = {"": 1, " thousand": 1e3, " million": 1e6, " billion": 1e9}
SHORT = {" million": "m", " billion": "bn", " thousand": "k", "": ""}
SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
NAMES = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "INR": "rupees"}


@st.composite
def money(draw):
    """(text, currency, amount): '$61bn', 'USD 61 billion', '61 billion euros', ..."""
    whole = draw(st.integers(min_value=1, max_value=999))
    tenths = draw(st.integers(min_value=0, max_value=9))
    scale = draw(st.sampled_from(sorted(SCALES)))
    currency = draw(st.sampled_from(sorted(SIGNS)))
    figure = f"{whole}.{tenths}" if tenths else str(whole)
    style = draw(st.sampled_from(["sign", "sign-short", "code-before", "code-after", "name", "words"]))
    if style == "words" and not tenths:
        figure = in_words(whole)
    text = {
        "sign": f"{SIGNS[currency]}{figure}{scale}",
        "sign-short": f"{SIGNS[currency]}{figure}{SHORT[scale]}",
        "code-before": f"{currency} {figure}{scale}",
        "code-after": f"{figure}{SHORT[scale]} {currency}",
        "name": f"{figure}{scale} {NAMES[currency]}",
        "words": f"{figure}{scale} {NAMES[currency]}",
    }[style]
    return text, currency, (whole + tenths / 10) * SCALES[scale]


@given(money())
def test_money_parses_back(drawn):
    text, currency, amount = drawn
    value = only(f"The government pledged {text} in aid, officials said.")
    assert (value.text, value.type, value.currency) == (text, "money", currency)
    assert value.amount.low == value.amount.high == pytest.approx(amount, rel=1e-12)


# -- durations ---------------------------------------------------------------------
UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86_400, "week": 604_800}
ABBREVIATIONS = {"second": "secs", "minute": "mins", "hour": "hrs", "day": "days", "week": "weeks"}


@st.composite
def durations(draw):
    """(text, seconds): '5 hours', 'five hours', '5 hrs', 'a 5-hour', ..."""
    n = draw(st.integers(min_value=2, max_value=999))
    unit = draw(st.sampled_from(sorted(UNITS)))
    style = draw(st.sampled_from(["digits", "words", "abbreviated", "adjective"]))
    text = {
        "digits": f"{n} {unit}s",
        "words": f"{in_words(n)} {unit}s",
        "abbreviated": f"{n} {ABBREVIATIONS[unit]}",
        "adjective": f"{n}-{unit}",
    }[style]
    return text, n * UNITS[unit]


@given(durations())
def test_duration_parses_back(drawn):
    text, seconds = drawn
    value = only(f"The talks were described as a {text} marathon by aides.")
    assert (value.text, value.type) == (text, "duration")
    assert value.interval() == Interval.point(float(seconds))


# -- qualified and ranged figures ----------------------------------------------------
QUALIFIERS_BEFORE = ["over", "more than", "at least", "nearly", "almost", "about", "around",
                     "roughly", "approximately", "up to", "under", "less than", "as many as",
                     "no fewer than", "just under"]
QUALIFIERS_AFTER = ["or more", "plus", "and counting"]


@given(st.integers(min_value=2, max_value=99_999), st.sampled_from(QUALIFIERS_BEFORE + QUALIFIERS_AFTER))
def test_a_qualified_count_is_the_documented_interval(n, qualifier):
    figure = f"{n:,}"
    text = f"{qualifier} {figure}" if qualifier in QUALIFIERS_BEFORE else f"{figure} {qualifier}"
    value = only(f"Officials said {text} people were evacuated.")
    assert (value.text, value.type, value.qualifier) == (text, "number", qualifier)
    assert value.interval() == qualify(Interval.point(float(n)), qualifier, 0.1 * n)


@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=1, max_value=9_999),
       st.sampled_from(["{a}-{b}", "{a} to {b}", "between {a} and {b}"]))
def test_a_stated_range_is_closed_at_both_ends(a, b, form):
    low, high = sorted((a, b))
    if low == high:
        high += 1
    assume(not 1800 <= low <= 2199)  # a year: "1800-1801" is a range of years
    text = form.format(a=low, b=high)
    value = only(f"The agency expects {text} people to attend.")
    assert (value.text, value.type) == (text, "number")
    assert value.interval() == Interval(float(low), float(high))


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(["%", " per cent", " percent", " pct"]))
def test_percent_parses_back(whole, tenths, spelling):
    figure = f"{whole}.{tenths}" if tenths else str(whole)
    text = figure + spelling
    value = only(f"Turnout fell by {text} in the capital.")
    assert (value.text, value.type, value.unit) == (text, "percent", None)
    assert value.interval() == Interval.point(whole + tenths / 10)


# -- dates ------------------------------------------------------------------------------
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# Months news abbreviates (March to July are written in full).
_AP_ABBREVIATIONS = {"January": "Jan.", "February": "Feb.", "August": "Aug.", "September": "Sept.",
                     "October": "Oct.", "November": "Nov.", "December": "Dec."}


@given(DATES, st.sampled_from([
    "{month} {day}, {year}", "{day} {month} {year}", "{mon} {day}, {year}", "{month} {nth}, {year}",
    "the {nth} of {month} {year}", "{iso}", "{weekday}, {month} {day}, {year}",
]))
def test_an_absolute_date_parses_back(day, form):
    month = MONTH_NAMES[day.month - 1]
    text = form.format(
        month=month, mon=_AP_ABBREVIATIONS.get(month, month[:3]), day=day.day,
        year=day.year, nth=ordinal(day.day), iso=day.isoformat(), weekday=WEEKDAY_NAMES[day.weekday()],
    )
    value = only(f"The accord was signed on {text} in Geneva.")
    assert (value.text, value.type) == (text, "date")
    assert value.days == DaySpan(day, day, "day")


@given(DATES, st.integers(min_value=2, max_value=60))
def test_days_ago_count_back_from_the_reference_date(ref, n):
    value = only(f"The accord was signed {in_words(n)} days ago.", ref)
    assert value.days.first == value.days.last == ref - dt.timedelta(days=n)


@given(DATES, st.integers(min_value=0, max_value=6), st.sampled_from(["last", "next", ""]))
def test_a_weekday_resolves_to_the_nearest_one_on_its_side(ref, weekday, offset):
    name = WEEKDAY_NAMES[weekday]
    text = f"{offset} {name}".strip()
    value = only(f"The accord was signed {text}.", ref)
    day = value.days.first
    assert day.weekday() == weekday
    if offset == "last":
        assert 1 <= (ref - day).days <= 7
    elif offset == "next":
        assert 1 <= (day - ref).days <= 7
    else:  # past tense: on or before the reference date
        assert 0 <= (ref - day).days <= 6


@given(DATES, DATES)
def test_a_date_range_spans_its_ends(a, b):
    first, last = sorted((a, b))
    text = f"from {MONTH_NAMES[first.month - 1]} {first.day}, {first.year} to {MONTH_NAMES[last.month - 1]} {last.day}, {last.year}"
    value = only(f"The exhibition runs {text} in Paris.")
    assert value.type == "date-range"
    assert (value.days.first, value.days.last) == (first, last)
    assert value.range_days == (last - first).days + 1


@given(st.integers(min_value=1950, max_value=2039), st.integers(min_value=1, max_value=12),
       st.sampled_from(["{y}-{m:02d}", "{y}-{m}", "{y}/{m:02d}", "{y}.{m:02d}"]))
def test_a_year_first_month_parses_back_as_that_month(year, month, style):
    written = style.format(y=year, m=month)
    # two digits after a dash that can be a later year make a range of years ("2000-02", "2022-23")
    later = month > year % 100 or month == (year + 1) % 100
    assume(not ("-" in written and len(written.split("-")[1]) == 2 and later))
    value = only(f"Exports fell in {written}, officials said.")
    assert (value.text, value.type, value.days.grain, value.days.first) == (written, "date", "month", dt.date(year, month, 1))


@given(st.integers(min_value=1950, max_value=2038))
def test_a_year_and_the_next_one_s_two_digits_are_a_range_of_years(year):
    written = f"{year}-{(year + 1) % 100:02d}"
    value = only(f"The {written} budget was approved.")
    assert (value.type, value.days.first, value.days.last) == ("date-range", dt.date(year, 1, 1), dt.date(year + 1, 12, 31))


@given(st.integers(min_value=0, max_value=999), st.sampled_from([2, 3, 4, 5, 8, 10, 16]), st.data())
def test_a_whole_number_and_a_proper_fraction_parse_back(whole, denominator, data):
    numerator = data.draw(st.integers(min_value=1, max_value=denominator - 1))
    written = f"{whole} {numerator}/{denominator}"
    value = only(f"The plot covers {written} acres.")
    assert value.text == written and value.interval() == Interval.point(whole + numerator / denominator)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["-{d}", "minus {d}", "minus {w}", "negative {w}"]))
def test_a_signed_figure_parses_back_negative(n, style):
    written = style.format(d=n, w=in_words(n))
    value = only(f"The index stood at {written} after the fall.")
    assert value.text == written and value.interval() == Interval.point(-float(n))


def test_a_negative_review_is_no_negative_figure():
    assert all(v.interval().low >= 0 for v in find_values("Critics called the film a negative one."))


@given(st.integers(min_value=1950, max_value=2039), st.integers(min_value=1, max_value=4),
       st.sampled_from(["{y} Q{q}", "{y}-Q{q}", "{y}Q{q}", "Q{q} {y}", "Q{q}, {y}"]))
def test_a_quarter_and_its_year_parse_back_in_either_order(year, quarter, style):
    written = style.format(y=year, q=quarter)
    value = only(f"Results for {written} were published.")
    first = dt.date(year, 3 * quarter - 2, 1)
    assert (value.text, value.days.grain, value.days.first) == (written, "quarter", first)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2039, 12, 31)),
       st.sampled_from(["{d:02d}-{m}-{y}", "{d}/{m}/{y}", "{m}-{d}-{y}", "{y}/{m}/{d:02d}", "{y}-{m}-{d}"]),
       st.booleans())
def test_a_compact_date_with_the_month_in_letters_parses_back(day, style, lower):
    month = MONTH_NAMES[day.month - 1][:3]
    written = style.format(d=day.day, m=month.lower() if lower else month, y=day.year)
    value = only(f"The form is dated {written} in the file.")
    assert (value.text, value.days.grain, value.days.first) == (written, "day", day)


# -- dates said by way of the reference day or a named day ---------------------------------
REFS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
SHIFT_UNITS = ["day", "week", "month", "year"]


def moved(day: dt.date, n: int, unit: str) -> dt.date:
    """The day `n` units on from `day`; a month without its day number gives its last day."""
    if unit in ("day", "week"):
        return day + dt.timedelta(days=n * (7 if unit == "week" else 1))
    index = day.year * 12 + day.month - 1 + n * (12 if unit == "year" else 1)
    year, month = divmod(index, 12)
    last = (dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


@given(REFS, st.integers(min_value=2, max_value=40), st.sampled_from(SHIFT_UNITS),
       st.sampled_from(["{n} {u}s ago", "{w} {u}s ago", "in {w} {u}s", "in {n} {u}s", "{w} {u}s from now"]))
def test_a_count_of_units_from_the_reference_day_is_that_one_day(ref, n, unit, style):
    written = style.format(n=n, w=in_words(n), u=unit)
    sign = 1 if "ago" not in written else -1
    # "signed in two weeks" looks back: how long it took; ahead, it is a day
    value = only(f"The accord {'was' if sign < 0 else 'will be'} signed {written}, officials said.", ref)
    assert (value.text, value.type, value.days.grain) == (written, "date", "day")
    assert value.days.first == moved(ref, sign * n, unit)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


# each named day, worked out here from its rule
NAMED = {
    "Christmas": lambda y: dt.date(y, 12, 25), "Christmas Eve": lambda y: dt.date(y, 12, 24),
    "New Year's Day": lambda y: dt.date(y, 1, 1), "New Year's Eve": lambda y: dt.date(y, 12, 31),
    "Halloween": lambda y: dt.date(y, 10, 31), "Valentine's Day": lambda y: dt.date(y, 2, 14),
    "Independence Day": lambda y: dt.date(y, 7, 4), "Labor Day": lambda y: _nth_weekday(y, 9, 0, 1),
    "Thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "Memorial Day": lambda y: _nth_weekday(y, 6, 0, 1) - dt.timedelta(weeks=1),  # the Monday before June's first
}


@given(st.integers(min_value=1900, max_value=2099), st.sampled_from(sorted(NAMED)),
       st.sampled_from(["{d} {y}", "{d}, {y}", "{d} of {y}", "{y}'s {d}"]))
def test_a_named_day_with_its_year_parses_back(year, name, style):
    written = style.format(d=name, y=year)
    value = only(f"The accord was signed on {written} in Geneva.")
    day = NAMED[name](year)
    assert (value.text, value.days) == (written, DaySpan(day, day, "day"))


@given(REFS, st.sampled_from(sorted(NAMED)), st.sampled_from([-1, 0, 1]), st.booleans())
def test_a_named_day_of_a_year_named_relative_to_the_reference_day(ref, name, offset, possessive):
    year_words = {-1: "last year", 0: "this year", 1: "next year"}[offset]
    written = f"{year_words}'s {name}" if possessive else f"{name} {year_words}"
    value = only(f"The accord was signed on {written} in Geneva.", ref)
    day = NAMED[name](ref.year + offset)
    assert (value.text, value.days) == (written, DaySpan(day, day, "day"))


@given(REFS, st.integers(min_value=1, max_value=30), st.sampled_from(sorted(NAMED)),
       st.sampled_from(["day", "week"]), st.sampled_from(["before", "after"]))
def test_days_counted_from_a_named_day_land_that_far_from_it(ref, n, name, unit, side):
    written = f"{in_words(n) if n > 1 else 'a'} {unit}{'s' if n > 1 else ''} {side} {name} {ref.year}"
    value = only(f"The accord was signed {written} in Geneva.", ref)
    sign = 1 if side == "after" else -1
    assert value.days.first == moved(NAMED[name](ref.year), sign * n, unit)


@given(st.dates(min_value=dt.date(1950, 1, 4), max_value=dt.date(2090, 12, 28)), st.sampled_from(["week {w} of {y}", "week {w}, {y}", "Week {w} in {y}"]))
def test_an_iso_week_parses_back_to_its_monday_to_sunday(day, style):
    year, week, _ = day.isocalendar()
    written = style.format(w=week, y=year)
    value = only(f"Orders fell in {written}, the firm said.")
    monday = day - dt.timedelta(days=day.weekday())
    assert (value.text, value.days) == (written, DaySpan(monday, monday + dt.timedelta(days=6), "week"))


@given(DATES, st.sampled_from([("the next day", 1), ("the following day", 1), ("the day after", 1),
                               ("the previous day", -1), ("the day before", -1)]))
def test_the_day_before_or_after_counts_from_the_day_the_sentence_named(day, counted):
    phrase, offset = counted
    named = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    first, second = list(find_values(f"The envoy arrived on {named}, and the talks ended {phrase}."))
    assert (first.text, second.text) == (named, phrase)
    assert second.days == DaySpan(day + dt.timedelta(days=offset), day + dt.timedelta(days=offset), "day")
