"""Qt's own words (the standard Close, OK and Cancel buttons, the file dialog) in the Session's
language, from the Qt translations PySide6 ships (qtbase_<lang>.qm); English needs none."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from ..app.session import Session


class QtWords(QObject):
    """Keeps one Qt translator installed for the Session's language while `parent` lives (the
    translator is its child: Qt takes a translator out of the application when it is destroyed)."""

    def __init__(self, session: Session, parent: QObject):
        super().__init__(parent)
        self.session, self.translator = session, QTranslator(self)
        session.language_changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        """Swap in the translation of the Session's language (none for English or a missing file)."""
        app = QApplication.instance()
        app.removeTranslator(self.translator)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        lang = self.session.language
        if lang != "en" and self.translator.load(f"qtbase_{lang}", folder):
            app.installTranslator(self.translator)
