"""The native YAML format: validated, readable, byte-stable, safe."""

from __future__ import annotations

import datetime as dt

import pytest

from plutoeditor.formats import native
from plutoeditor.formats.errors import PolicyFileError
from plutoeditor.model.notation import parse_tree


def sample_policy():
    policy = parse_tree(
        "[1] Definitions |\n"
        "  def [] Personal Data | any information relating to you\n"
        "[2] Who we are | We are “Example Ltd” – a company.\\nSecond paragraph.\n"
        "sched [Schedule 1] Cookies |\n"
        "  [1] Strictly necessary cookies.\n"
    )
    policy.metadata.title = "Privacy Policy"
    policy.metadata.effective_date = dt.date(2022, 11, 21)
    policy.metadata.summary_of_changes = ["Legal entity name change", "Contact number updated"]
    return policy


def test_save_load_save_is_byte_identical(tmp_path):
    path = tmp_path / "p.policy.yaml"
    native.save(sample_policy(), path)
    first = path.read_bytes()
    native.save(native.load(path), path)
    assert path.read_bytes() == first
    text = first.decode()
    assert "“Example Ltd” – a company." in text  # Unicode kept as is
    assert "text: |" in text  # multi-paragraph text as a literal block
    assert text.index("metadata:") < text.index("clauses:")


def test_round_trip_keeps_tree(tmp_path):
    policy = sample_policy()
    path = tmp_path / "p.policy.yaml"
    native.save(policy, path)
    loaded = native.load(path)
    assert [c.id for c in loaded.walk()] == [c.id for c in policy.walk()]
    assert loaded.metadata == policy.metadata
    assert loaded.document_id == policy.document_id
    assert [c.kind.value for c in loaded.walk()] == ["clause", "definition", "clause", "schedule", "clause"]


def test_schema_violation_names_path_and_line(tmp_path):
    path = tmp_path / "bad.policy.yaml"
    native.save(sample_policy(), path)
    text = path.read_text().replace("effective_date: '2022-11-21'", "effective_date: 21 Nov 2022")
    path.write_text(text)
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    err = info.value
    assert "metadata/effective_date" in str(err)
    assert err.line == text.splitlines().index("  effective_date: 21 Nov 2022") + 1
    assert str(err).startswith(f"{path}:{err.line}: ")


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"metadata: [unclosed\n", "invalid YAML"),
        (b"!!python/object/apply:os.system ['echo pwned']\n", "tag not allowed"),
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"title: caf\xe9\n", "not valid UTF-8"),
        (b"- just\n- a list\n", "not a policy file"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, fragment):
    path = tmp_path / "bad.policy.yaml"
    path.write_bytes(content)
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    message = str(info.value)
    assert fragment in message and str(path) in message and "\n" not in message


def test_schema_file_is_valid_2020_12():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(native.schema())


def test_failed_save_leaves_old_file(tmp_path):
    path = tmp_path / "p.policy.yaml"
    native.save(sample_policy(), path)
    before = path.read_bytes()
    broken = sample_policy()
    broken.clauses[0].id = "not a valid id!"
    with pytest.raises(ValueError):
        native.save(broken, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.policy.yaml"]


def _saved_text(tmp_path):
    path = tmp_path / "p.policy.yaml"
    native.save(sample_policy(), path)
    return path, path.read_text(encoding="utf-8")


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    path = tmp_path / "bomb.policy.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    assert "aliases" in str(info.value) and info.value.line == 1  # the reused anchor


def test_repeated_key_is_refused_with_its_line(tmp_path):
    path, text = _saved_text(tmp_path)
    text = text.replace("  title: Privacy Policy\n", "  title: Privacy Policy\n  title: Other\n", 1)
    path.write_text(text)
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    assert "'title' appears twice" in str(info.value)
    assert info.value.line == text.splitlines().index("  title: Other") + 1


def test_clause_id_used_twice_is_refused(tmp_path):
    path = tmp_path / "dup.policy.yaml"
    text = native.dumps(sample_policy())
    first, second = (c.id for c in native.loads(text).clauses[:2])
    path.write_text(text.replace(f"id: {second}", f"id: {first}"))
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    assert f"clause id '{first}' is used twice" in str(info.value)


def test_impossible_date_names_its_line(tmp_path):
    path, text = _saved_text(tmp_path)
    text = text.replace("effective_date: '2022-11-21'", "effective_date: '2022-02-31'")
    path.write_text(text)
    with pytest.raises(PolicyFileError) as info:
        native.load(path)
    assert "not a real date" in str(info.value)
    assert info.value.line == text.splitlines().index("  effective_date: '2022-02-31'") + 1


def test_clauses_know_their_yaml_line(tmp_path):
    path, text = _saved_text(tmp_path)
    policy = native.load(path)
    lines = text.splitlines()
    for clause in policy.walk():
        assert lines[clause.line - 1].strip() == f"- id: {clause.id}"


def test_nesting_beyond_the_limit_is_refused_on_save_and_load(tmp_path):
    from plutoeditor.model import Clause, Policy

    root = Clause(label="1", text="x")
    leaf = root
    for _ in range(native.MAX_DEPTH):
        child = Clause(label="1", text="x")
        leaf.children.append(child)
        child.parent = leaf
        leaf = child
    with pytest.raises(ValueError, match="levels deep"):
        native.dumps(Policy(clauses=[root]))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d,
        lambda d: d["metadata"].pop("title"),
        lambda d: d["clauses"][0].update(id="bad id"),
        lambda d: d["clauses"][0].update(kind="appendix"),
        lambda d: d["clauses"][0].update(extra=1),
        lambda d: d.update(format_version=2),
        lambda d: d["metadata"].update(effective_date="2022-13-01"),
        lambda d: d["clauses"][0]["children"][0].update(source_line=0),
    ],
)
def test_fast_validator_agrees_with_the_reference_validator(mutate):
    import jsonschema

    data = native.to_data(sample_policy())
    mutate(data)
    reference = jsonschema.Draft202012Validator(native.schema()).is_valid(data)
    assert (native._schema_error(data) is None) == reference


def test_a_lone_surrogate_is_saved_as_the_replacement_character(tmp_path):
    policy = sample_policy()
    policy.clauses[1].text = "half an emoji \ud83d here"
    path = tmp_path / "p.policy.yaml"
    native.save(policy, path)
    assert native.load(path).clauses[1].text == "half an emoji \ufffd here"
