"""The 1366 x 768 window's synapse view is the size the label-tangle test checks (tests/scene/test_leaders.py)."""

from keta_viz.ui.presentation import DESK_LABEL_PX


def test_laptop_synapse_view_size(window, qtbot):
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.views[0].width() == 972)
    assert (window.views[0].width(), window.views[0].height()) == (972, 338)
    assert window.session.style.label_min_px == DESK_LABEL_PX
