"""The Open, Compare With and Previous Version dialogs' filters, built from the format table:
every file `file_formats.READERS` reads is listed, so a new reader shows in every dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from plutoeditor import file_formats
from plutoeditor.file_formats import Reader


def _patterns(reader: Reader) -> str:
    return " ".join(f"*{suffix}" for suffix in reader.shown or reader.suffixes)


def _label(reader: Reader) -> str:
    """What a dialog calls the reader's files (a new reader: its description, untranslated)."""
    labels = {
        "native": QCoreApplication.translate("FileDialogs", "PlutoEditor policies"),
        "text": QCoreApplication.translate("FileDialogs", "Text and Markdown"),
        "docx": QCoreApplication.translate("FileDialogs", "Word documents"),
    }
    return labels.get(reader.name, reader.description)


def importable_filter() -> str:
    """One filter for every file PlutoEditor opens."""
    every = " ".join(_patterns(reader) for reader in file_formats.READERS)
    label = QCoreApplication.translate("FileDialogs", "Policies and importable files")
    return f"{label} ({every})"


def open_filters() -> str:
    """Every file it opens, then each reader's files, then all files (File > Open)."""
    filters = [
        importable_filter(),
        *(f"{_label(reader)} ({_patterns(reader)})" for reader in file_formats.READERS),
    ]
    filters.append(QCoreApplication.translate("FileDialogs", "All files (*)"))
    return ";;".join(filters)
