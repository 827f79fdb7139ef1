"""Kiosk configuration (TOML) and the operator PIN, stored only as a salted PBKDF2 hash."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from ..model import bundled_names
from ..safe_write import write_text
from ..scene.palette import PALETTES

log = logging.getLogger("keta_viz.kiosk")
PBKDF2_ROUNDS = 200_000


@dataclass(frozen=True)
class KioskConfig:
    """What an exhibit manager sets; every field has a safe default."""

    idle_seconds: float = 90.0
    countdown_seconds: float = 10.0
    tour: tuple[str, ...] = ("ketamine-iv", "compare:ketamine-iv:escitalopram")
    language: str = "en"
    palette: str = "screen"
    screen: int = 0
    pin_salt: str = ""
    pin_hash: str = ""
    heartbeat_file: str = ""  # set by the supervisor (KETA_VIZ_HEARTBEAT), never by the file
    log_file: str = ""


def tour_step_scenarios(step: str) -> list[str]:
    """The scenario names of a tour step: 'NAME', or 'compare:A:B' for two side by side."""
    return step.split(":")[1:] if step.startswith("compare:") else [step]


def state_dir() -> Path:
    """~/.local/state/keta-viz (or under $XDG_STATE_HOME): log and heartbeat."""
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "keta-viz"


def _check(key: str, value):
    """Validate one field; raise ValueError with the reason."""
    if key in ("idle_seconds", "countdown_seconds"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 5 <= value <= 3600:
            raise ValueError("must be a number of seconds from 5 to 3600")
        return float(value)
    if key == "tour":
        if not isinstance(value, list) or not value:
            raise ValueError("must be a non-empty list of scenario names or 'compare:A:B'")
        for step in value:
            names = tour_step_scenarios(str(step))
            if len(names) not in (1, 2) or any(n not in bundled_names() for n in names):
                raise ValueError(f"unknown tour step {step!r}")
        return tuple(str(s) for s in value)
    if key == "language":
        if value != "en":
            raise ValueError("only 'en' is available")
        return value
    if key == "palette":
        if value not in PALETTES:
            raise ValueError(f"must be one of {', '.join(PALETTES)}")
        return value
    if key == "screen":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 16:
            raise ValueError("must be a screen number 0-16")
        return value
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def default_config_path() -> Path:
    """~/.config/keta-viz/kiosk.toml (or under $XDG_CONFIG_HOME)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "keta-viz" / "kiosk.toml"


def load_config(path: str | Path | None) -> KioskConfig:
    """Read a kiosk config (None: the default path, if it exists); a bad file or field falls
    back to defaults with a logged warning."""
    if path is None:
        path = default_config_path()
        if not path.exists():
            log.info("no kiosk config at %s; using defaults", path)
            return KioskConfig()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("kiosk config %s unusable (%s); using defaults", path, exc)
        return KioskConfig()
    known = {f.name for f in fields(KioskConfig)}
    values = {}
    for key, value in data.items():
        if key == "heartbeat_file":
            log.warning("kiosk config %s: field 'heartbeat_file' ignored; the heartbeat belongs to "
                        "kiosk-supervise (--heartbeat)", path)
            continue
        if key not in known:
            log.warning("kiosk config %s: unknown field '%s' ignored", path, key)
            continue
        try:
            values[key] = _check(key, value)
        except ValueError as exc:
            log.warning("kiosk config %s: field '%s' %s; using the default", path, key, exc)
    return KioskConfig(**values)


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[str, str]:
    """(salt hex, PBKDF2-SHA256 hash hex) of a PIN."""
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return salt.hex(), digest.hex()


def pin_matches(config: KioskConfig, pin: str) -> bool:
    """True when the PIN matches the config's hash (constant-time compare)."""
    if not config.pin_hash or not config.pin_salt:
        return False
    try:
        salt = bytes.fromhex(config.pin_salt)
    except ValueError:
        return False
    return hmac.compare_digest(hash_pin(pin, salt)[1], config.pin_hash)


def write_pin(path: str | Path, pin: str) -> None:
    """Store a new PIN hash in the config file (created if missing), keeping its other lines."""
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("the PIN must be 4-12 digits")
    p = Path(path)
    lines = p.read_text(encoding="utf-8").splitlines() if p.exists() else []
    lines = [ln for ln in lines if not ln.strip().startswith(("pin_salt", "pin_hash"))]
    salt, digest = hash_pin(pin)
    p.parent.mkdir(parents=True, exist_ok=True)
    lines = [f'pin_salt = "{salt}"', f'pin_hash = "{digest}"'] + lines  # top level, before any table
    write_text(p, "\n".join(lines) + "\n")
