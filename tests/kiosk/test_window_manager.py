"""Under a real X server and stock openbox, the kiosk is back full screen, on top and active
within 1 s of a minimize, a desktop switch or "show desktop" (skipped without Xvfb)."""

import time

from xserver import SIZE, start_kiosk, start_openbox, start_xvfb, stop, window_of, x

BACK_WITHIN_S = 1.0


def in_place(display: str, wid: str) -> bool:
    """Mapped, covering the whole screen, and the active window."""
    info = x(display, "xwininfo", "-id", wid)
    return ("IsViewable" in info and f"Width: {SIZE[0]}" in info and f"Height: {SIZE[1]}" in info
            and "Absolute upper-left X:  0" in info and "Absolute upper-left Y:  0" in info
            and x(display, "xdotool", "getactivewindow").strip() == wid)


def restores(log_file) -> int:
    return log_file.read_text().count("putting it back") if log_file.exists() else 0


def test_the_kiosk_comes_back_from_every_window_manager_escape(tmp_path):
    xvfb, display = start_xvfb()
    wm = kiosk = None
    try:
        wm = start_openbox(display, tmp_path)
        kiosk = start_kiosk(display, tmp_path, "--kiosk")
        wid = window_of(display, kiosk)
        log_file = tmp_path / "state" / "keta-viz" / "kiosk.log"
        deadline = time.monotonic() + 10
        while not in_place(display, wid):
            assert time.monotonic() < deadline, "the kiosk never filled the screen"
            time.sleep(0.05)
        times = {}
        for name, action in (("minimize", ("xdotool", "windowminimize", wid)),
                             ("set_desktop", ("xdotool", "set_desktop", "2")),
                             ("ctrl+alt+Right", ("xdotool", "key", "ctrl+alt+Right")),
                             ("super+d", ("xdotool", "key", "super+d"))):
            before = restores(log_file)
            t0 = time.monotonic()
            x(display, *action)
            while not (restores(log_file) > before and in_place(display, wid)):
                assert time.monotonic() - t0 < 3, f"not back 3 s after {name}"
                time.sleep(0.02)
            times[name] = time.monotonic() - t0
        print("back in place after: " + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()))
        assert max(times.values()) < BACK_WITHIN_S, times
        assert kiosk.poll() is None
    finally:
        stop(kiosk, wm, xvfb)
