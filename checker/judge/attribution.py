"""Who states a figure: "..., the national seismology agency said", "according
to police", "the regional observatory put it at 5.6", "said the agency".

The source travels with the mention, so that a conflict between two outlets
quoting two sources reads "observatory: 5.6 vs agency: 5.9" at a glance.
"""

from __future__ import annotations

import re

_SAYS = r"(?:said|says|told\s+\w+|reported|reports|estimated|estimates|announced|confirmed|stated|added|noted|warned)"
_PUTS = r"(?:put|puts|putting|placed|places|estimated|estimates|measured|recorded)\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+at"
_WORD = r"[^\W\d][\w'’.&-]*"
_WHO = r"(?P<who>(?:the\s+|a\s+|an\s+)?" + _WORD + r"(?:\s+(?!said\b|says\b)" + _WORD + r"){0,6}?)"
# after the verb ("said the agency"): a name, a few words at most
_WHO_AFTER = r"(?P<who>(?:the\s+|an?\s+)?[A-Z]?" + _WORD + r"(?:\s+" + _WORD + r"){0,4}?)"
_PATTERNS = (
    re.compile(r"\baccording\s+to\s+" + _WHO + r"(?=\s*(?:[,.;:)]|$|\s+(?:on|in|at|which|who)\b))", re.IGNORECASE),
    re.compile(r"(?:^|[,;][\"”]?\s*|\s[\"”]\s*)" + _WHO + r"\s+" + _SAYS + r"\b"),
    re.compile(r"[,\"”]\s*" + _SAYS + r"\s+" + _WHO_AFTER + r"(?=\s*(?:[.;]|$))"),
    re.compile(r"(?:^|[,;]\s*)" + _WHO + r"\s+" + _PUTS + r"\b", re.IGNORECASE),
)
_NOT_WHO = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|there)$", re.IGNORECASE)
# Each pattern's words, one of which (in lower case) it cannot match without:
# a sentence with none is passed over at the cost of a substring search, not
# of a regex tried at every character.
_SAYS_WORDS = ("said", "says", "told", "report", "estimat", "announced", "confirmed", "stated", "added", "noted", "warned")
NEEDED = (("according",), _SAYS_WORDS, _SAYS_WORDS, ("put", "placed", "places", "estimat", "measured", "recorded"))


def source_of(sentence: str) -> str | None:
    """Who the sentence says states its figures, or None."""
    lowered = sentence.lower()
    for pattern, needed in zip(_PATTERNS, NEEDED):
        match = any(word in lowered for word in needed) and pattern.search(sentence)
        if match:
            who = match.group("who").strip(" \"“”'.,")
            who = re.sub(r"^(?:(?:and|but|while|whereas|although|though|yet|as|so)\s+)?(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
            who = re.sub(r"^(?:and|but|while|whereas|although|though|yet|as|so)\s+", "", who, flags=re.IGNORECASE)
            if who and not _NOT_WHO.match(who) and len(who) <= 60:
                return who
    return None
