"""Find and replace across every clause's heading and text (Ctrl+F / Ctrl+H).

Matches are found in document order; replacing is a SetClauseField (one undo step), and
"Replace All" is one Batch, so a single undo brings every clause back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from plutoeditor.model import Policy
from plutoeditor.model.operations import Batch, Operation, SetClauseField

FIELDS = ("heading", "text")


@dataclass(frozen=True)
class Match:
    """One occurrence of the search text: which clause, which field, where."""

    clause_id: str
    field: str
    start: int
    end: int


def find_matches(policy: Policy, needle: str, match_case: bool = False) -> list[Match]:
    """Every occurrence of `needle` in clause headings and texts, in document order."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    matches = []
    for clause in policy.walk():
        for field in FIELDS:
            for m in pattern.finditer(getattr(clause, field)):
                matches.append(Match(clause.id, field, m.start(), m.end()))
    return matches


def replace_all(policy: Policy, needle: str, replacement: str, match_case: bool = False) -> Operation | None:
    """One Batch replacing every occurrence, or None when there is none."""
    if not needle:
        return None
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    ops: list[Operation] = []
    for clause in policy.walk():
        for field in FIELDS:
            value = getattr(clause, field)
            new = pattern.sub(lambda _m: replacement, value)
            if new != value:
                ops.append(SetClauseField(clause.id, field, new, name="Replace"))
    return Batch(ops, name="Replace all") if ops else None


class FindBar(QWidget):
    """The find/replace bar above the clause editor."""

    #: a match to show: the window selects its clause and the text
    match_selected = Signal(object)
    #: the user closed the bar (Esc or ✕) while the keyboard was in it: focus goes back
    closed = Signal()
    #: what is searched for now and whether case matters ("" when the bar closes), for the
    #: Document view to highlight every match
    searched = Signal(str, bool)

    def __init__(
        self, policy_getter: Callable[[], Policy | None], push: Callable[[Operation], None], parent=None
    ):
        super().__init__(parent)
        self._policy = policy_getter
        self._push = push
        self._current = -1
        self.find_edit = QLineEdit(placeholderText=self.tr("Find in all clauses"))
        self.replace_edit = QLineEdit(placeholderText=self.tr("Replace with"))
        self.match_case = QCheckBox(self.tr("Match case"))
        self.status = QLabel()
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("888 of 888"))
        # Arrows, not words, for previous / next, so the search field keeps its width in a
        # narrow editor column (the outline and the details panel share a 1024 px screen).
        previous = QToolButton()
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.setArrowType(Qt.ArrowType.UpArrow)
        previous.setAccessibleName(self.tr("Previous match"))
        following = QToolButton()
        following.setToolTip(self.tr("Next match (F3)"))
        following.setArrowType(Qt.ArrowType.DownArrow)
        following.setAccessibleName(self.tr("Next match"))
        self.previous_button, self.next_button = previous, following
        for edit in (self.find_edit, self.replace_edit):
            edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace All"))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 2)
        find_caption = QLabel(self.tr("Find:"))
        find_caption.setBuddy(self.find_edit)
        grid.addWidget(find_caption, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(previous, 0, 2)
        grid.addWidget(following, 0, 3)
        grid.addWidget(self.match_case, 0, 4)
        grid.addWidget(self.status, 0, 5)
        grid.addWidget(close, 0, 6)
        close.setAccessibleName(self.tr("Close the find bar"))
        self.replace_label = QLabel(self.tr("Replace:"))
        self.replace_label.setBuddy(self.replace_edit)
        grid.addWidget(self.replace_label, 1, 0)
        # The replace field spans the arrows' columns; its buttons sit under Match case and
        # the count, so neither row forces the other's columns wide.
        grid.addWidget(self.replace_edit, 1, 1, 1, 3)
        grid.addWidget(self.replace_button, 1, 4)
        grid.addWidget(self.replace_all_button, 1, 5)
        grid.setColumnStretch(1, 1)
        self.find_edit.textChanged.connect(self._restart)
        self.match_case.toggled.connect(self._restart)
        self.find_edit.returnPressed.connect(self.find_next)
        following.clicked.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everything)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open(self, replace: bool = False, text: str = "") -> None:
        """Show the bar (with the replace row for Ctrl+H) and focus the search field."""
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        if text:
            self.find_edit.setText(text)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.searched.emit(self.find_edit.text(), self.match_case.isChecked())

    def close_bar(self) -> None:
        """Hide the bar; when the keyboard was in it, say so, so the window can take it back."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        self.hide()
        self.searched.emit("", False)
        if had_focus:
            self.closed.emit()

    def current_match(self) -> Match | None:
        """The match last shown (Next / Previous), if it is still there."""
        matches = self.matches()
        return matches[self._current] if 0 <= self._current < len(matches) else None

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def matches(self) -> list[Match]:
        policy = self._policy()
        if policy is None:
            return []
        return find_matches(policy, self.find_edit.text(), self.match_case.isChecked())

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def replace_current(self) -> None:
        """Replace the current match (if it is still there) and go to the next one."""
        matches = self.matches()
        policy = self._policy()
        if policy is None or not (0 <= self._current < len(matches)):
            self.find_next()
            return
        match = matches[self._current]
        clause = policy.find(match.clause_id)
        if clause is None:
            return
        value = getattr(clause, match.field)
        new = value[: match.start] + self.replace_edit.text() + value[match.end :]
        self._push(SetClauseField(clause.id, match.field, new, name=self.tr("Replace")))
        self._current -= 1
        self.find_next()

    def replace_everything(self) -> None:
        policy = self._policy()
        if policy is None:
            return
        count = len(self.matches())
        op = replace_all(policy, self.find_edit.text(), self.replace_edit.text(), self.match_case.isChecked())
        if op is not None:
            op.name = self.tr("Replace all")  # what Edit > Undo says
            self._push(op)
        self.status.setText(self.tr("{0} replaced").format(count))
        self._current = -1

    def _restart(self) -> None:
        self._current = -1
        self.searched.emit(self.find_edit.text(), self.match_case.isChecked())
        count = len(self.matches())
        self.status.setText(self.tr("{0} matches").format(count) if self.find_edit.text() else "")

    def _step(self, delta: int) -> None:
        matches = self.matches()
        if not matches:
            self.status.setText(self.tr("Not found") if self.find_edit.text() else "")
            return
        self._current = (self._current + delta) % len(matches)
        self.status.setText(self.tr("{0} of {1}").format(self._current + 1, len(matches)))
        self.match_selected.emit(matches[self._current])
