"""A kiosk on an injected clock, with a known PIN."""

import pytest

from keta_viz.kiosk.config import KioskConfig, hash_pin


class FakeClock:
    def __init__(self):
        self.now = 5000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def kiosk(qtbot, clock, tmp_path):
    from keta_viz.kiosk.window import KioskWindow

    salt, digest = hash_pin("2468")
    cfg = KioskConfig(idle_seconds=30, countdown_seconds=10, pin_salt=salt, pin_hash=digest,
                      heartbeat_file=str(tmp_path / "beat"))
    k = KioskWindow(cfg, clock=clock)
    k.ticker.stop()
    k.resize(1280, 800)
    k.show()
    qtbot.waitExposed(k)
    yield k
    k.unlocked = True
    k.close()
