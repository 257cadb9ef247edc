"""The fast native reader and writer give exactly what PyYAML gives, or step aside."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from plutoeditor.file_formats import open_policy
from plutoeditor.formats import native, native_reader, native_writer
from plutoeditor.model.notation import parse_tree

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.policy.yaml"))
sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

from policygen import generate_policy  # noqa: E402


def snapshot(policy):
    """Everything loading decides, lines included."""
    clauses = [
        (c.id, c.kind.value, c.label, c.heading, c.text, c.source_line, c.file_line, len(c.children))
        for c in policy.walk()
    ]
    return policy.metadata, policy.document_id, policy.metadata_lines, clauses


def policy_with(text="", label="1", heading="", title="Privacy Policy", changes=()):
    policy = parse_tree("[1] Intro | first\n  [1.1] Child | second\n[2] Last | third\n")
    clause = policy.clauses[0].children[0]
    clause.text, clause.label, clause.heading = text, label, heading
    policy.metadata.title = title
    policy.metadata.summary_of_changes = list(changes)
    return policy


TRICKY = [
    "plain words",
    "We use it – and “quotes” – in Unicode: fine",
    "it's a quote",
    "'starts with a quote",
    "ends with colon:",
    "has: colon space",
    "a:b glued colon",
    "hash # inside",
    "hash#glued",
    "#starts with hash",
    "- dash item",
    "-dash glued",
    "? question",
    "?glued",
    ": colon",
    "---",
    "--- x",
    "...",
    "yes",
    "No",
    "off",
    "null",
    "~",
    "1",
    "1.2",
    "2.1.1",
    "012",
    "1_000",
    "1:20",
    "2022-11-21",
    "0x1F",
    ".inf",
    "<<",
    "=",
    "[bracket]",
    "{brace}",
    "&anchor",
    "*alias",
    "!tag",
    "|pipe",
    ">fold",
    "%percent",
    "@at",
    "`tick",
    '"double"',
    " leading space",
    "trailing space ",
    "two  spaces",
    "",
    "word " * 40 + "end",
    "it's " * 30 + "end: of it",
    "x" * 150,
    "x" * 95 + " " + "y" * 20 + "  " + "z" * 90 + " w",
    "first paragraph\nsecond paragraph",
    "first\n\nthird after a blank line",
    "line with trailing space \nnext",
    "line\n indented next",
    " leading\nnext",
    "ends with newline\n",
    "tab\there",
    "emoji 😀 here",
    "nel\x85here",
    "line\u2028separator",
    "bom\ufeffinside",
    "bell\x07",
]


@pytest.mark.parametrize("value", TRICKY)
def test_writer_writes_what_yaml_dump_writes(value):
    for policy in (
        policy_with(text=value),
        policy_with(heading=value, label=value),
        policy_with(title=value, changes=[value, "other"]),
    ):
        data = native.to_data(policy)
        fast = native_writer.dump_data(data)
        assert fast is None or fast == native.yaml_dump(data)


@pytest.mark.parametrize("value", TRICKY)
def test_reader_reads_what_the_safe_loader_reads(value):
    for policy in (policy_with(text=value), policy_with(title=value, changes=[value])):
        text = native.yaml_dump(native.to_data(policy))
        fast = native_reader.read(text)
        assert fast is None or fast[0] == yaml.load(text, Loader=yaml.CSafeLoader)
        if fast is None:
            continue
        assert snapshot(native.loads(text)) == snapshot(native._load_with_yaml(text, "p"))


@pytest.mark.parametrize(
    "value", ["plain words", "it's a quote", "2.1.1", "word " * 40 + "end", "first\n\nthird", "-glued"]
)
def test_common_values_take_the_fast_paths(value):
    data = native.to_data(policy_with(text=value, label=value, title=value, changes=[value]))
    text = native_writer.dump_data(data)
    assert text is not None
    assert native_reader.read(text) is not None


#: Values the clause pattern reads without decoding (a one-line single-quoted label or
#: heading, a dotted plain label) or folds in one step (a single-quoted text over lines),
#: and their near misses, which must go the long way and read the same.
MATCHED_WHOLE = [
    "1.1", "", "2.1.1", "2.1.", "10.0.1", "1..2", "0.1.2", "2.1.1 extra", "a\\b", 'say "yes"',
    "it's", "nbsp\xa0here", "(a)", "Schedule 1.2.3",
    "It's: " + "a long sentence that the emitter folds over several lines " * 3 + "and it's done",
    "Colon: " + "words that fold " * 12 + "with ''two quotes'' and   three spaces" * 2,
    "Ends with a quote: " + "folded words " * 12 + "'",
]  # fmt: skip


@pytest.mark.parametrize("value", MATCHED_WHOLE)
def test_values_the_clause_pattern_reads_whole_read_as_the_safe_loader_reads(value):
    policies = (policy_with(label=value), policy_with(heading=value), policy_with(text=value, label=value))
    for policy in policies:
        text = native.yaml_dump(native.to_data(policy))
        fast = native_reader.read(text)
        assert fast is not None
        assert fast[0] == yaml.load(text, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize("value", TRICKY)
def test_everything_the_app_writes_takes_the_fast_reader(value):
    """So a policy file of any size PlutoEditor writes is read with the fast reader's limit."""
    for policy in (policy_with(text=value), policy_with(title=value, changes=[value])):
        assert native_reader.read(native.dumps(policy)) is not None


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda t: t.replace("clauses:\n", "# a comment\nclauses:\n"), "comment"),
        (lambda t: t.replace("  title: Privacy Policy", "  title: Privacy\tPolicy"), "tab"),
        (lambda t: t.replace("  title: Privacy Policy", "  title: &a Privacy Policy"), "anchor"),
        (lambda t: t.replace("  language: en", "  language: *a"), "alias"),
        (lambda t: t.replace("  language: en", "  language: !!str en"), "tag"),
        (lambda t: t.replace("  language: en", '  language: "e\\/n"'), "an escape the emitter never writes"),
        (lambda t: t.replace("  summary_of_changes: []", "  summary_of_changes: [a, b]"), "flow"),
        (lambda t: t.replace("clauses:\n", "\nclauses:\n"), "blank line"),
        (lambda t: t.replace("  language: en", "  language: en\n  language: de"), "repeated key"),
        (lambda t: t.replace("  language: en", "  colour: en"), "unknown key"),
        (lambda t: t.replace("  label: '1'", "  label: 1.5"), "a float"),
        (lambda t: t.replace("  language: en", "  language: yes"), "a boolean"),
        (lambda t: t.replace("  language: en", "  language: 2022-01-01"), "a date"),
        (lambda t: t.replace("  language: en", "  language:"), "null"),
        (lambda t: "---\n" + t, "document marker"),
        (lambda t: t.replace("  language: en", "  language: en # English"), "trailing comment"),
    ],
)
def test_reader_leaves_everything_else_to_the_full_loader(change, why):
    text = change(native.dumps(policy_with()))
    assert native_reader.read(text) is None, why


def test_generated_policy_loads_the_same_either_way():
    policy = generate_policy(600, seed=3)
    text = native.dumps(policy)
    assert text == native.yaml_dump(native.to_data(policy))
    assert native_reader.read(text) is not None
    assert snapshot(native.loads(text)) == snapshot(native._load_with_yaml(text, "p"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_files_written_by_older_versions_load_identically_and_save_unchanged(sample):
    text = sample.read_text(encoding="utf-8")
    policy = native.load(sample)
    assert snapshot(policy) == snapshot(native._load_with_yaml(text, str(sample)))
    assert native.dumps(policy) == text


def _round_trip(path: Path) -> None:
    policy = open_policy(path)
    text = native.dumps(policy)
    assert text == native.yaml_dump(native.to_data(policy)), path.name
    loaded = native.loads(text, path.name)
    assert snapshot(loaded) == snapshot(native._load_with_yaml(text, path.name)), path.name
    assert native.dumps(loaded) == text, path.name
    assert [(c.id, c.label, c.heading, c.text) for c in loaded.walk()] == [
        (c.id, c.label, c.heading, c.text) for c in policy.walk()
    ]


def test_round_trip_over_the_seeds(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        _round_trip(path)


def test_round_trip_over_the_samples():
    for path in sorted((REPO / "resources" / "samples").iterdir()):
        _round_trip(path)


@pytest.mark.corpus
def test_round_trip_over_the_corpus(corpus_dir):
    paths = sorted(p for p in corpus_dir.iterdir() if p.suffix in (".md", ".txt", ".docx"))
    assert paths
    for path in paths:
        _round_trip(path)


# -- what the reader decides without PyYAML (it is imported only when a value needs it)
def yaml_tag(value):
    return yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))


def test_the_first_characters_the_resolver_looks_at_are_pyyamls():
    keys = set(yaml.resolver.Resolver.yaml_implicit_resolvers) - {""}
    assert native_reader._RESOLVED_FIRST == keys


@pytest.mark.parametrize(
    "value",
    [
        *"yes Yes YES yEs no No NO nO true True TRUE tRUE false False FALSE on On ON oN off Off OFF".split(),
        *"null Null NULL nULL y n Y N yess noo Nope Yesterday Often onward Terms Notice".split(),
        *"1 12 0 07 0x1F 0b101 0o7 1_000 1.5 1e5 1.5e+3 1:30 190:20:30.15 2024-01-31".split(),
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        *"1.2.3 9f3a27c0 99ab4586253548c4 1a 3rd 10th 2024-01-31x 12abc 5-year 1.5.x".split(),
        *"0a3f9c 0f 00ab 0_1 0_a 0b101 0b12 0b7e1c 0b 0x1f 0xg 007 0.5 0:30 0e5 0-1 0abc-1 0ab.1".split(),
        *"~ = << . .inf .NaN -1 +1 -.5 -x + - ! & *".split(),
    ],
)
def test_plain_scalars_get_the_resolvers_tag(value):
    assert native_reader.plain_tag(value) == yaml_tag(value)


@given(st.text(alphabet="0123456789_.:-+eETtZz xabfnoyONY~", min_size=1, max_size=12))
@settings(max_examples=500)
def test_plain_scalars_get_the_resolvers_tag_generated(value):
    assert native_reader.plain_tag(value) == yaml_tag(value)


def test_the_unusual_characters_are_the_complement_of_yamls_printable_set():
    printable = re.compile("[\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    edges = {0, 9, 10, 11, 0x1F, 0x20, 0x7E, 0x7F, 0x85, 0x9F, 0xA0, 0xD7FF, 0xD800, 0xDFFF, 0xE000}
    edges |= {0xFEFE, 0xFEFF, 0xFF00, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF}
    for code in sorted(edges | set(range(0, 0x110000, 97))):
        char = chr(code)
        assert bool(native_reader._UNUSUAL.match(char)) != bool(printable.match(char)), hex(code)


#: every side of _UNUSUAL's edges, ASCII, Latin-1, the rest of Unicode and lone surrogates
_EDGES = "a \n:'\t\r\x00\x1f\x7f\x80\x85\x9f\xa0é“\u2028\ud800\udfff\ufeff\ufffe\uffff\U0001f600"


@given(st.text(alphabet=st.sampled_from(_EDGES)))
@settings(max_examples=500)
def test_the_quick_search_for_unusual_characters_finds_what_the_pattern_finds(text):
    assert native_reader.has_unusual(text) == bool(native_reader._UNUSUAL.search(text))


def test_loading_a_file_the_app_wrote_needs_neither_pyyaml_nor_a_schema_compiler(tmp_path):
    """`plutoeditor check` starts without them (10 ms for PyYAML, 20-35 ms to compile the
    schema); a file the fast reader declines still gets PyYAML."""
    path = tmp_path / "p.policy.yaml"
    policy = generate_policy(50, seed=2)
    policy.document_id = "0b7e1c9a3f4d4e2b8c6a5d4e3f2a1b0c"  # a random id may start so (it flaked)
    native.save(policy, path)
    code = (
        "import sys; from plutoeditor.formats import native; native.load(sys.argv[1]); "
        "print(sorted(m for m in ('yaml', 'fastjsonschema', 'jsonschema') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    path.write_text("# a comment sends it to PyYAML\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert "yaml" in done.stdout
