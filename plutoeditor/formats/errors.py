"""The one error type every reader raises: it names the file and the place."""

from __future__ import annotations

import re

#: Characters that would steer a terminal (escape sequences, carriage return, backspace) or
#: reorder what it shows (bidirectional overrides) if a file name or document text held them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str, keep: str = "") -> str:
    """The text with each control character written as an escape (`\\x1b`, `\\u202e`), so it
    prints as what it is; characters in `keep` (say "\\n\\t" for a report) stay."""

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNPRINTABLE.sub(escaped, text)


class PolicyFileError(Exception):
    """A file cannot be read as a policy. `str()` is one line: `path:line: message`."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = str(path)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        path = printable(self.path)
        place = f"{path}:{self.line}" if self.line else path
        return f"{place}: {printable(self.message)}"
