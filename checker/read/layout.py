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

import bisect
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


# What a line must hold to be a caption (a label word, an agency's name) or a
# byline (its first word), as plain words that one scan of the whole text
# finds: only the lines they stand on are tested. One scan for both kinds'
# words, which name the kind (a group for each would cost the regex engine
# its quick look at each character: five times slower).
_CAPTION_WORDS = ["Photo", "Picture", "Image", "Credit", "FILE PHOTO", *re.findall(r"(?:^\(\?:|\|)(\w+)", _AGENCY)]
_BYLINE_WORDS = ["By", "Reporting", "Editing", "Writing", "Additional reporting"]
_CAPTION_SIGN = re.compile("|".join(_CAPTION_WORDS))
_SIGN = re.compile("|".join([*_CAPTION_WORDS, *_BYLINE_WORDS]))
_KIND_OF_SIGN = {**dict.fromkeys(_CAPTION_WORDS, "captions"), **dict.fromkeys(_BYLINE_WORDS, "bylines")}
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # the line ends str.splitlines() knows
_LINE_END = re.compile(f"\r\n|[{_BREAKS}]")


def is_caption(line: str) -> bool:
    # the sign first: a plain word search, where the credit's lookaheads are tried at every full stop
    return _CAPTION_SIGN.search(line) is not None and bool(_LABEL.search(line) or _CREDIT.search(line))


def is_byline(line: str) -> bool:
    return bool(_STAFF.match(line)) or (len(line.split()) <= 12 and bool(_BY.match(line)))


def skipped_spans(text: str, kinds: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of every line of the given kinds, in text order."""
    tests = {"captions": (0, is_caption), "bylines": (1, is_byline)}  # a line's captions first
    line_of = None  # where each line starts and ends, found once a sign is
    found = []
    # the end of the last line tested for each kind: each line once, however many signs it holds
    tested = {kind: -1 for kind in kinds if kind in tests}
    for match in _SIGN.finditer(text):
        kind = _KIND_OF_SIGN[match.group()]
        at = match.start()
        if kind not in tested or at < tested[kind]:
            continue
        if line_of is None:
            line_of = _lines(text)
        start, end = line_of(at)
        tested[kind] = end
        order, test = tests[kind]
        if test(text[start:end]):
            found.append((start, order, end, kind))
    return tuple((start, end, kind) for start, _, end, kind in sorted(found))


_ODD_BREAK = re.compile(f"[{_BREAKS.replace(chr(10), '')}]")


def _lines(text: str):
    """A function from an offset to the start and end of its line, as
    `str.splitlines()` cuts them, its end left out."""
    if _ODD_BREAK.search(text) is None:  # lines end at "\n" alone: each found around its offset
        def line_of(at: int) -> tuple[int, int]:
            end = text.find("\n", at)
            return text.rfind("\n", 0, at) + 1, end if end >= 0 else len(text)
        return line_of
    breaks = list(_LINE_END.finditer(text))
    # a line holds its end unless that is \r or \n, as `splitlines(keepends=True)` and `rstrip("\r\n")` make it
    starts = [0, *(m.end() for m in breaks)]
    ends = [*(m.start() if m[0] in "\r\n" else m.end() for m in breaks), len(text)]

    def line_of(at: int) -> tuple[int, int]:
        i = bisect.bisect_right(ends, at)
        return starts[i], ends[i]
    return line_of
