"""How large a policy may be: one set of limits for what PlutoEditor writes and reads.

Whatever PlutoEditor writes, it opens again. The limits are chosen so that holds:

- an import source (text, Markdown, Word) is read up to 20 MiB (`files.MAX_FILE_BYTES`);
- a native file is read up to 64 MiB when it is in the form PlutoEditor writes (the fast
  reader, about 0.05 s and 6 bytes of memory per byte of file); a YAML file only PyYAML's
  full loader can read (edited by hand, another program's) keeps the 20 MiB limit, since
  that loader needs about 25 bytes of memory per byte;
- saving refuses a policy whose file would exceed 64 MiB, and an import refuses a document
  that would become one, with one line saying so, instead of writing a file it could not
  open (a 19.9 MiB text became a 24.1 MiB policy refused as "too large");
- metadata fields are one line of a header, so their lengths are bounded in the schema;
  an import cuts a longer value (with a note) and saving cuts what editing made too long.
"""

from __future__ import annotations

from plutoeditor.formats.files import MAX_FILE_BYTES
from plutoeditor.model import Metadata, Policy

MAX_IMPORT_BYTES = MAX_FILE_BYTES
MAX_NATIVE_BYTES = 64 * 1024 * 1024
MAX_FULL_YAML_BYTES = MAX_FILE_BYTES

#: The longest value of each text metadata field, in characters (schemas/policy.schema.json).
METADATA_CHARS = {"title": 500, "organisation": 500, "jurisdiction": 500, "version": 100, "language": 35}
MAX_CHANGE_CHARS = 2000
MAX_CHANGES = 200


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def fit_metadata(metadata: Metadata) -> list[str]:
    """Cut metadata values longer than the schema allows; one note per field cut."""
    notes: list[str] = []
    for name, limit in METADATA_CHARS.items():
        value = getattr(metadata, name)
        if len(value) > limit:
            setattr(metadata, name, value[:limit])
            notes.append(f"the {name} was cut to {limit:,} characters (it had {len(value):,})")
    changes = metadata.summary_of_changes
    if len(changes) > MAX_CHANGES or any(len(change) > MAX_CHANGE_CHARS for change in changes):
        metadata.summary_of_changes = [change[:MAX_CHANGE_CHARS] for change in changes[:MAX_CHANGES]]
        notes.append(
            f"the summary of changes was cut to {MAX_CHANGES} entries of at most "
            f"{MAX_CHANGE_CHARS:,} characters"
        )
    return notes


def native_size_bound(policy: Policy) -> int:
    """An upper bound of the policy's native file size in bytes, without writing it.

    Per value: at most 10 bytes per character (a double-quoted escape such as \\U0001F600),
    and a line break plus indentation wherever the writer may break a line (at a space or a
    line break); per clause its keys, id and line number on lines of its indentation.
    """
    total = 4096 + sum(10 * len(change) for change in policy.metadata.summary_of_changes)
    for clause, depth in policy.walk_with_depth():
        indent = 2 * depth + 4
        for value in (clause.label, clause.heading, clause.text):
            breaks = value.count(" ") + value.count("\n") + 1
            total += 10 * len(value) + (indent + 3) * breaks + 4
        total += 8 * (indent + 1) + 120 + len(clause.id)
    return total
