"""Fixtures for the export tests: a small policy in the fixture notation and the 2022 seed."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from plutoeditor.model import Policy
from plutoeditor.model.notation import parse_tree

SMALL = """
[1] Introduction |
  [1.1] This notice explains how Meridian Books handles personal data.
  [1.2] It applies to every customer of the shop.\\nIt also applies to visitors of the shop's website.
[2] Definitions |
  def [] Customer | anyone who buys a book from us
  def [] Order | a request to buy one or more books
[3.] What we collect |
  [3.1] We collect:
    [3.1.1] your name;
    [3.1.9] your postal address; and
    [3.1.9] the books you order.
  [] We do not collect more than we need.
[4] Your rights |
  [4.1] You may ask for a copy of your data at any time.
    [4.1.1:] By post: see the address in clause 9.4.6.
sched [Schedule 1] Retention Schedule |
  [] How long we keep data |
    [] Orders are kept for six years.
"""


def small_policy() -> Policy:
    policy = parse_tree(SMALL)
    meta = policy.metadata
    meta.title = "Customer Privacy Notice"
    meta.organisation = "Meridian Books Ltd"
    meta.version = "4"
    meta.effective_date = dt.date(2024, 3, 1)
    meta.summary_of_changes = ["New retention schedule", "Postal address for requests"]
    meta.language = "en-GB"
    return policy


@pytest.fixture
def policy() -> Policy:
    return small_policy()


@pytest.fixture
def seed_policy(seed_2022: Path) -> Policy:
    from plutoeditor.importers.text import import_file

    return import_file(seed_2022)


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path
