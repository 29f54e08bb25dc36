"""Safe YAML loading that remembers where every key and value stood."""

from __future__ import annotations

import difflib
import math
from pathlib import Path
from typing import Any

import attrs
import yaml

from checker.errors import InputError, Location

YamlPath = tuple  # keys and indexes from the document root


@attrs.frozen
class YamlDocument:
    path: str
    data: Any
    _values: dict = attrs.field(repr=False)  # YamlPath -> (line, column)
    _keys: dict = attrs.field(repr=False)

    def where(self, path: YamlPath, key: bool = False) -> Location:
        """The location of the value at `path` (or of its key), 1-based."""
        table = self._keys if key and path in self._keys else self._values
        while path not in table and path:
            path = path[:-1]
        line, column = table.get(path, (None, None))
        return Location(self.path, line, column)

    def error(self, path: YamlPath, message: str, key: bool = False) -> InputError:
        return InputError(self.where(path, key), message)

    def string(self, path: YamlPath, value, what: str) -> str:
        """`value`, or an error at `path` unless it is a non-empty string."""
        if not isinstance(value, str) or not value.strip():
            raise self.error(path, f"{what} must be a non-empty string")
        return value

    def one_of(self, path: YamlPath, value, allowed, what: str):
        """`value`, or an error at `path` naming the `allowed` ones."""
        if value not in allowed:
            raise self.error(path, f"unknown {what} {value!r} (expected one of: {', '.join(allowed)})")
        return value

    def check_keys(self, path: YamlPath, mapping: dict, allowed, what: str) -> None:
        """Refuse a key not in `allowed`, suggesting the closest one."""
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f" - did you mean {close[0]!r}?" if close else f" (expected one of: {', '.join(allowed)})"
                raise self.error(path + (key,), f"unknown key {key!r} in {what}{hint}", key=True)


def read_text(path: Path, display: str) -> str:
    """A file's text, or InputError: missing, unreadable, binary, not UTF-8."""
    return decode(read_bytes(path, display), display)


def read_bytes(path: Path | str, display: str) -> bytes:
    """A file's bytes, or InputError: missing, unreadable."""
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise InputError(display, "no such file") from None
    except IsADirectoryError:
        raise InputError(display, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(display, f"cannot read: {error.strerror}") from None


def decode(raw: bytes, display: str) -> str:
    """A file's bytes as text, or InputError: binary, not UTF-8 (at its line:column)."""
    if b"\0" in raw:
        raise InputError(display, "binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            Location(display, line, column),
            f"not UTF-8 text (byte 0x{raw[error.start]:02x})",
        ) from None


# libyaml, where PyYAML was built with it, is many times faster (a corpus of
# thousands of manifests loads in a fraction of the time); a document it
# refuses is parsed again by the pure-Python loader, whose messages are the
# ones this project words its errors on.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def load(path: Path, display: str | None = None) -> YamlDocument:
    display = display or str(path)
    return parse(read_text(path, display), display)


def parse(text: str, display: str) -> YamlDocument:
    """The YAML document in `text`, its errors named as at `display`."""
    if _FAST_LOADER is not None:
        try:
            return _load(text, display, _FAST_LOADER)
        except InputError as error:
            if not error.message.startswith("invalid YAML"):
                raise
    return _load(text, display, yaml.SafeLoader)


def _load(text: str, display: str, loader_class) -> YamlDocument:
    try:
        loader = loader_class(text)  # reads the first characters: may refuse one
    except yaml.reader.ReaderError as error:
        raise _unreadable(text, display, error) from None
    try:
        node = loader.get_single_node()
        values: dict = {}
        keys: dict = {}
        data = _build(loader, node, (), values, keys, display) if node else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        raise InputError(location, f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        raise _unreadable(text, display, error) from None
    except yaml.YAMLError as error:
        raise InputError(display, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    return YamlDocument(display, data, values, keys)


def _unreadable(text: str, display: str, error: yaml.reader.ReaderError) -> InputError:
    """A character YAML does not allow (a control character), at its line:column."""
    at = error.position
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return InputError(Location(display, line, column), f"invalid YAML: character U+{error.character:04X} is not allowed")


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}


def _build(loader, node, path, values, keys, display, seen=None):
    seen = set() if seen is None else seen
    if not isinstance(node, yaml.ScalarNode):
        # an alias of a list or mapping is refused, so that nine levels of nine
        # cannot expand to a billion; one of a scalar (a date yaml.safe_dump
        # wrote once and repeated) costs nothing
        if id(node) in seen:
            raise InputError(
                Location(display, *_mark(node)), "YAML aliases of lists or mappings (*name) are not allowed here"
            )
        seen.add(id(node))
    values[path] = _mark(node)
    expected = _PLAIN_TAGS.get(type(node))
    if expected and node.tag != expected:
        raise InputError(Location(display, *_mark(node)), f"tag {node.tag!r} is not allowed here")
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise InputError(Location(display, *_mark(key_node)), "keys must be plain words")
            if key in result:
                raise InputError(Location(display, *_mark(key_node)), f"duplicate key {key!r}")
            keys[path + (key,)] = _mark(key_node)
            result[key] = _build(loader, value_node, path + (key,), values, keys, display, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, path + (i,), values, keys, display, seen)
            for i, item in enumerate(node.value)
        ]
    if node.tag == _STR:
        return node.value  # most values: the constructor's bookkeeping would give the same
    try:
        value = loader.construct_object(node, deep=True)
    except ValueError as error:  # "2024-02-30": a date that does not exist
        raise InputError(Location(display, *_mark(node)), f"{node.value!r} is not a valid date: {error}") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(Location(display, *_mark(node)), f"{node.value!r} is not a finite number")
    return value
