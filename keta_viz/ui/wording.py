"""Words of the window's chrome (menus, actions, toolbar, labels), set from ui.toml and set again
whenever the Session's language changes: a language switch needs no restart."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject

from ..app.session import Session


class Wording(QObject):
    """Remembers which setter shows which ui.toml string, and re-applies them all on language_changed."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._texts: list[tuple[Callable[[str], None], str, str]] = []
        session.language_changed.connect(self.apply)

    def text(self, setter: Callable[[str], None], group: str, key: str) -> None:
        """Call setter with [group] key now and after every language change."""
        self._texts.append((setter, group, key))
        setter(self.session.words(group, key))

    def apply(self) -> None:
        """Every remembered text again, in the Session's language."""
        for setter, group, key in self._texts:
            setter(self.session.words(group, key))
