"""`plutoeditor check --format json` carries the defined-term findings with their severities."""

from __future__ import annotations

import json

from plutoeditor.cli.main import main

TEXT = "\n\n".join(
    [
        "Northwind Notice",
        "Effective date: 1 March 2024",
        "1 Definitions",
        "1.1 In this Notice, the following definitions are used:",
        "Customer Data: the information a customer gives us;",
        "Loyalty Points: points earned with each purchase;",
        "2 Using the Website",
        "2.1 Orders placed through the Website are confirmed. The Website is one of our websites.",
        "2.2 We keep your Customer Data safe, and no customer data leaves the Customer Data store of ours.",
    ]
)


def test_json_carries_term_codes_and_warnings_do_not_fail_the_check(tmp_path, capsys) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 0  # term findings here are warnings
    report = json.loads(capsys.readouterr().out)
    found = {(f["code"], f["target"], f["severity"]) for f in report["files"][0]["findings"]}
    assert ("undefined-term", "Website", "warning") in found
    assert ("unused-definition", "Loyalty Points", "warning") in found
    assert ("term-case", "Customer Data", "warning") in found
    term_case = next(f for f in report["files"][0]["findings"] if f["code"] == "term-case")
    assert term_case["label"] == "2.2" and term_case["line"] == 17


def test_a_term_defined_twice_differently_is_an_error_and_the_exit_status_says_so(tmp_path, capsys) -> None:
    text = TEXT.replace(
        "Loyalty Points: points earned with each purchase;",
        "Loyalty Points: points earned with each purchase;\n\nCustomer Data: anything we learn about you;",
    )
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["files"][0]["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["target"]) for f in errors] == [("duplicate-definition", "Customer Data")]
