"""Fresh ids: a document id is a version-4 UUID in hex, a clause id 'c' and 10 hex digits;
all different."""

from __future__ import annotations

import re
import uuid

from plutoeditor.model import Policy
from plutoeditor.model.clause import new_clause_id
from plutoeditor.model.policy import new_document_id


def test_a_new_document_id_is_a_random_uuid_in_hex():
    ids = {new_document_id() for _ in range(500)}
    assert len(ids) == 500
    for text in ids:
        parsed = uuid.UUID(hex=text)
        assert parsed.hex == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert uuid.UUID(hex=Policy().document_id).version == 4


def test_a_new_clause_id_is_c_and_ten_hex_digits():
    ids = {new_clause_id() for _ in range(500)}
    assert len(ids) == 500
    assert all(re.fullmatch("c[0-9a-f]{10}", text) for text in ids)
