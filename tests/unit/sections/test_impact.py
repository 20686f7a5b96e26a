"""Impact computations: changes, check flags and figures, on a small file and on the real ones."""

from __future__ import annotations

import shutil

from boardbrief.contract.board_config import load_board_config
from boardbrief.contract.indicators import load_indicators
from boardbrief.sections.impact import impact_figures, impact_status, measure_status
from boardbrief.views.impact import measure_table, summary_sentences
from tests.unit.indicators_example import (
    DFE_REAL,
    NHS_REAL,
    REPO,
    read_small,
)


def test_impact_status_changes_and_check_flag_on_small_file(tmp_path):
    status = measure_status(read_small(tmp_path)["rate"], 25)
    assert status.latest == {"area": 90.5, "region": 62.0, "england": None}
    assert status.latest_notes["england"] == "u"
    assert [(c.since, c.by) for c in status.changes["area"]] == [("2021", 50.5), ("2019", 20.5)]
    assert [(c.since, c.by) for c in status.changes["region"]] == [("2021", None), ("2019", 2.0)]
    assert status.checks[["geography", "period_label", "jump"]].values.tolist() == [
        ["area", "2022", 50.5]
    ]  # 2019 -> 2021 is not compared: 2020 is missing between them
    table = measure_table(status, 25)
    assert [row.cells for row in table.rows] == [
        ["Lancashire", "90.5% (check)", "+50.5 points", "+20.5 points"],
        ["North West", "62.0%", "\u2013", "+2.0 points"],
        ["England", "u", "\u2013", "\u2013"],
    ]
    assert "u: low reliability" in table.notes


def test_real_files_sample_board_figures_and_check_on_2022(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    indicators = load_indicators(data, load_board_config(data))
    status = impact_status(indicators)
    assert indicators.files_read == (f"indicators/{DFE_REAL}", f"indicators/{NHS_REAL}")
    figures = impact_figures(status)
    assert {k: v for k, v in figures.items() if k.startswith("impact.no_exc")} == {
        "impact.no_exc_20week_rate.latest": 98.649,
        "impact.no_exc_20week_rate.period": "2022",
        "impact.no_exc_20week_rate.region": 62.739,
        "impact.no_exc_20week_rate.england": 49.166,
    }
    timeliness = status.measures[0]
    assert timeliness.checks[["geography", "period_label", "jump"]].values.tolist() == [
        ["area", "2022", 32.649]
    ]
    assert summary_sentences(status)[1] == (
        "New EHC plans issued within 20 weeks, excluding exceptions, 2022: 98.6% in Lancashire, "
        "against 62.7% in the North West and 49.2% in England. In Lancashire it has risen 32.6 "
        "points since 2021 and 23.8 points since 2019 (higher is better). Check this figure: it "
        "rose 32.6 points in one year, more than the 25 points that usually means a change in "
        "how it was recorded rather than in practice; confirm it before relying on it."
    )


def test_load_indicators_without_a_section_is_empty(board_dir):
    indicators = load_indicators(board_dir, load_board_config(board_dir))
    assert (indicators.measures, indicators.waiting_lists, indicators.files_read) == ({}, None, ())
    assert summary_sentences(impact_status(indicators)) == []  # the section is left out


def test_period_end_is_the_last_day_a_published_period_can_cover():
    import datetime as dt

    from boardbrief.sections.impact import period_end

    assert period_end("2022") == dt.date(2022, 12, 31)
    assert period_end("2022/23") == dt.date(2023, 12, 31)


def test_a_figure_may_lead_only_when_neither_flagged_nor_a_year_older_than_the_meeting(tmp_path):
    import datetime as dt

    from boardbrief.sections.impact import can_lead, is_stale

    assert not is_stale(dt.date(2022, 12, 31), dt.date(2023, 12, 31))  # 365 days
    assert is_stale(dt.date(2022, 12, 31), dt.date(2024, 1, 1))  # 366 days
    measures = read_small(tmp_path)
    flagged = measure_status(measures["rate"], 25)  # 2022's 90.5 jumped 50.5 points: flagged
    plain = measure_status(measures["plans"], 25)  # a count is never flagged
    assert [can_lead(flagged, dt.date(2023, 6, 1)), can_lead(plain, dt.date(2023, 6, 1))] == [
        False,
        True,
    ]
    assert can_lead(plain, dt.date(2024, 1, 1)) is False  # 2022 is over a year old by then
