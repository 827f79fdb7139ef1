"""Magnified levels of a picture's unchanging part, kept for a zoom and drawn ahead.

A zoom enlarges the nearest lower level (scene/picture.py); crossing into the next level used to
draw it on the spot, a 5-30 ms hitch every ~25 frames.  The levels on either side of the one in
use are drawn ahead on one worker thread (QPainter on a QImage is safe off the GUI thread, and
PySide6 lets go of the GIL while Qt paints), so a zoom in either direction finds its next level
ready.  A level's pixels do not depend on which thread drew it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtGui import QImage

KEEP = 5  # levels held: the one in use, two either side


class Levels:
    """Levels drawn by `draw(level)` for the keys they are asked for, the neighbours of each
    level asked for drawn ahead; the last `keep` levels asked for (or drawn ahead) are held."""

    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._held: OrderedDict[tuple, Future] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: ThreadPoolExecutor | None = None

    def get(self, key: tuple, level: int, top: int, draw: Callable[[int], QImage]) -> QImage:
        """Level `level` (1..top) of the picture `key` names: held, being drawn ahead (waited
        for), or drawn now; levels level - 1 and level + 1 within 1..top are then drawn ahead."""
        wanted = self._future(key, level, draw, ahead=False)
        for near in (level + 1, level - 1):
            if 1 <= near <= top:
                self._future(key, near, draw, ahead=True)
        try:
            return wanted.result()
        except BaseException:  # not held, so the next frame draws it again
            with self._lock:
                if self._held.get((key, level)) is wanted:
                    del self._held[(key, level)]
            raise

    def ahead(self, key: tuple, level: int, draw: Callable[[int], QImage]) -> None:
        """Have level `level` of the picture `key` names drawn ahead, unless it is held."""
        self._future(key, level, draw, ahead=True)

    def held(self) -> list[tuple]:
        """The (key, level) pairs held, oldest first."""
        with self._lock:
            return list(self._held)

    def _future(self, key: tuple, level: int, draw: Callable[[int], QImage], ahead: bool) -> Future:
        with self._lock:
            found = self._held.get((key, level))
            if found is not None:
                if not ahead:
                    self._held.move_to_end((key, level))
                return found
            if ahead:
                if self._worker is None:
                    self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keta-levels")
                future = self._worker.submit(draw, level)
            else:
                future = Future()
            self._held[(key, level)] = future
            while len(self._held) > self._keep:
                self._held.popitem(last=False)
        if not ahead:
            try:
                future.set_result(draw(level))
            except BaseException as exc:
                future.set_exception(exc)
        return future
