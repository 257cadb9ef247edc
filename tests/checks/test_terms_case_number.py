"""Words that read as a defined term but name something else are not the term in another
case: a plural term's head noun in the singular ("the subscription term", a period, where
"Subscription Terms" are conditions), and other sites "linked to" the defined one."""

from __future__ import annotations

from plutoeditor.checks import run_checks
from plutoeditor.importers.text import import_text

TERMS = (
    "Lantern Club Terms",
    "1 Definitions",
    '1.1 "Member Rules" means the rules of the Lantern Club that every member accepts.',
    '1.2 "Club Site" means this web page of the Lantern Club and its pages.',
    "2 Membership",
    "2.1 The Member Rules apply on the Club Site; read the Member Rules before you join.",
    "2.2 We may change the Member Rules and will say so on the Club Site.",
    "2.3 The Club Site is run by us; the Member Rules are ours.",
)


def variants(*paragraphs: str) -> list[tuple[str, str, str]]:
    policy = import_text("\n\n".join((*TERMS, *paragraphs)) + "\n")
    return [(f.label, f.target, f.message) for f in run_checks(policy) if f.code == "term-case"]


def test_a_plural_term_written_in_the_singular_names_something_else() -> None:
    # "a member rule" is one rule, not the "Member Rules": the words, not the term
    assert variants("2.4 Breaking a member rule twice ends the membership.") == []
    # the plural written in lower case is the term, and stays a finding
    found = variants("2.4 Breaking the member rules twice ends the membership.")
    assert [(label, target) for label, target, _ in found] == [("2.4", "Member Rules")]
    assert "“member rules”" in found[0][2]


def test_sites_linked_to_the_defined_site_are_other_sites() -> None:
    assert variants("2.4 We do not answer for any club sites linked to or from the Club Site.") == []
    assert variants("2.4 We list the club site, which is linked from our newsletter.") != []
    # the same words, meaning the defined site, stay a finding
    found = variants("2.4 Members may post on the club site after joining.")
    assert [(label, target) for label, target, _ in found] == [("2.4", "Club Site")]


def test_the_singular_words_still_count_as_the_term_written_in_lower_case() -> None:
    # written in lower case more often than as defined (the ordinary words): no finding at all,
    # although some of the lower-case uses are in the singular
    lower = [f"3.{n} A member rule or the member rules may be read at the desk." for n in range(1, 6)]
    assert variants("3 Desk", *lower) == []


def test_a_term_defined_for_one_section_is_the_ordinary_words_elsewhere() -> None:
    scoped = (
        "Lantern Club Terms",
        "1 Definitions",
        "1.1 ‘Guest Pass’ (in the ‘Visits’ section) means a day ticket for a visitor.",
        "2 Visits",
        "2.1 A Guest Pass admits one visitor; show the Guest Pass at the door.",
        "2.2 Each Guest Pass is valid for a day.",
        "3 Members",
    )
    elsewhere = "3.1 Members may print a guest pass for a friend at home."
    policy = import_text("\n\n".join((*scoped, elsewhere)) + "\n")
    assert [f.target for f in run_checks(policy) if f.code == "term-case"] == []
    for limit in ("For the purposes of this section, ", "Throughout Section 2, "):
        text = [*scoped]
        text[2] = f"1.1 {limit}‘Guest Pass’ means a day ticket for a visitor."
        policy = import_text("\n\n".join((*text, elsewhere)) + "\n")
        assert [f.target for f in run_checks(policy) if f.code == "term-case"] == []
    # defined for the whole document, the words in lower case are the term
    text = [*scoped]
    text[2] = "1.1 ‘Guest Pass’ means a day ticket for a visitor."
    policy = import_text("\n\n".join((*text, elsewhere)) + "\n")
    assert [f.target for f in run_checks(policy) if f.code == "term-case"] == ["Guest Pass"]


def test_laws_on_one_subject_are_not_the_defined_applicable_law() -> None:
    laws = (
        "Lantern Club Terms",
        "1 Definitions",
        '1.1 "Applicable Law" means every law that binds the Lantern Club.',
        "2 Conduct",
        "2.1 Members obey Applicable Law; the Club follows Applicable Law too.",
        "2.2 Applicable Law prevails over these rules.",
    )

    def case(line: str) -> list[str]:
        policy = import_text("\n\n".join((*laws, line)) + "\n")
        return [f.target for f in run_checks(policy) if f.code == "term-case"]

    assert case("2.3 Members keep to the applicable laws on fireworks.") == []
    assert case("2.3 Members keep to the applicable laws regarding noise.") == []
    assert case("2.3 Members keep to the applicable laws at all times.") == ["Applicable Law"]
