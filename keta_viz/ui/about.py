"""'The science' (F1): a contents list of pages under the disclaimer, in plain or expert words.

Rich text only, with no links: nothing here opens a browser or touches the network.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..content import Content, Paragraph, load_content
from ..scene.palette import ABOUT_BADGE

ANIMAL_BADGE = '<span class="animal">&nbsp;{}&nbsp;</span>'
CITE = '<span class="cite">{}</span>'
STYLE = (f".animal {{ background-color: {ABOUT_BADGE['fill']}; color: {ABOUT_BADGE['ink']}; }}"  # any palette
         " .cite { font-style: italic; }")


def pages(content: Content) -> list[tuple[str, str]]:
    """(page id, title) in contents order: what it simplifies, the science sections, the sources."""
    about = content.ui["about"]
    return ([("simplifies", about["simplifies_title"])] + [(s.id, s.title) for s in content.sections()]
            + [("sources", about["sources_title"])])


def cites(content: Content, keys) -> str:
    """'(Zarate et al. 2006; Murrough et al. 2013)' in a soft colour, or nothing."""
    return CITE.format(escape(f"({'; '.join(content.short_cite(k) for k in keys)})")) if keys else ""


def paragraph_html(content: Content, p: Paragraph, vocabulary: str) -> str:
    """One paragraph with its 'in animals' badge and short citations."""
    badge = ANIMAL_BADGE.format(escape(content.ui["badges"]["in_animals"])) + " " if p.in_animals else ""
    return f"<p>{badge}{escape(p.body(vocabulary))} {cites(content, p.sources)}</p>"


def page_html(content: Content, page_id: str, vocabulary: str = "plain") -> str:
    """One page as simple HTML."""
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
        for group in section.groups:
            if group.heading:
                out.append(f"<h3>{escape(group.heading)}</h3>")
            out += [paragraph_html(content, p, vocabulary) for p in group.paragraphs]
    return "".join(out)


class AboutDialog(QDialog):
    """Contents on the left, the chosen page on the right, the disclaimer always on top."""

    def __init__(self, parent: QWidget | None = None, vocabulary: str = "plain", lang: str = "en"):
        super().__init__(parent)
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
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(disclaimer, 1)
        top.addWidget(self.expert)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.contents.currentRowChanged.connect(self.show_page)
        self.expert.toggled.connect(lambda _: self.show_page(self.contents.currentRow()))
        self.contents.setCurrentRow(0)
        screen = (parent.screen() if parent else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(960, screen.width() - 40), min(640, screen.height() - 80))

    def show_page(self, row: int) -> None:
        """Show the page at a row of the contents list."""
        vocabulary = "expert" if self.expert.isChecked() else "plain"
        self.browser.setHtml(page_html(self.content, self.ids[row], vocabulary))
