"""A figure as stated (`Amount`), and the typeset fractions a figure may be
written with. No grammar here: what only holds or shows amounts imports this,
not the parser (`numbers`).
"""

from __future__ import annotations

import attrs


@attrs.frozen(slots=True)
class Amount:
    """A stated figure: a point, a stated range ("5-7"), or a vague word's range.

    A vague range is open above ([low, high)); a stated one is closed.
    `scale` is the scale word the figure was given with ("5 billion": 1e9),
    so that "5-7 billion" can lend its scale to the bare 5.
    """

    low: float
    high: float
    vague: bool = False
    scale: float = attrs.field(default=1.0, eq=False)

    @classmethod
    def of(cls, x: float) -> Amount:
        return cls(x, x)

    def times(self, factor: float) -> Amount:
        return Amount(self.low * factor, self.high * factor, self.vague, self.scale)

    def plus(self, x: float) -> Amount:
        return Amount(self.low + x, self.high + x, self.vague, self.scale)


# Typeset fractions, alone or after a whole number: "½ hour", "3½ hours", "2 ¼ miles"
VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}
VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
