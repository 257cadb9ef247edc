"""Regular expressions compiled on first use instead of at import.

Compiling a pattern runs Python code (re._parser, re._compiler): the patterns the check
command's modules compiled at import cost 40-60 ms of every `plutoeditor check`, and many
serve only some documents (a date in a summary of changes, a form of definition, a label
read off a page). `lazy_pattern(pattern, flags)` stands where `re.compile(pattern, flags)`
stood: it compiles at the first `match`, `search`, `sub`, ... and from then on its methods
are the compiled pattern's own, found on the instance (as quick to call as before).

Use it for a module-level pattern that is not needed by every run of a command; it is not
a `re.Pattern` (`isinstance`, `re.sub(pattern, ...)`): call its methods.
"""

from __future__ import annotations

import re
from typing import Any, cast

#: What a compiled pattern offers; each is copied onto the instance when it compiles.
_ATTRIBUTES = (
    "match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner",
    "flags", "groups", "groupindex",
)  # fmt: skip


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for what is not on the instance yet
        if name.startswith("__") or name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self.pattern!r}, {self._flags!r})"


def lazy_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
