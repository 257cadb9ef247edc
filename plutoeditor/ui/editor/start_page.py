"""What the window shows when no policy is open: New, Open, Open recent, Open sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    """A calm start page; each button emits what the user asked for."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("PlutoEditor"))
        font = QFont(title.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Write, check, compare and publish policies."))
        subtitle.setStyleSheet("color: #555;")
        new = QPushButton(self.tr("New Policy"))
        open_ = QPushButton(self.tr("Open…"))
        sample = QPushButton(self.tr("Open Sample Policy"))
        for button in (new, open_, sample):
            button.setMinimumHeight(34)
        new.clicked.connect(self.new_requested)
        open_.clicked.connect(self.open_requested)
        sample.clicked.connect(self.sample_requested)
        self.recent = QListWidget()
        self.recent.setMaximumHeight(260)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.recent_label = QLabel(self.tr("Open &recent"))
        self.recent_label.setBuddy(self.recent)
        buttons = QHBoxLayout()
        for button in (new, open_, sample):
            buttons.addWidget(button)
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(18)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)

    def set_recent_files(self, files: list[str]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(f"{Path(path).name}    —    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(files))
        self.recent_label.setVisible(bool(files))
