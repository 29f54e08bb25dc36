"""What extraction finds: where an article states a field (`Mention`), and
where it seems to without a value (`Miss`)."""

from __future__ import annotations

import attrs

from checker.fieldtypes import Claim
from checker.read.text import one_line


@attrs.frozen(slots=True)
class Mention:
    field: str
    article: str
    outlet: str
    line: int
    column: int
    start: int
    end: int
    text: str
    sentence: str
    claim: Claim
    sentence_start: int = 0  # where `sentence` starts in the article
    background: str | None = None  # the earlier time its clause is about ("2010"), if any
    source: str | None = None  # who the sentence says states it ("police")
    day_from: str | None = None  # a time of day with no day in its sentence: where its day came from

    @property
    def marked_sentence(self) -> str:
        """The sentence on one line, the mention's text between « »."""
        at = self.start - self.sentence_start
        s = self.sentence
        return one_line(f"{s[:at]}«{s[at : at + len(self.text)]}»{s[at + len(self.text):]}")


@attrs.frozen(slots=True)
class Miss:
    """A sentence with a field's cue words that gave the field no value."""

    field: str
    article: str
    outlet: str
    line: int
    column: int
    sentence: str
    # how likely the sentence holds a missed value: 0 without a figure the
    # field could take, else higher the closer it stands to a cue word
    likelihood: float = 0.0
