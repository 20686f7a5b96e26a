"""The sample data generator: reproducible to the byte, and true to the data contract."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from boardbrief.sample_data import phrases, write_sample_data
from boardbrief.sample_data.themes import THEMES

REPO = Path(__file__).resolve().parents[3]
COMMITTED = REPO / "data"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """One run of the generator with the default seed, shared by the checks below."""
    out_dir = tmp_path_factory.mktemp("sample")
    return out_dir, write_sample_data(out_dir)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, case-insensitive, as the codebook promises."""
    alternatives = "|".join(rf"(?<!\w){re.escape(phrase)}(?!\w)" for phrase in phrases)
    return re.compile(alternatives, re.IGNORECASE)


def test_default_seed_matches_committed_data_byte_for_byte(generated):
    out_dir, written = generated
    different = []
    for path in written:
        relative = path.relative_to(out_dir)
        committed = COMMITTED / relative
        if not committed.exists() or committed.read_bytes() != path.read_bytes():
            different.append(str(relative))
    assert different == [], (
        "data/ is out of date; regenerate with `python -m boardbrief.sample_data data`"
    )


def test_write_sample_data_returns_sorted_paths_inside_out_dir(generated):
    out_dir, written = generated
    assert written == sorted(written)
    assert len(written) == 27  # 18, measures.yml and four tables in measures/, four risk registers
    assert all(path.is_file() and out_dir in path.parents for path in written)


def test_board_has_24_plus_organisations_12_districts_6_meetings(generated):
    out_dir, _ = generated
    board = yaml.safe_load((out_dir / "board.yml").read_text(encoding="utf-8"))
    assert len(board["organisations"]) >= 24
    assert len(board["districts"]) == 12
    assert [str(day) for day in board["meetings"]] == [
        "2026-05-07",
        "2026-06-04",
        "2026-07-02",
        "2026-09-03",
        "2026-10-01",
        "2026-11-05",
    ]
    assert list(board["priority_areas"]) == [
        "access",
        "identifying_need",
        "outcomes",
        "strategy",
        "engagement",
    ]


def test_feedback_has_1500_plus_comments_with_unique_ids(generated):
    out_dir, _ = generated
    rows = [row for path in (out_dir / "feedback").glob("*.csv") for row in read_rows(path)]
    ids = [row["feedback_id"] for row in rows]
    assert len(rows) >= 1500
    assert len(set(ids)) == len(ids)


def test_actions_refer_only_to_known_areas_pledges_and_owners(generated):
    out_dir, _ = generated
    board = yaml.safe_load((out_dir / "board.yml").read_text(encoding="utf-8"))
    owners = {organisation["id"] for organisation in board["organisations"]}
    for path in sorted((out_dir / "actions").glob("*.csv")):
        for row in read_rows(path):
            assert row["priority_area"] in board["priority_areas"], (path.name, row)
            assert row["pledge"] in board["pledges"], (path.name, row)
            assert row["owner"] in owners, (path.name, row)


def test_actions_last_updated_on_or_before_snapshot_date(generated):
    out_dir, _ = generated
    for path in sorted((out_dir / "actions").glob("*.csv")):
        snapshot = date.fromisoformat(path.stem)
        rows = read_rows(path)
        assert 40 <= len(rows) <= 60
        assert all(date.fromisoformat(row["last_updated"]) <= snapshot for row in rows)


def test_funding_spent_between_zero_and_committed(generated):
    out_dir, _ = generated
    for path in sorted((out_dir / "funding").glob("*.csv")):
        for row in read_rows(path):
            committed, spent = float(row["committed_gbp"]), float(row["spent_gbp"])
            assert 0 <= spent <= committed, (path.name, row["line_id"])


def test_theme_bank_sentences_match_their_own_theme():
    patterns = {theme.id: phrase_pattern(theme.phrases) for theme in THEMES}
    misses = [
        (theme_id, sentence)
        for theme_id, bank in phrases.THEME_BANKS.items()
        for sentence in (*bank.parent, *bank.young_person, *bank.professional, *bank.asks)
        if not patterns[theme_id].search(sentence)
    ]
    misses += [
        ("positive_experience", sentence)
        for sentence in phrases.POSITIVE_IN_PERSON
        if not patterns["positive_experience"].search(sentence)
    ]
    assert misses == []


def test_neutral_banks_match_no_theme():
    everything = phrase_pattern(tuple(phrase for theme in THEMES for phrase in theme.phrases))
    neutral = (
        *phrases.PARENT_OPENERS,
        *phrases.IN_PERSON_OPENERS,
        *phrases.CARER_OPENERS,
        *phrases.PROFESSIONAL_OPENERS,
        *phrases.YOUNG_PERSON_OPENERS,
        *phrases.CONSEQUENCES,
        *phrases.YOUNG_PERSON_FEELINGS,
        *phrases.PROFESSIONAL_IMPACTS,
        *phrases.GENERAL_ASKS,
        *phrases.UNCODED_IN_PERSON,
        *phrases.UNCODED_WRITTEN,
        *phrases.UNCODED_TAILS,
        *phrases.UNCODED_HELPLINE,
        *phrases.HELPLINE_PREFIXES,
    )
    assert [sentence for sentence in neutral if everything.search(sentence)] == []


def test_uncoded_comments_about_eight_percent(generated):
    out_dir, _ = generated
    codebook = yaml.safe_load((out_dir / "themes.yml").read_text(encoding="utf-8"))
    phrases = tuple(phrase for theme in codebook["themes"] for phrase in theme["phrases"])
    everything = phrase_pattern(phrases)
    rows = [row for path in (out_dir / "feedback").glob("*.csv") for row in read_rows(path)]
    uncoded = sum(1 for row in rows if not everything.search(row["comment"]))
    assert 0.05 <= uncoded / len(rows) <= 0.12
