"""Story stages from the simulated state: the helpers each family's triggers use, and the ordering."""

from __future__ import annotations

import numpy as np

from .timeline import Stage

def first(t: np.ndarray, mask: np.ndarray, after: float = 0.0) -> float | None:
    """First time at or after `after` where mask holds, or None."""
    idx = np.flatnonzero(mask & (t >= after))
    return float(t[idx[0]]) if idx.size else None


def rise(x: np.ndarray, window: np.ndarray, fraction: float) -> np.ndarray:
    """Where x has risen `fraction` of the way from x[0] to its peak inside `window`."""
    peak = x[window].max()
    return x >= x[0] + fraction * (peak - x[0]) if peak > x[0] else np.zeros_like(x, bool)


def derive_stages(order: tuple[str, ...], starts: dict[str, float | None], t: np.ndarray) -> tuple[Stage, ...]:
    """Consecutive stages in story order; a stage reached out of order or never is skipped."""
    kept: list[tuple[str, float]] = []
    for sid in order:
        start = starts[sid]
        if start is None or (kept and start <= kept[-1][1]):
            continue
        kept.append((sid, start))
    ends = [st for _, st in kept[1:]] + [float(t[-1])]
    return tuple(Stage(sid, i, st, end) for i, ((sid, st), end) in enumerate(zip(kept, ends)))
