"""Finding things in the consult window (issue 15, item 10): a "?" overlay listing every key the
window answers to (clickers included), tooltips that explain, F1 at the stage shown, and F1
room-sized while presenting."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from keta_viz.content import load_content
from keta_viz.content.stage_science import stage_page
from keta_viz.model.families import FAMILIES
from keta_viz.scene.palette import CHROME
from keta_viz.ui import menus
from keta_viz.ui.about import AboutDialog, page_paragraphs, room_text_pixels
from keta_viz.ui.shortcut_overlay import ShortcutOverlay, key_label, shortcut_rows
from keta_viz.widgets.synapse_view import screen_height


def open_overlay(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Question)
    overlay = window.findChild(ShortcutOverlay)
    assert overlay is not None and overlay.isVisible()
    return overlay


def overlay_texts(overlay) -> list[str]:
    return [label.text() for label in overlay.panel.findChildren(QLabel)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_registered_key_is_listed_with_words(window, qtbot, lang):
    window.choose_language(lang)
    overlay = open_overlay(window, qtbot)
    content = load_content(lang)
    listed = {k for keys, _ in overlay.rows for k in keys}
    registered = {k.toString() for a in window.actions() for k in a.shortcuts()}
    assert registered == listed
    declared = {k for keys in menus.shortcuts(window) for k in keys}  # the one place keys are defined
    assert declared <= listed and {"PgUp", "PgDown", "B", ".", "F5", "Esc", "?", "F1"} <= listed
    texts = overlay_texts(overlay)
    for keys, what in overlay.rows:
        assert what and what not in keys, keys
        assert what in texts
        if not keys[0].isdigit():
            assert any(key_label(content, keys[0]) in t for t in texts), keys
    assert content.ui["shortcuts"]["digit_keys"].format(first="1", last="9") in texts


def test_a_key_added_without_words_is_listed_with_none(window):
    a = QAction("Ctrl+Shift+Z", window)  # what a new keys-only entry of shortcuts() makes
    a.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    window.addAction(a)
    assert (("Ctrl+Shift+Z",), "") in shortcut_rows(window)  # so the test above names it


def test_key_names_are_the_language_s(window):
    es = load_content("es")
    assert key_label(es, "PgUp") == "RePág" and key_label(es, "Ctrl+O") == "Ctrl+O"
    assert key_label(es, "Ctrl++") == "Ctrl++" and key_label(load_content("en"), "Space") == "Space"


def test_question_mark_opens_and_esc_closes_without_leaving_presentation(window, qtbot):
    window.set_presentation(True)
    overlay = open_overlay(window, qtbot)
    playing = window.playhead.playing
    qtbot.keyClick(overlay, Qt.Key.Key_Space)  # no other key acts while the list is open
    assert window.playhead.playing == playing and overlay.isVisible()
    assert not window.presentation.readout.isVisible()  # the corner time would sit on the list
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible() and window.presenting and window.presentation.readout.isVisible()
    overlay = open_overlay(window, qtbot)
    qtbot.keyClick(overlay, Qt.Key.Key_Question)
    assert not overlay.isVisible()
    window.set_presentation(False)


def test_the_help_menu_opens_the_list(window):
    help_menu = window.menuBar().actions()[-1].menu()
    entry = next(a for a in help_menu.actions() if a.shortcut().toString() == "?")
    entry.trigger()
    assert window.findChild(ShortcutOverlay).isVisible()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_list_fits_a_laptop_screen_uncut(window, qtbot, lang):
    window.choose_language(lang)
    window.resize(1366, 768 - 60)
    overlay = open_overlay(window, qtbot)
    assert overlay.panel.sizeHint().width() <= window.width()
    assert overlay.panel.sizeHint().height() <= window.height()
    for label in overlay.panel.findChildren(QLabel):
        assert label.width() >= label.sizeHint().width(), label.text()  # no description cut short


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_list_is_room_sized_while_presenting(window, qtbot, lang):
    from keta_viz.widgets.synapse_view import room_label_pixels

    window.choose_language(lang)
    desk = open_overlay(window, qtbot)
    desk_px = desk.panel.findChildren(QLabel)[-1].fontInfo().pixelSize()
    desk.dismiss()
    window.set_presentation(True)
    room = open_overlay(window, qtbot)
    h = screen_height(window)
    labels = room.panel.findChildren(QLabel)
    assert all(label.fontInfo().pixelSize() >= room_label_pixels(h) for label in labels)
    assert labels[-1].fontInfo().pixelSize() > desk_px
    assert room.panel.width() <= window.width() and room.panel.height() <= window.height()
    for label in labels:
        assert label.width() >= label.sizeHint().width(), label.text()  # shrunk to fit, never cut
    window.set_presentation(False)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_toolbar_and_menu_action_explains_itself(window, lang):
    window.choose_language(lang)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    items = []
    for a in toolbar.actions():
        widget = toolbar.widgetForAction(a)
        if a.isSeparator():
            continue
        if a.text():
            items.append((a.text(), a.toolTip()))
        elif widget is not None and widget.isVisibleTo(window):  # the scenario boxes
            items.append((widget.currentText(), widget.toolTip()))
    for menu_action in window.menuBar().actions():
        items += [(a.text(), a.toolTip()) for a in menu_action.menu().actions() if not a.isSeparator()]
    assert len(items) > 20
    for text, tip in items:
        plain = text.replace("&", "").rstrip("…")
        assert tip and tip.strip() != plain and not tip.startswith(plain), (lang, text, tip)


def test_tooltips_name_their_keys(window):
    assert window.about_action.toolTip().endswith("(F1)")
    window.choose_language("es")
    assert window.fullscreen_action.toolTip().startswith("Haga que") and window.fullscreen_action.toolTip().endswith("(F, F11)")


# ---------------------------------------------------------------- F1 at the stage shown ---
def f1_at(window, qtbot, stage_id) -> AboutDialog:
    for d in window.findChildren(AboutDialog):
        d.close()
        d.deleteLater()
    stages = window.timeline.stages
    window.session.jump_to_stage([s.id for s in stages].index(stage_id) + 1)
    window.about_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    return next(d for d in window.findChildren(AboutDialog) if d.isVisible())


def test_f1_opens_the_page_of_the_stage_shown(window, qtbot):
    bouncer = f1_at(window, qtbot, "bouncer_blocked")
    assert bouncer.page == "open_questions"
    assert "The bouncer is blocked" in bouncer.stage_note.text() and bouncer.stage_note.isVisible()
    html = bouncer.browser.toHtml()  # Qt's own HTML: the class is resolved into a background
    spines = f1_at(window, qtbot, "new_spines")
    assert spines.page == "people_animals" != bouncer.page
    c = spines.content
    marked = page_paragraphs(c, "people_animals")[11].plain  # 'In mice, new connection points (spines) appear...'
    assert "spines" in marked and marked[:30] in spines.browser.toPlainText()
    assert 'class="here"' not in html and bouncer.browser.toPlainText() != spines.browser.toPlainText()
    qtbot.waitUntil(lambda: spines.browser.verticalScrollBar().value() > 0)  # scrolled down to the highlighted paragraph
    spines.contents.setCurrentRow(spines.ids.index("safety"))  # the other pages are a click away
    assert spines.browser.toPlainText().startswith("Safety")
    spines.close()


def test_highlighted_paragraphs_are_the_mapped_ones():
    from keta_viz.ui.about import page_html

    c = load_content("es")
    html = page_html(c, "people_animals", "plain", (6, 12))
    paragraphs = page_paragraphs(c, "people_animals")
    for n, p in enumerate(paragraphs, start=1):
        at = html.index(p.plain.replace('"', "&quot;")[:40])
        opened = html[html.rindex("<p", 0, at):at]
        assert ('class="here"' in opened) == (n in (6, 12)), n


def test_every_stage_of_every_drug_has_a_science_page():
    from keta_viz.model import bundled_names, load_scenario

    drugs = {load_scenario(n).drug for n in bundled_names()}
    for lang in ("en", "es"):
        c = load_content(lang)
        ids = {s.id for s in c.sections()}
        for drug in drugs:
            for stage_id in FAMILIES[load_scenario(next(n for n in bundled_names()
                                                        if load_scenario(n).drug == drug)).family].STAGES:
                here = stage_page(drug, stage_id)
                assert here.page in ids and here.paragraphs, (drug, stage_id)
                assert all(1 <= n <= len(page_paragraphs(c, here.page)) for n in here.paragraphs), (drug, stage_id)


def test_f1_while_presenting_fills_the_screen_with_room_sized_text(window, qtbot):
    desk = f1_at(window, qtbot, "arrival")
    desk_px = desk.browser.fontInfo().pixelSize()
    desk.close()
    window.set_presentation(True)
    room = f1_at(window, qtbot, "arrival")
    h = screen_height(window)
    px = room.browser.fontInfo().pixelSize()
    assert px == room_text_pixels(h) and px >= h / 40 and px > desk_px
    assert room.contents.fontInfo().pixelSize() == px
    screen = window.screen().geometry()
    assert room.width() >= 0.9 * screen.width() and room.height() >= 0.9 * screen.height()
    room.close()
    window.set_presentation(False)
    assert room_text_pixels(1080) == 28 and room_text_pixels(2160) == 56


def light_pixels(icon) -> list[QColor]:
    """The icon's inked pixels (unpremultiplied: a half-transparent edge keeps its colour)."""
    image = icon.pixmap(16, 16).toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return [c for c in colours if c.alpha() > 128]


def test_f1_close_icon_is_light_on_the_dark_chrome(window, qtbot):
    from PySide6.QtWidgets import QApplication, QStyle

    from keta_viz.widgets.icons import tinted

    black = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton)
    assert any(c.lightnessF() < 0.3 for c in light_pixels(black))  # the style draws it dark
    inked = light_pixels(tinted(black, CHROME["text"], 16))
    assert inked and all(c.lightnessF() > 0.8 for c in inked)
    d = f1_at(window, qtbot, "arrival")  # where the platform puts icons on dialog buttons, that one
    assert window.session.palette == "screen"
    assert d.close_button.icon().isNull() or all(c.lightnessF() > 0.8 for c in light_pixels(d.close_button.icon()))
    d.close()


@pytest.mark.parametrize("palette", ["screen", "projector", "contrast"])
def test_f1_on_every_palette_highlights_the_stage(qtbot, palette):
    from keta_viz.scene.palette import ABOUT_HERE

    d = AboutDialog(None, "plain", "en", ("escitalopram", "brake_holds"), palette)
    qtbot.addWidget(d)
    assert d.page == stage_page("escitalopram", "brake_holds").page == "open_questions"
    assert ABOUT_HERE[palette]["fill"].lower() in d.browser.document().defaultStyleSheet().lower()
    if palette != "projector" and not d.close_button.icon().isNull():
        assert all(c.lightnessF() > 0.8 for c in light_pixels(d.close_button.icon()))


def test_a_scenario_menu_explains_itself_then_names_the_whole_title(window):
    box = window.picker.scenario_box
    explanation, title = box.toolTip().split("\n")
    assert explanation == window.session.content.ui["tooltips"]["scenario"]
    assert title == box.currentText() and len(title) > 16  # the whole title, however narrow the menu
