"""The time in words beside the transport fits at 1366 x 768 in every language (the Spanish is
longer): its text ends before the key moments begin (at 1366 px the two rows share the width)."""

import pytest
from PySide6.QtCore import QPoint

from keta_viz.content import languages
from keta_viz.model import bundled_names


@pytest.mark.parametrize("lang", languages())
def test_the_time_in_words_is_never_clipped_on_a_laptop(window, qtbot, lang):
    window.resize(1366, 768)
    window.session.set_language(lang)
    label, moments = window.transport.time_label, window.transport.moments_row
    seen = set()
    for name in bundled_names():
        window.set_scenario(name)
        span = window.playhead.axis.span_h
        for t in (0.4, 0.9, 1.0, 23.0, 24.0, 24.0 * 13, 24.0 * 7 * 3, 24.0 * 7 * 8, span):
            window.playhead.seek(min(t, span))
            qtbot.wait(1)
            text = label.text()
            seen.add(text)
            end = label.mapTo(window, QPoint(0, 0)).x() + label.fontMetrics().horizontalAdvance(text)
            room = min(label.mapTo(window, QPoint(label.width(), 0)).x(), moments.mapTo(window, QPoint(0, 0)).x())
            assert end <= room, (lang, text, end, room)
    assert len(seen) >= 10
