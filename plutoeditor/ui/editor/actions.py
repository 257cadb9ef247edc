"""Every action of the editor window, with its stable id, and its menus and toolbar, for the
registry in `ui/common/actions.py` to build."""

from __future__ import annotations

from plutoeditor.ui.common.actions import SK, SP, ActionSpec
from plutoeditor.ui.common.translations import QT_TRANSLATE_NOOP

SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "file.new",
        QT_TRANSLATE_NOOP("Actions", "&New"),
        QT_TRANSLATE_NOOP("Actions", "Start a new, empty policy"),
        SK.New,
        SP.SP_FileIcon,
        short=QT_TRANSLATE_NOOP("Actions", "New"),
    ),
    ActionSpec(
        "file.open",
        QT_TRANSLATE_NOOP("Actions", "&Open…"),
        QT_TRANSLATE_NOOP("Actions", "Open a policy, or import a text, Markdown or Word file"),
        SK.Open,
        SP.SP_DialogOpenButton,
        short=QT_TRANSLATE_NOOP("Actions", "Open"),
    ),
    ActionSpec(
        "file.open_sample",
        QT_TRANSLATE_NOOP("Actions", "Open Sa&mple Policy"),
        QT_TRANSLATE_NOOP("Actions", "Open the bundled sample privacy policy"),
    ),
    ActionSpec(
        "file.save",
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        QT_TRANSLATE_NOOP("Actions", "Save the policy (as a .policy.yaml file)"),
        SK.Save,
        SP.SP_DialogSaveButton,
        short=QT_TRANSLATE_NOOP("Actions", "Save"),
    ),
    ActionSpec(
        "file.save_as",
        QT_TRANSLATE_NOOP("Actions", "Save &As…"),
        QT_TRANSLATE_NOOP("Actions", "Save the policy under a new name"),
        SK.SaveAs,
    ),
    ActionSpec(
        "file.revert",
        QT_TRANSLATE_NOOP("Actions", "Re&vert to Saved"),
        QT_TRANSLATE_NOOP("Actions", "Discard unsaved changes and reload the file"),
    ),
    ActionSpec(
        "file.export_docx",
        QT_TRANSLATE_NOOP("Actions", "Export as &Word…"),
        QT_TRANSLATE_NOOP("Actions", "Write a .docx copy of the policy"),
    ),
    ActionSpec(
        "file.export_html",
        QT_TRANSLATE_NOOP("Actions", "Export as &HTML…"),
        QT_TRANSLATE_NOOP("Actions", "Write a web page of the policy"),
    ),
    ActionSpec(
        "file.export_pdf",
        QT_TRANSLATE_NOOP("Actions", "Export as &PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Write a PDF of the policy"),
    ),
    ActionSpec(
        "file.print_preview",
        QT_TRANSLATE_NOOP("Actions", "Prin&t Preview…"),
        QT_TRANSLATE_NOOP("Actions", "See the printed pages: the same pages as the PDF"),
    ),
    ActionSpec(
        "file.print",
        QT_TRANSLATE_NOOP("Actions", "Pr&int…"),
        QT_TRANSLATE_NOOP("Actions", "Print the policy as it is published"),
        SK.Print,
    ),
    ActionSpec(
        "file.compare",
        QT_TRANSLATE_NOOP("Actions", "Compar&e With…"),
        QT_TRANSLATE_NOOP("Actions", "Compare this policy with another version"),
    ),
    ActionSpec(
        "file.draft_summary",
        QT_TRANSLATE_NOOP("Actions", "&Draft Summary from Previous Version…"),
        QT_TRANSLATE_NOOP("Actions", "Fill the summary of changes by comparing with the previous version"),
    ),
    ActionSpec(
        "file.close",
        QT_TRANSLATE_NOOP("Actions", "&Close"),
        QT_TRANSLATE_NOOP("Actions", "Close the policy"),
        SK.Close,
    ),
    ActionSpec(
        "file.quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Quit PlutoEditor"),
        SK.Quit,
    ),
    # Edit
    ActionSpec(
        "edit.undo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        QT_TRANSLATE_NOOP("Actions", "Undo the last change"),
        SK.Undo,
        SP.SP_ArrowBack,
        short=QT_TRANSLATE_NOOP("Actions", "Undo"),
    ),
    ActionSpec(
        "edit.redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        QT_TRANSLATE_NOOP("Actions", "Redo the change just undone"),
        SK.Redo,
        SP.SP_ArrowForward,
        short=QT_TRANSLATE_NOOP("Actions", "Redo"),
    ),
    ActionSpec(
        "edit.find",
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        QT_TRANSLATE_NOOP("Actions", "Find text in every clause"),
        SK.Find,
    ),
    ActionSpec(
        "edit.replace",
        QT_TRANSLATE_NOOP("Actions", "R&eplace…"),
        QT_TRANSLATE_NOOP("Actions", "Find and replace text in every clause"),
        SK.Replace,
    ),
    ActionSpec(
        "edit.find_next",
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next match"),
        SK.FindNext,
    ),
    ActionSpec(
        "edit.find_previous",
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous match"),
        SK.FindPrevious,
    ),
    ActionSpec(
        "edit.rename_term",
        QT_TRANSLATE_NOOP("Actions", "Rename &Term…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Rename the defined term under the cursor, in its definition and every use"
        ),
        "F2",
    ),
    # Clause
    ActionSpec(
        "clause.add_after",
        QT_TRANSLATE_NOOP("Actions", "Add Clause &After"),
        QT_TRANSLATE_NOOP("Actions", "Insert a new clause after the selected one"),
        "Ctrl+Return",
        SP.SP_FileDialogNewFolder,
        short=QT_TRANSLATE_NOOP("Actions", "Add"),
    ),
    ActionSpec(
        "clause.add_child",
        QT_TRANSLATE_NOOP("Actions", "Add C&hild Clause"),
        QT_TRANSLATE_NOOP("Actions", "Insert a new clause inside the selected one"),
        "Ctrl+Shift+Return",
    ),
    ActionSpec(
        "clause.delete",
        QT_TRANSLATE_NOOP("Actions", "&Delete Clause"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected clause and its sub-clauses"),
        "Ctrl+Shift+Delete",
        SP.SP_TrashIcon,
        short=QT_TRANSLATE_NOOP("Actions", "Delete"),
    ),
    ActionSpec(
        "clause.move_up",
        QT_TRANSLATE_NOOP("Actions", "Move &Up"),
        QT_TRANSLATE_NOOP("Actions", "Move the clause before its previous sibling"),
        "Alt+Shift+Up",
        SP.SP_ArrowUp,
        short=QT_TRANSLATE_NOOP("Actions", "Up"),
    ),
    ActionSpec(
        "clause.move_down",
        QT_TRANSLATE_NOOP("Actions", "Move Do&wn"),
        QT_TRANSLATE_NOOP("Actions", "Move the clause after its next sibling"),
        "Alt+Shift+Down",
        SP.SP_ArrowDown,
        short=QT_TRANSLATE_NOOP("Actions", "Down"),
    ),
    ActionSpec(
        "clause.indent",
        QT_TRANSLATE_NOOP("Actions", "&Indent"),
        QT_TRANSLATE_NOOP(
            "Actions", "Make the clause a sub-clause of the one before it (Tab in the outline)"
        ),
        "Alt+Shift+Right",
        SP.SP_ArrowRight,
        short=QT_TRANSLATE_NOOP("Actions", "Indent"),
    ),
    ActionSpec(
        "clause.outdent",
        QT_TRANSLATE_NOOP("Actions", "&Outdent"),
        QT_TRANSLATE_NOOP("Actions", "Move the clause up one level (Shift+Tab in the outline)"),
        "Alt+Shift+Left",
        SP.SP_ArrowLeft,
        short=QT_TRANSLATE_NOOP("Actions", "Outdent"),
    ),
    ActionSpec(
        "clause.split",
        QT_TRANSLATE_NOOP("Actions", "&Split at Cursor"),
        QT_TRANSLATE_NOOP("Actions", "Split the clause text at the cursor into two clauses"),
        "Ctrl+Alt+S",
    ),
    ActionSpec(
        "clause.merge",
        QT_TRANSLATE_NOOP("Actions", "&Merge With Next"),
        QT_TRANSLATE_NOOP("Actions", "Join the next clause onto this one"),
        "Ctrl+Shift+M",
    ),
    ActionSpec(
        "clause.renumber",
        QT_TRANSLATE_NOOP("Actions", "&Renumber Document"),
        QT_TRANSLATE_NOOP(
            "Actions", "Relabel every clause to the number its position calls for; references follow"
        ),
        "Ctrl+Shift+R",
        SP.SP_BrowserReload,
        short=QT_TRANSLATE_NOOP("Actions", "Renumber"),
    ),
    # Findings
    ActionSpec(
        "findings.refresh",
        QT_TRANSLATE_NOOP("Actions", "&Check Now"),
        QT_TRANSLATE_NOOP("Actions", "Run the checks now"),
        SK.Refresh,
    ),
    ActionSpec(
        "findings.fix",
        QT_TRANSLATE_NOOP("Actions", "Apply &Fix"),
        QT_TRANSLATE_NOOP("Actions", "Apply the suggested fix for the selected finding"),
        "Ctrl+.",
    ),
    ActionSpec(
        "findings.next",
        QT_TRANSLATE_NOOP("Actions", "&Next Finding"),
        QT_TRANSLATE_NOOP("Actions", "Go to the next finding's clause"),
        "F8",
    ),
    ActionSpec(
        "findings.previous",
        QT_TRANSLATE_NOOP("Actions", "&Previous Finding"),
        QT_TRANSLATE_NOOP("Actions", "Go to the previous finding's clause"),
        "Shift+F8",
    ),
    # View
    ActionSpec(
        "view.next_pane",
        QT_TRANSLATE_NOOP("Actions", "Next &Pane"),
        QT_TRANSLATE_NOOP(
            "Actions", "Move the keyboard to the next pane: outline, clause, findings, policy details"
        ),
        "F6",
    ),
    ActionSpec(
        "view.previous_pane",
        QT_TRANSLATE_NOOP("Actions", "Pre&vious Pane"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard to the previous pane"),
        "Shift+F6",
    ),
    # Help
    ActionSpec(
        "help.about",
        QT_TRANSLATE_NOOP("Actions", "&About PlutoEditor"),
        QT_TRANSLATE_NOOP("Actions", "Version and licences"),
    ),
)

#: Menus in order: (title, action ids); None is a separator, "recent" the Open Recent submenu.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        (
            "file.new",
            "file.open",
            "recent",
            "file.open_sample",
            None,
            "file.save",
            "file.save_as",
            "file.revert",
            None,
            "file.export_docx",
            "file.export_html",
            "file.export_pdf",
            None,
            "file.print_preview",
            "file.print",
            None,
            "file.compare",
            "file.draft_summary",
            None,
            "file.close",
            "file.quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        (
            "edit.undo",
            "edit.redo",
            None,
            "edit.find",
            "edit.replace",
            "edit.find_next",
            "edit.find_previous",
            None,
            "edit.rename_term",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Clause"),
        (
            "clause.add_after",
            "clause.add_child",
            "clause.delete",
            None,
            "clause.move_up",
            "clause.move_down",
            "clause.indent",
            "clause.outdent",
            None,
            "clause.split",
            "clause.merge",
            None,
            "clause.renumber",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "Fin&dings"),
        ("findings.next", "findings.previous", None, "findings.refresh", "findings.fix"),
    ),
    (QT_TRANSLATE_NOOP("Actions", "&View"), ("view.next_pane", "view.previous_pane", None, "docks")),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ("help.about",)),
)

TOOLBAR: tuple[str | None, ...] = (
    "file.new",
    "file.open",
    "file.save",
    None,
    "edit.undo",
    "edit.redo",
    None,
    "clause.add_after",
    "clause.delete",
    "clause.move_up",
    "clause.move_down",
    "clause.outdent",
    "clause.indent",
    None,
    "clause.renumber",
)
