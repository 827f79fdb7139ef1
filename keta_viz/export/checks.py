"""Cheap checks that an export file is whole before it gets its name (a full disk truncates silently)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..safe_write import WriteError


def check_png(path: Path, size: tuple[int, int], target: Path) -> None:
    """The PNG decodes to the size drawn."""
    from PySide6.QtGui import QImage

    img = QImage(str(path), "PNG")
    if img.isNull() or (img.width(), img.height()) != size:
        raise WriteError(f"{target}: the PNG written does not read back (disk full?)", "incomplete", path=str(target))


def check_pdf(path: Path, target: Path) -> None:
    """Header, trailer and a cross-reference table where the trailer says it is."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(8)
        f.seek(max(0, size - 1024))
        tail = f.read()
        m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
        ok = head.startswith(b"%PDF-") and m is not None and int(m.group(1)) < size
        if ok:
            f.seek(int(m.group(1)))
            ok = f.read(4) == b"xref"
    if not ok:
        raise WriteError(f"{target}: the PDF written is incomplete (disk full?)", "incomplete", path=str(target))


def check_mp4(path: Path, frames: int, target: Path) -> None:
    """The MP4 opens and holds every frame encoded."""
    import av

    try:
        with av.open(str(path)) as c:
            found = c.streams.video[0].frames if c.streams.video else 0
    except (av.FFmpegError, OSError):
        found = -1
    if found != frames:
        raise WriteError(f"{target}: the MP4 written does not read back (disk full?)", "incomplete", path=str(target))


def check_gif(path: Path, target: Path) -> None:
    """The GIF opens and ends with its trailer."""
    from PIL import Image

    try:
        with open(path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            whole = f.read(1) == b";"
        with Image.open(path) as im:
            whole = whole and im.format == "GIF"
    except (OSError, ValueError):
        whole = False
    if not whole:
        raise WriteError(f"{target}: the GIF written does not read back (disk full?)", "incomplete", path=str(target))
