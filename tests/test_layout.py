"""Captions and bylines: the lines `skip: [captions, bylines]` leaves out."""

import pytest

from checker.read.layout import is_byline, is_caption, skipped_spans

CAPTIONS = [
    "US secretary of state Antony Blinken and China's president Xi Jinping in Beijing. Photograph: Mark Schiefelbein/AFP via Getty Images",
    "US Secretary of State Antony Blinken arrives in Beijing, April 25, 2024. EPA-EFE/XINHUA / Chen Yehua CHINA OUT /",
    "Secretary of State Antony Blinken with Chinese President Xi Jinping in Beijing last June. Leah Millis / AFP - Getty Images",
    "FILE PHOTO: A view of the harbour in 2019.",
    "Rescuers search the rubble. (AP Photo/Jane Doe)",
]
NOT_CAPTIONS = [
    "Blinken met Xi in Beijing, the State Department said.",
    "The AFP news agency reported 40 deaths.",  # an agency named, no credit form
    "Talks ended on Friday - officials said little.",
]
BYLINES = ["By Ana Ferreira", "By Jane Doe and John Roe, Reuters", "Reporting by Simon Lewis; Editing by Mark Heinrich"]
NOT_BYLINES = ["By Friday, the death toll had risen to 40.", "By March the fund had run dry.", "By then, 40 had died."]


@pytest.mark.parametrize(
    "test, line, expected",
    [(is_caption, line, True) for line in CAPTIONS] + [(is_caption, line, False) for line in NOT_CAPTIONS]
    + [(is_byline, line, True) for line in BYLINES] + [(is_byline, line, False) for line in NOT_BYLINES],
    ids=lambda x: x.__name__ if callable(x) else None,
)
def test_line_kinds(test, line, expected):
    assert test(line) is expected


def test_spans_name_each_skipped_line_and_its_kind():
    text = "Headline\nBy Ana Ferreira\nBody text.\nA view. Photo: Luis Prado / Reuters\n"
    spans = skipped_spans(text, frozenset({"captions", "bylines"}))
    assert [(text[s:e], kind) for s, e, kind in spans] == [
        ("By Ana Ferreira", "bylines"), ("A view. Photo: Luis Prado / Reuters", "captions"),
    ]
    assert skipped_spans(text, frozenset({"captions"})) == (spans[1],)
