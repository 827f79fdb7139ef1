"""The consult window: menus, shortcuts and layout around the shared widgets, all on one Session."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QToolBar

from .. import content
from ..app.session import Session
from ..model import ScenarioError, bundled_names, load_scenario, simulate
from ..model.families import FAMILIES
from ..widgets.stylesheet import application_stylesheet
from . import export_dialog, menus
from .error_text import scenario_error
from .layout import build_layout
from .presentation import Presentation
from .qt_words import QtWords
from .scenario_picker import ScenarioPicker
from .settings import Preferences, load_preferences, save_preferences
from .tab_order import set_tab_order
from .view_settings import ViewSettings
from .wording import Wording

TICK_MS = 16


class MainWindow(QMainWindow):
    """What a clinician opens with a patient beside them."""

    def __init__(self, scenario: str | None = None, compare: str | None = None,
                 prefs: Preferences | None = None, clock: Callable[[], float] = time.monotonic,
                 remember: bool = True, language: str | None = None):
        super().__init__()
        self.prefs = prefs or load_preferences()
        self.remember = remember
        self.clock = clock
        self.last_error = ""
        timelines = [simulate(load_scenario(scenario or self.prefs.scenario))]
        timelines += [simulate(load_scenario(compare))] if compare else []
        p = self.prefs
        language = language or p.language or content.default_language()  # --lang, the menu's choice, the system's
        self.session = Session(timelines, p.palette, p.vocabulary, p.labels, language, parent=self)
        self.session.set_reduced_motion(bool(p.reduced_motion))  # not chosen: the desktop decides (ViewSettings)
        self.playhead = self.session.playhead
        self.wording = Wording(self.session, self)
        self.qt_words = QtWords(self.session, self)  # Qt's standard buttons and dialogs in the same language
        self.wording.text(self.setWindowTitle, "window", "title")
        build_layout(self)
        self.presentation = Presentation(self)
        self._build_actions()
        set_tab_order(self)
        self.session.timelines_changed.connect(self._timelines_changed)
        self.session.style_changed.connect(self._style_changed)
        self._timelines_changed()
        self._style_changed()
        self.plots.setVisible(p.plots)
        if p.geometry is not None:
            self.restoreGeometry(p.geometry)
        self._t0 = self._last = self.clock()
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    @property
    def timeline(self):
        """The main scenario shown."""
        return self.session.timeline

    @property
    def words(self) -> dict:
        """The window's words ([window] of ui.toml) in the Session's language."""
        return self.session.content.ui["window"]

    def _build_actions(self) -> None:
        s = self.session
        tb = QToolBar()
        self.wording.text(tb.setWindowTitle, "window", "toolbar")
        tb.setObjectName("main-toolbar")
        tb.setMovable(False)
        self.addToolBar(tb)
        self.picker = ScenarioPicker(s, self.set_scenario, self.set_compare, self.choose_scenario_file, self)
        tb.addWidget(self.picker.scenario_box)
        self.against_action = tb.addWidget(self.picker.against_box)
        self.vocab_action = self.new_toggle("expert", lambda on: s.set_vocabulary("expert" if on else "plain"))
        self.projector_action = self.new_toggle("projector", lambda on: s.set_palette("projector" if on else "screen"))
        self.labels_action = self.new_toggle("labels", s.set_labels)
        self.plots_action = self.new_toggle("plots", self._plots_toggled, self.prefs.plots)
        self.compare_action = self.new_toggle("compare", self._compare_toggled)
        self.motion_action = self.new_toggle("reduced_motion", s.set_reduced_motion, s.reduced_motion)
        self.fullscreen_action = self.new_action("full_screen", ["F", "F11"], self.toggle_full_screen)
        self.about_action = self.new_action("about", ["F1"], self.show_about)
        tb.addActions([self.compare_action, self.fullscreen_action, self.about_action,  # a narrow window
                       self.vocab_action, self.projector_action, self.labels_action, self.plots_action])  # folds these
        view_actions = (self.vocab_action, self.projector_action, self.labels_action, self.plots_action,
                        self.motion_action, self.compare_action, self.fullscreen_action)
        for keys, slot in menus.shortcuts(self).items():
            self.new_action(None, list(keys), slot).setText(keys[0])  # keys only: never shown
        menus.build_menus(self, view_actions)
        self.view_settings = ViewSettings(self)  # high contrast, text size, the desktop's reduced motion

    def new_action(self, key: str | None, keys: list[str] | None, slot=None) -> QAction:
        """A window action named by [window] `key` (re-worded with the language), on these keys."""
        a = QAction(self)
        if key:
            self.wording.text(a.setText, "window", key)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def new_toggle(self, key: str, slot, checked: bool = False) -> QAction:
        """A checkable window action named by [window] `key`; `slot(on)` on every toggle."""
        a = self.new_action(key, None)
        a.setCheckable(True)
        a.setChecked(checked)
        a.toggled.connect(slot)
        return a

    # ------------------------------------------------------------------ behaviour ---
    def tick(self) -> None:
        """One animation tick: advance playback by wall time, move the particles, fade controls."""
        now = self.clock()
        self.playhead.advance(now - self._last)
        self._last = now
        self.session.set_phase(now - self._t0)
        self.presentation.tick(now)

    def set_scenario(self, name_or_path: str) -> bool:
        """Show another scenario; a bad one leaves the current one loaded and says why."""
        try:
            tl = simulate(load_scenario(name_or_path))
        except ScenarioError as exc:
            self.show_error(scenario_error(exc, self.session.content))
            self.picker.refresh()
            return False
        self.session.set_timelines([tl, *self.session.timelines[1:]])
        self.prefs.scenario = tl.scenario.name if tl.scenario.name in bundled_names() else tl.scenario.source
        return True

    def set_compare(self, name: str | None) -> bool:
        """Show a second scenario beside the first (None: single view); the time is kept."""
        try:
            other = [simulate(load_scenario(name))] if name else []
        except ScenarioError as exc:
            self.show_error(scenario_error(exc, self.session.content))
            return False
        self.session.set_timelines([self.session.timeline, *other])
        return True

    def _timelines_changed(self) -> None:
        on = self.session.compare
        self.against_action.setVisible(on)
        self.caption.setVisible(on)
        self.stage_caption.setVisible(self.presenting and not on)
        self.compare_action.blockSignals(True)
        self.compare_action.setChecked(on)
        self.compare_action.blockSignals(False)

    def _style_changed(self) -> None:
        s = self.session
        self.prefs.palette, self.prefs.vocabulary, self.prefs.labels = s.palette, s.vocabulary, s.labels
        for action, on in ((self.vocab_action, s.vocabulary == "expert"),
                           (self.projector_action, s.palette == "projector"), (self.labels_action, s.labels)):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        if self.styleSheet() != (sheet := application_stylesheet(s.palette, s.text_scale)):
            self.setStyleSheet(sheet)  # re-polishing is slow: only on a palette or text size change
        self.presentation.apply_sizes()

    def choose_language(self, language: str) -> None:
        """The Language menu: every word in another language now, and at the next start."""
        self.prefs.language = language
        self.session.set_language(language)

    def choose_scenario_file(self) -> None:
        """Ask for a scenario .toml file and load it."""
        path, _ = QFileDialog.getOpenFileName(self, self.words["open_title"], "", self.words["open_filter"])
        self.set_scenario(path) if path else self.picker.refresh()

    def export_to(self, path) -> bool:
        """Export the Session to a file (PNG, MP4, GIF or PDF) with a progress dialog."""
        return export_dialog.export_to(self, path)

    @property
    def views(self):
        """The synapse views shown (two in compare)."""
        return self.synapse.views

    def show_error(self, text: str) -> None:
        """A clear, non-blocking message box."""
        self.last_error = text
        box = QMessageBox(QMessageBox.Icon.Warning, self.words["title"], text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def toggle_black(self) -> None:
        """Black the screen out, or bring it back."""
        self.black.setGeometry(self.rect())
        self.black.setVisible(not self.black.isVisible())
        self.black.raise_()

    def toggle_full_screen(self) -> None:
        """Full screen on or off."""
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def leave_full_screen(self) -> None:
        """Esc: leave presentation, full screen and the black screen."""
        self.black.hide()
        if self.presenting:
            self.set_presentation(False)
        elif self.isFullScreen():
            self.showNormal()

    @property
    def presenting(self) -> bool:
        """True in presentation mode."""
        return self.presentation.on

    def set_presentation(self, on: bool, screen: int | None = None) -> None:
        """Classroom mode on (optionally on screen N) or off."""
        self.presentation.set(on, screen)

    def show_about(self) -> None:
        """The science: what the picture simplifies, its sources, the disclaimer."""
        from .about import open_science

        open_science(self)

    def _plots_toggled(self, on: bool) -> None:
        self.prefs.plots = on
        self.plots.setVisible(on)

    def _compare_toggled(self, on: bool) -> None:
        self.set_compare(FAMILIES[self.session.timeline.scenario.family].COMPARE_WITH if on else None)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.black.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.remember:
            self.prefs.geometry = self.saveGeometry()  # reduced motion and text size: kept as chosen
            save_preferences(self.prefs)
        super().closeEvent(event)
