"""The science pages (F1): every page renders in both vocabularies, cites resolvable sources, marks
animal findings, lists every reference in order, opens nothing, and fits a 1366x768 laptop."""

from html import escape

import pytest
from PySide6.QtWidgets import QLabel

from keta_viz.content import load_content
from keta_viz.ui.about import AboutDialog, page_html, pages


@pytest.fixture
def dialog(qtbot):
    d = AboutDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_every_page_renders_in_plain_and_expert_words(dialog):
    c = dialog.content
    assert [pid for pid, _ in pages(c)] == ["simplifies", "people_animals", "open_questions", "safety", "relapse",
                                           "sources"]
    for row, (pid, title) in enumerate(pages(c)):
        dialog.contents.setCurrentRow(row)
        plain = dialog.browser.toPlainText()
        dialog.expert.setChecked(True)
        expert = dialog.browser.toPlainText()
        dialog.expert.setChecked(False)
        assert plain.startswith(title) and len(plain) > 200, pid
        if pid not in ("simplifies", "sources"):
            assert plain != expert, pid


def test_paragraphs_cite_their_sources_and_animal_findings_are_badged():
    c = load_content()
    badge = escape(c.ui["badges"]["in_animals"])
    for section in c.sections():
        for vocabulary in ("plain", "expert"):
            html = page_html(c, section.id, vocabulary)
            for group in section.groups:
                for p in group.paragraphs:
                    at = html.index(escape(p.body(vocabulary)))
                    before = html[html.rindex("<p>", 0, at):at]
                    assert (badge in before) == p.in_animals, p.plain
                    after = html[at:html.index("</p>", at)]
                    assert all(escape(c.short_cite(k)) in after for k in p.sources), p.plain


def test_sources_page_lists_every_reference_sorted_with_its_identifier():
    c = load_content()
    html = page_html(c, "sources")
    at = [html.index(escape(c.citation(k))) for k in c.sorted_references()]
    assert at == sorted(at) and len(at) == len(c.references)
    for ident in ("doi:10.1001/archpsyc.63.8.856", "PMID 7477436", "FDA NDA 211243"):
        assert ident in html


def test_curves_are_called_illustrative_not_fitted():
    text = page_html(load_content(), "simplifies")
    assert "illustrative" in text and "fitted to published" not in text


def test_nothing_links_out(dialog):
    c = dialog.content
    for pid, _ in pages(c):
        for vocabulary in ("plain", "expert"):
            html = page_html(c, pid, vocabulary).lower()
            assert "<a " not in html and "href" not in html and "http" not in html
    assert not dialog.browser.openLinks() and not dialog.browser.openExternalLinks()


def test_disclaimer_is_always_shown_and_the_dialog_fits_a_laptop(dialog):
    disclaimer = dialog.content.ui["about"]["disclaimer"]
    assert any(disclaimer in label.text() and label.isVisible() for label in dialog.findChildren(QLabel))
    assert dialog.width() <= 1366 - 40 and dialog.height() <= 768 - 80


def test_f1_opens_the_science_pages(window, qtbot):
    window.about_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    for d in window.findChildren(AboutDialog):
        d.close()


def test_f1_opens_in_the_words_the_window_uses(window, qtbot):
    window.vocab_action.trigger()
    window.about_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AboutDialog)))
    dialog = next(d for d in window.findChildren(AboutDialog) if d.isVisible())
    assert dialog.expert.isChecked()
    dialog.close()
