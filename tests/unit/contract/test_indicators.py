"""Published statistics: the DfE and NHS readers on hand-made files and on the real ones, and their settings."""

from __future__ import annotations

import datetime as dt
import math
import shutil

import pytest

from boardbrief.contract.board_config import Organisation, load_board_config
from boardbrief.contract.indicators import load_indicators
from boardbrief.contract.indicators.dfe import parse_cell, read_dfe_measures
from boardbrief.contract.indicators.nhs import read_waiting_lists
from boardbrief.contract.problems import DataError
from boardbrief.sections.impact import impact_status
from boardbrief.views.impact import partner_waiting_lists
from tests.unit.indicators_example import (
    COUNT,
    DFE_REAL,
    DFE_ROWS,
    HEADER,
    NHS_REAL,
    RATE,
    REAL,
    REPO,
    read_small,
    write,
)


def cells(series, geography: str) -> list:
    table = series.table
    return [
        note or (None if math.isnan(v) else v)
        for v, note in zip(table[geography], table[f"{geography}_note"], strict=True)
    ]


def test_parse_cell_symbols_are_missing_with_their_reason_never_zero():
    assert [parse_cell(text) for text in ["c", "x", "z", "u", "low", "LOW", "", " 5.25"]] == [
        (None, "c"),
        (None, "x"),
        (None, "z"),
        (None, "u"),
        (None, "low"),
        (None, "low"),
        (None, "blank"),
        (5.25, ""),
    ]


def test_read_dfe_measures_area_region_england_with_every_symbol(tmp_path):
    series = read_small(tmp_path)
    rate, plans = series["rate"], series["plans"]
    assert list(rate.table["period_label"]) == ["2019", "2020", "2021", "2022"]
    assert (rate.area_name, rate.region_code, rate.region_name) == (
        "Lancashire",
        "E12000002",
        "North West",
    )
    assert cells(rate, "area") == [70.0, "z", 40.0, 90.5]  # ' 90.5': leading space tolerated
    assert cells(rate, "region") == [60.0, "x", "no row", 62.0]  # the missing region row
    assert cells(rate, "england") == [50.0, "c", 52.5, "u"]
    assert cells(plans, "area") == [5.0, 6.0, "blank", 8.0]
    assert cells(plans, "england") == [100.0, 110.0, "low", 130.0]


def test_read_dfe_measures_unknown_la_code_names_the_code_and_file(tmp_path):
    with pytest.raises(DataError) as caught:
        read_small(tmp_path, la_code="E99999999")
    assert [str(p) for p in caught.value.problems] == [
        "dfe.csv, column 'new_la_code': found 'E99999999', expected the la_code in board.yml "
        "to match a 'Local authority' row of this file (check la_code in board.yml)"
    ]


def test_read_dfe_measures_text_and_out_of_range_percent_are_problems_with_row(tmp_path):
    rows = [
        *DFE_ROWS[:-1],
        "2018,Calendar year,Local authority,E12000002,North West,E10000017,Lancashire,n/a,1",
    ]
    rows[10] = rows[10].replace(" 90.5", "101")
    with pytest.raises(DataError) as caught:
        read_small(tmp_path, rows)
    assert [str(p) for p in caught.value.problems] == [
        "dfe.csv, row 12, column 'rate': found '101', expected a percentage from 0 to 100",
        "dfe.csv, row 13, column 'rate': found 'n/a', expected a number or one of the symbols "
        "c, low, u, x, z",
    ]


def test_read_dfe_measures_missing_measure_column_is_a_problem(tmp_path):
    name = write(
        tmp_path,
        "dfe.csv",
        [HEADER.replace(",plans", ""), *[r.rsplit(",", 1)[0] for r in DFE_ROWS]],
    )
    with pytest.raises(DataError) as caught:
        read_dfe_measures(tmp_path, name, [RATE, COUNT], "E10000017", "Lancashire")
    assert [str(p) for p in caught.value.problems] == [
        "dfe.csv, row 1, column 'plans': expected a column named 'plans' in the header row"
    ]


def test_real_dfe_file_exact_lancashire_north_west_england_cells():
    series = read_dfe_measures(
        REAL,
        DFE_REAL,
        [RATE.model_copy(update={"column": "no_exc_20week_rate"})],
        "E10000017",
        "Lancashire",
    )
    table = series["no_exc_20week_rate"].table.set_index("period")
    # grep E10000017 data/indicators/dfe_sen2_ehcp_timeliness_2014_2022.csv
    assert table.loc["2022", "area"] == 98.649  # published as ' 98.649'
    assert table.loc["2021", "area"] == 66.0
    assert table.loc["2015", "area_note"] == "z"
    assert table.loc["2022", "region"] == 62.739
    assert table.loc["2014", "region"] == 71.8
    assert table.loc["2022", "england"] == 49.166
    assert table.loc["2021", "england"] == 59.9
    assert list(table.index) == [str(year) for year in range(2014, 2023)]


def test_real_nhs_file_latest_month_partner_trusts_any_case_and_england(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    config = load_board_config(data)
    waiting = read_waiting_lists(REAL, NHS_REAL, config.organisations)
    assert waiting.month.isoformat() == "2023-10-01"
    table = waiting.table.set_index(["organisation", "service"])
    # October 2023 rows are in capitals: 'LANCASHIRE & SOUTH CUMBRIA NHS FOUNDATION TRUST'
    speech = table.loc[("lscft_trust", "Speech And Language")]
    assert (speech["total"], speech["over_52_weeks"]) == (2471.0, 221.0)
    assert round(speech["over_18_weeks_pct"], 4) == 59.6115
    assert math.isnan(table.loc[("elht_trust", "Audiology"), "total"])  # NA: not reported
    england = table.loc[("england", "Community Paediatric Service")]
    assert (england["total"], england["over_52_weeks"]) == (83253.0, 14033.0)
    assert waiting.last_reported == {
        "Southport and Ormskirk Hospital NHS Trust": dt.date(2023, 6, 1)
    }
    status = impact_status(load_indicators(data, config))
    rendered = partner_waiting_lists(status)
    assert rendered.rows[0].cells == [
        "East Lancashire Hospitals NHS Trust: Community paediatric service",
        "1,347",
        "46.3%",
        "1",
        "60.2%",
    ]


def test_read_waiting_lists_na_blank_and_unknown_nhs_name(tmp_path):
    name = write(
        tmp_path,
        "nhs.csv",
        [
            '"","Organisation Type","Organisation Name","formattedDate","Therapy","Total waiting list","Waiting >52 weeks","Percentage waiting more than 18 weeks"',
            '"1",NA,"England",2023-09-01,"Audiology",100,5,20',
            '"2",National,"England",2023-10-01,"Audiology",110,6,25.5',
            '"3",Provider,"TRUST A",2023-10-01,"Audiology",NA,NA,NA',
            '"4",Provider,"Trust A",2023-09-01,"Audiology",0,0,NA',
        ],
    )
    trust = Organisation(id="a", name="Trust A", type="NHS trust", nhs_name="Trust A")
    waiting = read_waiting_lists(tmp_path, name, [trust])
    assert waiting.table[["organisation", "service", "total"]].fillna(-1).values.tolist() == [
        ["a", "Audiology", -1],
        ["england", "Audiology", 110.0],
    ]
    unknown = Organisation(id="b", name="Trust B", type="NHS trust", nhs_name="Trust B")
    with pytest.raises(DataError) as caught:
        read_waiting_lists(tmp_path, name, [trust, unknown])
    assert [str(p) for p in caught.value.problems] == [
        "board.yml, column 'organisations[1].nhs_name': found 'Trust B', expected an "
        "organisation name found in nhs.csv (ignoring case)"
    ]


def test_load_indicators_collects_config_and_file_problems(board_dir, edit):
    text = (board_dir / "board.yml").read_text(encoding="utf-8")
    (board_dir / "board.yml").write_text(
        text + "indicators:\n  measures:\n  - file: indicators/none.csv\n    column: rate\n"
        "    label: Rate\n    better: up\n    unit: percent\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_indicators(board_dir, load_board_config(board_dir))
    assert len(caught.value.problems) == 1
    assert "indicators.measures[0].better" in str(caught.value.problems[0])
    edit(board_dir / "board.yml", "better: up", "better: higher")
    with pytest.raises(DataError) as caught:
        load_indicators(board_dir, load_board_config(board_dir))
    assert [str(p) for p in caught.value.problems] == [
        "indicators/none.csv: expected this file to exist (named in board.yml, indicators)"
    ]


@pytest.mark.parametrize(
    "url",
    ["http://example.org/stats", "javascript:alert(1)", 'https://example.org/"><script>'],
)
def test_source_url_must_be_a_plain_https_address(board_dir, url):
    text = (board_dir / "board.yml").read_text(encoding="utf-8")
    (board_dir / "board.yml").write_text(
        text + "indicators:\n  measures:\n  - file: indicators/none.csv\n    column: rate\n"
        f"    label: Rate\n    better: higher\n    unit: percent\n    source_url: '{url}'\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_indicators(board_dir, load_board_config(board_dir))
    assert len(caught.value.problems) == 1
    assert "indicators.measures[0].source_url" in str(caught.value.problems[0])
