"""The consult window's menu bar (File, View, Language, Help) and its keyboard shortcuts; the
scale controls (ui/scale_bar.py) join the View menu."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from . import export_dialog, tooltips
from .language_menu import LanguageMenu
from .shortcut_overlay import show_shortcuts
from .scale_bar import ScaleBar

if TYPE_CHECKING:
    from .main_window import MainWindow

FINE_STEP_U = 0.005
SEEK_STEP_U = 0.05
EXPORT_KEYS = {"png": ["Ctrl+E"], "pdf": ["Ctrl+P"]}


def shortcuts(w: MainWindow) -> dict[tuple[str, ...], Callable]:
    """Keys (the first one names the action) and what they do."""
    s, ph = w.session, w.playhead
    keys = {
        ("Space", "K"): ph.toggle, ("J",): lambda: ph.step_u(-SEEK_STEP_U), ("L",): lambda: ph.step_u(SEEK_STEP_U),
        ("Left",): lambda: ph.step_u(-FINE_STEP_U), ("Right",): lambda: ph.step_u(FINE_STEP_U),
        ("Home",): lambda: ph.seek(0.0), ("End",): lambda: ph.seek(ph.axis.span_h),
        ("PgUp",): s.previous_stage, ("PgDown",): s.next_stage, ("B", "."): w.toggle_black,
        ("Esc",): w.leave_full_screen, ("F5",): lambda: w.set_presentation(not w.presenting),
        ("P",): lambda: s.set_pen(not s.pen_on), ("C",): s.clear_pen, ("O",): s.next_pen_colour,
    }
    for n in range(1, 10):
        keys[(str(n),)] = (lambda _checked=False, k=n: s.jump_to_stage(k))
    return keys


def _menu(w: MainWindow, key: str) -> QMenu:
    menu = w.menuBar().addMenu("")
    w.wording.text(menu.setTitle, "window", key)
    menu.setToolTipsVisible(True)  # the tooltips explain (ui/tooltips.py)
    return menu


def build_menus(w: MainWindow, view_actions: tuple[QAction, ...]) -> None:
    """File (open, exports, quit), View (the toolbar's toggles), Language and Help (the science,
    the "?" shortcut list); their titles and explaining tooltips follow the Session's language."""
    file_menu = _menu(w, "file_menu")
    file_menu.addAction(w.new_action("open", ["Ctrl+O"], w.choose_scenario_file))
    file_menu.addSeparator()
    w.export_actions = [w.new_action(f"export_{k}", EXPORT_KEYS.get(k),
                                  lambda _c=False, k=k: export_dialog.ask_and_export(w, k))
                        for k in export_dialog.KINDS]
    file_menu.addActions(w.export_actions)
    file_menu.addSeparator()
    file_menu.addAction(w.new_action("quit", ["Ctrl+Q"], w.close))
    w.view_menu = _menu(w, "view_menu")  # ui/view_settings.py adds the reader's settings to it
    w.view_menu.addActions(view_actions)
    w.language_menu = LanguageMenu(w.session, w.choose_language, w)
    w.wording.text(w.language_menu.setTitle, "window", "language_menu")
    w.language_menu.setToolTipsVisible(True)
    w.menuBar().addMenu(w.language_menu)
    help_menu = _menu(w, "help_menu")
    help_menu.addAction(w.about_action)
    help_menu.addAction(w.new_action("shortcuts", ["?"], lambda: show_shortcuts(w)))
    w.scale_bar = ScaleBar(w)  # Brain / Circuit / Synapse, Follow the story (also in View), wheel, pinch, keys
    tooltips.explain(w)
