"""The one error type every reader raises: it names the file and the place."""

from __future__ import annotations


class PolicyFileError(Exception):
    """A file cannot be read as a policy. `str()` is one line: `path:line: message`."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = str(path)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        return f"{place}: {self.message}"
