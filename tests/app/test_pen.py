"""Pen strokes belong to the picture they were drawn on: they follow the story camera on the
synapse, hide at another scale and come back with it."""

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from keta_viz.app.pen import Strokes, mapping
from keta_viz.model.tour import BRAIN, CIRCUIT, SYNAPSE
from keta_viz.scene.camera import WHOLE, actor_box, framing
from keta_viz.scene.synapse import view, viewport

W, H = 640, 360
RED = QColor(255, 0, 0)


def painted(strokes, scale, camera):
    """Where the strokes ink a blank w x h image: a boolean mask."""
    img = QImage(W, H, QImage.Format.Format_ARGB32)
    img.fill(0)
    from PySide6.QtGui import QPainter

    p = QPainter(img)
    strokes.paint(p, W, H, scale, camera)
    p.end()
    a = np.frombuffer(img.constBits(), np.uint8, count=W * H * 4).reshape(H, W, 4)
    return a[:, :, 3] > 0


def centre(mask):
    ys, xs = np.nonzero(mask)
    return xs.mean(), ys.mean()


def test_a_stroke_on_the_synapse_follows_the_camera(qapp):
    camera = framing(actor_box("ketamine", "ampa_firing"))
    assert camera != WHOLE
    strokes = Strokes()
    strokes.begin(RED, QPointF(300, 200), W, H, SYNAPSE, camera)
    strokes.extend(QPointF(340, 200), W, H, camera)
    x, y = centre(painted(strokes, SYNAPSE, camera))
    assert abs(x - 320) < 2 and abs(y - 200) < 2  # where it was drawn, while the camera holds
    s, ox, oy = view(W, H, camera)
    cx, cy = (320 - ox) / s, (200 - oy) / s  # the canvas point it marks...
    s0, ox0, oy0 = viewport(W, H)
    x, y = centre(painted(strokes, SYNAPSE, WHOLE))
    assert abs(x - (ox0 + cx * s0)) < 2 and abs(y - (oy0 + cy * s0)) < 2  # ...is where it goes as the camera pulls back
    assert abs(x - 320) > 20


def test_a_stroke_hides_at_another_scale_and_comes_back(qapp):
    strokes = Strokes()
    strokes.begin(RED, QPointF(100, 100), W, H, SYNAPSE, WHOLE)
    strokes.extend(QPointF(200, 150), W, H, WHOLE)
    shown = painted(strokes, SYNAPSE, WHOLE)
    assert shown.sum() > 100 and strokes.shown(SYNAPSE)
    for other in (BRAIN, CIRCUIT, 1.5):
        assert not painted(strokes, other, WHOLE).any() and not strokes.shown(other)
    assert np.array_equal(painted(strokes, SYNAPSE, WHOLE), shown)  # back at the synapse, the same stroke
    strokes.begin(RED, QPointF(500, 300), W, H, BRAIN, framing(actor_box("ketamine", "ampa_firing")))
    brain = painted(strokes, BRAIN, WHOLE)
    assert brain.any() and not (brain & shown).any()  # the brain's own stroke, only on the brain
    x, y = centre(brain)
    assert abs(x - 500) < 2 and abs(y - 300) < 2  # the brain has no camera: drawn where it was put
    assert mapping(W, H, BRAIN, framing(actor_box("ketamine", "ampa_firing"))) == viewport(W, H)
