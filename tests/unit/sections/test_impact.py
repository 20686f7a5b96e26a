"""Impact computations: changes, check flags and figures, on a small file and on the real ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from boardbrief.contract.board_config import load_board_config
from boardbrief.contract.indicators import load_indicators
from boardbrief.contract.indicators.config import Measure
from boardbrief.contract.indicators.dfe import read_dfe_measures
from boardbrief.sections.impact import impact_figures, impact_status, measure_status
from boardbrief.views.impact import measure_table, summary_sentences

REPO = Path(__file__).resolve().parents[3]


DFE_REAL = "dfe_sen2_ehcp_timeliness_2014_2022.csv"


NHS_REAL = "nhs_community_health_waiting_lists_2023.csv"


RATE = Measure(
    file="dfe.csv", column="rate", label="Plans on time", better="higher", unit="percent"
)


COUNT = Measure(file="dfe.csv", column="plans", label="New plans", better="lower", unit="count")


HEADER = "time_period,time_identifier,geographic_level,region_code,region_name,new_la_code,la_name,rate,plans"


DFE_ROWS = [
    "2019,Calendar year,National,,,,,50,100",
    "2020,Calendar year,National,,,,,c,110",
    "2021,Calendar year,National,,,,, 52.5,low",
    "2022,Calendar year,National,,,,,u,130",
    "2019,Calendar year,Regional,E12000002,North West,,,60,10",
    "2020,Calendar year,Regional,E12000002,North West,,,x,11",
    "2022,Calendar year,Regional,E12000002,North West,,,62,13",  # no 2021 row for the region
    "2019,Calendar year,Local authority,E12000002,North West,E10000017,Lancashire,70,5",
    "2020,Calendar year,Local authority,E12000002,North West,E10000017,Lancashire,z,6",
    "2021,Calendar year,Local authority,E12000002,North West,E10000017,Lancashire,40,",
    "2022,Calendar year,Local authority,E12000002,North West,E10000017,Lancashire, 90.5,8",
    "2022,Calendar year,Local authority,E12000002,North West,E10000016,Elsewhere,bad,9",
]


def write(folder: Path, name: str, lines: list[str]) -> str:
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def read_small(tmp_path: Path, rows: list[str] = DFE_ROWS, la_code: str = "E10000017"):
    name = write(tmp_path, "dfe.csv", [HEADER, *rows])
    return read_dfe_measures(tmp_path, name, [RATE, COUNT], la_code, "Lancashire")


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
    assert summary_sentences(impact_status(indicators))[0].startswith("No published statistics")
