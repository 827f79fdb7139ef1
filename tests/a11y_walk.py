"""Walking a widget tree for what a screen reader would say (tests/ui, tests/kiosk)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for the widget (its accessible name, else its text)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return widget.accessibleName() or (iface.text(QAccessible.Text.Name) if iface else "")


def unnamed_controls(top: QWidget) -> list[str]:
    """Every focusable, shown control without a name (a scroll area's viewport speaks for its area)."""
    missing = []
    for w in top.findChildren(QWidget):
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisibleTo(top):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is w:
            w = parent
        if not accessible_name(w).strip():
            missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing
