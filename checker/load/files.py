"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import itertools
import os
import secrets
from pathlib import Path

# A temporary file's name: the process, a salt drawn once (processes of
# other machines sharing the folder) and a count; `O_EXCL` makes sure.
# Cheaper than `tempfile.mkstemp`, which draws random letters in Python for
# every file: the cache writes thousands.
_SALT = secrets.token_hex(4)
_COUNT = itertools.count()
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_atomically(path: Path | str, text: str | bytes) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` through a
    temporary file renamed into place.

    Readers see the old file or the new one, never a mix; a failed write
    leaves no temporary file behind. A new file has the mode any file the
    user writes has (the umask applies); a replaced one keeps its own.
    OSError is the caller's to handle.
    """
    path = os.fspath(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mode = None
    temporary, fd = _create_beside(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _create_beside(path: str) -> tuple[str, int]:
    """A new temporary file in `path`'s folder, named after it: its name and descriptor."""
    folder, name = os.path.split(path)
    for _ in range(100):
        temporary = os.path.join(folder, f".{name}.{os.getpid()}-{_SALT}-{next(_COUNT)}.tmp")
        try:
            return temporary, os.open(temporary, _NEW, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
