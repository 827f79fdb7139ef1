"""The consult window's layout: the story column (picture, its clock, and under a splitter the
plots) beside the narration, the disclaimer under both.  Both splitters start at sizes that suit
the window (from a 1280 x 720 laptop up) and follow its size until the user drags one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsOpacityEffect, QSplitter, QVBoxLayout, QWidget

from ..widgets.caption import StoryCaption
from ..widgets.marks import Disclaimer
from ..widgets.narration import NarrationPanel
from ..widgets.plots import PlotsPanel
from ..widgets.scrubber import Scrubber
from ..widgets.synapse_view import SynapseViews
from .transport import Transport

if TYPE_CHECKING:
    from .main_window import MainWindow

PLOTS_SHARE = 0.33  # of the story column's height, when that is more than the plots' least height
NARRATION_SHARE = 0.28  # of the window's width: a picture wider than 16:9 is limited by its height anyway
NARRATION_PX = (300, 520)  # the narration's least and greatest starting width


class FollowingSplitter(QSplitter):
    """A splitter whose sizes come from `rule(total length)` on every resize, until the user moves
    its handle (then the user's sizes are kept, as any splitter does)."""

    def __init__(self, orientation: Qt.Orientation, rule: Callable[[int], list[int]]):
        super().__init__(orientation)
        self.rule = rule
        self.user_sized = False
        self.splitterMoved.connect(lambda *_: setattr(self, "user_sized", True))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if not self.user_sized:
            horizontal = self.orientation() == Qt.Orientation.Horizontal
            self.setSizes(self.rule(self.width() if horizontal else self.height()))


def plots_sizes(plots: PlotsPanel) -> Callable[[int], list[int]]:
    """Picture and controls above, plots below: the plots PLOTS_SHARE of the column, never less
    than they need (their curves' least height under tabs)."""
    def rule(total: int) -> list[int]:
        below = max(plots.minimumSizeHint().height(), round(PLOTS_SHARE * total)) if not plots.isHidden() else 0
        return [total - below, below]
    return rule


def narration_sizes(total: int) -> list[int]:
    """The story column and the narration beside it."""
    side = min(max(round(NARRATION_SHARE * total), NARRATION_PX[0]), NARRATION_PX[1])
    return [total - side, side]


def build_layout(w: MainWindow) -> None:
    """Create the window's shared widgets on its Session and lay them out."""
    s = w.session
    w.synapse = SynapseViews(s)
    w.caption = StoryCaption(s)  # compare: both sides in words, above the views
    w.narration = NarrationPanel(s)
    w.scrubber = Scrubber(s)
    w.transport = Transport(s)
    w.plots = PlotsPanel(s)
    w.controls = QWidget()
    controls = QVBoxLayout(w.controls)
    controls.setContentsMargins(0, 0, 0, 0)
    controls.addWidget(w.scrubber)
    controls.addWidget(w.transport)
    w.controls_fade = QGraphicsOpacityEffect(w.controls)
    w.controls_fade.setOpacity(1.0)
    w.controls.setGraphicsEffect(w.controls_fade)
    w.stage_caption = StoryCaption(s)  # presentation: the stage in room-sized words
    w.stage_caption.hide()
    above = QWidget()  # the picture and everything on its clock
    col = QVBoxLayout(above)
    col.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in ((w.caption, 0), (w.synapse, 1), (w.stage_caption, 0), (w.controls, 0)):
        col.addWidget(widget, stretch)
    w.story = FollowingSplitter(Qt.Orientation.Vertical, plots_sizes(w.plots))
    w.story.addWidget(above)
    w.story.addWidget(w.plots)
    w.splitter = FollowingSplitter(Qt.Orientation.Horizontal, narration_sizes)  # the narration, full height
    w.splitter.addWidget(w.story)
    w.splitter.addWidget(w.narration)
    w.disclaimer = Disclaimer(s.content)  # always shown, in every mode; never fades
    w.wording.text(w.disclaimer.setText, "about", "disclaimer")
    central = QWidget()
    page = QVBoxLayout(central)
    page.setContentsMargins(6, 6, 6, 6)
    page.addWidget(w.splitter, 1)
    page.addWidget(w.disclaimer)
    w.setCentralWidget(central)
    w.black = QWidget(w)  # B: the projector 'blank' key
    w.black.setObjectName("black-screen")
    w.black.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    w.black.hide()
