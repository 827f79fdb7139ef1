"""The Language menu: every bundled language under its own name; choosing one re-words the
window at once and is remembered for the next start."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ..app.session import Session
from ..content import language_name, languages


class LanguageMenu(QMenu):
    """One checkable action per language in assets/content/; `chosen(lang)` is told of a choice."""

    def __init__(self, session: Session, chosen: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.group = QActionGroup(self)
        self.actions_by_language: dict[str, QAction] = {}
        for lang in languages():
            action = QAction(language_name(lang), self.group, checkable=True)
            action.triggered.connect(lambda _checked=False, code=lang: chosen(code))
            self.addAction(action)
            self.actions_by_language[lang] = action
        session.language_changed.connect(self._check)
        self._check()

    def _check(self) -> None:
        if (action := self.actions_by_language.get(self.session.language)) is not None:
            action.setChecked(True)
