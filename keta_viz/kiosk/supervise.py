"""`keta-viz kiosk-supervise`: restart the kiosk if it dies or hangs; stop when the operator exits.

The supervisor owns the heartbeat file and passes its path to the kiosk. It keeps a black cover
window running under the kiosk, so a restart shows black, never the desktop. No file problem
stops it: a heartbeat it cannot use only costs hang detection. SIGTERM, SIGINT or SIGHUP stop
the kiosk, then the supervisor.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..safe_write import write_text
from .config import state_dir
from .run import COVER_ENV, HEARTBEAT_ENV

log = logging.getLogger("keta_viz.supervise")
STALE_AFTER_S = 60.0
LONG_RUN_S = 60.0  # a kiosk that ran this long is restarted at once, not after a back-off
MAX_BACKOFF_S = 30.0
COVER_RETRY_S = 10.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Stopped(Exception):
    """A stop signal reached the supervisor."""


def _stop(signum, _frame):
    raise Stopped(signum)


def usable_heartbeat(wanted: Path) -> Path | None:
    """`wanted` once a beat could be written there, else a fresh temporary file, else None."""
    for path in (wanted, None):
        try:
            path = path or Path(tempfile.mkdtemp(prefix="keta-viz-")) / "heartbeat"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path, f"{time.time():.0f}\n")
            return path
        except OSError as exc:
            log.error("heartbeat %s unusable (%s)", path or "in a temporary folder", exc)
    log.error("no heartbeat file can be written: a hung kiosk will not be noticed")
    return None


def beat_mark(heartbeat: Path):
    """What a beat changes (inode, modification time); None when the file cannot be read."""
    try:
        st = heartbeat.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def spawn(command: list[str], env: dict[str, str]) -> subprocess.Popen | None:
    """Start a child; None (logged) if it cannot be started."""
    try:
        return subprocess.Popen(command, env=env)
    except OSError as exc:
        log.error("cannot start %s: %s", command[0], exc)
        return None


def end(child: subprocess.Popen | None, grace_s: float = 5.0) -> None:
    """Stop a child: SIGTERM, then SIGKILL after `grace_s`."""
    if child is None or child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(grace_s)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def supervise(command: list[str], heartbeat: Path, cover: bool = False, max_restarts: int | None = None,
              stale_after: float = STALE_AFTER_S, poll_s: float = 1.0) -> int:
    """Run command until it exits 0; restart it after a crash or a stale heartbeat.

    With `cover`, the same command runs a second time as the black cover (COVER_ENV) under
    the kiosk, and is restarted whenever it is found dead (at most every COVER_RETRY_S).
    """
    previous = {s: signal.signal(s, _stop) for s in STOP_SIGNALS}
    kiosk = under = None
    cover_tried = -COVER_RETRY_S
    base_env = {k: v for k, v in os.environ.items() if k not in (COVER_ENV, HEARTBEAT_ENV)}

    def keep_cover() -> None:
        nonlocal under, cover_tried
        running = under is not None and under.poll() is None
        if cover and not running and time.monotonic() - cover_tried >= COVER_RETRY_S:
            if under is not None:
                log.warning("the black cover exited with code %s; starting it again", under.returncode)
            cover_tried = time.monotonic()
            under = spawn(command, dict(base_env, **{COVER_ENV: "1"}))

    try:
        restarts, backoff = 0, 0.0
        while True:
            keep_cover()
            beat = usable_heartbeat(heartbeat)
            started = time.monotonic()
            kiosk = spawn(command, dict(base_env, **{HEARTBEAT_ENV: str(beat or "")}))
            code = watch(kiosk, beat, stale_after, poll_s, keep_cover) if kiosk else -1
            if code == 0:
                log.info("kiosk exited normally")
                return 0
            restarts += 1
            log.error("kiosk died with exit code %s; restart %d", code, restarts)
            if max_restarts is not None and restarts > max_restarts:
                return 1
            long_run = time.monotonic() - started > LONG_RUN_S
            backoff = 0.0 if long_run else min(MAX_BACKOFF_S, max(0.5, backoff * 2))
            time.sleep(backoff)
    except Stopped as stop:
        log.info("supervisor stopped by signal %s; stopping the kiosk", stop.args[0])
        return 0
    finally:
        for s in STOP_SIGNALS:
            signal.signal(s, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        end(kiosk)
        end(under)
        for s, handler in previous.items():
            signal.signal(s, handler)


def watch(child: subprocess.Popen, heartbeat: Path | None, stale_after: float, poll_s: float,
          each_poll) -> int:
    """Wait for the child's exit code; kill it when its heartbeat stops changing."""
    mark, beat_at = (beat_mark(heartbeat) if heartbeat else None), time.monotonic()
    while True:
        try:
            return child.wait(timeout=poll_s)
        except subprocess.TimeoutExpired:
            pass
        each_poll()
        if heartbeat is None:
            continue
        now_mark = beat_mark(heartbeat)
        if now_mark != mark:
            mark, beat_at = now_mark, time.monotonic()
        elif time.monotonic() - beat_at > stale_after:
            log.error("kiosk hung (no heartbeat for %.0f s); restarting", stale_after)
            child.kill()
            return child.wait()


def cmd_supervise(args) -> int:
    """CLI entry: supervise `keta-viz --kiosk`, with its black cover underneath."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    launcher = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "keta_viz"]
    command = launcher + ["--kiosk"] + (["--config", args.config] if args.config else [])
    return supervise(command, Path(args.heartbeat) if args.heartbeat else state_dir() / "heartbeat", cover=True)
