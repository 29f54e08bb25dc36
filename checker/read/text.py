"""Text plumbing: typographic normalisation, sentences, line and column."""

from __future__ import annotations

import bisect
import functools
import re

import attrs

# One character for one character, so offsets into the normalised text are
# offsets into the original.
_TYPOGRAPHIC = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def normalize(text: str) -> str:
    """Typographic variants made equal: ’ ' · “ " · – — -; same length as `text`."""
    return text.translate(_TYPOGRAPHIC)


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
# A full stop (or ! ?) with closing quotes, then space, then what starts a sentence.
_STOP = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
# A line break that ends a sentence: the line did not run on mid-phrase.
_LINE_END = re.compile(r"(?<=[^\s,;:(\-])[ \t]*\n(?=[ \t]*[\"'(]?[A-Z0-9])")


def _is_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    token = text[word_start:stop].lstrip("\"'(")
    if "." in token or (len(token) == 1 and token.isupper()):
        return True  # "U.S.", "a.m.", an initial
    return token.lower() in _ABBREVIATIONS


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
    for match in _STOP.finditer(text):
        if not _is_abbreviation(text, match.start()):
            cuts.add(match.end())
    # the longest line, measured once and only when a line ends in a lowercase word
    width = functools.cache(lambda: max(map(len, text.splitlines()), default=0))
    for match in _LINE_END.finditer(text):
        newline = text.index("\n", match.start())
        if _ends_line_sentence(text, newline, width):
            cuts.add(newline)
    sentences = []
    bounds = sorted(cuts)
    for start, end in zip(bounds, bounds[1:]):
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            s = start + lead
            sentences.append(Sentence(s, s + len(stripped), stripped))
    return tuple(sentences)


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


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text, for cheap "could this apply here?" tests."""
    return frozenset(_WORD.findall(text.lower()))
