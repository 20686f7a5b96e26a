"""Funding computations: totals, movement between registers, each district's share, figures."""

import datetime as dt

import pandas as pd
import pytest

from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections import funding
from boardbrief.sections.funding import funding_figures, funding_status
from tests.unit.funding_example import (
    AFTER,
    BEFORE,
    FEB,
    JAN,
    MAR,
    make_config,
    make_meeting,
    register,
)


@pytest.fixture
def config():
    return make_config()


@pytest.fixture
def status(config):
    return funding_status(make_meeting(config, FEB, {JAN: BEFORE, FEB: AFTER}))


@pytest.fixture
def first(config):
    return funding_status(make_meeting(config, JAN, {JAN: BEFORE}))


def test_investment_by_kind_pennies_exact():
    table = funding.investment_by_kind(AFTER)
    assert table[["kind", "lines", "committed_pence", "spent_pence"]].to_dict("list") == {
        "kind": ["funding", "physical resources", "staff time"],
        "lines": [2, 2, 1],
        "committed_pence": [1_300_000, 119_999, 600_050],
        "spent_pence": [400_001, 20_001, 100_000],
    }
    assert table["spend_rate"].round(6).tolist() == [0.307693, 0.166676, 0.166653]


def test_investment_by_kind_lists_kinds_without_lines():
    table = funding.investment_by_kind(AFTER[AFTER["kind"] == "funding"])
    assert table["lines"].tolist() == [2, 0, 0]
    assert table["spend_rate"].isna().tolist() == [False, True, True]


def test_investment_by_organisation_several_kinds_make_one_row(config):
    table = funding.investment_by_organisation(AFTER, config)
    assert table[["organisation", "lines", "committed_pence", "spent_pence"]].to_dict("list") == {
        "organisation": ["council", "forum", "nhs"],
        "lines": [2, 2, 1],
        "committed_pence": [1_600_050, 320_000, 99_999],
        "spent_pence": [500_001, 20_000, 1],
    }
    assert table["type"].tolist() == ["county council", "voluntary sector", "NHS trust"]


def test_investment_by_type_counts_organisations(config):
    table = funding.investment_by_type(BEFORE, config)
    assert table[["type", "organisations", "lines", "committed_pence"]].to_dict("list") == {
        "type": ["county council", "NHS trust", "education", "voluntary sector"],
        "organisations": [1, 1, 1, 1],
        "lines": [2, 1, 1, 1],
        "committed_pence": [1_500_050, 300_000, 40_000, 20_000],
    }


def test_investment_by_area_keeps_board_order_and_empty_areas(config):
    table = funding.investment_by_area(AFTER[AFTER["priority_area"] == "voice"], config)
    assert table[["priority_area", "name", "lines", "committed_pence"]].to_dict("list") == {
        "priority_area": ["waits", "voice"],
        "name": ["Waiting times", "Voice of families"],
        "lines": [0, 2],
        "committed_pence": [0, 320_000],
    }


def test_line_changes_new_changed_withdrawn_unchanged():
    changes = funding.line_changes(AFTER, BEFORE)
    assert changes[["line_id", "change"]].values.tolist() == [
        ["A6", "new"],
        ["A1", "changed"],
        ["A2", "changed"],
        ["A3", "changed"],
        ["A5", "withdrawn"],
        ["A4", "unchanged"],
    ]
    by_id = changes.set_index("line_id")
    assert by_id.loc["A1", "spent_change_pence"] == 150_000
    assert by_id.loc["A2", "committed_change_pence"] == 100_000
    assert by_id.loc["A5", ["committed_change_pence", "spent_change_pence"]].tolist() == [
        -40_000,
        -10_000,
    ]
    assert by_id.loc["A5", "organisation"] == "college"  # last known details kept
    assert pd.isna(by_id.loc["A5", "committed_pence"])
    assert pd.isna(by_id.loc["A6", "previous_committed_pence"])
    assert funding.change_counts(changes) == {
        "new": 1,
        "changed": 3,
        "withdrawn": 1,
        "unchanged": 1,
    }


def test_line_changes_a_line_moving_organisation_and_district_is_changed():
    changes = funding.line_changes(AFTER, BEFORE).set_index("line_id")
    moved = changes.loc["A3"]
    assert moved["moved"] == ["organisation", "district"]
    assert [moved["previous_organisation"], moved["organisation"]] == ["nhs", "forum"]
    assert [moved["previous_district"], moved["district"]] == ["West", "North"]
    assert [moved["committed_change_pence"], moved["spent_change_pence"]] == [0, 0]
    assert changes.loc["A1", "moved"] == []


def test_line_changes_first_register_has_nothing_to_compare():
    assert funding.line_changes(AFTER, None) is None


def test_totals_change_follow_a_line_that_moved_organisation(status):
    by_org = status.by_organisation.set_index("organisation")
    # A3 (£3,000) moved from the NHS trust to the forum; the NHS trust also added A6 (£999.99)
    assert by_org.loc["forum", "committed_change_pence"] == 300_000
    assert by_org.loc["nhs", "committed_change_pence"] == -300_000 + 99_999
    # the college withdrew its only line: it stays listed, at zero, so its fall shows
    assert by_org.loc[
        "college", ["lines", "committed_pence", "committed_change_pence"]
    ].tolist() == [
        0,
        0,
        -40_000,
    ]
    assert list(by_org.index) == ["council", "forum", "nhs", "college"]


def test_first_meeting_has_no_changes(first):
    assert first.lines is None
    assert first.change_counts is None
    assert first.previous_totals is None
    assert first.by_kind["committed_change_pence"].isna().all()


def test_district_shares_exact_with_a_district_without_lines(config):
    shares = funding.district_shares(BEFORE, config)
    # East: 500,050 + 20,000 over 10,000; West: 300,000 over 5,000; North: 40,000 over 2,000
    assert shares[["district", "lines", "committed_pence"]].values.tolist() == [
        ["West", 1, 300_000],
        ["East", 2, 520_050],
        ["North", 1, 40_000],
    ]
    assert shares["per_child_pence"].tolist() == [60.0, 52.005, 20.0]
    empty = funding.district_shares(BEFORE[BEFORE["district"] != "North"], config)
    assert empty.set_index("district").loc["North", ["lines", "per_child_pence"]].tolist() == [0, 0]
    assert empty["district"].tolist()[-1] == "North"


def test_district_shares_flag_only_more_than_a_quarter_below_the_median():
    config = make_config(
        (("East", 10000), ("West", 5000), ("Central", 1000), ("North", 2000), ("South", 4000))
    )
    table = register(
        ("B1", "council", "waits", "funding", "East", 8_000_000, 0),  # 800p per child
        ("B2", "council", "waits", "funding", "West", 2_000_000, 0),  # 400p: the median
        ("B3", "council", "waits", "funding", "Central", 500_000, 0),  # 500p
        ("B4", "council", "waits", "funding", "North", 600_000, 0),  # 300p: exactly 25% below
        ("B5", "council", "waits", "funding", "South", 1_199_000, 0),  # 299.75p: just over
    )
    shares = funding.district_shares(table, config)
    assert shares["district"].tolist() == ["East", "Central", "West", "North", "South"]
    assert shares["vs_median"].round(6).tolist() == [1.0, 0.25, 0.0, -0.25, -0.250625]
    assert shares["below_median"].tolist() == [False, False, False, False, True]


def test_best_to_worst_ratio(status):
    # AFTER: West 99,999 / 5,000 = 19.9998p; East 620,050 / 10,000 = 62.005p; North 150p
    assert status.districts["district"].tolist() == ["North", "East", "West"]
    assert status.best_to_worst_ratio == pytest.approx(150 / 19.9998)


def test_countywide_lines_are_kept_apart(status):
    assert status.countywide == {
        "lines": 1,
        "committed_pence": 1_000_000,
        "spent_pence": 400_001,
        "per_child_pence": 1_000_000 / 17_000,
    }
    assert status.district_committed_pence == 1_020_049


def test_spend_over_time_uses_the_register_each_meeting_used(config):
    registers = {
        dt.date(2026, 1, 20): Snapshot(dt.date(2026, 1, 20), "a", BEFORE),
        dt.date(2026, 3, 1): Snapshot(dt.date(2026, 3, 1), "b", AFTER),
    }
    over_time = funding.spend_over_time(registers, [JAN, FEB, MAR])
    assert over_time[
        ["meeting", "register_date", "committed_pence", "spent_pence"]
    ].values.tolist() == [
        [FEB, dt.date(2026, 1, 20), 1_860_050, 380_001],
        [MAR, dt.date(2026, 3, 1), 2_020_049, 520_002],
    ]  # January is left out: no register on or before it


def test_funding_figures_exact(status):
    assert funding_figures(status) == {
        "funding.committed_gbp": 20200.49,
        "funding.spent_gbp": 5200.02,
        "funding.lines": 5,
        "funding.kind.funding.committed_gbp": 13000.0,
        "funding.kind.physical_resources.committed_gbp": 1199.99,
        "funding.kind.staff_time.committed_gbp": 6000.5,
        "funding.area.waits.committed_gbp": 17000.49,
        "funding.area.voice.committed_gbp": 3200.0,
        "funding.org.council.committed_gbp": 16000.5,
        "funding.org.forum.committed_gbp": 3200.0,
        "funding.org.nhs.committed_gbp": 999.99,
        "funding.org.college.committed_gbp": 0.0,
        "funding.district.North.committed_per_child_gbp": 1.5,
        "funding.district.East.committed_per_child_gbp": 0.62,
        "funding.district.West.committed_per_child_gbp": 0.2,
        "funding.new_lines": 1,
        "funding.changed_lines": 3,
        "funding.withdrawn_lines": 1,
    }


def test_funding_figures_first_meeting_movement_is_none(first):
    figures = funding_figures(first)
    assert [figures[f"funding.{k}_lines"] for k in ("new", "changed", "withdrawn")] == [None] * 3


def test_northshire_figures_exact(board_dir):
    status = funding_status(load_meeting(board_dir, "2026-05-12"))
    figures = funding_figures(status)
    assert figures["funding.committed_gbp"] == 220000.5
    assert figures["funding.spent_gbp"] == 141250.35
    assert figures["funding.kind.funding.committed_gbp"] == 135000.5  # "Funding" read as funding
    assert figures["funding.district.Eastmoor.committed_per_child_gbp"] == 6.67
    assert figures["funding.district.Westvale.committed_per_child_gbp"] == 0.63
    assert figures["funding.district.Kirkby Fell.committed_per_child_gbp"] == 5.0
    assert [figures[f"funding.{k}_lines"] for k in ("new", "changed", "withdrawn")] == [3, 1, 0]


@pytest.fixture
def meeting(board_dir):
    return load_meeting(board_dir, "2026-05-12")


def test_investment_by_organisation_pennies_exact(meeting):
    table = funding.investment_by_organisation(meeting.funding.table, meeting.config)
    assert table[["organisation", "lines", "committed_pence", "spent_pence"]].to_dict("list") == {
        "organisation": ["nsc", "nhs_north", "pcf"],
        "lines": [2, 1, 1],
        "committed_pence": [13500050, 8000000, 500000],
        "spent_pence": [6000025, 8000000, 125010],
    }
    assert table["spend_rate"].round(4).tolist() == [0.4444, 1.0, 0.25]


def test_spend_rate_nothing_committed_is_missing():
    rate = funding.spend_rate(pd.Series([0, 5]), pd.Series([0, 10]))
    assert rate.isna().tolist() == [True, False]
