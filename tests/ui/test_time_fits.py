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


@pytest.mark.parametrize("lang", languages())
def test_the_transport_is_one_line_at_1366_and_nothing_in_it_overlaps(window, qtbot, lang):
    """Playback buttons, speed, Follow the story, the time and the key moments share one line on a
    laptop (the picture keeps its height); the wrap rule counts every control, so none overlaps."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QBoxLayout

    window.session.set_language(lang)
    t = window.transport
    controls = [t.prev_button, t.play_button, t.next_button, t.loop_button, t.speed_box,
                window.scale_bar.follow_button, t.time_label, t.moments_label, *t.moment_buttons]
    for width, one_line in ((1366, True), (1000, False)):
        window.resize(width, 768)
        qtbot.waitUntil(lambda: t.box.direction() == (QBoxLayout.Direction.LeftToRight if one_line
                                                        else QBoxLayout.Direction.TopToBottom)
                        and t.height() >= t.minimumSizeHint().height())  # laid out at its new height
        boxes = [QRect(c.mapTo(t, QPoint(0, 0)), c.size()) for c in controls]
        assert all(t.rect().contains(b) for b in boxes), width
        assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), width
        follow, speed, time = boxes[5], boxes[4], boxes[6]
        assert speed.right() < follow.left() and follow.right() < time.left()  # in reading (and Tab) order
        assert abs(follow.center().y() - speed.center().y()) <= 2  # on the playback buttons' line
