"""The commentary check as render and validate run it, on the bundled sample's real figures."""

import shutil

import pytest

from boardbrief import paths
from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import select_meeting
from boardbrief.publish.commentary_check import (
    commentary_warnings,
    computed_figures,
    latest_commentary_warnings,
)

SAMPLE = paths.PROJECT_ROOT / "data"


@pytest.fixture(scope="module")
def sample():
    return load_board_data(SAMPLE)


@pytest.mark.parametrize("date", ["2026-10-01", "2026-11-05"])
def test_the_samples_commentaries_give_no_warning(sample, date):
    meeting = select_meeting(sample, date)
    assert commentary_warnings(meeting, computed_figures(meeting)) == []


def test_validate_warns_of_a_slip_in_the_latest_commentary(tmp_path):
    data = shutil.copytree(SAMPLE, tmp_path / "data")
    latest = data / "commentary" / "2026-11-05.md"
    text = latest.read_text(encoding="utf-8")
    latest.write_text(text.replace("£10.2 million of it", "£9.2 million of it"), encoding="utf-8")
    assert latest_commentary_warnings(load_board_data(data)) == [
        "commentary/2026-11-05.md, line 24: £9.2 million (spent by all partners) does not match "
        "funding.spent_gbp, which this meeting's data gives as 10233168.39"
    ]


def test_validate_checks_only_the_latest_meetings_commentary(tmp_path):
    data = shutil.copytree(SAMPLE, tmp_path / "data")
    earlier = data / "commentary" / "2026-10-01.md"
    text = earlier.read_text(encoding="utf-8")
    earlier.write_text(text.replace("12 are past", "2 are past"), encoding="utf-8")
    assert latest_commentary_warnings(load_board_data(data)) == []
