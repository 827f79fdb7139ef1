"""Burned-in captions fit their band in every language: a long caption (or a longer language)
gets a smaller font, never clipped lines (issue 16: layouts hold longer Spanish text)."""

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics

from keta_viz.content import languages, load_content
from keta_viz.content.captions import compare_caption, video_caption
from keta_viz.export.frames import caption_font
from keta_viz.model import bundled_names, load_scenario, simulate

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def tls():
    return {n: simulate(load_scenario(n)) for n in bundled_names()}


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize("size", [(1920, 1080), (800, 450), (640, 360)])
def test_every_caption_fits_its_band(tls, lang, size):
    w, h = size
    band = round(h * 0.16)
    margin = band * 0.15
    box = QRectF(margin, 0, w - 2 * margin, band - margin)
    c = load_content(lang)
    for tl in tls.values():
        for st in tl.stages:
            t = (st.start + st.end) / 2
            for text in (video_caption(c, tl, t), compare_caption(c, tls["ketamine-iv"], tls["escitalopram"], t)):
                font = caption_font(text, box)
                wrapped = QFontMetrics(font).boundingRect(QRect(0, 0, int(box.width()), 100_000),
                                                          Qt.TextFlag.TextWordWrap, text)
                assert wrapped.height() <= box.height(), (lang, size, text[:60])
                assert font.pixelSize() >= 0.6 * band * 0.2 - 1
