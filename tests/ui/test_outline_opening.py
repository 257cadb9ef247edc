"""Opening a document in the outline: which sections start expanded and how wide the label
column is (both now computed without walking every clause of a big policy)."""

from __future__ import annotations

import pytest

from plutoeditor.formats import native
from plutoeditor.importers.text import import_text
from plutoeditor.ui.editor import outline_view

TEXT = "\n\n".join(
    [
        "Northwind Rules",
        "1 Scope",
        "1.1 These rules apply to staff.",
        "1.2 They apply to contractors.",
        "2 Records",
        "2.1 Keep records.",
        "2.1.1 Keep them for six years.",
        "2.1.1.1 Unless the law asks for longer, in which case keep them longer.",
        "3 Review",
        "3.1 We review these rules every year.",
    ]
)


@pytest.fixture
def opened(window, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    def open_with_limit(limit: int):  # type: ignore[no-untyped-def]
        outline_view.EXPAND_ALL_LIMIT = limit
        path = tmp_path / "rules.policy.yaml"
        native.save(import_text(TEXT), path)
        window.files.open_path(str(path), ask=False)
        window.show()
        qtbot.waitUntil(lambda: window.document is not None)
        return window

    saved = outline_view.EXPAND_ALL_LIMIT
    yield open_with_limit
    outline_view.EXPAND_ALL_LIMIT = saved


def _expanded(window) -> list[str]:  # type: ignore[no-untyped-def]
    outline = window.document.outline
    return [
        c.label.strip()
        for c in window.document.policy.walk()
        if c.children and window.outline.isExpanded(outline.index_of(c))
    ]


def test_a_policy_within_the_limit_opens_fully_expanded(opened) -> None:
    window = opened(9)  # 9 clauses: at the limit
    assert len(window.document.policy) == 9
    assert _expanded(window) == ["1", "2", "2.1", "2.1.1", "3"]


def test_a_bigger_policy_opens_with_only_its_first_section_expanded(opened) -> None:
    window = opened(8)  # one clause over the limit
    assert _expanded(window) == ["1"]


def test_the_label_column_fits_the_widest_label(opened) -> None:
    window = opened(100)
    view = window.outline
    policy = window.document.policy
    needed = max(
        (depth + 1) * view.indentation()
        + (22 if window.document.outline.findings_for(clause) else 0)
        + view.fontMetrics().horizontalAdvance(window.document.outline.label_text(clause))
        for clause, depth in policy.walk_with_depth()
    )
    assert view.header().sectionSize(0) >= min(needed, 300)
    assert view.header().sectionSize(0) <= min(needed + 40, 300)
