"""Text plumbing: typographic normalisation, sentences, line and column."""

from __future__ import annotations

import bisect
import functools
import re

import attrs

# One character for one character, so offsets into the normalised text are
# offsets into the original.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_TYPOGRAPHIC = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", **dict.fromkeys(_SPACES, " "),
})
# Unicode's format characters (category Cf: zero-width spaces and joiners,
# bidi controls, the soft hyphen), which change no word a reader sees.
_FORMAT_BMP = "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_FORMAT_ASTRAL = "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
_FORMAT = re.compile(f"[{_FORMAT_BMP}{_FORMAT_ASTRAL}]")
# searched apart: a class with astral ranges makes every search several times slower
_HAS_FORMAT_BMP, _HAS_FORMAT_ASTRAL = re.compile(f"[{_FORMAT_BMP}]"), re.compile(f"[{_FORMAT_ASTRAL}]")
# from a word's start only: tried inside a long run of letters, it would cost the run's square
_WORD_WITH_FORMAT = re.compile(r"(?<!\S)\S*" + _FORMAT.pattern + r"\S*")
# Digits grouped in threes by a no-break, thin or figure space: "61 000".
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[\u00a0\u2007\u2009\u202f]\d{3})+(?!\d)")
_GROUP_SPACE = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", ","))


def normalize(text: str) -> str:
    """Typographic variants made equal: ’ ' · “ " · – — - · exotic spaces;
    digits grouped by a no-break or thin space as by commas ("61,000"); format
    characters taken out of their word, which is padded with spaces at its
    end ("$6\u200b1" is "$61 "). The result is as long as `text`, and every
    word starts where it did."""
    if text.isascii():  # nothing to do, known without reading the text
        return text
    if _HAS_FORMAT_BMP.search(text) or (max(text) > "\uffff" and _HAS_FORMAT_ASTRAL.search(text)):
        text = _WORD_WITH_FORMAT.sub(_without_format, text)
    if any(c in text for c in "\u00a0\u2007\u2009\u202f"):
        text = _SPACE_GROUPED.sub(lambda m: m.group().translate(_GROUP_SPACE), text)
    return text.translate(_TYPOGRAPHIC)


def _without_format(match: re.Match) -> str:
    word = _FORMAT.sub("", match.group())
    return word + " " * (len(match.group()) - len(word))


@attrs.frozen(slots=True)
class Sentence:
    start: int
    end: int
    text: str


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen sen rep gov lt col sgt capt cpl adm maj messrs "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs inc corp co ltd "
    "jr sr approx est dept fig vol".split()
)
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A full stop (or ! ?) with closing quotes, then space, then what starts a
# sentence. One regex for each mark: a regex led by one character is searched
# for as a string is, four times faster than one led by a class ([.!?]).
_STOPS = tuple(re.compile(re.escape(mark) + r"[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])") for mark in ".!?")
# A line break before what starts a sentence; it ends one when the line did
# not run on mid-phrase (`_ran_on`). Searched from the break: a regex that
# starts by looking behind is tried at every character.
_BREAK_BEFORE_START = re.compile(r"\n(?=[ \t]*[\"'(]?[A-Z0-9])")


def _ran_on(text: str, newline: int) -> bool:
    """Whether the line ending at `newline` ends in a space, a comma, a colon,
    a semicolon, an open bracket or a dash (spaces and tabs before the break aside)."""
    end = newline
    while end > 0 and text[end - 1] in " \t":  # each break's own run of spaces: linear in all
        end -= 1
    return end == 0 or text[end - 1].isspace() or text[end - 1] in ",;:(-"


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    token = text[_word_start(text, stop) : stop].lstrip("\"'(")
    if "." in token or (len(token) == 1 and token.isupper()):
        return True  # "U.S.", "a.m.", an initial
    return token.lower() in _ABBREVIATIONS


def _word_start(text: str, end: int) -> int:
    """Where the run of non-space characters ending at `end` starts."""
    # the last space, when nothing between it and `end` is another kind of
    # space (they are all unprintable): one search, not a step per character
    space = text.rfind(" ", max(0, end - 64), end)
    if (space >= 0 or end <= 64) and text[space + 1 : end].isprintable():
        return space + 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _ends_line_sentence(text: str, newline: int, width) -> bool:
    """A single line break ends a sentence unless the line ran on mid-clause.

    A line ending in a lowercase word is a hard-wrapped sentence going on,
    unless it is much shorter than the text's longest line (`width()`): a
    headline, a dateline ("Wed Mar 06 2019, 09:12 hrs") or a byline.
    """
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    last_word = line.rsplit(" ", 1)[-1]
    if not last_word[:1].islower() or last_word[-1:] in ".!?\"'":
        return True
    return len(line) < _SHORT_LINE * width()


_SHORT_LINE = 0.75  # of the longest line: a wrapped line is rarely shorter


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their offsets. Blank lines always end one."""
    cuts = {0, len(text)}
    for match in _BLOCK_BREAK.finditer(text):
        cuts.update((match.start(), match.end()))
    for mark, stop in zip(".!?", _STOPS):
        if mark in text:
            cuts.update(m.end() for m in stop.finditer(text) if not _is_abbreviation(text, m.start()))
    # the longest line, measured once and only when a line ends in a lowercase word
    width = functools.cache(lambda: max(map(len, text.splitlines()), default=0))
    for match in _BREAK_BEFORE_START.finditer(text):
        newline = match.start()
        if not _ran_on(text, newline) and _ends_line_sentence(text, newline, width):
            cuts.add(newline)
    sentences = []
    bounds = sorted(cuts)
    for start, end in zip(bounds, bounds[1:]):
        for start, end in _bounded(text, start, end) if end - start > MAX_SENTENCE else ((start, end),):
            chunk = text[start:end]
            stripped = chunk.strip()
            if stripped:
                s = start + chunk.find(stripped[0])  # where the first non-space is
                sentences.append(Sentence(s, s + len(stripped), stripped))
    return tuple(sentences)


@functools.lru_cache(maxsize=64)
def article_sentences(text: str) -> tuple[Sentence, ...]:
    """`split_sentences` of an article's whole text, kept for its next reader:
    an event's articles are each read for the days their leads name, then for
    their fields."""
    return split_sentences(text)


# Longer "sentences" (a list, a text without full stops) are cut: what is
# read around each value looks back to its sentence's start, so the cost of
# a sentence would grow with its square.
MAX_SENTENCE = 1000  # characters; the longest in the test corpora has 431
# clause punctuation to cut after; a comma before a digit may be inside a date ("July 12, 2014")
_CLAUSE_END = re.compile(r"[;:](?=\s)|,(?=\s+\D)")


def _bounded(text: str, start: int, end: int):
    """start:end in pieces of at most MAX_SENTENCE characters, each cut after
    the last clause punctuation in its second half, else at a space, else anywhere."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        half = start + MAX_SENTENCE // 2
        clauses = [m.start() for m in _CLAUSE_END.finditer(text, half, limit)]
        cut = clauses[-1] + 1 if clauses else max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        if cut <= start:
            cut = limit
        yield start, cut
        start = cut
    yield start, end


class LineIndex:
    """Offsets to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def word_alternation(words) -> str:
    """A regex matching any of `words` (any case), factored by common prefixes.

    "seven|seventeen|several" becomes "se(?:ven(?:teen)?|veral)": the regex
    engine tries one branch per letter instead of every word at every
    position, which makes a scan for hundreds of words several times faster.
    Put a word boundary after it; the longest word wins under a greedy `?`.
    """
    trie: dict = {}
    for word in {w.lower() for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return emit(trie)


def one_line(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


_WORD = re.compile(r"\w+")


class CaseBlind:
    """A regex that ignores case, matched fast: an ASCII text is matched in
    lower case by the regex compiled without IGNORECASE, which makes Python's
    engine slower at every character (two to three times, for an alternation
    of words). Its letters are written in lower case (escapes aside). Offsets
    are the text's; what matched is the text's slice, not the match's group
    (that is lower case)."""

    __slots__ = ("regex", "_in_lower")

    def __init__(self, pattern: str):
        self.regex = re.compile(pattern, re.IGNORECASE)
        self._in_lower = re.compile(pattern)

    def search(self, text: str, lowered: str | None = None) -> re.Match | None:
        if text.isascii():
            return self._in_lower.search(text.lower() if lowered is None else lowered)
        return self.regex.search(text)

    def finditer(self, text: str, lowered: str | None = None):
        if text.isascii():
            return self._in_lower.finditer(text.lower() if lowered is None else lowered)
        return self.regex.finditer(text)


# Words too common to tell what a sentence is about.
COMMON_WORDS = frozenset("a an the of to in on at by for with from and or as is was be has had its his her their that this".split())


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text, for cheap "could this apply here?" tests."""
    return frozenset(_words(text))


def words_among(text: str, among: frozenset[str]) -> frozenset[str]:
    """`words_of(text) & among`, without the set of all the text's words."""
    return among.intersection(_words(text))


def _words(text: str) -> list[str]:
    if text.isascii():  # its bytes mapped at once (twice as fast as finding each word): \w is [A-Za-z0-9_]
        return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    return _WORD.findall(text.lower())


# an ASCII byte -> itself in lower case when \w matches it, else a space
_ASCII_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122 or c == 95) else 32 for c in range(256)
)
