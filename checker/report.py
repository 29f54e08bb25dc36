"""Reports of a check: a table for people, markdown, and versioned JSON for tools."""

from __future__ import annotations

import json
from collections import Counter

from tabulate import tabulate

from checker import show
from checker.compare import Result

JSON_SCHEMA_VERSION = 1
FORMATS = ("table", "markdown", "json")


ALL = "*"  # --explain without a field: every field


def render(results: tuple[Result, ...], fmt: str = "table", explain: str | None = None) -> str:
    """The report; `explain` is a field id, ALL, or None."""
    if fmt == "json":
        return as_json(results)
    return as_text(results, "github" if fmt == "markdown" else "simple", explain)


def _by_event(results):
    events: dict[str, list[Result]] = {}
    for result in results:
        events.setdefault(result.event, []).append(result)
    return events


def as_text(results, tablefmt: str, explain: str | None) -> str:
    out = []
    markdown = tablefmt == "github"
    for event, rows in _by_event(results).items():
        outlets = [v.outlet for v in rows[0].values]
        table = [
            [r.field.id, *(show.claim(r.field, v.claim) for v in r.values), _verdict(r)]
            for r in rows
        ]
        out.append(f"## {event}" if markdown else f"Event: {event}")
        out.append("")
        out.append(tabulate(table, headers=["field", *outlets, "verdict"], tablefmt=tablefmt))
        notes = [line for r in rows for line in _notes(r)]
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
    return "\n".join(out)


def _verdict(r: Result) -> str:
    if r.is_discrepancy and r.field.severity != "error":
        return f"{r.verdict} ({r.field.severity})"
    return r.verdict


def _notes(r: Result) -> list[str]:
    """What a reader must know beyond the table: who disagrees, what is omitted."""
    if r.verdict == "conflict":
        sides = []
        outlets = {v.article: v for v in r.values}
        for group in r.groups:
            shown = show.claim(r.field, outlets[group[0]].claim)
            sides.append(f"{shown}: {', '.join(outlets[a].outlet for a in group)}")
        return [f"{r.field.id}: conflict ({r.field.severity}) - " + " vs ".join(sides)]
    if r.verdict == "self-contradiction":
        own = [v for v in r.values if v.self_contradiction]
        return [
            f"{r.field.id}: {v.outlet} contradicts itself: "
            + "; ".join(f"{m.text!r} (line {m.line})" for m in v.mentions)
            for v in own
        ]
    if r.field.type == "set" and any(v.omits for v in r.stated):
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
            lines.append(f"  {v.outlet} -> {show.claim(r.field, v.claim)}")
            for m in v.mentions:
                lines.append(f"    {m.article}:{m.line}:{m.column}: {m.text!r} read as {show.claim(r.field, m.claim)}")
                lines.append(f"      {m.marked_sentence}")
        if not any(v.mentions for v in r.values):
            lines.append("  no mentions")
    return lines


def _misses(rows) -> list[str]:
    """Sentences with a field's cue words that gave it no value."""
    lines = []
    for r in rows:
        lines.append(f"{r.field.id}: {len(r.misses)} sentence(s) with its cue words but no value")
        for m in r.misses:
            lines.append(f"    {m.article}:{m.line}:{m.column}: {m.outlet}: {m.sentence}")
    return lines


def _summary(results) -> str:
    counts = Counter(r.verdict for r in results)
    parts = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{len(results)} fields checked: {parts}."


def as_json(results) -> str:
    entries = []
    for r in results:
        outlets = {v.article: v.outlet for v in r.values}
        entries.append({
            "event": r.event,
            "field": r.field.id,
            "type": r.field.type,
            "unit": r.field.unit,
            "severity": r.field.severity,
            "verdict": r.verdict,
            "articles": [
                {
                    "article": v.article,
                    "outlet": v.outlet,
                    "value": show.claim_json(r.field, v.claim),
                    **({"omits": sorted(v.omits)} if v.omits else {}),
                }
                for v in r.values
            ],
            "groups": [[outlets[a] for a in group] for group in r.groups],
            **({"misses": [
                {"article": m.article, "outlet": m.outlet, "line": m.line, "column": m.column, "sentence": m.sentence}
                for m in r.misses
            ]} if r.misses else {}),
            "mentions": [
                {
                    "article": m.article,
                    "outlet": m.outlet,
                    "text": m.text,
                    "value": show.claim_json(r.field, m.claim),
                    "line": m.line,
                    "column": m.column,
                }
                for v in r.values
                for m in v.mentions
            ],
        })
    return json.dumps({"schema": JSON_SCHEMA_VERSION, "results": entries}, indent=2, ensure_ascii=False)
