"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


_UMASK = os.umask(0)  # read once, at import, and set back at once
os.umask(_UMASK)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file renamed into place.

    Readers see the old file or the new one, never a mix; a failed write
    leaves no temporary file behind. OSError is the caller's to handle.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        # the mode a file the user writes would have (umask), not mkstemp's private one
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
