"""Render the PNG icon sizes from assets/icons/keta-viz.svg (run after editing the SVG).

    python packaging/render_icons.py
"""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"


def main() -> None:
    """Write keta-viz-<size>.png next to the SVG."""
    app = QGuiApplication([])  # noqa: F841 (QImage painting needs a GUI application)
    renderer = QSvgRenderer(str(ICONS / "keta-viz.svg"))
    if not renderer.isValid():
        raise SystemExit("keta-viz.svg is not a valid SVG")
    for n in SIZES:
        img = QImage(n, n, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        img.save(str(ICONS / f"keta-viz-{n}.png"))


if __name__ == "__main__":
    main()
