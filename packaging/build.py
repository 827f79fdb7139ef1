"""Build the offline bundle: PyInstaller one-folder, trimmed, self-tested, archived.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-archive]

Writes DIST/keta-viz/ (run DIST/keta-viz/keta-viz) and, on Linux,
DIST/keta-viz-<version>-linux-<arch>.tar.gz.  Prints the unpacked size.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "keta-viz.spec"
LINUX_EXTRAS = ("keta-viz.desktop", "install-linux.sh", "keta-viz-kiosk.service", "keta-viz-kiosk-session",
                "keta-viz-kiosk-x@.service", "20-keta-viz-kiosk.conf", "openbox-kiosk-rc.xml")


def bundle_size(folder: Path) -> int:
    """Bytes of every regular file in the bundle (symbolic links counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def strip_system_libraries(internal: Path) -> None:
    """Strip debug symbols from the system libraries PyInstaller copied (libpython among them).

    Libraries from wheels (numpy.libs, av.libs, ...) are left alone: they were patched by
    auditwheel, and strip breaks them.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("build: strip not found; system libraries keep their symbols")
        return
    files = [str(p) for p in internal.glob("*.so*") if p.is_file() and not p.is_symlink()]
    if files:
        subprocess.run([strip, "--strip-unneeded", *files], check=True)


def add_linux_extras(bundle: Path) -> None:
    """The desktop entry, the installer script, the kiosk session files and the icons, at the top
    of the bundle."""
    for name in LINUX_EXTRAS:
        shutil.copy2(ROOT / "packaging" / name, bundle / name)
    icons = bundle / "icons"
    icons.mkdir(exist_ok=True)
    for icon in (ROOT / "assets" / "icons").iterdir():
        if icon.suffix in (".png", ".svg"):
            shutil.copy2(icon, icons / icon.name)


def selftest(bundle: Path) -> None:
    """Run the frozen app's own self-test, offscreen, from outside the source tree."""
    exe = bundle / ("keta-viz.exe" if sys.platform == "win32" else "keta-viz")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run([str(exe), "selftest"], env=env, cwd=cwd, capture_output=True, text=True)
    print(result.stdout, end="")
    if result.returncode != 0:
        raise SystemExit(f"build: the bundle's selftest failed (exit {result.returncode})\n{result.stderr}")


def archive(bundle: Path, dist: Path) -> Path:
    """dist/keta-viz-<version>-linux-<arch>.tar.gz, written to a temporary name and renamed."""
    sys.path.insert(0, str(ROOT))
    from keta_viz import __version__

    target = dist / f"keta-viz-{__version__}-linux-{platform.machine()}.tar.gz"
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    partial.replace(target)
    return target


def main() -> int:
    """Build, trim, test and archive; exit 0 when the bundle passed its selftest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(args.dist), "--workpath", str(args.work), str(SPEC)], check=True)
    bundle = args.dist / "keta-viz"
    if sys.platform.startswith("linux"):
        strip_system_libraries(bundle / "_internal")
        add_linux_extras(bundle)
    selftest(bundle)
    print(f"build: {bundle} is {bundle_size(bundle) / 1e6:.0f} MB unpacked")
    if sys.platform.startswith("linux") and not args.no_archive:
        tarball = archive(bundle, args.dist)
        print(f"build: {tarball} is {tarball.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
