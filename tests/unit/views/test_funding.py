"""The funding section's sentences, tables and charts: exact money, changes in words, escaping."""

import pytest

from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.funding import funding_figures, funding_status
from boardbrief.views import funding as views
from tests.unit.funding_example import (
    AFTER,
    BEFORE,
    FEB,
    JAN,
    WJ,
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


def test_best_to_worst_ratio_none_when_a_district_has_nothing(config):
    status = funding_status(make_meeting(config, JAN, {JAN: BEFORE[BEFORE["line_id"] != "A5"]}))
    assert status.best_to_worst_ratio is None
    sentence = views.summary_sentences(status)[2]
    assert "North has no lines of its own." in sentence


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


def test_organisation_name_from_board_yml_is_escaped(board_dir, edit):
    edit(board_dir / "board.yml", "name: Northshire Council", "name: <script>alert(1)</script>")
    funds = funding_status(load_meeting(board_dir, "2026-05-12"))
    html = views.investment_by_organisation(funds)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_per_child_axis_labels_keep_the_pence_of_a_half_pound_tick():
    from boardbrief.charts.funding import per_child_tick

    assert [per_child_tick(v) for v in (0, 2.5, 5.0, 7.5, 1250)] == [
        "£0",
        "£2.50",
        "£5",
        "£7.50",
        "£1,250",
    ]


def test_spend_trend_alt_text_names_the_first_meeting_with_a_register(board_dir):
    from boardbrief import views
    from boardbrief.contract.meeting import load_meeting
    from boardbrief.sections.funding import funding_status

    # No register until April: 14 April is the second meeting, but the first with a register
    (board_dir / "funding" / "2026-03-01.csv").rename(board_dir / "funding" / "2026-04-01.csv")
    chart = views.spend_trend(funding_status(load_meeting(board_dir, "2026-04-14")))
    assert chart.alt.endswith("at 14 April 2026, the first meeting with an investment register.")
