"""Recovery copies of unsaved work, kept apart from the user's documents.

The editor autosaves each open document with unsaved changes here every few seconds. After
a crash the next start lists `pending()` copies and offers to recover them; a normal save
or close `discard()`s the copy. Each copy is a native `.policy.yaml` file plus a small JSON
sidecar saying which file it belongs to and when it was saved. Both are written
atomically, and never over the user's own file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plutoeditor import paths
from plutoeditor.formats import native
from plutoeditor.formats.files import write_atomic
from plutoeditor.model import Policy

log = logging.getLogger(__name__)

_SUFFIX = ".recovery.policy.yaml"
#: A temporary file older than this is left by a write that was killed, not one running.
STALE_TEMPORARY_SECONDS = 60
_SIDECAR_SUFFIX = ".recovery.json"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recoverable document: the copy on disk and what it belongs to."""

    path: Path
    original_path: str | None
    saved_at: dt.datetime
    doc_key: str

    def display_name(self) -> str:
        """The name to show in a "Recover unsaved work?" list."""
        return Path(self.original_path).name if self.original_path else "Untitled document"


class RecoveryStore:
    """Autosaved copies of open documents, one per `doc_key` (any string unique per window)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else paths.recovery_dir()

    # -- writing ---------------------------------------------------------------

    def save(self, doc_key: str, policy: Policy, original_path: str | None) -> Path:
        """Write (or replace) the recovery copy of a document; return its path.

        Raises ValueError when the policy does not match the schema and OSError when the
        folder cannot be written (a full disk); the caller (autosave) tells the user.
        """
        return self.save_data(doc_key, native.to_data(policy), original_path)

    def save_data(self, doc_key: str, data: dict[str, Any], original_path: str | None) -> Path:
        """`save` from a snapshot (`native.to_data`), so it can run on a worker thread."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._copy_path(doc_key)
        if original_path and _same_file(Path(original_path), target):
            raise ValueError(f"refusing to write a recovery copy over the document itself: {target}")
        write_atomic(target, native.dumps_data(data))
        self._write_sidecar(doc_key, original_path)
        return target

    def _write_sidecar(
        self, doc_key: str, original_path: str | None, saved_at: dt.datetime | None = None
    ) -> None:
        sidecar = {
            "doc_key": doc_key,
            "original_path": str(Path(original_path).resolve()) if original_path else None,
            "saved_at": (saved_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
            "copy": self._copy_path(doc_key).name,
            "pid": os.getpid(),
            "process_started": _process_start(os.getpid()),
        }
        write_atomic(self._sidecar_path(doc_key), json.dumps(sidecar, indent=2) + "\n")

    def adopt(self, entry: RecoveryEntry) -> str:
        """Take over a listed copy for the window it was recovered into; return its key.

        The copy stays on disk, under that key, until the window saves or discards the
        document, so recovered work survives a second crash before the first save. The
        sidecar is rewritten with this process, so another PlutoEditor does not offer it too.
        """
        key = entry.doc_key
        target = self._copy_path(key)
        if entry.path != target:  # a copy whose sidecar was lost: give it its key's name
            os.replace(entry.path, target)
            stale = entry.path.with_name(entry.path.name[: -len(_SUFFIX)] + _SIDECAR_SUFFIX)
            stale.unlink(missing_ok=True)
        self._write_sidecar(key, entry.original_path, entry.saved_at)
        return key

    def discard(self, doc_key: str) -> None:
        """Remove the recovery copy of a document (after a save, a close or a declined recovery)."""
        for path in (self._copy_path(doc_key), self._sidecar_path(doc_key)):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def discard_entry(self, entry: RecoveryEntry) -> None:
        """Remove one listed copy (works even when its sidecar was lost)."""
        stem = entry.path.name[: -len(_SUFFIX)]
        for path in (entry.path, entry.path.with_name(stem + _SIDECAR_SUFFIX)):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def discard_all(self) -> None:
        """Remove every recovery copy (the user declined to recover anything)."""
        for entry in self.pending():
            self.discard_entry(entry)

    # -- reading ---------------------------------------------------------------

    def pending(self) -> list[RecoveryEntry]:
        """Recovery copies left on disk by a session that ended, newest first.

        Copies kept by another PlutoEditor that is still running (a second window opened by
        double-clicking another file starts a second process) are not offered: that work is
        not lost, and recovering it would take it away from the running window.
        """
        if not self.folder.is_dir():
            return []
        self._remove_stale_temporaries()
        entries = []
        for copy in self.folder.glob(f"*{_SUFFIX}"):
            entry = self._entry_for(copy)
            if entry is not None and not self._kept_by_running_session(copy):
                entries.append(entry)
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries

    def _remove_stale_temporaries(self) -> None:
        """An autosave killed halfway leaves a hidden temporary file here; remove old ones."""
        for tmp in self.folder.glob(".*.tmp"):
            try:
                if time.time() - tmp.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                    tmp.unlink()
            except OSError:
                continue

    def load(self, entry: RecoveryEntry) -> Policy:
        """The document as it was autosaved. Raises PolicyFileError if the copy is damaged."""
        return native.load(entry.path)

    def _entry_for(self, copy: Path) -> RecoveryEntry | None:
        stem = copy.name[: -len(_SUFFIX)]
        sidecar = copy.with_name(stem + _SIDECAR_SUFFIX)
        try:
            mtime = dt.datetime.fromtimestamp(copy.stat().st_mtime, dt.UTC)
        except OSError:
            return None  # removed meanwhile
        doc_key, original, saved_at = stem, None, mtime
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            doc_key = str(data.get("doc_key") or stem)
            original = data.get("original_path") or None
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
        except FileNotFoundError:
            log.warning("recovery copy %s has no sidecar; listing it as untitled", copy)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("recovery sidecar %s is unreadable (%s); using the copy's date", sidecar, exc)
        return RecoveryEntry(path=copy, original_path=original, saved_at=saved_at, doc_key=doc_key)

    def _kept_by_running_session(self, copy: Path) -> bool:
        stem = copy.name[: -len(_SUFFIX)]
        try:
            data = json.loads(copy.with_name(stem + _SIDECAR_SUFFIX).read_text(encoding="utf-8"))
            pid, started = int(data["pid"]), data.get("process_started")
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if pid == os.getpid():
            return False  # this process: a fresh store after a simulated crash, or a restart
        return _process_running(pid, started)

    # -- file names ------------------------------------------------------------

    def _stem(self, doc_key: str) -> str:
        """A safe, stable file name for any key: a readable part plus a hash of the whole key."""
        readable = re.sub(r"[^A-Za-z0-9_-]+", "-", doc_key).strip("-")[-40:] or "document"
        digest = hashlib.sha256(doc_key.encode("utf-8")).hexdigest()[:12]
        return f"{readable}-{digest}"

    def _copy_path(self, doc_key: str) -> Path:
        return self.folder / (self._stem(doc_key) + _SUFFIX)

    def _sidecar_path(self, doc_key: str) -> Path:
        return self.folder / (self._stem(doc_key) + _SIDECAR_SUFFIX)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _process_start(pid: int) -> str | None:
    """When a process started (Linux), so a reused process id is not mistaken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[19]  # field 22, counted after the command name


def _process_running(pid: int, started: str | None) -> bool:
    """Whether the session that wrote a copy is still alive (POSIX; elsewhere assume not)."""
    if os.name != "posix" or pid <= 0:
        return False  # on Windows os.kill(pid, 0) would terminate the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by someone else
    except OSError:
        return False
    current = _process_start(pid)
    return started is None or current is None or current == started
