"""Saving from the window never replaces what it should not: another program's change
(after a declined reload), a read-only file; a symlinked policy is saved through to its
target; temporary files a killed save left are cleaned up."""

from __future__ import annotations

import os
import time

from PySide6.QtWidgets import QMessageBox

from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree
from plutoeditor.model.operations import SetClauseField

Button = QMessageBox.StandardButton


def policy_file(path, text="These terms apply."):
    native.save(parse_tree(f"[1] Scope | {text}\n"), path)
    return path


def edit(window, text="Our edit."):
    clause = window.document.policy.clauses[0]
    window.document.push(SetClauseField(clause.id, "text", text))


def test_after_declining_a_reload_save_asks_before_replacing_the_other_change(window, dialogs, tmp_path):
    path = policy_file(tmp_path / "terms.policy.yaml")
    window.files.open_path(str(path), ask=False)
    edit(window)
    policy_file(path, "Their change.")  # another program saves (a different size and time)
    dialogs.answer = Button.No
    window.files._file_changed(str(path))  # "Reload?" - No
    dialogs.answer = Button.Cancel
    assert not window.files.save()
    assert dialogs.titles() == ["File Changed on Disk", "File Changed on Disk"]
    assert native.load(path).clauses[0].text == "Their change."
    assert window.isWindowModified()
    dialogs.answer = Button.Save  # the user decides to replace it after all
    assert window.files.save()
    assert native.load(path).clauses[0].text == "Our edit."
    edit(window, "A second edit.")
    assert window.files.save()  # our own save is not "another program's change"
    assert len(dialogs.asked) == 3


def test_a_read_only_file_is_not_replaced_save_as_is_offered(window, dialogs, tmp_path):
    path = policy_file(tmp_path / "terms.policy.yaml")
    window.files.open_path(str(path), ask=False)
    edit(window)
    os.chmod(path, 0o444)
    try:
        dialogs.answer = Button.Save
        dialogs.save_path = str(tmp_path / "copy.policy.yaml")
        assert window.files.save()
        assert dialogs.titles() == ["File Is Read-Only"]
        assert native.load(path).clauses[0].text == "These terms apply."
        assert os.stat(path).st_mode & 0o777 == 0o444
        assert native.load(dialogs.save_path).clauses[0].text == "Our edit."
        assert window.document.path == dialogs.save_path
    finally:
        os.chmod(path, 0o644)


def test_a_symlinked_policy_is_saved_through_to_its_target(window, dialogs, tmp_path):
    (tmp_path / "real").mkdir()
    target = policy_file(tmp_path / "real" / "terms.policy.yaml")
    link = tmp_path / "terms.policy.yaml"
    link.symlink_to(target)
    window.files.open_path(str(link), ask=False)
    edit(window)
    assert window.files.save()
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert native.load(target).clauses[0].text == "Our edit."
    assert dialogs.asked == []


def test_temporary_files_of_a_killed_save_are_cleaned_up(window, dialogs, tmp_path):
    path = policy_file(tmp_path / "terms.policy.yaml")
    stale = tmp_path / ".terms.policy.yaml.k1ll3d_x.tmp"
    stale.write_text("half a policy", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".terms.policy.yaml.s4ving_y.tmp"  # another save, running right now
    fresh.write_text("being written", encoding="utf-8")
    unrelated = tmp_path / ".other.policy.yaml.k1ll3d_x.tmp"
    unrelated.write_text("not ours", encoding="utf-8")
    os.utime(unrelated, (old, old))
    window.files.open_path(str(path), ask=False)
    assert not stale.exists()
    assert fresh.exists() and unrelated.exists()
    os.utime(fresh, (old, old))
    edit(window)
    assert window.files.save()
    assert not fresh.exists()
