"""Export from the consult window: where to save, then a progress dialog that can cancel."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from ..safe_write import WriteError
from .error_text import write_error

if TYPE_CHECKING:
    from .main_window import MainWindow

KINDS = ("png", "mp4", "gif", "pdf")


def ask_and_export(window: MainWindow, kind: str) -> None:
    """Ask where to save (the dialog confirms any overwrite), then export."""
    words = window.session.content.ui["export"]
    name = f"keta-viz-{window.session.timeline.scenario.name}.{kind}"
    path, _ = QFileDialog.getSaveFileName(window, words["title"], name, words[f"filter_{kind}"])
    if path:
        if not path.lower().endswith("." + kind):
            path += "." + kind
        export_to(window, Path(path))


def export_style(session):
    """The Session's style for an exported picture: no corner kept for a time readout it lacks."""
    return dataclasses.replace(session.style, corner=(0, 0))


def export_to(window: MainWindow, path: Path) -> bool:
    """Export the Session's scenarios at its time, with the pen drawing; errors are shown, never raised."""
    from ..export import ExportCancelled, ExportRequest, run_export

    session, words = window.session, window.session.content.ui["export"]
    session.playhead.set_playing(False)
    req = ExportRequest(session.timelines, Path(path), t_at=session.playhead.t, style=export_style(session),
                        captions=Path(path).suffix.lower() in (".mp4", ".gif"), force=True,
                        drawing=window.synapse.drawing())
    dialog = window.progress_dialog = QProgressDialog(words["progress"], words["cancel"], 0, 1, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        run_export(req, progress)
        window.statusBar().showMessage(words["saved"].format(path=path), 8000)
        return True
    except ExportCancelled:
        window.statusBar().showMessage(words["cancelled"], 8000)
    except WriteError as exc:
        window.show_error(write_error(exc, session.content))
    except ValueError as exc:
        window.show_error(str(exc))
    finally:
        dialog.close()
    return False
