"""Who rendered, when the papers went out, and the numbers typed into the commentary, end to end."""

from __future__ import annotations

import getpass
import json
import platform
import re
import shutil
from pathlib import Path

import pytest

from tests.pipeline.browser import (
    describe_axe,
    describe_vnu,
    missing_for_chromium,
    missing_for_vnu,
    open_in_chromium,
    require,
    validate_html,
)
from tests.pipeline.conftest import REPO, render_once, run_cli

pytestmark = pytest.mark.pipeline

WRONG = "Of these, 2 are past their due date"
WARNING = (
    "boardbrief: warning: commentary/2026-11-05.md, line 12: 2 (actions past their due date) "
    "does not match actions.overdue, which this meeting's data gives as 15"
)


def _with_a_wrong_number(data: Path) -> None:
    """The sample in `data`, with an officer's slip in the latest commentary."""
    shutil.copytree(REPO / "data", data)
    commentary = data / "commentary" / "2026-11-05.md"
    text = commentary.read_text(encoding="utf-8")
    assert "Of these, 15 are past their due date" in text
    commentary.write_text(
        text.replace("Of these, 15 are past their due date", WRONG), encoding="utf-8"
    )


@pytest.fixture(scope="session")
def wrong_number(tmp_path_factory):
    """That sample rendered once for the whole run (xdist workers share it: `render_once`)."""

    def args(root: Path) -> list[str]:
        return ["render", "--no-area-pages", "--circulated", "2026-10-29",
                "--data", "data", "--out", "briefings"]  # fmt: skip

    root, rendered = render_once(
        tmp_path_factory, "wrong-number", args, lambda root: _with_a_wrong_number(root / "data")
    )
    assert rendered.returncode == 0, rendered.stderr
    return {"rendered": rendered, "folder": root / "briefings" / "2026-11-05"}


def test_a_wrong_number_in_the_commentary_is_warned_by_validate(tmp_path):
    _with_a_wrong_number(tmp_path / "data")
    validated = run_cli("validate", "--data", str(tmp_path / "data"))
    assert validated.returncode == 0, validated.stderr
    assert WARNING in validated.stderr.splitlines()


def test_a_wrong_number_in_the_commentary_is_warned_by_render(wrong_number):
    assert WARNING in wrong_number["rendered"].stderr.splitlines()


def test_a_wrong_number_in_the_commentary_is_listed_in_the_analysts_appendix(wrong_number):
    html = (wrong_number["folder"] / "briefing.html").read_text(encoding="utf-8")
    appendix = html[html.rindex(">For analysts: numbers in the commentary to check<") :]
    appendix = appendix[: appendix.index(">About this briefing<")]
    cells = [c.strip() for c in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", appendix)]
    assert cells[4:8] == [
        "2",
        "12",
        "Of these, 2 are past their due date and not yet complete.",
        "Actions past their due date: 15",
    ]
    assert "1 number matches none: check it with the officer" in appendix


def test_the_appendix_listing_a_wrong_number_is_accessible_and_valid(wrong_number):
    require(missing_for_chromium())
    require(missing_for_vnu())
    html = wrong_number["folder"] / "briefing.html"
    axe = open_in_chromium(html)["withJavaScript"]["axe"]
    assert axe["violations"] == [], "axe-core found:\n" + describe_axe(axe["violations"])
    errors = validate_html(html)
    assert errors == [], f"vnu.jar found in {html}:\n" + describe_vnu(errors)


def test_run_json_records_who_rendered_and_the_circulated_date_outside_the_briefing(
    wrong_number,
):
    record = json.loads((wrong_number["folder"] / "run.json").read_text(encoding="utf-8"))
    assert record["rendered_by"] == {"user": getpass.getuser(), "host": platform.node()}
    assert record["circulated"] == "2026-10-29"
    for name in ("briefing.html", "figures.json", "families.html"):
        text = (wrong_number["folder"] / name).read_text(encoding="utf-8")
        assert "2026-10-29" not in text and "29 October 2026" not in text


def test_the_samples_own_commentary_gives_no_warning(rendered_sample):
    assert "warning" not in rendered_sample["stderr"]
    heading = ">For analysts: numbers in the commentary to check<"
    appendix = rendered_sample["html"].split(heading)[-1]  # the section, not the contents link
    assert "Every number in it matches a figure of this briefing." in appendix.split("</p>")[0]
    validated = run_cli("validate", "--data", str(REPO / "data"))
    assert validated.returncode == 0 and "warning" not in validated.stderr


def test_the_sample_records_who_rendered_and_no_circulated_date(rendered_sample):
    record = json.loads((rendered_sample["folder"] / "run.json").read_text(encoding="utf-8"))
    assert record["rendered_by"]["user"] == getpass.getuser()
    assert record["circulated"] is None


def test_the_archive_index_labels_the_assessed_and_the_derived_rating(rendered_sample):
    index = (rendered_sample["folder"].parent / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Overall rating assessed by the lead officer</th>' in index
    assert '<th scope="col">Overall rating derived from the actions</th>' in index
    assert ">Overall rating</th>" not in index
