"""Captions and bylines: the lines `skip: [captions, bylines]` leaves out."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _line_by_line(text: str, kinds: frozenset[str]) -> tuple:
    """What `skipped_spans` finds, by testing every line as `str.splitlines` cuts them."""
    tests = [(kind, test) for kind, test in (("captions", is_caption), ("bylines", is_byline)) if kind in kinds]
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.extend((start, start + len(body), kind) for kind, test in tests if test(body))
        start += len(line)
    return tuple(spans)


_PIECES = st.sampled_from([
    *CAPTIONS, *NOT_CAPTIONS, *BYLINES, *NOT_BYLINES, "By", " ", "  By Jo Ann", "Reuters", "AFP / Getty", ". ",
    "Kyodo via", "PA Wire - ", "EPA-EFE/", "Pictured:", "Credits :", "Image", "Additional reporting by Li", "Writing by",
    "\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85", "\n\n",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.sampled_from(["captions", "bylines", "both"]))
def test_spans_are_those_of_a_line_by_line_reading(text, kinds):
    """Only the lines a sign stands on are tested: what is found is what testing every line finds."""
    chosen = frozenset({"captions", "bylines"}) if kinds == "both" else frozenset({kinds})
    assert skipped_spans(text, chosen) == _line_by_line(text, chosen)


def test_a_line_of_many_signs_is_tested_once(monkeypatch):
    """One long line naming an agency in every sentence is one line to test, not one per name (hostile input)."""
    from checker.read import layout

    tested = []
    monkeypatch.setattr(layout, "is_caption", lambda line: tested.append(len(line)) or False)
    found_lines = []
    lines = layout._lines
    monkeypatch.setattr(layout, "_lines", lambda text: (lambda at: found_lines.append(at) or lines(text)(at)))
    text = "Officials told AP and Reuters that the talks went well. " * 2000
    assert layout.skipped_spans(text, frozenset({"captions"})) == ()
    assert tested == [len(text)]
    assert len(found_lines) == 1  # its bounds found once, not searched for from each of 4,000 signs


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_a_caption_holds_a_sign(line):
    """`is_caption` asks for a sign first: that drops no line its label or credit would find."""
    from checker.read import layout

    assert is_caption(line) == bool(layout._LABEL.search(line) or layout._CREDIT.search(line))
