"""Times of day: "7:37 AM local time", "07:37 GMT", "14:37 WIB", "at 2.37pm",
"shortly after midnight", and the instants they stand for.

A time of day is read with the zone it names, if any. It becomes an instant
once it has a day (a date in its sentence, else the article's reference date)
and a zone: the one it names, or for "local time" and times that name none
the event's zone (`timezone:` in the manifest or the rule file). Instants are
compared in UTC, so "07:37 GMT" and "14:37 local time" in Jakarta agree.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

import attrs

from checker.read.intervals import Interval

MINUTE = 60.0
HOUR = 3_600.0
# How wide a time is when a qualifier stands before it.
_NEAR = 15 * MINUTE  # "about 7:30", "just after 7"
_SOON = HOUR  # "shortly after midnight"

# Zone names news uses, by the zone they stand for: a fixed offset in hours,
# or an IANA name where the region changes its clocks.
ZONES: dict[str, float | str] = {
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "WAT": 1, "CAT": 2, "SAST": 2,
    "EET": 2, "EEST": 3, "EAT": 3, "MSK": 3, "PKT": 5, "IST": 5.5, "NPT": 5.75, "ICT": 7, "WIB": 7,
    "WITA": 8, "WIT": 9, "SGT": 8, "HKT": 8, "PHT": 8, "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "HST": -10, "AKST": -9, "AKDT": -8,
    "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4,
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}
# Zones written as words, by the name above they stand for: "Eastern time".
_ZONE_WORDS = {
    "eastern": "ET", "central": "CT", "mountain": "MT", "pacific": "PT",
    "eastern standard": "EST", "eastern daylight": "EDT", "central standard": "CST",
    "central daylight": "CDT", "pacific standard": "PST", "pacific daylight": "PDT",
    "mountain standard": "MST", "mountain daylight": "MDT",
    "greenwich mean": "GMT", "british summer": "BST", "coordinated universal": "UTC",
    "central european": "CET", "western indonesian": "WIB", "western indonesia": "WIB", "japan standard": "JST",
}
LOCAL = "local"


@attrs.frozen(slots=True)
class ClockSpec:
    """A time of day as written: hour and minute, how precisely, in which zone."""

    hour: int
    minute: int
    grain: float  # seconds: 60 for "7:37", 3600 for "7 a.m."
    zone: str | None = None  # a key of ZONES, "UTC+5:30", LOCAL, or None (unstated: local)
    qualifier: str | None = None  # "shortly after", "about", ...
    since: tuple[int, int] | None = None  # a range's start: "9" of "between 9 and 10 a.m."

    def label(self) -> str:
        """"07:37 GMT", "07:00 (hour)", "about 00:00 local", "09:00–10:00"."""
        text = f"{self.hour:02d}:{self.minute:02d}"
        if self.since:
            text = f"{self.since[0]:02d}:{self.since[1]:02d}–{text}"
        elif self.grain >= HOUR:
            text += " (hour)"
        if self.zone:
            text += f" {self.zone}"
        return f"{self.qualifier} {text}" if self.qualifier else text


_AMPM = r"(?P<ampm>[ap])(?:\.\s?m\b\.?|\s?m\b)"  # "p.m." keeps its dot, "pm." does not
_ZONE_NAMES = "|".join(sorted(ZONES, key=len, reverse=True))
_OFFSET = r"(?:\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)"
# "GMT", "(GMT)", "UTC+5:30", "local time", "Eastern time"; a bare "local"
# only before no other word ("9:30 local police" names no zone)
_ZONE = (
    r"(?P<zone>\s*(?P<open>\(\s*)?(?:(?P<local>local(?:\s+time\b|(?!\s+[a-z])))"
    r"|(?P<words>" + "|".join(w.replace(" ", r"\s+") for w in sorted(_ZONE_WORDS, key=len, reverse=True)) + r")\s+time\b"
    r"|(?P<name>(?:" + _ZONE_NAMES + r")(?![\w]))" + _OFFSET + r"?(?:\s+time\b)?)(?(open)\s*\)))"
)
# Before a time: how near it the moment is, or on which side of it.
_QUALIFIERS = (
    r"(?:shortly|just|soon|right|a\s+little|some\s+time)\s+(?:after|before)|about|around|approximately|roughly"
    r"|nearly|almost|after|before|by"
)
_QUALIFIER = r"(?P<qualifier>" + _QUALIFIERS + r")\s+(?:at\s+)?"
# "7:37 in the evening", "11 at night": a.m. or p.m. in words
_PART_OF_DAY = r"\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b"
_ANY_PART_OF_DAY = r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"
# A range's start: "between 9 and", "9-", "9:00 to", "11 a.m. until"
_SINCE = (
    r"(?:(?P<between>between\s+)?(?P<sh>[01]?\d|2[0-3])(?:[:.](?P<sm>[0-5]\d))?"
    r"(?:\s*(?P<sampm>[ap])(?:\.\s?m\b\.?|\s?m\b))?\s*(?(between)and\b|(?:[-–]|to\b|until\b|till\b))\s*)"
)
# "7:37", "07:37:12", "2.37pm", "7 a.m.", "0737 GMT", "1437 hrs", "noon",
# "midnight", "7 o'clock"; a dotted or four-digit time needs a.m./p.m., a
# zone or "hours" after it, or it is a decimal or a year.
CLOCK = re.compile(
    r"(?:" + _QUALIFIER + r")?" + _SINCE + "?(?:"
    r"(?:12\s+)?(?P<word>midnight|noon|midday)\b"
    r"|(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?!\d)(?:\s*" + _AMPM + r")?"
    r"|(?P<dh>[01]?\d|2[0-3])\.(?P<dm>[0-5]\d)(?=\s*(?:[ap]\.?\s?m\b|" + _ZONE_NAMES + r"\b|local\b))"
    r"(?:\s*" + _AMPM.replace("ampm", "dampm") + r")?"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:hours?\b|hrs\b|h\b|local\s+time\b|" + _ZONE_NAMES + r"\b))"
    r"|(?P<ah>1[0-2]|0?[1-9])(?:\s*o['’]clock\b|\s*" + _AMPM.replace("ampm", "aampm") + r"|(?=" + _ANY_PART_OF_DAY + r"))"
    r")(?:\s*(?:hours|hrs|h)\b)?(?:" + _PART_OF_DAY + r")?(?:" + _ZONE + r")?",
    re.IGNORECASE,
)
# Where a time can start, for the candidate scan.
DIGIT_CLOCK = re.compile(
    r"(?:between\s+)?(?:\d{1,2}(?:[:.]\d\d)?(?:\s*[ap]\.?\s?m\b\.?)?\s*(?:[-–]|to\b|until\b|till\b|and\b)\s*)?"
    r"(?:\d{1,2}(?::\d\d|\.\d\d\s*(?:[ap]\.?\s?m\b|local\b|(?:" + _ZONE_NAMES + r")\b)"
    r"|\s*[ap]\.?\s?m\b|\s*o['’]clock|" + _ANY_PART_OF_DAY + r")"
    r"|\d{4}\s*(?:hours?|hrs|h|local\s+time|" + _ZONE_NAMES + r")\b|12\s+(?:midnight|noon|midday)\b)",
    re.IGNORECASE,
)
CLOCK_START = (
    r"\b(?:" + _QUALIFIERS + r")\s+(?:at\s+)?(?=" + DIGIT_CLOCK.pattern + r"|midnight\b|noon\b|midday\b)"
    r"|\b(?:midnight|noon|midday)\b"
)


def _spec(match: re.Match) -> ClockSpec | None:
    g = match.groupdict()
    if g["word"]:
        hour, minute, grain = (0 if g["word"].lower() == "midnight" else 12), 0, MINUTE
    elif g["h"] is not None:
        hour, minute, grain = int(g["h"]), int(g["m"]), MINUTE
    elif g["dh"] is not None:
        hour, minute, grain, g["ampm"] = int(g["dh"]), int(g["dm"]), MINUTE, g["dampm"]
    elif g["hh"] is not None:
        hour, minute, grain = int(g["hh"]), int(g["mm"]), MINUTE
    else:
        hour, minute, grain, g["ampm"] = int(g["ah"]), 0, HOUR, g["aampm"]
    ampm = (g["ampm"] or "").lower()
    if g["part"] or g["night"]:  # "7 in the evening"; "11 at night", but "2" or "12 at night" is a.m.
        ampm = "a" if g["part"] == "morning" or (g["night"] and (hour < 6 or hour == 12)) else "p"
    if ampm:
        if not 1 <= hour <= 12:
            return None  # "14:37 pm"
        hour = hour % 12 + (12 if ampm == "p" else 0)
    qualifier = " ".join(g["qualifier"].lower().split()) if g["qualifier"] else None
    since = _since(g, hour, ampm) if g["sh"] is not None else None
    if since and qualifier:
        return None  # "about 9-10 a.m.": too loose to place
    return ClockSpec(hour, minute, grain, _zone_of(g), qualifier, since)


def _since(g: dict, hour: int, ampm: str) -> tuple[int, int]:
    """A range's start; without its own a.m./p.m. it takes the end's: "9-10 a.m.", "11-1 p.m."."""
    start, minute = int(g["sh"]), int(g["sm"] or 0)
    own = (g["sampm"] or "").lower() or ampm
    if own and 1 <= start <= 12:
        start = start % 12 + (12 if own == "p" else 0)
        if not g["sampm"] and start > hour:  # "11-1 p.m." starts at 11 a.m.
            start -= 12
    return start, minute


def _zone_of(g: dict) -> str | None:
    if not g["zone"]:
        return None
    if g["local"]:
        return LOCAL
    if g["words"]:
        return _ZONE_WORDS[" ".join(g["words"].lower().split())]
    name = g["name"].upper()
    if g["sign"]:
        minutes = int(g["om"] or 0)
        return f"{name}{'-' if g['sign'] in '-−' else '+'}{int(g['oh'])}" + (f":{minutes:02d}" if minutes else "")
    return name


_AT_BEFORE = re.compile(r"\bat\s+\Z", re.IGNORECASE)


def read(text: str, pos: int = 0) -> tuple[ClockSpec, int] | None:
    """The time of day at `pos` and where it ends (trailing space left out), or None."""
    match = CLOCK.match(text, pos)
    spec = _spec(match) if match else None
    if spec is None:
        return None
    if match.group("ah") and not (match.group("aampm") or "clock" in match.group(0).lower()):
        # "5 in the evening" is a time only after "at" or a qualifier: not
        # in "police arrested 5 in the evening"
        if not (match.group("qualifier") or _AT_BEFORE.search(text, max(0, pos - 4), pos)):
            return None
    return spec, pos + len(match.group(0).rstrip())


@functools.cache
def zone(name: str) -> dt.tzinfo:
    """A zone by IANA name ("Asia/Jakarta"), or ZoneInfoNotFoundError/ValueError."""
    return zoneinfo.ZoneInfo(name)


def timezone_name(doc, path, name) -> str | None:
    """An IANA zone name ("Asia/Jakarta"), checked against the zone database."""
    if name is None:
        return None
    if isinstance(name, str):
        try:
            zone(name)
            return name
        except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
            pass
    raise doc.error(path, f"unknown time zone {name!r} (an IANA name like Asia/Jakarta or Europe/London)")


def _tz(spec: ClockSpec, local: str | None, day: dt.date) -> dt.tzinfo | None:
    if spec.zone in (None, LOCAL):
        return zone(local) if local else None
    # "CST" in a Chinese event is China's, "IST" in Dublin Irish: an
    # abbreviation the event's own zone uses at that moment is that zone
    if local and _named(spec, day, zone(local), fold=0):
        return zone(local)
    match = re.fullmatch(r"([A-Z]+)(?:([+-])(\d+)(?::(\d\d))?)?", spec.zone)
    base = ZONES[match.group(1)]
    if isinstance(base, str):
        return zone(base)
    hours = base
    if match.group(2):
        sign = -1 if match.group(2) == "-" else 1
        hours += sign * (int(match.group(3)) + int(match.group(4) or 0) / 60)
    return dt.timezone(dt.timedelta(hours=hours))


def instant(spec: ClockSpec, day: dt.date | None, local: str | None, tolerance: float | None = None) -> Interval | None:
    """The UTC instants (seconds since 1970) the time stands for on `day`, or None
    when the day or the zone is unknown. `local` is the event's IANA zone;
    `tolerance` (seconds) replaces what "about" allows."""
    if day is None:
        return None
    if spec.hour == spec.minute == 0 and spec.qualifier in _UP_TO:
        day += dt.timedelta(days=1)  # "just before midnight on Friday" is Friday night
    tz = _tz(spec, local, day)
    if tz is None:
        return None
    # In the hour the clocks go back a time happens twice, in the hour they
    # go forward not at all: both readings are kept, unless the time names
    # its abbreviation ("1:30 a.m. EDT" is the first of the two).
    folds = [f for f in (0, 1) if _named(spec, day, tz, f)] or [0, 1]
    spans = [_span(spec, day, tz, fold, _NEAR if tolerance is None else tolerance) for fold in folds]
    low, high = min(lo for lo, _ in spans), max(hi for _, hi in spans)
    return Interval(low, high, False, not spec.qualifier)


# Qualifiers that put the moment up to the time written, not after it.
_UP_TO = frozenset({"before", "by", "nearly", "almost", "just before", "a little before", "right before",
                    "shortly before", "soon before", "some time before"})


def _span(spec: ClockSpec, day: dt.date, tz: dt.tzinfo, fold: int, near: float) -> tuple[float, float]:
    """Where the moment lies, in UTC seconds, for one reading of the local time."""
    at = _local(spec, day, tz, fold).timestamp()
    qualifier = spec.qualifier or ""
    if spec.since:  # "between 9 and 10 a.m.", "22:00 to 02:00": from the start to the end
        start = dt.datetime.combine(day, dt.time(*spec.since, fold=fold), tzinfo=tz).timestamp()
        if start > at:
            start -= 24 * HOUR  # the range began the evening before
        return start, at + (spec.grain if spec.grain < HOUR else 0)
    if not qualifier:
        return at, at + spec.grain  # "7:37" is that minute, "7 a.m." that hour
    close = near if qualifier.split()[0] in ("just", "a", "right") or qualifier in ("nearly", "almost") else _SOON
    if qualifier in ("before", "by"):  # that day, up to the time
        named = day - dt.timedelta(days=1) if at <= _day_start(day, tz) else day  # "before midnight"
        return _day_start(named, tz), at
    if qualifier == "after":  # that day, from the time
        return at, _day_start(day + dt.timedelta(days=1), tz)
    if qualifier in _UP_TO:
        return at - close, at
    if qualifier.endswith("after"):
        return at, at + close
    # "about 7:30" is near that minute, "around 9 a.m." near 9:00
    return at - near, at + near + (spec.grain if spec.grain < HOUR else 0)


def _named(spec: ClockSpec, day: dt.date, tz: dt.tzinfo, fold: int) -> bool:
    """Whether the zone's abbreviation for this reading is the one the time names."""
    return spec.zone in ZONES and _local(spec, day, tz, fold).tzname() == spec.zone


def _local(spec: ClockSpec, day: dt.date, tz: dt.tzinfo, fold: int) -> dt.datetime:
    """The time on `day` in `tz`; `fold` picks the reading in the hour the clocks go back."""
    return dt.datetime.combine(day, dt.time(spec.hour, spec.minute, fold=fold), tzinfo=tz)


def _day_start(day: dt.date, tz: dt.tzinfo) -> float:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz).timestamp()


def utc_label(interval: Interval) -> str:
    """"2024-04-26 07:37 UTC", or a span "2024-04-26 07:00–08:00 UTC"."""
    low = dt.datetime.fromtimestamp(interval.low, dt.timezone.utc)
    high = dt.datetime.fromtimestamp(interval.high, dt.timezone.utc)
    if interval.high_open and interval.high - interval.low == MINUTE:
        return f"{low:%Y-%m-%d %H:%M} UTC"
    if low.date() == high.date():
        return f"{low:%Y-%m-%d %H:%M}–{high:%H:%M} UTC"
    return f"{low:%Y-%m-%d %H:%M}–{high:%Y-%m-%d %H:%M} UTC"
