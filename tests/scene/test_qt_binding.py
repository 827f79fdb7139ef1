"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 aborted in minutes)."""

import sys

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_painting_does_not_drain_none_refcount(qapp):
    img = QImage(50, 50, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(2000):
        p.setPen(QColor(1, 2, 3))
        p.drawLine(QPointF(0, 0), QPointF(5, 5))
    p.end()
    assert sys.getrefcount(None) >= before - 10
