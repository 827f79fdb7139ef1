"""'The science' (F1): a contents list of pages under the disclaimer, in plain or expert words,
opened at the page about the stage shown with its paragraphs highlighted; room-sized and full
screen while presenting.

Rich text only, with no links: nothing here opens a browser or touches the network.
"""

from __future__ import annotations

from html import escape

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..content import Content, Paragraph, load_content
from ..content.stage_science import stage_page
from ..scene.palette import ABOUT_BADGE, ABOUT_HERE, chrome
from ..widgets.icons import tinted
from ..widgets.synapse_view import screen_height

if TYPE_CHECKING:
    from .main_window import MainWindow

ANIMAL_BADGE = '<span class="animal">&nbsp;{}&nbsp;</span>'
CITE = '<span class="cite">{}</span>'
STYLE = (f".animal {{ background-color: {ABOUT_BADGE['fill']}; color: {ABOUT_BADGE['ink']}; }}"  # any palette
         " .cite { font-style: italic; }")
ROOM_TEXT_PX = 28  # the science pages' body text read from a room, at 1080p


def room_text_pixels(screen_px: int) -> int:
    """Body text of the science pages while presenting: ROOM_TEXT_PX at 1080p, scaled with the screen."""
    return max(20, round(ROOM_TEXT_PX * screen_px / 1080))


def here_style(palette_name: str) -> str:
    """The highlight of the paragraphs about the stage shown, on this palette's chrome."""
    c = ABOUT_HERE[palette_name]
    return f" .here {{ background-color: {c['fill']}; color: {c['ink']}; }}"


def pages(content: Content) -> list[tuple[str, str]]:
    """(page id, title) in contents order: what it simplifies, the science sections, the sources."""
    about = content.ui["about"]
    return ([("simplifies", about["simplifies_title"])] + [(s.id, s.title) for s in content.sections()]
            + [("sources", about["sources_title"])])


def cites(content: Content, keys) -> str:
    """'(Zarate et al. 2006; Murrough et al. 2013)' in a soft colour, or nothing."""
    return CITE.format(escape(f"({'; '.join(content.short_cite(k) for k in keys)})")) if keys else ""


def paragraph_html(content: Content, p: Paragraph, vocabulary: str, here: bool = False) -> str:
    """One paragraph with its 'in animals' badge and short citations; `here`: highlighted."""
    badge = ANIMAL_BADGE.format(escape(content.ui["badges"]["in_animals"])) + " " if p.in_animals else ""
    tag = '<p class="here">' if here else "<p>"
    return f"{tag}{badge}{escape(p.body(vocabulary))} {cites(content, p.sources)}</p>"


def page_html(content: Content, page_id: str, vocabulary: str = "plain", marked: tuple[int, ...] = ()) -> str:
    """One page as simple HTML; the `marked` paragraphs (counted from 1 down the page) highlighted."""
    title = dict(pages(content))[page_id]
    out = [f"<h2>{escape(title)}</h2>"]
    if page_id == "simplifies":
        out.append("<ul>" + "".join(f"<li>{escape(item['text'])} {cites(content, item['sources'])}</li>"
                                    for item in content.ui["about"]["simplifies"]) + "</ul>")
    elif page_id == "sources":
        tag = " " + ANIMAL_BADGE.format(escape(content.ui["badges"]["in_animals"]))
        out.append(f"<p>{escape(content.ui['about']['sources_intro'])}</p><ol>" + "".join(
            f"<li>{escape(content.citation(k))}{tag if content.references[k].get('animal') else ''}</li>"
            for k in content.sorted_references()) + "</ol>")
    else:
        section = next(s for s in content.sections() if s.id == page_id)
        n = 0
        for group in section.groups:
            if group.heading:
                out.append(f"<h3>{escape(group.heading)}</h3>")
            for p in group.paragraphs:
                n += 1
                out.append(paragraph_html(content, p, vocabulary, n in marked))
    return "".join(out)


def page_paragraphs(content: Content, page_id: str) -> list[Paragraph]:
    """A science page's paragraphs in order (paragraph n is item n - 1)."""
    section = next(s for s in content.sections() if s.id == page_id)
    return [p for group in section.groups for p in group.paragraphs]


class AboutDialog(QDialog):
    """Contents on the left, the chosen page on the right, the disclaimer always on top.

    `stage` (drug, stage id): open at the page about that stage, its paragraphs highlighted;
    `text_px`: the type size (room-sized while presenting), else the desk's."""

    def __init__(self, parent: QWidget | None = None, vocabulary: str = "plain", lang: str = "en",
                 stage: tuple[str, str] | None = None, palette: str = "screen", text_px: int | None = None):
        super().__init__(parent)
        font = self.font()
        if text_px:
            font.setPixelSize(text_px)
            self.setFont(font)
        self.content = load_content(lang)
        about = self.content.ui["about"]
        self.setWindowTitle(about["window_title"])
        disclaimer = QLabel(f"<b>{escape(about['disclaimer'])}</b>")
        disclaimer.setWordWrap(True)
        self.expert = QCheckBox(about["expert_words"])
        self.expert.setChecked(vocabulary == "expert")
        self.contents = QListWidget()
        self.contents.setAccessibleName(about["contents"])
        self.ids = [pid for pid, _ in pages(self.content)]
        self.contents.addItems([title for _, title in pages(self.content)])
        self.contents.setWordWrap(True)
        self.contents.setFixedWidth(26 * self.fontMetrics().averageCharWidth())
        self.browser = QTextBrowser()
        self.browser.document().setDefaultStyleSheet(STYLE + here_style(palette))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.stage_note = QLabel()
        self.stage_note.setWordWrap(True)
        self.marked: dict[str, tuple[int, ...]] = {}
        if stage is not None:
            drug, stage_id = stage
            here = stage_page(drug, stage_id)
            self.marked[here.page] = here.paragraphs
            self.stage_note.setText(about["this_stage"].format(stage=self.content.stage(drug, stage_id).title))
        self.stage_note.setVisible(stage is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        if text_px:  # the icon and the tick box grow with the text
            self.close_button.setIconSize(QSize(text_px, text_px))
            self.expert.setStyleSheet(f"QCheckBox::indicator {{ width:{text_px}px; height:{text_px}px }}")
        if palette != "projector":  # dark chrome: the style's black icon would vanish
            self.close_button.setIcon(tinted(self.close_button.icon(), chrome(palette)["text"]))
        top = QHBoxLayout()
        top.addWidget(disclaimer, 1)
        top.addWidget(self.expert)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(about["shortcuts_hint"]), 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stage_note)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        if text_px:  # set on each: a window's stylesheet keeps a dialog's font from reaching its children
            for child in self.findChildren(QWidget):
                child.setFont(font)
        self.contents.currentRowChanged.connect(self.show_page)
        self.expert.toggled.connect(lambda _: self.show_page(self.contents.currentRow()))
        self.contents.setCurrentRow(self.ids.index(next(iter(self.marked), self.ids[0])))
        screen = (parent.screen() if parent else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(960, screen.width() - 40), min(640, screen.height() - 80))

    @property
    def page(self) -> str:
        """The id of the page shown."""
        return self.ids[self.contents.currentRow()]

    def show_page(self, row: int) -> None:
        """Show the page at a row of the contents list, scrolled to its first highlighted paragraph."""
        vocabulary = "expert" if self.expert.isChecked() else "plain"
        marked = self.marked.get(self.ids[row], ())
        self.browser.setHtml(page_html(self.content, self.ids[row], vocabulary, marked))
        self._scroll_to_marked()

    def _scroll_to_marked(self) -> None:
        """The first highlighted paragraph at the top of the page shown (if it has one)."""
        marked = self.marked.get(self.page, ())
        if marked:
            vocabulary = "expert" if self.expert.isChecked() else "plain"
            first = page_paragraphs(self.content, self.page)[min(marked) - 1].body(vocabulary)
            found = self.browser.document().find(first[:40])
            if not found.isNull():
                top = self.browser.document().documentLayout().blockBoundingRect(found.block()).top()
                self.browser.verticalScrollBar().setValue(int(top))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_to_marked)  # once the page is laid out at its shown width


def open_science(w: MainWindow) -> AboutDialog:
    """F1: the science pages at the stage shown, in the window's words; full screen and room-sized
    while presenting."""
    s = w.session
    stage = s.timeline.stage_at(s.playhead.t)
    room_px = room_text_pixels(screen_height(w)) if w.presenting else None
    d = AboutDialog(w, s.vocabulary, s.language, (s.timeline.scenario.drug, stage.id), s.palette, room_px)
    d.open()
    if room_px:
        d.setGeometry(w.screen().geometry())  # the screen presenting, whatever the window manager does
        d.showFullScreen()
    return d
