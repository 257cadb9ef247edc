"""Links from each use of a defined term to its definition, for the HTML export.

A use is linked to the clause that defines the term (`#clause-<id>`, the permanent anchor);
uses inside the definition itself and words in another case are not linked. Every piece of
text is escaped; only the anchors' own markup is written.
"""

from __future__ import annotations

import html

from plutoeditor.checks.terms_index import TermIndex
from plutoeditor.checks.terms_search import same_term
from plutoeditor.export.page_text import clause_anchor, without_controls
from plutoeditor.model.clause import Clause
from plutoeditor.model.policy import Policy


def _e(text: str) -> str:
    return html.escape(without_controls(text), quote=True)


class TermLinks:
    """The defined terms of one policy, ready to link their uses in paragraphs of text."""

    def __init__(self, policy: Policy) -> None:
        self.index = TermIndex(policy, checking=False)  # its own: the export runs on a snapshot
        self.index.refresh()
        self._target: dict[str, tuple[str, str]] = {}  # name -> (anchor, term as defined)
        for definition in self.index.definitions:
            clause = policy.find(definition.clause_id)
            if clause is None:
                continue
            for name in definition.names:
                self._target.setdefault(name, (clause_anchor(clause), definition.term))
        self._defining = {d.clause_id: set(d.names) for d in self.index.definitions}

    def paragraph(self, text: str, clause: Clause) -> str:
        """One paragraph of a clause as escaped HTML, its uses of defined terms linked."""
        if not self._target or not text:
            return _e(text)
        own = self._defining.get(clause.id, set())
        out, at = [], 0
        for start, end, written, name in self.index.find_uses(text):
            target = self._target.get(name)
            form = name if len(written) == len(name) else name[: len(written)]
            if target is None or name in own or not same_term(written, form):
                continue
            anchor, term = target
            out.append(_e(text[at:start]))
            out.append(f'<a class="term" href="#{_e(anchor)}" title="{_e(term)}">{_e(text[start:end])}</a>')
            at = end
        out.append(_e(text[at:]))
        return "".join(out)
