"""The kiosk's compare names each pane's drug, large enough to read standing back."""

from PySide6.QtCore import QPoint, Qt


def test_kiosk_compare_names_both_panes(kiosk, qtbot):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseClick(kiosk.buttons["compare"], Qt.MouseButton.LeftButton)
    titles = [t for t in kiosk.synapse.titles if t.isVisible()]
    assert [t.text() for t in titles] == ["Ketamine (IV)", "Escitalopram (SSRI)"]
    assert all(t.font().pixelSize() >= 28 for t in titles)
    for title, view in zip(titles, kiosk.views):
        assert title.mapTo(kiosk, QPoint(0, title.height())).y() <= view.mapTo(kiosk, QPoint(0, 0)).y()
    qtbot.mouseClick(kiosk.buttons["ketamine"], Qt.MouseButton.LeftButton)
    assert not any(t.isVisible() for t in kiosk.synapse.titles)
