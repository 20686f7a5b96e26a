"""A new board's first month: `init`, fill board.yml and one row per table, validate, render."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests.pipeline.conftest import run_cli

pytestmark = pytest.mark.pipeline


def test_init_then_one_row_per_table_validates_and_renders(tmp_path):
    folder = tmp_path / "our-board"
    result = run_cli("init", str(folder))
    assert result.returncode == 0, result.stderr

    board = yaml.safe_load((folder / "board.yml").read_text(encoding="utf-8"))
    board.update(
        board="Westshire SEND Partnership Board",
        area="Westshire",
        la_code="E10000098",
        priority_areas={"need": "Identifying need"},
        organisations=[{"id": "council", "name": "Westshire Council", "type": "county council"}],
        districts=[{"name": "Riverside", "population_0_25": 20000}],
        meetings=["2026-03-10"],
    )
    (folder / "board.yml").write_text(yaml.safe_dump(board), encoding="utf-8")
    rows = {
        "actions": "A1,need,Agree the assessment pathway,council,2026-06-30,In progress,amber,"
        "2026-03-01,Draft shared with schools,",
        "funding": "F1,council,need,funding,Assessment coordinators,50000,12000,Riverside",
        "feedback": "C1,2026-02-20,Parent carer forum,Riverside,parent,"
        "The EHCP took far too long to arrive,no,,2",
    }
    for table, row in rows.items():
        template = (folder / "templates" / f"{table}.csv").read_text(encoding="utf-8-sig")
        name = "comments.csv" if table == "feedback" else "2026-03-01.csv"
        (folder / table / name).write_text(template + row + "\r\n", encoding="utf-8")

    validated = run_cli("validate", "--data", str(folder))
    assert validated.returncode == 0, validated.stderr
    assert "(1 action snapshot, 1 investment register, 1 comment)" in validated.stdout
    assert "checked 5 files: 1 action snapshot, 1 investment register, 1 comment" in (
        validated.stderr
    )

    out = tmp_path / "briefings"
    rendered = run_cli("render", "--data", str(folder), "--out", str(out))
    assert rendered.returncode == 0, rendered.stderr
    html = (out / "2026-03-10" / "briefing.html").read_text(encoding="utf-8")
    assert "<h1>Westshire SEND Partnership Board</h1>" in html
    shutil.rmtree(out)
