"""A policy: metadata plus an ordered tree of clauses."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plutoeditor.model.clause import Clause
from plutoeditor.model.events import Change, ChangeEvent, Listener, Phase


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


class Policy:
    """The document: metadata and top-level clauses. Its tree and metadata change only through
    `insert`, `remove`, `move`, `set_field` and `set_metadata` (called by `model.operations`),
    each of which sends its listeners a ChangeEvent before and after."""

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
        if event.phase == Phase.DONE:
            self.revision += 1
            index, clause = self._index, event.clause
            if index is not None and clause is not None and event.kind in (Change.INSERT, Change.REMOVE):
                for node in clause.walk():  # the index follows the edit: no walk of the whole tree
                    key = node.id
                    if event.kind == Change.INSERT:
                        index[key] = node
                    elif index.get(key) is node:
                        del index[key]
            elif event.kind in (Change.INSERT, Change.REMOVE):
                self._index = None
        for listener in list(self._listeners):
            listener(event)

    # -- changes (each one event before, one after) ---------------------------------------
    def insert(self, parent: Clause | None, index: int, clause: Clause) -> None:
        """Put `clause` (with its children) under `parent` (None: the top level) at `index`."""
        self.notify(ChangeEvent(Change.INSERT, Phase.ABOUT, clause, parent, index))
        self.children_of(parent).insert(index, clause)
        clause.parent = parent
        self.notify(ChangeEvent(Change.INSERT, Phase.DONE, clause, parent, index))

    def remove(self, clause: Clause) -> tuple[Clause | None, int]:
        """Take `clause` (with its children) out; gives the parent and index it had."""
        parent = clause.parent
        siblings = self.children_of(parent)
        index = clause.index_in_parent(siblings)
        self.notify(ChangeEvent(Change.REMOVE, Phase.ABOUT, clause, parent, index))
        del siblings[index]
        clause.parent = None
        self.notify(ChangeEvent(Change.REMOVE, Phase.DONE, clause, parent, index))
        return parent, index

    def move(self, clause: Clause, new_parent: Clause | None, new_index: int) -> tuple[Clause | None, int]:
        """Move `clause` under `new_parent` at `new_index` (counted after it is taken out);
        gives the parent and index it had."""
        parent = clause.parent
        siblings = self.children_of(parent)
        index = clause.index_in_parent(siblings)
        place = (clause, parent, index, new_parent, new_index)
        self.notify(ChangeEvent(Change.MOVE, Phase.ABOUT, *place))
        del siblings[index]
        self.children_of(new_parent).insert(new_index, clause)
        clause.parent = new_parent
        self.notify(ChangeEvent(Change.MOVE, Phase.DONE, *place))
        return parent, index

    def set_field(self, clause: Clause, name: str, value: Any) -> None:
        """Set a clause's label, heading, text or kind."""
        self.notify(ChangeEvent(Change.UPDATE, Phase.ABOUT, clause, field=name))
        setattr(clause, name, value)
        self.notify(ChangeEvent(Change.UPDATE, Phase.DONE, clause, field=name))

    def set_metadata(self, name: str, value: Any) -> None:
        """Set one metadata field."""
        self.notify(ChangeEvent(Change.METADATA, Phase.ABOUT, field=name))
        setattr(self.metadata, name, value)
        self.notify(ChangeEvent(Change.METADATA, Phase.DONE, field=name))

    def copy(self) -> Policy:
        """A deep copy with the same ids and document id (listeners not copied)."""
        copied = Policy(self.metadata.copy(), [c.copy() for c in self.clauses], self.document_id)
        copied.metadata_lines = dict(self.metadata_lines)
        return copied
