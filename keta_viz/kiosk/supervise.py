"""`keta-viz kiosk-supervise`: restart the kiosk if it dies or hangs; stop when the operator exits."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from ..safe_write import write_text
from .config import state_dir

log = logging.getLogger("keta_viz.supervise")
STALE_AFTER_S = 60.0


def supervise(command: list[str], heartbeat: Path, max_restarts: int | None = None,
              stale_after: float = STALE_AFTER_S, poll_s: float = 1.0) -> int:
    """Run command until it exits 0; restart after a crash or a stale heartbeat, backing off."""
    restarts, backoff = 0, 1.0
    env = dict(os.environ, KETA_VIZ_HEARTBEAT=str(heartbeat))
    while True:
        started = time.time()
        heartbeat.parent.mkdir(parents=True, exist_ok=True)
        write_text(heartbeat, f"{started:.0f}\n")
        child = subprocess.Popen(command, env=env)
        code = None
        while code is None:
            time.sleep(poll_s)
            code = child.poll()
            if code is None and time.time() - heartbeat.stat().st_mtime > stale_after:
                log.error("kiosk hung (no heartbeat for %.0f s); restarting", stale_after)
                child.kill()
                code = child.wait()
        if code == 0:
            log.info("kiosk exited normally")
            return 0
        restarts += 1
        log.error("kiosk died with exit code %s; restart %d", code, restarts)
        if max_restarts is not None and restarts > max_restarts:
            return 1
        backoff = 1.0 if time.time() - started > 300 else min(60.0, backoff * 2)
        time.sleep(backoff)


def cmd_supervise(args) -> int:
    """CLI entry: supervise `keta-viz --kiosk`."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    launcher = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "keta_viz"]
    command = launcher + ["--kiosk"] + (["--config", args.config] if args.config else [])
    return supervise(command, Path(args.heartbeat) if args.heartbeat else state_dir() / "heartbeat")
