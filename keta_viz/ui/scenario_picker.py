"""The toolbar's scenario menus: the scenario shown (bundled, opened from a file, or "Open…")
and, in compare, the one beside it.  They follow the Session and ask the window to switch."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QSizePolicy, QStyle, QStyleOptionComboBox, QStylePainter

from ..app.session import Session
from ..model import bundled_names, load_scenario

OPEN_FILE = "__open__"
MIN_CHARS = 16  # a menu never narrower than this many characters: on a laptop a long title is cut short
TITLE_PADDING_PX = 48  # a menu's frame and arrow beside its title


class ElidedBox(QComboBox):
    """A menu whose title ends in '…' when the menu is narrower than it; its tooltip explains
    the menu, then gives the whole title."""

    explanation = ""

    def set_explanation(self, text: str) -> None:
        """What the menu is for: the tooltip's first line."""
        self.explanation = text
        self._tip()

    def _tip(self, *_args) -> None:
        self.setToolTip("\n".join(part for part in (self.explanation, self.currentText()) if part))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        p.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, field.width())
        p.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


def _box() -> ElidedBox:
    """A scenario menu that takes the toolbar's spare width, down to MIN_CHARS (the rest of its
    title elided, the whole in its tooltip), so every toolbar button stays in view at 1280 px."""
    box = ElidedBox()
    box.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click leaves the keys to the window
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(MIN_CHARS)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    box.currentTextChanged.connect(box._tip)
    return box


def _fit_titles(box: QComboBox) -> None:
    """No wider than its longest title; its list always wide enough for the whole titles."""
    widest = max((box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0)
    full = widest + TITLE_PADDING_PX
    box.setMaximumWidth(max(box.minimumSizeHint().width(), full))
    box.view().setMinimumWidth(full)


class ScenarioPicker(QObject):
    """`scenario_box` chooses the main scenario, `against_box` the compared one."""

    def __init__(self, session: Session, choose: Callable[[str], bool], against: Callable[[str], bool],
                 open_file: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.choose, self.open_file = choose, open_file
        self.scenario_box = _box()
        self.scenario_box.activated.connect(self._chosen)
        self.against_box = _box()
        self.against_box.activated.connect(lambda i: against(self.against_box.itemData(i)))
        session.timelines_changed.connect(self.refresh)
        session.language_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """List the bundled scenarios (and a file-opened one) and select those shown."""
        box, current = self.scenario_box, self.session.timeline.scenario
        title = self.session.content.scenario_title
        bundled = bundled_names()
        box.clear()
        self.against_box.clear()
        for name in bundled:
            box.addItem(title(load_scenario(name)), name)
            self.against_box.addItem(title(load_scenario(name)), name)
        if current.name not in bundled:
            box.addItem(title(current), current.source)
        box.addItem(self.session.words("window", "open"), OPEN_FILE)
        box.setAccessibleName(self.session.words("a11y", "scenario"))
        self.against_box.setAccessibleName(self.session.words("a11y", "against"))
        box.setCurrentIndex(max(0, box.findData(current.name if current.name in bundled else current.source)))
        for b in (box, self.against_box):
            _fit_titles(b)
        if self.session.compare:
            self.against_box.setCurrentIndex(max(0, self.against_box.findData(self.session.timelines[1].scenario.name)))

    def _chosen(self, index: int) -> None:
        data, current = self.scenario_box.itemData(index), self.session.timeline.scenario
        if data == OPEN_FILE:
            self.open_file()
        elif data not in (current.name, current.source):
            self.choose(data)
