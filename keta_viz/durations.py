"""Parse user-typed durations ("45s", "30min", "2h", "1d", "2w") into hours."""

from __future__ import annotations

import math
import re

_UNITS_H = {"s": 1 / 3600, "sec": 1 / 3600, "m": 1 / 60, "min": 1 / 60, "h": 1.0, "hr": 1.0,
            "d": 24.0, "day": 24.0, "days": 24.0, "w": 168.0, "wk": 168.0, "week": 168.0, "weeks": 168.0}
_PATTERN = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*$")


def parse_duration(text: str) -> float:
    """Hours in a duration such as '45s', '30min', '2h', '1.5d', '2w' (bare numbers are hours)."""
    m = _PATTERN.match(str(text).lower())
    unit = m.group(2) if m else None
    if m is None or (unit and unit not in _UNITS_H):
        raise ValueError(f"'{text}' is not a time; use e.g. 45s, 30min, 2h, 1d or 2w")
    hours = float(m.group(1)) * _UNITS_H.get(unit or "h")
    if not math.isfinite(hours):
        raise ValueError(f"'{text}' is not a finite time")
    return hours
