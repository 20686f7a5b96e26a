"""The scale generator: N times every table of the sample, same shape, still meeting the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardbrief.contract.load import BoardData, load_board_data
from boardbrief.sample_data.scaled import write_scaled_data

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "data"
FACTOR = 3


@pytest.fixture(scope="module")
def source() -> BoardData:
    return load_board_data(SAMPLE)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], BoardData]:
    """The sample at 3x, written and loaded once (loading raises if it breaks the contract)."""
    out_dir = tmp_path_factory.mktemp("scaled")
    written = write_scaled_data(SAMPLE, out_dir, FACTOR)
    return out_dir, written, load_board_data(out_dir)


def test_scaled_data_validates_with_the_same_files(scaled, source):
    _, _, data = scaled
    assert data.files_read == source.files_read
    assert sorted(data.actions) == sorted(source.actions)
    assert sorted(data.funding) == sorted(source.funding)


def test_scaled_actions_are_three_times_each_snapshot_with_unique_ids(scaled, source):
    _, _, data = scaled
    for date, snapshot in source.actions.items():
        table = data.actions[date].table
        assert len(table) == FACTOR * len(snapshot.table)
        assert table["action_id"].is_unique
        for column in ("priority_area", "owner", "rag"):
            expected = (snapshot.table[column].value_counts() * FACTOR).sort_index()
            assert table[column].value_counts().sort_index().equals(expected), column


def test_scaled_action_ids_are_suffixed_copies_kept_across_snapshots(scaled, source):
    _, _, data = scaled
    for date, snapshot in source.actions.items():
        ids = set(snapshot.table["action_id"])
        expected = ids | {f"{i}-x001" for i in ids} | {f"{i}-x002" for i in ids}
        assert set(data.actions[date].table["action_id"]) == expected


def test_scaled_funding_is_three_times_each_register_with_unique_ids(scaled, source):
    _, _, data = scaled
    for date, register in source.funding.items():
        table = data.funding[date].table
        assert len(table) == FACTOR * len(register.table)
        assert table["line_id"].is_unique


def test_scaled_feedback_is_three_times_with_unique_ids_and_same_mix(scaled, source):
    _, _, data = scaled
    assert len(data.feedback) == FACTOR * len(source.feedback)
    assert data.feedback["feedback_id"].is_unique
    for column in ("date", "district", "consent_to_quote"):
        expected = (source.feedback[column].value_counts(dropna=False) * FACTOR).sort_index()
        assert data.feedback[column].value_counts(dropna=False).sort_index().equals(expected)


def test_scaled_data_copies_config_commentary_and_indicators_unchanged(scaled):
    out_dir, written, _ = scaled
    copied = ["board.yml", "themes.yml", "commentary", "indicators"]
    for name in copied:
        for path in [SAMPLE / name] if (SAMPLE / name).is_file() else (SAMPLE / name).glob("*"):
            target = out_dir / path.relative_to(SAMPLE)
            assert target.read_bytes() == path.read_bytes(), target
            assert target in written


def test_write_scaled_data_is_deterministic(scaled, tmp_path):
    out_dir, written, _ = scaled
    again = write_scaled_data(SAMPLE, tmp_path, FACTOR)
    assert [p.relative_to(tmp_path) for p in again] == [p.relative_to(out_dir) for p in written]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, written, strict=True))


def test_write_scaled_data_refuses_a_factor_below_one(tmp_path):
    with pytest.raises(ValueError, match="factor must be 1 or more"):
        write_scaled_data(SAMPLE, tmp_path, 0)
