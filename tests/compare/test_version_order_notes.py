"""Versions given the wrong way round: `diff` notes it on stderr, the window says so."""

from __future__ import annotations

import datetime as dt

from plutoeditor.cli.main import main
from plutoeditor.formats import native
from plutoeditor.model.notation import parse_tree


def _save(tmp_path, name, notation, date):
    policy = parse_tree(notation)
    policy.metadata.title = "Terms"
    policy.metadata.effective_date = date
    path = tmp_path / name
    native.save(policy, path)
    return str(path)


def test_diff_notes_an_old_version_that_takes_effect_after_the_new(tmp_path, capsys):
    later = _save(tmp_path, "later.policy.yaml", "[1] Scope | These terms apply to you.", dt.date(2023, 6, 7))
    earlier = _save(tmp_path, "earlier.policy.yaml", "[1] Scope | These terms apply.", dt.date(2022, 11, 21))
    assert main(["diff", later, earlier]) == 1
    err = capsys.readouterr().err
    assert "takes effect on 7 June 2023, after" in err and "21 November 2022" in err
    assert main(["diff", earlier, later]) == 1
    assert "takes effect" not in capsys.readouterr().err
