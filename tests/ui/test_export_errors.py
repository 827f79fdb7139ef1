"""An export that cannot be saved says why in the Session's language (ui/error_text.py write_error,
ui.toml [write_errors]) and leaves nothing behind; the command line keeps one English line, exit 2."""

import errno
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from keta_viz.cli import main
from keta_viz.content import load_content
from keta_viz.safe_write import OS_KINDS, WriteError, check_target, temp_path_for
from keta_viz.ui.error_text import write_error

KINDS = {"exists", "not_a_file", "no_folder", "no_permission", "read_only", "disk_full", "incomplete", "encode_failed",
         "failed"}


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_every_kind_of_write_error_is_worded_in_every_language(tmp_path):
    en, es = load_content("en"), load_content("es")
    assert set(en.ui["write_errors"]) == set(es.ui["write_errors"]) == KINDS
    assert set(OS_KINDS.values()) < KINDS
    params = {"path": str(tmp_path / "a.png"), "folder": str(tmp_path), "reason": "Input/output error"}
    for kind in KINDS:
        exc = WriteError("English", kind, **params)
        english, spanish = write_error(exc, en), write_error(exc, es)
        assert params["path"] in english and params["path"] in spanish
        assert spanish != english and "{" not in spanish, kind
    assert write_error(WriteError("as the CLI says it", "no_such_kind", path="x"), es) == "as the CLI says it"
    assert write_error(WriteError("as the CLI says it"), es) == "as the CLI says it"  # 'failed' without a reason


@pytest.mark.parametrize("code, kind", [(errno.EACCES, "no_permission"), (errno.EROFS, "read_only"),
                                        (errno.ENOSPC, "disk_full"), (errno.EIO, "failed")])
def test_a_system_error_while_writing_has_its_kind(tmp_path, monkeypatch, code, kind):
    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("keta_viz.safe_write.os.open", refuse)
    with pytest.raises(WriteError) as failure:
        with temp_path_for(tmp_path / "a.png"):
            pass
    assert failure.value.kind == kind and failure.value.params["path"] == str(tmp_path / "a.png")
    assert str(failure.value) == f"{tmp_path / 'a.png'}: cannot write here ({os.strerror(code)})"  # the CLI's line


def test_the_targets_kinds(tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "dir.png").mkdir()
    for path, force, kind in ((tmp_path / "file", False, "exists"), (tmp_path / "dir.png", True, "not_a_file"),
                              (tmp_path / "file" / "a.png", True, "no_folder")):
        with pytest.raises(WriteError) as failure:
            check_target(path, force)
        assert failure.value.kind == kind


def test_a_failed_export_is_worded_in_spanish_and_leaves_nothing(window, tmp_path):
    """A path under a file: the folder does not exist."""
    (tmp_path / "notes.txt").write_text("mine")
    before = leftovers(tmp_path)
    target = tmp_path / "notes.txt" / "snap.png"
    window.session.set_language("es")
    assert not window.export_to(target)
    said = f"No se pudo guardar {target}: la carpeta {tmp_path / 'notes.txt'} no existe."
    assert window.last_error == said
    assert [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()] == [said]  # what is shown
    assert leftovers(tmp_path) == before and (tmp_path / "notes.txt").read_text() == "mine"
    window.session.set_language("en")
    assert not window.export_to(target)
    assert window.last_error == f"Could not save {target}: the folder {tmp_path / 'notes.txt'} does not exist."


@pytest.mark.parametrize("suffix", ["png", "pdf"])
def test_an_unwritable_folder_is_worded_in_spanish_and_left_as_it_was(window, tmp_path, monkeypatch, suffix):
    """A folder the user may not write in (chmod where the tests do not run as root; as root, the
    system's refusal, EACCES, is what the folder would answer)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "old.txt").write_text("kept")
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: the refusal a locked folder gives everyone else
        real_open = os.open

        def refuse(path, flags, *args, **kwargs):
            if str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr("keta_viz.safe_write.os.open", refuse)
    target = folder / f"out.{suffix}"
    window.session.set_language("es")
    try:
        assert not window.export_to(target)
    finally:
        folder.chmod(0o755)
    assert window.last_error == f"No se pudo guardar {target}: no tiene permiso para escribir en esta carpeta."
    assert leftovers(folder) == ["old.txt"]


def test_the_command_line_keeps_one_english_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    target = tmp_path / "notes.txt" / "snap.png"
    assert main(["render", "--scenario", "ketamine-iv", "--out", str(target), "--lang", "es"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "does not exist" in err
