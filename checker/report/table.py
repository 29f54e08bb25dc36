"""The report people read: per event, a matrix of fields by outlets when it
fits the width, else a block per field with an outlet per line; then the
notes (who disagrees with whom), --explain's evidence and the misses."""

from __future__ import annotations

import textwrap
from collections import Counter

from checker.judge.compare import Result
from checker.printable import printable
from checker.read.text import one_line

ALL = "*"  # --explain without a field: every field
# conflicts first, then what is close, then agreement, then the rest
_ORDER = ("conflict", "self-contradiction", "not-comparable", "compatible", "agree", "single-source", "missing")
_COLOR = {"conflict": "31", "self-contradiction": "31", "not-comparable": "33", "compatible": "33", "agree": "32"}
_NARROWEST_COLUMN = 12  # an outlet's column in the matrix is wrapped to no fewer characters


def as_text(
    results, explain: str | None, markdown: bool = False, width: int | None = None, color: bool = False,
) -> str:
    """The report; in markdown, a table per event; otherwise no line wider than `width`."""
    out = []
    for event, rows in by_event(results).items():
        when = rows[0].event_time.label
        out.append(f"## {event}" if markdown else f"Event: {event}")
        if when != "unknown":
            out.append(f"Time: {when}")
        out.append("")
        out.append(_matrix(rows, "github") if markdown else _fitted(rows, width, color))
        notes = [line for r in rows for line in notes_of(r)]
        if notes:
            out.append("")
            out.extend(f"- {n}" for n in notes)
        explained = [r for r in rows if explain in (ALL, r.field.id)]
        if explained:
            out.append("")
            out.extend(_explain(explained))
        missed = [r for r in rows if r.misses]
        if missed:
            out.append("")
            out.extend(_misses(missed))
        out.append("")
    out.append(_summary(results))
    text = "\n".join(out)
    return text if width is None or markdown else _wrapped(text, width)


def by_event(results) -> dict[str, list[Result]]:
    """The results grouped by event, in order."""
    events: dict[str, list[Result]] = {}
    for result in results:
        events.setdefault(result.event, []).append(result)
    return events


def _matrix(rows, tablefmt: str, color: bool = False, column: int | None = None) -> str:
    """Fields by outlets; an outlet's name and values wrapped to `column` characters if given."""
    outlets = [printable(v.outlet) for v in rows[0].values]
    table = [[r.field.id, *(cell(r, v) for v in r.values), _paint(verdict_of(r), r.verdict, color)] for r in rows]
    widths = None if column is None else [None, *[column] * len(outlets), None]
    from tabulate import tabulate  # imported by the reports that draw tables only

    return tabulate(
        table, headers=["field", *outlets, "verdict"], tablefmt=tablefmt, disable_numparse=True,
        maxcolwidths=widths, maxheadercolwidths=widths,
    )


def _fitted(rows, width: int | None, color: bool) -> str:
    """The matrix; with outlets' names and values wrapped if that makes it fit; else blocks."""
    full = _matrix(rows, "simple", color)
    if width is None or _widest(full) <= width:
        return full
    outlets = len(rows[0].values)
    fixed = max(len(r.field.id) for r in rows) + max(len(verdict_of(r)) for r in rows) + 2 * (outlets + 1)
    column = (width - fixed) // outlets
    if column >= _NARROWEST_COLUMN:
        wrapped = _matrix(rows, "simple", color, column)
        if _widest(wrapped) <= width:
            return wrapped
    return _blocks(rows, color)


def _blocks(rows, color: bool) -> str:
    """A block per field (conflicts first), an outlet per line, in the manifest's order."""
    lines = []
    named = max(len(v.outlet) for v in rows[0].values)
    for r in sorted(rows, key=lambda r: _ORDER.index(r.verdict) if r.verdict in _ORDER else len(_ORDER)):
        lines.append(f"{r.field.id}: {_paint(verdict_of(r), r.verdict, color)}")
        stating = [v for v in r.values if v.claim is not None or v.self_contradiction]
        lines.extend(f"  {printable(v.outlet).ljust(named)}  {cell(r, v)}" for v in stating)
        silent = [v.outlet for v in r.values if v not in stating]
        if silent:
            lines.append(f"  (no value: {', '.join(silent)})")
    return "\n".join(lines)


def _widest(text: str) -> int:
    return max((len(_plain(line)) for line in text.splitlines()), default=0)


def _plain(line: str) -> str:
    """The line as it shows: without colour codes."""
    while "\x1b[" in line:
        start = line.index("\x1b[")
        line = line[:start] + line[line.index("m", start) + 1 :]
    return line


def _wrapped(text: str, width: int) -> str:
    """Every line within `width`, a wrapped line indented under its start."""
    out = []
    for line in text.splitlines():
        if len(_plain(line)) <= width:
            out.append(line)
            continue
        indent = " " * min(len(line) - len(line.lstrip()) + 2, width // 2)
        out.extend(textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False) or [""])
    return "\n".join(out)


def _paint(text: str, verdict: str, color: bool) -> str:
    code = _COLOR.get(verdict)
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def cell(r: Result, v) -> str:
    """What an article says of a field: its value, or all its values when they disagree."""
    if v.self_contradiction:
        return " ≠ ".join(r.field.kind.show(r.field, c) for c in v.claims)
    return r.field.kind.show(r.field, v.claim)


def verdict_of(r: Result) -> str:
    notes = [n for n in (r.field.severity if r.field.severity != "error" else "", "accepted" if r.accepted else "") if n]
    if r.is_discrepancy and notes:
        return f"{r.verdict} ({', '.join(notes)})"
    return r.verdict


def notes_of(r: Result) -> list[str]:
    """What a reader must know beyond the table: who disagrees, what is omitted."""
    return _sides(r) + _contradictions(r) + _others(r)


def _sides(r: Result) -> list[str]:
    """A conflict, read one way: "field: conflict (error): value — outlets; vs value — outlets"."""
    if r.verdict != "conflict":
        return []
    outlets = {v.article: v for v in r.values}
    sides = []
    for group in r.groups:
        by_value: dict[str, list[str]] = {}  # the group's values in order, each with its outlets
        for article in group:
            shown = r.field.kind.show(r.field, outlets[article].claim)
            by_value.setdefault(shown, []).append(outlets[article].outlet)
        said = _sources(outlets[a] for a in group)
        sides.append(", ".join(f"{value} — {', '.join(names)}" for value, names in by_value.items()) + said)
    return [f"{r.field.id}: conflict ({r.field.severity}): " + "; vs ".join(sides)]


def _sources(values) -> str:
    """" (according to police, agency)": who the outlets on one side quote, if anyone."""
    named = dict.fromkeys(m.source for v in values for m in v.evidence if m.source)
    return f" (according to {', '.join(named)})" if named else ""


def _contradictions(r: Result) -> list[str]:
    """Each article that contradicts itself, with every mention."""
    return [
        f"{r.field.id}: {v.outlet} contradicts itself: "
        + "; ".join(f"\"{printable(one_line(m.text))}\" (line {m.line})" for m in v.mentions)
        for v in r.contradicting
    ]


def _others(r: Result) -> list[str]:
    if any(v.omits for v in r.stated):  # set fields
        omissions = "; ".join(
            f"{v.outlet} omits {', '.join(sorted(v.omits))}" for v in r.stated if v.omits
        )
        return [f"{r.field.id}: {omissions}"]
    if r.verdict == "not-comparable":
        return [f"{r.field.id}: values in different currencies, no exchange rate declared"]
    return []


def _explain(rows) -> list[str]:
    """Per field and outlet: each sentence, the matched span between « », what it was read as."""
    lines = []
    for r in rows:
        lines.append(f"{r.field.id} ({r.field.type}): {r.verdict}")
        for v in r.values:
            if not v.mentions:
                continue
            lines.append(f"  {v.outlet} -> {r.field.kind.show(r.field, v.claim)}")
            lines.extend(_evidence(r, v.mentions))
        if not any(v.mentions for v in r.values):
            lines.append("  no mentions")
        if r.background:
            counted = "event" if r.field.scope == "background" else "background"
            lines.append(f"  not counted ({counted}; the field's scope is {r.field.scope}):")
            lines.extend(_evidence(r, r.background))
    return lines


def _evidence(r: Result, mentions) -> list[str]:
    """Each mention: where, what it was read as and why, and its sentence."""
    lines = []
    for m in mentions:
        notes = [f"background: {m.background}" if m.background else "", f"source: {m.source}" if m.source else "",
                 f"day: {m.day_from}" if m.day_from else ""]
        why = "; ".join(n for n in notes if n)
        read = f"{printable(m.article)}:{m.line}:{m.column}: {m.text!r} read as {r.field.kind.show(r.field, m.claim)}"
        lines.append(f"    {read}" + (f" ({printable(why)})" if why else ""))
        lines.append(f"      {printable(m.marked_sentence)}")  # an article's escape codes never reach the terminal
    return lines


_MOST_MISSES = 5  # per field in the text report; JSON lists them all


def _misses(rows) -> list[str]:
    """Sentences with a field's cue words that gave it no value: the likeliest
    to hold a missed value (a figure near a cue word) first, then a count of the rest."""
    lines = []
    for r in rows:
        lines.append(f"{r.field.id}: {len(r.misses)} sentence(s) with its cue words but no value")
        shown = r.misses[:_MOST_MISSES]
        for m in shown:
            lines.append(f"    {printable(m.article)}:{m.line}:{m.column}: {printable(m.outlet)}: {printable(m.sentence)}")
        rest = r.misses[len(shown):]
        if rest:
            with_figures = sum(m.likelihood > 0 for m in rest)
            lines.append(f"    ... and {len(rest)} more ({with_figures} with a figure the field could take; --format json lists all)")
    return lines


def _summary(results) -> str:
    counts = Counter(r.verdict for r in results)
    parts = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{len(results)} fields checked: {parts}."
