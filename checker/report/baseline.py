"""The baseline: discrepancies a team has reviewed and accepted.

`claimcheck baseline` writes every current discrepancy to a file; later,
`claimcheck check --baseline FILE` fails only on discrepancies not in it, and
names entries that no longer occur as stale. An entry is the event, the field,
the verdict and the values in dispute, as the report shows them: it survives
any edit elsewhere in the articles (no line numbers), and changing a disputed
value makes it a new discrepancy. The file is YAML, sorted, one entry per
discrepancy, and replaced atomically.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import yaml

from checker.load import yamlfile
from checker.judge.compare import DISCREPANCIES, Result
from checker.errors import InputError
from checker.load.files import write_atomically

DEFAULT_FILE = "claimcheck-baseline.yaml"
_HEADER = """\
# Discrepancies reviewed and accepted. `claimcheck check --baseline FILE` fails
# only on discrepancies not listed here. Written by `claimcheck baseline`; an
# entry is keyed by event, field and the values in dispute, not by lines.
"""
_KEYS = ("event", "field", "verdict", "values")


@attrs.frozen(slots=True, order=True)
class Entry:
    event: str
    field: str
    verdict: str
    values: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.event} / {self.field}: {self.verdict} between {' and '.join(self.values)}"


def entry(result: Result) -> Entry:
    """A discrepancy as a baseline entry: the distinct values in dispute, sorted.

    A field whose outlets agree but where an article contradicts itself is
    entered as that self-contradiction.
    """
    if result.verdict == "conflict":
        claims = [c for v in result.stated for c in (v.claims if v.self_contradiction else (v.claim,))]
    else:
        claims = [m.claim for v in result.contradicting for m in v.mentions]
    verdict = result.verdict if result.verdict in DISCREPANCIES else "self-contradiction"
    values = sorted({result.field.kind.show(result.field, c) for c in claims})
    return Entry(result.event, result.field.id, verdict, tuple(values))


def entries(results: tuple[Result, ...]) -> tuple[Entry, ...]:
    """Every discrepancy among the results, as sorted baseline entries."""
    return tuple(sorted({entry(r) for r in results if r.is_discrepancy}))


def load(path: Path, display: str) -> frozenset[Entry]:
    """The accepted entries; a missing or malformed file is bad input (file:line:column)."""
    doc = yamlfile.load(path, display)
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("accepted"), list):
        raise doc.error((), "a baseline is a mapping with `accepted:`, a list of entries")
    doc.check_keys((), data, ("accepted",), "baseline")
    result = set()
    for i, item in enumerate(data["accepted"]):
        where = ("accepted", i)
        if not isinstance(item, dict):
            raise doc.error(where, "each entry has event, field, verdict and values")
        doc.check_keys(where, item, _KEYS, "baseline entry")
        missing = [k for k in _KEYS if k not in item]
        if missing:
            raise doc.error(where, f"entry is missing {', '.join(missing)}")
        values = item["values"]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise doc.error(where + ("values",), "values is a list of the values in dispute, as the report shows them")
        result.add(Entry(str(item["event"]), str(item["field"]), str(item["verdict"]), tuple(sorted(values))))
    return frozenset(result)


def write(path: Path, accepted: tuple[Entry, ...]) -> None:
    """Replace the baseline file atomically: readers see the old file or the new one."""
    body = yaml.safe_dump(
        {"accepted": [{k: (list(v) if k == "values" else v) for k, v in attrs.asdict(e).items()} for e in sorted(accepted)]},
        sort_keys=False, allow_unicode=True, width=100,
    )
    try:
        write_atomically(path, _HEADER + body)
    except OSError as error:
        raise InputError(str(path), f"cannot write the baseline: {error.strerror}") from None
