"""board.yml: what is accepted, and how each kind of mistake is reported."""

from pathlib import Path

import pytest

from boardbrief.contract.board_config import load_board_config
from boardbrief.contract.problems import DataError


def problems_for(board_dir: Path, text: str) -> list[str]:
    (board_dir / "board.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_board_config(board_dir)
    return [str(p) for p in caught.value.problems]


def test_load_board_config_fixture_reads_every_setting(board_dir):
    config = load_board_config(board_dir)
    assert config.board == "Northshire SEND Improvement Board"
    assert list(config.priority_areas) == ["waits", "voice", "prep"]
    assert config.organisation_ids == ["nsc", "nhs_north", "pcf", "college"]
    assert config.district_names == ["Eastmoor", "Westvale", "Kirkby Fell"]
    assert [d.isoformat() for d in config.meetings] == ["2026-03-10", "2026-04-14", "2026-05-12"]
    assert config.suppression_threshold == 3
    assert config.sample is False


def test_load_board_config_default_threshold_is_five(board_dir, edit):
    edit(board_dir / "board.yml", "suppression_threshold: 3\n", "")
    assert load_board_config(board_dir).suppression_threshold == 5


def test_load_board_config_missing_file_names_it(board_dir):
    (board_dir / "board.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_board_config(board_dir)
    assert (
        str(caught.value.problems[0])
        == "board.yml: expected this file to exist (see data/README.md)"
    )


def test_load_board_config_bad_values_name_line_and_field(board_dir):
    problems = problems_for(
        board_dir,
        "board: X\narea: Y\nla_code: E1000\npriority_areas: {a: A}\n"
        "organisations:\n  - {id: o1, name: O, type: t}\n"
        "districts:\n  - {name: D, population_0_25: -3}\n"
        "meetings: [2026-01-01, 2026-13-01, 20260101]\n",
    )
    assert problems == [
        "board.yml, line 3, column 'la_code': found 'E1000', expected a code like E10000017",
        "board.yml, line 8, column 'districts[0].population_0_25': found '-3', "
        "expected greater than 0",
        "board.yml, line 9, column 'meetings[1]': found '2026-13-01', "
        "expected a real date written as YYYY-MM-DD",
        "board.yml, line 9, column 'meetings[2]': found '20260101', "
        "expected a real date written as YYYY-MM-DD",
    ]


def test_load_board_config_duplicate_organisation_id_is_refused(board_dir, edit):
    edit(board_dir / "board.yml", "{id: college,", "{id: pcf,")
    problems = problems_for(board_dir, (board_dir / "board.yml").read_text())
    assert problems == [
        "board.yml, line 13, column 'organisations': "
        "expected unique organisation ids (ignoring case); repeated: pcf"
    ]


def test_load_board_config_names_differing_only_in_case_clash(board_dir, edit):
    edit(board_dir / "board.yml", "{name: Kirkby Fell,", "{name: WESTVALE,")
    problems = problems_for(board_dir, (board_dir / "board.yml").read_text())
    assert problems == [
        "board.yml, line 18, column 'districts': "
        "expected unique district names (ignoring case); repeated: Westvale and WESTVALE"
    ]


def test_load_board_config_repeated_key_is_refused(board_dir, edit):
    edit(board_dir / "board.yml", "  prep: Preparing for adulthood\n", "  prep: A\n  waits: B\n")
    problems = problems_for(board_dir, (board_dir / "board.yml").read_text())
    assert problems == ["board.yml, line 11: expected each key once, but 'waits' is also on line 8"]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("suppression_threshold: 3", "suppression_threshold: true", "suppression_threshold"),
        ("sample: false", "sample: yes please", "sample"),
        ("population_0_25: 3000", "population_0_25: '3000'", "districts[2].population_0_25"),
    ],
)
def test_load_board_config_numbers_and_flags_are_strict(board_dir, edit, old, new, field):
    edit(board_dir / "board.yml", old, new)
    problems = problems_for(board_dir, (board_dir / "board.yml").read_text())
    assert len(problems) == 1
    assert f"column '{field}'" in problems[0]


def test_load_board_config_missing_setting_is_named(board_dir, edit):
    edit(board_dir / "board.yml", "area: Northshire\n", "")
    problems = problems_for(board_dir, (board_dir / "board.yml").read_text())
    assert problems == ["board.yml, column 'area': expected this setting (it is required)"]


def test_load_board_config_python_tag_is_not_run(board_dir, tmp_path):
    marker = tmp_path / "ran"
    problems = problems_for(board_dir, f'!!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()
    assert problems[0].startswith("board.yml, line 1: expected plain YAML")


def test_load_board_config_not_a_mapping_is_refused(board_dir):
    assert problems_for(board_dir, "- just\n- a list\n") == [
        "board.yml: expected a YAML mapping of settings"
    ]


def test_load_board_config_not_utf8_names_the_line(board_dir):
    path = board_dir / "board.yml"
    text = path.read_text(encoding="utf-8").replace("Northshire College", "\u00a3 College")
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(DataError) as caught:
        load_board_config(board_dir)
    assert [str(p) for p in caught.value.problems] == [
        "board.yml, line 17: expected UTF-8 text, but byte 0xa3 is not UTF-8 "
        "(save the file as UTF-8)"
    ]


def test_load_board_config_risk_bands_default_and_override(board_dir, edit):
    from boardbrief.ratings import RiskBands

    assert load_board_config(board_dir).risk_bands.bands() == RiskBands(red_from=15, amber_from=8)
    edit(board_dir / "board.yml", "suppression_threshold: 3\n", "risk_bands: {red_from: 12}\n")
    assert load_board_config(board_dir).risk_bands.bands() == RiskBands(red_from=12, amber_from=8)


def test_load_board_config_risk_bands_amber_below_red(board_dir):
    text = (board_dir / "board.yml").read_text(encoding="utf-8")
    problems = problems_for(board_dir, text + "risk_bands: {red_from: 8, amber_from: 9}\n")
    line = len(text.splitlines()) + 1
    assert problems == [
        f"board.yml, line {line}, column 'risk_bands': expected amber_from less than red_from"
    ]
