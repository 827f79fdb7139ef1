"""Write files so a reader never sees half a file and success is never claimed falsely.

The new file is written unnamed in the destination folder (O_TMPFILE), checked, flushed to disk
and only then given its name; the folder is flushed too.  Where the file system has no unnamed
files, it gets a short hidden name, noted in a journal so that the next start removes it after a
crash.  On any failure the previous file is untouched and the error is one line.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

PREFIX = ".keta-viz-"  # hidden temporary names, short so that a 250-character file name still fits
USE_O_TMPFILE = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")


class WriteError(OSError):
    """A file could not be written; the message is one line meant for the user (English, for the
    command line).  `kind` and `params` (always `path`) say the same as data, so that a window can
    word it in its own language (ui/error_text.py, ui.toml [write_errors])."""

    def __init__(self, message: str, kind: str = "failed", **params):
        super().__init__(message)
        self.kind, self.params = kind, params


# What an operating-system error means for the one saving the file; any other is "failed" (with its reason).
OS_KINDS = {errno.EACCES: "no_permission", errno.EPERM: "no_permission", errno.EROFS: "read_only",
            errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full"}


def os_write_error(target: Path, exc: OSError, what: str) -> WriteError:
    """An OSError met while writing `target` as a WriteError ('<target>: <what> (<reason>)')."""
    reason = exc.strerror or str(exc)
    return WriteError(f"{target}: {what} ({reason})", OS_KINDS.get(exc.errno, "failed"), path=str(target),
                      reason=reason)


def check_target(path: str | Path, force: bool) -> Path:
    """Refuse to overwrite without force (or to replace anything but a file); return the Path."""
    p = Path(path)
    if os.path.lexists(p):
        if not force:
            raise WriteError(f"{p}: already exists (use --force to overwrite)", "exists", path=str(p))
        if not os.path.isfile(p):
            raise WriteError(f"{p}: exists and is not a regular file", "not_a_file", path=str(p))
    if not p.parent.is_dir():
        raise WriteError(f"{p}: folder {p.parent} does not exist", "no_folder", path=str(p), folder=str(p.parent))
    return p


def journal_dir() -> Path:
    """Where hidden temporary files are noted while being written (the user's state folder)."""
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "keta-viz" / "partial"


@contextmanager
def temp_path_for(path: str | Path, verify: Callable[[Path], None] | None = None, mode: int | None = None):
    """Yield a path to write the new file to; then check it is non-empty and passes verify(path)
    (which raises WriteError), fsync it and give it its name.  The file keeps the mode of the file
    it replaces, else `mode`, else the user's umask."""
    target = Path(path)
    if os.path.isfile(target):
        mode = os.stat(target).st_mode & 0o7777
    tmp = _Pending(target)
    try:
        yield tmp.path
        if os.fstat(tmp.fd).st_size == 0:
            raise WriteError(f"{target}: nothing was written", "incomplete", path=str(target))
        if verify is not None:
            verify(tmp.path)
        tmp.commit(mode)
    except OSError as exc:
        tmp.discard()
        if isinstance(exc, WriteError):
            raise
        raise os_write_error(target, exc, "write failed") from None
    except BaseException:
        tmp.discard()
        raise


def write_text(path: str | Path, text: str, mode: int | None = None) -> None:
    """Write UTF-8 text atomically, checked and flushed to disk; raise WriteError."""
    data = text.encode("utf-8")

    def same_size(tmp: Path) -> None:
        if os.path.getsize(tmp) != len(data):
            raise WriteError(f"{path}: write failed (short write)", "incomplete", path=str(path))

    with temp_path_for(path, same_size, mode) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)


def clean_leftovers() -> int:
    """Remove hidden temporary files left by a writer that was killed; returns how many."""
    removed = 0
    try:
        entries = list(journal_dir().iterdir())
    except OSError:
        return 0
    for entry in entries:
        pid = entry.name.split("-")[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        try:
            tmp = entry.read_text(encoding="utf-8")
            if Path(tmp).name.startswith(PREFIX):
                os.unlink(tmp)
                removed += 1
        except (OSError, ValueError):
            pass
        _remove(entry)
    return removed


class _Pending:
    """The file being written: unnamed (O_TMPFILE) or hidden and journaled."""

    def __init__(self, target: Path):
        self.target, self.hidden, self.note = target, None, None
        folder = target.parent
        try:
            self.fd = self._unnamed(folder) if USE_O_TMPFILE else None
            if self.fd is None:
                hidden = self._journaled(folder)
                self.fd = os.open(hidden, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
                self.hidden = hidden  # ours only once created: discard() must never remove another file
        except OSError as exc:
            self.discard()
            raise os_write_error(target, exc, "cannot write here") from None
        self.path = Path(self.hidden or f"/proc/self/fd/{self.fd}")

    @staticmethod
    def _unnamed(folder: Path) -> int | None:
        try:
            return os.open(folder, os.O_TMPFILE | os.O_RDWR | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                return None  # this file system has no unnamed files
            raise

    def _journaled(self, folder: Path) -> Path:
        """A fresh hidden name in folder, noted in the journal first (best effort)."""
        hidden = folder / f"{PREFIX}{secrets.token_hex(4)}.part"
        try:
            journal = journal_dir()
            journal.mkdir(parents=True, exist_ok=True)
            self.note = journal / f"{os.getpid()}-{secrets.token_hex(4)}"
            self.note.write_text(str(hidden.absolute()), encoding="utf-8")
        except OSError:
            self.note = None
        return hidden

    def commit(self, mode: int | None) -> None:
        """fsync, name the file (replacing the old one atomically), fsync the folder."""
        if mode is not None:
            try:
                os.fchmod(self.fd, mode)
            except PermissionError:  # a file system without Unix modes (a FAT stick): its own mode stands
                pass
        os.fsync(self.fd)
        folder = os.open(self.target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            if self.hidden is None:
                self._link(folder, self.target.name)
            if self.hidden is not None:
                os.replace(self.hidden, self.target)
                self.hidden = None
            try:
                os.fsync(folder)
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.EBADF):  # some file systems cannot sync a folder
                    raise
        finally:
            os.close(folder)
        self.discard()

    def _link(self, folder: int, name: str) -> None:
        """Give the unnamed file its name; over an existing file (--force) via a hidden name."""
        source = f"/proc/self/fd/{self.fd}"
        try:
            os.link(source, name, dst_dir_fd=folder, follow_symlinks=True)  # linkat(AT_SYMLINK_FOLLOW)
        except FileExistsError:
            self.hidden = self._journaled(self.target.parent)
            os.link(source, self.hidden.name, dst_dir_fd=folder, follow_symlinks=True)

    def discard(self) -> None:
        """Close the file, remove its hidden name (if any) and its journal note."""
        if getattr(self, "fd", None) is not None:
            os.close(self.fd)
            self.fd = None
        for leftover in (self.hidden, self.note):
            if leftover is not None:
                _remove(leftover)
        self.hidden = self.note = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
