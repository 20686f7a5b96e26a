"""Data as at the meeting: the cut-off, the frozen inputs, verify from them, corrections since."""

from __future__ import annotations

import json
import shutil

import pytest

from boardbrief.contract.inputs import input_records
from tests.conftest import NORTHSHIRE, NORTHSHIRE_APRIL_FILES
from tests.pipeline.conftest import run_cli

pytestmark = pytest.mark.pipeline


def _frozen_files(folder):
    inputs = folder / "inputs"
    return sorted(p.relative_to(inputs).as_posix() for p in inputs.rglob("*") if p.is_file())


def test_the_frozen_inputs_are_exactly_the_files_the_run_record_lists(rendered_sample):
    folder = rendered_sample["folder"]
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert record["as_at"] == "2026-11-05"
    assert record["inputs_folder"] == "inputs"
    frozen = _frozen_files(folder)
    assert input_records(folder / "inputs", frozen) == record["inputs"]
    assert "checked-data.pickle" not in {p.name for p in folder.rglob("*")}  # never published


def test_verify_of_an_earlier_meeting_survives_later_data(tmp_path):
    """Render April with a cut-off, then let the data grow as it does: comments appended to a
    file April read, a later meeting's files added and removed. April still verifies."""
    data, out = tmp_path / "data", tmp_path / "briefings"
    shutil.copytree(NORTHSHIRE, data)
    rendered = run_cli(
        "render", "2026-04-14", "--as-at", "2026-04-10", "--no-area-pages",
        "--data", str(data), "--out", str(out),
    )  # fmt: skip
    assert rendered.returncode == 0, rendered.stderr
    folder = out / "2026-04-14"
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    assert record["as_at"] == "2026-04-10"
    assert record["parameters"]["as_at"] == "2026-04-10"
    # not May's snapshot, register or commentary
    assert _frozen_files(folder) == list(NORTHSHIRE_APRIL_FILES)
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    assert "Only data dated on or before 10 April 2026, the cut-off" in html

    with (data / "feedback" / "dropins.csv").open("a", encoding="utf-8", newline="") as file:
        file.write("D-30,2026-11-20,Drop-in Eastmoor,Eastmoor,parent,Said in November,yes\n")
    (data / "commentary" / "2026-05-12.md").unlink()
    shutil.copyfile(data / "actions" / "2026-05-05.csv", data / "actions" / "2026-06-02.csv")
    board = data / "board.yml"
    board.write_text(
        board.read_text(encoding="utf-8").replace("2026-05-12]", "2026-05-12, 2026-06-09]"),
        encoding="utf-8",
    )

    verified = run_cli("verify", "2026-04-14", "--out", str(out))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stdout.splitlines()[:2] == [
        "2026-04-14: reproduced",
        f"  - re-rendered from the frozen inputs in {folder / 'inputs'}",
    ]
    agrees = run_cli("verify", "2026-04-14", "--out", str(out), "--against-data", str(data))
    assert agrees.returncode == 0, agrees.stdout + agrees.stderr
    assert agrees.stdout.splitlines() == [
        "2026-04-14: today's data agrees with the frozen data",
        f"  - {data} compared with the frozen inputs in {folder / 'inputs'}, as at 2026-04-10",
    ]


@pytest.fixture
def archive(tmp_path, rendered_without_area_pages):
    """A copy of the rendered Northshire archive (2026-05-12) and its data, safe to change.

    Without area pages: verify re-renders what the archive holds, and these tests are about
    the frozen inputs, not the area pages.
    """
    rendered = rendered_without_area_pages
    data, out = tmp_path / "data", tmp_path / "briefings"
    shutil.copytree(rendered["data"], data)
    shutil.copytree(rendered["out"], out)
    return data, out


def test_verify_against_data_reports_a_corrected_row(archive):
    data, out = archive
    plan = data / "actions" / "2026-05-05.csv"
    text = plan.read_text(encoding="utf-8")
    assert ",2026-04-30,In progress,R," in text
    plan.write_text(text.replace(",2026-04-30,In progress,R,", ",2026-04-30,In progress,A,"))
    result = run_cli("verify", "2026-05-12", "--out", str(out), "--against-data", str(data))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "2026-05-12: data corrected since",
        f"  - {data} compared with the frozen inputs in {out / '2026-05-12' / 'inputs'}, "
        "as at 2026-05-12",
        "  - actions/2026-05-05.csv: action W1 changed: rag red -> amber",
    ]


def test_verify_without_frozen_inputs_or_data_refuses(archive):
    _data, out = archive
    shutil.rmtree(out / "2026-05-12" / "inputs")
    record = json.loads((out / "2026-05-12" / "run.json").read_text(encoding="utf-8"))
    result = run_cli("verify", "2026-05-12", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"boardbrief: {out / '2026-05-12'} has no frozen inputs (it was rendered before they "
        "were kept): give the data folder to re-render it from with --data DIR (it was "
        f"rendered from {record['parameters']['data_dir']})"
    )
    assert not (out / ".verify").exists()


def test_verify_names_a_frozen_input_changed_since_the_render(archive):
    _data, out = archive
    plan = out / "2026-05-12" / "inputs" / "actions" / "2026-05-05.csv"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Backlog at 300", "Backlog at 290"))
    result = run_cli("verify", "2026-05-12", "--out", str(out))
    assert result.returncode == 3, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "2026-05-12: not reproduced",
        f"  - re-rendered from the frozen inputs in {out / '2026-05-12' / 'inputs'}",
        "  - inputs/actions/2026-05-05.csv: changed since the archived briefing was rendered",
    ]
