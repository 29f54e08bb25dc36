"""Rule files: load, validate, and compile into `Field`s.

A rule file names the facts worth comparing for an event; see docs/design.md for
the format. Every mistake is reported with file:line:column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from importlib import resources
from pathlib import Path

import attrs

from checker.errors import InputError, Location
from checker.fieldtypes import TYPES
from checker.load import yamlfile
from checker.read import clock, units
from checker.read.currencies import CODE_ALIASES, SORTED_CODES
from checker.read.layout import SKIPPABLE
from checker.rules.model import COMBINES, PARTS, SCOPES, SEVERITIES, Example, Field, Rates, RuleSet, Tolerance
from checker.rules.patterns import Pattern, PatternError, compile_pattern
from checker.rules.proximity import DEFAULT_WITHIN, Cues

FILE_KEYS = ("$schema", "event", "description", "timezone", "fields")
FIELD_KEYS = (
    "id", "about", "type", "unit", "patterns", "near", "not_near", "only_in_sentences_with",
    "not_in_sentences_with", "scope", "skip", "tolerance", "severity", "combine", "part", "choices", "items", "exhaustive",
    "rates", "counting", "dimension", "examples",
)
CUE_KEYS = ("words", "within")
EXAMPLE_KEYS = ("text", "value", "ref_date")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def schema_text() -> str:
    """The JSON Schema of rule files, as shipped in the package."""
    return resources.files("checker").joinpath("schema/rules.schema.json").read_text(encoding="utf-8")


def load_rules(folder: Path, display: str | None = None) -> RuleSet:
    """Every `*.yaml`/`*.yml` below `folder`, validated and compiled."""
    display = display or str(folder)
    if not folder.exists():
        raise InputError(display, "no such rules folder")
    paths = [folder] if folder.is_file() else sorted(
        p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
    )
    if not paths:
        raise InputError(display, "no rule files (*.yaml) here")
    fields = []
    digest = hashlib.sha256()
    for path in paths:
        shown = str(path) if folder.is_file() else str(Path(display) / path.relative_to(folder))
        fields.extend(load_rule_file(path, shown))
        digest.update(shown.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return RuleSet(_distinct(fields), tuple(str(p) for p in paths), digest.hexdigest())


BUILTIN = "builtin:"  # --rules builtin:common: rules that ship with claimcheck


def builtin_names() -> list[str]:
    return sorted(p.name for p in _builtin_root().iterdir() if p.is_dir() and not p.name.startswith("_"))


def _builtin_root() -> Path:
    return Path(str(resources.files("checker").joinpath("builtin")))


def _folder(name: str) -> Path:
    """Where a folder of rules is: a path, or one of the built-in folders."""
    if not name.startswith(BUILTIN):
        return Path(name)
    wanted = name[len(BUILTIN):]
    if wanted not in builtin_names():
        raise InputError(name, f"no built-in rules called {wanted!r} (there are: {', '.join(builtin_names())})")
    return _builtin_root() / wanted


def load_rule_folders(folders: list[str]) -> RuleSet:
    """Rules from several folders (or files), as one set: `--rules builtin:common --rules mine`."""
    sets = [load_rules(_folder(folder), folder) for folder in folders]
    return RuleSet(
        _distinct([f for rules in sets for f in rules.fields]),
        tuple(p for rules in sets for p in rules.files),
        hashlib.sha256("".join(rules.digest for rules in sets).encode()).hexdigest(),
    )


def _distinct(fields: list[Field]) -> tuple[Field, ...]:
    """The fields, refusing a second one with the same event and id."""
    seen: dict[tuple, Location] = {}
    for field in fields:
        key = (field.event, field.id)
        if key in seen:
            raise InputError(field.location, f"duplicate field id {field.id!r} (first defined at {seen[key]})")
        seen[key] = field.location
    return tuple(fields)


def load_rule_file(path: Path, display: str) -> list[Field]:
    doc = yamlfile.load(path, display)
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "a rule file is a mapping with `fields:` (and usually `event:`)")
    doc.check_keys((), data, FILE_KEYS, "rule file")
    event = data.get("event")
    if event is not None and not isinstance(event, str):
        raise doc.error(("event",), "`event` must be a name")
    fields = data.get("fields")
    if not isinstance(fields, list) or not fields:
        raise doc.error(("fields",) if "fields" in data else (), "`fields` must be a non-empty list")
    timezone = clock.timezone_name(doc, ("timezone",), data.get("timezone"))
    return [attrs.evolve(_field(doc, ("fields", i), spec, event), timezone=timezone) for i, spec in enumerate(fields)]


def _field(doc, path, spec, event) -> Field:
    if not isinstance(spec, dict):
        raise doc.error(path, "each field is a mapping with at least id, type and patterns")
    doc.check_keys(path, spec, FIELD_KEYS, "field")
    for required in ("id", "type"):
        if required not in spec:
            raise doc.error(path, f"field is missing {required!r}")
    if "patterns" not in spec and "near" not in spec:
        raise doc.error(path, "field needs `patterns`, `near`, or both: where its value stands")
    field_id = doc.string(path + ("id",), spec["id"], "id")
    if not _ID.match(field_id):
        raise doc.error(path + ("id",), f"id {field_id!r} must be lower-case words joined by '-'")
    type_ = doc.one_of(path + ("type",), spec["type"], tuple(TYPES), "type")
    kind = TYPES[type_]
    dimension = _dimension(doc, path, spec, type_)
    unit = kind.unit(doc, path + ("unit",), spec.get("unit"), dimension)
    choices = _choices(doc, path, spec, type_)
    field = Field(
        id=field_id,
        type=type_,
        event=event,
        about=spec.get("about") or "",
        unit=unit,
        patterns=_patterns(doc, path + ("patterns",), spec["patterns"]) if "patterns" in spec else (),
        tolerance=_tolerance(doc, path + ("tolerance",), spec.get("tolerance")),
        severity=doc.one_of(path + ("severity",), spec.get("severity", "error"), SEVERITIES, "severity"),
        combine=doc.one_of(path + ("combine",), spec.get("combine", "intersect"), COMBINES, "combine"),
        part=_part(doc, path + ("part",), spec.get("part"), type_),
        choices=choices,
        exhaustive=_boolean(doc, path + ("exhaustive",), spec.get("exhaustive", False)),
        examples=(),
        location=doc.where(path),
        near=_cues(doc, path + ("near",), spec.get("near")),
        not_near=_cues(doc, path + ("not_near",), spec.get("not_near")),
        only_in=_cues(doc, path + ("only_in_sentences_with",), spec.get("only_in_sentences_with"), within=False),
        not_in=_cues(doc, path + ("not_in_sentences_with",), spec.get("not_in_sentences_with"), within=False),
        scope=doc.one_of(path + ("scope",), spec.get("scope", "event"), SCOPES, "scope"),
        skip=_skip(doc, path + ("skip",), spec.get("skip", [])),
        rates=_rates(doc, path + ("rates",), spec.get("rates"), type_),
        counting=_counting(doc, path + ("counting",), spec.get("counting"), type_),
        dimension=dimension,
    )
    kind.check(doc, path, field)
    examples = _examples(doc, path + ("examples",), spec.get("examples", []), field)
    return attrs.evolve(field, examples=examples)


def _part(doc, path, part, type_: str) -> str | None:
    if part is None:
        return None
    if "part" not in TYPES[type_].options:
        raise doc.error(path, f"`part` picks an end of a date range for a date field; a {type_} field takes none", key=True)
    return doc.one_of(path, part, PARTS, "part")


def _boolean(doc, path, value) -> bool:
    if not isinstance(value, bool):
        raise doc.error(path, "must be true or false")
    return value


def _dimension(doc, path, spec, type_: str) -> str | None:
    if "dimension" not in TYPES[type_].options:
        if "dimension" in spec:
            raise doc.error(path + ("dimension",), f"`dimension` belongs to a quantity field, not a {type_} field", key=True)
        return None
    if "dimension" not in spec:
        raise doc.error(path, f"a quantity field needs `dimension`: one of {', '.join(units.DIMENSIONS)}")
    return doc.one_of(path + ("dimension",), spec["dimension"], tuple(units.DIMENSIONS), "dimension")


def _patterns(doc, path, patterns) -> tuple[Pattern, ...]:
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns:
        raise doc.error(path, "`patterns` must be a non-empty list of strings")
    compiled = []
    for i, source in enumerate(patterns):
        doc.string(path + (i,), source, "a pattern")
        try:
            compiled.append(compile_pattern(source))
        except PatternError as error:
            where = doc.where(path + (i,))
            column = (where.column or 1) + error.column - 1 + _quote_width(doc, path + (i,), source)
            raise InputError(attrs.evolve(where, column=column), f"bad pattern: {error}") from None
    return tuple(compiled)


def _quote_width(doc, path, source: str) -> int:
    """1 when the pattern was written in quotes, so columns point into it."""
    where = doc.where(path)
    try:
        line = Path(doc.path).read_text(encoding="utf-8").splitlines()[where.line - 1]
    except (OSError, IndexError, TypeError):
        return 0
    return 1 if line[where.column - 1 : where.column] in ("'", '"') else 0


def _words(doc, path, words, what: str) -> tuple[str, ...]:
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise doc.error(path, f"{what} must be a non-empty list of words or phrases")
    return tuple(words)


def _cues(doc, path, value, within: bool = True) -> Cues | None:
    """`near: {words: [killed, dead], within: 6}`, or just the list of words."""
    if value is None:
        return None
    if not within or isinstance(value, (list, str)):
        return Cues(_words(doc, path, value, f"`{path[-1]}`"))
    if not isinstance(value, dict):
        raise doc.error(path, f"`{path[-1]}` is {{words: [...], within: N}} or a list of words")
    doc.check_keys(path, value, CUE_KEYS, f"`{path[-1]}`")
    if "words" not in value:
        raise doc.error(path, f"`{path[-1]}` needs `words`")
    reach = value.get("within", DEFAULT_WITHIN)
    if isinstance(reach, bool) or not isinstance(reach, int) or reach < 0:
        raise doc.error(path + ("within",), "within is a whole number of words, like 6")
    return Cues(_words(doc, path + ("words",), value["words"], "words"), reach)


def _rates(doc, path, value, type_: str) -> Rates | None:
    """`rates: {EUR: 1.08, GBP: 1.27, as_of: 2024-04-26, tolerance: "2%"}`."""
    if value is None:
        return None
    if "rates" not in TYPES[type_].options:
        raise doc.error(path, f"`rates` convert currencies for a money field; a {type_} field takes none", key=True)
    if not isinstance(value, dict) or not value:
        raise doc.error(path, "`rates` maps currency codes to what one unit is worth in the field's currency")
    worth, as_of, tolerance = [], None, 0.0
    for key, rate in value.items():
        if key == "as_of":
            if not isinstance(rate, dt.date):
                raise doc.error(path + (key,), "as_of must be a date like 2024-04-26")
            as_of = rate
        elif key == "tolerance":
            match = _PERCENT.match(str(rate))
            if not match:
                raise doc.error(path + (key,), "the tolerance of rates is a percentage like \"2%\"")
            tolerance = float(match.group(1)) / 100
        else:
            code = CODE_ALIASES.get(str(key).upper(), str(key).upper())
            doc.one_of(path + (key,), code, SORTED_CODES, "currency")
            if isinstance(rate, bool) or not isinstance(rate, (int, float)) or rate <= 0:
                raise doc.error(path + (key,), f"the rate of {key} must be a positive number")
            worth.append((code, float(rate)))
    if not worth:
        raise doc.error(path, "`rates` names no currency")
    return Rates(tuple(worth), as_of, tolerance)


def _counting(doc, path, value, type_: str) -> frozenset[str]:
    """`counting: [people, villagers, dead]`: the words a count must be of."""
    if value is None:
        return frozenset()
    if "counting" not in TYPES[type_].options:
        raise doc.error(path, f"`counting` names what a count counts; a {type_} field takes none", key=True)
    return frozenset(w.lower() for w in _words(doc, path, value, "`counting`"))


def _skip(doc, path, value) -> frozenset[str]:
    kinds = _words(doc, path, value, "`skip`") if value else ()
    for i, kind in enumerate(kinds):
        doc.one_of(path + (i,) if isinstance(value, list) else path, kind, SKIPPABLE, "part to skip")
    return frozenset(kinds)


def _tolerance(doc, path, value) -> Tolerance | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise doc.error(path, "tolerance is a number in the field's unit, or a percentage like \"5%\"")
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if not match:
            raise doc.error(path, f"tolerance {value!r} is neither a number nor a percentage like \"5%\"")
        return Tolerance(float(match.group(1)) / 100, relative=True)
    if value < 0:
        raise doc.error(path, "tolerance cannot be negative")
    return Tolerance(float(value), relative=False)


def _choices(doc, path, spec, type_: str):
    key = next((k for k in ("choices", "items") if k in TYPES[type_].options), None)
    for other in ("choices", "items"):
        if other in spec and other != key:
            raise doc.error(path + (other,), f"`{other}` belongs to a {'text' if other == 'choices' else 'set'} field, not a {type_} field", key=True)
    if key is None:
        return ()
    mapping = spec.get(key)
    if not isinstance(mapping, dict) or not mapping:
        raise doc.error(path + (key,) if key in spec else path, f"a {type_} field needs `{key}`: a mapping of names to the phrases that say them")
    result = []
    for name, synonyms in mapping.items():
        if isinstance(synonyms, str):
            synonyms = [synonyms]
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and s.strip() for s in synonyms):
            raise doc.error(path + (key, name), f"`{name}` must list the phrases that say it")
        result.append((str(name), tuple(synonyms) or (str(name),)))
    return tuple(result)


def _examples(doc, path, examples, field: Field) -> tuple[Example, ...]:
    if not isinstance(examples, list):
        raise doc.error(path, "`examples` must be a list of {text, value} mappings")
    result = []
    for i, example in enumerate(examples):
        where = path + (i,)
        if not isinstance(example, dict) or "text" not in example or "value" not in example:
            raise doc.error(where, "an example needs `text` and `value` (null: must not match)")
        doc.check_keys(where, example, EXAMPLE_KEYS, "example")
        doc.string(where + ("text",), example["text"], "example text")
        ref = example.get("ref_date")
        if ref is not None and not isinstance(ref, dt.date):
            raise doc.error(where + ("ref_date",), "ref_date must be a date like 2024-04-26")
        value = example["value"]
        problem = None if value is None else field.kind.expected_problem(field, value)
        if problem:
            raise doc.error(where + ("value",), problem)
        result.append(Example(example["text"], value, ref, doc.where(where)))
    return tuple(result)
