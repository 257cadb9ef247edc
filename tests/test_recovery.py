"""Recovery copies: unsaved work survives a crash and never touches the user's file."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from plutoeditor.formats import native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model.notation import format_tree, parse_tree
from plutoeditor.recovery import RecoveryStore


def unsaved_policy():
    policy = parse_tree(
        "[1] Who we are | We are Example Ltd.\\nA second paragraph.\n"
        "  [1.1] We process data lawfully.\n"
        "def [] Personal Data | any information relating to you\n"
    )
    policy.metadata.title = "Privacy Policy"
    policy.metadata.effective_date = dt.date(2024, 3, 1)
    return policy


def test_simulated_crash_then_recover_gives_the_same_document(tmp_path):
    folder = tmp_path / "recovery"
    original = tmp_path / "docs" / "privacy.policy.yaml"
    policy = unsaved_policy()
    RecoveryStore(folder).save("window-1", policy, str(original))
    # The app dies here; the next start makes a fresh store on the same folder.
    entries = RecoveryStore(folder).pending()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.doc_key == "window-1"
    assert entry.original_path == str(original.resolve())
    assert entry.display_name() == "privacy.policy.yaml"
    assert abs(entry.saved_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    recovered = RecoveryStore(folder).load(entry)
    assert format_tree(recovered) == format_tree(policy)
    assert [c.id for c in recovered.walk()] == [c.id for c in policy.walk()]
    assert recovered.metadata.title == "Privacy Policy"
    assert native.dumps(recovered) == native.dumps(policy)


def test_save_never_writes_the_users_file(tmp_path):
    folder = tmp_path / "recovery"
    original = tmp_path / "privacy.policy.yaml"
    original.write_text("the user's bytes", encoding="utf-8")
    path = RecoveryStore(folder).save("k", unsaved_policy(), str(original))
    assert path.parent == folder
    assert original.read_text(encoding="utf-8") == "the user's bytes"


def test_untitled_documents_and_newer_save_replaces_older(tmp_path):
    store = RecoveryStore(tmp_path)
    policy = unsaved_policy()
    store.save("untitled-1", policy, None)
    policy.metadata.title = "Edited title"
    store.save("untitled-1", policy, None)
    (entry,) = store.pending()
    assert entry.original_path is None
    assert entry.display_name() == "Untitled document"
    assert store.load(entry).metadata.title == "Edited title"


def test_discard_after_save_leaves_nothing_to_recover(tmp_path):
    store = RecoveryStore(tmp_path)
    store.save("a", unsaved_policy(), None)
    store.save("b/with:odd chars?", unsaved_policy(), "/tmp/x.policy.yaml")
    assert {e.doc_key for e in store.pending()} == {"a", "b/with:odd chars?"}
    store.discard("b/with:odd chars?")
    assert [e.doc_key for e in store.pending()] == ["a"]
    store.discard("a")
    store.discard("never-saved")  # harmless
    assert store.pending() == []
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_means_nothing_pending(tmp_path):
    assert RecoveryStore(tmp_path / "not-there").pending() == []


def test_lost_sidecar_still_lists_the_copy(tmp_path):
    store = RecoveryStore(tmp_path)
    store.save("k", unsaved_policy(), None)
    for sidecar in tmp_path.glob("*.json"):
        sidecar.unlink()
    (entry,) = store.pending()
    assert store.load(entry).metadata.title == "Privacy Policy"
    store.discard_all()
    assert store.pending() == []


def test_damaged_copy_gives_a_clear_error(tmp_path):
    store = RecoveryStore(tmp_path)
    path = store.save("k", unsaved_policy(), None)
    path.write_text("clauses: [unclosed\n", encoding="utf-8")
    (entry,) = store.pending()
    with pytest.raises(PolicyFileError):
        store.load(entry)


def test_default_folder_follows_plutoeditor_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PLUTOEDITOR_HOME", str(tmp_path))
    store = RecoveryStore()
    store.save("k", unsaved_policy(), None)
    assert store.folder == tmp_path / "state" / "recovery"
    assert len(RecoveryStore().pending()) == 1


WRITER = """
import sys
from plutoeditor.model.notation import parse_tree
from plutoeditor.recovery import RecoveryStore
RecoveryStore(sys.argv[1]).save("other-window", parse_tree("[1] Live work."), None)
print("saved", flush=True)
sys.stdin.readline()  # stay alive until the test says so
"""


def test_work_of_a_running_plutoeditor_is_not_offered_until_it_ends(tmp_path):
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "saved"
        assert RecoveryStore(tmp_path).pending() == []  # still running: not lost, not ours to take
    finally:
        other.communicate("\n", timeout=60)
    (entry,) = RecoveryStore(tmp_path).pending()  # it ended without discarding: a crash
    assert entry.doc_key == "other-window"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start times come from /proc")
def test_a_reused_process_id_does_not_hide_crashed_work(tmp_path):
    store = RecoveryStore(tmp_path)
    store.save("k", unsaved_policy(), None)
    (sidecar,) = tmp_path.glob("*.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["pid"] = os.getppid()  # alive, but not the process that wrote the copy
    data["process_started"] = "0"
    sidecar.write_text(json.dumps(data), encoding="utf-8")
    assert len(store.pending()) == 1


def test_a_recovered_copy_is_taken_over_not_deleted(tmp_path):
    """Recovering keeps the copy (now the recovered window's own) until that work is saved,
    so a second crash before the first save still loses nothing; a copy whose sidecar was
    lost is taken over too."""
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    store.save("window-1", unsaved_policy(), str(tmp_path / "a.policy.yaml"))
    (entry,) = RecoveryStore(folder).pending()
    key = store.adopt(entry)
    (again,) = store.pending()
    assert key == "window-1" and again.path == entry.path and again.saved_at == entry.saved_at
    assert format_tree(store.load(again)) == format_tree(unsaved_policy())
    store.discard(key)
    assert store.pending() == []

    store.save("window-2", unsaved_policy(), None)
    next(folder.glob("*.recovery.json")).unlink()
    (orphan,) = store.pending()
    key = store.adopt(orphan)
    (kept,) = store.pending()
    assert format_tree(store.load(kept)) == format_tree(unsaved_policy())
    store.discard(key)
    assert list(folder.iterdir()) == []


def test_temporary_files_of_a_killed_autosave_are_removed(tmp_path):
    folder = tmp_path / "recovery"
    store = RecoveryStore(folder)
    store.save("window-1", unsaved_policy(), None)
    killed = folder / ".window-1-abc.recovery.policy.yaml.x1y2z3w4.tmp"
    killed.write_text("half", encoding="utf-8")
    os.utime(killed, (0, 0))
    running = folder / ".window-2-abc.recovery.policy.yaml.a1b2c3d4.tmp"
    running.write_text("being written", encoding="utf-8")
    assert len(store.pending()) == 1
    assert not killed.exists() and running.exists()
