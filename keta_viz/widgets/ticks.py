"""Where tick labels go on a time axis: each centred under its tick, shifted in at the ends,
dropped where it would touch a neighbour (the scrubber and the plots share the rule)."""

from __future__ import annotations

TICK_GAP_PX = 6.0  # the least room between two tick labels


def fit_labels(centres: list[float], widths: list[float], left: float, right: float,
               gap: float = TICK_GAP_PX) -> list[float | None]:
    """The left edge of each label, or None where it is dropped.

    Every label lies inside [left, right] (the first and last are shifted in, not cut), and no
    two kept labels come closer than `gap`.  The last label (the end of the story) is placed
    first; the others are kept from left to right while they fit.
    """
    spans: list[float | None] = []
    for c, w in zip(centres, widths):
        spans.append(None if w > right - left else min(max(c - w / 2, left), right - w))
    order = sorted((i for i, x in enumerate(spans) if x is not None), key=lambda i: centres[i])
    if order:
        order = [order[-1], *order[:-1]]
    kept: list[int] = []
    for i in order:
        a0, a1 = spans[i], spans[i] + widths[i]
        if all(a1 + gap <= spans[j] or spans[j] + widths[j] + gap <= a0 for j in kept):
            kept.append(i)
    return [spans[i] if i in kept else None for i in range(len(spans))]
