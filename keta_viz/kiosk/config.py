"""Kiosk configuration (TOML) and the operator PIN, stored only as a salted PBKDF2 hash."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from dataclasses import dataclass, fields
from pathlib import Path

from ..content import languages
from ..model import bundled_names
from ..safe_read import ReadError, read_small_text, read_toml
from ..safe_write import write_text
from ..scene.palette import PALETTES  # Qt-free

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
    reduced_motion: bool = False  # particles held still, fades become cuts
    text_size: int = 100  # percent, 100-200: captions, labels and pane titles follow it
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
        if value not in languages():
            raise ValueError(f"must be one of {', '.join(languages())}")
        return value
    if key == "reduced_motion":
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if key == "text_size":
        if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 200:
            raise ValueError("must be a whole percentage from 100 to 200")
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
    if key == "pin_salt" and not _is_hex(value, 32):
        raise ValueError("is corrupt (not 32 hex digits): the PIN cannot be checked; run keta-viz kiosk-pin")
    if key == "pin_hash" and not _is_hex(value, 64):
        raise ValueError("is corrupt (not 64 hex digits): the PIN cannot be checked; run keta-viz kiosk-pin")
    if key == "log_file" and value and os.path.exists(value) and not os.path.isfile(value):
        raise ValueError("is not a regular file (a device, folder or pipe)")
    return value


def _is_hex(text: str, digits: int) -> bool:
    return len(text) == digits and all(c in "0123456789abcdefABCDEF" for c in text)


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
        data = read_toml(path)
    except ReadError as exc:
        log.warning("kiosk config unusable (%s); using defaults", exc)
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
    """Store a new PIN hash in the config file (created if missing), keeping its other lines;
    raise ValueError or WriteError (one line)."""
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("the PIN must be 4-12 digits 0-9")
    p = Path(path)
    try:
        lines = read_small_text(p).splitlines() if os.path.lexists(p) else []
        p.parent.mkdir(parents=True, exist_ok=True)
    except ReadError as exc:
        raise ValueError(f"{exc}; no PIN written") from None
    except FileExistsError:
        raise ValueError(f"{p}: {p.parent} is not a folder; no PIN written") from None
    except OSError as exc:
        raise ValueError(f"{p}: cannot create the folder {p.parent} ({exc.strerror or exc})") from None
    lines = [ln for ln in lines if not ln.strip().startswith(("pin_salt", "pin_hash"))]
    salt, digest = hash_pin(pin)
    lines = [f'pin_salt = "{salt}"', f'pin_hash = "{digest}"'] + lines  # top level, before any table
    write_text(p, "\n".join(lines) + "\n", mode=0o600)  # a new file is private; an existing one keeps its mode
