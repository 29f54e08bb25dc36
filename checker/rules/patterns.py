"""The rule pattern language, parsed with pyparsing and compiled to regexes.

    {value}     the field's typed value (exactly once)
    word        a whole word, any case; typographic variants are equal
    ...         up to eight words, inside the sentence (adjacent ones add up;
                at most three in one match)
    [a b]       optional words
    (a|b c)     a choice

Words are separated by anything that is not a word (spaces, line breaks,
punctuation), so a pattern matches across line breaks and quotes.
"""

from __future__ import annotations

import re

import attrs
import pyparsing as pp

from checker.read.text import normalize, words_of

SEPARATOR = r"\W*"
SKIP_WORDS = 8  # "...": up to eight words
# Each `...` multiplies the ways a failing match is tried by nine, so one
# match of a pattern holds at most three (a choice counts its largest option;
# adjacent ones count as one, of their summed length); the work per value
# then stays bounded whatever the text.
MAX_SKIPS = 3
_WORD_CHARS = 64  # a generous longest word, to bound how far back a match may start


class PatternError(ValueError):
    """A pattern that cannot be compiled; `column` is 1-based in the pattern."""

    def __init__(self, message: str, column: int):
        super().__init__(message)
        self.column = column


# -- syntax ---------------------------------------------------------------
@attrs.frozen(slots=True)
class Word:
    text: str


@attrs.frozen(slots=True)
class Skip:
    column: int
    words: int = SKIP_WORDS


@attrs.frozen(slots=True)
class Slot:
    column: int


@attrs.frozen(slots=True)
class Optional:
    items: tuple


@attrs.frozen(slots=True)
class Choice:
    options: tuple  # of tuples


def _syntax() -> pp.ParserElement:
    sequence = pp.Forward()
    slot = pp.Literal("{value}").set_parse_action(lambda s, loc, t: Slot(loc + 1))
    skip = pp.Regex("\\.\\.\\.|\u2026").set_parse_action(lambda s, loc, t: Skip(loc + 1))
    bad_brace = pp.Regex(r"\{[^}]*\}?").set_parse_action(_bad_brace)
    plain = pp.Regex(r"(?:(?!\.\.\.)[^\s\[\]()|{}\u2026])+").set_parse_action(lambda t: Word(t[0]))
    optional = (pp.Suppress("[") - sequence + pp.Suppress("]")).set_parse_action(
        lambda t: Optional(tuple(t))
    )
    option = pp.Group(sequence)
    choice = (
        pp.Suppress("(") - option + pp.ZeroOrMore(pp.Suppress("|") - option) + pp.Suppress(")")
    ).set_parse_action(lambda t: Choice(tuple(tuple(o) for o in t)))
    sequence <<= pp.OneOrMore(slot | skip | bad_brace | optional | choice | plain)
    return sequence


def _bad_brace(s, loc, t):
    raise pp.ParseFatalException(s, loc, f"unknown placeholder {t[0]!r}; the only one is {{value}}")


SYNTAX = _syntax()


def parse(source: str) -> tuple:
    """The pattern's items, or PatternError naming the column."""
    try:
        return tuple(SYNTAX.parse_string(source, parse_all=True))
    except (pp.ParseException, pp.ParseFatalException) as error:
        unclosed = _unclosed(source)
        if error.msg.startswith("Expected") and unclosed is not None:
            raise PatternError(f"unbalanced {source[unclosed]!r}: it is never closed", unclosed + 1) from None
        message = error.msg
        if message.startswith("Expected"):
            message = f"unexpected {source[error.loc]!r}" if error.loc < len(source) else "unexpected end of pattern"
        raise PatternError(message, error.loc + 1) from None


def _unclosed(source: str) -> int | None:
    """The offset of the first bracket that is never closed, if any."""
    stack = []
    for i, char in enumerate(source):
        if char in "[(":
            stack.append(i)
        elif char in "])" and stack:
            stack.pop()
    return stack[0] if stack else None


# -- compiled -------------------------------------------------------------
@attrs.frozen(slots=True)
class Pattern:
    """A compiled pattern: what must stand before and after the value."""

    source: str
    before: re.Pattern | None  # matches text that ends where the value starts
    after: re.Pattern | None  # matches text that starts where the value ends
    keywords: tuple[str, ...]  # words every match contains, lower case
    reach: int = 0  # how many characters before the value a match may start
    _needed: frozenset = attrs.field(init=False, repr=False, eq=False)

    @_needed.default
    def _words_needed(self) -> frozenset:
        return words_of(" ".join(self.keywords))

    def matches_around(self, text: str, start: int, end: int) -> bool:
        if self.before is not None and not self.before.search(text, _earliest(text, start, self.reach), start):
            return False
        return self.after is None or self.after.match(text, end) is not None

    @property
    def needed(self) -> frozenset[str]:
        """The words (as `words_of` gives them) that every match contains."""
        return self._needed

    def could_match(self, words: frozenset[str]) -> bool:
        """Cheap prefilter: every word the pattern needs is among the sentence's `words`."""
        return self._needed <= words

    def full(self, value_regex: str) -> re.Pattern:
        """One regex with the value slot filled, the value in group `value`."""
        parts = []
        if self.before is not None:
            parts.append(self.before.pattern.removesuffix(r"\Z"))
        parts.append(f"(?P<value>{value_regex})")
        if self.after is not None:
            parts.append(self.after.pattern)
        return re.compile("".join(parts), re.IGNORECASE)


def words_regex(phrase: str) -> str:
    """A phrase as a regex: whole words, any separator between them."""
    return SEPARATOR.join(_word_regex(w) for w in normalize(phrase).split())


def _word_regex(text: str) -> str:
    body = re.escape(text)
    head = r"\b" if re.match(r"\w", text) else ""
    tail = r"\b" if re.search(r"\w$", text) else ""
    return head + body + tail


def _regex(items) -> str:
    parts = []
    for item in items:
        if isinstance(item, Word):
            parts.append(_word_regex(normalize(item.text)))
        elif isinstance(item, Skip):
            parts.append(rf"(?:[^\s]+\s+){{0,{item.words}}}?")
        elif isinstance(item, Optional):
            parts.append(f"(?:{_regex(item.items)})?")
        elif isinstance(item, Choice):
            parts.append("(?:" + "|".join(_regex(o) for o in item.options) + ")")
        else:  # a slot nested in [] or ()
            raise PatternError("{value} cannot be optional or part of a choice", item.column)
    return SEPARATOR.join(parts)


def _keywords(items) -> tuple[str, ...]:
    return tuple(normalize(i.text).lower() for i in items if isinstance(i, Word))


def _nested_slot(items) -> Slot | None:
    for item in items:
        inner = item.items if isinstance(item, Optional) else ()
        if isinstance(item, Choice):
            inner = tuple(i for option in item.options for i in option)
        found = next((i for i in inner if isinstance(i, Slot)), None) or (
            _nested_slot(inner) if inner else None
        )
        if found is not None:
            return found
    return None


def _merged(items) -> tuple:
    """Adjacent skips as one, of their summed length, at every level."""
    out: list = []
    for item in items:
        if isinstance(item, Optional):
            item = Optional(_merged(item.items))
        elif isinstance(item, Choice):
            item = Choice(tuple(_merged(o) for o in item.options))
        if isinstance(item, Skip) and out and isinstance(out[-1], Skip):
            out[-1] = Skip(out[-1].column, out[-1].words + item.words)
        else:
            out.append(item)
    return tuple(out)


def _skips(items) -> list[Skip]:
    """The skips along the path through the pattern that has the most: a
    match takes one option of a choice, so only the options' largest counts."""
    found = []
    for item in items:
        if isinstance(item, Skip):
            found.append(item)
        elif isinstance(item, Optional):
            found.extend(_skips(item.items))
        elif isinstance(item, Choice):
            found.extend(max((_skips(o) for o in item.options), key=len))
    return found


def _words(items) -> int:
    """The most words a match of `items` can span."""
    total = 0
    for item in items:
        if isinstance(item, Skip):
            total += item.words
        elif isinstance(item, Optional):
            total += _words(item.items)
        elif isinstance(item, Choice):
            total += max(_words(o) for o in item.options)
        else:
            total += 1
    return total


def _earliest(text: str, start: int, reach: int) -> int:
    """Where a match ending at `start` may begin: `reach` characters back, a
    run of spaces counting as one (a sentence is at most MAX_SENTENCE long,
    so widening the window as it takes in more runs is bounded)."""
    low = max(0, start - reach)
    while low > 0:
        segment = text[low:start]
        extra = len(segment) - len(" ".join(segment.split()))  # the spaces beyond one per run
        wider = max(0, start - reach - extra)
        if wider >= low:
            return low
        low = wider
    return low


def _trimmed(items, leading: bool) -> tuple:
    """Without the skips and optional words at the far end from the value,
    which never decide whether a pattern matches there."""
    items = list(items)
    end = 0 if leading else -1
    while items and isinstance(items[end], (Skip, Optional)):
        items.pop(end)
    return tuple(items)


def compile_pattern(source: str) -> Pattern:
    items = _merged(parse(source))
    slots = [i for i, item in enumerate(items) if isinstance(item, Slot)]
    if not slots:
        nested = _nested_slot(items)
        if nested is not None:
            raise PatternError("{value} cannot be optional or part of a choice", nested.column)
        raise PatternError("pattern has no {value}: say where the value stands", 1)
    if len(slots) > 1:
        raise PatternError("pattern has more than one {value}", items[slots[1]].column)
    skips = _skips(items)
    if len(skips) > MAX_SKIPS:
        raise PatternError(
            f"at most {MAX_SKIPS} '...' in one match of a pattern (adjacent ones count as one)", skips[MAX_SKIPS].column
        )
    head, tail = _trimmed(items[: slots[0]], leading=True), _trimmed(items[slots[0] + 1 :], leading=False)
    before = after = None
    if head:
        before = re.compile(_regex(head) + SEPARATOR + r"\Z", re.IGNORECASE)
    if tail:
        after = re.compile(SEPARATOR + _regex(tail), re.IGNORECASE)
    reach = (_words(head) + 1) * _WORD_CHARS
    return Pattern(source, before, after, _keywords(head) + _keywords(tail), reach)
