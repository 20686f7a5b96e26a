"""Funding: totals, movement between registers, each district's share, figures and sentences.

Registers are made by hand, in pence, so every expected value can be checked on paper.
"""

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest

from boardbrief.contract.board_config import BoardConfig
from boardbrief.contract.load import Snapshot
from boardbrief.contract.meeting import Meeting, load_meeting
from boardbrief.sections import funding
from boardbrief.sections.funding import funding_figures, funding_status
from boardbrief.views import funding as views

JAN, FEB, MAR = dt.date(2026, 1, 10), dt.date(2026, 2, 10), dt.date(2026, 3, 10)
COLUMNS = ["line_id", "organisation", "priority_area", "kind", "district"]
COLUMNS += ["committed_pence", "spent_pence"]
WJ = "\u2060"  # the word joiner that keeps a change's sign beside its amount


def make_config(districts=(("East", 10000), ("West", 5000), ("North", 2000))) -> BoardConfig:
    return BoardConfig(
        board="Testshire Board",
        area="Testshire",
        la_code="E10000001",
        priority_areas={"waits": "Waiting times", "voice": "Voice of families"},
        organisations=[
            {"id": "council", "name": "Testshire Council", "type": "county council"},
            {"id": "nhs", "name": "Testshire NHS Trust", "type": "NHS trust"},
            {"id": "forum", "name": "Parent Carer Forum", "type": "voluntary sector"},
            {"id": "college", "name": "Testshire College", "type": "education"},
        ],
        districts=[{"name": n, "population_0_25": p} for n, p in districts],
        meetings=[JAN, FEB, MAR],
    )


def register(*lines: tuple) -> pd.DataFrame:
    table = pd.DataFrame(list(lines), columns=COLUMNS)
    return table.assign(description=[f"Line {i}" for i in table["line_id"]])


def make_meeting(config: BoardConfig, date: dt.date, registers: dict) -> Meeting:
    """A meeting as `select_meeting` would choose it, without files on disk."""
    snapshots = {d: Snapshot(d, f"funding/{d}.csv", t) for d, t in registers.items()}
    position = config.meetings.index(date)
    previous = config.meetings[position - 1] if position else None

    def as_at(day: dt.date | None) -> Snapshot | None:
        earlier = [d for d in snapshots if day and d <= day]
        return snapshots[max(earlier)] if earlier else None

    return Meeting(
        date=date,
        previous_date=previous,
        data=SimpleNamespace(config=config, funding=snapshots),
        actions=None,
        previous_actions=None,
        funding=as_at(date),
        previous_funding=as_at(previous),
        feedback=None,
        commentary=None,
    )


BEFORE = register(
    ("A1", "council", "waits", "funding", "", 1_000_000, 250_001),
    ("A2", "council", "waits", "staff time", "East", 500_050, 100_000),
    ("A3", "nhs", "voice", "funding", "West", 300_000, 0),
    ("A4", "forum", "voice", "physical resources", "East", 20_000, 20_000),
    ("A5", "college", "waits", "funding", "North", 40_000, 10_000),
)
AFTER = register(
    ("A1", "council", "waits", "funding", "", 1_000_000, 400_001),  # spend up
    ("A2", "council", "waits", "staff time", "East", 600_050, 100_000),  # commitment up
    ("A3", "forum", "voice", "funding", "North", 300_000, 0),  # new organisation and district
    ("A4", "forum", "voice", "physical resources", "East", 20_000, 20_000),  # unchanged
    ("A6", "nhs", "waits", "physical resources", "West", 99_999, 1),  # new
)  # A5 (the college's only line) withdrawn


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


def test_best_to_worst_ratio_none_when_a_district_has_nothing(config):
    status = funding_status(make_meeting(config, JAN, {JAN: BEFORE[BEFORE["line_id"] != "A5"]}))
    assert status.best_to_worst_ratio is None
    sentence = views.summary_sentences(status)[2]
    assert "North has no lines of its own." in sentence


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


def test_per_child_rounds_half_a_penny_up(config):
    # 62.5p per child: £0.63, not the £0.62 that rounding half to even would give
    table = register(("C1", "council", "waits", "funding", "West", 312_500, 0))
    status = funding_status(make_meeting(config, JAN, {JAN: table}))
    assert funding_figures(status)["funding.district.West.committed_per_child_gbp"] == 0.63
    assert views.gbp_per_child(62.5) == "£0.63"
    assert views.gbp_per_child(530_000 / 100) == "£53.00"


def test_summary_sentences(status):
    assert views.summary_sentences(status) == [
        "3 organisations have committed £20k across 5 lines: £13k as funding, £6,001 as staff "
        "time and £1,200 as physical resources. Testshire Council has committed the most (£16k, "
        "79% of the total), followed by Parent Carer Forum (£3,200) and Testshire NHS Trust "
        "(£1,000). 1 partner organisation has no lines in the register.",
        # committed 18,600.50 -> 20,200.49 (+1,599.99); spent 3,800.01 -> 5,200.02 (+1,400.01)
        "£5,200 (26%) of it has been spent. Spending is slowest in Voice of families (6% spent). "
        "Since the register of 10 January 2026, which the last meeting used, commitments rose by "
        "£1,600 and spending rose by £1,400; 1 line was added, 3 changed and 1 withdrawn.",
        # per child: North 150p, East 62.005p (the median), West 19.9998p (68% below it)
        "Counting only the £10k tied to a district, commitment per child aged 0 to 25 ranges "
        "from £1.50 in North to £0.20 in West: North has 7.5 times as much per child. 1 of 3 "
        "districts is more than 25% below the median of £0.62 per child: West. A further £10k "
        "(50% of all commitments) is countywide, not tied to any district.",
    ]


def test_summary_first_meeting_and_register_not_updated(config):
    first = funding_status(make_meeting(config, JAN, {JAN: BEFORE}))
    assert views.summary_sentences(first)[1].endswith(
        "This is the first register, so there is nothing to compare it with."
    )
    same = funding_status(make_meeting(config, FEB, {JAN: BEFORE}))
    assert same.change_counts == {"new": 0, "changed": 0, "withdrawn": 0, "unchanged": 5}
    assert views.summary_sentences(same)[1].endswith(
        "The register has not been updated since the last meeting: both use the register of "
        "10 January 2026."
    )
    assert "has not been updated" in str(views.funding_movement(same))


def test_organisation_table_shows_exact_money_and_changes(status):
    table = views.investment_by_organisation(status)
    assert (
        table.lead == "3 organisations have committed £20k, of which £5,200 (26%) has been spent."
    )
    assert [c.label for c in table.columns][-2:] == ["Committed: change", "Spent: change"]
    assert table.rows[0].cells == [
        "Testshire Council",
        "2",
        "£16,000.50",
        "£5,000.01",
        "31%",
        f"+{WJ}£1,000",
        f"+{WJ}£1,500",
    ]
    assert table.rows[3].cells[0] == "Testshire College"
    assert table.rows[3].cells[-2:] == [f"-{WJ}£400", f"-{WJ}£100"]
    assert table.rows[-1].total


def test_first_meeting_tables_have_no_change_columns(first):
    table = views.investment_by_kind(first)
    assert [c.label for c in table.columns] == [
        "Kind",
        "Lines",
        "Committed",
        "Spent",
        "Spend rate",
    ]
    assert "nothing to compare" in str(views.funding_movement(first))


def test_line_changes_table_says_what_changed(status):
    table = views.funding_line_changes(status)
    what = {row.cells[0]: row.cells[3] for row in table.rows}
    assert what == {
        "A6: Line A6": "New line",
        "A2: Line A2": "Commitment £5,000.50 to £6,000.50",
        "A3: Line A3": "Organisation Testshire NHS Trust to Parent Carer Forum; "
        "District West to North",
        "A5: Line A5": "Withdrawn (had committed £400, spent £100)",
    }
    assert table.notes == ["1 other line reported more spending, £1,500 in all."]


def test_per_child_table_flags_in_words(status):
    table = views.investment_per_child(status)
    flags = {row.cells[0]: row.cells[6] for row in table.rows}
    assert flags["West"] == "More than 25% below the median"
    assert flags["North"] == ""
    assert table.rows[-1].cells[:5] == [
        "Countywide lines (not tied to a district, not counted above)",
        "17,000",
        "1",
        "£10,000",
        "£0.59",
    ]
    assert "Best to worst: North has 7.5 times as much per child as West." in table.notes


def test_charts_have_alt_text_and_tables(status):
    chart = views.investment_per_child_chart(status)
    assert chart.alt.endswith("West is more than 25% below the median.")
    assert chart.data.rows[0].cells == ["North", "£1.50", "142% above", "No"]
    assert chart.svg.startswith("<?xml")
    area = views.investment_chart(status)
    assert area.alt.endswith("Waiting times £17k; Voice of families £3,200.")
    trend = views.spend_trend(status)
    assert trend.alt == (
        "Lines of committed and spent investment at each meeting from 10 January 2026 to "
        "10 February 2026. Committed went from £19k to £20k; spent from £3,800 (20%) to "
        "£5,200 (26%)."
    )
    assert "<details>" in trend._repr_html_()


def test_charts_are_deterministic(status):
    again = funding_status(make_meeting(make_config(), FEB, {JAN: BEFORE, FEB: AFTER}))
    assert views.investment_chart(status).svg == views.investment_chart(again).svg


def test_text_from_the_data_is_escaped(config):
    table = register(("<b>x</b>", "council", "waits", "funding", "", 100, 0))
    table["description"] = "<script>alert(1)</script>"
    previous = register(("D0", "council", "waits", "funding", "", 100, 0))
    status = funding_status(make_meeting(config, FEB, {JAN: previous, FEB: table}))
    html = views.funding_line_changes(status)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


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
