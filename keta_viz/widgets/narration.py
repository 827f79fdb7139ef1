"""The narration panel: the stage's title, text (plain or expert), analogy, badge and sources."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..app.session import Session
from ..content import Content
from ..model import Timeline
from .marks import AnimalBadge

MIN_WIDTH_PX = 300  # the column at 100 % text; larger text widens it (a long word stays whole), and it scrolls
WIDER_PER_SCALE_PX = 150  # ... by this much per 100 % more text


class StageSection(QWidget):
    """Narration of one scenario at the Playhead's time."""

    def __init__(self, timeline: Timeline, content: Content, parent: QWidget | None = None):
        super().__init__(parent)
        self.timeline = timeline
        self.content = content
        self.vocabulary = "plain"
        self.text_scale = 1.0  # the reader's text size: every type size below follows it
        self.header = QLabel()
        self.title = QLabel()
        self.badge = AnimalBadge(content)
        self.body = QLabel()
        self.analogy = QLabel()
        self.sources_button = QPushButton()
        self.sources_button.setCheckable(True)
        self.sources = QLabel()
        for lab in (self.header, self.title, self.body, self.analogy, self.sources):
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            lab.setOpenExternalLinks(False)
        self.sources.setVisible(False)
        self.sources_button.toggled.connect(self.sources.setVisible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.header, self.title, self.badge, self.body, self.analogy, self.sources_button, self.sources):
            layout.addWidget(w)
        self.stage_id = None
        self.words = ""  # what the section says, in plain text (for screen readers)
        self._shown: tuple | None = None

    def points(self, size: float) -> str:
        """A type size in points at the reader's text size."""
        return f"{size * self.text_scale:g}"

    def show_time(self, t: float) -> None:
        """Update the texts for model time t (only when what they say changes)."""
        tl = self.timeline
        stage = tl.stage_at(t)
        words = self.content.time_in_words(t, tl.scenario.drug)
        key = (stage.id, words, self.vocabulary, id(tl), self.text_scale)
        if key == self._shown:
            return
        self._shown = key
        st = self.content.stage(tl.scenario.drug, stage.id)
        self.stage_id = stage.id
        name = html.escape(self.content.scenario_title(tl.scenario))
        pt = self.points
        self.header.setText(f"<span style='font-size:{pt(11)}pt'>{name} · {html.escape(words)}</span>")
        self.title.setText(f"<b style='font-size:{pt(18)}pt'>{stage.index + 1}. {html.escape(st.title)}</b>")
        self.badge.setVisible(st.in_animals)
        self.badge.set_pixel_size(round(13 * self.text_scale))
        self.body.setText(f"<span style='font-size:{pt(13)}pt'>{html.escape(st.body(self.vocabulary))}</span>")
        self.analogy.setText(f"<i style='font-size:{pt(12)}pt'>“{html.escape(st.analogy)}”</i>")
        self.sources_button.setText(self.content.ui["narration"]["sources"].format(n=len(st.sources)))
        badge = f" [{self.badge.text()}]" if st.in_animals else ""
        self.words = f"{self.content.scenario_title(tl.scenario)}, {words}. {st.title}{badge}. {st.body(self.vocabulary)}"
        self.sources.setText("<br>".join(f"<span style='font-size:{pt(9)}pt'>• "
                                         f"{html.escape(self.content.citation(k))}</span>" for k in st.sources))


class NarrationPanel(QScrollArea):
    """One StageSection per shown scenario, following the Session."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(MIN_WIDTH_PX)
        self.sections: list[StageSection] = []
        self._build()
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
            self.sections.append(sec)
            layout.addWidget(sec)
        layout.addStretch(1)
        self.setWidget(inner)
        for before, button in zip([self, *(sec.sources_button for sec in self.sections)],
                                  (sec.sources_button for sec in self.sections)):
            QWidget.setTabOrder(before, button)  # Tab: the panel, then its Sources buttons
        self.refresh()

    def refresh(self, *_args) -> None:
        """Re-read the texts for the current time and vocabulary."""
        for sec in self.sections:
            sec.vocabulary = self.session.vocabulary
            sec.text_scale = self.session.text_scale
            sec.show_time(self.session.playhead.t)
        self.setMinimumWidth(round(MIN_WIDTH_PX + WIDER_PER_SCALE_PX * (self.session.text_scale - 1)))
        self.setAccessibleName(self.session.words("a11y", "narration"))
        description = " ".join(sec.words for sec in self.sections)
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)
