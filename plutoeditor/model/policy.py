"""A policy: metadata plus an ordered tree of clauses."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from plutoeditor.model.clause import Clause


def new_document_id() -> str:
    """A random id shared by every version of a document: what `uuid.uuid4().hex` gives
    (version 4, RFC 4122 variant), without importing uuid and platform at every start."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return raw.hex()


@dataclass
class Metadata:
    """What a policy says about itself; shown in headers and compared between versions."""

    title: str = ""
    organisation: str = ""
    jurisdiction: str = ""
    version: str = ""
    effective_date: dt.date | None = None
    summary_of_changes: list[str] = field(default_factory=list)
    language: str = "en"
    #: Fields the importer made up rather than read (a title from the file name), each with
    #: the value it guessed; not saved. Compare treats a field still at its guess as unstated.
    guessed: dict[str, str] = field(default_factory=dict, compare=False)

    FIELDS = (
        "title",
        "organisation",
        "jurisdiction",
        "version",
        "effective_date",
        "summary_of_changes",
        "language",
    )

    def copy(self) -> Metadata:
        return Metadata(
            self.title,
            self.organisation,
            self.jurisdiction,
            self.version,
            self.effective_date,
            list(self.summary_of_changes),
            self.language,
            dict(self.guessed),
        )

    def stated(self, name: str) -> object:
        """The field's value, or "" when it is still the importer's guess."""
        value = getattr(self, name)
        return "" if name in self.guessed and self.guessed[name] == value else value


Listener = Callable[["ChangeEvent"], None]


@dataclass(frozen=True)
class ChangeEvent:
    """A change to the clause tree, sent before ("about") and after ("done") it happens.

    kind: "insert" | "remove" | "move" | "update" | "metadata" | "reset".
    For insert/remove: parent (None = top level), index, clause.
    For move: parent/index (old place) and new_parent/new_index (place after removal).
    For update: clause and field ("label", "heading", "text", "kind").
    """

    kind: str
    phase: str
    clause: Clause | None = None
    parent: Clause | None = None
    index: int = -1
    new_parent: Clause | None = None
    new_index: int = -1
    field: str = ""


class Policy:
    """The document: metadata and top-level clauses, with a change-event stream."""

    def __init__(
        self,
        metadata: Metadata | None = None,
        clauses: list[Clause] | None = None,
        document_id: str | None = None,
    ) -> None:
        self.metadata = metadata or Metadata()
        self.clauses: list[Clause] = clauses or []
        for clause in self.clauses:
            clause.parent = None
        self.document_id = document_id or new_document_id()
        self.revision = 0
        self._listeners: list[Listener] = []
        self._index: dict[str, Clause] | None = None
        #: What an importer wants the user to know (e.g. tracked changes were accepted).
        self.import_notes: list[str] = []
        #: Line of each metadata field ("" for the metadata block) in the file it was last
        #: read from; not saved. Findings about the metadata name these lines.
        self.metadata_lines: dict[str, int] = {}

    # -- traversal -------------------------------------------------------------
    def walk(self) -> Iterator[Clause]:
        """Every clause in document order."""
        for clause in self.clauses:
            yield from clause.walk()

    def walk_with_depth(self) -> Iterator[tuple[Clause, int]]:
        stack = [(c, 0) for c in reversed(self.clauses)]
        while stack:
            clause, depth = stack.pop()
            yield clause, depth
            stack.extend((c, depth + 1) for c in reversed(clause.children))

    def siblings_of(self, clause: Clause) -> list[Clause]:
        return clause.parent.children if clause.parent is not None else self.clauses

    def children_of(self, parent: Clause | None) -> list[Clause]:
        return parent.children if parent is not None else self.clauses

    def find(self, clause_id: str) -> Clause | None:
        if self._index is None:
            self._index = {c.id: c for c in self.walk()}
        return self._index.get(clause_id)

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())

    def depth_of(self, clause: Clause) -> int:
        depth = 0
        while clause.parent is not None:
            clause = clause.parent
            depth += 1
        return depth

    # -- change events ---------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def notify(self, event: ChangeEvent) -> None:
        if event.phase == "done":
            self.revision += 1
            index, clause = self._index, event.clause
            if index is not None and clause is not None and event.kind in ("insert", "remove"):
                for node in clause.walk():  # the index follows the edit: no walk of the whole tree
                    key = node.id
                    if event.kind == "insert":
                        index[key] = node
                    elif index.get(key) is node:
                        del index[key]
            elif event.kind in ("insert", "remove", "reset"):
                self._index = None
        for listener in list(self._listeners):
            listener(event)

    def copy(self) -> Policy:
        """A deep copy with the same ids and document id (listeners not copied)."""
        copied = Policy(self.metadata.copy(), [c.copy() for c in self.clauses], self.document_id)
        copied.metadata_lines = dict(self.metadata_lines)
        return copied
