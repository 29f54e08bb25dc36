"""The one exception bad input raises, rendered as `file:line:column: message`."""

from __future__ import annotations

import attrs

from checker.printable import printable


@attrs.frozen
class Location:
    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [printable(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class InputError(Exception):
    """Bad input: the CLI prints it on one line and exits with status 2."""

    def __init__(self, location: Location | str, message: str):
        if isinstance(location, str):
            location = Location(location)
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message

    def __reduce__(self):
        # raised in a --jobs worker (an article changed or gone), it is pickled
        # back to the main process: rebuilt from its parts, not from args
        return (type(self), (self.location, self.message))
