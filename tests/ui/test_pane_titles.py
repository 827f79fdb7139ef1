"""Compare: every live view names its drug above each pane ("Ketamine (IV)" / "Escitalopram (SSRI)"),
from content, at a size read from a desk (1366 x 768) or the back of a room (presentation)."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics

from keta_viz.content import load_content


def shown_titles(synapse):
    return [t for t in synapse.titles if t.isVisible()]


def assert_titles_whole_above_their_views(synapse, top_level):
    for title, view in zip(synapse.titles, synapse.views):
        rect = QRect(title.mapTo(top_level, QPoint(0, 0)), title.size())
        assert top_level.rect().contains(rect)
        assert rect.bottom() < view.mapTo(top_level, QPoint(0, 0)).y()  # above the picture, not on it
        font = title.font()
        assert QFontMetrics(font).horizontalAdvance(title.text()) <= title.contentsRect().width()


def test_window_names_each_pane_at_1366x768(window, qtbot):
    window.resize(1366, 768)
    window.set_compare("escitalopram")
    qtbot.wait(50)
    panes = load_content().ui["compare"]["panes"]
    assert [t.text() for t in shown_titles(window.synapse)] == [panes["ketamine"], panes["escitalopram"]]
    assert [t.text() for t in shown_titles(window.synapse)] == ["Ketamine (IV)", "Escitalopram (SSRI)"]
    assert_titles_whole_above_their_views(window.synapse, window)
    assert all(t.font().pixelSize() >= 16 for t in shown_titles(window.synapse))
    window.set_compare("fluoxetine")
    assert shown_titles(window.synapse)[1].text() == "Fluoxetine (SSRI)"
    window.set_compare(None)
    assert shown_titles(window.synapse) == []  # one scenario: nothing to tell apart


def test_titles_follow_the_language(window):
    window.set_compare("escitalopram")
    window.session.set_language("es")
    assert [t.text() for t in shown_titles(window.synapse)] == ["Ketamina (IV)", "Escitalopram (ISRS)"]


def test_presentation_titles_are_room_sized(window, qtbot):
    window.set_compare("escitalopram")
    window.set_presentation(True)
    qtbot.wait(50)
    assert len(shown_titles(window.synapse)) == 2
    assert all(t.font().pixelSize() >= 24 for t in shown_titles(window.synapse))
    assert_titles_whole_above_their_views(window.synapse, window)
    window.set_presentation(False)
    assert all(t.font().pixelSize() >= 16 for t in shown_titles(window.synapse))


@pytest.mark.parametrize("height, floor, px", [(260, 16, 16), (830, 24, 33), (400, 24, 24), (1000, 28, 40)])
def test_title_size_is_a_share_of_the_picture_with_a_floor(height, floor, px):
    from keta_viz.widgets.synapse_view import title_pixels

    assert title_pixels(height, floor) == px
