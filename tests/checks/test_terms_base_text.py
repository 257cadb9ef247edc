"""A text written as changes to a base licence defines terms used there: '"Chart owner": any
reference to 'copyright owner' shall be taken to read "Chart owner"', or definitions that
"shall replace the corresponding definitions in the Harbour Licence"; no unused definitions."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text


def unused(*paragraphs: str) -> list[str]:
    text = ("Harbour Chart Licence 2.0", *paragraphs, "You may copy the Charts under this Licence.")
    policy = import_text("\n\n".join(text) + "\n")
    return [f.target for f in run_checks(policy) if f.code == "unused-definition"]


def test_a_definition_rewording_the_base_licence_is_not_unused() -> None:
    reworded = "\"Chart owner\": any reference to 'copyright owner' shall be taken to read 'Chart owner'."
    assert unused("The Harbour Licence applies with these changes:", reworded) == []
    assert unused('"Chart owner" means the person who drew a chart.') == ["Chart owner"]


def test_definitions_replacing_those_of_the_base_licence_are_not_unused() -> None:
    replaced = (
        "The following definitions shall replace the corresponding definitions in the Harbour Licence:",
        '"Licensor" shall mean the harbour authority that publishes the Charts.',
        '"Charts" shall mean the maps of the harbour and its approaches.',
    )
    assert unused(*replaced) == []
    plain = ("In this Licence:", *replaced[1:])
    assert unused(*plain) == ["Licensor"]
