"""'The science': what the picture simplifies, every source, and the disclaimer."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..content import load_content


def about_html() -> str:
    """The About text as simple HTML (no links: nothing here opens a browser)."""
    c = load_content()
    about = c.ui["about"]
    items = "".join(f"<li>{html.escape(s)}</li>" for s in about["simplifies"])
    refs = "".join(f"<li>{html.escape(c.citation(k))}</li>" for k in sorted(c.references))
    return (f"<h2>{html.escape(about['title'])}</h2><p><b>{html.escape(about['disclaimer'])}</b></p>"
            f"<ul>{items}</ul><h3>Sources</h3><ol>{refs}</ol>")


class AboutDialog(QDialog):
    """A scrolling page of the About text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("The science behind Keta Viz"))
        self.resize(720, 640)
        label = QLabel(about_html())
        label.setWordWrap(True)
        label.setOpenExternalLinks(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
