"""Persistent preferences (QSettings), validated on load: bad values are reset and logged."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from ..model import ScenarioError, load_scenario
from ..scene.palette import PALETTES

log = logging.getLogger("keta_viz.settings")
ORG, APP = "KetaViz", "keta-viz"


@dataclass
class Preferences:
    """What the window remembers between runs."""

    scenario: str = "ketamine-iv"
    vocabulary: str = "plain"
    palette: str = "screen"
    labels: bool = True
    plots: bool = True
    geometry: QByteArray | None = None


def open_settings() -> QSettings:
    """The app's settings store (INI format, per user)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def _as_bool(value, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "1"):
        return True
    if str(value).lower() in ("false", "0"):
        return False
    raise ValueError(value)


def load_preferences(store: QSettings | None = None) -> Preferences:
    """Read preferences; any unreadable or unknown value falls back to its default, with a log line."""
    s = store or open_settings()
    prefs = Preferences()
    checks = {
        "scenario": lambda v: (load_scenario(str(v)), str(v))[1],
        "vocabulary": lambda v: v if v in ("plain", "expert") else _bad(v),
        "palette": lambda v: v if v in PALETTES else _bad(v),
        "labels": lambda v: _as_bool(v, True),
        "plots": lambda v: _as_bool(v, True),
        "geometry": lambda v: v if isinstance(v, QByteArray) else _bad(v),
    }
    for key, check in checks.items():
        if not s.contains(key):
            continue
        value = s.value(key)
        try:
            setattr(prefs, key, check(value))
        except (ValueError, TypeError, ScenarioError) as exc:
            log.warning("settings: reset '%s' (unusable value %r: %s)", key, value, exc)
            s.remove(key)
    return prefs


def _bad(value):
    raise ValueError(f"unexpected value {value!r}")


def save_preferences(prefs: Preferences, store: QSettings | None = None) -> None:
    """Write preferences."""
    s = store or open_settings()
    for key in ("scenario", "vocabulary", "palette", "labels", "plots"):
        s.setValue(key, getattr(prefs, key))
    if prefs.geometry is not None:
        s.setValue("geometry", prefs.geometry)
    s.sync()
