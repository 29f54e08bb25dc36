"""Datelines: found on their line, giving the reference date, never a field's value."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.load.corpus import dateline as reference_date
from checker.read.datelines import dateline

STAMPS = [
    # (line, the dateline's text, the date it gives as written)
    ("Wed Mar 06 2019, 09:12 hrs", "Wed Mar 06 2019, 09:12 hrs", "Wed Mar 06 2019"),
    ("March 07, 2019 6:22AM", "March 07, 2019 6:22AM", "March 07, 2019"),
    ("Wed Mar 6, 2019 1:28PM GMT", "Wed Mar 6, 2019 1:28PM GMT", "Wed Mar 6, 2019"),
    ("7 March 2019 Last updated at 13:38 GMT", "7 March 2019 Last updated at 13:38 GMT", "7 March 2019"),
    ("Published: July 10, 2025 06:22 GMT", "Published: July 10, 2025 06:22 GMT", "July 10, 2025"),
    ("Updated on 10 July 2025 | 07:05 IST", "Updated on 10 July 2025 | 07:05 IST", "10 July 2025"),
    ("Apr 26, 2024", "Apr 26, 2024", "Apr 26, 2024"),
    ("2024-04-26", "2024-04-26", "2024-04-26"),
    ("BEIJING, April 26 (Reuters) - Blinken met Xi on Friday.", "BEIJING, April 26 (Reuters) -", "April 26"),
    ("Beijing [China], April 26 : US Secretary of State", "Beijing [China], April 26 :", "April 26"),
    ("NEW DELHI, March 6: The quake was felt widely.", "NEW DELHI, March 6:", "March 6"),
    ("JAKARTA, July 9 (AP) — A strong quake struck.", "JAKARTA, July 9 (AP) —", "July 9"),
    ("ÉVORA, July 6 (Reuters) - A quake struck on July 5.", "ÉVORA, July 6 (Reuters) -", "July 6"),  # a capital beyond ASCII
]


@pytest.mark.parametrize("line, span, date", STAMPS, ids=[s[0][:30] for s in STAMPS])
def test_a_dateline_is_found_with_its_date(line, span, date):
    found = dateline(line)
    assert found is not None
    assert line[found.start : found.end] == span
    assert found.date.text == date


@pytest.mark.parametrize("line", [
    "April 26 was a busy day for the diplomats.",
    "On April 26, 2024, Blinken left Beijing.",
    "12 people died on April 26, officials said.",
    "The quake struck at 04:20 local time on March 6, 2019.",
    "Wednesday, March 6: a timeline of the rescue, hour by hour, as told by survivors",
    "In Beijing, Blinken meets Xi and raises US concerns",
    "5.7 magnitude, 10 km deep",
])
def test_a_line_that_reports_is_no_dateline(line):
    assert dateline(line) is None


def test_a_stamp_line_gives_the_reference_date():
    text = "Quake kills 12\nWed Mar 06 2019, 09:12 hrs\nA strong earthquake struck on Wednesday."
    assert reference_date(text) == dt.date(2019, 3, 6)


def test_a_place_dateline_takes_its_year_from_a_stamp_nearby():
    assert reference_date("Apr 26, 2024\nBEIJING, April 26 (Reuters) - Blinken met Xi.") == dt.date(2024, 4, 26)
