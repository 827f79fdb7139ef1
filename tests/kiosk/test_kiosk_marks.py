"""The kiosk shows the disclaimer in every state and the "in animals" badge at animal stages."""

from PySide6.QtCore import QPoint, QRect, Qt

from keta_viz.content import load_content

CONTENT = load_content()


def shown_inside(widget, window) -> bool:
    """Visible, with text room, and wholly inside the kiosk window, not under an overlay."""
    box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    overlays = [w for w in (window.pin_pad, window.countdown) if w.isVisible()]
    return (widget.isVisible() and box.height() >= widget.fontMetrics().height() and window.rect().contains(box)
            and not any(w.geometry().intersects(box) for w in overlays))


def stage_start(tl, animals: bool) -> float:
    return next(st.start for st in tl.stages if CONTENT.stage(tl.scenario.drug, st.id).in_animals == animals) + 1e-6


def test_disclaimer_in_every_kiosk_state(kiosk, qtbot, clock):
    assert kiosk.disclaimer.text() == CONTENT.ui["about"]["disclaimer"]
    assert kiosk.mode == "attract" and shown_inside(kiosk.disclaimer, kiosk)
    for _ in range(95):  # the tour moves on to its compare step
        clock.now += 1.0
        kiosk.tick()
    assert len(kiosk.views) == 2 and shown_inside(kiosk.disclaimer, kiosk)
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert kiosk.mode == "interactive" and shown_inside(kiosk.disclaimer, kiosk)
    clock.now += 35
    kiosk.tick()
    assert kiosk.countdown.isVisible() and shown_inside(kiosk.disclaimer, kiosk)
    kiosk.pin_pad.open()
    assert shown_inside(kiosk.disclaimer, kiosk)
    kiosk.pin_pad.hide()


def test_badge_at_animal_stages_only(kiosk, qtbot):
    tl = kiosk.session.timelines[0]
    kiosk.playhead.seek(stage_start(tl, True))
    assert kiosk.caption.badge.isVisible() and kiosk.caption.badge.text() == CONTENT.ui["badges"]["in_animals"]
    box = QRect(kiosk.caption.badge.mapTo(kiosk, QPoint(0, 0)), kiosk.caption.badge.size())
    assert kiosk.rect().contains(box)
    kiosk.playhead.seek(stage_start(tl, False))
    assert not kiosk.caption.badge.isVisible()
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseClick(kiosk.buttons["ssri"], Qt.MouseButton.LeftButton)
    ssri = kiosk.session.timelines[0]
    kiosk.playhead.seek(stage_start(ssri, True))
    assert kiosk.caption.badge.isVisible()
    kiosk.playhead.seek(stage_start(ssri, False))
    assert not kiosk.caption.badge.isVisible()


def test_compare_caption_marks_animal_stages_and_the_model_in_the_kiosk(kiosk, qtbot):
    qtbot.mouseClick(kiosk.views[0], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseClick(kiosk.buttons["compare"], Qt.MouseButton.LeftButton)
    ket = kiosk.session.timelines[0]
    animal = next(st for st in ket.stages if CONTENT.stage(ket.scenario.drug, st.id).in_animals)
    kiosk.playhead.seek(animal.start + 1e-6)
    text = kiosk.caption.text()
    assert f"[{CONTENT.ui['badges']['in_animals']}]" in text.split(" · ")[0]
    assert CONTENT.ui["badges"]["illustrative"] in text
    assert not kiosk.caption.badge.isVisible()  # each side's caption carries its own marking
