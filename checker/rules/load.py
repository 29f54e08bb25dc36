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

from checker.read import clock, units
from checker.load import yamlfile
from checker.errors import InputError, Location
from checker.read.dates import iso_span
from checker.read.currencies import CODE_ALIASES
from checker.read.layout import SKIPPABLE
from checker.rules.proximity import DEFAULT_WITHIN, Cues
from checker.rules.patterns import Pattern, PatternError, compile_pattern, words_regex
from checker.read.values import CURRENCY_CODES
from checker.read.units import DAY_SECONDS, DURATION_UNIT_OF, DURATION_UNITS

FIELD_TYPES = (
    "number", "count", "percent", "money", "duration", "date", "date-range", "text", "set",
    "quantity", "magnitude", "time",
)
MEASURE_TYPES = frozenset({"quantity", "magnitude", "time"})  # read only where a field asks
SEVERITIES = ("info", "warning", "error")  # in rising order
COMBINES = ("intersect", "max", "min", "first")
PARTS = ("start", "end")
DATE_GRAINS = ("day", "month", "year")

FILE_KEYS = ("$schema", "event", "description", "timezone", "fields")
FIELD_KEYS = (
    "id", "about", "type", "unit", "patterns", "near", "not_near", "only_in_sentences_with",
    "skip", "tolerance", "severity", "combine", "part", "choices", "items", "exhaustive",
    "rates", "counting", "dimension", "examples",
)
CUE_KEYS = ("words", "within")
EXAMPLE_KEYS = ("text", "value", "ref_date")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


@attrs.frozen(slots=True)
class Tolerance:
    amount: float
    relative: bool  # True: a fraction of the stated figure

    def absolute(self, figure: float, unit_factor: float) -> float:
        if self.relative:
            return self.amount * abs(figure)
        return self.amount * unit_factor


@attrs.frozen(slots=True)
class Rates:
    """Exchange rates declared for an event: what one unit of each currency is
    worth in the field's currency, as of a day, give or take `tolerance`."""

    worth: tuple[tuple[str, float], ...]
    as_of: dt.date | None = None
    tolerance: float = 0.0  # a fraction: 0.02 for "2%"

    def convert(self, interval, currency: str, into: str):
        """The interval in `into`, or None when no rate for `currency` was declared."""
        if currency == into:
            return interval
        rate = dict(self.worth).get(currency)
        if rate is None:
            return None
        return attrs.evolve(
            interval, low=interval.low * rate * (1 - self.tolerance), high=interval.high * rate * (1 + self.tolerance)
        )


@attrs.frozen(slots=True)
class Example:
    text: str
    value: object  # as written in the rule file; None: must not match
    ref_date: dt.date | None
    location: Location


@attrs.frozen(slots=True)
class Field:
    id: str
    type: str
    event: str | None
    about: str
    unit: str | None
    patterns: tuple[Pattern, ...]
    tolerance: Tolerance | None
    severity: str
    combine: str
    part: str | None
    choices: tuple[tuple[str, tuple[str, ...]], ...]  # canonical, synonyms (text, set)
    exhaustive: bool
    examples: tuple[Example, ...]
    location: Location
    near: Cues | None = None  # cue words a value must stand near
    not_near: Cues | None = None  # cue words that take a value away
    only_in: Cues | None = None  # a sentence must name one of these
    skip: frozenset[str] = frozenset()  # captions, bylines
    rates: Rates | None = None  # money fields: how to compare other currencies
    counting: frozenset[str] = frozenset()  # count fields: the nouns a count may be of
    dimension: str | None = None  # quantity fields: length, area, mass, ...
    timezone: str | None = None  # the rule file's `timezone:`, for times of day

    @property
    def unit_factor(self) -> float:
        """Canonical units per display unit (seconds per hour, metres per km, ...)."""
        if self.type == "duration":
            return DURATION_UNITS[self.unit or "hour"]
        if self.type in ("date", "date-range"):
            return DAY_SECONDS
        if self.type == "quantity":
            return units.unit(self.unit).factor
        if self.type == "time":
            return 60.0  # a time's tolerance is in minutes
        return 1.0

    # text and set fields: the phrases of every choice, longest first, as one
    # regex, and each phrase compiled alone to name the choice it stands for
    choice_regex: str = attrs.field(init=False, repr=False, eq=False)
    _synonyms: tuple = attrs.field(init=False, repr=False, eq=False)

    @choice_regex.default
    def _choice_regex(self) -> str:
        synonyms = sorted(
            (s for _, names in self.choices for s in names), key=len, reverse=True
        )
        return "|".join(f"(?:{words_regex(s)})" for s in synonyms)

    @_synonyms.default
    def _compile_synonyms(self) -> tuple:
        return tuple(
            (re.compile(words_regex(synonym), re.IGNORECASE), name)
            for name, synonyms in self.choices
            for synonym in synonyms
        )

    def canonical(self, text: str) -> str | None:
        """The choice a matched phrase stands for."""
        return next((name for regex, name in self._synonyms if regex.fullmatch(text)), None)

    def could_match(self, words: frozenset[str]) -> bool:
        """Cheap prefilter: could this field find anything in a sentence of these words?"""
        if self.only_in is not None and not self.only_in.could_match(words):
            return False
        return any(p.could_match(words) for p in self.patterns) or (
            self.near is not None and self.near.could_match(words)
        )

    def in_scope(self, sentence: str) -> bool:
        """`only_in_sentences_with`: the sentence names one of the words."""
        return self.only_in is None or self.only_in.regex.search(sentence) is not None


@attrs.frozen(slots=True)
class RuleSet:
    fields: tuple[Field, ...]
    files: tuple[str, ...]
    digest: str = ""  # of the rule files' bytes: a cache key

    def for_event(self, event: str) -> tuple[Field, ...]:
        """The event's own fields, then the common ones it does not replace (by id)."""
        own = tuple(f for f in self.fields if f.event == event)
        ids = {f.id for f in own}
        return own + tuple(f for f in self.fields if f.event is None and f.id not in ids)


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


def load_rule_folders(folders: list[str]) -> RuleSet:
    """Rules from several folders (or files), as one set: `--rules rules/common --rules mine`."""
    sets = [load_rules(Path(folder), folder) for folder in folders]
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


def _string(doc, path, value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise doc.error(path, f"{what} must be a non-empty string")
    return value


def _one_of(doc, path, value, allowed, what: str) -> str:
    if value not in allowed:
        raise doc.error(path, f"unknown {what} {value!r} (expected one of: {', '.join(allowed)})")
    return value


def _field(doc, path, spec, event) -> Field:
    if not isinstance(spec, dict):
        raise doc.error(path, "each field is a mapping with at least id, type and patterns")
    doc.check_keys(path, spec, FIELD_KEYS, "field")
    for required in ("id", "type"):
        if required not in spec:
            raise doc.error(path, f"field is missing {required!r}")
    if "patterns" not in spec and "near" not in spec:
        raise doc.error(path, "field needs `patterns`, `near`, or both: where its value stands")
    field_id = _string(doc, path + ("id",), spec["id"], "id")
    if not _ID.match(field_id):
        raise doc.error(path + ("id",), f"id {field_id!r} must be lower-case words joined by '-'")
    type_ = _one_of(doc, path + ("type",), spec["type"], FIELD_TYPES, "type")
    dimension = _dimension(doc, path, spec, type_)
    unit = _unit(doc, path + ("unit",), spec.get("unit"), type_, dimension)
    choices = _choices(doc, path, spec, type_)
    field = Field(
        id=field_id,
        type=type_,
        event=event,
        about=spec.get("about") or "",
        unit=unit,
        patterns=_patterns(doc, path + ("patterns",), spec["patterns"]) if "patterns" in spec else (),
        tolerance=_tolerance(doc, path + ("tolerance",), spec.get("tolerance")),
        severity=_one_of(doc, path + ("severity",), spec.get("severity", "error"), SEVERITIES, "severity"),
        combine=_one_of(doc, path + ("combine",), spec.get("combine", "intersect"), COMBINES, "combine"),
        part=_part(doc, path + ("part",), spec.get("part"), type_),
        choices=choices,
        exhaustive=_boolean(doc, path + ("exhaustive",), spec.get("exhaustive", False)),
        examples=(),
        location=doc.where(path),
        near=_cues(doc, path + ("near",), spec.get("near")),
        not_near=_cues(doc, path + ("not_near",), spec.get("not_near")),
        only_in=_cues(doc, path + ("only_in_sentences_with",), spec.get("only_in_sentences_with"), within=False),
        skip=_skip(doc, path + ("skip",), spec.get("skip", [])),
        rates=_rates(doc, path + ("rates",), spec.get("rates"), type_),
        counting=_counting(doc, path + ("counting",), spec.get("counting"), type_),
        dimension=dimension,
    )
    if type_ == "time" and field.tolerance is not None and field.tolerance.relative:
        raise doc.error(path + ("tolerance",), "a time's tolerance is a number of minutes, not a percentage")
    if dimension == "temperature" and field.tolerance is not None and field.tolerance.relative:
        # a percentage of a temperature depends on where its scale puts zero
        raise doc.error(path + ("tolerance",), "a temperature's tolerance is a number of degrees, not a percentage")
    if type_ in ("text", "set") and field.near is not None:
        raise doc.error(path + ("near",), f"a {type_} field is found by its patterns; `near` is for typed values", key=True)
    examples = _examples(doc, path + ("examples",), spec.get("examples", []), field)
    return attrs.evolve(field, examples=examples)


def _part(doc, path, part, type_: str) -> str | None:
    if part is None:
        return None
    if type_ != "date":
        raise doc.error(path, f"`part` picks an end of a date range for a date field; a {type_} field takes none", key=True)
    return _one_of(doc, path, part, PARTS, "part")


def _boolean(doc, path, value) -> bool:
    if not isinstance(value, bool):
        raise doc.error(path, "must be true or false")
    return value


_PERCENT_UNITS = {"%": "percent", "points": "point", "percentage point": "point", "percentage points": "point"}


def _dimension(doc, path, spec, type_: str) -> str | None:
    if type_ != "quantity":
        if "dimension" in spec:
            raise doc.error(path + ("dimension",), f"`dimension` belongs to a quantity field, not a {type_} field", key=True)
        return None
    if "dimension" not in spec:
        raise doc.error(path, f"a quantity field needs `dimension`: one of {', '.join(units.DIMENSIONS)}")
    return _one_of(doc, path + ("dimension",), spec["dimension"], tuple(units.DIMENSIONS), "dimension")


def _unit(doc, path, unit, type_: str, dimension: str | None = None) -> str | None:
    if type_ == "quantity":
        if unit is None:
            return units.DIMENSIONS[dimension][2]
        name = units.unit_named(str(unit))
        if name is None or units.dimension_of(name) != dimension:
            raise doc.error(path, f"unknown {dimension} unit {unit!r} (expected one of: {', '.join(units.units_of(dimension))})")
        return name
    if type_ in ("magnitude", "time"):
        if unit is not None:
            raise doc.error(path, f"a {type_} field takes no unit")
        return None
    if unit is None:
        return {"duration": "hour", "date": "day"}.get(type_)
    if type_ == "duration":
        unit = DURATION_UNIT_OF.get(str(unit).lower(), unit)
        return _one_of(doc, path, unit, tuple(DURATION_UNITS), "time unit")
    if type_ == "money":
        code = str(unit).upper()
        return _one_of(doc, path, CODE_ALIASES.get(code, code), tuple(CURRENCY_CODES), "currency")
    if type_ in ("date", "date-range"):
        return _one_of(doc, path, unit, DATE_GRAINS, "date unit")
    if type_ == "percent":  # a percent, or a difference of percents
        unit = _PERCENT_UNITS.get(str(unit).lower(), unit)
        return _one_of(doc, path, unit, ("percent", "point"), "percent unit")
    if type_ in ("text", "set"):
        raise doc.error(path, f"a {type_} field takes no unit")
    return _string(doc, path, unit, "unit")


def _patterns(doc, path, patterns) -> tuple[Pattern, ...]:
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns:
        raise doc.error(path, "`patterns` must be a non-empty list of strings")
    compiled = []
    for i, source in enumerate(patterns):
        _string(doc, path + (i,), source, "a pattern")
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
    if type_ != "money":
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
            _one_of(doc, path + (key,), code, tuple(CURRENCY_CODES), "currency")
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
    if type_ not in ("count", "number"):
        raise doc.error(path, f"`counting` names what a count counts; a {type_} field takes none", key=True)
    return frozenset(w.lower() for w in _words(doc, path, value, "`counting`"))


def _skip(doc, path, value) -> frozenset[str]:
    kinds = _words(doc, path, value, "`skip`") if value else ()
    for i, kind in enumerate(kinds):
        _one_of(doc, path + (i,) if isinstance(value, list) else path, kind, SKIPPABLE, "part to skip")
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
    key = {"text": "choices", "set": "items"}.get(type_)
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
        _string(doc, where + ("text",), example["text"], "example text")
        ref = example.get("ref_date")
        if ref is not None and not isinstance(ref, dt.date):
            raise doc.error(where + ("ref_date",), "ref_date must be a date like 2024-04-26")
        value = example["value"]
        problem = expected_problem(field, value)
        if problem:
            raise doc.error(where + ("value",), problem)
        result.append(Example(example["text"], value, ref, doc.where(where)))
    return tuple(result)


_UTC_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def expected_instant(value) -> dt.datetime | dt.time | None:
    """A time example's expected value: a UTC time of day, or an instant with its offset."""
    if isinstance(value, str) and _UTC_TIME.match(value.strip()):
        hour, minute = _UTC_TIME.match(value.strip()).groups()
        return dt.time(int(hour), int(minute))
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return None


def expected_problem(field: Field, value) -> str | None:
    """Why an example's expected value does not fit the field, or None."""
    if value is None:
        return None
    if field.type == "text":
        names = [name for name, _ in field.choices]
        return None if value in names else f"expected value {value!r} is not one of the choices: {', '.join(names)}"
    if field.type == "set":
        names = [name for name, _ in field.choices]
        if not isinstance(value, list) or any(v not in names for v in value):
            return f"expected value must be a list of items from: {', '.join(names)}"
        return None
    if field.type in ("date", "date-range"):
        return None if iso_span(value) else f"expected value {value!r} is not a date like 2024-04-26, 2024-04 or 2024"
    if field.type == "time":
        return None if expected_instant(value) else (
            f"expected value {value!r} is not a time: \"07:37\" (UTC) or a date-time like 2024-04-26T07:37:00+07:00"
        )
    if isinstance(value, dict):
        if set(value) - {"low", "high"} or all(v is None for v in value.values()):
            return "an interval is written {low: x, high: y}; either may be left out, not both"
        value = [v for v in value.values() if v is not None]
        return None if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value) else "interval ends must be numbers"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = ""
        if isinstance(value, str) and re.fullmatch(r"[\d.]+e[+-]?\d+", value.strip(), re.IGNORECASE):
            hint = " (YAML reads 2e+6 as text: write 2.0e+6 or 2000000)"
        unit = f"in {field.unit}" if field.unit else "a plain number"
        return f"expected value {value!r} is not a number ({unit}){hint}"
    return None
