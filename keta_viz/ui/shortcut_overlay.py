"""The "?" overlay: every key of the consult window and of presentation, clickers included.

The rows are read from the window's actions (ui/menus.py shortcuts() and the named actions), so
a key that works is listed and a listed key works; their words come from ui.toml [shortcuts]."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from ..content import Content
from ..scene.palette import chrome
from ..widgets.backdrop import Backdrop
from ..widgets.marks import TimeReadout
from ..widgets.synapse_view import room_label_pixels, screen_height

if TYPE_CHECKING:
    from .main_window import MainWindow

DESK_PX = (15, 11)  # at a desk: the type size, and the smallest it shrinks to so that every row fits
ROOM_PX = 26  # at 1080p while presenting, scaled with the screen (shrinking to the room's label floor)
CLOSE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Question)


def key_label(content: Content, key: str) -> str:
    """'PgUp' -> 'Page Up' ('RePág'), 'Ctrl+O' as it is: a key as this language's keyboards print it."""
    names = content.ui["shortcuts"]["key_names"]
    parts = key[:-2].split("+") + ["+"] if key.endswith("++") else key.split("+")
    return "+".join(names.get(p, p) for p in parts)


def shortcut_rows(w: MainWindow) -> list[tuple[tuple[str, ...], str]]:
    """(keys, what they do) of every window action that has keys, in the order they were made;
    the stage numbers 1-9 as one row; the story's keys (shortcuts(), each named by its first key
    in [shortcuts.keys]) before the named commands (F1, Ctrl+O, ...)."""
    words = w.session.content.ui["shortcuts"]["keys"]
    rows: list[tuple[tuple[str, ...], str]] = []
    digits: list[str] = []
    for a in w.actions():
        keys = tuple(k.toString() for k in a.shortcuts())
        if not keys:
            continue
        if all(k.isdigit() for k in keys):
            if not digits:
                rows.append(((), words["digits"]))  # filled in below, where the first digit was
            digits += keys
            continue
        keys_only = a.text() == keys[0]
        rows.append((keys, words.get(a.text(), "") if keys_only else a.text().replace("&", "").rstrip("…")))
    rows = [(tuple(digits), what) if not keys else (keys, what) for keys, what in rows]
    named = [r for r in rows if r[1] not in words.values()]
    return [r for r in rows if r not in named] + named  # the story's keys first, then the commands


def overlay_pixels(w: MainWindow) -> tuple[int, int]:
    """The overlay's type size and the smallest it may shrink to: desk-sized, or room-sized while
    presenting (never below the picture's room label floor)."""
    h = screen_height(w)
    return (round(ROOM_PX * h / 1080), room_label_pixels(h)) if w.presenting else DESK_PX


def panel_stylesheet(px: int, palette_name: str) -> str:
    """The panel's look: the dark chrome on any palette (black and white on 'contrast'), keys drawn
    as key caps."""
    c = chrome(palette_name)
    return (f"QFrame#shortcut-panel {{ background:{c['overlay']}; border:2px solid {c['control_edge']};"
            f" border-radius:{px // 2}px }}"
            f" QFrame#shortcut-panel QLabel {{ background:transparent; color:{c['text']}; font-size:{px}px }}"
            f" QFrame#shortcut-panel QLabel#keys {{ background:{c['control']}; border:1px solid {c['control_edge']};"
            f" border-radius:{max(3, px // 4)}px; padding:1px {px // 2}px; font-weight:bold }}"
            f" QFrame#shortcut-panel QLabel#title {{ font-size:{round(px * 1.5)}px; font-weight:bold }}"
            f" QFrame#shortcut-panel QLabel#hint {{ color:{c['hint']} }}")


class ShortcutOverlay(Backdrop):
    """Over the whole window; Esc, ? or a click closes it, and no other key acts while it is open."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clicked.connect(self.dismiss)
        self.panel: QFrame | None = None
        self.set_aside: list[TimeReadout] = []  # corner readouts that raise themselves each frame
        self.rows: list[tuple[tuple[str, ...], str]] = []
        self.px = DESK_PX[0]

    def open(self) -> None:
        """Build the list in the window's language, as large as fits whole, and show it."""
        self.set_aside = [r for r in self.window.findChildren(TimeReadout) if r.isVisible()]
        for readout in self.set_aside:
            readout.hide()
        self.cover()
        self.rows = shortcut_rows(self.window)
        self.px, floor = overlay_pixels(self.window)
        while True:
            if self.panel is not None:
                self.panel.setParent(None)
                self.panel.deleteLater()
            self.panel = self._panel()
            hint = self.panel.sizeHint()
            if (hint.width() <= self.width() and hint.height() <= self.height()) or self.px <= floor:
                break
            self.px -= 1
        self._place()
        self.setFocus()

    def _panel(self) -> QFrame:
        content, px = self.window.session.content, self.px
        panel = QFrame(self)
        panel.setObjectName("shortcut-panel")
        panel.setStyleSheet(panel_stylesheet(px, self.window.session.palette))
        col = QVBoxLayout(panel)
        col.setContentsMargins(px * 2, px, px * 2, px)
        title = QLabel(content.ui["window"]["shortcuts"].replace("&", ""))
        title.setObjectName("title")
        col.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(px)
        grid.setVerticalSpacing(round(px * 0.4))
        half = (len(self.rows) + 1) // 2
        digit_keys = content.ui["shortcuts"]["digit_keys"]
        for i, (keys, what) in enumerate(self.rows):
            shown = (digit_keys.format(first=keys[0], last=keys[-1]) if all(k.isdigit() for k in keys)
                     else "  ·  ".join(key_label(content, k) for k in keys))
            cap = QLabel(shown)
            cap.setObjectName("keys")
            row, column = i % half, 2 * (i // half)
            grid.addWidget(cap, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(what), row, column + 1)
        grid.setColumnMinimumWidth(2, px * 3)
        col.addLayout(grid)
        hint = QLabel(content.ui["shortcuts"]["close_hint"])
        hint.setObjectName("hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(hint)
        panel.show()
        return panel

    def _place(self) -> None:
        """Centre the panel, within the window."""
        self.panel.adjustSize()
        size = self.panel.size().boundedTo(self.size())
        self.panel.resize(size)
        self.panel.move((self.width() - size.width()) // 2, (self.height() - size.height()) // 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.panel is not None:
            self._place()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the window's keys wait until the list is closed
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() in CLOSE_KEYS:
            self.dismiss()
        event.accept()

    def dismiss(self) -> None:
        """Hide the list and give the keys back to the window."""
        self.hide()
        for readout in self.set_aside:
            readout.show()
        self.set_aside = []
        self.window.setFocus()


def show_shortcuts(w: MainWindow) -> ShortcutOverlay:
    """Open the "?" overlay over the window (made once, rebuilt at each opening)."""
    overlay = w.findChild(ShortcutOverlay) or ShortcutOverlay(w)
    overlay.open()
    return overlay
