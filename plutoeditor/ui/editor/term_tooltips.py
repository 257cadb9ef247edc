"""Hovering a defined term in a clause's text shows its definition in a tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from plutoeditor.checks.terms_index import term_index
from plutoeditor.checks.terms_search import same_term
from plutoeditor.model.policy import Policy


def definition_at(policy: Policy, text: str, position: int) -> str | None:
    """'Term: meaning' for the defined term used at `position` of `text`, or None."""
    index = term_index(policy)
    for start, end, written, name in index.find_uses(text):
        if start <= position < end:
            form = name if len(written) == len(name) else name[: len(written)]
            definitions = index.by_name.get(name)
            if not definitions or not same_term(written, form):
                return None
            first = definitions[0]
            meaning = " ".join(first.meaning.split())
            if len(meaning) > 400:
                meaning = meaning[:399].rstrip() + "…"
            return f"{first.term}: {meaning}" if meaning else first.term
        if start > position:
            break
    return None


class TermTooltips(QObject):
    """An event filter for a text edit's viewport: a tooltip with the definition of the term
    under the mouse (`policy()` gives the document's policy, None when there is none)."""

    def __init__(self, edit: QPlainTextEdit, policy: Callable[[], Policy | None]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.policy = policy
        edit.viewport().installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        policy = self.policy()
        if policy is None:
            return False
        position = self.edit.cursorForPosition(event.pos()).position()
        tip = definition_at(policy, self.edit.toPlainText(), position)
        if tip is None:
            QToolTip.hideText()
            return False
        QToolTip.showText(event.globalPos(), tip, self.edit.viewport())
        return True
