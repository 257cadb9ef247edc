"""Whatever PlutoEditor writes, it opens: the same limits for writing and reading."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from plutoeditor.cli.main import main
from plutoeditor.file_formats import open_policy
from plutoeditor.formats import limits, native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model.notation import parse_tree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from policygen import generate_policy  # noqa: E402

WORDS = "we may process your personal data for the purposes described in this policy".split()


def long_paragraphs_text(size: int) -> str:
    """A plain-text policy of about `size` bytes: a title and numbered one-line paragraphs."""
    rng = random.Random(7)
    out, total, number = ["Privacy Policy", ""], 16, 0
    while total < size:
        number += 1
        words = min(60_000, max(1, (size - total) // 6))
        paragraph = f"{number}. " + " ".join(rng.choice(WORDS) for _ in range(words)) + "."
        out += [paragraph, ""]
        total += len(paragraph) + 2
    return "\n".join(out)


@pytest.mark.slow
def test_a_text_just_under_the_import_limit_imports_saves_and_opens(tmp_path, capsys):
    source = tmp_path / "big.txt"
    source.write_text(long_paragraphs_text(int(19.9 * 2**20)), encoding="utf-8")
    assert source.stat().st_size <= limits.MAX_IMPORT_BYTES
    target = tmp_path / "big.policy.yaml"
    assert main(["import", str(source), "-o", str(target)]) == 0
    assert target.stat().st_size > 20 * 2**20  # larger than the old limit for every file
    assert main(["check", str(target)]) in (0, 1)
    assert "too large" not in capsys.readouterr().err


def test_saving_refuses_a_file_it_could_not_open_and_keeps_the_old_one(tmp_path, monkeypatch):
    path = tmp_path / "p.policy.yaml"
    policy = generate_policy(200, seed=2)
    native.save(policy, path)
    before = path.read_bytes()
    monkeypatch.setattr(limits, "MAX_NATIVE_BYTES", len(before) // 2)
    monkeypatch.setattr(limits, "MAX_FULL_YAML_BYTES", len(before) // 4)
    with pytest.raises(ValueError, match="PlutoEditor opens policy files of up to"):
        native.save(policy, path)
    assert path.read_bytes() == before


def test_an_import_that_would_make_a_file_too_large_is_refused_at_import(tmp_path, monkeypatch):
    source = tmp_path / "long.txt"
    source.write_text(long_paragraphs_text(200_000), encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_NATIVE_BYTES", 100_000)
    monkeypatch.setattr(limits, "MAX_FULL_YAML_BYTES", 50_000)
    with pytest.raises(PolicyFileError) as info:
        open_policy(source)
    assert str(info.value).startswith(f"{source}: too large to import: its policy file would be")


def test_a_file_only_the_full_yaml_loader_reads_keeps_the_smaller_limit(tmp_path, monkeypatch):
    path = tmp_path / "p.policy.yaml"
    native.save(generate_policy(100, seed=2), path)
    text = path.read_text(encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FULL_YAML_BYTES", len(text) // 2)
    assert len(native.load(path)) > 0  # the form PlutoEditor writes: read up to 64 MiB
    path.write_text("# edited by hand\n" + text, encoding="utf-8")
    with pytest.raises(PolicyFileError, match="not in the form PlutoEditor writes"):
        native.load(path)


def test_an_overlong_title_is_cut_on_import_with_a_note(tmp_path):
    source = tmp_path / "policy.md"
    source.write_text("# " + "Privacy " * 200 + "\n\n1. We keep your data safe.\n", encoding="utf-8")
    policy = open_policy(source)
    assert len(policy.metadata.title) <= limits.METADATA_CHARS["title"]
    if len(policy.metadata.title) == limits.METADATA_CHARS["title"]:
        assert any("title was cut" in note for note in policy.import_notes)


def test_an_overlong_field_typed_in_the_editor_still_saves_cut_to_the_schema(tmp_path):
    policy = parse_tree("[1] Scope | We keep your data safe.\n")
    policy.metadata.title = "T" * 5_000_000
    policy.metadata.summary_of_changes = ["x" * 3000] * 300
    path = tmp_path / "p.policy.yaml"
    native.save(policy, path)
    loaded = native.load(path)
    assert loaded.metadata.title == "T" * limits.METADATA_CHARS["title"]
    assert len(loaded.metadata.summary_of_changes) == limits.MAX_CHANGES
    assert policy.metadata.title == "T" * 5_000_000  # the open document is left alone


def test_a_file_with_an_overlong_title_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "p.policy.yaml"
    native.save(parse_tree("[1] Scope | text\n"), path)
    text = path.read_text(encoding="utf-8").replace("  title: ''", "  title: " + "x" * 501)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    assert "metadata/title" in str(info.value)
    assert info.value.line == text.splitlines().index("  title: " + "x" * 501) + 1


def test_the_schema_states_the_limits_the_code_applies():
    properties = native.schema()["$defs"]["metadata"]["properties"]
    for name, chars in limits.METADATA_CHARS.items():
        assert properties[name]["maxLength"] == chars
    assert properties["summary_of_changes"]["maxItems"] == limits.MAX_CHANGES
    assert properties["summary_of_changes"]["items"]["maxLength"] == limits.MAX_CHANGE_CHARS


@pytest.mark.parametrize("text", ["plain", "it's " * 500, "tab\tand emoji 😀 " * 300, "a\n\nb " * 400])
def test_the_size_bound_is_never_below_the_real_size(text):
    policy = parse_tree("[1] Scope | x\n  [1.1] Sub | y\n    [1.1.1] Deep | z\n")
    for clause in policy.walk():
        clause.text = text
        clause.heading = text[:80]
    assert limits.native_size_bound(policy) >= len(native.dumps(policy).encode("utf-8"))
