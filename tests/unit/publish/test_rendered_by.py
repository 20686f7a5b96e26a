"""Who rendered a briefing and when its papers went out, as run.json records them."""

from __future__ import annotations

import datetime as dt
import getpass
import platform

import pytest

from boardbrief import errors
from boardbrief.cli import main
from boardbrief.errors import UsageError
from boardbrief.publish.rendered_by import circulated_date, rendered_by, who_and_when


def test_rendered_by_is_the_user_and_host_the_system_reports():
    assert rendered_by() == {"user": getpass.getuser(), "host": platform.node()}


@pytest.mark.parametrize("failure", [OSError("no USERNAME"), KeyError("uid"), ImportError("pwd")])
def test_rendered_by_records_no_user_when_the_system_cannot_say(monkeypatch, failure):
    def getuser() -> str:  # Windows with no USERNAME set raises like this
        raise failure

    monkeypatch.setattr(getpass, "getuser", getuser)
    assert rendered_by() == {"user": None, "host": platform.node()}


def test_rendered_by_records_no_host_when_the_system_has_no_name(monkeypatch):
    monkeypatch.setattr(platform, "node", lambda: "")
    assert rendered_by()["host"] is None


def test_circulated_date_reads_a_day_written_yyyy_mm_dd():
    assert circulated_date("2026-10-29") == dt.date(2026, 10, 29)


@pytest.mark.parametrize("text", ["2026-02-30", "29/10/2026", "20261029", "2026-10-29T09:00", ""])
def test_circulated_date_refuses_anything_else(text):
    with pytest.raises(UsageError, match=r"--circulated .*YYYY-MM-DD"):
        circulated_date(text)


def test_who_and_when_gives_run_json_its_two_keys():
    record = who_and_when(dt.date(2026, 10, 29))
    assert record == {"rendered_by": rendered_by(), "circulated": "2026-10-29"}
    assert who_and_when(None)["circulated"] is None


def test_render_with_a_bad_circulated_date_is_a_usage_error_before_any_work(tmp_path, capsys):
    code = main(["render", "--circulated", "2026-13-01", "--data", str(tmp_path / "none")])
    assert code == errors.EXIT_BAD_INPUT
    assert "--circulated '2026-13-01'" in capsys.readouterr().err


def test_render_all_refuses_a_circulated_date(tmp_path, capsys):
    code = main(["render", "--all", "--circulated", "2026-10-29", "--data", str(tmp_path)])
    assert code == errors.EXIT_BAD_INPUT
    assert "--circulated" in capsys.readouterr().err
