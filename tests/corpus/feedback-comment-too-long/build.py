"""A 25,000-character comment: readable, but over the contract's 20,000."""

from pathlib import Path


def build(data: Path) -> None:
    path = data / "feedback/survey.csv"
    text = path.read_text(encoding="utf-8-sig").replace(
        "Parking was hard", "Parking was hard " + "y" * 25_000
    )
    path.write_text(text, encoding="utf-8")
