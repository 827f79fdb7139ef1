"""Space and Enter press the button the user reached with Tab, not the window's shortcuts.

Qt offers a key to the window's shortcuts before the focused widget gets it, so without this a
Tab-focused button's Space would play or pause the story. A button (or a combo box, which opens
on Space) that got the focus by Tab claims these keys, and a tab bar (the plots') its Left and
Right, which otherwise step the story's time; every other key, letters included, still reaches
the shortcuts. A control that holds the focus for another reason (a click, the window opening)
leaves Space to play and pause."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QTabBar, QWidget

PRESS_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TAB_BAR_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right)  # the next tab, not a step in time
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
BY_TAB = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
BACK = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)  # the focus comes back as it was


class FocusedButtonKeys(QObject):
    """Watches the window's buttons, combo boxes and tab bars among `controls` (the Tab order),
    and those given to `watch` later (a panel's new buttons)."""

    def __init__(self, window: QWidget, controls: Iterable[QWidget]):
        super().__init__(window)
        self.tabbed: QWidget | None = None  # the control the user last reached with Tab
        self.watch(controls)

    def watch(self, controls: Iterable[QWidget]) -> None:
        """Let these controls take their keys when Tab reaches them."""
        for control in controls:
            if isinstance(control, (QAbstractButton, QComboBox, QTabBar)):
                control.installEventFilter(self)

    def _claims(self, obj, event) -> bool:
        keys = TAB_BAR_KEYS if isinstance(obj, QTabBar) else PRESS_KEYS
        return (obj is self.tabbed and obj.hasFocus() and obj.isEnabled()
                and event.key() in keys and event.modifiers() in PLAIN)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.FocusIn and event.reason() not in BACK:
            self.tabbed = obj if event.reason() in BY_TAB else None
        elif kind == QEvent.Type.ShortcutOverride and self._claims(obj, event):
            event.accept()  # the focused control gets the key press, the shortcut does not fire
        elif kind == QEvent.Type.KeyPress and self._claims(obj, event) and event.key() in ENTER_KEYS:
            if isinstance(obj, QAbstractButton):
                obj.animateClick()  # outside a dialog, Qt's buttons ignore Enter
                return True
        return False
