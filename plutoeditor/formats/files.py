"""Reading files defensively and writing them atomically.

Only regular files are read (a device such as /dev/zero, a FIFO or a socket is refused before
it can block or stream without end), and the size limit is checked while reading, not only
from the size the file claims. Writing never replaces a read-only file, writes through a
symbolic link to its target, and is atomic.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from plutoeditor.formats.errors import PolicyFileError

#: Larger files are refused before they are read: a 10,000-clause policy is about 2 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def too_large(size: int | None, limit: int) -> str:
    """'file is too large (25.0 MiB; the limit is 20 MiB)'."""
    found = f"{size / 2**20:.1f} MiB" if size is not None else "more than the limit"
    return f"file is too large ({found}; the limit is {limit / 2**20:.0f} MiB)"


def open_regular_file(path: str | os.PathLike[str], limit: int | None = None) -> BinaryIO:
    """Open a regular file for reading, or raise a PolicyFileError saying why it cannot be.

    The file is opened without blocking and checked after opening, so a FIFO cannot hang
    the command and a file swapped for a device after a check is still refused.
    """
    name = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise PolicyFileError(name, "no such file") from None
    except IsADirectoryError:
        raise PolicyFileError(name, "is a folder, not a file") from None
    except PermissionError:
        raise PolicyFileError(name, "permission denied") from None
    except OSError as exc:
        raise PolicyFileError(name, f"cannot read file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PolicyFileError(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise PolicyFileError(name, "is not a regular file (a device, pipe or socket); refused")
        if limit is not None and info.st_size > limit:
            raise PolicyFileError(name, too_large(info.st_size, limit))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or a PolicyFileError for missing, unreadable, empty or huge files
    and for anything that is not a regular file."""
    with open_regular_file(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise PolicyFileError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > limit:  # it grew since it was opened, or its size was not what it said
        raise PolicyFileError(str(path), too_large(None, limit))
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


#: What the user is told when a text file was read as Windows-1252.
WINDOWS_1252_NOTE = "read as Windows-1252 (not UTF-8); save it as UTF-8 to be sure of every character"


def decode_source(path: str, data: bytes) -> tuple[str, str | None]:
    """Decode a text or Markdown file: UTF-8, or else Windows-1252 with a note.

    Word's plain-text export and many older editors write Windows-1252; such a file is read
    when it is not UTF-8 and every byte is defined in Windows-1252. The note says so. Anything
    else (binary, UTF-16, bytes Windows-1252 leaves undefined) is refused as by `decode_text`.
    """
    try:
        return decode_text(path, data), None
    except PolicyFileError as exc:
        if not exc.message.startswith("is not valid UTF-8"):
            raise
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise exc from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), WINDOWS_1252_NOTE


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, max(offset, 0)) + 1


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write a file so that it is either fully old or fully new, never half-written.

    A temporary file in the same folder is written, flushed, fsynced and renamed over. A
    symbolic link is written through (its target gets the new content, the link stays); a
    read-only file, or something that is not a regular file, is refused and left as it is.
    """
    requested = Path(path)
    target = Path(os.path.realpath(requested)) if requested.is_symlink() else requested
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    _refuse_to_replace(target, str(requested))
    try:
        import tempfile  # only to write: reading and checking start without it (and random)

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(requested)) from None
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
            raise type(exc)(exc.errno, exc.strerror or str(exc), str(requested)) from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _refuse_to_replace(target: Path, shown: str) -> None:
    """A folder, a device or pipe, or a read-only file is never replaced by a rename."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror or str(exc), shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", shown)
    if not stat.S_ISREG(info.st_mode):
        raise PermissionError(errno.EPERM, "is not a regular file (a device, pipe or socket); not replaced",
                              shown)  # fmt: skip
    # os.access says yes to root whatever the mode: the write bits decide, as in an editor
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only; not replaced", shown)
