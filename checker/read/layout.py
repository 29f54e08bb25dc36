"""Parts of an article that are not its reporting: photo captions and bylines.

A rule can skip them (`skip: [captions, bylines]`): a caption often restates
an older event ("Blinken arrives in Beijing, April 25, 2024. EPA-EFE/XINHUA"),
and its figures are not the story's. Both are found line by line:

- a caption is a line with a photo label ("Photograph:", "Photo:", "FILE
  PHOTO") or one that ends in a picture credit: a photographer or agency
  after the last full stop, with "/", "via" or " - " ("Leah Millis / AFP -
  Getty Images", "Mark Schiefelbein/AFP via Getty Images");
- a byline is a short line "By Jane Doe", or "Reporting by ...", "Editing by
  ...", "Writing by ..." at any length.
"""

from __future__ import annotations

import calendar
import re

SKIPPABLE = ("captions", "bylines", "datelines")  # datelines: always (see `datelines`)

_LABEL = re.compile(r"\b(?:Photograph|Photo|Picture|Image|Pictured|Credit)s?\s*:|\bFILE PHOTO\b|\(AP Photo\b")
_AGENCY = (
    r"(?:AFP|AP|Reuters|REUTERS|Getty(?:\s+Images)?|EPA(?:-EFE)?|EFE|Xinhua|XINHUA|Bloomberg|"
    r"Shutterstock|Alamy|PA(?:\s+Wire)?|ANI|IANS|PTI|Anadolu|Sipa|Pool|Kyodo|Yonhap|TASS|Sputnik)"
)
# what follows the last full stop of a captioned line
_CREDIT = re.compile(
    r"(?:^|[.!?]\s+)(?=[^.!?]*\b" + _AGENCY + r"\b)(?=[^.!?]*(?:/|\bvia\b|\s-\s))[^.!?]*$"
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters"; not "By Friday, the toll had risen to 40."
_BY = re.compile(
    r"^\s*By\s+(?!(?:" + "|".join(n for n in calendar.day_name) + "|" + "|".join(n for n in calendar.month_name if n)
    + r")\b)[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|al|bin))*\s*(?:,[^\d]*)?$"
)
_STAFF = re.compile(r"^\s*(?:Reporting|Editing|Writing|Additional reporting)\s+by\b")


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n")), line.rstrip("\r\n")
        start += len(line)


def is_caption(line: str) -> bool:
    return bool(_LABEL.search(line) or _CREDIT.search(line))


def is_byline(line: str) -> bool:
    return bool(_STAFF.match(line)) or (len(line.split()) <= 12 and bool(_BY.match(line)))


def skipped_spans(text: str, kinds: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every line of the given kinds, in text order."""
    tests = [(kind, test) for kind, test in (("captions", is_caption), ("bylines", is_byline)) if kind in kinds]
    return tuple(
        (start, end, kind) for start, end, line in _lines(text) for kind, test in tests if test(line)
    )
