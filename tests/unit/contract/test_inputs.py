"""The run fingerprint: the data and the cut-off, in a canonical form, and its short form."""

from __future__ import annotations

import hashlib

from boardbrief.contract.inputs import run_fingerprint, short_fingerprint

INPUTS = [
    {"path": "feedback/b.csv", "bytes": 10, "sha256": "bb"},
    {"path": "actions/a.csv", "bytes": 20, "sha256": "aa"},
]


def test_run_fingerprint_hashes_the_canonical_json_of_the_agreed_fields():
    canonical = (
        '{"as_at":"2026-05-05","inputs":[{"path":"actions/a.csv","sha256":"aa"},'
        '{"path":"feedback/b.csv","sha256":"bb"}],"meeting_date":"2026-05-12"}'
    )
    expected = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert run_fingerprint("2026-05-12", "2026-05-05", INPUTS) == expected


def test_run_fingerprint_ignores_order_and_sizes_but_not_the_cut_off():
    reordered = [dict(INPUTS[1], bytes=1), INPUTS[0]]
    same = run_fingerprint("2026-05-12", "2026-05-12", INPUTS)
    assert run_fingerprint("2026-05-12", "2026-05-12", reordered) == same
    assert run_fingerprint("2026-05-12", "2026-05-05", INPUTS) != same


def test_short_fingerprint_is_three_groups_of_four():
    assert short_fingerprint("ab12cd34ef56" + "0" * 52) == "ab12 cd34 ef56"
