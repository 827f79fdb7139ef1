"""The narration panel: the stage's title, text (plain or expert), analogy, badge and sources.

Its type steps down (never below 13 px) until every section fits the panel's height at every
stage of its story (so the type does not change while the story plays), and both scenarios of
a compare read without scrolling on a laptop; a scroll bar is left only when even the smallest
step does not fit (or the sources are opened)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..app.session import Session
from ..content import Content
from ..model import Timeline
from .marks import AnimalBadge

# Type sizes in pixels (header, title, body, analogy), largest first: the panel uses the first
# step at which everything it shows fits its height.
# All follow the reader's text size.
TYPE_STEPS = ((15, 24, 17, 16), (14, 21, 16, 15), (14, 19, 15, 14), (13, 17, 14, 13), (13, 16, 13, 13))
SOURCES_PX = 12
BADGE_PX = 13
MIN_WIDTH_PX = 300  # the column at 100 % text; larger text widens it (a long word stays whole), and it scrolls
WIDER_PER_SCALE_PX = 150  # ... by this much per 100 % more text


class StageSection(QWidget):
    """Narration of one scenario at the Playhead's time."""

    def __init__(self, timeline: Timeline, content: Content, parent: QWidget | None = None):
        super().__init__(parent)
        self.timeline = timeline
        self.content = content
        self.vocabulary = "plain"
        self.text_scale = 1.0  # the reader's text size: every type size follows it
        self.header = QLabel()
        self.title = QLabel()
        self.badge = AnimalBadge(content)
        self.body = QLabel()
        self.analogy = QLabel()
        self.sources_button = QPushButton()
        self.sources_button.setCheckable(True)
        self.sources_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click leaves the keys
        self.sources = QLabel()
        for lab in (self.header, self.title, self.body, self.analogy, self.sources):
            lab.setWordWrap(True)
            lab.setTextFormat(Qt.TextFormat.RichText if lab is self.sources else Qt.TextFormat.PlainText)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            lab.setOpenExternalLinks(False)
        self.sources.setVisible(False)
        self.sources_button.toggled.connect(self.sources.setVisible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.header, self.title, self.badge, self.body, self.analogy, self.sources_button, self.sources):
            layout.addWidget(w)
        self.set_type_step(0)
        self.stage_id = None
        self.words = ""  # what the section says, in plain text (for screen readers)
        self.shown_t = 0.0
        self._shown: tuple | None = None

    def set_type_step(self, step: int) -> None:
        """Type sizes from TYPE_STEPS[step], at the reader's text size (as each label's own style,
        which the chrome's text-size style does not override)."""
        self.type_step = step
        for label, px, look in zip((self.header, self.title, self.body, self.analogy), TYPE_STEPS[step],
                                   ("", " font-weight:bold;", "", " font-style:italic;")):
            label.setStyleSheet(f"font-size:{round(px * self.text_scale)}px;{look}")

    def show_time(self, t: float) -> None:
        """Update the texts for model time t (only when what they say changes)."""
        tl = self.timeline
        stage = tl.stage_at(t)
        words = self.content.time_in_words(t, tl.scenario.drug)
        key = (stage.id, words, self.vocabulary, id(tl), self.text_scale)
        if key == self._shown:
            return
        self._shown = key
        self.shown_t = t
        self._say(stage, words)
        self.badge.set_pixel_size(round(BADGE_PX * self.text_scale))
        st = self.content.stage(tl.scenario.drug, stage.id)
        self.stage_id = stage.id
        self.sources_button.setText(self.content.ui["narration"]["sources"].format(n=len(st.sources)))
        badge = f" [{self.badge.text()}]" if st.in_animals else ""
        self.words = f"{self.content.scenario_title(tl.scenario)}, {words}. {st.title}{badge}. {st.body(self.vocabulary)}"
        self.sources.setText("<br>".join(f"<span style='font-size:{round(SOURCES_PX * self.text_scale)}px'>• "
                                         f"{html.escape(self.content.citation(k))}</span>" for k in st.sources))

    def _say(self, stage, words: str) -> None:
        """Header, title, badge, text and analogy of one stage."""
        st = self.content.stage(self.timeline.scenario.drug, stage.id)
        self.header.setText(f"{self.content.scenario_title(self.timeline.scenario)} · {words}")
        self.title.setText(f"{stage.index + 1}. {st.title}")
        self.badge.setVisible(st.in_animals)
        self.body.setText(st.body(self.vocabulary))
        self.analogy.setText(f"“{st.analogy}”")

    def tallest(self, width: int) -> int:
        """The section's height at `width` px for its longest stage (the texts are put back after)."""
        tl, drug = self.timeline, self.timeline.scenario.drug
        most = 0
        for stage in tl.stages:
            words = max((self.content.time_in_words(t, drug) for t in (stage.start, (stage.start + stage.end) / 2,
                                                                        max(stage.start, stage.end - 1e-6))), key=len)
            self._say(stage, words)
            most = max(most, self.layout().heightForWidth(width))
        self._say(tl.stage_at(self.shown_t), self.content.time_in_words(self.shown_t, drug))
        return most


class NarrationPanel(QScrollArea):
    """One StageSection per shown scenario, following the Session; `built` when they are new."""

    built = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.sections: list[StageSection] = []
        self._fit_key: tuple | None = None
        self._needs: list[int] = []
        self._build()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        session.playhead.time_changed.connect(self.refresh)
        session.style_changed.connect(self.refresh)
        session.timelines_changed.connect(self._build)
        session.language_changed.connect(self._build)

    def _build(self) -> None:
        """One section per scenario."""
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 12, 12, 12)
        self.sections = []
        for tl in self.session.timelines:
            sec = StageSection(tl, self.session.content)
            sec.sources_button.toggled.connect(lambda _on: self.fit())
            self.sections.append(sec)
            layout.addWidget(sec)
        layout.addStretch(1)
        self.setWidget(inner)
        self._fit_key = None
        for before, button in zip([self, *(sec.sources_button for sec in self.sections)],
                                  (sec.sources_button for sec in self.sections)):
            QWidget.setTabOrder(before, button)  # Tab: the panel, then its Sources buttons
        self.refresh()
        self.built.emit()

    def refresh(self, *_args) -> None:
        """Re-read the texts for the current time and vocabulary."""
        for sec in self.sections:
            sec.vocabulary = self.session.vocabulary
            if sec.text_scale != self.session.text_scale:
                sec.text_scale = self.session.text_scale
                sec.set_type_step(sec.type_step)
            sec.show_time(self.session.playhead.t)
        self.setMinimumWidth(round(MIN_WIDTH_PX + WIDER_PER_SCALE_PX * (self.session.text_scale - 1)))
        self.fit()
        self.setAccessibleName(self.session.words("a11y", "narration"))
        description = " ".join(sec.words for sec in self.sections)
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)

    def fit(self) -> None:
        """The largest type step at which every section fits the panel's height at each of its
        stages (worked out again only when the width, the words or the sources shown change)."""
        inner = self.widget()
        if inner is None or not self.sections:
            return
        bar = self.verticalScrollBar()
        width = self.viewport().width() + (bar.width() if bar.isVisible() else 0)  # the width once the bar goes
        key = (width, self.session.vocabulary, self.session.text_scale,
               tuple(sec.sources.isVisibleTo(sec) for sec in self.sections))
        if key != self._fit_key:
            self._fit_key, self._needs = key, []
        margins = inner.layout().contentsMargins()
        room = width - margins.left() - margins.right()
        spacing = inner.layout().spacing() * (len(self.sections) - 1) + margins.top() + margins.bottom()
        step = 0
        while True:  # each step's height is measured once per key, only as far as needed
            if step == len(self._needs):
                for sec in self.sections:
                    sec.set_type_step(step)
                self._needs.append(spacing + sum(sec.tallest(room) for sec in self.sections))
            if self._needs[step] <= self.viewport().height() or step == len(TYPE_STEPS) - 1:
                break
            step += 1
        for sec in self.sections:
            if sec.type_step != step:
                sec.set_type_step(step)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()
