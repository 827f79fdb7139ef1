"""Persistent preferences (QSettings), validated on load: bad values are reset and logged."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QSettings

from ..content import languages, load_content
from ..model import ScenarioError, load_scenario
from ..safe_read import MAX_BYTES, one_line
from ..scene.palette import PALETTES  # Qt-free
from .error_text import scenario_error

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
    reduced_motion: bool | None = None  # chosen in the View menu; None until then (the desktop's)
    text_scale: float = 1.0  # the reader's text size, 1.0-2.0 (View > Larger text)
    geometry: QByteArray | None = None
    language: str = ""  # chosen in the Language menu; "" until then (the system locale's)
    notes: list[str] = field(default_factory=list, compare=False)  # what was reset, to show the user


def settings_paths() -> tuple[str, str]:
    """The INI files QSettings reads by default: the app's and its organisation's fallback."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, ORG, f"{APP}.ini"), os.path.join(base, f"{ORG}.ini")


def open_settings(notes: list[str] | None = None, lang: str = "en") -> QSettings:
    """The app's settings store (INI format, per user).  A settings file that is not a small
    regular file (a FIFO would hang the start, a device would fill memory) is moved aside first,
    with a line in the log and in `notes` (in language `lang`)."""
    app = APP
    for path in settings_paths():
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_BYTES:
            continue
        aside = f"{path}.unusable"
        try:
            os.replace(path, aside)
            note = load_content(lang).ui["settings"]["moved"].format(path=path, aside=aside)
        except OSError as exc:
            note = load_content(lang).ui["settings"]["unusable"].format(path=path, error=exc.strerror)
            app = f"{APP}-fallback"
        log.warning("settings: %s", note)
        if notes is not None:
            notes.append(one_line(note))
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, app)


def _as_bool(value, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "1"):
        return True
    if str(value).lower() in ("false", "0"):
        return False
    raise ValueError(value)


def load_preferences(store: QSettings | None = None, lang: str = "en") -> Preferences:
    """Read preferences; any unreadable or unknown value falls back to its default, with a log
    line and a note for the user in language `lang`."""
    prefs = Preferences()
    s = store or open_settings(prefs.notes, lang)
    checks = {
        "scenario": lambda v: (load_scenario(str(v)), str(v))[1],
        "vocabulary": lambda v: v if v in ("plain", "expert") else _bad(v),
        "palette": lambda v: v if v in PALETTES else _bad(v),
        "labels": lambda v: _as_bool(v, True),
        "plots": lambda v: _as_bool(v, True),
        "reduced_motion": lambda v: _as_bool(v, False),
        "text_scale": lambda v: _text_scale(v),
        "geometry": lambda v: v if isinstance(v, QByteArray) else _bad(v),
        "language": lambda v: v if v in languages() else _bad(v),
    }
    for key, check in checks.items():
        if not s.contains(key):
            continue
        value = s.value(key)
        try:
            setattr(prefs, key, check(value))
        except (ValueError, TypeError, ScenarioError) as exc:
            log.warning("settings: reset '%s' (unusable value %r: %s)", key, value, exc)
            words = load_content(lang)
            reason = scenario_error(exc, words) if isinstance(exc, ScenarioError) else exc
            prefs.notes.append(words.ui["settings"]["forgotten"].format(key=key, error=one_line(reason)))
            s.remove(key)
    return prefs


def _text_scale(value) -> float:
    scale = float(value)
    return scale if 1.0 <= scale <= 2.0 else _bad(value)


def _bad(value):
    raise ValueError(f"unexpected value {value!r}")


def save_preferences(prefs: Preferences, store: QSettings | None = None) -> bool:
    """Write preferences (Qt writes a temporary file, flushes it and renames it); False, with
    a log line, when they could not be written."""
    s = store or open_settings()
    for key in ("scenario", "vocabulary", "palette", "labels", "plots", "text_scale"):
        s.setValue(key, getattr(prefs, key))
    if prefs.reduced_motion is not None:
        s.setValue("reduced_motion", prefs.reduced_motion)
    if prefs.language:
        s.setValue("language", prefs.language)
    if prefs.geometry is not None:
        s.setValue("geometry", prefs.geometry)
    s.sync()
    if s.status() != QSettings.Status.NoError:
        log.warning("settings: could not be saved to %s (%s)", s.fileName(), s.status().name)
        return False
    return True
