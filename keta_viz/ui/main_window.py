"""The consult window: synapse view(s), scrubber, transport, plots and narration on one Playhead."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QBoxLayout, QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QGraphicsOpacityEffect, QMainWindow, QMessageBox, QProgressDialog, QSplitter, QStyle, QToolBar, QToolButton, QVBoxLayout, QWidget)

from ..content import load_content
from ..content.captions import KEY_MOMENTS_H, compare_caption, stage_caption
from ..model.families import FAMILIES
from ..model import ScenarioError, StoryAxis, Timeline, bundled_names, load_scenario, simulate
from ..safe_write import WriteError
from ..scene.synapse import Style
from ..widgets.marks import AnimalBadge, Disclaimer
from ..widgets.narration import NarrationPanel
from ..widgets.pen import PEN_COLOURS
from ..widgets.playhead import SPEEDS, Playhead
from ..widgets.plots import PlotsPanel
from ..widgets.scrubber import Scrubber
from .settings import Preferences, load_preferences, save_preferences
from ..widgets.synapse_view import SynapseView

TICK_MS = 16
CONTROLS_FADE_S = 3.0
FINE_STEP_U = 0.005
SEEK_STEP_U = 0.05
OPEN_FILE = "__open__"


class BlackScreen(QWidget):
    """Covers the window in black (B) -- the projector 'blank' key."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setStyleSheet("background:black")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()


class MainWindow(QMainWindow):
    """What a clinician opens with a patient beside them."""

    def __init__(self, scenario: str | None = None, compare: str | None = None,
                 prefs: Preferences | None = None, clock: Callable[[], float] = time.monotonic,
                 remember: bool = True):
        super().__init__()
        self.prefs = prefs or load_preferences()
        self.remember = remember
        self.clock = clock
        self.last_error = ""
        self.timeline = simulate(load_scenario(scenario or self.prefs.scenario))
        self.compare_timeline = simulate(load_scenario(compare)) if compare else None
        self.playhead = Playhead(StoryAxis.for_timelines(self.timelines), self)
        self.style_ = Style(self.prefs.palette, self.prefs.vocabulary if self.prefs.labels else "none")
        self.setWindowTitle(self.tr("Keta Viz"))
        self.content = load_content()
        self._build()
        self._build_actions()
        self._compare_ui_update()
        self._apply_palette()
        self.plots.setVisible(self.prefs.plots)
        if self.prefs.geometry is not None:
            self.restoreGeometry(self.prefs.geometry)
        self._t0 = self._last = self.clock()
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    # ------------------------------------------------------------------ structure ---
    @property
    def timelines(self) -> list[Timeline]:
        """The scenarios shown: one, or two in compare mode."""
        return [self.timeline] + ([self.compare_timeline] if self.compare_timeline else [])

    def _build(self) -> None:
        self.views = [SynapseView(self.playhead, tl, self.style_, seed=k) for k, tl in enumerate(self.timelines)]
        self.views_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.views_box.setContentsMargins(0, 0, 0, 0)
        self.views_box.setSpacing(4)
        for v in self.views:
            self.views_box.addWidget(v)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("compare-caption")
        views_area = QWidget()
        area = QVBoxLayout(views_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.addWidget(self.caption)
        area.addLayout(self.views_box, 1)
        self.narration = NarrationPanel(self.playhead, self.timelines)
        self.narration.set_vocabulary(self.prefs.vocabulary)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(views_area)
        self.splitter.addWidget(self.narration)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.scrubber = Scrubber(self.playhead, self.timelines)
        self.scrubber.set_timelines(self.timelines)
        self.plots = PlotsPanel(self.playhead, self.timelines, palette_name=self.prefs.palette)
        self.plots.setMinimumHeight(200)
        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.scrubber)
        controls.addLayout(self._transport())
        self.controls_fade = QGraphicsOpacityEffect(self.controls)
        self.controls_fade.setOpacity(1.0)
        self.controls.setGraphicsEffect(self.controls_fade)
        self.stage_caption = QLabel()
        self.stage_caption.setWordWrap(True)
        self.stage_caption.setObjectName("stage-caption")
        self.stage_caption.hide()
        self.stage_badge = AnimalBadge(self.content)  # presentation: the narration's badge, beside the caption
        self.stage_badge.hide()
        stage_row = QHBoxLayout()
        stage_row.addWidget(self.stage_badge, 0, Qt.AlignmentFlag.AlignTop)
        stage_row.addWidget(self.stage_caption, 1)
        self.disclaimer = Disclaimer(self.content)  # always shown, in every mode; never fades
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.splitter, 5)
        col.addLayout(stage_row)
        col.addWidget(self.controls)
        col.addWidget(self.plots, 2)
        col.addWidget(self.disclaimer)
        self.setCentralWidget(central)
        self.black = BlackScreen(self)
        self.playhead.time_changed.connect(self._time_label_update)
        self.playhead.time_changed.connect(self._caption_update)
        self.presenting = False
        self._last_input = 0.0
        self.playhead.playing_changed.connect(self._play_button_update)
        self._time_label_update()

    def _transport(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        self.play_icons = (icon(sp.SP_MediaPlay), icon(sp.SP_MediaPause))
        self.play_button = self._tool_button(self.play_icons[0], self.tr("Play / pause (Space)"), self.playhead.toggle)
        prev_b = self._tool_button(icon(sp.SP_MediaSkipBackward), self.tr("Previous stage (PageUp)"),
                                   self.previous_stage)
        next_b = self._tool_button(icon(sp.SP_MediaSkipForward), self.tr("Next stage (PageDown)"), self.next_stage)
        self.loop_button = self._tool_button(icon(sp.SP_BrowserReload), self.tr("Loop"), None)
        self.loop_button.setCheckable(True)
        self.loop_button.toggled.connect(lambda on: setattr(self.playhead, "loop", on))
        self.speed_box = QComboBox()
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for s in SPEEDS:
            self.speed_box.addItem(f"{s:g}×", s)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(lambda i: setattr(self.playhead, "speed", SPEEDS[i]))
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(260)
        for w in (prev_b, self.play_button, next_b, self.loop_button, self.speed_box):
            row.addWidget(w)
        row.addSpacing(12)
        row.addWidget(self.time_label, 1)
        row.addWidget(QLabel(self.content.ui["compare"]["key_moments"]))
        self.moment_buttons = []
        for hours, text in zip(KEY_MOMENTS_H, self.content.ui["compare"]["moments"]):
            b = QToolButton()
            b.setText(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _checked=False, h=hours: self.playhead.seek(h))
            self.moment_buttons.append(b)
            row.addWidget(b)
        return row

    def _tool_button(self, icon: QIcon, tip: str, slot) -> QToolButton:
        b = QToolButton()
        b.setIcon(icon)
        b.setIconSize(QSize(22, 22))
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setMinimumSize(QSize(40, 34))
        if slot is not None:
            b.clicked.connect(slot)
        return b

    def _build_actions(self) -> None:
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("main-toolbar")
        tb.setMovable(False)
        self.addToolBar(tb)
        self.scenario_box = QComboBox()
        self.scenario_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fill_scenarios()
        self.scenario_box.activated.connect(self._scenario_chosen)
        tb.addWidget(self.scenario_box)
        self.against_box = QComboBox()
        self.against_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for name in bundled_names():
            self.against_box.addItem(load_scenario(name).title, name)
        self.against_box.activated.connect(lambda i: self.set_compare(self.against_box.itemData(i)))
        self.against_action = tb.addWidget(self.against_box)
        self.vocab_action = self._action(self.tr("Expert words"), None, checkable=True,
                                         checked=self.prefs.vocabulary == "expert", slot=self._vocab_toggled)
        self.projector_action = self._action(self.tr("Projector colours"), None, checkable=True,
                                             checked=self.prefs.palette == "projector", slot=self._palette_toggled)
        self.labels_action = self._action(self.tr("Labels"), None, checkable=True, checked=self.prefs.labels,
                                          slot=self._labels_toggled)
        self.plots_action = self._action(self.tr("Plots"), None, checkable=True, checked=self.prefs.plots,
                                         slot=self._plots_toggled)
        self.compare_action = self._action(self.tr("Compare with SSRI"), None, checkable=True,
                                           checked=self.compare_timeline is not None, slot=self._compare_toggled)
        self.fullscreen_action = self._action(self.tr("Full screen"), ["F", "F11"], slot=self.toggle_full_screen)
        self.about_action = self._action(self.tr("The science"), ["F1"], slot=self.show_about)
        for a in (self.vocab_action, self.projector_action, self.labels_action, self.plots_action,
                  self.compare_action, self.fullscreen_action, self.about_action):
            tb.addAction(a)
        shortcuts = {
            ("Space", "K"): self.playhead.toggle,
            ("J",): lambda: self.playhead.step_u(-SEEK_STEP_U),
            ("L",): lambda: self.playhead.step_u(SEEK_STEP_U),
            ("Left",): lambda: self.playhead.step_u(-FINE_STEP_U),
            ("Right",): lambda: self.playhead.step_u(FINE_STEP_U),
            ("Home",): lambda: self.playhead.seek(0.0),
            ("End",): lambda: self.playhead.seek(self.playhead.axis.span_h),
            ("PgUp",): self.previous_stage,
            ("PgDown",): self.next_stage,
            ("B",): self.toggle_black,
            ("Esc",): self.leave_full_screen,
            ("F5",): lambda: self.set_presentation(not self.presenting),
            ("P",): lambda: self.set_pen(not self.views[0].pen_on),
            ("C",): self.clear_pen,
            ("O",): self.next_pen_colour,
        }
        for n in range(1, 10):
            shortcuts[(str(n),)] = (lambda _checked=False, k=n: self.jump_to_stage(k))
        for keys, slot in shortcuts.items():
            self._action(keys[0], list(keys), slot=slot)
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("Open scenario file…"), ["Ctrl+O"], slot=self.choose_scenario_file))
        file_menu.addSeparator()
        self.export_actions = [
            self._action(self.tr("Export snapshot (PNG)…"), ["Ctrl+E"], slot=lambda: self.export_dialog("png")),
            self._action(self.tr("Export video (MP4)…"), None, slot=lambda: self.export_dialog("mp4")),
            self._action(self.tr("Export animated GIF…"), None, slot=lambda: self.export_dialog("gif")),
            self._action(self.tr("Export patient handout (PDF)…"), ["Ctrl+P"], slot=lambda: self.export_dialog("pdf")),
        ]
        for a in self.export_actions:
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Quit"), ["Ctrl+Q"], slot=self.close))
        view_menu = menu.addMenu(self.tr("&View"))
        for a in (self.vocab_action, self.projector_action, self.labels_action, self.plots_action,
                  self.compare_action, self.fullscreen_action):
            view_menu.addAction(a)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _action(self, text: str, keys: list[str] | None, slot=None, checkable: bool = False,
                checked: bool = False) -> QAction:
        a = QAction(text, self)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.setCheckable(checkable)
        if checkable:
            a.setChecked(checked)
            a.toggled.connect(slot)
        elif slot is not None:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _fill_scenarios(self) -> None:
        self.scenario_box.clear()
        for name in bundled_names():
            self.scenario_box.addItem(load_scenario(name).title, name)
        if self.timeline.scenario.name not in bundled_names():
            self.scenario_box.addItem(self.timeline.scenario.title, self.timeline.scenario.source)
        self.scenario_box.addItem(self.tr("Open scenario file…"), OPEN_FILE)
        self._select_current_scenario()

    def _select_current_scenario(self) -> None:
        for i in range(self.scenario_box.count()):
            if self.scenario_box.itemData(i) in (self.timeline.scenario.name, self.timeline.scenario.source):
                self.scenario_box.setCurrentIndex(i)
                return

    # ------------------------------------------------------------------ behaviour ---
    def tick(self) -> None:
        """One animation tick: advance playback by wall time, move the particles."""
        now = self.clock()
        self.playhead.advance(now - self._last)
        self._last = now
        for v in self.views:
            v.set_phase(now - self._t0)
        if self.presenting:
            idle = now - self._last_input
            self.controls_fade.setOpacity(min(1.0, max(0.0, 1.0 - (idle - CONTROLS_FADE_S) / 0.5)))

    def set_scenario(self, name_or_path: str) -> bool:
        """Show another scenario; a bad one leaves the current one loaded and says why."""
        try:
            tl = simulate(load_scenario(name_or_path))
        except ScenarioError as exc:
            self.show_error(str(exc))
            self._select_current_scenario()
            return False
        self.timeline = tl
        self._timelines_changed()
        self._fill_scenarios()
        self.prefs.scenario = tl.scenario.name if tl.scenario.name in bundled_names() else tl.scenario.source
        return True

    def set_compare(self, name: str | None) -> bool:
        """Show a second scenario beside the first (None: single view); the time is kept."""
        try:
            self.compare_timeline = simulate(load_scenario(name)) if name else None
        except ScenarioError as exc:
            self.show_error(str(exc))
            return False
        while self.views_box.count():
            w = self.views_box.takeAt(0).widget()
            w.deleteLater()
        self.views = [SynapseView(self.playhead, tl, self.style_, seed=k) for k, tl in enumerate(self.timelines)]
        for v in self.views:
            self.views_box.addWidget(v)
        self._timelines_changed()
        self.compare_action.blockSignals(True)
        self.compare_action.setChecked(name is not None)
        self.compare_action.blockSignals(False)
        return True

    def _compare_ui_update(self) -> None:
        on = self.compare_timeline is not None
        self.against_action.setVisible(on)
        self.caption.setVisible(on)
        if on:
            self.against_box.setCurrentIndex(max(0, self.against_box.findData(self.compare_timeline.scenario.name)))
        self._caption_update()

    def _caption_update(self, *_args) -> None:
        single_caption = self.presenting and self.compare_timeline is None
        if single_caption:
            self.stage_caption.setText(stage_caption(self.content, self.timeline, self.playhead.t, self.prefs.vocabulary))
        self.stage_badge.setVisible(single_caption and self.content.stage(
            self.timeline.scenario.drug, self.timeline.stage_at(self.playhead.t).id).in_animals)
        if self.compare_timeline is not None:
            self.caption.setText(compare_caption(self.content, self.timeline, self.compare_timeline, self.playhead.t))

    def _timelines_changed(self) -> None:
        t = self.playhead.t
        for v, tl in zip(self.views, self.timelines):
            v.set_timeline(tl)
        self.playhead.set_axis(StoryAxis.for_timelines(self.timelines))
        self.playhead.seek(t, force=True)
        self.scrubber.set_timelines(self.timelines)
        self.plots.set_timelines(self.timelines)
        self.narration.set_timelines(self.timelines)
        self._compare_ui_update()

    def _scenario_chosen(self, index: int) -> None:
        data = self.scenario_box.itemData(index)
        if data == OPEN_FILE:
            self.choose_scenario_file()
        elif data not in (self.timeline.scenario.name, self.timeline.scenario.source):
            self.set_scenario(data)

    def choose_scenario_file(self) -> None:
        """Ask for a scenario .toml file and load it."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open scenario"), "", self.tr("Scenario (*.toml)"))
        if path:
            self.set_scenario(path)
        else:
            self._select_current_scenario()

    def export_dialog(self, kind: str) -> None:
        """Ask where to save (the dialog confirms any overwrite), then export."""
        filters = {"png": self.tr("PNG image (*.png)"), "mp4": self.tr("MP4 video (*.mp4)"),
                   "gif": self.tr("Animated GIF (*.gif)"), "pdf": self.tr("PDF handout (*.pdf)")}
        name = f"keta-viz-{self.timeline.scenario.name}.{kind}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), name, filters[kind])
        if path:
            if not path.lower().endswith("." + kind):
                path += "." + kind
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Export with a progress dialog that can cancel; errors are shown, never raised."""
        from ..export import ExportCancelled, ExportRequest, run_export

        self.playhead.set_playing(False)
        req = ExportRequest(tuple(self.timelines), Path(path), t_at=self.playhead.t, style=self.style_,
                            captions=Path(path).suffix.lower() in (".mp4", ".gif"), force=True,
                            drawing=self.drawing_image())
        self.progress_dialog = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 1, self)
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)
            QApplication.processEvents()
            return not self.progress_dialog.wasCanceled()

        try:
            run_export(req, progress)
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)
            return True
        except ExportCancelled:
            self.statusBar().showMessage(self.tr("Export cancelled; nothing was saved"), 8000)
        except (WriteError, ValueError) as exc:
            self.show_error(str(exc))
        finally:
            self.progress_dialog.close()
        return False

    def drawing_image(self):
        """The clinician's pen drawing over the current frame, or None when nothing is drawn."""
        return next((img for img in (v.drawing() for v in self.views) if img is not None), None)

    def show_error(self, text: str) -> None:
        """A clear, non-blocking message box."""
        self.last_error = text
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Keta Viz"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def stage_starts(self) -> list[float]:
        """Start times of every stage shown (both scenarios in compare mode)."""
        return sorted({st.start for tl in self.timelines for st in tl.stages})

    def next_stage(self) -> None:
        """Jump to the start of the next stage."""
        later = [s for s in self.stage_starts() if s > self.playhead.t + 1e-9]
        if later:
            self.playhead.seek(later[0])

    def previous_stage(self) -> None:
        """Jump to the start of the current stage, or the one before if already there."""
        earlier = [s for s in self.stage_starts() if s < self.playhead.t - 1e-9]
        if earlier:
            self.playhead.seek(earlier[-1])

    def jump_to_stage(self, number: int) -> None:
        """Jump to stage N (1-based) of the main scenario."""
        if 1 <= number <= len(self.timeline.stages):
            self.playhead.seek(self.timeline.stages[number - 1].start)

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

    # ------------------------------------------------------------- presentation ---
    def set_presentation(self, on: bool, screen: int | None = None) -> None:
        """Classroom mode: full screen, projector colours, room-sized captions, fading controls."""
        if on == self.presenting:
            return
        self.presenting = on
        app = QApplication.instance()
        app.installEventFilter(self) if on else app.removeEventFilter(self)
        if on:
            self._before_presenting = (self.prefs.palette, self.plots.isVisible())
            screens = QApplication.screens()
            if screen is not None and 0 <= screen < len(screens):
                self.setScreen(screens[screen])
                self.move(screens[screen].geometry().topLeft())
            self.projector_action.setChecked(True)
            self.showFullScreen()
        else:
            palette_before, plots_before = self._before_presenting
            self.projector_action.setChecked(palette_before == "projector")
            self.plots.setVisible(plots_before)
            self.showNormal()
            self.controls_fade.setOpacity(1.0)
        for w in (self.menuBar(), self.findChild(QToolBar, "main-toolbar"), self.narration):
            w.setVisible(not on)
        if on:
            self.plots.hide()
        self.stage_caption.setVisible(on and self.compare_timeline is None)
        self._last_input = self.clock()
        self._apply_caption_size()
        self._caption_update()

    def caption_pixels(self) -> int:
        """Caption type size: at least 32 px at 1080p, scaled with the screen."""
        screen = self.screen() or QApplication.primaryScreen()
        height = screen.geometry().height() if screen else 1080
        return max(32, round(32 * height / 1080))

    def _apply_caption_size(self) -> None:
        px = self.caption_pixels() if self.presenting else 20
        sheet = f"font-size:{px}px; padding:6px"
        self.stage_caption.setStyleSheet(sheet)
        self.caption.setStyleSheet(sheet if self.presenting else "")
        self.stage_badge.set_pixel_size(round(px * 0.6), margin_top=round(px * 0.4))
        self.disclaimer.set_look(self.prefs.palette, round(px * 0.6) if self.presenting else 13)

    def note_input(self) -> None:
        """Any mouse or key input: bring the presentation controls back."""
        self._last_input = self.clock()
        self.controls_fade.setOpacity(1.0)

    def set_pen(self, on: bool) -> None:
        """Pen on or off for every synapse view."""
        for v in self.views:
            v.set_pen(on)

    def clear_pen(self) -> None:
        """Remove every pen stroke."""
        for v in self.views:
            v.strokes.clear()
            v.update()

    def next_pen_colour(self) -> None:
        """Cycle the pen through its colours."""
        for v in self.views:
            v.pen_colour = PEN_COLOURS[(PEN_COLOURS.index(v.pen_colour) + 1) % len(PEN_COLOURS)]

    def show_about(self) -> None:
        """The science: what the picture simplifies, its sources, the disclaimer."""
        from .about import AboutDialog

        AboutDialog(self, vocabulary=self.prefs.vocabulary).open()

    def _restyle(self) -> None:
        self.style_ = Style(self.prefs.palette, self.prefs.vocabulary if self.prefs.labels else "none")
        for v in self.views:
            v.set_style(self.style_)

    def _vocab_toggled(self, expert: bool) -> None:
        self.prefs.vocabulary = "expert" if expert else "plain"
        self.narration.set_vocabulary(self.prefs.vocabulary)
        self._restyle()

    def _palette_toggled(self, projector: bool) -> None:
        self.prefs.palette = "projector" if projector else "screen"
        self._restyle()
        self._apply_palette()

    def _labels_toggled(self, on: bool) -> None:
        self.prefs.labels = on
        self._restyle()

    def _plots_toggled(self, on: bool) -> None:
        self.prefs.plots = on
        self.plots.setVisible(on)

    def _compare_toggled(self, on: bool) -> None:
        other = FAMILIES[self.timeline.scenario.family].COMPARE_WITH
        self.set_compare(other if on else None)

    def _apply_palette(self) -> None:
        dark = self.prefs.palette == "screen"
        sheet = "QLabel#compare-caption { font-size:15pt; padding:4px }"
        if dark:
            sheet += ("QMainWindow, QWidget { background:#161D26; color:#F4EFE8 } "
                      "QToolButton, QComboBox { background:#263140; border:1px solid #3A4350; padding:4px }"
                      "QToolButton:checked { background:#3E5068 }")
        self.setStyleSheet(sheet)
        self.plots.set_palette(self.prefs.palette)
        self._apply_caption_size()

    def _time_label_update(self, *_args) -> None:
        self.time_label.setText(self.content.time_in_words(self.playhead.t, self.timeline.scenario.drug))

    def _play_button_update(self, playing: bool) -> None:
        self.play_button.setIcon(self.play_icons[1 if playing else 0])

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                            QEvent.Type.Wheel):
            self.note_input()
        return False

    def event(self, event) -> bool:  # noqa: D102 (Qt API)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            self.note_input()
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.black.setGeometry(self.rect())
        narrow = self.width() < 1100
        self.views_box.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.remember:
            self.prefs.geometry = self.saveGeometry()
            save_preferences(self.prefs)
        super().closeEvent(event)
