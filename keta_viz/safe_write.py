"""Write files so a reader never sees half a file: temporary file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; the message is one line meant for the user."""


def check_target(path: str | Path, force: bool) -> Path:
    """Refuse to overwrite without force and check the folder exists; return the Path."""
    p = Path(path)
    if p.exists() and not force:
        raise WriteError(f"{p}: already exists (use --force to overwrite)")
    if not p.parent.exists() or not p.parent.is_dir():
        raise WriteError(f"{p}: folder {p.parent} does not exist")
    return p


@contextmanager
def temp_path_for(path: str | Path):
    """Yield a temporary path beside `path`; on success rename it into place, else delete it."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix or ".tmp",
                                   dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise WriteError(f"{target}: cannot write here ({exc.strerror or exc})") from None
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise WriteError(f"{target}: write failed ({exc.strerror or exc})") from None
    except BaseException:
        _remove(tmp)
        raise


def write_text(path: str | Path, text: str) -> None:
    """Write text atomically (UTF-8)."""
    with temp_path_for(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _remove(tmp: str | Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
