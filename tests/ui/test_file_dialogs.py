"""The window's Open dialogs list what the format table reads: a new reader is one line there."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from plutoeditor import file_formats
from plutoeditor.file_formats import READERS, Reader
from plutoeditor.model import Clause, Policy
from plutoeditor.ui.editor.open_document import Document


def read_rtf(path):  # type: ignore[no-untyped-def]
    """A stand-in RTF reader: one clause holding the file's text."""
    return Policy(clauses=[Clause(label="1.", text=path.read_text(encoding="utf-8").strip("{}"))])


def test_the_open_dialogs_list_every_reader_and_open_what_it_reads(make_window, monkeypatch, tmp_path):
    rtf = Reader("rtf", "Rich Text", (".rtf",), "tests.ui.test_file_dialogs:read_rtf")
    monkeypatch.setattr(file_formats, "READERS", (*READERS, rtf))
    source = tmp_path / "policy.rtf"
    source.write_text("{We keep your data.}", encoding="utf-8")
    offered: list[str] = []

    def choose(parent, title, folder, filters, *args, **kwargs):  # type: ignore[no-untyped-def]
        offered.append(filters)
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window = make_window()
    window.actions_["file.open"].trigger()
    everything, *each = offered[0].split(";;")
    assert everything.startswith("Policies and importable files (") and "*.rtf" in everything
    assert "Rich Text (*.rtf)" in each and "Word documents (*.docx)" in each
    assert window.document is not None and window.document.policy.clauses[0].text == "We keep your data."
    window.set_document(Document(Policy(clauses=[Clause(label="1.", text="Scope.")]), unsaved=True))
    monkeypatch.setattr(window.publishing, "compare_with", lambda other: None)
    monkeypatch.setattr(window.summary_drafting, "draft_from", lambda other: None)
    window.actions_["file.compare"].trigger()
    window.actions_["file.draft_summary"].trigger()
    assert len(offered) == 3 and all("*.rtf" in filters.split(";;")[0] for filters in offered[1:])
