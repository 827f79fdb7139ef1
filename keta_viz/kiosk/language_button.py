"""The kiosk's language button: a large touch target named in the next language, in that
language's own words ("Español" on the English screen), that re-words the exhibit at once."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from ..app.session import Session
from ..content import languages, load_content


class LanguageButton(QPushButton):
    """Cycles the Session through the bundled languages (EN/ES with two)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("language-button")
        self.clicked.connect(lambda: session.set_language(self.next_language))
        session.language_changed.connect(self._reword)
        self._reword()

    @property
    def next_language(self) -> str:
        """The language a touch switches to."""
        langs = languages()
        return langs[(langs.index(self.session.language) + 1) % len(langs)]

    def _reword(self) -> None:
        name = load_content(self.next_language).ui["language"]["name"]
        self.setText(name)
        self.setAccessibleName(self.session.words("a11y", "language_button").format(name=name))
