"""Tooltips that explain: every toolbar and menu action says what it does and why (ui.toml
[tooltips]), with its keys; re-worded with the language like the rest of the chrome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from .shortcut_overlay import key_label

if TYPE_CHECKING:
    from .main_window import MainWindow


def _with_keys(w: MainWindow, action: QAction, tip: str) -> str:
    """'Explains … (F1)' in the Session's language, or the tip alone for an action without keys."""
    content = w.session.content
    keys = [key_label(content, k.toString()) for k in action.shortcuts()]
    return content.ui["tooltips"]["with_keys"].format(tip=tip, keys=", ".join(keys)) if keys else tip


def explain(w: MainWindow, actions: list[QAction] | None = None) -> None:
    """Tooltips for named actions (found by their [window] words): these `actions` (added to a
    menu later), or every action of the window, the scenario boxes and the Language menu's entries."""
    words = w.session.content.ui
    named = {words["window"][key]: key for key in words["tooltips"] if key in words["window"]}
    for action in actions if actions is not None else w.actions():
        if (key := named.get(action.text())) is not None:
            w.wording.text(lambda tip, a=action: a.setToolTip(_with_keys(w, a, tip)), "tooltips", key)
    if actions is not None:
        return
    w.wording.text(w.picker.scenario_box.set_explanation, "tooltips", "scenario")
    w.wording.text(w.picker.against_box.set_explanation, "tooltips", "against")
    for action in w.language_menu.actions():
        w.wording.text(lambda words, a=action: a.setToolTip(words.format(name=a.text())), "a11y", "language_button")
