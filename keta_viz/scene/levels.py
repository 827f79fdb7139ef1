"""Magnified levels of a picture's unchanging part, held for a zoom, drafted for a view.

A zoom enlarges the nearest lower level (scene/picture.py); reaching a level not held means
drawing it, 5-60 ms at 1080p.  An export waits for it.  A view on screen paints `with drafts()`
instead: the nearest lower held level (or the whole picture) stands in, the level is noted as
wanted, and once the drafted frame is shown the view draws what it wanted (`Drafts.finish`) and
repaints -- a seek into a zoom shows at once and sharpens a moment later.

No worker thread draws ahead: PySide6 keeps the GIL through a Qt call, so a level drawn on
another thread would stall the GUI thread for as long as each of its paths takes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QImage

KEEP = 6  # levels held at most: a zoom's few in use, for a picture or two
BUDGET = 64 * 2**20  # and at most this many bytes of them: six at 1920x1080, one at 4K


class Drafts:
    """The levels a drafted frame wanted: stand-ins were drawn for them (`used`)."""

    def __init__(self) -> None:
        self._wanted: dict[tuple, Callable[[], object]] = {}

    @property
    def used(self) -> bool:
        """True when a stand-in was drawn."""
        return bool(self._wanted)

    def want(self, at: tuple, draw: Callable[[], object]) -> None:
        """Note a level to draw (`at` names it) once the frame is shown."""
        self._wanted[at] = draw

    def finish(self) -> None:
        """Draw the levels wanted, so that the frame can be painted again without stand-ins."""
        wanted, self._wanted = self._wanted, {}
        for draw in wanted.values():
            draw()


_drafting = threading.local()


@contextmanager
def drafts() -> Iterator[Drafts]:
    """Paint on this thread with stand-ins for levels not held yet."""
    _drafting.current = Drafts()
    try:
        yield _drafting.current
    finally:
        _drafting.current = None


class Levels:
    """Levels drawn by `draw(level)` for the pictures (keys) they are asked for; the last `keep`
    asked for are held, up to `budget` bytes (the last one always)."""

    def __init__(self, keep: int = KEEP, budget: int = BUDGET) -> None:
        self._keep, self._budget = keep, budget
        self._held: OrderedDict[tuple, QImage] = OrderedDict()

    def get(self, key: tuple, level: int, draw: Callable[[int], QImage]) -> tuple[int, QImage | None]:
        """(level, its image) for level `level` (>= 1) of the picture `key` names, drawn now if
        not held.  While drafting, a level not held is wanted instead and the nearest lower
        held level stands in ((0, None): none is, the whole picture will)."""
        image = self._held.get((key, level))
        if image is not None:
            self._held.move_to_end((key, level))
            return level, image
        draft = getattr(_drafting, "current", None)
        if draft is None:
            return level, self._hold((key, level), draw(level))
        draft.want((id(self), key, level), lambda: self.get(key, level, draw))
        lower = max((k for name, k in self._held if name == key and k < level), default=0)
        return (lower, self._held[(key, lower)]) if lower else (0, None)

    def held(self) -> list[tuple]:
        """The (key, level) pairs held, oldest first."""
        return list(self._held)

    def _hold(self, at: tuple, image: QImage) -> QImage:
        self._held[at] = image
        while len(self._held) > self._keep or (
                len(self._held) > 1 and sum(held.sizeInBytes() for held in self._held.values()) > self._budget):
            self._held.popitem(last=False)
        return image
