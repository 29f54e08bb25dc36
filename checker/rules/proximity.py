"""Proximity cues: a field's value is the one within a few words of a cue.

Some facts are phrased too freely for a fixed pattern ("killed", "the death
toll rose to", "dead"), so a rule can say `near: {words: [...], within: 6}`:
a value of the field's type counts when a cue stands at most `within` words
before or after it, in the same sentence. `not_near` names cues that take a
value away ("injured"): when one of them is at least as near to the value as
every `near` cue (and within its own `within`), the value is not the field's.

A cue reaches only the nearest figures on either side of it: in "killing 12
people and forcing 40,000 from their homes", "killing" reaches 12, and 12
stands between it and 40,000.
"""

from __future__ import annotations

import re

import attrs

from checker.rules.patterns import words_regex
from checker.read.text import COMMON_WORDS, normalize, words_of

DEFAULT_WITHIN = 6
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@attrs.frozen(slots=True)
class Cues:
    words: tuple[str, ...]
    within: int = DEFAULT_WITHIN
    regex: re.Pattern = attrs.field(init=False, repr=False, eq=False)
    keywords: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @regex.default
    def _regex(self) -> re.Pattern:
        phrases = sorted(self.words, key=len, reverse=True)
        return re.compile("|".join(f"(?:{words_regex(p)})" for p in phrases), re.IGNORECASE)

    @keywords.default
    def _keywords(self) -> frozenset[str]:
        # a cue matches as whole words, so each of its words is needed: the
        # longest uncommon one is the rarest ("homes" of "from their homes")
        return frozenset(
            max(words_of(normalize(p)), key=lambda w: (w not in COMMON_WORDS, len(w), w), default="") for p in self.words
        )

    def could_match(self, words: frozenset[str]) -> bool:
        """Cheap prefilter: some cue has a word among the sentence's `words`."""
        return not self.keywords.isdisjoint(words)

    def distance(self, text: str, start: int, end: int, others=()) -> int | None:
        """Words between the span text[start:end] and the nearest cue, or None if none is within reach.

        `others` are the spans of the other figures of the sentence; a cue
        does not reach past one of them.
        """
        best = None
        for match in self.regex.finditer(text):
            if match.end() <= start:
                low, high = match.end(), start
            elif match.start() >= end:
                low, high = end, match.start()
            else:
                continue  # the cue is inside the value's own text
            if any(low <= s and e <= high for s, e in others):
                continue
            gap = text[low:high]
            words = len(_WORD.findall(gap))
            if words <= self.within and (best is None or words < best):
                best = words
        return best


def takes(
    near: Cues | None, not_near: Cues | None, text: str, start: int, end: int, matched: bool, others=()
) -> bool:
    """Whether the value at text[start:end] is the field's.

    `matched` says a pattern already took it; otherwise a `near` cue must.
    `others` are the spans of the sentence's other figures.
    """
    nearest = near.distance(text, start, end, others) if near is not None else None
    if not matched and nearest is None:
        return False
    if not_near is None:
        return True
    against = not_near.distance(text, start, end, others)
    if against is None:
        return True
    return nearest is not None and nearest < against  # a tie goes to the excluding cue
