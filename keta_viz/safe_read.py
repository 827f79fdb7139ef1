"""Read the app's small input files safely: a regular file under a size cap, read with a bounded read.

A FIFO, a device (/dev/zero, /dev/urandom), a directory or a huge file is refused at once, never
read; every refusal is one line that names the file.  Standard library only (the model uses it).
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

MAX_BYTES = 1_000_000


class ReadError(ValueError):
    """A file that cannot be used; the message is one line naming the file.  `kind` names the
    reason ('not_found', 'cannot_open', 'not_regular', 'cannot_read', 'too_large', 'not_utf8',
    'not_toml') so that a window can say it in its own language."""

    def __init__(self, message: str, kind: str = ""):
        super().__init__(message)
        self.kind = kind


def read_small_text(path: str | Path, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes; raise ReadError otherwise."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ReadError(f"{p}: file not found", "not_found") from None
    except (OSError, ValueError) as exc:
        raise ReadError(f"{p}: cannot open the file ({getattr(exc, 'strerror', None) or exc})", "cannot_open") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(f"{p}: not a regular file", "not_regular")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadError(f"{p}: cannot read the file ({exc.strerror or exc})", "cannot_read") from None
    finally:
        os.close(fd)
    if size > limit:
        raise ReadError(f"{p}: too large (more than {limit // 1000} kB)", "too_large")
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError(f"{p}: not UTF-8 text", "not_utf8") from None


def parse_toml(text: str, where: str) -> dict:
    """Parse TOML text; any failure (syntax, nesting too deep, a huge number) is one ReadError line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReadError(f"{where}: not valid TOML ({one_line(str(exc))})", "not_toml") from None
    except RecursionError:
        raise ReadError(f"{where}: not valid TOML (nested too deeply)", "not_toml") from None
    except (ValueError, OverflowError, MemoryError) as exc:
        raise ReadError(f"{where}: not valid TOML ({exc.__class__.__name__})", "not_toml") from None


def read_toml(path: str | Path) -> dict:
    """A small TOML file as a dict; raise ReadError (one line naming the file)."""
    return parse_toml(read_small_text(path), str(path))


def one_line(text: str) -> str:
    """Text safe to print on one terminal line: control characters (ANSI escapes, newlines) shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
