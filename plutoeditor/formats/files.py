"""Reading files defensively and writing them atomically."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from plutoeditor.formats.errors import PolicyFileError

#: Larger files are refused before they are read: a 10,000-clause policy is about 2 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or a PolicyFileError for missing, unreadable, empty or huge files."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise PolicyFileError(str(path), "is a folder, not a file")
        if size > limit:
            raise PolicyFileError(
                str(path), f"file is too large ({size / 2**20:.1f} MiB; the limit is {limit / 2**20:.0f} MiB)"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise PolicyFileError(str(path), "no such file") from None
    except PermissionError:
        raise PolicyFileError(str(path), "permission denied") from None
    except OSError as exc:
        raise PolicyFileError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise PolicyFileError(str(path), "file is empty")
    return data


def decode_text(path: str, data: bytes) -> str:
    """Decode UTF-8 text (a BOM is dropped); binary or other encodings are refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PolicyFileError(path, "is UTF-16 text; save it as UTF-8 and try again", 1)
    if b"\x00" in data:
        raise PolicyFileError(path, "looks like a binary file, not text", _line_at(data, data.find(b"\x00")))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyFileError(
            path,
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again",
            _line_at(data, exc.start),
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, max(offset, 0)) + 1


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write a file so that it is either fully old or fully new, never half-written.

    A temporary file in the same folder is written, flushed, fsynced and renamed over.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise type(exc)(exc.errno, exc.strerror or str(exc), str(target)) from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
