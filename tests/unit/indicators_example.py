"""Published-statistics files for the tests: the real ones in data/, and a small hand-made DfE file."""

from __future__ import annotations

from pathlib import Path

from boardbrief.contract.indicators.config import Measure
from boardbrief.contract.indicators.dfe import read_dfe_measures

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "data" / "indicators"
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
