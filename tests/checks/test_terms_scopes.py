"""Defined terms per instrument: a page holding several instruments, schedules, copies and
terms taken from another document; and the uses a reader counts (headings, plurals, hyphens)."""

from __future__ import annotations

from plutoeditor.checks import Checker, run_checks
from plutoeditor.checks.terms import TERM_CODES
from plutoeditor.checks.terms_scopes import borrows_terms, instrument_title
from plutoeditor.file_formats import open_policy
from plutoeditor.importers.text import import_text
from plutoeditor.model.operations import SetClauseField
from plutoeditor.model.policy import Policy


def findings(text: str, code: str) -> list[tuple[str, str]]:
    policy: Policy = import_text(text)
    return [(f.label, f.target) for f in run_checks(policy) if f.code in TERM_CODES and f.code == code]


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


TERMS = (
    "Harbour Storage Terms",
    "1 Definitions",
    '1.1 "Stored Goods" means the goods a customer leaves with us for safe keeping.',
    '1.2 "Storage Fee" means the monthly price of keeping the Stored Goods.',
    "2 Storage",
    "2.1 We keep the Stored Goods in a locked unit and charge the Storage Fee each month in advance.",
    "2.2 We insure the Stored Goods against fire and theft while they are kept in our unit.",
)
SECOND = (
    "Harbour Data Processing Agreement",
    "1 Definitions",
    '1.1 "Stored Goods" means any personal data held in the records of the goods we keep for a customer.',
    "2 Processing",
    "2.1 We process the Stored Goods only on the written instructions of the customer, and we "
    "keep a record of each instruction for a year after the storage fee is last paid.",
    "2.2 We keep the Stored Goods confidential and let no one see them except our own staff.",
)


def test_each_instrument_on_a_page_defines_its_own_terms() -> None:
    text = page(*TERMS, *SECOND)
    assert findings(text, "duplicate-definition") == []  # each agreement defines "Stored Goods" once
    # "the storage fee" in the second agreement is not its term: the first defines it
    assert findings(text, "term-case") == []


def test_within_one_instrument_a_second_definition_and_a_variant_are_still_found() -> None:
    text = page(
        *TERMS,
        '2.3 "Stored Goods" means only the boxes we collect from a customer.',
        "2.4 We may raise the storage fee once a year after giving a month's notice of the change.",
        "2.5 The Storage Fee is paid by card. A late Storage Fee bears interest.",
    )
    assert findings(text, "duplicate-definition") == [("2.3", "Stored Goods")]
    assert findings(text, "term-case") == [("2.4", "Storage Fee")]


def test_an_annex_quoting_other_clauses_is_an_instrument_of_its_own() -> None:
    annex = (
        "Annex 1",
        "The clauses below are quoted as the regulator published them. The importer shall keep the "
        "stored goods safe and the exporter shall pay the storage fee when the regulator asks it to.",
        "The importer shall tell the exporter of any loss of the stored goods within three days.",
    )
    assert findings(page(*TERMS, *annex), "term-case") == []


def test_a_second_copy_of_the_terms_on_the_page_does_not_define_them_again() -> None:
    copy = ("Previous version, in force until 1 May 2024", *TERMS[1:])
    assert findings(page(*TERMS, *copy), "duplicate-definition") == []


def test_a_definition_for_one_schedule_governs_that_schedule() -> None:
    schedule = (
        "3 Collection",
        '3.1 In this Section 3, "Stored Goods" means only the goods we collect from the customer\'s address.',
        "3.2 We collect the Stored Goods within five working days of a request.",
    )
    assert findings(page(*TERMS, *schedule), "duplicate-definition") == []


def test_terms_taken_from_another_document_are_not_undefined() -> None:
    addendum = page(
        "Harbour Insurance Addendum",
        "1 Scope",
        "1.1 Capitalised terms not defined in this Addendum have the meanings given to them in the "
        "Storage Agreement between the customer and us.",
        "2 Cover",
        "2.1 We insure the Stored Goods for the Declared Value of each box in the Storage Unit.",
        "2.2 A claim for the Declared Value of the Stored Goods must reach us within a month of the "
        "loss, with a list of what was in the Storage Unit. The value declared for a storage unit "
        "is the value of the goods in it.",
    )
    assert findings(addendum, "undefined-term") == []
    without = addendum.replace(
        "Capitalised terms not defined in this Addendum have the meanings given to them in",
        "This Addendum forms part of",
    )
    assert ("2.1", "Storage Unit") in findings(without, "undefined-term")


def test_a_page_that_starts_in_the_middle_of_an_instrument_reports_no_undefined_terms() -> None:
    excerpt = page(
        "Article 19 Retention",
        "19.1 We keep the Client Records for the Retention Period and then delete the Client Records.",
        "19.2 The Client Records are kept in the European Union for the whole Retention Period.",
        "19.3 The period of retention of the records of each client is set by law.",
    )
    assert findings(excerpt, "undefined-term") == []
    whole = excerpt.replace("Article 19", "Article 1").replace("19.", "1.")
    assert findings(whole, "undefined-term") != []


def test_a_term_named_in_a_heading_or_written_with_a_hyphen_or_in_the_plural_is_used() -> None:
    text = page(
        *TERMS,
        '2.3 Goods we hold for a partner (each a "Partner Box", together the "Partner Boxes") '
        "are kept apart.",
        '2.4 Goods another customer lends us (the "Third Party Goods") are kept apart too.',
        "3 Returning Partner Boxes",
        "3.1 We return each box the day after a request. We check Third-Party Goods before they leave.",
    )
    assert findings(text, "unused-definition") == []
    assert findings(text.replace("3 Returning Partner Boxes", "3 Returning"), "unused-definition") == [
        ("2.3", "Partner Box"),
        ("2.3", "Partner Boxes"),
    ]


def test_the_short_name_of_a_statute_or_a_gloss_is_not_an_unused_definition() -> None:
    text = page(
        *TERMS,
        '2.3 We follow the Storage Industry Act ("SIA") and the rules of the Office of Harbour '
        'Control ("OHC").',
        '2.4 Some boxes carry tracking tags (also known as "Smart Labels") that we do not read.',
        '2.5 A customer may name someone to collect goods for them (the "Collector").',
    )
    assert findings(text, "unused-definition") == [("2.5", "Collector")]


def test_a_longer_capitalised_name_is_not_a_variant_of_the_term_inside_it() -> None:
    text = page(
        "Harbour Privacy Notice",
        "1 Definitions",
        '1.1 "Data Subject" means the person whom personal data is about.',
        '1.2 "Customer Data" means data we hold about a customer.',
        "2 Rights",
        "2.1 A Data Subject may ask for a copy of the data. We answer each Data Subject within a month.",
        "2.2 We treat Personal Data subject to a court order as the order says.",
        "2.3 We tell every data subject when we change this notice.",
    )
    assert findings(text, "term-case") == [("2.3", "Data Subject")]


def test_glossary_entries_with_a_dash_and_each_a_phrases_define_terms() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1 Definitions",
        "1.1 Passenger – a person who books a crossing with us.",
        "1.2 Operators of each vessel (each a Ferry Operator) carry the Passenger.",
        "2 Crossings",
        "2.1 The Passenger must arrive an hour early. The Ferry Operator may refuse a late Passenger.",
        "2.2 Every Ferry Operator keeps a list of each Passenger on board.",
        "2.3 A passenger under sixteen travels with an adult, and the operator of the ferry may "
        "ask for proof.",
    )
    assert findings(text, "undefined-term") == []


def test_alternative_definitions_offered_in_a_template_are_not_duplicates() -> None:
    text = page(
        "Harbour Licence Template",
        "1 Definitions",
        '1.1 [ ] A. "Affiliate" means a company that controls us.',
        '1.2 [ ] B. "Affiliate" means a company that controls us or that we control, at the '
        "date of the licence.",
        "2 Use",
        "2.1 An Affiliate may use the software. Each Affiliate keeps its own copy.",
    )
    assert findings(text, "duplicate-definition") == []


def test_the_shapes_of_titles_and_of_borrowed_terms() -> None:
    assert instrument_title("Data Processing Agreement (DPA)")
    assert instrument_title("BREVO PAYMENT TERMS AND CONDITIONS")
    assert not instrument_title("Entire Agreement")
    assert not instrument_title("Changes to these Terms and Conditions")
    assert borrows_terms(
        "Capitalized terms used but not defined herein have the meanings set forth in the Terms."
    )
    assert not borrows_terms("Capitalised terms have the meanings given to them in this Agreement.")
    assert not borrows_terms("The following capitalised terms have the following meanings:")


def test_an_edit_that_makes_an_instrument_borrow_its_terms_is_seen_on_the_next_check() -> None:
    policy = import_text(
        page(
            "Harbour Insurance Addendum",
            "1 Scope",
            "1.1 This Addendum forms part of the Storage Agreement between the customer and us.",
            "2 Cover",
            "2.1 We insure the goods in the Storage Unit. A claim for the goods in the Storage Unit "
            "must reach us within a month. The value of a storage unit is the value of the goods in it.",
        )
    )
    checker = Checker(policy)
    try:
        assert "Storage Unit" in {f.target for f in checker.findings() if f.code == "undefined-term"}
        clause = next(c for c in policy.walk() if c.label == "1.1")
        borrowing = (
            "Capitalised terms not defined in this Addendum have the meanings given in the Storage Agreement."
        )
        SetClauseField(clause.id, "text", borrowing).apply(policy)
        assert [f for f in checker.findings() if f.code == "undefined-term"] == []
    finally:
        checker.close()


def test_a_run_in_heading_or_the_start_of_a_longer_name_is_not_an_undefined_term() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1 Tickets",
        "1.1 No Refund. We give no refund once the crossing has left; a Refund is paid only when we cancel.",
        "1.2 We pay the Refund to the card that paid for the ticket, and the Refund takes a week.",
        "1.3 This Order by Harbour Ferries is given to every passenger. This Order by Harbour "
        "Ferries is also on the board; a copy of the order is on the ship.",
    )
    targets = {t for _, t in findings(text, "undefined-term")}
    assert "Refund" not in targets
    assert "Order" not in targets


def test_a_term_the_page_defines_in_lower_case_is_defined() -> None:
    text = page(
        "Harbour Transfer Clauses",
        "1 Parties",
        '1.1 The company receiving the data (hereinafter "data importer") signs these clauses.',
        "2 Duties",
        "2.1 We send the data to the Data Importer, and the Data Importer must keep the data safe. "
        "Each data importer tells us of any loss.",
    )
    assert findings(text, "undefined-term") == []
    assert findings(text.replace('(hereinafter "data importer")', "as importer"), "undefined-term") != []


def test_a_glossary_of_terms_on_lines_of_their_own_defines_them() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1 Definitions",
        "1.1 General definitions",
        "In these terms the following words have the following meaning:",
        "Crossing Pass",
        "The card that lets a passenger board any ferry for a month.",
        "2 Travel",
        "2.1 Show the Crossing Pass when you board. We replace the Crossing Pass for a fee if you "
        "lose the Crossing Pass; a crossing pass is personal.",
    )
    assert findings(text, "undefined-term") == []


def test_a_term_written_as_part_of_a_compound_or_another_category_is_not_a_case_variant() -> None:
    base = (
        "Harbour Privacy Notice",
        "1 Definitions",
        '1.1 "Customer Data" means the data we hold about a customer.',
        "2 Use",
        "2.1 We keep Customer Data in Europe and delete Customer Data after a year.",
        "2.2 We encrypt Customer Data and keep the Customer Data backups for a month.",
    )
    assert findings(page(*base, "2.3 We keep customer data records apart from the rest."), "term-case") == []
    assert findings(page(*base, "2.3 We keep no sensitive customer data of children."), "term-case") == []
    assert findings(page(*base, "2.3 We send customer data to no one else."), "term-case") == [
        ("2.3", "Customer Data")
    ]


def test_the_preamble_before_the_definitions_speaks_in_ordinary_words() -> None:
    text = page(
        "Harbour Software Licence",
        "Sharing the source code of software helps everyone who builds on it, and this licence "
        "exists for that.",
        "1 Definitions",
        '1.1 "Source Code" means the form of the Software that people read and change.',
        "1.2 The Software is the program we publish with this licence.",
        "2 Grant",
        "2.1 You may copy the Source Code and change the Source Code as you wish.",
        "2.2 You must publish the Source Code of your changes with the Software.",
        "2.3 The Source Code of the Software stays free, and so does the Source Code of each change.",
    )
    assert findings(text, "term-case") == []
    numbered = text.replace("2.2 You must publish the Source Code", "2.2 You must publish the source code")
    assert findings(numbered, "term-case") == [("2.2", "Source Code")]


def test_the_short_name_of_a_statute_spelt_out_again_is_not_a_duplicate() -> None:
    text = page(
        "Harbour Privacy Notice",
        "1 Law",
        '1.1 We follow the Harbour Data Protection Act 2020 (the "Harbour Data Law") and the rules '
        "made under it.",
        "2 Rights",
        '2.1 Under the Harbour Data Protection Act 2020 (the "Harbour Data Law"), you may ask for a copy of '
        "your data; the Harbour Data Law gives other rights too.",
    )
    assert findings(text, "duplicate-definition") == []


def test_a_form_named_in_the_text_is_a_document_not_a_term() -> None:
    text = page(
        "Harbour Privacy Notice",
        "1 Requests",
        "1.1 Send us the Agent Request Form to act for someone else. We reply to the Agent Request "
        "Form within a month; a request form sent by post takes longer, and an agent may use any form.",
    )
    assert findings(text, "undefined-term") == []


def test_a_term_named_in_quotes_elsewhere_is_used() -> None:
    text = page(
        *TERMS,
        '2.3 We ship each order as one consignment (the "Harbour Parcel").',
        "3 Prices",
        '3.1 | "Harbour Parcel" | 40 EUR a month |',
    )
    assert findings(text, "unused-definition") == []
    assert findings(text.replace('3.1 | "Harbour Parcel" |', "3.1 | A box |"), "unused-definition") == [
        ("2.3", "Harbour Parcel")
    ]


def test_a_definition_opened_with_a_closing_quote_is_read() -> None:
    text = page(
        "Harbour Chat Terms",
        "1 Use",
        "1.1 You send text to the service and get text back (”Reply”). You own the Reply, and the "
        "Reply is yours to use; we keep no copy of the Reply after a day, and a reply is never shared.",
    )
    assert findings(text, "undefined-term") == []


def test_a_name_going_on_with_an_ampersand_or_a_heading_left_in_the_text_is_not_a_term() -> None:
    text = page(
        "Harbour Ads Terms",
        "1 Tools",
        "1.1 Use Display & Video Tools or the Planner to place ads. Display & Video Tools is free, "
        "and the display of an ad takes a day.",
        "1.2 #### 1.2.1 Measures that Block Access\nNo one may use the Block Access of the tool; "
        "the Block Access is for us, and we block access to the tools of others.",
    )
    targets = {t for _, t in findings(text, "undefined-term")}
    assert "Display" not in targets and "Block Access" not in targets


def test_someone_elses_thing_in_lower_case_is_not_the_defined_term() -> None:
    base = (
        "Harbour Web Terms",
        "1 Definitions",
        '1.1 "Web Site" means the site at harbour.example.',
        "2 Use",
        "2.1 The Web Site is ours. We run the Web Site and keep the Web Site safe for the visitors.",
    )
    assert findings(page(*base, "2.2 We link to third-party web site pages we trust."), "term-case") == []
    assert findings(page(*base, "2.2 Use this web site with care."), "term-case") == [("2.2", "Web Site")]


def test_an_annex_is_read_with_the_terms_of_the_agreement_it_is_attached_to() -> None:
    annex = (
        "Annex 2",
        "Carriage of the goods",
        "The Carrier shall keep the goods dry. The Carrier shall tell the exporter of any delay, "
        "and the carrier of each box signs for it.",
        "Each Party to these clauses keeps a copy; a party may ask for the Carrier's log.",
    )
    targets = {t for _, t in findings(page(*TERMS, *annex), "undefined-term")}
    assert "Carrier" not in targets
    body = page(*TERMS, *annex[2:])
    assert "Carrier" in {t for _, t in findings(body, "undefined-term")}


def test_a_drafting_note_in_brackets_is_not_a_case_variant() -> None:
    base = (
        "Harbour Software Licence",
        "1 Definitions",
        '1.1 "Subject Software" means the program we publish with this licence.',
        "2 Grant",
        "2.1 You may copy the Subject Software. You may change the Subject Software and share "
        "the Subject Software.",
    )
    note = "2.2 [The agency will insert its notice on each copy of the subject software here.]"
    assert findings(page(*base, note), "term-case") == []
    assert findings(page(*base, note.strip("[]").replace("2.2 [", "2.2 ")), "term-case") == [
        ("2.2", "Subject Software")
    ]


def test_one_name_used_of_two_for_one_meaning_is_enough() -> None:
    text = page(
        *TERMS,
        '2.3 "KYC" or "Know Your Customer" means the checks we make of a customer.',
        "2.4 We run KYC yearly.",
    )
    assert findings(text, "unused-definition") == []


def test_a_file_name_in_quotes_is_not_a_term() -> None:
    text = page(*TERMS, '2.3 The form is at download("ReturnForm.pdf") on our site.')
    assert findings(text, "unused-definition") == []


def test_a_licence_titled_for_a_version_opens_an_instrument() -> None:
    assert instrument_title("HARBOUR LICENSE AGREEMENT FOR HARBOURLIB 2.0")
    licences = page(
        "Harbour Licences",
        '1. This licence is between Harbour Ltd and the person ("Licensee") who uses the library. '
        "The Licensee may copy the library and share the library with others.",
        "2. The Licensee keeps this notice in each copy of the library and in each copy it shares.",
        "HARBOUR LICENSE AGREEMENT FOR HARBOURLIB 1.0",
        '1. This licence is between Harbour Ltd and the company ("Licensee") that uses the old '
        "library. The Licensee may copy the old library.",
    )
    assert findings(licences, "duplicate-definition") == []


def test_a_phrase_going_on_with_an_acronym_is_a_longer_name() -> None:
    text = page(
        "Harbour Ads Terms",
        "1 Tools",
        "1.1 Read our Generative AI Use Rules and the Generative AI Help pages before you use the "
        "tools; generative tools need care, and the Generative AI Use Rules apply to each ad.",
    )
    assert "Generative" not in {t for _, t in findings(text, "undefined-term")}


def test_a_statute_named_around_a_parenthesis_or_a_screen_of_the_app_is_not_a_term() -> None:
    text = page(
        "Harbour Ferry Terms",
        "1 Rights",
        "1.1 Nothing in these terms gives rights under the Contracts (Rights of Others) Act 1999, and "
        "the Contracts (Rights of Others) Act 1999 does not apply; a contract binds only its parties.",
        "1.2 Change your email within your Settings, or ask us to change it in your Settings; the "
        "settings of each account are private.",
    )
    targets = {t for _, t in findings(text, "undefined-term")}
    assert "Contracts" not in targets and "Settings" not in targets


def test_the_name_of_a_region_spelt_short_is_not_an_unused_definition() -> None:
    text = page(*TERMS, '2.3 We keep the Stored Goods in the European Economic Area (the "EEA").')
    assert findings(text, "unused-definition") == []


def test_a_glossary_entry_written_with_is_or_refers_to_defines_its_term(tmp_path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "notice.md"
    notice.write_text(
        page(
            "# Harbour Privacy Notice",
            "## 1 Definitions",
            "**Customer Record** is any information we hold about a customer of the harbour.",
            "**Data Keeper**, refers to the company that keeps records for us.",
            "## 2 Use",
            "We give the Customer Record to the Data Keeper, and the Data Keeper keeps the Customer "
            "Record safe. We ask the Data Keeper to delete the Customer Record after a year; a customer "
            "record is kept by each data keeper only as long as the contract runs.",
        ),
        encoding="utf-8",
    )
    found = [f for f in run_checks(open_policy(notice)) if f.code == "undefined-term"]
    assert found == []


def test_a_definition_for_the_purposes_of_a_law_is_not_a_duplicate() -> None:
    text = page(
        *TERMS,
        '2.3 For purposes of the Harbour Storage Act 2001, the term "Stored Goods" shall mean any goods '
        "kept for more than a day.",
    )
    assert findings(text, "duplicate-definition") == []


def test_a_term_whose_short_name_is_used_is_used() -> None:
    text = page(
        *TERMS,
        '2.3 "Harbour Storage Network" (or "HS Network") means every unit we run.',
        "2.4 Goods may move within the HS Network at our cost.",
    )
    assert findings(text, "unused-definition") == []


def test_a_report_or_a_support_desk_named_in_the_text_is_not_a_term() -> None:
    text = page(
        "Harbour Privacy Notice",
        "1 Requests",
        "1.1 We publish the number of requests, and the Request Report is out in May; our Request Report "
        "lists every request, and a report on each is kept. Write to the Client Support about it, and "
        "the Client Support will answer; support is free for each client.",
    )
    targets = {t for _, t in findings(text, "undefined-term")}
    assert "Request Report" not in targets and "Client Support" not in targets


def test_a_policy_titled_in_a_heading_inside_a_list_item_is_an_instrument_of_its_own(tmp_path) -> None:
    # a captured page of several notices, a later one folded into a list item under its title
    first = (
        "HARBOUR PRIVACY\n===============\n\n"
        "Harbour Storage Ltd keeps the records of the goods a customer leaves with us (the “Records”).\n\n"
        "We keep the Records for a year, and we keep the Records in a locked unit at the harbour.\n\n"
    )
    later = (
        "*   ### PRIVACY NOTICE FOR HARBOUR ONLINE SHOP\n\n"
        "    Harbour Shop Ltd sells boxes online and keeps the orders you place (the “Records”).\n"
        "    We answer the Records in a day and delete the Records after a month.\n"
    )
    path = tmp_path / "notices.md"
    path.write_text(first + later, encoding="utf-8")
    assert [f.target for f in run_checks(open_policy(str(path))) if f.code == "duplicate-definition"] == []
    # with a heading that is not a title, it is the same notice: the second definition is found
    path.write_text(first + later.replace("PRIVACY NOTICE FOR HARBOUR ONLINE SHOP", "ONLINE ORDERS"), "utf-8")
    assert [f.target for f in run_checks(open_policy(str(path))) if f.code == "duplicate-definition"] == [
        "Records"
    ]
